import ArgumentParser
import Foundation
import GameSolve

/// `gamesolve tournament`: a round robin of repeated-game strategies.
struct TournamentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tournament",
        abstract: "Round-robin tournament of repeated-game strategies (Axelrod's tournaments).",
        discussion: """
        Every pair of strategies plays (each strategy also meets its twin), on a symmetric stage \
        game (2x2 by --payoffs, or any k x k game by --game), for a fixed number of turns or a seeded geometric length, with seeded noise, \
        --repetitions times. Matches run in parallel and stream (memory does not grow with turns); \
        results depend on --seed only, not on --jobs. Strategies are ranked by mean score per turn \
        over all their matches (self-play counted on both sides).

        "scores" are each player's total over all repetitions of the pair (JSON integers when \
        the payoffs are integers, exact strings otherwise); per-turn means and cooperation rates \
        (how often each player played C, or action 0 in a larger stage game) \
        are exact fractions with ...Decimal companions.

        Strategies (see docs/repeated.md for definitions): \(Strategy.catalogueNames.joined(separator: ", ")). \
        Default: the 14 deterministic ones; for a stage game with k ≠ 2 actions, those for any \
        number of actions (tit-for-tat, best-response, cycler, always:0 ... always:k−1).

        Example:
          gamesolve tournament --payoffs 3,0,5,1 --strategies tit-for-tat,grudger,defector --turns 200 --format json
        """
    )

    @OptionGroup var stageGame: StageGameOptions

    @Option(help: ArgumentHelp("Comma-separated strategy names (parameters after ':', e.g. memory-one:1,0,0,1); default: the 14 deterministic strategies (for k ≠ 2 actions: tit-for-tat, best-response, cycler, always:i).", valueName: "list"))
    var strategies: String?

    @OptionGroup var match: MatchSettingsOptions

    @Option(name: .customLong("export-game"), help: ArgumentHelp("Write the mean-payoff-per-turn matrix as a symmetric two-player game (.nfg, .json or .csv by extension) for nash, rank, learn.", valueName: "file"))
    var exportGame: String?

    @Option(name: .customLong("moran-population"), help: ArgumentHelp("Also run the Moran process on the mean-payoff matrix in a population of this size: exact fixation probabilities and the rare-mutation stationary distribution.", valueName: "N"))
    var moranPopulation: Int?

    @Option(name: .customLong("selection"), help: ArgumentHelp("With --moran-population: intensity of selection w in [0, 1] of the Moran process (fitness 1 − w + w·payoff; default 1/10).", valueName: "w"))
    var selectionOption: String?

    /// `--selection`, or its default.
    var selection: String { selectionOption ?? "1/10" }

    @OptionGroup var limit: LimitOptions

    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>
    @OptionGroup(title: "Sharded runs") var sharding: ShardOptions

    func validate() throws {
        try checkShardApplies()
        if let path = exportGame, GameFormat(fileName: path) == nil || GameFormat(fileName: path) == .lrs {
            throw ValidationError("--export-game needs a .nfg, .json or .csv file name, got '\(path)'")
        }
        if let m = limit.maxEquilibria { throw ValidationError("--max-equilibria \(m) does not apply to tournaments") }
        if let w = selectionOption, moranPopulation == nil { throw ValidationError("--selection \(w) applies only with --moran-population N") }
        guard let w = Rational(selection), w >= .zero, w <= .one else { throw ValidationError("--selection needs a number in [0, 1], got '\(selection)'") }
        if let n = moranPopulation, !(2...MoranProcess.maxExactPopulation).contains(n) {
            throw ValidationError("--moran-population must be between 2 and \(MoranProcess.maxExactPopulation), got \(n)")
        }
        _ = try parseStrategies(strategyNames(stageGame.stageForValidation ?? .prisonersDilemma), stage: stageGame.stageForValidation, usage: true)
    }

    /// `--strategies`, or the default for the stage game.
    func strategyNames(_ stage: SymmetricStageGame) -> [String] {
        if let list = strategies { return splitStrategyList(list) }
        if stage.actionCount == 2 { return Strategy.deterministicNames }
        return ["tit-for-tat", "best-response", "cycler"] + (0..<stage.actionCount).map { "always:\($0)" }
    }

    /// The tournament the options describe.
    func makeTournament() throws -> Tournament {
        let stage = try stageGame.load()
        let players = try parseStrategies(strategyNames(stage), stage: stage, usage: false)
        let settings = try match.settings()
        do { return try Tournament(strategies: players, stage: stage, settings: settings) } catch { throw CommandFailure(error.description) }
    }

    func run() throws {
        let tournament = try makeTournament()
        if let shard = try sharding.resolve() { return try runShard(tournament, shard) }
        let clock = Stopwatch()
        let result = tournament.run(limits: limit.limits)
        LimitOptions.progressLine.clear()
        let elapsed = clock.seconds
        if let path = exportGame {
            let format = GameFormat(fileName: path)!
            try GameFile.write(try GameFile.text(result.symmetricGame, format: format), to: path)
        }
        var moran: MoranAnalysis?
        if let n = moranPopulation, result.stopReason == .completed {
            let w = Rational(selection)!
            do {
                let process = try MoranProcess(payoffs: result.meanPayoffMatrix, populationSize: n)
                moran = MoranAnalysis(populationSize: n, selection: w, fixation: try process.fixationMatrix(intensity: w),
                                      stationary: try process.smallMutationStationaryDistribution(intensity: w))
            } catch { throw CommandFailure(error.description) }
        }
        print(render(result, elapsed: elapsed, moran: moran), terminator: "")
        if result.stopReason == .timeout || result.stopReason == .interrupted {
            Interrupts.endIncomplete(interrupted: result.stopReason == .interrupted,
                                     "; the results cover the repetitions played so far (marked incomplete)")
        }
    }

    /// The options that shape a tournament's result, for its envelope (and its parts).
    func parameters(_ stage: SymmetricStageGame, names: [String]) -> [(String, JSONValue)] {
        [("payoffs", .array(stage.table.map { .string($0.description) })), ("strategies", .array(names.map { .string($0) }))] + match.parameters
    }

    /// The Moran process over the tournament's mean payoffs (computed before rendering).
    struct MoranAnalysis {
        var populationSize: Int
        var selection: Rational
        var fixation: [[Rational]]
        var stationary: [Rational]
    }

    func render(_ r: TournamentResult, elapsed: Double, moran: MoranAnalysis?) -> String {
        let fixation = moran?.fixation
        let stationary = moran?.stationary
        let names = r.strategies.map(\.name)
        let integral = r.stage.table.allSatisfy(\.isInteger)
        let ranking = r.ranking
        switch output.format {
        case .json:
            var envelope = ResultEnvelope(command: "tournament", game: ResultEnvelope.strategicGame(r.stage.normalForm), method: "round-robin")
            envelope.parameters = parameters(r.stage, names: names)
            envelope.stopReason = r.stopReason.rawValue
            envelope.result = [
                ("strategies", .array(names.map { .string($0) })),
                ("matches", .array(r.matches.map { m in
                    let scores = m.outcomes.scores(r.stage)
                    let turns = Rational(max(1, m.outcomes.turns))
                    let perTurn = scores.map { $0 / turns }
                    let coop = m.outcomes.cooperationRates
                    return .object([
                        ("players", .array(m.players.map { .string(names[$0]) })),
                        ("playerIndices", .array(m.players.map { .number(String($0)) })),
                        ("scores", .array(scores.map { integral ? .number($0.description) : .string($0.description) })),
                        ("scoresPerTurn", .array(perTurn.map { .string($0.description) })),
                        ("scoresPerTurnDecimal", .array(perTurn.map(output.decimal))),
                        ("cooperation", .array(coop.map { .string($0.description) })),
                        ("cooperationDecimal", .array(coop.map(output.decimal))),
                        ("outcomes", .object(zip(r.stage.outcomeNames, m.outcomes.counts).map { ($0, .number(String($1))) })),
                        ("turns", .number(String(m.outcomes.turns))),
                        ("repetitions", .number(String(m.repetitions))),
                    ])
                })),
                ("ranking", .array(ranking.enumerated().map { place, s in
                    .object([
                        ("rank", .number(String(place + 1))),
                        ("strategy", .string(names[s.strategy])),
                        ("index", .number(String(s.strategy))),
                        ("meanScorePerTurn", .string(s.meanScorePerTurn.description)),
                        ("meanScorePerTurnDecimal", output.decimal(s.meanScorePerTurn)),
                        ("score", integerOrExact(s.score)),
                        ("turns", .number(String(s.turns))),
                    ])
                })),
            ]
            if let m = moran, let fixation, let stationary {
                envelope.result.append(("moran", .object([
                    ("populationSize", .number(String(m.populationSize))),
                    ("selection", .string(m.selection.description)),
                    ("fixation", .array(fixation.map { .array($0.map { .string($0.description) }) })),
                    ("fixationDecimal", .array(fixation.map { .array($0.map(output.decimal)) })),
                    ("stationary", .array(stationary.map { .string($0.description) })),
                    ("stationaryDecimal", .array(stationary.map(output.decimal))),
                ])))
            }
            let turns = r.matches.reduce(0) { $0 + $1.outcomes.turns }
            envelope.counters = [("matches", r.matches.reduce(0) { $0 + $1.repetitions }), ("turns", turns)]
            if let path = exportGame { envelope.notes.append("mean-payoff game written to \(path)") }
            if r.stopReason != .completed { envelope.notes.append("incomplete: stopped by --timeout") }
            envelope.elapsedSeconds = elapsed
            return envelope.json().rendered()
        case .csv:
            var out = "player_a,player_b,score_a,score_b,turns,repetitions,cooperation_a,cooperation_b\n"
            for m in r.matches {
                let s = m.outcomes.scores(r.stage), c = m.outcomes.cooperationRates
                out += "\(CSVFormat.field(names[m.players[0]])),\(CSVFormat.field(names[m.players[1]])),\(output.text(s[0])),\(output.text(s[1])),\(m.outcomes.turns),\(m.repetitions),\(output.text(c[0])),\(output.text(c[1]))\n"
            }
            return out
        case .table:
            var rows = [["rank", "strategy", "mean/turn", "score", "turns"]]
            for (place, s) in ranking.enumerated() {
                rows.append(["\(place + 1)", names[s.strategy], output.text(s.meanScorePerTurn), output.text(s.score), "\(s.turns)"])
            }
            var out = repeatedTable(rows)
            out += "\nMatches (scores summed over \(match.repetitions) repetition(s)):\n"
            let first = r.stage.actions[0]
            var mrows = [["player A", "player B", "score A", "score B", "turns", "\(first) rate A", "\(first) rate B"]]
            for m in r.matches {
                let s = m.outcomes.scores(r.stage), c = m.outcomes.cooperationRates
                mrows.append([names[m.players[0]], names[m.players[1]], output.text(s[0]), output.text(s[1]),
                              "\(m.outcomes.turns)", output.text(c[0]), output.text(c[1])])
            }
            out += repeatedTable(mrows)
            if let m = moran, let stationary {
                out += "\nMoran process, N = \(m.populationSize), w = \(m.selection): time spent by each strategy (rare mutations)\n"
                out += repeatedTable([["strategy", "share"]] + names.indices.map { [names[$0], output.text(stationary[$0])] })
            }
            if r.stopReason != .completed { out += "(incomplete: stopped by --timeout)\n" }
            return out
        }
    }
}

/// Left-aligned columns separated by two spaces.
func repeatedTable(_ rows: [[String]]) -> String {
    guard let first = rows.first else { return "" }
    let widths = first.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
    return rows.map { row in
        row.enumerated().map { c, cell in c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
            .joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
}
