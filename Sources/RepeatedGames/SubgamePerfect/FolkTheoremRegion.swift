import ExactArithmetic
import LPSolvers
import StrategicGames

/// The folk-theorem region of a two-player stage game (Fudenberg & Maskin 1986, "The folk
/// theorem in repeated games with discounting or with incomplete information", Econometrica 54):
/// the feasible payoffs co{u(a)}, each player's minmax value — pure (the opponent restricted to
/// pure actions; the bound relevant for pure-strategy equilibria) and mixed (by linear
/// programming: the value of the zero-sum game in which the opponent minimises the player's
/// payoff) — and the feasible payoffs that are individually rational for each.
///
/// - Complexity: the feasible hull O(|A| log |A|); the pure minmax O(|A|); the mixed minmax one LP
///   per player (``BimatrixGame/minimax(start:simplex:timeLimit:)``, certified exactly).
public struct FolkTheoremRegion: Sendable {
    /// Vertices of the feasible set, counter-clockwise.
    public let feasible: [PlanePoint<Rational>]
    /// Pure minmax value of each player: minimum over the opponent's pure actions of the best reply.
    public let pureMinmax: [Rational]
    /// Mixed minmax value of each player (the opponent may mix; the player's best reply is pure).
    public let mixedMinmax: [Rational]
    /// The opponent's minmaxing mixed strategy against each player.
    public let minmaxStrategies: [[Rational]]
    /// Feasible payoffs with wᵢ ≥ mixed minmax for both players (may be empty).
    public let individuallyRational: [PlanePoint<Rational>]
    /// Feasible payoffs with wᵢ ≥ pure minmax for both players: contains V for every δ.
    public let pureIndividuallyRational: [PlanePoint<Rational>]

    public init(_ game: BimatrixGame, timeLimit: Duration? = nil) throws {
        let a = game.rowPayoffs, b = game.columnPayoffs
        var points: [PlanePoint<Rational>] = []
        for i in 0..<game.rowCount { for j in 0..<game.columnCount { points.append(PlanePoint(a[i, j], b[i, j])) } }
        feasible = PlanarGeometry.hull(points)
        let pure1 = (0..<game.columnCount).map { j in (0..<game.rowCount).map { a[$0, j] }.max()! }.min()!
        let pure2 = (0..<game.rowCount).map { i in (0..<game.columnCount).map { b[i, $0] }.max()! }.min()!
        pureMinmax = [pure1, pure2]
        // Player 1's mixed minmax: the value of the zero-sum game A (row maximises, column minimises).
        let zero1 = try BimatrixGame(zeroSum: (0..<game.rowCount).map { i in (0..<game.columnCount).map { a[i, $0] } })
        // Player 2's: the zero-sum game Bᵀ with player 2 as the maximiser.
        let zero2 = try BimatrixGame(zeroSum: (0..<game.columnCount).map { j in (0..<game.rowCount).map { b[$0, j] } })
        let s1 = try zero1.minimax(timeLimit: timeLimit), s2 = try zero2.minimax(timeLimit: timeLimit)
        mixedMinmax = [s1.value, s2.value]
        minmaxStrategies = [s1.strategies[1].probabilities, s2.strategies[1].probabilities]
        individuallyRational = PlanarGeometry.clip(feasible, minX: s1.value, minY: s2.value)
        pureIndividuallyRational = PlanarGeometry.clip(feasible, minX: pure1, minY: pure2)
    }
}
