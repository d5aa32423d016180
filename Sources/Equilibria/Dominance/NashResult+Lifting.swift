import ExactArithmetic
import StrategicGames

extension NashResult {
    /// Maps the equilibria of a reduced game (the original restricted to `surviving`
    /// strategies, e.g. after eliminating dominated strategies) back to the original game:
    /// removed strategies get probability 0, and each profile is re-checked exactly there.
    ///
    /// Eliminating strictly dominated strategies never removes or creates an equilibrium, so
    /// the check can only fail on a bug; it returns nil then rather than an unverified profile.
    /// - Complexity: O(E·P·N) for E equilibria, P pure profiles and N players (the exact checks).
    public func lifted(from surviving: [[Int]], to game: NormalFormGame) -> NashResult? {
        var lifted = self
        var equilibria = [Equilibrium]()
        for eq in self.equilibria {
            let profile: MixedProfile = eq.strategies.enumerated().map { player, s in
                var p = [Rational](repeating: .zero, count: game.strategyCounts[player])
                for (k, original) in surviving[player].enumerated() { p[original] = s.probabilities[k] }
                return MixedStrategy(unchecked: p)
            }
            if maxRegrets != nil {
                // Approximate equilibria: the regret is recomputed exactly in the original game
                // (eliminated strategies are strictly dominated, so it cannot grow).
                equilibria.append(Equilibrium(strategies: profile, payoffs: game.expectedPayoffs(profile)))
                continue
            }
            guard let verified = game.verifiedEquilibrium(profile) else { return nil }
            equilibria.append(verified)
        }
        if let before = maxRegrets {
            let after = equilibria.map { game.regret($0.strategies) }
            guard zip(before, after).allSatisfy({ $1 <= $0 }) else { return nil }
            lifted.maxRegrets = after
        }
        lifted.equilibria = equilibria
        return lifted
    }
}
