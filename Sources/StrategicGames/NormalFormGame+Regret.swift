import ExactArithmetic

extension NormalFormGame {
    /// NashConv: the sum over players of best-response payoff minus current payoff, exactly.
    ///
    /// This is the exploitability measure of Lanctot et al., "A Unified Game-Theoretic Approach to
    /// Multiagent Reinforcement Learning" (NeurIPS 2017), the sum of the per-player regrets of
    /// ``regrets(_:)``; it is zero exactly at a Nash equilibrium. (OpenSpiel's `exploitability`
    /// is NashConv divided by the number of players.)
    ///
    /// Two-player games whose payoffs and strategies each share an `Int`-sized common
    /// denominator (every strategy printed on a decimal grid, every payoff typed as a decimal or
    /// an integer) take a fraction-free path: integer matrix–vector products in `Int128` with
    /// overflow detection and one reduction per player at the end; anything that overflows, and
    /// every game of three or more players, is summed in rationals.
    ///
    /// - Precondition: one strategy per player, each with one probability per pure strategy.
    /// - Complexity: O(P) integer multiply-adds for a two-player game with P pure profiles (the
    ///   fraction-free path), else O(P·N) rational operations for N players.
    public func nashConv(_ profile: MixedProfile) -> Rational {
        precondition(profile.count == players.count, "one strategy per player")
        if players.count == 2, let value = twoPlayerNashConvFractionFree(profile) { return value }
        return regrets(profile).reduce(Rational.zero, +)
    }

    /// The two-player NashConv over common denominators, or nil when a denominator or a product
    /// does not fit (the caller then sums in rationals).
    private func twoPlayerNashConvFractionFree(_ profile: MixedProfile) -> Rational? {
        let m = players[0].strategies.count, n = players[1].strategies.count
        guard let x = Self.commonDenominator(profile[0].probabilities),
              let y = Self.commonDenominator(profile[1].probabilities),
              let a = Self.commonDenominator(payoffs[0]),
              let b = Self.commonDenominator(payoffs[1]) else { return nil }
        // Player 0: u_i = Σ_j A_ij y_j, regret = max_i u_i − Σ_i x_i u_i over (den_A · den_y · den_x).
        guard let r0 = Self.regretNumerator(values: a.numerators, own: x.numerators, other: y.numerators,
                                            ownCount: m, otherCount: n, ownStride: 1, otherStride: m),
              let r1 = Self.regretNumerator(values: b.numerators, own: y.numerators, other: x.numerators,
                                            ownCount: n, otherCount: m, ownStride: m, otherStride: 1) else { return nil }
        guard let q0 = Self.rational(r0), let q1 = Self.rational(r1) else { return nil }
        let xy = Rational(1, x.denominator) * Rational(1, y.denominator)
        return (q0 * Rational(1, a.denominator) + q1 * Rational(1, b.denominator)) * xy
    }

    /// An `Int128` as a rational (hi·2⁶² + lo), or nil beyond ±2¹²⁵.
    private static func rational(_ v: Int128) -> Rational? {
        let hi = v >> 62, lo = v & ((Int128(1) << 62) - 1)
        guard let h = Int(exactly: hi) else { return nil }
        return Rational(h) * Rational(1 << 62) + Rational(Int(lo))
    }

    /// Σ over own strategies s of own_s·(max_t u_t − u_s), where u_s = Σ_o values[s·ownStride +
    /// o·otherStride]·other_o and Σ own_s equals the own denominator: that is
    /// `ownDen·max u − Σ own_s u_s`, the regret numerator. Nil on overflow.
    private static func regretNumerator(values: [Int], own: [Int], other: [Int], ownCount: Int, otherCount: Int,
                                         ownStride: Int, otherStride: Int) -> Int128? {
        var u = [Int128](repeating: 0, count: ownCount)
        for o in 0..<otherCount where other[o] != 0 {
            let w = Int128(other[o])
            for s in 0..<ownCount {
                let v = values[s * ownStride + o * otherStride]
                if v == 0 { continue }
                let (p, o1) = Int128(v).multipliedReportingOverflow(by: w)
                let (t, o2) = u[s].addingReportingOverflow(p)
                if o1 || o2 { return nil }
                u[s] = t
            }
        }
        let best = u.max()!
        var total: Int128 = 0
        for s in 0..<ownCount where own[s] != 0 {
            let (p, o1) = (best - u[s]).multipliedReportingOverflow(by: Int128(own[s]))
            let (t, o2) = total.addingReportingOverflow(p)
            if o1 || o2 { return nil }
            total = t
        }
        return total
    }

    /// Integers X and an `Int` denominator D with values = X / D, or nil when D or an X does not
    /// fit in `Int`.
    private static func commonDenominator(_ values: [Rational]) -> (numerators: [Int], denominator: Int)? {
        var d = 1
        for q in values {
            guard let (_, qd) = q.smallParts else { return nil }
            if qd == 1 || d % qd == 0 { continue }
            // lcm(d, qd) = d · (qd / gcd), and qd / gcd is the reduced denominator of d / qd.
            guard let (_, extra) = Rational(d, qd).smallParts else { return nil }
            let (l, o) = d.multipliedReportingOverflow(by: extra)
            if o { return nil }
            d = l
        }
        var numerators = [Int]()
        numerators.reserveCapacity(values.count)
        for q in values {
            let (qn, qd) = q.smallParts!
            let (v, o) = qn.multipliedReportingOverflow(by: d / qd)
            if o { return nil }
            numerators.append(v)
        }
        return (numerators, d)
    }
}
