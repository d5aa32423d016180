import ExactArithmetic
import StrategicGames

/// A symmetric 2x2 stage game with moves C (cooperate, strategy 0) and D (defect, strategy 1),
/// written as in Axelrod (1984): R reward for mutual cooperation, S sucker's payoff, T
/// temptation, P punishment for mutual defection. A player's payoff is R, S, T or P as the pair
/// (own move, opponent's move) is CC, CD, DC or DD.
///
/// Any four numbers are accepted (matches and tournaments need no inequality); the strategies
/// whose definition uses the prisoner's-dilemma order (`generous-tit-for-tat`, the
/// zero-determinant ones) check T > R > P > S themselves.
public struct SymmetricStageGame: Sendable, Hashable {
    public let reward: Rational
    public let sucker: Rational
    public let temptation: Rational
    public let punishment: Rational

    public init(reward: Rational, sucker: Rational, temptation: Rational, punishment: Rational) {
        self.reward = reward
        self.sucker = sucker
        self.temptation = temptation
        self.punishment = punishment
    }

    /// Axelrod's prisoner's dilemma R = 3, S = 0, T = 5, P = 1.
    public static let prisonersDilemma = SymmetricStageGame(reward: 3, sucker: 0, temptation: 5, punishment: 1)

    /// A two-player 2x2 game whose first strategy is C, checked to be symmetric (the column
    /// player's matrix is the transpose of the row player's).
    public init(_ game: NormalFormGame) throws(RepeatedGameError) {
        guard game.playerCount == 2, game.strategyCounts == [2, 2] else {
            throw .notSymmetric2x2("the stage game must be a two-player 2x2 game (this one has strategy counts \(game.strategyCounts))")
        }
        let u = { (p: Int, a: Int, b: Int) in game.payoff(player: p, at: [a, b]) }
        for a in 0..<2 { for b in 0..<2 where u(0, a, b) != u(1, b, a) {
            throw .notSymmetric2x2("the stage game is not symmetric: the row player's payoff at (\(a), \(b)) is \(u(0, a, b)) but the column player's at (\(b), \(a)) is \(u(1, b, a))")
        } }
        self.init(reward: u(0, 0, 0), sucker: u(0, 0, 1), temptation: u(0, 1, 0), punishment: u(0, 1, 1))
    }

    /// The payoffs indexed by own move · 2 + opponent's move (0 = C, 1 = D): R, S, T, P.
    public var table: [Rational] { [reward, sucker, temptation, punishment] }

    /// T > R > P > S: the one-shot game is a prisoner's dilemma.
    public var isPrisonersDilemma: Bool { temptation > reward && reward > punishment && punishment > sucker }

    /// The stage game as a strategic-form game (strategies C and D for both players).
    public var normalForm: NormalFormGame {
        let (r, s, t, p) = (reward, sucker, temptation, punishment)
        let game = try! BimatrixGame(rowPayoffs: [[r, s], [t, p]], columnPayoffs: [[r, t], [s, p]]).normalForm
        return try! NormalFormGame(title: "Symmetric 2x2 stage game",
                                   players: [Player(name: "1", strategies: ["C", "D"]), Player(name: "2", strategies: ["C", "D"])],
                                   payoffs: game.payoffs)
    }
}

/// What the repeated-game library rejects (the CLI shows `description`).
public enum RepeatedGameError: Error, Equatable, CustomStringConvertible {
    /// An unknown strategy name or bad parameters.
    case badStrategy(String)
    /// The stage game is not a symmetric 2x2 game (or lacks a property a strategy needs).
    case notSymmetric2x2(String)
    /// The strategy or method does not apply (for example an unbounded-memory strategy in an
    /// exact Markov-chain computation).
    case unsupported(String)
    /// A size limit was reached before starting (the message names the override).
    case tooLarge(String)

    public var description: String {
        switch self {
        case .badStrategy(let m), .notSymmetric2x2(let m), .unsupported(let m), .tooLarge(let m): m
        }
    }
}
