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
        With --eliminate-dominated, strategies strictly dominated by another pure strategy are \
        removed first (iteratively); this never removes an equilibrium, and the equilibria are \
        reported for the original game.

        Examples:
          gamesolve nash Examples/battle-of-the-sexes.nfg
          gamesolve nash game.nfg --method enumerate --jobs 2 --format lrs
          gamesolve nash game.nfg --method lemke-howson --all-labels --format json
          gamesolve nash game.nfg --method support-enumeration --equal-size-supports --jobs 2
          gamesolve nash Examples/prisoners-dilemma.nfg --eliminate-dominated --format json
        """
    )

    @OptionGroup var input: GameInputOptions

    @Option(help: ArgumentHelp("The method: \(NashMethod.allCases.map(\.rawValue).joined(separator: ", ")) (default: enumerate for two players, pure otherwise).", valueName: "method"))
    var method: NashMethod?

    @Flag(name: .customLong("eliminate-dominated"),
          help: "First remove strategies strictly dominated by pure strategies, iteratively.")
    var eliminateDominated = false

    @OptionGroup(title: "Method options") var methodOptions: NashMethodOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let game = try input.load()
        var solved = game
        var elimination: StrictDominance.Result?
        if eliminateDominated {
            let r = StrictDominance().eliminate(game)
            elimination = r
            solved = r.reducedGame
        }
        let method = self.method ?? NashMethod.defaultMethod(for: solved)
        var result = try method.solve(solved, limits: limits.limits, options: methodOptions)
        if limits.progress { Diagnostics.write("\n") }
        if let r = elimination {
            result = try lift(result, from: r, to: game)
        }
        let renderer = NashResultRenderer(game: game, method: method.rawValue, result: result)
        if output.format == .csv || output.format == .gambit || output.format == .lrs {
            for line in renderer.diagnostics { Diagnostics.note(line) }
        }
        print(renderer.render(output.format), terminator: "")
    }

    /// Maps equilibria of the reduced game back to the original game (eliminated strategies get
    /// probability 0) and re-checks each one exactly there.
    private func lift(_ result: NashResult, from r: StrictDominance.Result, to game: NormalFormGame) throws -> NashResult {
        var lifted = result
        lifted.equilibria = try result.equilibria.map { eq in
            let profile: MixedProfile = eq.strategies.enumerated().map { player, s in
                var p = [Rational](repeating: .zero, count: game.strategyCounts[player])
                for (k, original) in r.surviving[player].enumerated() { p[original] = s.probabilities[k] }
                return MixedStrategy(unchecked: p)
            }
            guard let verified = game.verifiedEquilibrium(profile) else {
                throw CommandFailure("internal error: an equilibrium of the reduced game is not one of the original game")
            }
            return verified
        }
        let removed = r.eliminated.map { e in
            "\(game.players[e.player].name)'s \(game.players[e.player].strategies[e.strategy]) (by \(game.players[e.player].strategies[e.dominatedBy]))"
        }
        lifted.notes.insert(removed.isEmpty
            ? "no strictly dominated strategies to eliminate"
            : "eliminated \(removed.count) strictly dominated \(removed.count == 1 ? "strategy" : "strategies"): " + removed.joined(separator: ", "), at: 0)
        return lifted
    }
}
