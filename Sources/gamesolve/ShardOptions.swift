import ArgumentParser
import Foundation
import GameSolve

/// `--shard i/k` of the commands whose work splits without communication (issue 16): the
/// command then solves shard i of k and prints a part file (the JSON envelope with `shard` and
/// `part`), which `gamesolve merge` combines. The split rules are library code (see ``Shard``).
struct ShardOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Solve only shard i of k and print a part file for 'gamesolve merge' (needs --format json); 'auto' takes i and k from a Slurm job array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT), 'auto/K' from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) with K shards.", valueName: "i/k|auto|auto/K"))
    var shard: String?

    func validate() throws {
        guard let text = shard else { return }
        if text == "auto" { return }
        if text.hasPrefix("auto/") {
            guard let k = Int(text.dropFirst(5)), k >= 1, k <= Shard.maxCount else {
                throw ValidationError("--shard auto/K needs a shard count K between 1 and \(Shard.maxCount), got '\(text)'")
            }
            return
        }
        do { _ = try Shard(parsing: text) } catch { throw ValidationError(error.description) }
    }

    /// The shard this process solves, or nil without `--shard`.
    func resolve() throws -> Shard? {
        guard let text = shard else { return nil }
        do {
            if text == "auto" { return try Shard.fromEnvironment(ProcessInfo.processInfo.environment, count: nil) }
            if text.hasPrefix("auto/") { return try Shard.fromEnvironment(ProcessInfo.processInfo.environment, count: Int(text.dropFirst(5))) }
            return try Shard(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// A usage error unless `--format json` was given: a part file is JSON.
    static func requireJSON(_ isJSON: Bool) throws {
        if !isJSON { throw ValidationError("--shard writes a part file, which is JSON: add --format json") }
    }

    /// The command line without `--shard` and its value: what the merge re-reads for the
    /// output options.
    static var argumentsWithoutShard: [String] {
        var out: [String] = []
        var skip = false
        for a in CommandLine.arguments.dropFirst() {
            if skip { skip = false; continue }
            if a == "--shard" { skip = true; continue }
            if a.hasPrefix("--shard=") { continue }
            out.append(a)
        }
        return out
    }

    /// Prints a part as the JSON envelope.
    static func print(_ part: PartFile) {
        var envelope = ResultEnvelope(command: part.command, game: part.game, method: part.method)
        if case .object(let members) = part.parameters { envelope.parameters = members }
        envelope.stopReason = part.stopReason.rawValue
        envelope.result = part.resultMembers
        envelope.counters = part.counters
        envelope.notes = part.notes
        envelope.elapsedSeconds = part.elapsedSeconds
        Swift.print(envelope.json().rendered(), terminator: "")
    }
}
