import ExactArithmetic

extension NormalFormGame {
    /// Every player's expected payoff under a mixed profile, exactly.
    /// - Complexity: O(P·N) for P pure profiles and N players (profiles of probability zero skipped).
    public func expectedPayoffs(_ profile: MixedProfile) -> [Rational] {
        precondition(profile.count == players.count)
        var totals = [Rational](repeating: .zero, count: players.count)
        forEachProfileWithProbability(profile, fixing: nil) { k, p in
            for i in 0..<players.count { totals[i] += p * payoffs[i][k] }
        }
        return totals
    }

    /// Player `player`'s expected payoff of each of its pure strategies when the others play
    /// `profile` (the player's own entry is ignored).
    public func strategyPayoffs(player: Int, against profile: MixedProfile) -> [Rational] {
        let n = players[player].strategies.count
        var values = [Rational](repeating: .zero, count: n)
        forEachProfileWithProbability(profile, fixing: player) { k, p in
            let s = profileStrategy(k, player: player)
            values[s] += p * payoffs[player][k]
        }
        return values
    }

    /// The strategy of `player` in the profile with index `k`.
    @inlinable public func profileStrategy(_ k: Int, player: Int) -> Int {
        var stride = 1
        for i in 0..<player { stride *= players[i].strategies.count }
        return (k / stride) % players[player].strategies.count
    }

    /// The pure best responses of `player` to the others' strategies in `profile`.
    public func bestResponses(player: Int, against profile: MixedProfile) -> [Int] {
        let values = strategyPayoffs(player: player, against: profile)
        let best = values.max()!
        return values.indices.filter { values[$0] == best }
    }

    /// Each player's regret: best-response payoff minus expected payoff (≥ 0), exactly.
    public func regrets(_ profile: MixedProfile) -> [Rational] {
        let expected = expectedPayoffs(profile)
        return players.indices.map { i in strategyPayoffs(player: i, against: profile).max()! - expected[i] }
    }

    /// The largest regret of any player; zero exactly at a Nash equilibrium.
    public func regret(_ profile: MixedProfile) -> Rational { regrets(profile).max()! }

    /// True when `profile` is a profile of probability vectors of the right sizes and no player
    /// can gain by deviating: exact, in rationals.
    public func isNashEquilibrium(_ profile: MixedProfile) -> Bool {
        guard profile.count == players.count else { return false }
        for (s, p) in zip(profile, players) where s.probabilities.count != p.strategies.count || !s.isProbabilityVector {
            return false
        }
        return regret(profile).isZero
    }

    /// Calls `body(k, probability)` for every pure profile k of positive probability; with
    /// `fixing` set, that player's own strategy is not weighted (its probability counts as 1).
    func forEachProfileWithProbability(_ profile: MixedProfile, fixing: Int?, _ body: (Int, Rational) -> Void) {
        // Depth-first over players from last to first (the last player's index is most significant).
        let counts = strategyCounts
        func visit(_ player: Int, _ base: Int, _ probability: Rational) {
            if player < 0 { body(base, probability); return }
            let n = counts[player]
            for s in 0..<n {
                let q: Rational = player == fixing ? .one : profile[player].probabilities[s]
                if q.isZero { continue }
                visit(player - 1, base * n + s, probability * q)
            }
        }
        visit(players.count - 1, 0, .one)
    }
}
