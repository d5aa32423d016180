import ArgumentParser
import GameSolve

/// `gamesolve nash GAME --method M`: Nash equilibria of a strategic-form game.
struct NashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nash",
        abstract: "Find Nash equilibria of a strategic-form game, exactly.",
        discussion: """
        Methods:
        \(NashMethod.allCases.map { "  " + $0.help }.joined(separator: "\n"))

        Every equilibrium printed has been checked exactly (in rational arithmetic) to be one. \
        With three or more players, equilibria are in general irrational: they are printed as \
        fractions together with their exact maximum regret (the most any player gains by \
        deviating, computed in rationals from the printed fractions; "exact" when 0). \
        With --eliminate-dominated, strategies strictly dominated by a pure or mixed strategy \
        are removed first (iteratively, one exact LP per test); this never removes an equilibrium, and the equilibria are \
        reported for the original game.

        Examples:
          gamesolve nash Examples/battle-of-the-sexes.nfg
          gamesolve nash game.nfg --method enumerate --jobs 2 --format lrs
          gamesolve nash game.nfg --method lemke-howson --all-labels --format json
          gamesolve nash game.nfg --method support-enumeration --equal-size-supports --jobs 2
          gamesolve nash Examples/prisoners-dilemma.nfg --eliminate-dominated --format json
          gamesolve nash game.nfg --method support-enumeration --shard 2/3 --format json > part2.json
        """
    )

    @OptionGroup var input: GameInputOptions

    @Option(help: ArgumentHelp("The method: \(NashMethod.allCases.map(\.rawValue).joined(separator: ", ")) (default: enumerate for two players; otherwise support-enumeration, or logit when the support search exceeds --max-support-profiles).", valueName: "method"))
    var method: NashMethod?

    @Flag(name: .customLong("eliminate-dominated"),
          help: "First remove strategies strictly dominated by pure or mixed strategies, iteratively.")
    var eliminateDominated = false

    @OptionGroup(title: "Method options") var methodOptions: NashMethodOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var output: ResultOutputOptions<OutputFormat>
    @OptionGroup(title: "Sharded runs") var sharding: ShardOptions

    func validate() throws {
        try methodOptions.checkApplies(method: method, jobs: limits.jobs)
        try checkShardApplies()
    }

    func run() throws {
        if let shard = try sharding.resolve() { return try runShard(shard) }
        let game = try input.load()
        let clock = Stopwatch()
        var solved = game
        var elimination: MixedStrategyDominance.Result?
        if eliminateDominated {
            let r = try MixedStrategyDominance().eliminate(game)
            elimination = r
            solved = r.reducedGame
        }
        let method = self.method ?? NashMethod.defaultMethod(for: solved, maxSupportProfiles: methodOptions.maxSupportProfiles)
        try methodOptions.checkApplies(method: self.method, resolved: method, players: solved.playerCount, jobs: limits.jobs)
        var result = try method.solve(solved, limits: limits.limits, options: methodOptions)
        LimitOptions.progressLine.clear()
        if let r = elimination {
            guard let lifted = result.lifted(from: r.surviving, to: game) else {
                throw CommandFailure("internal error: an equilibrium of the reduced game is not one of the original game")
            }
            result = lifted
            result.notes.insert(Self.describe(r, in: game), at: 0)
        }
        var renderer = NashResultRenderer(game: game, method: method.rawValue, result: result, output: output)
        renderer.parameters = parameters(method)
        renderer.elapsedSeconds = clock.seconds
        if output.format == .csv || output.format == .gambit || output.format == .lrs {
            for line in renderer.diagnostics { Diagnostics.note(line) }
        }
        print(renderer.render(output.format), terminator: "")
        // Partial results are printed, and one line on standard error and the exit status say
        // that they may be incomplete.
        let found = "\(result.equilibria.count) equilibri\(result.equilibria.count == 1 ? "um" : "a") found"
        if result.stopReason == .timeout || result.stopReason == .interrupted {
            Interrupts.endIncomplete(interrupted: result.stopReason == .interrupted, " (\(found), each verified; the list may be incomplete)")
        }
    }

    /// The options that shaped the answer, typed, for JSON's `parameters`.
    func parameters(_ method: NashMethod) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        if eliminateDominated { out.append(("eliminateDominated", .bool(true))) }
        if let m = limits.maxEquilibria { out.append(("maxEquilibria", .number(String(m)))) }
        if let t = limits.timeout { out.append(("timeout", .number(ResultEnvelope.seconds(t)))) }
        switch method {
        case .lemkeHowson:
            if methodOptions.allLabels { out.append(("allLabels", .bool(true))) }
            else { out.append(("label", .string(methodOptions.label ?? "row:0"))) }
            if let a = methodOptions.arithmetic { out.append(("arithmetic", .string(a.rawValue))) }
        case .supportEnumeration:
            if methodOptions.equalSizeSupports { out.append(("equalSizeSupports", .bool(true))) }
            if let k = methodOptions.newtonStarts { out.append(("newtonStarts", .number(String(k)))) }
        case .logit:
            if !methodOptions.lambdas.isEmpty { out.append(("lambda", .array(methodOptions.lambdas.map { .number(ResultEnvelope.decimalNumber($0, digits: 12)) }))) }
        case .pure, .enumerate:
            break
        }
        return out
    }

    /// The note that lists what was eliminated ("Row's Cooperate (by Defect)", or by a mix
    /// "(by 1/2 T + 1/2 B)").
    static func describe(_ r: MixedStrategyDominance.Result, in game: NormalFormGame) -> String {
        let removed = r.eliminated.map { e -> String in
            let p = game.players[e.player]
            let mix = e.dominatedBy.probabilities.enumerated().filter { !$0.element.isZero }
            let by = mix.count == 1 ? p.strategies[mix[0].offset]
                : mix.map { "\($0.element) \(p.strategies[$0.offset])" }.joined(separator: " + ")
            return "\(p.name)'s \(p.strategies[e.strategy]) (by \(by))"
        }
        return removed.isEmpty
            ? "no strictly dominated strategies to eliminate"
            : "eliminated \(removed.count) strictly dominated \(removed.count == 1 ? "strategy" : "strategies"): " + removed.joined(separator: ", ")
    }
}
