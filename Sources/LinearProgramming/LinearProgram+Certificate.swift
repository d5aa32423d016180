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
        if k >= threshold {
            return certifyLargeBasis(nonbasic: x, basicColumns: basicColumns, tightRows: tightRows, matrix: matrix, rhs: rhs)
        }
        var y = [Rational](repeating: .zero, count: m)
        if k > 0 {
            guard let lu = RationalLU(size: k, matrix: matrix) else { return .failure(.init("the basis matrix is singular")) }
            let xB = lu.solve(rhs)
            for (p, j) in basicColumns.enumerated() { x[j] = xB[p] }
            // 3. Duals.
            let yB = lu.solveTransposed(basicColumns.map { objective[$0] })
            for (p, r) in tightRows.enumerated() { y[r] = yB[p] }
        }
        var reduced = objective
        var activities = [Rational](repeating: .zero, count: m)
        for r in 0..<m {
            var a = Rational.zero
            for term in constraints[r].terms {
                if !x[term.index].isZero { a += term.coefficient * x[term.index] }
                if !y[r].isZero { reduced[term.index] -= term.coefficient * y[r] }
            }
            activities[r] = a
        }
        // 4. Certificate.
        let primal = { (CommonDenominatorVector(x), CommonDenominatorVector(activities)) }
        for j in 0..<n where !variableBounds[j].contains(x[j]) {
            return .failure(.init("variable \(j) = \(x[j]) violates its bound", primal: primal()))
        }
        for r in 0..<m where !constraints[r].bound.contains(activities[r]) {
            return .failure(.init("row \(r) activity \(activities[r]) violates its bound", primal: primal()))
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

    /// Steps 2–4 of ``certifyBasis(rowStatus:columnStatus:)`` for a large basis, in integers over
    /// common denominators from start to finish: x = X/D and y = Y/E come from fraction-free or
    /// p-adic solves of the basis system and its transpose (``FractionFreeSolve``), every row
    /// activity and reduced cost is an integer dot product over one denominator, and every bound,
    /// sign and objective comparison is a cross-multiplication. No gcd is taken until x and y are
    /// reduced for the caller (one per coordinate) — on dense bases of a few hundred columns,
    /// whose determinants have thousands of bits, the gcds of term-by-term fractions were most of
    /// the time (`Benchmarks/lp/README.md`).
    /// - Complexity: two k x k exact solves, O(nnz) big-integer multiply-adds, O(m + n) comparisons.
    func certifyLargeBasis(nonbasic x: [Rational], basicColumns: [Int], tightRows: [Int], matrix: [Rational],
                           rhs: [Rational]) -> Result<ExactLPSolution, CertificateFailure> {
        let m = constraints.count, n = variableCount, k = basicColumns.count
        guard let xB = FractionFreeSolve.solveOverCommonDenominator(size: k, matrix: matrix, rhs: rhs) else {
            return .failure(.init("the basis matrix is singular"))
        }
        var transposed = [Rational](repeating: .zero, count: k * k)
        for i in 0..<k { for j in 0..<k { transposed[j * k + i] = matrix[i * k + j] } }
        guard let yB = FractionFreeSolve.solveOverCommonDenominator(size: k, matrix: transposed, rhs: basicColumns.map { objective[$0] }) else {
            return .failure(.init("the basis matrix is singular"))
        }
        // x = X / D: the basic part over the solve's denominator, the non-basic values (bounds,
        // usually integers) brought onto it.
        var isBasic = [Bool](repeating: false, count: n)
        for j in basicColumns { isBasic[j] = true }
        let nonbasicCommon = CommonDenominatorVector((0..<n).map { isBasic[$0] ? .zero : x[$0] })
        let D = xB.denominator * nonbasicCommon.denominator
        var X = nonbasicCommon.numerators.map { $0.isZero ? $0 : $0 * xB.denominator }
        for (p, j) in basicColumns.enumerated() { X[j] = xB.numerators[p] * nonbasicCommon.denominator }
        // y = Y / E, zero on rows whose auxiliary variable is basic.
        let E = yB.denominator
        var Y = [BigInt](repeating: 0, count: m)
        for (p, r) in tightRows.enumerated() { Y[r] = yB.numerators[p] }
        // Activities A·x = Σ ĉ·X / (Dc·D) and column sums Aᵀ·y = Σ Y·ĉ / (E·Dc), ĉ = c·Dc.
        let coefficients = CommonDenominatorVector(constraints.flatMap { $0.terms.map(\.coefficient) })
        let Dc = coefficients.denominator
        var activity = [BigInt](repeating: 0, count: m)
        var columnSums = [BigInt](repeating: 0, count: n)
        var offset = 0
        for r in 0..<m {
            var a = BigInt(0)
            let yr = Y[r]
            for (t, term) in constraints[r].terms.enumerated() {
                let c = coefficients.numerators[offset + t]
                if c.isZero { continue }
                let xj = X[term.index]
                if !xj.isZero { a += c * xj }
                if !yr.isZero { columnSums[term.index] += yr * c }
            }
            offset += constraints[r].terms.count
            activity[r] = a
        }
        let activityDenominator = Dc * D
        // Reduced costs d = c − Aᵀy = (Ĉ·E·Dc − Dobj·colsum) / (Dobj·E·Dc), Ĉ = c·Dobj.
        let costs = CommonDenominatorVector(objective)
        let EDc = E * Dc
        let reducedDenominator = costs.denominator * EDc
        var reduced = [BigInt](repeating: 0, count: n)
        for j in 0..<n {
            var d = costs.numerators[j].isZero ? BigInt(0) : costs.numerators[j] * EDc
            if !columnSums[j].isZero { d -= costs.denominator == 1 ? columnSums[j] : costs.denominator * columnSums[j] }
            reduced[j] = d
        }
        // 4. Certificate.
        func violates(_ numerator: BigInt, _ denominator: BigInt, _ bound: Bound) -> Bool {
            if let l = bound.lowerValue, CommonDenominatorVector.sign(of: numerator, over: denominator, minus: l) < 0 { return true }
            if let u = bound.upperValue, CommonDenominatorVector.sign(of: numerator, over: denominator, minus: u) > 0 { return true }
            return false
        }
        let primalPoint = { (CommonDenominatorVector(numerators: X, denominator: D),
                        CommonDenominatorVector(numerators: activity, denominator: activityDenominator)) }
        for j in 0..<n where violates(X[j], D, variableBounds[j]) {
            return .failure(.init("variable \(j) = \(Rational(X[j], D).abbreviated()) violates its bound", primal: primalPoint()))
        }
        for r in 0..<m where violates(activity[r], activityDenominator, constraints[r].bound) {
            return .failure(.init("row \(r) activity \(Rational(activity[r], activityDenominator).abbreviated()) violates its bound", primal: primalPoint()))
        }
        // Dual objective: Σ dⱼ·(the bound dⱼ prices) + Σ yᵣ·(the bound yᵣ prices) + constant.
        let sense = direction == .minimize ? 1 : -1
        var reducedPart = FractionSum(), rowPart = FractionSum()
        func price(_ numerator: BigInt, _ bound: Bound, into sum: inout FractionSum, _ what: @autoclosure () -> String) -> String? {
            let s = signOf(numerator) * sense
            if s > 0 {
                guard let l = bound.lowerValue else { return "\(what()) has a positive reduced cost but no lower bound" }
                sum.add(numerator, times: l)
            } else if s < 0 {
                guard let u = bound.upperValue else { return "\(what()) has a negative reduced cost but no upper bound" }
                sum.add(numerator, times: u)
            }
            return nil
        }
        for j in 0..<n { if let why = price(reduced[j], variableBounds[j], into: &reducedPart, "variable \(j)") { return .failure(.init(why)) } }
        for r in 0..<m { if let why = price(Y[r], constraints[r].bound, into: &rowPart, "row \(r)") { return .failure(.init(why)) } }
        let dualObjective = objectiveConstant + reducedPart.value(over: reducedDenominator) + rowPart.value(over: E)
        var primal = BigInt(0)
        for j in 0..<n where !X[j].isZero && !costs.numerators[j].isZero { primal += costs.numerators[j] * X[j] }
        let primalObjective = objectiveConstant + Rational(primal, costs.denominator * D)
        guard primalObjective == dualObjective else {
            return .failure(.init("primal objective \(primalObjective) differs from dual objective \(dualObjective)"))
        }
        return .success(ExactLPSolution(
            objectiveValue: primalObjective,
            values: CommonDenominatorVector(numerators: X, denominator: D),
            duals: CommonDenominatorVector(numerators: Y, denominator: E),
            reducedCosts: CommonDenominatorVector(numerators: reduced, denominator: reducedDenominator),
            rowActivities: CommonDenominatorVector(numerators: activity, denominator: activityDenominator)))
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
        /// The basic solution found, when the failure is primal infeasibility: its values and
        /// row activities, exactly (what iterative refinement corrects).
        public let primal: (values: CommonDenominatorVector, activities: CommonDenominatorVector)?
        init(_ description: String, primal: (values: CommonDenominatorVector, activities: CommonDenominatorVector)? = nil) {
            self.description = description
            self.primal = primal
        }
    }
}

/// Σ Nᵢ·qᵢ / base for big integers Nᵢ and fractions qᵢ, with no gcd until ``value(over:)``: the
/// bounds' denominators are multiplied in only when a new one appears (LP bounds are nearly always
/// integers or share one denominator).
struct FractionSum {
    private var numerator = BigInt(0)
    private var denominator = BigInt(1)

    mutating func add(_ n: BigInt, times q: Rational) {
        if n.isZero || q.isZero { return }
        let (p, d) = (q.numerator, q.denominator)
        if d == denominator {
            numerator += n * p
        } else if d == 1 {
            numerator += n * p * denominator
        } else {
            numerator = numerator * d + n * p * denominator
            denominator *= d
        }
    }

    /// The sum divided by `base` (> 0), reduced.
    func value(over base: BigInt) -> Rational { numerator.isZero ? .zero : Rational(numerator, base * denominator) }
}
