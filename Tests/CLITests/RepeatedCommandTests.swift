import Foundation
import GameSolve
import Testing

/// `gamesolve tournament`, `match` and `repeated`, run as a user would.
@Suite struct RepeatedCommandTests {
    @Test func tournamentJSONHasIntegerScoresPerPairAndARanking() throws {
        let r = try CLI.run(["tournament", "--payoffs", "3,0,5,1", "--strategies", "tit-for-tat,grudger,defector",
                             "--turns", "200", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""command": "tournament""#))
        // TFT vs defector over 200 turns: 0 + 199·1 against 5 + 199·1.
        #expect(r.stdout.contains(#""players": ["tit-for-tat", "defector"]"#))
        #expect(r.stdout.contains(#""scores": [199, 204]"#))
        #expect(r.stdout.contains(#""scores": [600, 600]"#))
        #expect(r.stdout.contains(#""ranking""#))
        let matches = r.stdout.components(separatedBy: #""playerIndices""#).count - 1
        #expect(matches == 6)                       // 3 pairs + 3 self-plays
    }

    @Test func tournamentExportsASymmetricGameThatNashReads() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tournament-\(UUID().uuidString).nfg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["tournament", "--strategies", "tit-for-tat,defector", "--turns", "10", "--export-game", path])
        #expect(r.status == 0, "\(r.stderr)")
        let game = try GameFile.read(path: path)
        #expect(game.payoff(player: 0, at: [0, 1]) == Rational(9, 10) && game.payoff(player: 1, at: [0, 1]) == Rational(14, 10))
        let nash = try CLI.run(["nash", path, "--format", "json"])
        #expect(nash.status == 0, "\(nash.stderr)")
    }

    @Test func tournamentRunsTheMoranProcess() throws {
        let r = try CLI.run(["tournament", "--strategies", "tit-for-tat,defector", "--turns", "10",
                             "--moran-population", "10", "--selection", "1", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""moran""#) && r.stdout.contains(#""stationary""#))
        #expect(try CLI.run(["tournament", "--moran-population", "1"]).status == 64)
    }

    @Test func tournamentRejectsBadInput() throws {
        #expect(try CLI.run(["tournament", "--strategies", "tit-for-tatt"]).status == 64)
        #expect(try CLI.run(["tournament", "--payoffs", "3,0,5"]).status == 64)
        #expect(try CLI.run(["tournament", "--noise", "1.5"]).status == 64)
        // A 2x2-only strategy on a 3x3 stage game: a command failure naming the alternatives.
        let r = try CLI.run(["tournament", "--game", "Examples/rock-paper-scissors.nfg", "--strategies", "grudger,tit-for-tat"])
        #expect(r.status == 1 && r.stdout.isEmpty && r.stderr.contains("defined for 2x2 stage games"))
        #expect(try CLI.run(["tournament", "--game", "Examples/rock-paper-scissors.nfg", "--strategies", "always:3"]).status == 1)
        #expect(try CLI.run(["tournament", "--game", "Examples/rock-paper-scissors.nfg", "--strategies", "bogus"]).status == 64)
    }

    /// A 3x3 stage game: the default strategies for any number of actions, outcomes named by the
    /// actions, and a zero-sum stage giving antisymmetric scores.
    @Test func tournamentOnRockPaperScissors() throws {
        let r = try CLI.run(["tournament", "--game", "Examples/rock-paper-scissors.nfg", "--turns", "30", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["tit-for-tat", "best-response", "cycler", "always:0", "always:1", "always:2"] { #expect(r.stdout.contains("\"\(name)\"")) }
        #expect(r.stdout.contains(#""Rock/Paper""#))
        let matches = r.stdout.components(separatedBy: #""playerIndices""#).count - 1
        #expect(matches == 21)                      // 15 pairs + 6 self-plays
        let m = try CLI.run(["match", "tit-for-tat", "best-response", "--game", "Examples/rock-paper-scissors.nfg", "--turns", "6", "--moves"])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(m.stdout.contains("Moves: Rock/Rock Rock/Paper Paper/Paper Paper/Scissors Scissors/Scissors Scissors/Rock"))
        #expect(m.stdout.contains("-1/2") && m.stdout.contains("Rock rate"))
    }

    @Test func matchPrintsExactLongRunPayoffs() throws {
        let r = try CLI.run(["match", "tit-for-tat", "suspicious-tit-for-tat", "--turns", "4", "--moves", "--discount", "1/2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Moves: CD DC CD DC"))
        #expect(r.stdout.contains("5/2"))                 // long-run mean of both
        #expect(r.stdout.contains("5/3") && r.stdout.contains("10/3"))
    }

    @Test func repeatedPrintsExactVertices() throws {
        let r = try CLI.run(["repeated", "Examples/prisoners-dilemma.nfg", "--discount", "9/10", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""vertices": [["1", "1"], ["13/3", "1"], ["3", "3"], ["1", "13/3"]]"#))
        #expect(r.stdout.contains(#""certified": true"#))
        let point = try CLI.run(["repeated", "Examples/prisoners-dilemma.nfg", "--discount", "0.1", "--format", "json"])
        #expect(point.stdout.contains(#""vertices": [["1", "1"]]"#) && point.stdout.contains(#""shape": "point""#))
        #expect(try CLI.run(["repeated", "Examples/prisoners-dilemma.nfg", "--discount", "1"]).status == 64)
        #expect(try CLI.run(["repeated", "Examples/three-player-coordination.nfg", "--discount", "0.5"]).status == 1)
    }
}

/// `gamesolve public-goods`.
@Suite struct PublicGoodsCommandTests {
    @Test func freeRiderTable() throws {
        let r = try CLI.run(["public-goods", "--players", "always-contribute,always-contribute,always-contribute,never-contribute",
                             "--multiplier", "2", "--rounds", "10", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""payoffs": ["5", "5", "5", "15"]"#))
        #expect(r.stdout.contains(#""contributions": [10, 10, 10, 0]"#))
        #expect(try CLI.run(["public-goods", "--players", "always-contribute,sometimes"]).status == 64)
        #expect(try CLI.run(["public-goods", "--players", "always-contribute"]).status == 64)
    }
}
