import Foundation
import Testing
import GameSolve

/// The `gamesolve` executable, run as a user would, with whole outputs compared.
@Suite struct CLITests {
    @Test func infoOnBattleOfTheSexes() throws {
        let r = try CLI.run(["info", "Examples/battle-of-the-sexes.nfg"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == """
            Title: Battle of the sexes
            Comment: Alice prefers the opera, Bob football; both prefer going together to going alone.
            Players: 2
              1. Alice: 2 strategies (Opera, Football)
              2. Bob: 2 strategies (Opera, Football)
            Pure-strategy profiles: 4
            Zero-sum: no
            Constant-sum: no
            Strictly dominated strategies: none
            Strategies strictly dominated by mixed strategies: none

            """)
    }

    /// A search stopped by `--timeout` prints what it found (valid JSON saying it stopped) and
    /// exits with 75; a search stopped by `--max-equilibria` ends normally.
    @Test func timeoutExitsWith75AndPrintsWhatItFound() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-timeout-\(UUID().uuidString).nfg")
        defer { try? FileManager.default.removeItem(at: url) }
        let generated = try CLI.run(["generate", "random", "--size", "60", "--seed", "1", "-o", url.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let r = try CLI.run(["nash", url.path, "--method", "support-enumeration", "--timeout", "0.3", "--format", "json"])
        #expect(r.status == 75, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["stopReason"] as? String == "timeout")
        let first = try CLI.run(["nash", url.path, "--method", "support-enumeration", "--max-equilibria", "1", "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        let one = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(one["stopReason"] as? String == "maxResults")
    }

    @Test func infoListsDominatedStrategiesAsJSON() throws {
        let r = try CLI.run(["info", "Examples/prisoners-dilemma.nfg", "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stdout.replacing(/"elapsedSeconds": [0-9.e+-]+/, with: "\"elapsedSeconds\": 0") == """
            {
              "command": "info",
              "game": {
                "title": "Prisoner's dilemma",
                "players": [
                  {"name": "Row", "strategies": ["Cooperate", "Defect"]},
                  {"name": "Column", "strategies": ["Cooperate", "Defect"]}
                ]
              },
              "method": "describe",
              "parameters": {},
              "stopReason": "completed",
              "comment": "Defecting strictly dominates cooperating, yet both cooperating is better for both.",
              "profiles": 4,
              "zeroSum": false,
              "constantSum": null,
              "dominated": [
                {
                  "player": "Row",
                  "playerIndex": 0,
                  "strategy": "Cooperate",
                  "strategyIndex": 0,
                  "dominatedBy": "Defect",
                  "dominatedByIndex": 1
                },
                {
                  "player": "Column",
                  "playerIndex": 1,
                  "strategy": "Cooperate",
                  "strategyIndex": 0,
                  "dominatedBy": "Defect",
                  "dominatedByIndex": 1
                }
              ],
              "surviving": [["Defect"], ["Defect"]],
              "survivingIndices": [[1], [1]],
              "dominatedByMixed": [
                {
                  "player": "Row",
                  "playerIndex": 0,
                  "strategy": "Cooperate",
                  "strategyIndex": 0,
                  "dominatedBy": ["0", "1"]
                },
                {
                  "player": "Column",
                  "playerIndex": 1,
                  "strategy": "Cooperate",
                  "strategyIndex": 0,
                  "dominatedBy": ["0", "1"]
                }
              ],
              "survivingMixed": [["Defect"], ["Defect"]],
              "counters": {"linearPrograms": 2},
              "notes": [],
              "elapsedSeconds": 0
            }

            """)
    }

    @Test func nashTable() throws {
        let r = try CLI.run(["nash", "Examples/battle-of-the-sexes.nfg", "--method", "pure"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            Nash equilibria of "Battle of the sexes" (method: pure): 2 equilibria found, completed

            #  Alice     Bob       payoffs
            1  Opera     Opera     2, 1
            2  Football  Football  1, 2

            profilesExamined: 4

            """)
    }

    @Test func nashJSON() throws {
        let r = try CLI.run(["nash", "Examples/three-player-coordination.nfg", "--method", "pure", "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stdout.replacing(/"elapsedSeconds": [0-9.e+-]+/, with: "\"elapsedSeconds\": 0") == """
            {
              "command": "nash",
              "game": {
                "title": "Three friends choosing a cafe",
                "players": [
                  {"name": "Ann", "strategies": ["North", "South"]},
                  {"name": "Ben", "strategies": ["North", "South"]},
                  {"name": "Cat", "strategies": ["North", "South"]}
                ]
              },
              "method": "pure",
              "parameters": {},
              "stopReason": "completed",
              "equilibria": [
                {
                  "strategies": [["1", "0"], ["1", "0"], ["1", "0"]],
                  "payoffs": ["3", "2", "2"]
                },
                {
                  "strategies": [["0", "1"], ["0", "1"], ["0", "1"]],
                  "payoffs": ["2", "2", "3"]
                }
              ],
              "counters": {"profilesExamined": 8},
              "notes": [],
              "elapsedSeconds": 0
            }

            """)
    }

    @Test func nashCSVAndGambit() throws {
        let csv = try CLI.run(["nash", "Examples/battle-of-the-sexes.csv", "--method", "pure", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout == """
            equilibrium,Alice:Opera,Alice:Football,Bob:Opera,Bob:Football,payoff:Alice,payoff:Bob
            1,1,0,1,0,2,1
            2,0,1,0,1,1,2

            """)
        let gambit = try CLI.run(["nash", "Examples/battle-of-the-sexes.nfg", "--method", "pure", "--format", "gambit"])
        #expect(gambit.stdout == "NE,1,0,1,0\nNE,0,1,0,1\n")
        #expect(gambit.stderr == "")
    }

    @Test func nashEliminateDominated() throws {
        let r = try CLI.run(["nash", "Examples/prisoners-dilemma.nfg", "--method", "pure", "--eliminate-dominated"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            Nash equilibria of "Prisoner's dilemma" (method: pure): 1 equilibrium found, completed

            #  Row     Column  payoffs
            1  Defect  Defect  1, 1

            profilesExamined: 1
            note: eliminated 2 strictly dominated strategies: Row's Cooperate (by Defect), Column's Cooperate (by Defect)

            """)
        // In gambit format the note goes to standard error and stdout stays machine-readable.
        let g = try CLI.run(["nash", "Examples/prisoners-dilemma.nfg", "--method", "pure", "--eliminate-dominated", "--format", "gambit"])
        #expect(g.stdout == "NE,0,1,0,1\n")
        #expect(g.stderr.hasPrefix("gamesolve: note: eliminated 2 strictly dominated strategies"))
    }

    @Test func noPureEquilibrium() throws {
        let r = try CLI.run(["nash", "Examples/matching-pennies-zero-sum.csv", "--method", "pure"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            Nash equilibria (method: pure): 0 equilibria found, completed

            profilesExamined: 4

            """)
    }

    @Test func readsStandardInput() throws {
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Examples/battle-of-the-sexes.nfg"), encoding: .utf8)
        let r = try CLI.run(["nash", "-", "--method", "pure", "--input-format", "nfg", "--format", "gambit"], input: text)
        #expect(r.status == 0)
        #expect(r.stdout == "NE,1,0,1,0\nNE,0,1,0,1\n")
        let bad = try CLI.run(["info", "-", "--input-format", "json"], input: "{\"players\": 3}")
        #expect(bad.status == 65)
        #expect(bad.stderr == "gamesolve: error: <stdin>:1:13: expected \"players\" to be an array, found a number\n")
    }

    @Test func twoFileCSV() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-two-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("A.csv"), b = dir.appendingPathComponent("B.csv")
        try ",Opera,Football\nOpera,2,0\nFootball,0,1\n".write(to: a, atomically: true, encoding: .utf8)
        try "1,0\n0,2\n".write(to: b, atomically: true, encoding: .utf8)
        let r = try CLI.run(["nash", a.path, "--method", "pure", "--column-payoffs", b.path, "--format", "gambit"])
        #expect(r.status == 0)
        #expect(r.stdout == "NE,1,0,1,0\nNE,0,1,0,1\n")
    }

    /// Every example converts to every format that can hold it, and back, exactly.
    @Test(arguments: ["battle-of-the-sexes.nfg", "prisoners-dilemma.nfg", "matching-pennies.nfg", "rock-paper-scissors.nfg",
                      "three-player-coordination.nfg", "battle-of-the-sexes.csv", "matching-pennies-zero-sum.csv", "chicken.json"])
    func convertRoundTrips(example: String) throws {
        let path = "Examples/" + example
        let game = try GameFile.read(path: CLI.packageRoot.appendingPathComponent(path).path)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-rt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in GameFormat.allCases where format.canHold(players: game.playerCount) {
            let file = dir.appendingPathComponent("game.\(format.rawValue)").path
            let r = try CLI.run(["convert", path, "--to", format.rawValue, "-o", file])
            #expect(r.status == 0 && r.stdout == "" && r.stderr == "", "\(example) → \(format)")
            // Converting the converted file again gives the same text: nothing lost on the way back.
            let again = try CLI.run(["convert", file, "--to", format.rawValue])
            #expect(again.stdout == (try String(contentsOfFile: file, encoding: .utf8)), "\(example) → \(format)")
            let back = try GameFile.read(path: file)
            #expect(back.payoffs == game.payoffs, "\(example) → \(format)")
            if format != .lrs { #expect(back.players.map(\.strategies) == game.players.map(\.strategies)) }
            if format == .nfg || format == .json { #expect(back == game) }
        }
    }

    @Test func malformedInputExits65WithLocationAndNothingOnStdout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.nfg")
        try "NFG 1 R \"t\" { \"A\" \"B\" } { 2 2 }\n1 2 3 4 5 6 7\n".write(to: bad, atomically: true, encoding: .utf8)
        for command in [["info"], ["nash"], ["convert", "--to", "json"]] {
            let r = try CLI.run(command + [bad.path])
            #expect(r.status == 65)
            #expect(r.stdout == "")
            #expect(r.stderr == "gamesolve: error: \(bad.path):2:14: expected 8 payoffs, found 7\n")
        }
        // An existing output file is left untouched when the input is malformed.
        let target = dir.appendingPathComponent("out.json")
        try "precious".write(to: target, atomically: true, encoding: .utf8)
        let r = try CLI.run(["convert", bad.path, "-o", target.path])
        #expect(r.status == 65)
        #expect(try String(contentsOf: target, encoding: .utf8) == "precious")
    }

    @Test func otherErrors() throws {
        let missing = try CLI.run(["info", "no-such-file.nfg"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "gamesolve: error: cannot open 'no-such-file.nfg': No such file or directory\n")
        let unknown = try CLI.run(["info", "README.md"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("cannot tell the format of 'README.md'"))
        let threePlayerCSV = try CLI.run(["convert", "Examples/three-player-coordination.nfg", "--to", "csv"])
        #expect(threePlayerCSV.status == 1)
        #expect(threePlayerCSV.stdout == "")
        #expect(threePlayerCSV.stderr == "gamesolve: error: csv files hold two-player games; this game has 3 players (use nfg or json)\n")
        let badMethod = try CLI.run(["nash", "Examples/pd.nfg", "--method", "magic"])
        #expect(badMethod.status == 64)
        let noFormat = try CLI.run(["convert", "Examples/battle-of-the-sexes.nfg"])
        #expect(noFormat.status == 64)
        #expect(noFormat.stderr.contains("--to"))
    }

    @Test func help() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        for word in ["info", "convert", "nash", "Exit status"] { #expect(r.stdout.contains(word)) }
        let nash = try CLI.run(["nash", "--help"])
        for word in ["--method", "--eliminate-dominated", "--format", "pure: all pure-strategy equilibria", "--input-format"] {
            #expect(nash.stdout.contains(word), "\(word)")
        }
    }

    /// All 60 Gambit sample games through the CLI: the printed equilibria are exactly the
    /// library's, and info and convert succeed.
    @Test func gambitFixturesThroughTheCLI() throws {
        let dir = CLI.packageRoot.appendingPathComponent("Tests/StrategicGamesTests/Fixtures/gambit-games")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".nfg") }.sorted()
        #expect(files.count == 60)
        for name in files {
            let path = dir.appendingPathComponent(name).path
            let game = try GameFile.read(path: path)
            let expected = PureStrategyEquilibria().equilibria(of: game).map { eq in
                "NE," + eq.strategies.flatMap { $0.probabilities.map(\.description) }.joined(separator: ",") + "\n"
            }.joined()
            let r = try CLI.run(["nash", path, "--method", "pure", "--format", "gambit"])
            #expect(r.status == 0 && r.stdout == expected, "\(name)")
            let info = try CLI.run(["info", path])
            #expect(info.status == 0 && info.stdout.contains("Players: \(game.playerCount)"), "\(name)")
        }
    }
}
