import ArgumentParser
import GameSolve

extension NashCommand {
    /// `--shard` applies to the methods whose search splits without communication: support
    /// enumeration (any number of players) and extreme-equilibrium enumeration; anything else
    /// is a usage error.
    func checkShardApplies() throws {
        guard let text = sharding.shard else { return }
        if let m = method, m != .enumerate && m != .supportEnumeration {
            throw ValidationError("--shard \(text) applies only to --method enumerate and --method support-enumeration, not to --method \(m.rawValue)")
        }
        if eliminateDominated { throw ValidationError("--shard \(text) and --eliminate-dominated exclude each other (eliminate first, e.g. with 'gamesolve convert', then shard the reduced game)") }
        if let n = limits.maxEquilibria { throw ValidationError("--max-equilibria \(n) does not apply with --shard \(text): a shard cannot know what the others found") }
        try ShardOptions.requireJSON(output.format == .json)
    }

    /// Solves one shard and prints its part file.
    func runShard(_ shard: Shard) throws {
        let game = try input.load()
        let method = self.method ?? NashMethod.defaultMethod(for: game, maxSupportProfiles: methodOptions.maxSupportProfiles)
        guard method == .enumerate || method == .supportEnumeration else {
            throw ValidationError("--shard \(sharding.shard!) applies only to --method enumerate and support-enumeration; the default method for this game is \(method.rawValue) (give --method support-enumeration)")
        }
        try methodOptions.checkApplies(method: self.method, resolved: method, players: game.playerCount, jobs: limits.jobs)
        let clock = Stopwatch()
        let limits = self.limits.limits
        let payload: ShardPayload
        let counters: [String: Int]
        let stop: StopReason
        let split: String
        switch method {
        case .supportEnumeration where game.playerCount != 2:
            let solver = NPlayerSupportEnumeration(newtonStarts: methodOptions.newtonStarts, maxSupportProfiles: methodOptions.maxSupportProfiles)
            let part: NPlayerSupportPart
            do { part = try solver.solveShard(game, shard: shard, limits: limits) } catch let e as NPlayerSolverError {
                throw NashMethod.commandFailure(e)
            }
            payload = .nPlayerSupport(part, game: game)
            counters = part.counters
            stop = part.stopReason
            split = "support profiles (leaves of the search) in search order, leaf u to shard u mod k + 1; every shard walks the pruning tree"
        case .enumerate:
            let bimatrix = try method.requireBimatrix(game)
            let part: ExtremeEquilibriaPart
            do { part = try ExtremeEquilibria.solveShard(bimatrix, shard: shard, limits: limits) } catch let e as ExtremeEquilibriaError {
                throw CommandFailure(e.description)
            }
            payload = .extremeEquilibria(part, game: game)
            counters = part.counters
            stop = part.stopReason
            split = "reverse-search subtrees at depth \(part.counters["splitDepth"] ?? 0) (\(part.counters["subtrees"] ?? 1) subtrees), subtree u to shard u mod k + 1; bases above the depth to shard 1"
        default:
            let bimatrix = try method.requireBimatrix(game)
            let part = SupportEnumeration(equalSizeOnly: methodOptions.equalSizeSupports).solveShard(bimatrix, shard: shard, limits: limits)
            payload = .supportEnumeration(part, game: game, equalSizeOnly: methodOptions.equalSizeSupports)
            counters = part.counters
            stop = part.stopReason
            split = "row supports in search order, support u to shard u mod k + 1"
        }
        LimitOptions.progressLine.clear()
        let part = PartFile(command: "nash", method: method.rawValue, game: ResultEnvelope.strategicGame(game),
                            parameters: .object(parameters(method)),
                            stopReason: stop, shard: shard, gameHash: strategicGameHash(game), split: split,
                            arguments: ShardOptions.argumentsWithoutShard, payload: payload,
                            counters: counters.sorted { $0.key < $1.key }, elapsedSeconds: clock.seconds)
        ShardOptions.print(part)
        if stop == .timeout || stop == .interrupted {
            Interrupts.endIncomplete(interrupted: stop == .interrupted, " (shard \(shard) is incomplete; its part is marked so)")
        }
    }
}
