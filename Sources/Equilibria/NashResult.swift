import ExactArithmetic
import StrategicGames

/// What a Nash-equilibrium solver returns: the equilibria it found (each verified exactly),
/// why it stopped, its work counters and notes for the user.
public struct NashResult: Sendable {
    /// Verified equilibria, in the solver's deterministic order.
    public var equilibria: [Equilibrium]
    /// Completed, or stopped early (timeout, max results).
    public var stopReason: StopReason
    /// Work counters by name, e.g. `"pivots"`, `"supportsExamined"`, `"verticesVisited"`.
    public var counters: [String: Int]
    /// Facts the user should see ("the game is degenerate: equilibria may form continua").
    public var notes: [String]
    /// Maximal Nash subsets (components) as indices into `equilibria`, when the method computes them.
    public var components: [[Int]]?
    /// Per-equilibrium extra data a method reports (e.g. Lemke–Howson: the labels that reached it).
    public var details: [[String: String]]?
    /// The exact maximum regret of each equilibrium, computed in rationals from its printed
    /// probabilities (``NormalFormGame/regret(_:)``), when the method reports approximate
    /// equilibria (games with three or more players, whose equilibria are in general
    /// irrational). Nil when every equilibrium is exact (regret 0).
    public var maxRegrets: [Rational]?
    /// Logit quantal response equilibria at requested λ values (`logit` method only).
    public var quantalResponses: [QuantalResponseEquilibrium]?

    public init(equilibria: [Equilibrium], stopReason: StopReason = .completed, counters: [String: Int] = [:],
                notes: [String] = [], components: [[Int]]? = nil, details: [[String: String]]? = nil,
                maxRegrets: [Rational]? = nil) {
        self.equilibria = equilibria
        self.stopReason = stopReason
        self.counters = counters
        self.notes = notes
        self.components = components
        self.details = details
        self.maxRegrets = maxRegrets
    }
}
