import ArgumentParser
import GameSolve

/// `gamesolve rank META --method alpharank`: rank the strategies (agents) of an empirical game.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank the agents of an empirical (meta-)game with α-Rank or Nash averaging.",
        discussion: """
        Input: a CSV file with ONE number per cell and as many rows as columns is an evaluation \
        matrix M of agents against agents (M[i][j] = score of agent i against agent j): one \
        population. Any other game (paired CSV cells "a;b", two CSV files, .nfg, .json) has one \
        population per player; --single-population treats a symmetric two-player game (B = Aᵀ) \
        as one population.

        α-Rank (Omidshafiei et al., Scientific Reports 2019): the stationary distribution of the \
        Markov chain in which one population at a time adopts a mutant strategy with the \
        finite-population (size m) Fermi fixation probability at intensity α; --alpha inf uses the \
        ε-perturbed α → ∞ chain. π is computed by GTH state reduction (dense, up to 1000 \
        profiles) or by sparse Gauss–Seidel iteration (larger), never by an eigensolver; the \
        output says which and gives the balance residual.

        Nash averaging (Balduzzi et al., NeurIPS 2018): the maximum-entropy Nash equilibrium of \
        the antisymmetric part (M − Mᵀ)/2 of an agent-vs-agent matrix, and each agent's skill \
        against it, exactly; answered when the equilibrium is certified unique (then it is the \
        maximum-entropy one), refused otherwise.

        Examples:
          gamesolve rank scores.csv --method nash-averaging --format json
          gamesolve rank Examples/battle-of-the-sexes.nfg --population-size 50 --alpha 1 --format json
          gamesolve rank scores.csv --alpha 10
        """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable { case alpharank, nashAveraging = "nash-averaging" }
    enum Format: String, ResultFormat {
        case table, json, csv
        static let formatHelp = "Output format: table, json, or csv (one row per profile)."
        static let decimalsHelp = "Digits after the point for masses in the table and CSV (without it: the shortest exact double); Nash averaging: exact values as decimals, and the digits of its JSON ...Decimal keys (default 12)."
    }
    enum Solver: String, ExpressibleByArgument, CaseIterable { case auto, dense, sparse }

    @OptionGroup var input: GameInputOptions

    @Option(help: "Ranking method: alpharank, or nash-averaging (agent-vs-agent matrices or symmetric games).")
    var method: Method = .alpharank

    @Option(name: .customLong("population-size"), help: ArgumentHelp("α-Rank: population size m (default 50).", valueName: "m"))
    var populationSizeOption: Int?
    var populationSize: Int { populationSizeOption ?? 50 }

    @Option(name: .customLong("alpha"), help: ArgumentHelp("α-Rank: ranking intensity α ≥ 0, or 'inf' for the α → ∞ limit (default 100).", valueName: "alpha"))
    var alphaOption: String?
    var alpha: String { alphaOption ?? "100" }

    @Option(name: .customLong("epsilon"), help: ArgumentHelp("With --alpha inf: perturbation ε of the α → ∞ chain, in (0, 1/2) (default 0.01).", valueName: "eps"))
    var epsilonOption: Double?
    var epsilon: Double { epsilonOption ?? 0.01 }

    @Flag(name: .customLong("single-population"), help: "α-Rank: one population for a symmetric two-player game (B = Aᵀ).")
    var singlePopulation = false

    @Option(name: .customLong("selection"), help: "α-Rank, one population: fitness population (average payoff against the population, the paper's model; the default) or local (payoff against the one opponent, as OpenSpiel computes it).")
    var selectionOption: AlphaRank.Selection?
    var selection: AlphaRank.Selection { selectionOption ?? .population }

    @Option(name: .customLong("solver"), help: "α-Rank: stationary-distribution solver auto (dense up to 1000 profiles; the default), dense (GTH) or sparse (Gauss–Seidel).")
    var solverOption: Solver?
    var solver: Solver { solverOption ?? .auto }

    @Option(name: .customLong("max-transitions"), help: ArgumentHelp("α-Rank: refuse sparse chains with more stored transitions (profiles × neighbours) than this (default \(AlphaRank.transitionLimit)).", valueName: "n"))
    var maxTransitionsOption: Int?
    var maxTransitions: Int { maxTransitionsOption ?? AlphaRank.transitionLimit }

    @Option(name: .customLong("top"), help: ArgumentHelp("α-Rank: profiles listed in the table (default 10).", valueName: "n"))
    var topOption: Int?
    var top: Int { topOption ?? 10 }

    /// `--format`, and `--decimals N`: masses with N digits after the point in the table and CSV
    /// (default: the shortest exact double); Nash averaging's exact values as decimals too.
    @OptionGroup var output: ResultOutputOptions<Format>
    var format: Format { output.format }
    var decimals: Int? { output.decimals }

    @Option(help: ArgumentHelp("α-Rank: stop the sparse iteration after this many seconds and print the iterate reached (exit status 75).", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if method == .nashAveraging {
            let alphaRankOnly: [(String, String?)] = [
                ("--population-size", populationSizeOption.map { "\($0)" }), ("--alpha", alphaOption), ("--epsilon", epsilonOption.map { "\($0)" }),
                ("--single-population", singlePopulation ? "" : nil), ("--selection", selectionOption?.rawValue),
                ("--solver", solverOption?.rawValue), ("--max-transitions", maxTransitionsOption.map { "\($0)" }),
                ("--top", topOption.map { "\($0)" }), ("--timeout", timeout.map { "\($0)" }),
            ]
            if let (option, value) = alphaRankOnly.first(where: { $0.1 != nil }) {
                throw ValidationError("\(option)\(value!.isEmpty ? "" : " " + value!) applies only to --method alpharank, not to nash-averaging")
            }
        }
        if let e = epsilonOption, !(alpha == "inf" || alpha == "infinity") {
            throw ValidationError("--epsilon \(e) applies only with --alpha inf (here --alpha is \(alpha))")
        }
        guard populationSize >= 2 else { throw ValidationError("--population-size must be at least 2, got \(populationSize)") }
        _ = try intensity()
        guard top >= 1 else { throw ValidationError("--top must be at least 1, got \(top)") }
        guard maxTransitions >= 1 else { throw ValidationError("--max-transitions must be at least 1, got \(maxTransitions)") }
        if let t = timeout, !(t > 0) { throw ValidationError("--timeout must be a positive number of seconds, got \(t)") }
    }

    func intensity() throws -> AlphaRank.Intensity {
        if alpha == "inf" || alpha == "infinity" {
            guard epsilon > 0 && epsilon < 0.5 else { throw ValidationError("--epsilon must be in (0, 1/2), got \(epsilon)") }
            return .infinite(epsilon: epsilon)
        }
        guard let a = Double(alpha), a >= 0, a.isFinite else { throw ValidationError("--alpha must be a non-negative number or 'inf', got '\(alpha)'") }
        return .finite(a)
    }

    /// The evaluation matrix of a one-number-per-cell CSV file (read as the two-file form with the
    /// file as both matrices), or nil for any other input.
    func evaluationMatrix() -> [[Rational]]? {
        let format = input.inputFormat ?? GameFormat(fileName: input.game)
        guard format == .csv, input.columnPayoffs == nil, input.game != "-",
              let game = try? GameFile.read(path: input.game, format: .csv, columnPayoffsPath: input.game),
              let b = game.bimatrix else { return nil }
        let a = b.rowPayoffs
        return (0..<a.rows).map { i in (0..<a.columns).map { j in a[i, j] } }
    }

    func run() throws {
        if method == .nashAveraging { return try runNashAveraging() }
        let config = AlphaRank.Configuration(populationSize: populationSize, intensity: try intensity(), selection: selection,
                                             solver: solver == .auto ? nil : (solver == .dense ? .dense : .sparse))
        let watch = Stopwatch()
        let game: NormalFormGame
        let result: AlphaRank.Result
        var notes: [String] = []
        var populationNames: [String]
        do {
            if let m = evaluationMatrix() {
                guard m.count == m[0].count else {
                    throw CommandFailure("an evaluation matrix (one number per cell) must be square, agents against agents; found \(m.count)x\(m[0].count)")
                }
                game = try input.load()
                notes.append("one-number-per-cell CSV read as an evaluation matrix M[i][j] (agent i against agent j): one population")
                populationNames = ["Population"]
                result = try AlphaRank.rank(singlePopulation: m, configuration: config)
            } else {
                game = try input.load()
                if singlePopulation {
                    guard game.isSymmetricTwoPlayer, let b = game.bimatrix else {
                        throw CommandFailure("--single-population needs a symmetric two-player game (square, column payoffs the transpose of the row payoffs)")
                    }
                    let a = b.rowPayoffs
                    populationNames = [game.players[0].name]
                    result = try AlphaRank.rank(singlePopulation: (0..<a.rows).map { i in (0..<a.columns).map { j in a[i, j] } },
                                                configuration: config)
                } else {
                    if let s = selectionOption {
                        throw ValidationError("--selection \(s.rawValue) applies only to one population (an evaluation matrix, or --single-population); this game has \(game.playerCount) populations")
                    }
                    populationNames = game.players.map(\.name)
                    let states = game.profileCount
                    let degree = game.strategyCounts.reduce(0) { $0 + $1 - 1 }
                    if states > AlphaRank.denseLimit && config.solver != .dense {
                        Diagnostics.note("α-Rank chain: \(states) profiles × \(degree) neighbours (sparse Gauss–Seidel)")
                    }
                    result = try AlphaRank.rank(game: game, configuration: config,
                                                limits: SolverLimits(timeout: timeout.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) }),
                                                transitionLimit: maxTransitions)
                }
            }
        } catch let e as AlphaRank.Failure {
            if case .tooLarge(let why) = e { throw CommandFailure("\(why) (raise the limit with --max-transitions)") }
            if case .reducible = e {
                throw CommandFailure("the Markov chain is reducible in floating point (transition probabilities underflow at this α; lower α or use --alpha inf)")
            }
            throw CommandFailure(e.description)
        }
        notes.append(result.solver == .dense
            ? "π by dense GTH state reduction (Grassmann, Taksar & Heyman 1985); balance residual \(result.residual)"
            : "π by sparse Gauss–Seidel, \(result.sweeps) sweeps; balance residual \(result.residual)\(result.converged ? "" : " (NOT converged)")")
        if !result.converged && result.stopReason != .timeout {
            notes.append("the iteration stopped at its sweep limit before the residual reached \(Tolerance.stationaryResidual)")
        }
        let renderer = RankRenderer(game: game, populationNames: populationNames, strategyNames: strategyNames(game, result),
                                    result: result, command: self, notes: notes, elapsed: watch.seconds)
        switch format {
        case .table: print(renderer.table(), terminator: "")
        case .json: print(renderer.envelope().json().rendered(), terminator: "")
        case .csv: print(renderer.csv(), terminator: "")
        }
        if result.stopReason == .timeout {
            Diagnostics.error("stopped: the --timeout ran out before the iteration converged (the iterate reached is printed)")
            terminate(ExitStatus.stoppedByTimeout)
        }
    }

    func runNashAveraging() throws {
        let watch = Stopwatch()
        let game: NormalFormGame
        let m: [[Rational]]
        var notes: [String] = []
        if let matrix = evaluationMatrix() {
            guard matrix.count == matrix[0].count else {
                throw CommandFailure("an evaluation matrix (one number per cell) must be square, agents against agents; found \(matrix.count)x\(matrix[0].count)")
            }
            game = try input.load()
            m = matrix
            notes.append("one-number-per-cell CSV read as an evaluation matrix M[i][j] (agent i against agent j)")
        } else {
            game = try input.load()
            guard game.isSymmetricTwoPlayer, let b = game.bimatrix else {
                throw CommandFailure("nash-averaging needs an agent-vs-agent evaluation matrix (one-number CSV) or a symmetric two-player game")
            }
            m = (0..<b.rowCount).map { i in (0..<b.columnCount).map { j in b.rowPayoffs[i, j] } }
        }
        let r: NashAveraging.Result
        do { r = try NashAveraging.agentVsAgent(m) } catch { throw CommandFailure(error.description) }
        notes.append("the equilibrium of (M − Mᵀ)/2 is certified unique (agents off the support do strictly worse; the support system is nonsingular), so it is the maximum-entropy Nash equilibrium; exact regret \(r.regret)")
        let names = game.players[0].strategies
        let digits = decimals ?? 12
        let order = r.skills.indices.sorted { r.skills[$0] != r.skills[$1] ? r.skills[$0] > r.skills[$1] : ($0 < $1) }
        switch format {
        case .table:
            var out = "Nash averaging: \(m.count) agents, support \(r.support.count)\n"
            out += "Maximum-entropy Nash: " + r.support.map { "\(names[$0])=\(r.maxEntropyNash[$0])" }.joined(separator: ", ") + "\n"
            out += "Skills (payoff against the Nash mixture):\n"
            for (place, i) in order.enumerated() {
                out += "  \(place + 1). \(names[i])  \(r.skills[i])" + (decimals.map { " (\(r.skills[i].decimal($0)))" } ?? "") + "\n"
            }
            for note in notes { out += "Note: \(note)\n" }
            print(out, terminator: "")
        case .json:
            let envelope = ResultEnvelope(
                command: "rank", game: ResultEnvelope.strategicGame(game), method: "nash-averaging",
                parameters: [], stopReason: "completed",
                result: [
                    ("maxEntropyNash", .array(r.maxEntropyNash.map { .string($0.description) })),
                    ("maxEntropyNashDecimal", .array(r.maxEntropyNash.map { .number($0.decimal(digits)) })),
                    ("skills", .array(r.skills.map { .string($0.description) })),
                    ("skillsDecimal", .array(r.skills.map { .number($0.decimal(digits)) })),
                    ("support", .array(r.support.map { .number("\($0)") })),
                    ("ranking", .array(order.map { .number("\($0)") })),
                    ("regret", .string(r.regret.description)),
                    ("uniqueEquilibrium", .bool(true)),
                ],
                counters: [("agents", m.count), ("support", r.support.count)], notes: notes, elapsedSeconds: watch.seconds)
            print(envelope.json().rendered(), terminator: "")
        case .csv:
            var out = "agent,name,probability,skill\n"
            for i in order { out += "\(i),\(CSVFormat.field(names[i])),\(output.text(r.maxEntropyNash[i])),\(output.text(r.skills[i]))\n" }
            print(out, terminator: "")
        }
    }

    func strategyNames(_ game: NormalFormGame, _ result: AlphaRank.Result) -> [[String]] {
        result.strategyCounts.count == 1 ? [game.players[0].strategies] : game.players.map(\.strategies)
    }
}

/// Renders an α-Rank result.
struct RankRenderer {
    let game: NormalFormGame
    let populationNames: [String]
    let strategyNames: [[String]]
    let result: AlphaRank.Result
    let command: RankCommand
    let notes: [String]
    let elapsed: Double

    /// Profiles by decreasing mass (ties: lower index first).
    var order: [Int] {
        let pi = result.stationaryDistribution
        return pi.indices.sorted { pi[$0] != pi[$1] ? pi[$0] > pi[$1] : $0 < $1 }
    }

    func mass(_ x: Double) -> String {
        command.output.text(x, plain: "\(x)")
    }

    func table() -> String {
        var out = "α-Rank: \(populationNames.count) population\(populationNames.count == 1 ? "" : "s"), m = \(command.populationSize), α = \(command.alpha)"
        out += command.alpha.hasPrefix("inf") ? " (ε = \(command.epsilon))\n" : "\n"
        for (k, ranking) in result.ranking.enumerated() {
            out += "Ranking (\(populationNames[k])):\n"
            for (place, s) in ranking.enumerated() {
                out += "  \(place + 1). \(strategyNames[k][s])  \(mass(result.marginals[k][s]))\n"
            }
        }
        if result.strategyCounts.count > 1 {
            out += "Top profiles:\n"
            for index in order.prefix(command.top) {
                let p = result.profile(at: index)
                out += "  (" + p.enumerated().map { strategyNames[$0.offset][$0.element] }.joined(separator: ", ") + ")  \(mass(result.stationaryDistribution[index]))\n"
            }
        }
        for note in notes { out += "Note: \(note)\n" }
        return out
    }

    func envelope() -> ResultEnvelope {
        var params: [(String, JSONValue)] = [
            ("populationSize", .number("\(command.populationSize)")),
            ("alpha", Double(command.alpha) != nil ? .number(command.alpha) : .string("inf")),
            ("singlePopulation", .bool(result.strategyCounts.count == 1)),
            ("solver", .string(result.solver.rawValue)),
        ]
        if command.alpha.hasPrefix("inf") { params.append(("epsilon", .number("\(command.epsilon)"))) }
        if result.strategyCounts.count == 1 { params.append(("selection", .string(command.selection.rawValue))) }
        let distribution = JSONValue.array(order.map { index in
            .object([("profile", .array(result.profile(at: index).map { .number("\($0)") })),
                     ("mass", .number("\(result.stationaryDistribution[index])"))])
        })
        let ranking = JSONValue.array(result.ranking.enumerated().map { k, ranks in
            .object([
                ("population", .number("\(k)")),
                ("name", .string(populationNames[k])),
                ("strategies", .array(ranks.map { s in
                    .object([("strategy", .number("\(s)")), ("name", .string(strategyNames[k][s])),
                             ("mass", .number("\(result.marginals[k][s])"))])
                })),
            ])
        })
        return ResultEnvelope(command: "rank", game: ResultEnvelope.strategicGame(game), method: "alpharank",
                              parameters: params, stopReason: result.stopReason.rawValue,
                              result: [("stationaryDistribution", distribution), ("ranking", ranking),
                                       ("residual", .number("\(result.residual)")), ("converged", .bool(result.converged))],
                              counters: [("profiles", result.stationaryDistribution.count), ("sweeps", result.sweeps)],
                              notes: notes, elapsedSeconds: elapsed)
    }

    func csv() -> String {
        var out = (0..<result.strategyCounts.count).map { "population\($0)" }.joined(separator: ",") + ",mass\n"
        for index in order {
            out += result.profile(at: index).map { "\($0)" }.joined(separator: ",") + ",\(mass(result.stationaryDistribution[index]))\n"
        }
        return out
    }
}

extension AlphaRank.Selection: ExpressibleByArgument {}
