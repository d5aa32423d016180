import Foundation
import Sharding
import StrategicGames

/// One shard's runs of a `bench` sweep, each with its number in the sweep's order.
public struct BenchShardPart: Sendable {
    public var runs: [(unit: Int, run: BenchRun)]
    /// Why this shard stopped early (a generator error), if it did; a run over the limit is
    /// in `runs` with ``BenchRun/exceededLimit``.
    public var failure: String?
    public init(runs: [(unit: Int, run: BenchRun)], failure: String?) { self.runs = runs; self.failure = failure }
}

extension BenchRunner {
    /// One shard of a sweep.
    ///
    /// Split rule: the sweep's runs — every size in increasing order, every game (seed) of a
    /// size — are numbered u = 0, 1, ... in that order, and run u belongs to shard u mod k + 1
    /// (so every shard gets every size, small and large alike). A shard skips its runs of
    /// sizes larger than one of its runs that exceeded the limit, as the unsharded sweep does;
    /// ``mergeShards(_:parts:)`` then cuts the merged sweep where the unsharded one would have
    /// stopped. Times are measured per shard (on its own machine), so a merged sweep equals an
    /// unsharded one in its runs, counters and results, not in its times.
    /// - Complexity: 1/k of the sweep's runs.
    public func runShard(_ plan: BenchPlan, shard: Shard, observe: (BenchEvent) -> Void = { _ in }) -> BenchShardPart {
        var out: [(unit: Int, run: BenchRun)] = []
        let clock = ContinuousClock()
        var unit = 0
        var ceiling = Int.max
        for size in plan.sizes where size <= ceiling {
            let games: [BenchGame]
            switch plan.games(ofSize: size) {
            case .success(let g): games = g
            case .failure(let error): return BenchShardPart(runs: out, failure: "size \(size): \(error)")
            }
            for (index, g) in games.enumerated() {
                defer { unit += 1 }
                guard shard.owns(unit), size <= ceiling else { continue }
                observe(.starting(size: size, run: index + 1, of: games.count, label: g.label))
                let limits = SolverLimits(timeout: plan.timeout, jobs: plan.jobs)
                let start = clock.now
                let outcome: SolverOutcome
                do { outcome = try plan.solver.run(g.game, limits: limits) } catch {
                    return BenchShardPart(runs: out, failure: "size \(size) \(g.label): \(error)")
                }
                let elapsed = clock.now - start
                let exceeded = outcome.stopReason == .timeout || plan.timeout.map { elapsed > $0 } == true
                let run = BenchRun(size: size, label: g.label, shape: g.shape, seconds: elapsed.seconds,
                                   results: outcome.results, stopReason: outcome.stopReason,
                                   counters: outcome.counters, exceededLimit: exceeded)
                out.append((unit, run))
                observe(.finished(run))
                if exceeded { ceiling = size }
            }
        }
        return BenchShardPart(runs: out, failure: nil)
    }

    /// The sweep of all shards in the unsharded order, cut where the unsharded sweep stops:
    /// after the first run (in sweep order) that exceeded the limit, or at the first failure.
    public static func mergeShards(_ plan: BenchPlan, parts: [BenchShardPart]) -> (runs: [BenchRun], stopped: String?) {
        let all = parts.flatMap(\.runs).sorted { $0.unit < $1.unit }
        var runs: [BenchRun] = []
        for (_, run) in all {
            runs.append(run)
            if run.exceededLimit {
                let limit = plan.timeout.map { String(format: "%g s", $0.seconds) } ?? "the"
                return (runs, "size \(run.size) stopped: \(run.label) exceeded the \(limit) limit per run; larger sizes skipped")
            }
        }
        if let failure = parts.compactMap(\.failure).first { return (runs, failure) }
        return (runs, nil)
    }
}

extension BenchRun {
    /// A run as read back from a part file.
    public init(stated size: Int, label: String, shape: String, seconds: Double, results: Int, stopReason: StopReason,
                counters: [String: Int], exceededLimit: Bool) {
        self.init(size: size, label: label, shape: shape, seconds: seconds, results: results, stopReason: stopReason,
                  counters: counters, exceededLimit: exceededLimit)
    }
}
