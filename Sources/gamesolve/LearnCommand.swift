import ArgumentParser
import GameSolve

extension Dynamics: ExpressibleByArgument {}

/// `gamesolve learn GAME --dynamics D`: run a learning rule and report the last iterate, the
/// time-average and their exact exploitability.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Run learning dynamics (fictitious play, regret matching, Hedge, replicator, ...) and report exact exploitability.",
        discussion: """
        Iterates in floating point, then rounds the last iterate and the time-average to \
        multiples of 10^-digits (largest remainder, so each sums to exactly 1) and computes their \
        exploitability exactly from those printed strategies: NashConv, the sum over players of \
        best-response payoff minus current payoff. Ties between best responses go to the lowest \
        strategy index; all randomness (--initial random, stochastic fictitious play) comes from \
        --seed. --trace-every K records the trajectory (JSON key "trajectory", or one CSV row per \
        point with --format csv, for plotting).

        Dynamics: fictitious-play (Robinson 1951), alternating-fictitious-play (Brown 1951), \
        stochastic-fictitious-play (Fudenberg & Kreps 1993), regret-matching (Hart & Mas-Colell \
        2000), regret-matching-plus (Tammelin 2014; linear averaging), hedge (Freund & Schapire \
        1999), optimistic-hedge (Syrgkanis et al. 2015), best-response (Gilboa & Matsui 1991), \
        logit (Fudenberg & Levine 1998), replicator (discrete), continuous-replicator (RK4), \
        projected-replicator (Lanctot et al. 2017).

        Examples:
          gamesolve learn Examples/rock-paper-scissors.nfg --dynamics fictitious-play --iterations 1000
          gamesolve learn game.nfg --dynamics regret-matching-plus --iterations 10000 --format json
          gamesolve learn hawk-dove.csv --dynamics continuous-replicator --single-population --initial 0.9,0.1
        """
    )

    enum Format: String, ResultFormat {
        case table, json, csv
        static let formatHelp = "Output format: table, json, or csv (the trajectory, one row per point)."
        static let decimalsHelp = "Also show exact values as decimals with this many digits (table/CSV), and write the ...Decimal keys of JSON with this many digits (default 12)."
    }

    @OptionGroup var input: GameInputOptions

    @Option(help: "The learning rule.")
    var dynamics: Dynamics

    @Option(help: "Number of iterations.")
    var iterations: Int = 1000

    @Option(name: .customLong("step-size"), help: ArgumentHelp("Step size h, or learning rate η for Hedge; for hedge, optimistic-hedge, best-response, logit and the replicators (default depends on the dynamics and the payoff range; see docs/learning.md).", valueName: "h"))
    var stepSize: Double?

    @Option(help: ArgumentHelp("Logit temperature for stochastic-fictitious-play and logit (default: payoff range / 20).", valueName: "tau"))
    var temperature: Double?

    @Option(name: .customLong("exploration"), help: ArgumentHelp("Exploration γ of projected-replicator: every probability stays ≥ γ/(n+1) (default 1e-6).", valueName: "gamma"))
    var explorationOption: Double?
    var exploration: Double { explorationOption ?? 1e-6 }

    @Option(help: ArgumentHelp("Initial strategies: uniform, random (seeded), or probabilities per player separated by ';' and within a player by ',' (e.g. '1,0,0;0,1,0').", valueName: "spec"))
    var initial: String = "uniform"

    @Option(name: .customLong("seed"), help: "Seed of --initial random and of stochastic-fictitious-play (default 0).")
    var seedOption: UInt64?
    var seed: UInt64 { seedOption ?? 0 }

    @Option(name: .customLong("trace-every"), help: ArgumentHelp("With --format json or csv: record a trajectory point every K iterations.", valueName: "K"))
    var traceEvery: Int?

    @Flag(name: .customLong("single-population"), help: "One population for a symmetric two-player game (B = Aᵀ) instead of one per player.")
    var singlePopulation = false

    @Option(help: ArgumentHelp("Printed probabilities are multiples of 10^-digits (1–15).", valueName: "digits"))
    var digits: Int = 9

    /// `--format`, and `--decimals N`: exact values also as decimals with N digits in the table and
    /// CSV; the JSON ...Decimal keys with N digits (default 12).
    @OptionGroup var output: ResultOutputOptions<Format>

    @Option(help: ArgumentHelp("Stop after this many seconds and report the state reached (exit status 75).", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let h = stepSize, !dynamics.usesStepSize { throw ValidationError("--step-size \(h) does not apply to --dynamics \(dynamics.rawValue) (it has no step size)") }
        if let t = temperature, !dynamics.usesTemperature {
            throw ValidationError("--temperature \(t) applies only to --dynamics stochastic-fictitious-play and logit, not to \(dynamics.rawValue)")
        }
        if let g = explorationOption, dynamics != .projectedReplicator {
            throw ValidationError("--exploration \(g) applies only to --dynamics projected-replicator, not to \(dynamics.rawValue)")
        }
        if let s = seedOption, initial != "random", dynamics != .stochasticFictitiousPlay {
            throw ValidationError("--seed \(s) applies only with --initial random or --dynamics stochastic-fictitious-play (nothing else here is random)")
        }
        if let k = traceEvery, output.format == .table {
            throw ValidationError("--trace-every \(k) applies only to --format json or csv (the table shows no trajectory)")
        }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1, got \(iterations)") }
        if let k = traceEvery, k < 1 { throw ValidationError("--trace-every must be at least 1, got \(k)") }
        if let h = stepSize, !(h > 0 && h.isFinite) { throw ValidationError("--step-size must be a positive number, got \(h)") }
        if let t = temperature, !(t > 0 && t.isFinite) { throw ValidationError("--temperature must be a positive number, got \(t)") }
        guard exploration >= 0 && exploration < 1 else { throw ValidationError("--exploration must be in [0, 1), got \(exploration)") }
        guard (1...15).contains(digits) else { throw ValidationError("--digits must be between 1 and 15, got \(digits)") }
        if let t = timeout, !(t > 0) { throw ValidationError("--timeout must be a positive number of seconds, got \(t)") }
        _ = try parsedInitial()
    }

    func parsedInitial() throws -> InitialStrategies {
        switch initial {
        case "uniform": return .uniform
        case "random": return .random
        default:
            let players = initial.split(separator: ";", omittingEmptySubsequences: false)
            return .given(try players.map { part in
                try part.split(separator: ",", omittingEmptySubsequences: false).map { text in
                    guard let q = Rational.parse(text.drop { $0 == " " }) else {
                        throw ValidationError("--initial: '\(text)' is not a number (expected uniform, random, or e.g. '1/2,1/2;1,0')")
                    }
                    return q
                }
            })
        }
    }

    func run() throws {
        let game = try input.load()
        let config = LearningConfiguration(dynamics: dynamics, iterations: iterations, stepSize: stepSize,
                                           temperature: temperature, exploration: exploration,
                                           initial: try parsedInitial(), seed: seed, traceEvery: traceEvery,
                                           singlePopulation: singlePopulation, digits: digits)
        let watch = Stopwatch()
        let result: LearningResult
        do {
            Interrupts.install()
            result = try game.learn(config, limits: SolverLimits(timeout: timeout.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) },
                                                                 cancellation: Interrupts.cancellation))
        } catch {
            throw CommandFailure(error.description)
        }
        let renderer = LearnRenderer(game: game, result: result, output: output, elapsed: watch.seconds)
        switch output.format {
        case .table: print(renderer.table(), terminator: "")
        case .json: print(renderer.envelope().json().rendered(), terminator: "")
        case .csv: print(renderer.csv(), terminator: "")
        }
        if result.stopReason == .timeout || result.stopReason == .interrupted {
            Interrupts.endIncomplete(interrupted: result.stopReason == .interrupted,
                                     " after \(result.iterations) iterations (the result is that iterate)")
        }
    }
}

/// Renders a ``LearningResult`` as a table, a JSON envelope, or a CSV trajectory.
struct LearnRenderer {
    let game: NormalFormGame
    let result: LearningResult
    let output: ResultOutputOptions<LearnCommand.Format>
    var decimals: Int? { output.decimals }
    let elapsed: Double

    /// Exact, with its decimal in parentheses under --decimals.
    func show(_ q: Rational) -> String { decimals.map { "\(q) (\(q.decimal($0)))" } ?? q.description }

    /// A grid probability as a decimal: exact, since it is a multiple of 10^-digits.
    func probability(_ q: Rational) -> String { decimals.map { q.decimal($0) } ?? q.decimal(result.configuration.digits).trimmedDecimal }

    var relative: Rational? { result.payoffRange.isZero ? nil : result.averageExploitability / result.payoffRange }

    func table() -> String {
        let c = result.configuration
        var out = "Dynamics: \(c.dynamics.rawValue), \(result.iterations) iterations"
        out += c.singlePopulation ? ", one population" : ""
        var details = ["seed \(c.seed)"]
        if c.dynamics.usesStepSize { details.insert("step size \(ResultEnvelope.decimalNumber(result.stepSize, digits: 9))", at: 0) }
        if c.dynamics.usesTemperature { details.insert("temperature \(ResultEnvelope.decimalNumber(result.temperature, digits: 9))", at: 0) }
        out += " (" + details.joined(separator: ", ") + ")\n"
        for (title, profile, value) in [("Time-average", result.average, result.averageExploitability),
                                        ("Last iterate", result.last, result.lastExploitability)] {
            out += "\(title):\n"
            for (p, s) in zip(game.players, profile) {
                out += "  \(p.name): " + zip(p.strategies, s.probabilities).map { "\($0.0)=\(probability($0.1))" }.joined(separator: ", ") + "\n"
            }
            out += "  Exploitability (NashConv): \(show(value))"
            if !result.payoffRange.isZero { out += ", \((value / result.payoffRange).decimal(6)) of the payoff range" }
            out += "\n"
        }
        if result.stopReason == .timeout { out += "Stopped by --timeout (incomplete run)\n" }
        if result.stopReason == .interrupted { out += "Interrupted by a signal (incomplete run)\n" }
        return out
    }

    func envelope() -> ResultEnvelope {
        let c = result.configuration
        let digits = decimals ?? 12
        func strategies(_ profile: MixedProfile) -> JSONValue {
            .array(profile.map { s in .array(s.probabilities.map { .string($0.description) }) })
        }
        func numbers(_ profile: MixedProfile) -> JSONValue {
            .array(profile.map { s in .array(s.probabilities.map { .number($0.decimal(c.digits).trimmedDecimal) }) })
        }
        var params: [(String, JSONValue)] = [
            ("dynamics", .string(c.dynamics.rawValue)),
            ("iterations", .number("\(c.iterations)")),
            ("seed", .number("\(c.seed)")),
            ("singlePopulation", .bool(c.singlePopulation)),
            ("digits", .number("\(c.digits)")),
        ]
        if c.dynamics.usesStepSize { params.append(("stepSize", .number(ResultEnvelope.decimalNumber(result.stepSize, digits: 12)))) }
        if c.dynamics.usesTemperature {
            params.append(("temperature", .number(ResultEnvelope.decimalNumber(result.temperature, digits: 12))))
        }
        if c.dynamics == .projectedReplicator { params.append(("exploration", .number(ResultEnvelope.decimalNumber(c.exploration, digits: 12)))) }
        if let k = c.traceEvery { params.append(("traceEvery", .number("\(k)"))) }
        var keys: [(String, JSONValue)] = [
            ("average", strategies(result.average)),
            ("averageDecimal", numbers(result.average)),
            ("last", strategies(result.last)),
            ("lastDecimal", numbers(result.last)),
            ("exploitability", .string(result.averageExploitability.description)),
            ("exploitabilityDecimal", .number(result.averageExploitability.decimal(digits))),
            ("lastExploitability", .string(result.lastExploitability.description)),
            ("lastExploitabilityDecimal", .number(result.lastExploitability.decimal(digits))),
            ("payoffRange", .string(result.payoffRange.description)),
        ]
        if let r = relative { keys.append(("relativeExploitabilityDecimal", .number(r.decimal(digits)))) }
        keys.append(("trajectory", .array(result.trajectory.map { point in
            .object([
                ("iteration", .number("\(point.iteration)")),
                ("exploitability", .string(point.averageExploitability.description)),
                ("exploitabilityDecimal", .number(point.averageExploitability.decimal(digits))),
                ("lastExploitability", .string(point.lastExploitability.description)),
                ("lastExploitabilityDecimal", .number(point.lastExploitability.decimal(digits))),
                ("average", numbers(point.average)),
                ("last", numbers(point.last)),
            ])
        })))
        return ResultEnvelope(command: "learn", game: ResultEnvelope.strategicGame(game), method: c.dynamics.rawValue,
                              parameters: params, stopReason: result.stopReason.rawValue, result: keys,
                              counters: [("iterations", result.iterations), ("trajectoryPoints", result.trajectory.count)],
                              notes: ["strategies are rounded to multiples of 10^-\(c.digits); exploitability is the exact NashConv of those printed strategies"],
                              elapsedSeconds: elapsed)
    }

    /// One row per trajectory point: iteration, both exploitabilities (exact and decimal), then
    /// every probability of the average and of the last iterate.
    func csv() -> String {
        let digits = decimals ?? 12
        var header = ["iteration", "exploitability", "exploitabilityDecimal", "lastExploitability", "lastExploitabilityDecimal"]
        for kind in ["average", "last"] {
            for p in game.players { for s in p.strategies { header.append(CSVFormat.field("\(kind):\(p.name):\(s)")) } }
        }
        var out = header.joined(separator: ",") + "\n"
        for point in result.trajectory {
            var row = ["\(point.iteration)", point.averageExploitability.description, point.averageExploitability.decimal(digits),
                       point.lastExploitability.description, point.lastExploitability.decimal(digits)]
            for profile in [point.average, point.last] { for s in profile { for q in s.probabilities { row.append(probability(q)) } } }
            out += row.joined(separator: ",") + "\n"
        }
        return out
    }
}

extension String {
    /// A decimal without trailing zeros after the point ("0.500" → "0.5", "1.000" → "1").
    var trimmedDecimal: String {
        guard contains(".") else { return self }
        var s = self
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
