import ArgumentParser
import GameSolve

/// `gamesolve public-goods`: one group playing the repeated N-player public goods game.
struct PublicGoodsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "public-goods",
        abstract: "Repeated N-player public goods game: each round every player contributes 1 or keeps it; contributions × r are shared equally.",
        discussion: """
        Strategies: always-contribute, never-contribute, conditional:k (contribute in round 1, \
        then if at least k others contributed last round), threshold-grim:k (contribute until a \
        round in which fewer than k others contributed, then never). Payoffs are exact totals \
        over the rounds: r·(contributors)/N − own contribution per round.

        Example:
          gamesolve public-goods --players conditional:2,conditional:2,threshold-grim:2,never-contribute --multiplier 3/2 --rounds 10
        """
    )

    @Option(help: ArgumentHelp("Comma-separated strategies, one per player (at least 2).", valueName: "list"))
    var players: String

    @Option(help: ArgumentHelp("Multiplier r of the contributions.", valueName: "r"))
    var multiplier: String = "2"

    @Option(help: ArgumentHelp("Rounds.", valueName: "n"))
    var rounds: Int = 100

    @Option(help: ArgumentHelp("Each decision is flipped with this probability.", valueName: "p"))
    var noise: String = "0"

    @Option(help: ArgumentHelp("Seed of the noise.", valueName: "n"))
    var seed: UInt64 = 0

    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>

    func validate() throws {
        guard Rational(multiplier) != nil else { throw ValidationError("--multiplier needs a number, got '\(multiplier)'") }
        guard let p = Rational(noise), p >= .zero, p <= .one else { throw ValidationError("--noise needs a probability in [0, 1], got '\(noise)'") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1, got \(rounds)") }
        _ = try strategies()
    }

    func strategies() throws -> [PublicGoodsStrategy] {
        var out: [PublicGoodsStrategy] = []
        for name in players.split(separator: ",").map({ String($0).trimmingWhitespaceForCLI }) {
            do { out.append(try PublicGoodsStrategy(parsing: name)) } catch { throw ValidationError(error.description) }
        }
        if out.count < 2 { throw ValidationError("--players needs at least 2 players, got '\(players)'") }
        return out
    }

    func run() throws {
        let strategies = try strategies()
        let r = Rational(multiplier)!
        let clock = Stopwatch()
        let result: PublicGoodsGame.Result
        do { result = try PublicGoodsGame.play(strategies, multiplier: r, rounds: rounds, noise: Rational(noise)!, seed: seed) } catch { throw CommandFailure(error.description) }
        let elapsed = clock.seconds
        let perRound = result.payoffs.map { $0 / Rational(rounds) }
        switch output.format {
        case .json:
            var envelope = ResultEnvelope(command: "public-goods", game: .null, method: "simulation")
            envelope.parameters = [("players", .array(strategies.map { .string($0.description) })), ("multiplier", .string(r.description)),
                                   ("rounds", .number(String(rounds))), ("noise", .string(Rational(noise)!.description)), ("seed", .number(String(seed)))]
            envelope.result = output.exact("payoffs", result.payoffs, always: true) + output.exact("payoffsPerRound", perRound, always: true)
                + [("contributions", .array(result.contributions.map { .number(String($0)) }))]
            envelope.counters = [("rounds", rounds)]
            envelope.elapsedSeconds = elapsed
            print(envelope.json().rendered(), terminator: "")
        case .csv:
            var out = "player,strategy,payoff,payoff_per_round,contributions\n"
            for i in strategies.indices { out += "\(i),\(strategies[i]),\(output.text(result.payoffs[i])),\(output.text(perRound[i])),\(result.contributions[i])\n" }
            print(out, terminator: "")
        case .table:
            var rows = [["player", "strategy", "payoff", "per round", "contributed"]]
            for i in strategies.indices {
                rows.append(["\(i)", strategies[i].description, output.text(result.payoffs[i]), output.text(perRound[i]), "\(result.contributions[i]) of \(rounds)"])
            }
            print(repeatedTable(rows), terminator: "")
        }
    }
}

extension String {
    var trimmingWhitespaceForCLI: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
