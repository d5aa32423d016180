import CGLPK
import ExactArithmetic

/// Solves ``LinearProgram``s with GLPK's simplex (`glp_simplex`) in floating point, or exactly:
/// GLPK proposes an optimal basis and GameSolve recomputes and certifies it in rationals
/// (``LinearProgram/certifyBasis(rowStatus:columnStatus:)``), falling back to GLPK's exact
/// rational simplex (`glp_exact`, warm-started from that basis) when the floating basis is wrong.
///
/// This is the only file of GameSolve that touches `glp_*` handles. Each problem is created,
/// solved and freed inside one call and never shared across threads; GLPK's terminal output is
/// switched off per solve (`msg_lev = GLP_MSG_OFF`) so it never writes to our stdout. Every index,
/// count and number is validated first, because GLPK calls `abort()` on bad input.
public struct GLPKSolver: Sendable {
    /// Which simplex variant GLPK runs in floating point.
    public enum Simplex: String, Sendable, CaseIterable {
        /// Primal simplex (GLPK's default).
        case primal
        /// Dual simplex, falling back to primal if it fails (`GLP_DUALP`).
        case dual
    }

    /// Where an exact solve starts.
    public enum ExactStart: String, Sendable, CaseIterable {
        /// Floating simplex first; certify its basis in rationals; only if that fails, run
        /// `glp_exact` from that basis. Fast: the exact work is one basis solve when the floating
        /// basis is right, which it nearly always is.
        case floatingBasis
        /// `glp_exact` from GLPK's standard basis, then certify. Slow (every pivot in GMP rationals).
        case exactSimplex
    }

    /// How the floating simplex picks the entering (primal) or leaving (dual) variable.
    public enum Pricing: String, Sendable, CaseIterable {
        /// Projected steepest edge (GLPK's default, `GLP_PT_PSE`): fewer iterations, each dearer.
        case steepestEdge
        /// Textbook Dantzig pricing (`GLP_PT_STD`): cheaper iterations; pays on small, wide LPs
        /// solved many times (the nucleolus's level LPs and Kohlberg's balancedness LPs).
        case standard
    }

    /// The floating simplex variant.
    public var simplex: Simplex
    /// The pricing rule of the floating simplex.
    public var pricing: Pricing
    /// GLPK's iteration limit per call (nil: none). Reaching it is a thrown ``LPError``.
    public var iterationLimit: Int?
    /// For `solveExactly` with the dual simplex: when the dual's final basis fails the exact
    /// certificate, rerun the primal simplex from GLPK's standard basis and certify that, before
    /// falling back to `glp_exact` (which is slow on large LPs). The dual simplex is much faster on
    /// correlated-equilibrium LPs, but on large degenerate ones its basis can be infeasible by
    /// more than GLPK's tolerances.
    public var retryWithPrimal = false
    /// Wall-clock limit for one `solve` or `solveExactly` call, floating and exact simplex
    /// together (GLPK's `tm_lim`; nil: none). Reaching it throws ``LPError/timeLimitReached``.
    /// The exact basis certificate itself is not interrupted (it is one basis solve).
    public var timeLimit: Duration?

    public init() {
        simplex = .primal
        pricing = .steepestEdge
        iterationLimit = nil
    }

    public init(simplex: Simplex, pricing: Pricing = .steepestEdge, iterationLimit: Int? = nil) {
        self.simplex = simplex
        self.pricing = pricing
        self.iterationLimit = iterationLimit
    }

    /// Solves `program` in floating point.
    /// - Returns: status, values, row duals, reduced costs and the basis; ``LPSolution/exact`` is nil.
    /// - Throws: ``LPError`` when the program is malformed or GLPK fails.
    /// - Complexity: simplex; polynomial on average, exponential in the worst case.
    public func solve(_ program: LinearProgram) throws -> LPSolution {
        try validate(program)
        let lp = glp_create_prob()!
        defer { glp_delete_prob(lp) }
        load(program, into: lp, scaled: false)
        let code = try runSimplex(lp, deadline: deadline())
        guard code == 0 else { throw LPError.solverFailed(code: code, meaning: Self.meaning(of: code)) }
        let status = try Self.status(of: lp)
        let n = program.variableCount, m = program.constraints.count
        let (rowStatus, columnStatus) = Self.basis(of: lp, rows: m, columns: n)
        return LPSolution(status: status, objectiveValue: glp_get_obj_val(lp),
                          values: (0..<n).map { glp_get_col_prim(lp, Int32($0 + 1)) },
                          duals: (0..<m).map { glp_get_row_dual(lp, Int32($0 + 1)) },
                          iterations: Int(glp_get_it_cnt(lp)),
                          reducedCosts: (0..<n).map { glp_get_col_dual(lp, Int32($0 + 1)) },
                          rowStatus: rowStatus, columnStatus: columnStatus, exact: nil, isCertified: false)
    }

    /// Solves `program` exactly and certifies the answer.
    ///
    /// Steps: (1) GLPK's floating simplex on the program with each row scaled to integers (so
    /// GLPK sees the data exactly whenever the scaled integers fit in a double); (2) the final basis
    /// is recomputed in rationals and certified optimal (primal feasible, dual feasible, equal
    /// objectives, all exact); (3) if the exact solution of that basis is slightly infeasible,
    /// up to ``refinementRounds`` rounds of iterative refinement (the bounds shifted by the exact
    /// point and scaled, re-solved from the same basis by the dual simplex) propose new bases,
    /// each certified the same way; with ``retryWithPrimal``, the primal simplex from scratch is
    /// tried next; if all that fails, `glp_exact` (GLPK's rational simplex) continues from the
    /// last basis and its basis is certified the same way; (4) an "infeasible" or "unbounded"
    /// verdict is certified too, with auxiliary LPs solved and certified exactly: the minimum total
    /// violation (phase 1) is positive for an infeasible program; for an unbounded one it is zero
    /// and a ray improving the objective by 1 exists.
    ///
    /// - Returns: a solution whose ``LPSolution/exact`` is the certified optimum when the status is
    ///   optimal; `isCertified` is true. Floating fields are the exact values rounded.
    /// - Throws: ``LPError/notCertified(_:)`` rather than return an unverified answer;
    ///   ``LPError/solverFailed(code:meaning:)`` when GLPK fails; ``LPError/invalidProgram(_:)``.
    /// - Complexity: the floating simplex, plus O(k³) exact operations for the k x k basis core
    ///   (k ≤ min(m, n)), plus the exact simplex's pivots only when the fallback runs.
    public func solveExactly(_ program: LinearProgram, start: ExactStart = .floatingBasis) throws -> LPSolution {
        try solveExactly(program, start: start, depth: 0, deadline: deadline())
    }

    /// When a call started now must stop (nil without a ``timeLimit``).
    private func deadline() -> ContinuousClock.Instant? { timeLimit.map { ContinuousClock.now + $0 } }

    /// GLPK's `tm_lim` (milliseconds) for the time left before `deadline`; throws when none is left.
    private static func milliseconds(until deadline: ContinuousClock.Instant) throws -> Int32 {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { throw LPError.timeLimitReached }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }

    private func solveExactly(_ program: LinearProgram, start: ExactStart, depth: Int,
                              deadline: ContinuousClock.Instant?) throws -> LPSolution {
        try validate(program)
        let lp = glp_create_prob()!
        defer { glp_delete_prob(lp) }
        let rowScales = load(program, into: lp, scaled: true)
        let n = program.variableCount, m = program.constraints.count
        var lastFailure = "no basis was proposed"
        // glp_exact refuses a problem without rows or columns; the floating simplex handles it.
        let useExactFirst = start == .exactSimplex && m > 0 && n > 0
        if !useExactFirst {
            let code = try runSimplex(lp, deadline: deadline)
            if code == GLP_ETMLIM { throw LPError.timeLimitReached }
            if code == 0, glp_get_status(lp) == GLP_OPT {
                let (rowStatus, columnStatus) = Self.basis(of: lp, rows: m, columns: n)
                switch program.certifyBasis(rowStatus: rowStatus, columnStatus: columnStatus) {
                case .success(let exact):
                    return Self.exactSolution(exact, rowStatus, columnStatus, iterations: Int(glp_get_it_cnt(lp)))
                case .failure(let why):
                    lastFailure = "floating basis: \(why)"
                    // Repair by iterative refinement from this basis (a few rounds at most).
                    var failure = why
                    for round in 1...Self.refinementRounds {
                        guard let point = failure.primal else { break }
                        let code = try refine(lp, program, rowScales: rowScales, at: point, deadline: deadline)
                        guard code == 0, glp_get_status(lp) == GLP_OPT else { break }
                        let (rows2, columns2) = Self.basis(of: lp, rows: m, columns: n)
                        switch program.certifyBasis(rowStatus: rows2, columnStatus: columns2) {
                        case .success(let exact):
                            return Self.exactSolution(exact, rows2, columns2, iterations: Int(glp_get_it_cnt(lp)), refinements: round)
                        case .failure(let next):
                            failure = next
                            lastFailure += "; refinement \(round): \(next)"
                        }
                    }
                    if retryWithPrimal && simplex == .dual {
                        glp_std_basis(lp)
                        let code = try runSimplex(lp, deadline: deadline, method: .primal)
                        if code == 0, glp_get_status(lp) == GLP_OPT {
                            let (rows2, columns2) = Self.basis(of: lp, rows: m, columns: n)
                            switch program.certifyBasis(rowStatus: rows2, columnStatus: columns2) {
                            case .success(let exact):
                                return Self.exactSolution(exact, rows2, columns2, iterations: Int(glp_get_it_cnt(lp)))
                            case .failure(let why2): lastFailure += "; primal basis: \(why2)"
                            }
                        }
                    }
                }
            } else if code != 0 {
                glp_std_basis(lp)
            }
        }
        var status: LPStatus
        if m > 0 && n > 0 {
            var parameters = glp_smcp()
            glp_init_smcp(&parameters)
            parameters.msg_lev = GLP_MSG_OFF
            if let limit = iterationLimit { parameters.it_lim = Int32(clamping: limit) }
            if let deadline { parameters.tm_lim = try Self.milliseconds(until: deadline) }
            let code = glp_exact(lp, &parameters)
            if code == GLP_ETMLIM { throw LPError.timeLimitReached }
            guard code == 0 else { throw LPError.solverFailed(code: code, meaning: "glp_exact: " + Self.meaning(of: code)) }
            status = try Self.status(of: lp)
        } else {
            status = try Self.status(of: lp)
        }
        let iterations = Int(glp_get_it_cnt(lp))
        let (rowStatus, columnStatus) = Self.basis(of: lp, rows: m, columns: n)
        switch status {
        case .optimal:
            switch program.certifyBasis(rowStatus: rowStatus, columnStatus: columnStatus) {
            case .success(let exact):
                return Self.exactSolution(exact, rowStatus, columnStatus, iterations: iterations)
            case .failure(let why):
                throw LPError.notCertified("\(lastFailure); exact simplex basis: \(why)")
            }
        case .infeasible, .unbounded:
            guard depth == 0 else {
                throw LPError.notCertified("an auxiliary certification LP was reported \(status)")
            }
            let extra = try certifyStatus(status, of: program, deadline: deadline)
            return LPSolution(status: status, objectiveValue: status == .unbounded ? (program.direction == .minimize ? -.infinity : .infinity) : .nan,
                              values: [], duals: [], iterations: iterations + extra, reducedCosts: [],
                              rowStatus: rowStatus, columnStatus: columnStatus, exact: nil, isCertified: true)
        }
    }

    /// Certifies an "infeasible" or "unbounded" verdict with exactly solved auxiliary LPs; returns
    /// their iteration count.
    private func certifyStatus(_ status: LPStatus, of program: LinearProgram, deadline: ContinuousClock.Instant?) throws -> Int {
        let n = program.variableCount, m = program.constraints.count
        // Phase 1: min Σ (pᵣ + qᵣ) s.t. boundᵣ(aᵣ·x + pᵣ − qᵣ), original column bounds, p, q ≥ 0.
        var phase1 = LinearProgram(direction: .minimize,
                                   objective: Array(repeating: .zero, count: n) + Array(repeating: .one, count: 2 * m),
                                   variableBounds: program.variableBounds + Array(repeating: .atLeast(.zero), count: 2 * m))
        for (r, row) in program.constraints.enumerated() {
            phase1.add(row.terms + [(n + 2 * r, .one), (n + 2 * r + 1, -1)], row.bound)
        }
        let first = try solveExactly(phase1, start: .floatingBasis, depth: 1, deadline: deadline)
        guard let violation = first.exact?.objectiveValue else {
            throw LPError.notCertified("the phase-1 LP was not solved exactly")
        }
        if status == .infeasible {
            guard violation > .zero else { throw LPError.notCertified("GLPK reported infeasible but a feasible point exists") }
            return first.iterations
        }
        guard violation.isZero else { throw LPError.notCertified("GLPK reported unbounded but the program is infeasible") }
        // Ray: improve the objective by exactly 1 along d with A·d and d in the recession cone.
        func cone(_ bound: LinearProgram.Bound) -> LinearProgram.Bound {
            switch (bound.lowerValue, bound.upperValue) {
            case (nil, nil): return .free
            case (_?, nil): return .atLeast(.zero)
            case (nil, _?): return .atMost(.zero)
            case (_?, _?): return .equal(.zero)
            }
        }
        let sign: Rational = program.direction == .maximize ? 1 : -1
        var ray = LinearProgram(direction: .maximize, objective: program.objective.map { $0 * sign },
                                variableBounds: program.variableBounds.map(cone))
        for row in program.constraints { ray.add(row.terms, cone(row.bound)) }
        ray.add(program.objective.enumerated().compactMap { $0.element.isZero ? nil : ($0.offset, $0.element * sign) }, .atMost(.one))
        let second = try solveExactly(ray, start: .floatingBasis, depth: 1, deadline: deadline)
        guard second.exact?.objectiveValue == .one else {
            throw LPError.notCertified("GLPK reported unbounded but no improving ray exists")
        }
        return first.iterations + second.iterations
    }

    private static func exactSolution(_ exact: ExactLPSolution, _ rowStatus: [LPBasisStatus],
                                      _ columnStatus: [LPBasisStatus], iterations: Int, refinements: Int = 0) -> LPSolution {
        let images = exact.doubleImages
        var solution = LPSolution(status: .optimal, objectiveValue: exact.objectiveValue.doubleValue,
                   values: images.values, duals: images.duals,
                   iterations: iterations, reducedCosts: images.reducedCosts,
                   rowStatus: rowStatus, columnStatus: columnStatus, exact: exact, isCertified: true)
        solution.refinementRounds = refinements
        return solution
    }

    /// Rounds of iterative refinement tried on a floating basis that fails the exact check, before
    /// the primal simplex from scratch (``retryWithPrimal``) and GLPK's exact simplex.
    static let refinementRounds = 4

    // MARK: GLPK calls

    /// Loads a validated program. With `scaled`, each row (and the objective) is multiplied by
    /// the least common multiple of its denominators, so GLPK sees integers; the basis, which is
    /// all an exact solve reads back, is unchanged by positive row scaling.
    @discardableResult
    private func load(_ program: LinearProgram, into lp: OpaquePointer, scaled: Bool) -> [Rational] {
        let n = program.variableCount, m = program.constraints.count
        glp_set_obj_dir(lp, program.direction == .minimize ? GLP_MIN : GLP_MAX)
        if n > 0 { glp_add_cols(lp, Int32(n)) }
        if m > 0 { glp_add_rows(lp, Int32(m)) }
        let objectiveScale = scaled ? Self.moderate(Self.integerScale(program.objective), program.objective) : .one
        glp_set_obj_coef(lp, 0, scaled ? 0 : program.objectiveConstant.doubleValue)
        for j in 0..<n {
            let (type, lo, up) = Self.glpkBound(program.variableBounds[j], scale: .one)
            glp_set_col_bnds(lp, Int32(j + 1), type, lo, up)
            glp_set_obj_coef(lp, Int32(j + 1), (program.objective[j] * objectiveScale).doubleValue)
        }
        var rowScales = [Rational](repeating: .one, count: m)
        for (r, row) in program.constraints.enumerated() {
            var scale = Rational.one
            if scaled {
                var numbers = row.terms.map(\.coefficient)
                if let l = row.bound.lowerValue { numbers.append(l) }
                if let u = row.bound.upperValue { numbers.append(u) }
                scale = Self.moderate(Self.integerScale(numbers), numbers)
                rowScales[r] = scale
            }
            let (type, lo, up) = Self.glpkBound(row.bound, scale: scale)
            glp_set_row_bnds(lp, Int32(r + 1), type, lo, up)
            // GLPK arrays are 1-based: element 0 is ignored.
            var indices = [Int32](repeating: 0, count: row.terms.count + 1)
            var values = [Double](repeating: 0, count: row.terms.count + 1)
            for (k, term) in row.terms.enumerated() {
                indices[k + 1] = Int32(term.index + 1)
                values[k + 1] = (term.coefficient * scale).doubleValue
            }
            glp_set_mat_row(lp, Int32(r + 1), Int32(row.terms.count), &indices, &values)
        }
        return rowScales
    }

    /// Iterative refinement of a basis whose exact primal solution x* is slightly infeasible
    /// (the floating simplex stopped within its tolerances, but the exact check found a violation):
    /// the same LP is re-solved from the same basis with every bound shifted by the exact
    /// activity and value of x* and scaled by Δ = 1/(largest violation), so the violations GLPK
    /// could not see become of order 1 and its primal simplex pivots them away (Gleixner, Steffy
    /// & Wolter, "Iterative refinement for linear programming", INFORMS J. Computing 28(3), 2016,
    /// the primal half of their scheme; the dual simplex re-solves). The bounds are restored afterwards; the new basis is
    /// certified against the original program by the caller.
    /// - Returns: GLPK's return code after the refinement solve.
    private func refine(_ lp: OpaquePointer, _ program: LinearProgram, rowScales: [Rational],
                        at point: (values: CommonDenominatorVector, activities: CommonDenominatorVector),
                        deadline: ContinuousClock.Instant?) throws -> Int32 {
        let n = program.variableCount, m = program.constraints.count
        // Shifted bounds (bound − x*) in doubles from the exact differences, and the largest violation.
        var columnShift = [(Double?, Double?)](), rowShift = [(Double?, Double?)]()
        var violation = 0.0
        for j in 0..<n {
            let b = program.variableBounds[j]
            let lo = b.lowerValue.map { point.values.difference($0, minus: j) }
            let up = b.upperValue.map { point.values.difference($0, minus: j) }
            violation = max(violation, lo ?? 0, -(up ?? 0))
            columnShift.append((lo, up))
        }
        for r in 0..<m {
            let b = program.constraints[r].bound, s = rowScales[r].doubleValue
            let lo = b.lowerValue.map { point.activities.difference($0, minus: r) * s }
            let up = b.upperValue.map { point.activities.difference($0, minus: r) * s }
            violation = max(violation, lo ?? 0, -(up ?? 0))
            rowShift.append((lo, up))
        }
        let delta = violation > 0 ? min(0x1p50, max(1, 1 / violation)) : 1
        func set(_ shift: (Double?, Double?)) -> (Int32, Double, Double) {
            switch shift {
            case (nil, nil): return (GLP_FR, 0, 0)
            case (let lo?, nil): return (GLP_LO, lo * delta, 0)
            case (nil, let up?): return (GLP_UP, 0, up * delta)
            case (let lo?, let up?): return lo == up ? (GLP_FX, lo * delta, lo * delta) : (GLP_DB, lo * delta, up * delta)
            }
        }
        for j in 0..<n { let (t, lo, up) = set(columnShift[j]); glp_set_col_bnds(lp, Int32(j + 1), t, lo, up) }
        for r in 0..<m { let (t, lo, up) = set(rowShift[r]); glp_set_row_bnds(lp, Int32(r + 1), t, lo, up) }
        defer {
            for j in 0..<n {
                let (t, lo, up) = Self.glpkBound(program.variableBounds[j], scale: .one)
                glp_set_col_bnds(lp, Int32(j + 1), t, lo, up)
            }
            for r in 0..<m {
                let (t, lo, up) = Self.glpkBound(program.constraints[r].bound, scale: rowScales[r])
                glp_set_row_bnds(lp, Int32(r + 1), t, lo, up)
            }
        }
        // The basis stays dual feasible and only primal violations were shifted in: the dual
        // simplex removes them in a few pivots (the primal simplex took thousands of phase-1
        // pivots on 40x40 correlated-equilibrium LPs).
        return try runSimplex(lp, deadline: deadline, method: .dual)
    }

    private func runSimplex(_ lp: OpaquePointer, deadline: ContinuousClock.Instant?, method: Simplex? = nil,
                            tolerance: Double? = nil) throws -> Int32 {
        // Equilibrate rows and columns (GLPK keeps the scale factors internal: every value it
        // reports is unscaled). Without it the primal simplex drifts on dense game matrices.
        // glp_scale_prob prints its report whatever msg_lev says, so terminal output is switched
        // off around it; glp_term_out acts on the calling thread only (GLPK keeps it
        // thread-local), and the previous setting is restored.
        let previous = glp_term_out(GLP_OFF)
        glp_scale_prob(lp, GLP_SF_AUTO)
        glp_term_out(previous)
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = GLP_OFF
        parameters.meth = (method ?? simplex) == .primal ? GLP_PRIMAL : GLP_DUALP
        parameters.pricing = pricing == .steepestEdge ? GLP_PT_PSE : GLP_PT_STD
        if let tolerance {
            parameters.tol_bnd = tolerance
            parameters.tol_dj = tolerance
        }
        if let limit = iterationLimit { parameters.it_lim = Int32(clamping: limit) }
        if let deadline { parameters.tm_lim = try Self.milliseconds(until: deadline) }
        let code = glp_simplex(lp, &parameters)
        if code == GLP_ETMLIM { throw LPError.timeLimitReached }
        return code
    }

    private static func status(of lp: OpaquePointer) throws -> LPStatus {
        switch glp_get_status(lp) {
        case GLP_OPT: return .optimal
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        case let s:
            // With presolve off, a return code of 0 leaves one of the three statuses above;
            // anything else means the search stopped without an answer.
            throw LPError.solverFailed(code: s, meaning: "simplex ended with undetermined status \(s)")
        }
    }

    private static func basis(of lp: OpaquePointer, rows m: Int, columns n: Int) -> ([LPBasisStatus], [LPBasisStatus]) {
        func convert(_ s: Int32) -> LPBasisStatus {
            switch s {
            case GLP_BS: return .basic
            case GLP_NL: return .atLower
            case GLP_NU: return .atUpper
            case GLP_NF: return .free
            default: return .fixed
            }
        }
        return ((0..<m).map { convert(glp_get_row_stat(lp, Int32($0 + 1))) },
                (0..<n).map { convert(glp_get_col_stat(lp, Int32($0 + 1))) })
    }

    /// `scale` when every number times it still has a finite, normal double image; else 1 (the
    /// row goes to GLPK unscaled, inexactly: the exact certificate decides anyway). Denominators
    /// such as 10^9682 would otherwise make the scaled coefficients infinite.
    static func moderate(_ scale: Rational, _ numbers: [Rational]) -> Rational {
        if scale == .one { return scale }
        for x in numbers where !x.isZero {
            let d = (x * scale).doubleValue.magnitude
            if !(d.isFinite && d < 1e300 && d >= 1e-300) { return .one }
        }
        return scale
    }

    /// The least common multiple of the denominators (1 for integers).
    static func integerScale(_ numbers: [Rational]) -> Rational {
        var l = Rational.one
        for x in numbers where !x.isInteger {
            let d = Rational(x.denominator)
            let g = Rational(l.numerator.greatestCommonDivisor(with: d.numerator))
            l = l * d / g
        }
        return l
    }

    func validate(_ program: LinearProgram) throws {
        let n = program.variableCount
        guard program.variableBounds.count == n else {
            throw LPError.invalidProgram("\(program.variableBounds.count) variable bounds for \(n) variables")
        }
        // GLPK's own limits (M_MAX = N_MAX = 100 000 000, NNZ_MAX = 500 000 000); beyond them it aborts.
        guard n <= 100_000_000, program.constraints.count <= 100_000_000 else {
            throw LPError.invalidProgram("too many rows or columns for GLPK")
        }
        let nonzeros = program.constraints.reduce(0) { $0 + $1.terms.count }
        guard nonzeros <= 500_000_000 else { throw LPError.invalidProgram("too many non-zero coefficients for GLPK") }
        // Every number must have a finite, normal double image (GLPK rejects NaN and infinities
        // by aborting, and a non-zero coefficient that underflows breaks its scaling).
        func finite(_ x: Rational, _ what: @autoclosure () -> String) throws {
            // Parts that fit in Int always have a finite double image well below 1e300.
            if x.smallParts != nil { return }
            let d = x.doubleValue
            guard d.isFinite, d.magnitude < 1e300 else {
                throw LPError.invalidProgram("\(what()) (\(x.abbreviated())) is too large for GLPK")
            }
            // A non-zero number whose double is 0 or subnormal makes GLPK's scaling abort
            // ("invalid scale factor").
            guard x.isZero || d.magnitude >= 1e-300 else {
                throw LPError.invalidProgram("\(what()) (\(x.abbreviated())) is too small for GLPK (its double image is \(d == 0 ? "0" : "subnormal"))")
            }
        }
        try finite(program.objectiveConstant, "the objective constant")
        for (j, c) in program.objective.enumerated() { try finite(c, "objective coefficient \(j)") }
        for (j, b) in program.variableBounds.enumerated() {
            if let l = b.lowerValue { try finite(l, "lower bound of variable \(j)") }
            if let u = b.upperValue { try finite(u, "upper bound of variable \(j)") }
        }
        // GLPK scales rows and columns by geometric means of their coefficients; coefficients
        // spanning more than about 600 orders of magnitude give it a scale factor of 0 or
        // infinity, and it aborts. Refuse such a matrix with the range named.
        var smallest = Double.infinity, largest = 0.0
        for (r, row) in program.constraints.enumerated() {
            for t in row.terms {
                try finite(t.coefficient, "coefficient of variable \(t.index) in row \(r)")
                let m = t.coefficient.doubleValue.magnitude
                if m > 0 { smallest = min(smallest, m); largest = max(largest, m) }
            }
            if let l = row.bound.lowerValue { try finite(l, "lower bound of row \(r)") }
            if let u = row.bound.upperValue { try finite(u, "upper bound of row \(r)") }
        }
        if largest > 0, largest / smallest > 1e250 || !(largest / smallest).isFinite {
            throw LPError.invalidProgram("the constraint coefficients range from about \(smallest) to \(largest) in magnitude, more than GLPK's floating-point scaling can handle (a ratio of at most 1e250)")
        }
        for (j, b) in program.variableBounds.enumerated() { try Self.check(b, "variable \(j)") }
        // Duplicate indices within a row: one marker array, stamped with the row number.
        var lastRow = [Int](repeating: -1, count: n)
        for (r, row) in program.constraints.enumerated() {
            try Self.check(row.bound, "row \(r)")
            for term in row.terms {
                guard term.index >= 0 && term.index < n else {
                    throw LPError.invalidProgram("row \(r) names variable \(term.index) of \(n)")
                }
                guard lastRow[term.index] != r else {
                    throw LPError.invalidProgram("row \(r) names variable \(term.index) twice")
                }
                lastRow[term.index] = r
            }
        }
    }

    static func check(_ bound: LinearProgram.Bound, _ what: String) throws {
        if case .between(let lo, let up) = bound, lo > up {
            throw LPError.invalidProgram("\(what) has lower bound \(lo) above upper bound \(up)")
        }
    }

    static func glpkBound(_ bound: LinearProgram.Bound, scale: Rational = .one) -> (Int32, Double, Double) {
        if scale != .one {
            switch bound {
            case .free: return (GLP_FR, 0, 0)
            case .atLeast(let lo): return glpkBound(.atLeast(lo * scale))
            case .atMost(let up): return glpkBound(.atMost(up * scale))
            case .between(let lo, let up): return glpkBound(.between(lo * scale, up * scale))
            case .equal(let v): return glpkBound(.equal(v * scale))
            }
        }
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
