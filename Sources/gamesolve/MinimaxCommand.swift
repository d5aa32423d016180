import ArgumentParser
import GameSolve

/// `gamesolve minimax GAME`: value and optimal strategies of a two-player constant-sum game.
struct MinimaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minimax",
        abstract: "Value and optimal strategies of a two-player zero-sum (or constant-sum) game, exactly.",
        discussion: """
        Solves one linear program with GLPK and certifies the answer in exact rationals (the \
        optimal basis is recomputed and checked: primal and dual feasibility, equal objectives), \
        then checks both strategies against the definition of the value. Games that are not \
        constant-sum have no value: use `gamesolve nash` for them.

        Example:
          gamesolve minimax Examples/matching-pennies.nfg --format json
        """
    )

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        /// Floating simplex, then its basis certified in rationals (repaired exactly if need be).
        case certified
        /// Floating simplex only: doubles, with their exact duality gap.
        case floating
    }

    @OptionGroup var input: GameInputOptions

    @Option(help: ArgumentHelp("certified: GLPK's floating simplex, then the basis recomputed and certified in exact rationals (GLPK's exact simplex from that basis if the check fails). floating: the floating simplex only, for speed studies; the answer is printed as doubles with the exact duality gap of those doubles.", valueName: "mode"))
    var lp: Mode = .certified

    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>

    @OptionGroup var limit: LPTimeoutOptions

    /// The library's minimax errors point to its own functions; the command line to its commands.
    static func failure(_ e: MinimaxError) -> CommandFailure {
        switch e {
        case .notConstantSum:
            return CommandFailure("the game is not constant-sum (the players' payoffs do not add up to the same number at every profile), so it has no minimax value; use `gamesolve nash` for its Nash equilibria")
        case .notTwoPlayer(let p):
            return CommandFailure("minimax needs a two-player game; this one has \(p) players (use `gamesolve nash` or `gamesolve correlated`)")
        case .verificationFailed: return CommandFailure(e.description)
        }
    }

    func run() throws {
        let game = try input.load()
        if lp == .floating { return try runFloating(game) }
        let clock = Stopwatch()
        let solution = try limit.solve { limit in
            do { return try game.minimax(timeLimit: limit) } catch let e as MinimaxError { throw Self.failure(e) }
        }
        let elapsed = clock.seconds
        let columnValue = solution.constantSum - solution.value
        switch output.format {
        case .json:
            var envelope = ResultEnvelope(command: "minimax", game: ResultEnvelope.strategicGame(game), method: "minimax-lp")
            envelope.parameters = [("lp", .string(lp.rawValue))] + (limit.timeout.map { [("timeout", JSONValue.number(ResultEnvelope.seconds($0)))] } ?? [])
            envelope.result = [
                ("value", .string(solution.value.description)), ("valueDecimal", output.decimal(solution.value)),
                ("columnValue", .string(columnValue.description)), ("columnValueDecimal", output.decimal(columnValue)),
                ("constantSum", .string(solution.constantSum.description)),
                ("strategies", .array(solution.strategies.map { output.exactVector($0.probabilities).exact })),
                ("strategiesDecimal", .array(solution.strategies.map { output.exactVector($0.probabilities).decimal })),
                ("status", .string(solution.status.rawValue)),
            ]
            envelope.counters = [("simplexIterations", solution.iterations), ("refinementRounds", solution.refinementRounds)]
            envelope.elapsedSeconds = elapsed
            print(envelope.json().rendered(), terminator: "")
        case .csv:
            // One row per (player, strategy): the strategy's probability and the player's value.
            var out = "player,strategy,probability,value\n"
            for (k, (p, s)) in zip(game.players, solution.strategies).enumerated() {
                let v = k == 0 ? solution.value : columnValue
                for (name, q) in zip(p.strategies, s.probabilities) {
                    out += "\(CSVFormat.field(p.name)),\(CSVFormat.field(name)),\(output.text(q)),\(output.text(v))\n"
                }
            }
            print(out, terminator: "")
        case .table:
            var out = "Value (\(game.players[0].name)): \(output.text(solution.value))\n"
            if !solution.constantSum.isZero {
                out += "Value (\(game.players[1].name)): \(output.text(columnValue)) (constant-sum \(output.text(solution.constantSum)))\n"
            }
            for (p, s) in zip(game.players, solution.strategies) {
                out += "\(p.name): " + zip(p.strategies, s.probabilities).filter { !$0.1.isZero }
                    .map { "\($0.0)=\(output.text($0.1))" }.joined(separator: ", ") + "\n"
            }
            out += "LP: \(solution.status.rawValue), \(solution.iterations) simplex iterations\n"
            print(out, terminator: "")
        }
    }

    /// `--lp floating`: GLPK's doubles and their exact duality gap.
    private func runFloating(_ game: NormalFormGame) throws {
        let clock = Stopwatch()
        let solution = try limit.solve { limit -> FloatingMinimaxSolution in
            do {
                guard let b = game.bimatrix else { throw MinimaxError.notTwoPlayer(players: game.playerCount) }
                return try b.floatingMinimax(timeLimit: limit)
            } catch let e as MinimaxError { throw Self.failure(e) }
        }
        guard solution.status == .optimal, let gap = solution.gap else {
            throw CommandFailure("GLPK's floating simplex ended \(solution.status.rawValue) on the minimax LP")
        }
        let elapsed = clock.seconds
        func show(_ v: Double) -> String { output.decimals.map { Rational(exactly: v)?.decimal($0) ?? "\(v)" } ?? "\(v)" }
        switch output.format {
        case .json:
            var envelope = ResultEnvelope(command: "minimax", game: ResultEnvelope.strategicGame(game), method: "minimax-lp-floating")
            envelope.parameters = [("lp", .string(lp.rawValue))] + (limit.timeout.map { [("timeout", JSONValue.number(ResultEnvelope.seconds($0)))] } ?? [])
            envelope.result = [
                ("value", .number("\(solution.value)")),
                ("strategies", .array(solution.strategies.map { .array($0.map { .number("\($0)") }) })),
                ("gap", .string(gap.description)), ("gapDecimal", .number(gap.scientific(3))),
                ("status", .string(solution.status.rawValue)),
            ]
            envelope.counters = [("simplexIterations", solution.iterations)]
            envelope.notes = ["floating point, not certified: gap is the exact duality gap of the printed numbers"]
            envelope.elapsedSeconds = elapsed
            print(envelope.json().rendered(), terminator: "")
        case .csv:
            var out = "player,strategy,probability,value,gap\n"
            for (k, (p, s)) in zip(game.players, solution.strategies).enumerated() {
                let v = k == 0 ? solution.value : -solution.value
                for (name, q) in zip(p.strategies, s) {
                    out += "\(CSVFormat.field(p.name)),\(CSVFormat.field(name)),\(show(q)),\(show(v)),\(gap.scientific(3))\n"
                }
            }
            print(out, terminator: "")
        case .table:
            var out = "Value (\(game.players[0].name)): \(show(solution.value)) (floating point, not certified)\n"
            for (p, s) in zip(game.players, solution.strategies) {
                out += "\(p.name): " + zip(p.strategies, s).filter { $0.1 != 0 }.map { "\($0.0)=\(show($0.1))" }.joined(separator: ", ") + "\n"
            }
            out += "Exact duality gap of these numbers: \(gap.scientific(3))\n"
            out += "LP: \(solution.status.rawValue), \(solution.iterations) simplex iterations\n"
            print(out, terminator: "")
        }
    }
}
