import CGLPK
import ExactArithmetic

/// Solves ``LinearProgram``s with GLPK's primal simplex (`glp_simplex`).
///
/// This is the only file of GameSolve that touches `glp_*` handles. Each problem is created,
/// solved and freed inside one call and never shared across threads; GLPK's terminal output is
/// switched off per solve (`msg_lev = GLP_MSG_OFF`) so it never writes to our stdout. Every index
/// and bound is validated first, because GLPK calls `abort()` on bad input.
public struct GLPKSolver: Sendable {
    public init() {}

    /// Solves `program` in floating point.
    /// - Throws: ``LPError`` when the program is malformed or GLPK fails.
    /// - Complexity: simplex; polynomial on average, exponential in the worst case.
    public func solve(_ program: LinearProgram) throws -> LPSolution {
        try validate(program)
        let lp = glp_create_prob()!
        defer { glp_delete_prob(lp) }
        let n = program.variableCount, m = program.constraints.count
        glp_set_obj_dir(lp, program.direction == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(lp, 0, program.objectiveConstant.doubleValue)
        if n > 0 { glp_add_cols(lp, Int32(n)) }
        if m > 0 { glp_add_rows(lp, Int32(m)) }
        for j in 0..<n {
            let (type, lo, up) = Self.glpkBound(program.variableBounds[j])
            glp_set_col_bnds(lp, Int32(j + 1), type, lo, up)
            glp_set_obj_coef(lp, Int32(j + 1), program.objective[j].doubleValue)
        }
        for (r, row) in program.constraints.enumerated() {
            let (type, lo, up) = Self.glpkBound(row.bound)
            glp_set_row_bnds(lp, Int32(r + 1), type, lo, up)
            // GLPK arrays are 1-based: element 0 is ignored.
            var indices = [Int32](repeating: 0, count: row.terms.count + 1)
            var values = [Double](repeating: 0, count: row.terms.count + 1)
            for (k, term) in row.terms.enumerated() {
                indices[k + 1] = Int32(term.index + 1)
                values[k + 1] = term.coefficient.doubleValue
            }
            glp_set_mat_row(lp, Int32(r + 1), Int32(row.terms.count), &indices, &values)
        }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = GLP_OFF
        let code = glp_simplex(lp, &parameters)
        guard code == 0 else { throw LPError.solverFailed(code: code, meaning: Self.meaning(of: code)) }
        let status: LPStatus
        switch glp_get_status(lp) {
        case GLP_OPT: status = .optimal
        case GLP_NOFEAS: status = .infeasible
        case GLP_UNBND: status = .unbounded
        case let s:
            // With presolve off, glp_simplex returning 0 leaves one of the three statuses above;
            // anything else means the search stopped without an answer.
            throw LPError.solverFailed(code: s, meaning: "simplex ended with undetermined status \(s)")
        }
        let values = (0..<n).map { glp_get_col_prim(lp, Int32($0 + 1)) }
        let duals = (0..<m).map { glp_get_row_dual(lp, Int32($0 + 1)) }
        return LPSolution(status: status, objectiveValue: glp_get_obj_val(lp), values: values, duals: duals,
                          iterations: Int(glp_get_it_cnt(lp)))
    }

    func validate(_ program: LinearProgram) throws {
        let n = program.variableCount
        guard program.variableBounds.count == n else {
            throw LPError.invalidProgram("\(program.variableBounds.count) variable bounds for \(n) variables")
        }
        guard n < Int(Int32.max) / 2, program.constraints.count < Int(Int32.max) / 2 else {
            throw LPError.invalidProgram("too many rows or columns for GLPK")
        }
        for (j, b) in program.variableBounds.enumerated() { try Self.check(b, "variable \(j)") }
        for (r, row) in program.constraints.enumerated() {
            try Self.check(row.bound, "row \(r)")
            var seen = Set<Int>()
            for term in row.terms {
                guard term.index >= 0 && term.index < n else {
                    throw LPError.invalidProgram("row \(r) names variable \(term.index) of \(n)")
                }
                guard seen.insert(term.index).inserted else {
                    throw LPError.invalidProgram("row \(r) names variable \(term.index) twice")
                }
            }
        }
    }

    static func check(_ bound: LinearProgram.Bound, _ what: String) throws {
        if case .between(let lo, let up) = bound, lo > up {
            throw LPError.invalidProgram("\(what) has lower bound \(lo) above upper bound \(up)")
        }
    }

    static func glpkBound(_ bound: LinearProgram.Bound) -> (Int32, Double, Double) {
        switch bound {
        case .free: return (GLP_FR, 0, 0)
        case .atLeast(let lo): return (GLP_LO, lo.doubleValue, 0)
        case .atMost(let up): return (GLP_UP, 0, up.doubleValue)
        case .between(let lo, let up): return lo == up ? (GLP_FX, lo.doubleValue, lo.doubleValue) : (GLP_DB, lo.doubleValue, up.doubleValue)
        case .equal(let v): return (GLP_FX, v.doubleValue, v.doubleValue)
        }
    }

    static func meaning(of code: Int32) -> String {
        switch code {
        case GLP_EBADB: return "invalid initial basis"
        case GLP_ESING: return "singular basis matrix"
        case GLP_ECOND: return "ill-conditioned basis matrix"
        case GLP_EBOUND: return "incorrect bounds"
        case GLP_EFAIL: return "solver failure"
        case GLP_EOBJLL, GLP_EOBJUL: return "objective limit reached"
        case GLP_EITLIM: return "iteration limit exceeded"
        case GLP_ETMLIM: return "time limit exceeded"
        case GLP_ENOPFS: return "no primal feasible solution (presolver)"
        case GLP_ENODFS: return "no dual feasible solution (presolver)"
        default: return "unknown return code"
        }
    }
}
