import ArgumentParser
import GameSolve

/// `gamesolve info GAME`: what a game file holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a game: players, strategies, zero-sum or not, dominated strategies; or a TU game's properties.",
        discussion: """
        Strictly dominated strategies are found by iterated elimination of strategies strictly \
        dominated by another pure strategy (the order of elimination does not change the result).

        TU (coalitional) games are recognised by a JSON object with "values" or a rule "type", by \
        the .tu and .npy extensions (a NumPy array in bitmask order), or by --tu (needed for a \
        plain vector of 2^n − 1 values in another file, and for a TU game on standard input, '-'); \
        info then shows the players and whether the game is superadditive, convex, monotone, \
        essential and zero-normalised, and whether its core is non-empty.

        Examples:
          gamesolve info Examples/battle-of-the-sexes.nfg
          gamesolve info --tu --order lex values.txt
        """
    )

    enum Format: String, ResultFormat {
        case table, json, csv
        static let formatHelp = "Output format: table, json (the result envelope) or csv (one row of facts)."
    }

    @OptionGroup var input: GameInputOptions

    /// `--format`, and `--decimals N` for the exact values (the constant sum, mixed dominators, the
    /// least-core value).
    @OptionGroup var output: ResultOutputOptions<Format>
    var format: Format { output.format }

    @Flag(help: "Read GAME as a TU game (JSON or a plain vector of 2^n − 1 coalition values).")
    var tu = false

    @Option(name: .customLong("order"), help: "TU games: coalition order of a plain value vector, bitmask or lex (default bitmask).")
    var orderOption: CoalitionOrder?
    var order: CoalitionOrder { orderOption ?? .bitmask }

    func run() throws {
        let clock = Stopwatch()
        let game: NormalFormGame
        switch try loadEitherGame() {
        case .coalitional(let tuGame):
            print(try tuInfo(tuGame, clock: clock), terminator: "")
            return
        case .strategic(let g):
            if let o = orderOption { throw ValidationError("--order \(o.rawValue) applies only to TU games (--tu), not to the strategic game \(input.game)") }
            game = g
        }
        let dominance = StrictDominance().eliminate(game)
        let constant = game.constantSum
        let mixed: MixedStrategyDominance.Result
        do { mixed = try MixedStrategyDominance().eliminate(game) } catch let e as LPError { throw CommandFailure(e.description) }
        switch format {
        case .table:
            print(table(game, constant: constant, dominance: dominance) + mixedTable(game, mixed), terminator: "")
        case .json:
            var envelope = ResultEnvelope(command: "info", game: ResultEnvelope.strategicGame(game), method: "describe")
            envelope.result = facts(game, constant: constant, dominance: dominance)
            envelope.result.append(("dominatedByMixed", .array(mixed.eliminated.map { e in
                .object([
                    ("player", .string(game.players[e.player].name)),
                    ("playerIndex", .number(String(e.player))),
                    ("strategy", .string(game.players[e.player].strategies[e.strategy])),
                    ("strategyIndex", .number(String(e.strategy))),
                ] + output.exact("dominatedBy", e.dominatedBy.probabilities))
            })))
            envelope.result.append(("survivingMixed", .array(zip(game.players, mixed.surviving).map { p, kept in
                .array(kept.map { .string(p.strategies[$0]) })
            })))
            envelope.counters = [("linearPrograms", mixed.linearPrograms)]
            envelope.elapsedSeconds = clock.seconds
            print(envelope.json().rendered(), terminator: "")
        case .csv:
            // One row of facts; lists inside a cell are separated by semicolons.
            func list(_ items: [String]) -> String { CSVFormat.field(items.joined(separator: ";")) }
            var out = "title,players,strategies,profiles,zero_sum,constant_sum,dominated,surviving,dominated_by_mixed,surviving_mixed\n"
            out += [CSVFormat.field(game.title), String(game.playerCount),
                    game.strategyCounts.map(String.init).joined(separator: "x"), String(game.profileCount),
                    constant == .zero ? "true" : "false", constant.map(output.text) ?? "",
                    list(dominance.eliminated.map { "\(game.players[$0.player].name): \(game.players[$0.player].strategies[$0.strategy])" }),
                    list(zip(game.players, dominance.surviving).map { p, kept in "\(p.name): " + kept.map { p.strategies[$0] }.joined(separator: " ") }),
                    list(mixed.eliminated.map { "\(game.players[$0.player].name): \(game.players[$0.player].strategies[$0.strategy])" }),
                    list(zip(game.players, mixed.surviving).map { p, kept in "\(p.name): " + kept.map { p.strategies[$0] }.joined(separator: " ") }),
            ].joined(separator: ",") + "\n"
            print(out, terminator: "")
        }
    }

    /// Iterated elimination by mixed strategies (exact LPs), listed after the pure one.
    func mixedTable(_ game: NormalFormGame, _ mixed: MixedStrategyDominance.Result) -> String {
        guard !mixed.eliminated.isEmpty else { return "Strategies strictly dominated by mixed strategies: none\n" }
        var out = "Strictly dominated by mixed strategies (iterated elimination, in order):\n"
        for e in mixed.eliminated {
            let p = game.players[e.player]
            let mix = zip(p.strategies, e.dominatedBy.probabilities).filter { !$0.1.isZero }.map { "\($0.0)=\(output.text($0.1))" }
            out += "  \(p.name): \(p.strategies[e.strategy]) (dominated by \(mix.joined(separator: ", ")))\n"
        }
        out += "Surviving strategies: " + zip(game.players, mixed.surviving).map { p, kept in
            "\(p.name) {\(names(kept.map { p.strategies[$0] }))}"
        }.joined(separator: ", ") + "\n"
        return out
    }

    func names(_ list: [String], limit: Int = 12) -> String {
        list.count <= limit ? list.joined(separator: ", ")
            : list.prefix(limit).joined(separator: ", ") + ", ... (\(list.count - limit) more)"
    }

    func table(_ game: NormalFormGame, constant: Rational?, dominance: StrictDominance.Result) -> String {
        var out = ""
        if !game.title.isEmpty { out += "Title: \(game.title)\n" }
        if !game.comment.isEmpty { out += "Comment: \(game.comment)\n" }
        out += "Players: \(game.playerCount)\n"
        for (i, p) in game.players.enumerated() {
            out += "  \(i + 1). \(p.name): \(p.strategies.count == 1 ? "1 strategy" : "\(p.strategies.count) strategies") (\(names(p.strategies)))\n"
        }
        out += "Pure-strategy profiles: \(game.profileCount)\n"
        out += "Zero-sum: \(constant == .zero ? "yes" : "no")\n"
        out += "Constant-sum: \(constant.map { "yes (payoffs sum to \(output.text($0)))" } ?? "no")\n"
        if dominance.eliminated.isEmpty {
            out += "Strictly dominated strategies: none\n"
        } else {
            out += "Strictly dominated strategies (iterated elimination, in order):\n"
            for e in dominance.eliminated {
                let p = game.players[e.player]
                out += "  \(p.name): \(p.strategies[e.strategy]) (dominated by \(p.strategies[e.dominatedBy]))\n"
            }
            out += "Surviving strategies: "
            out += zip(game.players, dominance.surviving).map { p, kept in
                "\(p.name) {\(names(kept.map { p.strategies[$0] }))}"
            }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// The facts of the JSON result (the game itself is in the envelope's `game`).
    func facts(_ game: NormalFormGame, constant: Rational?, dominance: StrictDominance.Result) -> [(String, JSONValue)] {
        var facts: [(String, JSONValue)] = [
            ("comment", .string(game.comment)),
            ("profiles", .number("\(game.profileCount)")),
            ("zeroSum", .bool(constant == .zero)),
            ("constantSum", constant.map { .string($0.description) } ?? .null),
        ]
        if output.decimals != nil { facts.append(("constantSumDecimal", constant.map { output.decimal($0) } ?? .null)) }
        return facts + [
            ("dominated", .array(dominance.eliminated.map { e in
                .object([
                    ("player", .string(game.players[e.player].name)),
                    ("playerIndex", .number(String(e.player))),
                    ("strategy", .string(game.players[e.player].strategies[e.strategy])),
                    ("strategyIndex", .number(String(e.strategy))),
                    ("dominatedBy", .string(game.players[e.player].strategies[e.dominatedBy])),
                    ("dominatedByIndex", .number(String(e.dominatedBy))),
                ])
            })),
            ("surviving", .array(zip(game.players, dominance.surviving).map { p, kept in
                .array(kept.map { .string(p.strategies[$0]) })
            })),
            ("survivingIndices", .array(dominance.surviving.map { kept in .array(kept.map { .number(String($0)) }) })),
        ]
    }
}
