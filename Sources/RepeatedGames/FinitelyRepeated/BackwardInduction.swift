import Equilibria
import ExactArithmetic
import StrategicGames

/// The subgame-perfect play of a finitely repeated game whose stage game is solvable by iterated
/// strict dominance, by backward induction: the unravelling argument (Luce & Raiffa 1957, ch. 5;
/// Benoît & Krishna 1985, "Finitely repeated games", Econometrica 53, Lemma: a unique stage
/// equilibrium gives a unique subgame-perfect equilibrium).
///
/// Steps, from the last round T back to the first: in round t, after any history, the players
/// face the stage game plus the continuation payoffs c_{t+1} of rounds t + 1, …, T. By induction
/// c_{t+1} does not depend on the history, so adding it changes no comparison; iterated strict
/// dominance (``StrictDominance``) is run on that round's game and must leave one profile, which
/// is played; c_t = u(profile) + c_{t+1}. In the prisoner's dilemma every round unravels to (D, D),
/// whatever the number of rounds: cooperation needs an infinite (or uncertain) horizon.
///
/// - Throws: ``RepeatedGameError/unsupported(_:)`` when some round's game is not dominance
///   solvable (stage games with several equilibria have richer finite-horizon equilibria, Benoît &
///   Krishna 1985, not computed here); ``RepeatedGameError/tooLarge(_:)`` above `maxRounds`.
/// - Complexity: O(T) dominance eliminations on the stage game.
public enum BackwardInduction {
    public struct Result: Sendable, Hashable {
        /// The profile played in each round, first round first (0-based strategy indices).
        public let play: [[Int]]
        /// Each player's total payoff over the T rounds.
        public let totals: [Rational]
    }

    public static let defaultMaxRounds = 1_000_000

    public static func solve(stage: NormalFormGame, rounds: Int, maxRounds: Int = defaultMaxRounds) throws(RepeatedGameError) -> Result {
        guard rounds >= 1 else { throw .badStrategy("the number of rounds must be at least 1") }
        guard rounds <= maxRounds else { throw .tooLarge("\(rounds) rounds is above the limit of \(maxRounds)") }
        var continuation = [Rational](repeating: .zero, count: stage.playerCount)
        var play: [[Int]] = []
        for t in stride(from: rounds, through: 1, by: -1) {
            // The round-t game: stage payoffs plus the (history-independent) continuation.
            let shifted = (0..<stage.playerCount).map { i in stage.payoffs[i].map { $0 + continuation[i] } }
            let roundGame = try! NormalFormGame(title: "round \(t)", players: stage.players, payoffs: shifted)
            let reduced = StrictDominance().eliminate(roundGame)
            guard reduced.surviving.allSatisfy({ $0.count == 1 }) else {
                throw .unsupported("round \(t) of \(rounds) is not solvable by iterated strict dominance (surviving strategies \(reduced.surviving)), so backward induction does not give a unique play")
            }
            let profile = reduced.surviving.map { $0[0] }
            play.append(profile)
            for i in 0..<stage.playerCount { continuation[i] += stage.payoff(player: i, at: profile) }
        }
        return Result(play: play.reversed(), totals: continuation)
    }
}
