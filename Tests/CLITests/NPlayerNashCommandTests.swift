import Foundation
import Testing
import GameSolve

/// `gamesolve nash` on games with three or more players: the JSON's equilibria, re-read from the
/// printed fractions, have exactly the printed maxRegret, within 1e-9 of the payoff range.
@Suite struct NPlayerNashCommandTests {
    /// Three-player matching pennies (player 1 matches 2, 2 matches 3, 3 mismatches 1), as .nfg.
    static let pennies: String = {
        var payoffs = [[Rational]](repeating: [], count: 3)
        for k in 0..<8 {
            let a = k % 2, b = (k / 2) % 2, c = k / 4
            payoffs[0].append(a == b ? 1 : -1)
            payoffs[1].append(b == c ? 1 : -1)
            payoffs[2].append(c != a ? 1 : -1)
        }
        let game = try! NormalFormGame(title: "three-player matching pennies",
                                       players: NormalFormGame.defaultPlayers(strategyCounts: [2, 2, 2]), payoffs: payoffs)
        return try! GameFile.text(game, format: .nfg)
    }()

    func regretsFromJSON(_ text: String, game: NormalFormGame) throws -> [(Rational, Rational)] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let equilibria = try #require(object["equilibria"] as? [[String: Any]])
        return try equilibria.map { e in
            let strategies = try #require(e["strategies"] as? [[String]])
            let profile = strategies.map { MixedStrategy(unchecked: $0.map { Rational($0)! }) }
            let text = try #require(e["maxRegret"] as? String)
            let printed = try #require(Rational(text))
            return (game.regret(profile), printed)
        }
    }

    @Test func defaultMethodFindsTheMixedEquilibrium() throws {
        let game = try GameFile.parse(Array(Self.pennies.utf8), format: .nfg, fileName: "pennies.nfg")
        let run = try CLI.run(["nash", "-", "--input-format", "nfg", "--format", "json"], input: Self.pennies)
        #expect(run.status == 0)
        let regrets = try regretsFromJSON(run.stdout, game: game)
        #expect(regrets.count == 1)
        for (actual, printed) in regrets { #expect(actual == printed && printed == .zero) }
        #expect(run.stdout.contains("\"exact\" : true") || run.stdout.contains("\"exact\": true"))
    }

    @Test(arguments: ["support-enumeration", "logit"])
    func irrationalEquilibriaAreCertified(_ method: String) throws {
        // Volunteer's dilemma, 3 players: its symmetric equilibrium is irrational (p = 1/√2).
        let gen = try CLI.run(["generate", "volunteers-dilemma", "--size", "3"])
        #expect(gen.status == 0)
        let game = try GameFile.parse(Array(gen.stdout.utf8), format: .nfg, fileName: "vd.nfg")
        let run = try CLI.run(["nash", "-", "--input-format", "nfg", "--method", method, "--format", "json"], input: gen.stdout)
        #expect(run.status == 0)
        let range = game.payoffRange
        for (actual, printed) in try regretsFromJSON(run.stdout, game: game) {
            #expect(actual == printed)
            #expect(printed <= range / 1_000_000_000)
        }
    }

    @Test func logitReportsQuantalResponses() throws {
        let run = try CLI.run(["nash", "-", "--input-format", "nfg", "--method", "logit", "--lambda", "0.5", "1"], input: Self.pennies)
        #expect(run.status == 0)
        #expect(run.stdout.contains("logit quantal response equilibria"))
        #expect(run.stdout.contains("exact"))
    }

    @Test func largeGamesDefaultToLogit() throws {
        // 7x7x7: (2^7 − 1)^3 ≈ 2.0 million support profiles, above the default limit of 10^6.
        let gen = try CLI.run(["generate", "nplayer-random", "--players", "3", "--size", "7", "--seed", "1"])
        let run = try CLI.run(["nash", "-", "--input-format", "nfg"], input: gen.stdout)
        #expect(run.status == 0)
        #expect(run.stdout.contains("(method: logit): 1 equilibrium found"))
    }

    @Test func tooLargeSearchIsRefusedWithTheOverrideNamed() throws {
        let gen = try CLI.run(["generate", "nplayer-random", "--players", "3", "--size", "12", "--seed", "1"])
        let run = try CLI.run(["nash", "-", "--input-format", "nfg", "--method", "support-enumeration"], input: gen.stdout)
        #expect(run.status == 1)
        #expect(run.stderr.contains("--max-support-profiles"))
    }
}
