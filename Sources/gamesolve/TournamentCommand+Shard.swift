import ArgumentParser
import GameSolve

extension TournamentCommand {
    /// `--shard` splits the schedule's matches; what needs the whole result (the exported game,
    /// the Moran process) is a usage error with it.
    func checkShardApplies() throws {
        guard let text = sharding.shard else { return }
        if let path = exportGame { throw ValidationError("--export-game \(path) does not apply with --shard \(text): it needs the merged result") }
        if let n = moranPopulation { throw ValidationError("--moran-population \(n) does not apply with --shard \(text): it needs the merged result") }
        try ShardOptions.requireJSON(output.format == .json)
    }

    /// Plays one shard's block of the schedule and prints its part.
    func runShard(_ tournament: Tournament, _ shard: Shard) throws {
        let clock = Stopwatch()
        let r = tournament.runShard(shard, limits: limit.limits)
        LimitOptions.progressLine.clear()
        let names = r.strategies.map(\.name)
        let part = PartFile(command: "tournament", method: "round-robin", game: ResultEnvelope.strategicGame(r.stage.normalForm),
                            parameters: .object(parameters(r.stage, names: names)), stopReason: r.stopReason, shard: shard,
                            gameHash: strategicGameHash(r.stage.normalForm),
                            split: "schedule matches ⌊(i−1)·N/k⌋ ..< ⌊i·N/k⌋ of N = pairs · repetitions (match k seeded by k)",
                            arguments: ShardOptions.argumentsWithoutShard,
                            payload: .tournament(matches: r.matches.map { ($0.outcomes, $0.repetitions) }),
                            counters: [("matches", r.matches.reduce(0) { $0 + $1.repetitions }), ("turns", r.matches.reduce(0) { $0 + $1.outcomes.turns })],
                            elapsedSeconds: clock.seconds)
        ShardOptions.print(part)
        if r.stopReason == .timeout || r.stopReason == .interrupted {
            Interrupts.endIncomplete(interrupted: r.stopReason == .interrupted, "; shard \(shard) covers the matches played so far (its part is marked incomplete)")
        }
    }
}
