import ArgumentParser
import Foundation
import GameSolve

extension BenchCommand {
    /// `--shard` splits the sweep's runs; the peer tools (`--compare`) run after the sweep and
    /// do not split.
    func checkShardApplies() throws {
        guard let text = sharding.shard else { return }
        if compare { throw ValidationError("--compare does not apply with --shard \(text): the peer tools run on the merged sweep's sizes") }
        if format != .json { throw ValidationError("--shard writes a part file, which is JSON: add --format json") }
    }

    /// Runs one shard's runs of the sweep and prints its part.
    func runShard(_ plan: BenchPlan, _ shard: Shard) throws {
        let clock = Stopwatch()
        let progress = ProgressLine()
        Interrupts.install()
        let part = BenchRunner().runShard(plan, shard: shard, observe: { event in
            if case .starting(let size, let run, let of, let label) = event {
                progress.show("bench \(solver.rawValue) shard \(shard): size \(size), run \(run)/\(of) (\(label))")
            }
        })
        progress.clear()
        let identity = "bench\n\(solver.rawValue)\n\(plan.source)\n\(timeout)\n"
        let parameters: [(String, JSONValue)] = [
            ("solver", .string(solver.rawValue)), ("family", .string(plan.familyLabel)),
            ("sizes", .array(plan.sizes.map { .number(String($0)) })), ("runsPerSize", .number(String(plan.runsPerSize))),
            ("timeout", .number(ResultEnvelope.decimalNumber(timeout, digits: 6))), ("jobs", .number(String(jobs))),
        ]
        let file = PartFile(command: "bench", method: solver.rawValue, game: .null, parameters: .object(parameters),
                            stopReason: .completed, shard: shard, gameHash: "sha256:" + SHA256.hex(identity),
                            split: "runs (size, seed) in sweep order, run u to shard u mod k + 1",
                            arguments: ShardOptions.argumentsWithoutShard, payload: .bench(part),
                            counters: [("runs", part.runs.count)], notes: part.failure.map { [$0] } ?? [],
                            elapsedSeconds: clock.seconds)
        ShardOptions.print(file)
    }
}
