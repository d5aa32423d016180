import BigInt
import ExactArithmetic

extension LinearProgram.Bound {
    /// The finite lower bound, if any.
    public var lowerValue: Rational? {
        switch self {
        case .free, .atMost: return nil
        case .atLeast(let l), .between(let l, _), .equal(let l): return l
        }
    }

    /// The finite upper bound, if any.
    public var upperValue: Rational? {
        switch self {
        case .free, .atLeast: return nil
        case .atMost(let u), .between(_, let u), .equal(let u): return u
        }
    }

    /// True when `value` satisfies the bound, exactly.
    public func contains(_ value: Rational) -> Bool {
        if let l = lowerValue, value < l { return false }
        if let u = upperValue, value > u { return false }
        return true
    }
}

extension LinearProgram {
    /// Recomputes the basic solution named by a basis exactly and certifies that it is optimal.
    ///
    /// The program is read in GLPK's form: each row r has an auxiliary variable zᵣ = aᵣ·x bounded
    /// by the row's bound, so there are m auxiliary and n structural variables and a basis names
    /// m basic ones. Steps:
    /// 1. Non-basic variables take the bound their status names (free ones take 0).
    /// 2. Rows whose auxiliary variable is non-basic, restricted to the basic structural columns,
    ///    form a square matrix B; solve B·x_B = z_N − (non-basic part) exactly (``RationalLU``).
    /// 3. Duals: yᵣ = 0 for rows with a basic auxiliary variable, and Bᵀ·y = c_B for the others;
    ///    reduced costs d = c − Aᵀ·y (a row's own reduced cost is yᵣ).
    /// 4. Certify, independently of how the numbers were found: x satisfies every column bound
    ///    and every row bound (activities recomputed from x); (y, d) is dual feasible — for a
    ///    minimisation a positive reduced cost needs a finite lower bound and a negative one a
    ///    finite upper bound (mirrored for maximisation); and the dual objective
    ///    Σ dₖ·(the bound it prices) + constant equals c·x + constant. Weak duality then proves
    ///    x optimal and y optimal for the dual.
    ///
    /// This is the textbook certificate of LP optimality (e.g. Chvátal, *Linear Programming*,
    /// 1983, ch. 5 and 10; the same check that exact LP solvers such as QSopt_ex and SoPlex's
    /// iterative refinement perform, Applegate et al. 2007, Gleixner et al. 2016).
    ///
    /// - Parameters:
    ///   - rowStatus: the status of each row's auxiliary variable.
    ///   - columnStatus: the status of each structural variable.
    /// - Returns: the certified solution, or a reason it could not be certified (wrong count of
    ///   basic variables, singular basis, a status naming an infinite bound, primal or dual
    ///   infeasibility, unequal objectives).
    /// - Complexity: O(k³) exact operations for k basic structural variables, plus O(nnz) for the
    ///   checks.
    public func certifyBasis(rowStatus: [LPBasisStatus], columnStatus: [LPBasisStatus]) -> Result<ExactLPSolution, CertificateFailure> {
        certifyBasis(rowStatus: rowStatus, columnStatus: columnStatus, fractionFreeFrom: Self.fractionFreeBasisSize)
    }

    /// ``certifyBasis(rowStatus:columnStatus:)`` with the basis size from which the fraction-free
    /// path is taken given explicitly (tests run both paths on the same small programs).
    func certifyBasis(rowStatus: [LPBasisStatus], columnStatus: [LPBasisStatus],
                      fractionFreeFrom threshold: Int) -> Result<ExactLPSolution, CertificateFailure> {
        let m = constraints.count, n = variableCount
        guard rowStatus.count == m, columnStatus.count == n else {
            return .failure(.init("basis has \(rowStatus.count) row and \(columnStatus.count) column statuses for \(m) rows and \(n) columns"))
        }
        func nonbasicValue(_ status: LPBasisStatus, _ bound: Bound) -> Rational?? {
            switch status {
            case .basic: return .some(nil)
            case .atLower: return bound.lowerValue.map { .some($0) } ?? nil
            case .atUpper: return bound.upperValue.map { .some($0) } ?? nil
            case .free: return .some(.zero)
            case .fixed:
                guard let l = bound.lowerValue, let u = bound.upperValue, l == u else { return nil }
                return .some(l)
            }
        }
        // 1. Non-basic values.
        var x = [Rational](repeating: .zero, count: n)
        var basicColumns = [Int]()
        for j in 0..<n {
            guard let v = nonbasicValue(columnStatus[j], variableBounds[j]) else {
                return .failure(.init("column \(j) is \(columnStatus[j]) but has no such bound"))
            }
            if let v { x[j] = v } else { basicColumns.append(j) }
        }
        var tightRows = [Int]()
        var tightValue = [Rational]()
        for r in 0..<m {
            guard let v = nonbasicValue(rowStatus[r], constraints[r].bound) else {
                return .failure(.init("row \(r) is \(rowStatus[r]) but has no such bound"))
            }
            if let v { tightRows.append(r); tightValue.append(v) }
        }
        guard tightRows.count == basicColumns.count else {
            return .failure(.init("basis has \(basicColumns.count + m - tightRows.count) basic variables for \(m) rows"))
        }
        // 2. Basis system.
        let k = basicColumns.count
        var position = [Int](repeating: -1, count: n)
        for (p, j) in basicColumns.enumerated() { position[j] = p }
        var matrix = [Rational](repeating: .zero, count: k * k)
        var rhs = tightValue
        for (p, r) in tightRows.enumerated() {
            for term in constraints[r].terms {
                let q = position[term.index]
                if q >= 0 { matrix[p * k + q] = term.coefficient }
                else if !x[term.index].isZero { rhs[p] -= term.coefficient * x[term.index] }
            }
        }
        var y = [Rational](repeating: .zero, count: m)
        if k >= threshold {
            // Large bases: fraction-free elimination (no gcds), once for M and once for Mᵀ.
            guard let xB = FractionFreeSolve.solve(size: k, matrix: matrix, rhs: rhs) else {
                return .failure(.init("the basis matrix is singular"))
            }
            for (p, j) in basicColumns.enumerated() { x[j] = xB[p] }
            var transposed = [Rational](repeating: .zero, count: k * k)
            for i in 0..<k { for j in 0..<k { transposed[j * k + i] = matrix[i * k + j] } }
            guard let yB = FractionFreeSolve.solve(size: k, matrix: transposed, rhs: basicColumns.map { objective[$0] }) else {
                return .failure(.init("the basis matrix is singular"))
            }
            for (p, r) in tightRows.enumerated() { y[r] = yB[p] }
        } else if k > 0 {
            guard let lu = RationalLU(size: k, matrix: matrix) else { return .failure(.init("the basis matrix is singular")) }
            let xB = lu.solve(rhs)
            for (p, j) in basicColumns.enumerated() { x[j] = xB[p] }
            // 3. Duals.
            let yB = lu.solveTransposed(basicColumns.map { objective[$0] })
            for (p, r) in tightRows.enumerated() { y[r] = yB[p] }
        }
        var reduced = objective
        var activities = [Rational](repeating: .zero, count: m)
        if k >= threshold {
            // Long denominators: every sum over common denominators (see CommonDenominatorVector):
            // x = x̂/d_x, y = ŷ/d_y and every coefficient = ĉ/d_c, so a row's activity and a
            // column's dual sum are integer dot products and one fraction each, with no gcd per
            // term whatever the coefficients' denominators.
            let common = CommonDenominatorVector(x)
            let commonDuals = CommonDenominatorVector(y)
            let coefficients = CommonDenominatorVector(constraints.flatMap { $0.terms.map(\.coefficient) })
            let activityDenominator = coefficients.denominator * common.denominator
            var columnSums = [BigInt](repeating: 0, count: n)
            var offset = 0
            for r in 0..<m {
                var a = BigInt(0)
                let yr = commonDuals.numerators[r]
                for (t, term) in constraints[r].terms.enumerated() {
                    let c = coefficients.numerators[offset + t]
                    if c.isZero { continue }
                    let xj = common.numerators[term.index]
                    if !xj.isZero { a += c * xj }
                    if !yr.isZero { columnSums[term.index] += yr * c }
                }
                offset += constraints[r].terms.count
                activities[r] = Rational(a, activityDenominator)
            }
            let dualDenominator = commonDuals.denominator * coefficients.denominator
            for j in 0..<n where !columnSums[j].isZero { reduced[j] -= Rational(columnSums[j], dualDenominator) }
        } else {
            for r in 0..<m {
                var a = Rational.zero
                for term in constraints[r].terms {
                    if !x[term.index].isZero { a += term.coefficient * x[term.index] }
                    if !y[r].isZero { reduced[term.index] -= term.coefficient * y[r] }
                }
                activities[r] = a
            }
        }
        // 4. Certificate.
        for j in 0..<n where !variableBounds[j].contains(x[j]) {
            return .failure(.init("variable \(j) = \(x[j]) violates its bound"))
        }
        for r in 0..<m where !constraints[r].bound.contains(activities[r]) {
            return .failure(.init("row \(r) activity \(activities[r]) violates its bound"))
        }
        let sense = direction == .minimize ? 1 : -1
        var dualObjective = objectiveConstant
        func price(_ d: Rational, _ bound: Bound, _ what: String) -> String? {
            let s = d.signum * sense
            if s > 0 {
                guard let l = bound.lowerValue else { return "\(what) has reduced cost \(d) but no lower bound" }
                dualObjective += d * l
            } else if s < 0 {
                guard let u = bound.upperValue else { return "\(what) has reduced cost \(d) but no upper bound" }
                dualObjective += d * u
            }
            return nil
        }
        for j in 0..<n { if let why = price(reduced[j], variableBounds[j], "variable \(j)") { return .failure(.init(why)) } }
        for r in 0..<m { if let why = price(y[r], constraints[r].bound, "row \(r)") { return .failure(.init(why)) } }
        var primalObjective = objectiveConstant
        for j in 0..<n where !x[j].isZero && !objective[j].isZero { primalObjective += objective[j] * x[j] }
        guard primalObjective == dualObjective else {
            return .failure(.init("primal objective \(primalObjective) differs from dual objective \(dualObjective)"))
        }
        return .success(ExactLPSolution(objectiveValue: primalObjective, values: x, duals: y, reducedCosts: reduced,
                                        rowActivities: activities))
    }

    /// Basis size from which ``certifyBasis(rowStatus:columnStatus:)`` solves the basis system by
    /// fraction-free elimination (``FractionFreeSolver``) and sums over common denominators,
    /// rather than rational LU and term-by-term fractions. Smaller bases stay on the rational LU,
    /// whose `Int` fast path and sparsity skipping serve the many small LPs of the nucleolus (at
    /// most n + 1 ≤ 26 basic columns); above it, on dense bases, gcds dominated the rational path
    /// (zero-sum games of 100x100 to 300x300: `Benchmarks/lp/README.md`). The crossover itself
    /// was not measured; 32 is a conservative choice.
    static var fractionFreeBasisSize: Int { 32 }

    /// Why a basis could not be certified optimal.
    public struct CertificateFailure: Error, Sendable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
