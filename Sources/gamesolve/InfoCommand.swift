import ArgumentParser
import GameSolve

/// `gamesolve info GAME`: what a game file holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a game: players, strategies, zero-sum or not, dominated strategies.",
        discussion: """
        Strictly dominated strategies are found by iterated elimination of strategies strictly \
        dominated by another pure strategy (the order of elimination does not change the result).

        Example:
          gamesolve info Examples/battle-of-the-sexes.nfg
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var input: GameInputOptions

    @Option(help: "Output format.")
    var format: Format = .table

    func run() throws {
        let game = try input.load()
        let dominance = StrictDominance().eliminate(game)
        let constant = game.constantSum
        switch format {
        case .table:
            print(table(game, constant: constant, dominance: dominance), terminator: "")
        case .json:
            print(json(game, constant: constant, dominance: dominance).rendered(), terminator: "")
        }
    }

    private func names(_ list: [String], limit: Int = 12) -> String {
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
        out += "Constant-sum: \(constant.map { "yes (payoffs sum to \($0))" } ?? "no")\n"
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

    func json(_ game: NormalFormGame, constant: Rational?, dominance: StrictDominance.Result) -> JSONValue {
        .object([
            ("title", .string(game.title)),
            ("comment", .string(game.comment)),
            ("players", .array(game.players.map { p in
                .object([("name", .string(p.name)), ("strategies", .array(p.strategies.map { .string($0) }))])
            })),
            ("profiles", .number("\(game.profileCount)")),
            ("zeroSum", .bool(constant == .zero)),
            ("constantSum", constant.map { .string($0.description) } ?? .null),
            ("dominated", .array(dominance.eliminated.map { e in
                .object([
                    ("player", .string(game.players[e.player].name)),
                    ("strategy", .string(game.players[e.player].strategies[e.strategy])),
                    ("dominatedBy", .string(game.players[e.player].strategies[e.dominatedBy])),
                ])
            })),
            ("surviving", .array(zip(game.players, dominance.surviving).map { p, kept in
                .array(kept.map { .string(p.strategies[$0]) })
            })),
        ])
    }
}
