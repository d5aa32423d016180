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
    /// pure strategy in x's support is a best response to y, and vice versa.
    ///
    /// When the payoffs are integers and each strategy's probabilities have a common denominator
    /// below 2^100, the test runs in 128-bit integers: with x = p/P and y = q/Q (p, q integer
    /// vectors), A·y = (A·q)/Q and xᵀB = (pᵀB)/P, so the best responses are where A·q and pᵀB
    /// are largest, and x, y are probability vectors when p, q ≥ 0, Σp = P and Σq = Q. Any
    /// overflow there falls back to the same test in fractions.
    /// - Complexity: O(m·n) operations (128-bit or fractions).
    public func isNashEquilibrium(row x: [Rational], column y: [Rational]) -> Bool {
        guard x.count == rowCount, y.count == columnCount else { return false }
        if let verdict = integralNashTest(row: x, column: y) { return verdict }
        guard MixedStrategy(unchecked: x).isProbabilityVector, MixedStrategy(unchecked: y).isProbabilityVector else { return false }
        let ay = rowPayoffs(against: y)
        let bx = columnPayoffs(against: x)
        let bestRow = ay.max()!, bestColumn = bx.max()!
        for i in 0..<rowCount where !x[i].isZero && ay[i] != bestRow { return false }
        for j in 0..<columnCount where !y[j].isZero && bx[j] != bestColumn { return false }
        return true
    }

    /// ``isNashEquilibrium(row:column:)`` in 128-bit integers; nil when the payoffs are not
    /// integers or something does not fit (then the caller decides in fractions).
    private func integralNashTest(row x: [Rational], column y: [Rational]) -> Bool? {
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
        if p.contains(where: { $0 < 0 }) || q.contains(where: { $0 < 0 }) { return false }
        guard let sp = sum(p), let sq = sum(q) else { return nil }
        guard sp == total, sq == totalQ else { return false }
        let m = rowCount, n = columnCount
        guard let a = Self.integers(rowPayoffs.storage), let b = Self.integers(columnPayoffs.storage) else { return nil }
        var ay = [Int128](repeating: 0, count: m), bx = [Int128](repeating: 0, count: n)
        for i in 0..<m {
            for j in 0..<n {
                let (t, o1) = Int128(a[i * n + j]).multipliedReportingOverflow(by: q[j])
                let (u, o2) = ay[i].addingReportingOverflow(t)
                if o1 || o2 { return nil }
                ay[i] = u
                let (v, o3) = Int128(b[i * n + j]).multipliedReportingOverflow(by: p[i])
                let (w, o4) = bx[j].addingReportingOverflow(v)
                if o3 || o4 { return nil }
                bx[j] = w
            }
        }
        let bestRow = ay.max()!, bestColumn = bx.max()!
        for i in 0..<m where p[i] != 0 && ay[i] != bestRow { return false }
        for j in 0..<n where q[j] != 0 && bx[j] != bestColumn { return false }
        return true
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
                guard let a = int128(r.numerator), let b = int128(r.denominator) else { return nil }
                num = a; den = b
            }
            parts.append((num, den))
            if num == 0 || common % den == 0 { continue }
            var g = common, h = den
            while h != 0 { (g, h) = (h, g % h) }
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

    /// The value of an integer when its magnitude is below 2^100.
    static func int128<T: BinaryInteger>(_ v: T) -> Int128? {
        guard let r = Int128(exactly: v), r.magnitude < (1 << 100) else { return nil }
        return r
    }

    /// Returns (x, y) as a verified ``Equilibrium``, or nil when it is not one.
    public func verifiedEquilibrium(row x: [Rational], column y: [Rational]) -> Equilibrium? {
        guard isNashEquilibrium(row: x, column: y) else { return nil }
        let ay = rowPayoffs(against: y)
        let bx = columnPayoffs(against: x)
        var u = Rational.zero, v = Rational.zero
        for i in 0..<rowCount where !x[i].isZero { u += x[i] * ay[i] }
        for j in 0..<columnCount where !y[j].isZero { v += y[j] * bx[j] }
        return Equilibrium(strategies: [MixedStrategy(unchecked: x), MixedStrategy(unchecked: y)], payoffs: [u, v])
    }
}
