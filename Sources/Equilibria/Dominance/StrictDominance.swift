import ExactArithmetic
import StrategicGames

/// Iterated elimination of pure strategies strictly dominated by another pure strategy.
///
/// Strategy s of player i is strictly dominated by t when u_i(t, s₋ᵢ) > u_i(s, s₋ᵢ) for every
/// profile s₋ᵢ of the other players' remaining strategies. Eliminating strictly dominated
/// strategies never removes a Nash equilibrium, and the result does not depend on the order.
///
/// - Complexity: O(R·N·n²·P) in the worst case for R rounds, N players, n strategies each and P
///   profiles; each round scans every pair of a player's remaining strategies.
public struct StrictDominance: Sendable {
    /// One eliminated strategy, in order of elimination.
    public struct Elimination: Sendable, Hashable, Codable {
        public let player: Int
        public let strategy: Int
        public let dominatedBy: Int
    }

    /// What survives and what was removed.
    public struct Result: Sendable {
        /// For each player, the original indices of the surviving strategies.
        public let surviving: [[Int]]
        /// The eliminations in the order they were made.
        public let eliminated: [Elimination]
        /// The game restricted to the surviving strategies.
        public let reducedGame: NormalFormGame
    }

    public init() {}

    /// Runs the elimination to a fixed point.
    public func eliminate(_ game: NormalFormGame) -> Result {
        var kept = game.strategyCounts.map { Array(0..<$0) }
        var eliminated = [Elimination]()
        var changed = true
        while changed {
            changed = false
            for player in 0..<game.playerCount where kept[player].count > 1 {
                let sub = game.restricted(to: kept)
                if let (s, t) = firstDominated(player: player, in: sub) {
                    eliminated.append(Elimination(player: player, strategy: kept[player][s], dominatedBy: kept[player][t]))
                    kept[player].remove(at: s)
                    changed = true
                }
            }
        }
        return Result(surviving: kept, eliminated: eliminated, reducedGame: game.restricted(to: kept))
    }

    /// A strictly dominated strategy of `player` and one that dominates it, if any.
    func firstDominated(player: Int, in game: NormalFormGame) -> (Int, Int)? {
        let n = game.strategyCounts[player]
        var stride = 1
        for i in 0..<player { stride *= game.strategyCounts[i] }
        let u = game.payoffs[player]
        let total = game.profileCount
        for s in 0..<n {
            for t in 0..<n where t != s {
                var dominates = true
                outer: for block in Swift.stride(from: 0, to: total, by: stride * n) {
                    for offset in 0..<stride where u[block + offset + t * stride] <= u[block + offset + s * stride] {
                        dominates = false
                        break outer
                    }
                }
                if dominates { return (s, t) }
            }
        }
        return nil
    }
}
