import ArgumentParser
import GameSolve

/// `--shard` of `shapley` and `banzhaf`: the exact sweep splits the coalition table, sampling
/// splits the samples into seeded streams; a target error (`--error`) does not split.
func checkValueShard(_ input: TUGameOptions, _ sampling: SamplingOptions, _ sharding: ShardOptions,
                     _ output: ResultOutputOptions<TableJSONCSV>) throws {
    guard let text = sharding.shard else { return }
    if let e = sampling.error {
        throw ValidationError("--shard \(text) does not apply with --error \(e): a target half-width needs all samples in one place (use --samples N)")
    }
    try ShardOptions.requireJSON(output.format == .json)
}

/// Solves one shard of a Shapley or Banzhaf computation and prints its part.
func valueShard(_ input: TUGameOptions, _ sampling: SamplingOptions, _ shard: Shard, banzhaf: Bool) throws {
    let loaded = try input.load()
    let clock = Stopwatch()
    let command = banzhaf ? "banzhaf" : "shapley"
    let payload: ShardPayload
    let hash: String
    var parameters: [(String, JSONValue)] = []
    var counters: [(String, Int)] = []
    let split: String
    if let n = sampling.samples {
        if let k = sampling.streams, k != shard.count {
            throw ValidationError("--streams \(k) disagrees with --shard \(shard): shard i of k draws stream i of k")
        }
        let game: SamplableGame
        switch loaded {
        case .table(let g): game = .table(g); hash = tuGameHash(g)
        case .rule(let r, let names): game = .rule(r); hash = "sha256:" + SHA256.hex("rule\n\(names)\n\(r)")
        }
        let seed = sampling.seed ?? 1
        let est: SampledValue
        do { est = try ValueSampler.streamBlock(game, banzhaf: banzhaf, samples: n, seed: seed, stream: shard) } catch let e as TUGameError {
            throw commandError(e)
        }
        payload = .sampled(est, players: loaded.playerNames, stream: shard.index)
        parameters = [("samples", .number(String(n))), ("seed", .number(String(seed)))]
        counters = [("samples", est.samples)]
        split = "samples block i of k, from SplitMix64 stream i (seed derived from (seed, i))"
    } else {
        let g: TUGame
        do { g = try loaded.table() } catch let e as TUGameError { throw commandError(e) }
        hash = tuGameHash(g)
        let part = g.shapleyAndBanzhafShard(shard, jobs: sampling.jobs)
        payload = .coalitionSums(part, players: g.playerNames)
        counters = [("coalitions", part.masks.count)]
        split = "coalition masks ⌊(i−1)·2^n/k⌋ ..< ⌊i·2^n/k⌋ (bitmask order)"
    }
    let part = PartFile(command: command, method: sampling.samples == nil ? "exact" : "sampling",
                        game: ResultEnvelope.tuGame(players: loaded.playerNames), parameters: .object(parameters),
                        stopReason: .completed, shard: shard, gameHash: hash, split: split,
                        arguments: ShardOptions.argumentsWithoutShard, payload: payload, counters: counters,
                        elapsedSeconds: clock.seconds)
    ShardOptions.print(part)
}
