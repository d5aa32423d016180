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
    /// Per-equilibrium extra data a method reports (e.g. Lemke–Howson: the labels that reached it
    /// and their path lengths), typed; one entry per equilibrium.
    public var details: [EquilibriumDetails]?
    /// The exact maximum regret of each equilibrium, computed in rationals from its printed
    /// probabilities (``NormalFormGame/regret(_:)``), when the method reports approximate
    /// equilibria (games with three or more players, whose equilibria are in general
    /// irrational). Nil when every equilibrium is exact (regret 0).
    public var maxRegrets: [Rational]?
    /// Logit quantal response equilibria at requested λ values (`logit` method only).
    public var quantalResponses: [QuantalResponseEquilibrium]?

    public init(equilibria: [Equilibrium], stopReason: StopReason = .completed, counters: [String: Int] = [:],
                notes: [String] = [], components: [[Int]]? = nil, details: [EquilibriumDetails]? = nil,
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

/// What a method reports about one equilibrium beside the equilibrium itself. Every index is
/// 0-based.
public enum EquilibriumDetails: Sendable, Equatable {
    /// Extreme equilibria (two players): the equilibrium's row and column vertex (indices into the
    /// vertex lists), its component (an index into ``NashResult/components``) and the maximal Nash
    /// subsets it belongs to.
    case extreme(rowVertex: Int, columnVertex: Int, component: Int, nashSubsets: [Int])
    /// Lemke–Howson: the labels whose paths ended at the equilibrium, in the order they were
    /// followed, and each path's number of pivots.
    case lemkeHowson(labels: [LemkeHowson.Label], pivots: [Int])
    /// Support enumeration with three or more players: each player's support (strategy indices).
    case supports([[Int]])
    /// Logit tracing: the λ (per unit of payoff range) at which the equilibrium was certified.
    case logit(lambda: Double)

    /// The Lemke–Howson path lengths, or nil for other methods.
    public var pivots: [Int]? { if case .lemkeHowson(_, let p) = self { return p }; return nil }
    /// The Lemke–Howson labels, or nil for other methods.
    public var labels: [LemkeHowson.Label]? { if case .lemkeHowson(let l, _) = self { return l }; return nil }
}
