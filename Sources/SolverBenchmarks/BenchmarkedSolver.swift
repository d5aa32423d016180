import Equilibria
import GameGenerators
import LPSolvers
import StrategicGames

/// What one solver run reports to the benchmark: how many results it found, why it stopped,
/// and its work counters.
public struct SolverOutcome: Sendable {
    public var results: Int
    public var stopReason: StopReason
    public var counters: [String: Int]

    public init(results: Int, stopReason: StopReason, counters: [String: Int]) {
        self.results = results
        self.stopReason = stopReason
        self.counters = counters
    }

    /// A Nash solver's result, summarised.
    public init(_ r: NashResult) {
        self.init(results: r.equilibria.count, stopReason: r.stopReason, counters: r.counters)
    }
}

/// The solvers `gamesolve bench` can measure, by their command-line names.
public enum BenchmarkedSolver: String, CaseIterable, Sendable {
    /// All pure-strategy equilibria (``PureStrategyEquilibria``).
    case pure
    /// The value and optimal strategies of a zero-sum game by one exact LP (``BimatrixGame/minimax(start:simplex:)``).
    case minimax

    /// One line for `--help`.
    public var summary: String {
        switch self {
        case .pure: return "pure-strategy equilibria (all profiles examined)"
        case .minimax: return "value of a zero-sum game by one exact LP (use a zero-sum family)"
        }
    }

    /// The kind of game the solver takes.
    public var gameKind: GameFamily.Kind {
        switch self {
        case .pure, .minimax: return .bimatrix
        }
    }

    /// True when the support-pair count, about 4^n/√(πn), is the natural reference curve.
    public var enumeratesSupports: Bool { false }

    /// Runs the solver once on `game` within `limits`.
    /// - Throws: ``BenchmarkError/wrongGameKind`` when the game is not of ``gameKind``.
    public func run(_ game: GeneratedGame, limits: SolverLimits) throws -> SolverOutcome {
        switch self {
        case .pure:
            guard let g = game.bimatrix else { throw BenchmarkError.wrongGameKind(solver: rawValue, expected: gameKind) }
            let nf = g.normalForm
            let found = PureStrategyEquilibria().equilibria(of: nf)
            return SolverOutcome(results: found.count, stopReason: .completed,
                                 counters: ["profilesExamined": nf.profileCount])
        case .minimax:
            guard let g = game.bimatrix else { throw BenchmarkError.wrongGameKind(solver: rawValue, expected: gameKind) }
            let solution = try g.minimax()
            return SolverOutcome(results: 1, stopReason: .completed, counters: ["simplexIterations": solution.iterations])
        }
    }
}

/// Why a benchmark could not run.
public enum BenchmarkError: Error, CustomStringConvertible, Equatable {
    case wrongGameKind(solver: String, expected: GameFamily.Kind)
    case noSizes
    case noSeeds
    case noGames(String)

    public var description: String {
        switch self {
        case .wrongGameKind(let s, let k): return "the \(s) solver takes \(k) games"
        case .noSizes: return "no sizes to run"
        case .noSeeds: return "at least one seed is needed"
        case .noGames(let why): return "no games to run: \(why)"
        }
    }
}
