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

    enum Start: String, ExpressibleByArgument, CaseIterable {
        /// Floating simplex, then certify its basis (glp_exact only if that fails).
        case floating
        /// GLPK's exact rational simplex from the start.
        case exact
    }

    @OptionGroup var input: GameInputOptions

    @Option(help: "LP start: floating (GLPK's float simplex, basis certified exactly) or exact (glp_exact throughout).")
    var lp: Start = .floating

    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>

    @OptionGroup var limit: LPTimeoutOptions

    func run() throws {
        let game = try input.load()
        let clock = Stopwatch()
        let solution: MinimaxSolution
        do {
            solution = try game.minimax(start: lp == .exact ? .exactSimplex : .floatingBasis,
                                        timeLimit: limit.timeLimit)
        } catch let e as MinimaxError {
            // The library points to its own functions; the command line to its commands.
            switch e {
            case .notConstantSum:
                throw CommandFailure("the game is not constant-sum (the players' payoffs do not add up to the same number at every profile), so it has no minimax value; use `gamesolve nash` for its Nash equilibria")
            case .notTwoPlayer(let p):
                throw CommandFailure("minimax needs a two-player game; this one has \(p) players (use `gamesolve nash` or `gamesolve correlated`)")
            case .verificationFailed: throw CommandFailure(e.description)
            }
        } catch LPError.timeLimitReached {
            throw limit.stopped
        } catch let e as LPError {
            throw CommandFailure(e.description)
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
            envelope.counters = [("simplexIterations", solution.iterations)]
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
}
