import ExactArithmetic
import StrategicGames

/// All pure-strategy Nash equilibria of an N-player game.
///
/// A profile is an equilibrium when no player has a strictly better pure deviation. The
/// search first computes, for every player and every profile of the others' strategies, the
/// player's best-response payoff ("max over own strategies"), then keeps the profiles where every
/// player attains it.
///
/// - Complexity: O(P·N) time and O(P) memory for P pure profiles and N players.
public struct PureStrategyEquilibria: Sendable {
    public init() {}

    /// The pure equilibria in profile-index order (player 1's strategy varying fastest), each
    /// verified exactly.
    public func equilibria(of game: NormalFormGame) -> [Equilibrium] {
        let counts = game.strategyCounts
        let total = game.profileCount
        var isBest = [Bool](repeating: true, count: total)
        var stride = 1
        for player in 0..<game.playerCount {
            let n = counts[player]
            let u = game.payoffs[player]
            // Profiles that differ only in this player's strategy are k0 + s*stride.
            for block in Swift.stride(from: 0, to: total, by: stride * n) {
                for offset in 0..<stride {
                    let k0 = block + offset
                    var best = u[k0]
                    for s in 1..<n where u[k0 + s * stride] > best { best = u[k0 + s * stride] }
                    for s in 0..<n where u[k0 + s * stride] != best { isBest[k0 + s * stride] = false }
                }
            }
            stride *= n
        }
        return (0..<total).compactMap { k -> Equilibrium? in
            guard isBest[k] else { return nil }
            let profile = game.profile(at: k)
            let mixed = zip(profile, counts).map { MixedStrategy.pure($0, of: $1) }
            let eq = game.verifiedEquilibrium(mixed)
            assert(eq != nil, "pure equilibrium failed its exact check")
            return eq
        }
    }
}
