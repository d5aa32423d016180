import BigInt
import ExactArithmetic

/// A Nash equilibrium found by a solver: one mixed strategy per player and the resulting
/// expected payoffs. Solvers in GameSolve only return equilibria they have checked exactly
/// with ``NormalFormGame/isNashEquilibrium(_:)`` (or its bimatrix counterpart).
public struct Equilibrium: Sendable, Hashable, Codable {
    /// One mixed strategy per player.
    public let strategies: MixedProfile
    /// Each player's expected payoff.
    public let payoffs: [Rational]

    public init(strategies: MixedProfile, payoffs: [Rational]) {
        self.strategies = strategies
        self.payoffs = payoffs
    }
}

extension NormalFormGame {
    /// Returns the profile as a verified ``Equilibrium``, or nil when it is not one (exact check).
    public func verifiedEquilibrium(_ profile: MixedProfile) -> Equilibrium? {
        guard isNashEquilibrium(profile) else { return nil }
        return Equilibrium(strategies: profile, payoffs: expectedPayoffs(profile))
    }
}

extension BimatrixGame {
    /// True when (x, y) is a Nash equilibrium, exactly: x and y are probability vectors, every
    /// pure strategy in x's support is a best response to y, and vice versa. This is the
    /// library's one exact Nash test for two players (``equilibriumPayoffs(row:column:)``); every
    /// two-player solver passes its answers through it (``verifiedEquilibrium(row:column:)``).
    /// - Complexity: see ``equilibriumPayoffs(row:column:)``.
    public func isNashEquilibrium(row x: [Rational], column y: [Rational]) -> Bool {
        equilibriumPayoffs(row: x, column: y) != nil
    }

    /// Returns (x, y) as a verified ``Equilibrium``, or nil when it is not one.
    public func verifiedEquilibrium(row x: [Rational], column y: [Rational]) -> Equilibrium? {
        guard let (u, v) = equilibriumPayoffs(row: x, column: y) else { return nil }
        return Equilibrium(strategies: [MixedStrategy(unchecked: x), MixedStrategy(unchecked: y)], payoffs: [u, v])
    }

    /// The players' expected payoffs when (x, y) is a Nash equilibrium, exactly; nil when it is
    /// not one (wrong sizes, not probability vectors, or a pure strategy in a support that is not
    /// a best response).
    ///
    /// At an equilibrium every strategy in x's support attains max_i (A·y)_i, so that maximum is
    /// the row player's payoff (likewise for the column player). Only the supports enter the
    /// sums: (A·y)_i needs the columns of A in y's support.
    ///
    /// Three tiers, cheapest first, all exact:
    /// 1. integer payoffs (Int-sized) and probabilities whose common denominators stay below
    ///    2^100: with x = p/P and y = q/Q (integer vectors), A·y = (A·q)/Q and xᵀB = (pᵀB)/P, so
    ///    the best responses are where A·q and pᵀB are largest, summed in `Int128` with overflow
    ///    detection; x, y are probability vectors when p, q ≥ 0, Σp = P and Σq = Q;
    /// 2. integer payoffs and any probabilities: the same sums in big integers over the common
    ///    denominators (``CommonDenominatorVector``), one reduction per strategy;
    /// 3. otherwise, sums of fractions.
    /// - Complexity: O(m·|supp y| + n·|supp x|) operations (128-bit, big-integer or fractions).
    public func equilibriumPayoffs(row x: [Rational], column y: [Rational]) -> (Rational, Rational)? {
        guard x.count == rowCount, y.count == columnCount else { return nil }
        if let verdict = integralNashTest(row: x, column: y) { return verdict.payoffs }
        guard MixedStrategy(unchecked: x).isProbabilityVector, MixedStrategy(unchecked: y).isProbabilityVector else { return nil }
        let m = rowCount, n = columnCount
        let sx = (0..<m).filter { !x[$0].isZero }, sy = (0..<n).filter { !y[$0].isZero }
        let a = rowPayoffs, b = columnPayoffs
        let ay: [Rational], bx: [Rational]
        if let integral = Self.bigIntegerSums(a: a, b: b, x: x, y: y, rows: m, columns: n, sx: sx, sy: sy) {
            (ay, bx) = integral
        } else {
            ay = (0..<m).map { i in sy.reduce(Rational.zero) { $0 + a[i, $1] * y[$1] } }
            bx = (0..<n).map { j in sx.reduce(Rational.zero) { $0 + b[$1, j] * x[$1] } }
        }
        let u = ay.max()!, v = bx.max()!
        for i in sx where ay[i] != u { return nil }
        for j in sy where bx[j] != v { return nil }
        return (u, v)
    }

    /// Tier 2 of ``equilibriumPayoffs(row:column:)``: A·y and xᵀB over common denominators, or
    /// nil when a payoff met is not an `Int`-sized integer.
    private static func bigIntegerSums(a: Matrix<Rational>, b: Matrix<Rational>, x: [Rational], y: [Rational],
                                       rows m: Int, columns n: Int, sx: [Int], sy: [Int]) -> ([Rational], [Rational])? {
        let cx = CommonDenominatorVector(x), cy = CommonDenominatorVector(y)
        var ay: [Rational] = [], bx: [Rational] = []
        ay.reserveCapacity(m); bx.reserveCapacity(n)
        for i in 0..<m {
            guard let s = cy.dot(sy.map { (index: $0, coefficient: a[i, $0]) }) else { return nil }
            ay.append(s)
        }
        for j in 0..<n {
            guard let s = cx.dot(sx.map { (index: $0, coefficient: b[$0, j]) }) else { return nil }
            bx.append(s)
        }
        return (ay, bx)
    }

    /// Tier 1 of ``equilibriumPayoffs(row:column:)`` in 128-bit integers: nil when the payoffs
    /// are not Int-sized integers or something does not fit (then the caller decides); else the
    /// verdict, with the payoffs when it is an equilibrium.
    private func integralNashTest(row x: [Rational], column y: [Rational]) -> (isEquilibrium: Bool, payoffs: (Rational, Rational)?)? {
        guard let (p, total) = Self.commonNumerators(x), let (q, totalQ) = Self.commonNumerators(y) else { return nil }
        // Probability vectors: non-negative numerators summing to the common denominator.
        func sum(_ v: [Int128]) -> Int128? {
            var s: Int128 = 0
            for e in v {
                let (t, o) = s.addingReportingOverflow(e)
                if o { return nil }
                s = t
            }
            return s
        }
        if p.contains(where: { $0 < 0 }) || q.contains(where: { $0 < 0 }) { return (false, nil) }
        guard let sp = sum(p), let sq = sum(q) else { return nil }
        guard sp == total, sq == totalQ else { return (false, nil) }
        let m = rowCount, n = columnCount
        guard let a = Self.integers(rowPayoffs.storage), let b = Self.integers(columnPayoffs.storage) else { return nil }
        var ay = [Int128](repeating: 0, count: m), bx = [Int128](repeating: 0, count: n)
        for j in 0..<n where q[j] != 0 {
            for i in 0..<m {
                let (t, o1) = Int128(a[i * n + j]).multipliedReportingOverflow(by: q[j])
                let (u, o2) = ay[i].addingReportingOverflow(t)
                if o1 || o2 { return nil }
                ay[i] = u
            }
        }
        for i in 0..<m where p[i] != 0 {
            for j in 0..<n {
                let (v, o3) = Int128(b[i * n + j]).multipliedReportingOverflow(by: p[i])
                let (w, o4) = bx[j].addingReportingOverflow(v)
                if o3 || o4 { return nil }
                bx[j] = w
            }
        }
        let bestRow = ay.max()!, bestColumn = bx.max()!
        for i in 0..<m where p[i] != 0 && ay[i] != bestRow { return (false, nil) }
        for j in 0..<n where q[j] != 0 && bx[j] != bestColumn { return (false, nil) }
        return (true, (Rational(BigInt.fromInt128(bestRow), BigInt.fromInt128(totalQ)),
                       Rational(BigInt.fromInt128(bestColumn), BigInt.fromInt128(total))))
    }

    /// Integers v and a positive denominator D with probabilities[k] = v[k] / D, all in 128 bits
    /// (D the least common denominator, below 2^100); nil when they do not fit.
    static func commonNumerators(_ probabilities: [Rational]) -> ([Int128], Int128)? {
        var parts: [(Int128, Int128)] = []
        parts.reserveCapacity(probabilities.count)
        var common: Int128 = 1
        for r in probabilities {
            let num: Int128, den: Int128
            if let (a, b) = r.smallParts {
                num = Int128(a); den = Int128(b)
            } else {
                guard let a = r.numerator.exactInt128, let b = r.denominator.exactInt128,
                      a.magnitude < (1 << 100), b.magnitude < (1 << 100) else { return nil }
                num = a; den = b
            }
            parts.append((num, den))
            if num == 0 || common % den == 0 { continue }
            let g = greatestCommonDivisor(common, den)
            let (l, o) = (common / g).multipliedReportingOverflow(by: den)
            guard !o, l < (1 << 100) else { return nil }
            common = l
        }
        var numerators: [Int128] = []
        numerators.reserveCapacity(parts.count)
        for (num, den) in parts {
            let (v, o) = num.multipliedReportingOverflow(by: common / den)
            guard !o else { return nil }
            numerators.append(v)
        }
        return (numerators, common)
    }

    /// The entries as machine integers when all are (small) integers.
    static func integers(_ values: [Rational]) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for v in values {
            guard let parts = v.smallParts, parts.denominator == 1 else { return nil }
            out.append(parts.numerator)
        }
        return out
    }
}
