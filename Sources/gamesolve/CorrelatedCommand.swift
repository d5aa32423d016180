import ArgumentParser
import GameSolve

/// `gamesolve correlated GAME [--objective welfare|player N]`: an optimal correlated equilibrium.
struct CorrelatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correlated",
        abstract: "A correlated equilibrium maximising total payoff or one player's payoff, exactly.",
        discussion: """
        Solves the linear program of the incentive constraints (Aumann 1974; Papadimitriou & \
        Roughgarden 2008) for any number of players; the answer is a distribution over pure \
        profiles, certified exactly and checked against every incentive constraint.

        Examples:
          gamesolve correlated Examples/chicken.json
          gamesolve correlated Examples/chicken.json --objective player 1 --format json
        """
    )

    enum Objective: String, ExpressibleByArgument, CaseIterable { case welfare, player }

    @OptionGroup var input: GameInputOptions

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("What to maximise: welfare, or player N (1-based).", valueName: "welfare|player N"))
    var objective: [String] = ["welfare"]

    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>

    @OptionGroup var limit: LPTimeoutOptions

    /// The parsed objective (0-based player).
    func parsedObjective() throws -> CorrelatedObjective {
        switch objective.first.flatMap(Objective.init(rawValue:)) {
        case .welfare? where objective.count == 1: return .welfare
        case .player? where objective.count == 2:
            guard let n = Int(objective[1]), n >= 1 else { throw ValidationError("--objective player needs a player number ≥ 1, got '\(objective[1])'") }
            return .player(n - 1)
        default: throw ValidationError("--objective takes 'welfare' or 'player N', got '\(objective.joined(separator: " "))'")
        }
    }

    func validate() throws { _ = try parsedObjective() }

    func run() throws {
        let game = try input.load()
        let objective = try parsedObjective()
        if case .player(let i) = objective, i >= game.playerCount {
            throw ValidationError("--objective player \(i + 1) is out of range: this game has \(game.playerCount) players (1 to \(game.playerCount))")
        }
        let clock = Stopwatch()
        let ce = try limit.solve { try game.correlatedEquilibrium(maximizing: objective, timeLimit: $0) }
        let support = ce.support(in: game)
        func names(_ profile: [Int]) -> [String] { profile.enumerated().map { game.players[$0.offset].strategies[$0.element] } }
        let elapsed = clock.seconds
        switch output.format {
        case .json:
            var envelope = ResultEnvelope(command: "correlated", game: ResultEnvelope.strategicGame(game), method: "correlated-lp")
            var objectiveJSON: JSONValue = .string("welfare")
            if case .player(let i) = objective { objectiveJSON = .object([("player", .number(String(i)))]) }
            envelope.parameters = [("objective", objectiveJSON)] + (limit.timeout.map { [("timeout", JSONValue.number(ResultEnvelope.seconds($0)))] } ?? [])
            let payoffs = output.exactVector(ce.payoffs)
            envelope.result = [
                ("objectiveValue", .string(ce.objectiveValue.description)), ("objectiveValueDecimal", output.decimal(ce.objectiveValue)),
                ("payoffs", payoffs.exact), ("payoffsDecimal", payoffs.decimal),
                ("distribution", .array(support.map { entry in
                    .object([("profile", .array(names(entry.profile).map { .string($0) })),
                             ("profileIndices", .array(entry.profile.map { .number(String($0)) })),
                             ("probability", .string(entry.probability.description)),
                             ("probabilityDecimal", output.decimal(entry.probability))])
                })),
                ("status", .string(ce.status.rawValue)),
            ]
            envelope.counters = [("simplexIterations", ce.iterations), ("refinementRounds", ce.refinementRounds)]
            envelope.elapsedSeconds = elapsed
            print(envelope.json().rendered(), terminator: "")
        case .csv:
            // One row per profile of the distribution's support: each player's strategy, the probability.
            var out = game.players.map { CSVFormat.field($0.name) }.joined(separator: ",") + ",probability\n"
            for entry in support {
                out += names(entry.profile).map(CSVFormat.field).joined(separator: ",") + ",\(output.text(entry.probability))\n"
            }
            print(out, terminator: "")
        case .table:
            var out = "Correlated equilibrium maximising \(ce.objective): \(output.text(ce.objectiveValue))\n"
            out += "Payoffs: " + zip(game.players, ce.payoffs).map { "\($0.name)=\(output.text($1))" }.joined(separator: ", ") + "\n"
            out += "Distribution over pure profiles:\n"
            for entry in support { out += "  (" + names(entry.profile).joined(separator: ", ") + "): \(output.text(entry.probability))\n" }
            out += "LP: \(ce.status.rawValue), \(ce.iterations) simplex iterations\n"
            print(out, terminator: "")
        }
    }
}
