import CoalitionGames
import CoreSolutions
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

    /// A Nash solver's result, summarised (an "equilibria" counter duplicates `results` and is dropped).
    public init(_ r: NashResult) {
        self.init(results: r.equilibria.count, stopReason: r.stopReason, counters: r.counters.filter { $0.key != "equilibria" })
    }
}

/// The solvers `gamesolve bench` can measure, by their command-line names.
public enum BenchmarkedSolver: String, CaseIterable, Sendable {
    /// All pure-strategy equilibria (``PureStrategyEquilibria``).
    case pure
    /// The value and optimal strategies of a zero-sum game by one exact LP (``BimatrixGame/minimax(start:simplex:)``).
    case minimax
    /// Every extreme equilibrium by lexicographic vertex enumeration (``ExtremeEquilibria``).
    case extremeEquilibria = "extreme-equilibria"
    /// Exact Shapley (and Banzhaf) values of a TU game from its table.
    case shapley
    /// The nucleolus by the sequential LP method (``SequentialNucleolus``).
    case nucleolus
    /// Shapley–Shubik and Banzhaf indices of a weighted voting game by dynamic programming.
    case votingPower = "voting-power"

    /// One line for `--help`.
    public var summary: String {
        switch self {
        case .pure: return "pure-strategy equilibria (all profiles examined)"
        case .minimax: return "value of a zero-sum game by one exact LP (use a zero-sum family)"
        case .extremeEquilibria: return "all extreme equilibria by vertex enumeration (exact)"
        case .shapley: return "exact Shapley and Banzhaf values of a TU game (2^n coalitions)"
        case .nucleolus: return "nucleolus of a TU game by sequential LPs"
        case .votingPower: return "Shapley-Shubik and Banzhaf power of a weighted voting game"
        }
    }

    /// The kind of game the solver takes.
    public var gameKind: GameFamily.Kind {
        switch self {
        case .pure, .minimax, .extremeEquilibria: return .bimatrix
        case .shapley, .nucleolus, .votingPower: return .coalitional
        }
    }

    /// The family `gamesolve bench` uses when none is given.
    public var defaultFamily: GameFamily {
        switch self {
        case .pure, .extremeEquilibria: return .random
        case .minimax: return .zeroSum
        case .shapley, .nucleolus: return .bnfType1
        case .votingPower: return .weightedVoting
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
        case .extremeEquilibria:
            guard let g = game.bimatrix else { throw BenchmarkError.wrongGameKind(solver: rawValue, expected: gameKind) }
            return SolverOutcome(try ExtremeEquilibria.solve(g, limits: limits))
        case .shapley:
            guard let table = try game.table() else { throw BenchmarkError.wrongGameKind(solver: rawValue, expected: gameKind) }
            blackHole(table.shapleyAndBanzhaf(jobs: limits.jobs))
            return SolverOutcome(results: 1, stopReason: .completed, counters: ["coalitions": table.grandCoalition])
        case .nucleolus:
            guard let table = try game.table() else { throw BenchmarkError.wrongGameKind(solver: rawValue, expected: gameKind) }
            let r = try SequentialNucleolus.nucleolus(table)
            return SolverOutcome(results: r.verified ? 1 : 0, stopReason: .completed, counters: r.counters)
        case .votingPower:
            guard let rule = game.rule else { throw BenchmarkError.wrongGameKind(solver: rawValue, expected: gameKind) }
            blackHole(try rule.votingPower())
            return SolverOutcome(results: 1, stopReason: .completed, counters: [:])
        }
    }
}

/// Keeps a value alive so that the optimiser cannot drop the computation that produced it.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

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
