import ExactArithmetic
import StrategicGames

/// A symmetric two-player stage game with k ≥ 1 actions: both players choose from the same
/// actions, and a player's payoff depends only on (own action, opponent's action).
///
/// The 2x2 case is written as in Axelrod (1984), with moves C (cooperate, action 0) and D (defect,
/// action 1): R reward for mutual cooperation, S sucker's payoff, T temptation, P punishment for
/// mutual defection; a player's payoff is R, S, T or P as (own move, opponent's move) is CC, CD,
/// DC or DD. Any four numbers are accepted (matches and tournaments need no inequality); the
/// strategies whose definition uses the prisoner's-dilemma order (`generous-tit-for-tat`, the
/// zero-determinant ones) check T > R > P > S themselves. Games with more actions (for example
/// rock–paper–scissors, or a prisoner's dilemma with a third, "punish", action) are played by the
/// strategies that are defined for any number of actions (see ``Strategy``).
public struct SymmetricStageGame: Sendable, Hashable {
    /// The actions' names (C and D for a game given by R, S, T, P).
    public let actions: [String]
    /// A player's payoff, indexed by own action · k + opponent's action (for 2x2: R, S, T, P).
    public let table: [Rational]

    /// The number of actions k.
    public var actionCount: Int { actions.count }

    /// R, S, T and P of a 2x2 game (the payoffs at CC, CD, DC and DD; only for two actions).
    public var reward: Rational { table[0] }
    public var sucker: Rational { table[1] }
    public var temptation: Rational { table[2] }
    public var punishment: Rational { table[3] }

    public init(reward: Rational, sucker: Rational, temptation: Rational, punishment: Rational) {
        actions = ["C", "D"]
        table = [reward, sucker, temptation, punishment]
    }

    /// A game from its actions and the payoff `payoffs[own][opponent]` of a player.
    public init(actions: [String], payoffs: [[Rational]]) throws(RepeatedGameError) {
        let k = actions.count
        guard k >= 1 else { throw .stageGame("the stage game needs at least one action") }
        guard payoffs.count == k, payoffs.allSatisfy({ $0.count == k }) else {
            throw .stageGame("the stage game's payoff table must be \(k)x\(k), one row per action")
        }
        self.actions = actions
        self.table = payoffs.flatMap { $0 }
    }

    /// Axelrod's prisoner's dilemma R = 3, S = 0, T = 5, P = 1.
    public static let prisonersDilemma = SymmetricStageGame(reward: 3, sucker: 0, temptation: 5, punishment: 1)

    /// A two-player game with the same number of strategies for both players, checked to be
    /// symmetric (the column player's matrix is the transpose of the row player's); the actions are
    /// the row player's strategy names (for 2x2 games, the first is C).
    public init(_ game: NormalFormGame) throws(RepeatedGameError) {
        guard game.playerCount == 2, game.strategyCounts[0] == game.strategyCounts[1] else {
            throw .stageGame("the stage game must be a symmetric two-player game, with as many strategies for both players (this one has strategy counts \(game.strategyCounts))")
        }
        let k = game.strategyCounts[0]
        let u = { (p: Int, a: Int, b: Int) in game.payoff(player: p, at: [a, b]) }
        for a in 0..<k { for b in 0..<k where u(0, a, b) != u(1, b, a) {
            throw .stageGame("the stage game is not symmetric: the row player's payoff at (\(a), \(b)) is \(u(0, a, b)) but the column player's at (\(b), \(a)) is \(u(1, b, a))")
        } }
        let names = k == 2 ? ["C", "D"] : game.players[0].strategies
        try self.init(actions: names, payoffs: (0..<k).map { a in (0..<k).map { b in u(0, a, b) } })
    }

    /// A player's payoff when it plays `own` and the opponent `opponent`.
    @inlinable public func payoff(own: Int, opponent: Int) -> Rational { table[own * actionCount + opponent] }

    /// T > R > P > S: a 2x2 game whose one-shot form is a prisoner's dilemma.
    public var isPrisonersDilemma: Bool {
        actionCount == 2 && temptation > reward && reward > punishment && punishment > sucker
    }

    /// The names of the k² outcomes (own action first): CC, CD, DC, DD for 2x2, "a/b" otherwise.
    public var outcomeNames: [String] {
        actions.flatMap { a in actions.map { b in actionCount == 2 ? a + b : "\(a)/\(b)" } }
    }

    /// One round's moves as printed: "CD" for 2x2 games, "a/b" with the action names otherwise.
    public func actionLabel(_ own: Int, _ opponent: Int) -> String { outcomeNames[own * actionCount + opponent] }

    /// The stage game as a strategic-form game (the actions are both players' strategies).
    public var normalForm: NormalFormGame {
        let k = actionCount
        let row = (0..<k).map { a in (0..<k).map { b in payoff(own: a, opponent: b) } }
        let column = (0..<k).map { a in (0..<k).map { b in payoff(own: b, opponent: a) } }
        let game = try! BimatrixGame(rowPayoffs: row, columnPayoffs: column).normalForm
        return try! NormalFormGame(title: k == 2 ? "Symmetric 2x2 stage game" : "Symmetric \(k)x\(k) stage game",
                                   players: [Player(name: "1", strategies: actions), Player(name: "2", strategies: actions)],
                                   payoffs: game.payoffs)
    }
}

/// What the repeated-game library rejects (the CLI shows `description`).
public enum RepeatedGameError: Error, Equatable, CustomStringConvertible {
    /// An unknown strategy name or bad parameters.
    case badStrategy(String)
    /// The stage game is not a symmetric game, or lacks a property a strategy needs (a
    /// prisoner's dilemma, two actions, an action index in range).
    case stageGame(String)
    /// The strategy or method does not apply (for example an unbounded-memory strategy in an
    /// exact Markov-chain computation).
    case unsupported(String)
    /// A size limit was reached before starting (the message names the override).
    case tooLarge(String)

    public var description: String {
        switch self {
        case .badStrategy(let m), .stageGame(let m), .unsupported(let m), .tooLarge(let m): m
        }
    }
}
