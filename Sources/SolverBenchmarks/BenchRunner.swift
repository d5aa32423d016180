import Foundation
import GameGenerators
import StrategicGames

/// One game to run: its size (the family's size parameter, or the row count of a loaded game),
/// a label (seed or file name) and the game.
public struct BenchGame: Sendable {
    public var size: Int
    public var label: String
    public var game: GeneratedGame

    public init(size: Int, label: String, game: GeneratedGame) {
        self.size = size
        self.label = label
        self.game = game
    }

    /// "m x n" for a bimatrix game, "n p" for a TU game.
    public var shape: String { game.shape }
}

/// Where the games of a benchmark come from.
public enum BenchSource: Sendable {
    /// Fresh games of a family: for each size, one game per seed.
    case family(GameFamily, parameters: GeneratorParameters, sizes: [Int], seeds: [UInt64])
    /// Games loaded from files, grouped by their size.
    case games([BenchGame])
}

/// What to measure.
public struct BenchPlan: Sendable {
    public var solver: BenchmarkedSolver
    public var source: BenchSource
    /// Per-run time limit; a run that exceeds it stops its size and every larger size.
    public var timeout: Duration?
    /// Worker threads for solvers that run in parallel (1 by default, so times compare across machines).
    public var jobs: Int

    public init(solver: BenchmarkedSolver, source: BenchSource, timeout: Duration?, jobs: Int = 1) {
        self.solver = solver
        self.source = source
        self.timeout = timeout
        self.jobs = jobs
    }

    /// The sizes in increasing order.
    public var sizes: [Int] {
        switch source {
        case .family(_, _, let sizes, _): return sizes.sorted()
        case .games(let games): return Array(Set(games.map(\.size))).sorted()
        }
    }

    /// Runs per size (seeds, or the most files of one size).
    public var runsPerSize: Int {
        switch source {
        case .family(_, _, _, let seeds): return seeds.count
        case .games(let games): return Dictionary(grouping: games, by: \.size).values.map(\.count).max() ?? 0
        }
    }

    /// A label for the games ("random", or "files").
    public var familyLabel: String {
        switch source {
        case .family(let f, _, _, _): return f.rawValue
        case .games: return "files"
        }
    }

    /// The games of one size, generated now (a generator error is returned, not thrown, so the
    /// caller can report it against its size).
    public func games(ofSize size: Int) -> Result<[BenchGame], Error> {
        switch source {
        case .family(let family, let parameters, _, let seeds):
            do {
                return .success(try seeds.map { seed in
                    var p = parameters
                    p.size = size
                    p.seed = seed
                    return BenchGame(size: size, label: "seed \(seed)", game: try family.generate(p))
                })
            } catch { return .failure(error) }
        case .games(let games):
            return .success(games.filter { $0.size == size })
        }
    }
}

/// One measured run.
public struct BenchRun: Sendable, Codable {
    public var size: Int
    public var label: String
    public var shape: String
    public var seconds: Double
    public var results: Int
    public var stopReason: StopReason
    public var counters: [String: Int]
    /// True when the run hit the per-run limit (its time then counts as a lower bound).
    public var exceededLimit: Bool
}

/// Progress events, for a stderr progress line.
public enum BenchEvent: Sendable {
    case starting(size: Int, run: Int, of: Int, label: String)
    case finished(BenchRun)
    case stopped(size: Int, reason: String)
}

/// Runs a ``BenchPlan``: every size in increasing order, every game of a size, each timed with
/// the monotonic clock.
///
/// A run that exceeds the per-run limit (or that the solver itself stops on the timeout) ends
/// its size and skips every larger size, since those would only take longer; the report says
/// so. Cancellation is checked between runs.
public struct BenchRunner: Sendable {
    public init() {}

    /// Runs the plan, calling `observe` for every event and checking `isCancelled` between runs.
    /// Returns the runs, the stop message (nil when every size ran) and whether it was cancelled.
    public func run(_ plan: BenchPlan, observe: (BenchEvent) -> Void = { _ in },
                    isCancelled: () -> Bool = { false }) -> (runs: [BenchRun], stopped: String?, cancelled: Bool) {
        var runs: [BenchRun] = []
        let clock = ContinuousClock()
        for size in plan.sizes {
            let games: [BenchGame]
            switch plan.games(ofSize: size) {
            case .success(let g): games = g
            case .failure(let error):
                let why = "size \(size): \(error)"
                observe(.stopped(size: size, reason: why))
                return (runs, why, false)
            }
            for (index, g) in games.enumerated() {
                if isCancelled() { return (runs, nil, true) }
                observe(.starting(size: size, run: index + 1, of: games.count, label: g.label))
                let limits = SolverLimits(timeout: plan.timeout, jobs: plan.jobs)
                let start = clock.now
                let outcome: SolverOutcome
                do {
                    outcome = try plan.solver.run(g.game, limits: limits)
                } catch {
                    let why = "size \(size) \(g.label): \(error)"
                    observe(.stopped(size: size, reason: why))
                    return (runs, why, false)
                }
                let elapsed = clock.now - start
                let exceeded = outcome.stopReason == .timeout || plan.timeout.map { elapsed > $0 } == true
                let run = BenchRun(size: size, label: g.label, shape: g.shape, seconds: elapsed.seconds,
                                   results: outcome.results, stopReason: outcome.stopReason,
                                   counters: outcome.counters, exceededLimit: exceeded)
                runs.append(run)
                observe(.finished(run))
                if exceeded {
                    let limit = plan.timeout.map { String(format: "%g s", $0.seconds) } ?? "the"
                    let why = "size \(size) stopped: \(g.label) exceeded the \(limit) limit per run; larger sizes skipped"
                    observe(.stopped(size: size, reason: why))
                    return (runs, why, false)
                }
            }
        }
        return (runs, nil, false)
    }
}

extension Duration {
    /// The duration in seconds, as a double.
    public var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}
