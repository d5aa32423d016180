import ArgumentParser
import GameSolve

/// `gamesolve repeated GAME --discount δ`: what repetition can sustain.
struct RepeatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repeated",
        abstract: "Subgame-perfect equilibrium payoffs of the infinitely repeated two-player game (Abreu–Sannikov), and the folk-theorem region.",
        discussion: """
        Computes the set V of pure-strategy subgame-perfect equilibrium payoffs of the repeated \
        game with perfect monitoring, public randomisation and discount factor δ (Abreu & \
        Sannikov 2014): a floating-point iteration of the Abreu–Pearce–Stacchetti operator from \
        the feasible set proposes the vertices, which are then read as fractions and certified \
        exactly (B(V) = V in rational arithmetic; "certified": false says the check failed). \
        V may be empty, a point, a segment or a polygon.

        Also prints the folk-theorem region: the feasible set, each player's pure and mixed minmax \
        value (mixed by linear programming, exact) and the individually rational feasible payoffs.

        Example:
          gamesolve repeated Examples/prisoners-dilemma.nfg --discount 9/10 --format json
        """
    )

    @OptionGroup var input: GameInputOptions

    @Option(help: ArgumentHelp("Discount factor δ in (0, 1), e.g. 9/10 or 0.9.", valueName: "δ"))
    var discount: String

    @Option(name: .customLong("max-iterations"), help: ArgumentHelp("Stop the iteration after this many steps (exit status 75 if it did not converge).", valueName: "n"))
    var maxIterations: Int = 100_000

    @Option(name: .customLong("max-profiles"), help: ArgumentHelp("Refuse stage games with more action profiles than this.", valueName: "n"))
    var maxProfiles: Int = AbreuSannikov.defaultMaxProfiles

    @Option(help: ArgumentHelp("Stop after this many seconds (exit status 75; the last iterate is printed, marked incomplete).", valueName: "seconds"))
    var timeout: Double?

    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>

    func validate() throws {
        guard let d = Rational(discount), d > .zero, d < .one else {
            throw ValidationError("--discount needs a number in (0, 1), got '\(discount)'")
        }
        if maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1, got \(maxIterations)") }
        if maxProfiles < 1 { throw ValidationError("--max-profiles must be at least 1, got \(maxProfiles)") }
        if let t = timeout, !(t > 0) { throw ValidationError("--timeout must be a positive number of seconds, got \(t)") }
    }

    func run() throws {
        let game = try input.load()
        guard let bimatrix = game.bimatrix else {
            throw CommandFailure("repeated needs a two-player game; this one has \(game.playerCount) players")
        }
        let delta = Rational(discount)!
        let clock = Stopwatch()
        let solver: AbreuSannikov
        do { solver = try AbreuSannikov(game: bimatrix, discount: delta, maxProfiles: maxProfiles) } catch {
            // A size above a stated limit is exit 64, as everywhere (the message names the override).
            if case .tooLarge(let why) = error {
                throw LimitExceeded(why.replacingOccurrences(of: "pass a larger maxProfiles", with: "raise it with --max-profiles"))
            }
            throw CommandFailure(error.description)
        }
        let limits = SolverLimits(timeout: timeout.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) })
        let result = solver.solve(maxIterations: maxIterations, limits: limits)
        let region: FolkTheoremRegion
        do { region = try FolkTheoremRegion(bimatrix) } catch { throw CommandFailure("minmax LP: \(error)") }
        let elapsed = clock.seconds
        let shape = ["empty", "point", "segment"].indices.contains(result.vertices.count) ? ["empty", "point", "segment"][result.vertices.count] : "polygon"
        var notes: [String] = []
        if !result.certified && result.stopReason == .completed {
            notes.append("not certified: the rounded vertices do not satisfy B(V) = V exactly; they approximate V to about 1e-9")
        }
        if result.stopReason != .completed { notes.append("incomplete: the iteration stopped before converging (--max-iterations or --timeout); the vertices are those of the last iterate") }
        switch output.format {
        case .json:
            func exact(_ ps: [PlanePoint<Rational>]) -> JSONValue { .array(ps.map { .array([.string($0.x.description), .string($0.y.description)]) }) }
            func decimal(_ ps: [PlanePoint<Rational>]) -> JSONValue { .array(ps.map { .array([output.decimal($0.x), output.decimal($0.y)]) }) }
            var envelope = ResultEnvelope(command: "repeated", game: ResultEnvelope.strategicGame(game), method: "abreu-sannikov")
            envelope.parameters = [("discount", .string(delta.description)), ("maxIterations", .number(String(maxIterations)))]
            envelope.stopReason = result.stopReason.rawValue
            /// A set of payoff points, exact, with its decimal companion (always: this command's JSON carries both).
            func points(_ key: String, _ ps: [PlanePoint<Rational>]) -> [(String, JSONValue)] { [(key, exact(ps)), (key + "Decimal", decimal(ps))] }
            envelope.result = points("vertices", result.vertices) + [
                ("shape", .string(shape)),
                ("certified", .bool(result.certified)),
            ]
            envelope.result += points("feasible", region.feasible)
            envelope.result += output.exact("pureMinmax", region.pureMinmax, always: true) + output.exact("mixedMinmax", region.mixedMinmax, always: true)
            envelope.result += output.exact("minmaxStrategies", region.minmaxStrategies, always: true)
            envelope.result += points("individuallyRational", region.individuallyRational)
                + points("pureIndividuallyRational", region.pureIndividuallyRational)
            envelope.counters = [("iterations", result.iterations), ("vertices", result.vertices.count)]
            envelope.notes = notes
            envelope.elapsedSeconds = elapsed
            print(envelope.json().rendered(), terminator: "")
        case .csv:
            var out = "set,vertex,payoff_1,payoff_2\n"
            for (name, set) in [("spe", result.vertices), ("feasible", region.feasible), ("individually-rational", region.individuallyRational)] {
                for (k, p) in set.enumerated() { out += "\(name),\(k),\(output.text(p.x)),\(output.text(p.y))\n" }
            }
            print(out, terminator: "")
        case .table:
            func list(_ ps: [PlanePoint<Rational>]) -> String { ps.isEmpty ? "(empty)" : ps.map { "(\(output.text($0.x)), \(output.text($0.y)))" }.joined(separator: ", ") }
            var out = "Subgame-perfect payoffs (pure strategies, public randomisation), δ = \(delta): \(shape)\n"
            out += "  vertices: \(list(result.vertices))\n"
            out += "  certified exactly (B(V) = V): \(result.certified ? "yes" : "no"), \(result.iterations) iterations\n"
            out += "Feasible payoffs: \(list(region.feasible))\n"
            out += "Minmax values: pure \(region.pureMinmax.map(output.text).joined(separator: ", ")); mixed \(region.mixedMinmax.map(output.text).joined(separator: ", "))\n"
            out += "Individually rational (mixed minmax): \(list(region.individuallyRational))\n"
            out += "Individually rational (pure minmax): \(list(region.pureIndividuallyRational))\n"
            for n in notes { out += "Note: \(n)\n" }
            print(out, terminator: "")
        }
        if result.stopReason != .completed {
            Diagnostics.error("stopped before the iteration converged; the printed set is the last iterate (incomplete)")
            terminate(ExitStatus.stoppedByTimeout)
        }
    }
}
