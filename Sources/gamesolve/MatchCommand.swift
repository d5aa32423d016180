import ArgumentParser
import GameSolve

/// `gamesolve match A B`: one pairing, simulated, and its exact long-run payoffs.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Play two repeated-game strategies against each other, and compute their exact long-run payoffs.",
        discussion: """
        Simulates --repetitions matches (seeded, streaming) and, when both strategies are \
        finite-state machines (all but go-by-majority), computes exactly from their joint Markov \
        chain the expected payoff per round of the infinitely repeated game: the long-run mean, \
        and with --discount δ the normalised discounted payoff (1 − δ)·Σ δᵗ uₜ. --noise applies \
        to both.

        Example:
          gamesolve match zd-extort:3 tit-for-tat --discount 9/10 --moves --turns 8
        """
    )

    @Argument(help: ArgumentHelp("The first strategy.", valueName: "a")) var first: String
    @Argument(help: ArgumentHelp("The second strategy.", valueName: "b")) var second: String

    @OptionGroup var stageGame: StageGameOptions
    @OptionGroup var match: MatchSettingsOptions

    @Option(help: ArgumentHelp("Discount factor δ in [0, 1) for the exact payoffs (default: undiscounted long-run mean only).", valueName: "δ"))
    var discount: String?

    @Flag(help: "Print the moves of the first match (at most 10,000 turns).")
    var moves = false

    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>

    func validate() throws {
        if let d = discount {
            guard let v = Rational(d), v >= .zero, v < .one else { throw ValidationError("--discount needs a number in [0, 1), got '\(d)'") }
        }
        if moves && match.continuation == nil && match.turns > 10_000 { throw ValidationError("--moves prints at most 10,000 turns; lower --turns \(match.turns)") }
        _ = try parseStrategies([first, second], stage: stageGame.stageForValidation, usage: true)
    }

    func run() throws {
        let stage = try stageGame.load()
        let settings = try match.settings()
        let pair = try parseStrategies([first, second], stage: stage, usage: false)
        let (a, b) = (pair[0], pair[1])
        let clock = Stopwatch()
        var outcomes = MatchOutcomes(actions: stage.actionCount)
        for k in 0..<settings.repetitions { outcomes += Match.play(a, b, settings: settings, seed: settings.matchSeed(k)) }
        // The moves of match 0: the same draws as its simulation above.
        let history = moves ? Match.actions(a, b, settings: settings, seed: settings.matchSeed(0)).map { stage.actionLabel($0.0, $0.1) } : []
        var notes: [String] = []
        let longRun = exactPayoffs(a, b, stage: stage, noise: settings.noise, discount: nil, notes: &notes)
        let discounted = discount.flatMap(Rational.init).flatMap { exactPayoffs(a, b, stage: stage, noise: settings.noise, discount: $0, notes: &notes) }
        let elapsed = clock.seconds
        let scores = outcomes.scores(stage)
        let coop = outcomes.cooperationRates
        let integral = stage.table.allSatisfy(\.isInteger)
        switch output.format {
        case .json:
            var envelope = ResultEnvelope(command: "match", game: ResultEnvelope.strategicGame(stage.normalForm), method: "simulation+markov-chain")
            envelope.parameters = [("payoffs", .array(stage.table.map { .string($0.description) })),
                                   ("strategies", .array([a.name, b.name].map { .string($0) }))] + match.parameters
                + (discount.flatMap(Rational.init).map { [("discount", JSONValue.string($0.description))] } ?? [])
            func exact(_ r: LongRunPayoff.Result?) -> JSONValue {
                guard let r else { return .null }
                return .object([
                    ("payoffs", .array(r.payoffs.map { .string($0.description) })),
                    ("payoffsDecimal", .array(r.payoffs.map(output.decimal))),
                    ("cooperation", .array(r.cooperation.map { .string($0.description) })),
                    ("cooperationDecimal", .array(r.cooperation.map(output.decimal))),
                    ("states", .number(String(r.states))),
                    ("recurrentClasses", .number(String(r.recurrentClasses))),
                ])
            }
            envelope.result = [
                ("players", .array([a.name, b.name].map { .string($0) })),
                ("scores", .array(scores.map { integral ? .number($0.description) : .string($0.description) })),
                ("turns", .number(String(outcomes.turns))),
                ("cooperation", .array(coop.map { .string($0.description) })),
                ("cooperationDecimal", .array(coop.map(output.decimal))),
                ("outcomes", .object(zip(stage.outcomeNames, outcomes.counts).map { ($0, .number(String($1))) })),
                ("longRun", exact(longRun)),
                ("discounted", exact(discounted)),
            ] + (moves ? [("moves", .array(history.map { .string($0) }))] : [])
            envelope.counters = [("matches", settings.repetitions), ("turns", outcomes.turns)]
            envelope.notes = notes
            envelope.elapsedSeconds = elapsed
            print(envelope.json().rendered(), terminator: "")
        case .csv:
            var out = "player_a,player_b,score_a,score_b,turns,cooperation_a,cooperation_b,long_run_a,long_run_b\n"
            out += "\(CSVFormat.field(a.name)),\(CSVFormat.field(b.name)),\(output.text(scores[0])),\(output.text(scores[1])),\(outcomes.turns),\(output.text(coop[0])),\(output.text(coop[1])),"
            out += (longRun.map { "\(output.text($0.payoffs[0])),\(output.text($0.payoffs[1]))" } ?? ",") + "\n"
            print(out, terminator: "")
        case .table:
            var out = ""
            if moves { out += "Moves: " + history.joined(separator: " ") + "\n" }
            var rows = [["", a.name, b.name]]
            rows.append(["score (\(outcomes.turns) turns)", output.text(scores[0]), output.text(scores[1])])
            rows.append([stage.actionCount == 2 ? "cooperation rate" : "\(stage.actions[0]) rate", output.text(coop[0]), output.text(coop[1])])
            if let l = longRun { rows.append(["long-run payoff/round (exact)", output.text(l.payoffs[0]), output.text(l.payoffs[1])]) }
            if let d = discounted, let delta = discount.flatMap(Rational.init) {
                rows.append(["discounted payoff, δ = \(delta)", output.text(d.payoffs[0]), output.text(d.payoffs[1])])
            }
            out += repeatedTable(rows)
            for n in notes { out += "Note: \(n)\n" }
            print(out, terminator: "")
        }
    }
}

/// The exact payoffs, or nil with a note saying why there are none.
private func exactPayoffs(_ a: Strategy, _ b: Strategy, stage: SymmetricStageGame, noise: Rational, discount: Rational?,
                          notes: inout [String]) -> LongRunPayoff.Result? {
    let result = Result { () throws(RepeatedGameError) in try LongRunPayoff.compute(a, b, stage: stage, noise: noise, discount: discount) }
    switch result {
    case .success(let r): return r
    case .failure(let e):
        if !notes.contains("no exact payoffs: \(e.description)") { notes.append("no exact payoffs: \(e.description)") }
        return nil
    }
}
