import ArgumentParser
import GameSolve

/// `gamesolve merge PART...`: the result of a sharded run from its part files, exactly the
/// output of the unsharded command (same equilibria in the same order, counters summed, pooled
/// confidence intervals). Reading, checking and merging are library code (``PartFile``,
/// ``ShardMerge``); this command renders with the original command's renderer.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the part files of a sharded run (--shard i/k) into the unsharded result.",
        discussion: """
        Every part must come from the same command, method, parameters and game (by its \
        SHA-256 hash) with the same shard count k, and shards 1 to k must each be given once; \
        otherwise nothing is printed and the error names the foreign, duplicate or missing \
        parts (exit status 1). A file that is not a part is malformed input (exit status 65, \
        file:line:column). The output is the unsharded command's output in the format the \
        parts were asked for (JSON), or --format.

        Example:
          for i in 1 2 3; do gamesolve nash game.nfg --method enumerate --shard $i/3 --format json > part_$i.json; done
          gamesolve merge part_*.json
        """)

    @Argument(help: ArgumentHelp("The part files ('gamesolve CMD ... --shard i/k --format json' output), any order.", valueName: "part"))
    var parts: [String]

    @Option(help: ArgumentHelp("Output format of the merged result (default: json; table, csv and the command's other formats where it has them).", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("Decimal renderings with this many digits, as the command's own --decimals (default: the parts' --decimals).", valueName: "n"))
    var decimals: Int?

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the part files to merge") }
        if let d = decimals { _ = try ResultOutputOptions<TableJSONCSV>.parse(["--decimals", String(d)]) }
    }

    func run() throws {
        var files: [PartFile] = []
        for path in parts {
            let bytes = try GameFile.readBytes(path: path)
            files.append(try PartFile.read(bytes, file: path == "-" ? "<stdin>" : path))
        }
        let merged: MergedRun
        do { merged = try ShardMerge.merge(files) } catch { throw CommandFailure("merge: \(error.message)") }
        let first = files.sorted { $0.shard.index < $1.shard.index }[0]
        let arguments = Array(first.arguments.dropFirst())
        let elapsed = files.reduce(0) { $0 + $1.elapsedSeconds }
        switch merged {
        case .nash(let game, let result):
            let command = try NashCommand.parse(arguments)
            let format = try format.map { try Self.choice(OutputFormat.self, $0) } ?? command.output.format
            var output = command.output
            if let d = decimals { output.decimals = d }
            var renderer = NashResultRenderer(game: game, method: first.method, result: result, output: output)
            if let method = NashMethod(rawValue: first.method) { renderer.parameters = command.parameters(method) }
            renderer.elapsedSeconds = elapsed
            if format == .csv || format == .gambit || format == .lrs { for line in renderer.diagnostics { Diagnostics.note(line) } }
            print(renderer.render(format), terminator: "")
            if result.stopReason == .timeout || result.stopReason == .interrupted {
                Interrupts.endIncomplete(interrupted: false, " in a shard (the merged list may be incomplete)")
            }
        case .values(let players, let values):
            let output = try tuOutput(first.command, arguments)
            let format = try format.map { try Self.choice(AllocationFormat.self, $0) } ?? output.format
            let text = exactRenderer(values, players: players, banzhaf: first.command == "banzhaf", output: output).render(format)
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        case .sampled(let players, let value, let streams):
            let output = try tuOutput(first.command, arguments)
            let format = try format.map { try Self.choice(AllocationFormat.self, $0) } ?? output.format
            let text = sampledRenderer(value, players: players, banzhaf: first.command == "banzhaf", streams: streams, output: output).render(format)
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        case .bench(let pieces):
            let command = try BenchCommand.parse(arguments)
            let format = try format.map { try Self.choice(BenchCommand.Format.self, $0) } ?? command.format
            let plan = try command.makePlan()
            let (runs, stopped) = BenchRunner.mergeShards(plan, parts: pieces)
            let report = BenchReport(plan: plan, runs: runs, stopped: stopped, interrupted: false, peers: [])
            print(BenchRendering.render(report, as: format, parameters: command.parameters, elapsedSeconds: elapsed), terminator: "")
        case .tournament(let blocks, let stops):
            var command = try TournamentCommand.parse(arguments)
            if let f = format { command.output.format = try Self.choice(TableJSONCSV.self, f) }
            if let d = decimals { command.output.decimals = d }
            let tournament = try command.makeTournament()
            var results: [TournamentResult] = []
            for (b, stop) in zip(blocks, stops) {
                guard let r = tournament.shardResult(matches: b, stopReason: stop) else {
                    throw CommandFailure("merge: a part's matches do not fit the tournament of its arguments")
                }
                results.append(r)
            }
            let r = tournament.merge(results)
            print(command.render(r, elapsed: elapsed, moran: nil), terminator: "")
            if r.stopReason != .completed {
                Interrupts.endIncomplete(interrupted: false, " in a shard; the merged results cover the repetitions played (marked incomplete)")
            }
        }
    }

    /// The output options of the TU command the parts came from, with this command's --decimals.
    func tuOutput(_ command: String, _ arguments: [String]) throws -> ResultOutputOptions<TableJSONCSV> {
        var output = command == "banzhaf" ? try BanzhafCommand.parse(arguments).output : try ShapleyCommand.parse(arguments).output
        if let d = decimals { output.decimals = d }
        return output
    }

    static func choice<F: RawRepresentable & CaseIterable>(_: F.Type, _ text: String) throws -> F where F.RawValue == String {
        guard let f = F(rawValue: text) else {
            throw ValidationError("--format \(text) is not a format of this result; choose from: \(F.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return f
    }
}
