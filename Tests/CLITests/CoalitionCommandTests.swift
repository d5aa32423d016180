import Foundation
import Testing

/// Writes a fixture game into a per-process temporary directory and returns its path.
private func fixture(_ name: String, _ text: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-cli-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    // Unique per call: tests run in parallel and may write different games under one name.
    let url = dir.appendingPathComponent(UUID().uuidString + "-" + name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// Fixture games with published answers.
private enum Games {
    /// The Talmud's bankruptcy problem, estate 200, claims 100, 200, 300 (Aumann & Maschler 1985):
    /// nucleolus (50, 75, 75); v({2,3}) = 100, v(N) = 200, every other coalition 0, so the Shapley
    /// value is (100/3, 250/3, 250/3), the raw Banzhaf value (25, 75, 75) and ε* = −50.
    static let talmud = #"{"type": "bankruptcy", "estate": 200, "claims": [100, 200, 300]}"#
    /// One left glove (L), two right gloves: Shapley (2/3, 1/6, 1/6), core = nucleolus = (1, 0, 0).
    static let glove = #"{"type": "glove", "left": 1, "right": 2, "names": ["L", "R1", "R2"]}"#
    /// The glove game as a plain vector in lex order ({L},{R1},{R2},{L,R1},{L,R2},{R1,R2},N).
    static let gloveLexVector = "0 0 0\n1 1 0\n1\n"
    /// Holler & Illing's weighted voting game [51; 35, 20, 15, 15, 15].
    static let hollerIlling = #"{"type": "weighted-voting", "quota": 51, "weights": [35, 20, 15, 15, 15]}"#
    /// UN Security Council since 1965: [39; 7×5, 1×10]; Shapley–Shubik 421/2145 and 4/2145,
    /// swings 848 and 84.
    static let unSecurityCouncil = #"{"type": "weighted-voting", "quota": 39, "weights": [7, 7, 7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}"#
}

/// The nucleolus commands print work counters (LP counts and so on), which change with the
/// algorithm; mask their values so the rest of the output can be compared whole.
private func maskingCounters(_ text: String) -> String {
    let counters = ["basisRepairs", "coalitionsGenerated", "linearPrograms", "scans", "simplexIterations"]
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        for c in counters {
            if line.hasPrefix("\(c): ") { return "\(c): #" }
            let indent = line.prefix { $0 == " " }
            if line.dropFirst(indent.count).hasPrefix("\"\(c)\": ") { return indent + "\"\(c)\": #" + (line.hasSuffix(",") ? "," : "") }
        }
        return String(line)
    }.joined(separator: "\n")
}

@Suite struct CoalitionCommandTests {
    @Test func shapleyAndBanzhafOfTheTalmudGame() throws {
        let game = try fixture("talmud.json", Games.talmud)
        let shapley = try runGameSolve(["shapley", game])
        #expect(shapley.status == 0, "\(shapley.stderr)")
        #expect(shapley.stdout == """
            Shapley value
            player  allocation
            1       100/3
            2       250/3
            3       250/3
            exact: yes

            """)
        let banzhaf = try runGameSolve(["banzhaf", game, "--format", "json"])
        #expect(banzhaf.stdout.replacing(/"elapsedSeconds": [0-9.e+-]+/, with: "\"elapsedSeconds\": 0") == """
            {
              "command": "banzhaf",
              "game": {"players": ["1", "2", "3"]},
              "method": "banzhaf-exact",
              "parameters": {},
              "stopReason": "completed",
              "allocation": ["25", "75", "75"],
              "exact": true,
              "counters": {},
              "notes": [],
              "elapsedSeconds": 0
            }

            """)
        let csv = try runGameSolve(["shapley", game, "--format", "csv"])
        #expect(csv.stdout == "player,allocation\n1,100/3\n2,250/3\n3,250/3\n")
    }

    @Test func shapleyOfTheGloveGameFromJSONAndALexVector() throws {
        let json = try runGameSolve(["shapley", try fixture("glove.json", Games.glove), "--format", "json"])
        #expect(json.stdout.replacing(/"elapsedSeconds": [0-9.e+-]+/, with: "\"elapsedSeconds\": 0") == """
            {
              "command": "shapley",
              "game": {"players": ["L", "R1", "R2"]},
              "method": "shapley-exact",
              "parameters": {},
              "stopReason": "completed",
              "allocation": ["2/3", "1/6", "1/6"],
              "exact": true,
              "counters": {},
              "notes": [],
              "elapsedSeconds": 0
            }

            """)
        let vector = try runGameSolve(["shapley", try fixture("glove.txt", Games.gloveLexVector), "--order", "lex"])
        #expect(vector.status == 0, "\(vector.stderr)")
        #expect(vector.stdout == "Shapley value\nplayer  allocation\n1       2/3\n2       1/6\n3       1/6\nexact: yes\n")
    }

    /// Standard input can be read only once: the exact values read the game once.
    @Test func exactValuesReadStandardInput() throws {
        // Bitmask order: v(1)=0, v(2)=0, v(12)=90, v(3)=0, v(13)=80, v(23)=70, v(123)=120.
        let vector = "0 0 90 0 80 70 120\n"
        let shapley = try CLI.run(["shapley", "-", "--format", "csv"], input: vector)
        #expect(shapley.status == 0, "\(shapley.stderr)")
        // φ1 = (0 + 90 + 80 + 2·(120 − 70))/6 = 270/6 = 45; φ2 = (90 + 70 + 2·40)/6 = 40; φ3 = 35.
        #expect(shapley.stdout == "player,allocation\n1,45\n2,40\n3,35\n")
        let banzhaf = try CLI.run(["banzhaf", "-", "--format", "csv"], input: vector)
        #expect(banzhaf.status == 0, "\(banzhaf.stderr)")
        // β1 = (0 + 90 + 80 + 50)/4 = 55; β2 = (90 + 70 + 40)/4 = 50; β3 = (80 + 70 + 30)/4 = 45.
        #expect(banzhaf.stdout == "player,allocation\n1,55\n2,50\n3,45\n")
        let json = try CLI.run(["shapley", "-", "--format", "csv"], input: Games.talmud)
        #expect(json.stdout == "player,allocation\n1,100/3\n2,250/3\n3,250/3\n", "\(json.stderr)")
    }

    @Test func powerIndicesTableJSONAndCSV() throws {
        let game = try fixture("holler-illing.json", Games.hollerIlling)
        let table = try runGameSolve(["power", game])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout == """
            Power indices
            player  shapleyShubik  banzhaf  banzhafAbsolute  swings
            1       9/20           11/25    11/16            11
            2       1/5            1/5      5/16             5
            3       7/60           3/25     3/16             3
            4       7/60           3/25     3/16             3
            5       7/60           3/25     3/16             3

            """)
        let json = try runGameSolve(["power", game, "--format", "json"])
        #expect(json.stdout.replacing(/"elapsedSeconds": [0-9.e+-]+/, with: "\"elapsedSeconds\": 0") == """
            {
              "command": "power",
              "game": {"players": ["1", "2", "3", "4", "5"]},
              "method": "voting-power",
              "parameters": {},
              "stopReason": "completed",
              "shapleyShubik": ["9/20", "1/5", "7/60", "7/60", "7/60"],
              "banzhaf": ["11/25", "1/5", "3/25", "3/25", "3/25"],
              "banzhafAbsolute": ["11/16", "5/16", "3/16", "3/16", "3/16"],
              "swings": [11, 5, 3, 3, 3],
              "counters": {},
              "notes": [],
              "elapsedSeconds": 0
            }

            """)
        let csv = try runGameSolve(["power", game, "--format", "csv"])
        #expect(csv.stdout == """
            player,shapleyShubik,banzhaf,banzhafAbsolute,swings
            1,9/20,11/25,11/16,11
            2,1/5,1/5,5/16,5
            3,7/60,3/25,3/16,3
            4,7/60,3/25,3/16,3
            5,7/60,3/25,3/16,3

            """)
    }

    @Test func powerOfTheUNSecurityCouncil() throws {
        let r = try runGameSolve(["power", try fixture("unsc.json", Games.unSecurityCouncil), "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let permanent = Array(repeating: "421/2145", count: 5), elected = Array(repeating: "4/2145", count: 10)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["shapleyShubik"] as? [String] == permanent + elected)
        #expect(json["swings"] as? [Int] == Array(repeating: 848, count: 5) + Array(repeating: 84, count: 10))
        // A table game is refused with a pointer to shapley/banzhaf.
        let table = try runGameSolve(["power", try fixture("talmud.json", Games.talmud)])
        #expect(table.status == 1 && table.stdout.isEmpty && table.stderr.contains("weighted voting game"))
    }

    @Test func coreAndLeastCoreOfTheTalmudGame() throws {
        let game = try fixture("talmud.json", Games.talmud)
        let core = try runGameSolve(["core", game])
        #expect(core.status == 0, "\(core.stderr)")
        #expect(core.stdout == """
            Core: non-empty (a core point: the nucleolus)
            player  allocation
            1       50
            2       75
            3       75
            nonEmpty: yes
            leastCoreValue: -50
            verified: yes

            """)
        let leastCore = try runGameSolve(["least-core", game, "--format", "json"])
        #expect(leastCore.stdout.replacing(/"elapsedSeconds": [0-9.e+-]+/, with: "\"elapsedSeconds\": 0") == """
            {
              "command": "least-core",
              "game": {"players": ["1", "2", "3"]},
              "method": "least-core-lp",
              "parameters": {},
              "stopReason": "completed",
              "allocation": ["50", "75", "75"],
              "leastCoreValue": "-50",
              "nonEmpty": true,
              "verified": true,
              "counters": {},
              "notes": [],
              "elapsedSeconds": 0
            }

            """)
    }

    @Test func coreMembershipNamesTheMostViolatedCoalition() throws {
        let glove = try fixture("glove.json", Games.glove)
        let out = try runGameSolve(["core", glove, "--allocation", "0,1/2,1/2", "--format", "json"])
        #expect(out.stdout.replacing(/"elapsedSeconds": [0-9.e+-]+/, with: "\"elapsedSeconds\": 0") == """
            {
              "command": "core",
              "game": {"players": ["L", "R1", "R2"]},
              "method": "core-membership",
              "parameters": {},
              "stopReason": "completed",
              "allocation": ["0", "1/2", "1/2"],
              "inCore": false,
              "efficient": true,
              "mostViolatedCoalition": ["L", "R1"],
              "maxExcess": "1/2",
              "counters": {},
              "notes": [],
              "elapsedSeconds": 0
            }

            """)
        let inCore = try runGameSolve(["core", glove, "--allocation", "1,0,0"])
        #expect(inCore.stdout.contains("inCore: yes\n"))
        #expect(try runGameSolve(["core", glove, "--allocation", "1,x,0"]).status == 64)
    }

    @Test func nucleolusAndPrenucleolusOfTheTalmudGame() throws {
        let game = try fixture("talmud.json", Games.talmud)
        for (command, concept) in [("nucleolus", "Nucleolus"), ("prenucleolus", "Prenucleolus")] {
            let r = try runGameSolve([command, game])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(maskingCounters(r.stdout) == """
                \(concept)
                player  allocation
                1       50
                2       75
                3       75
                verified: yes
                levels: ["-50", "-75"]
                leastCoreValue: -50
                basisRepairs: #
                coalitionsGenerated: #
                linearPrograms: #
                scans: #
                simplexIterations: #

                """)
        }
        let json = try runGameSolve(["nucleolus", try fixture("glove.json", Games.glove), "--format", "json"])
        #expect(maskingCounters(json.stdout).replacing(/"elapsedSeconds": [0-9.e+-]+/, with: "\"elapsedSeconds\": 0") == """
            {
              "command": "nucleolus",
              "game": {"players": ["L", "R1", "R2"]},
              "method": "nucleolus-sequential-lp",
              "parameters": {},
              "stopReason": "completed",
              "allocation": ["1", "0", "0"],
              "verified": true,
              "levels": ["0", "0"],
              "leastCoreValue": "0",
              "counters": {
                "basisRepairs": #,
                "coalitionsGenerated": #,
                "linearPrograms": #,
                "scans": #,
                "simplexIterations": #
              },
              "notes": [],
              "elapsedSeconds": 0
            }

            """)
    }

    /// The airport game is a cost game: core x(S) ≤ c(S), (pre)nucleolus −(pre)nucleolus(−c).
    /// Costs 1, 2, 3: nucleolus (1/2, 3/4, 7/4) (derived in CostGameTests), Shapley (1/3, 5/6, 11/6).
    @Test func airportGameIsSolvedAsACostGame() throws {
        let game = try fixture("airport.json", #"{"type": "airport", "costs": [1, 2, 3]}"#)
        for command in ["nucleolus", "prenucleolus"] {
            let r = try runGameSolve([command, game, "--format", "json"])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            #expect(json["allocation"] as? [String] == ["1/2", "3/4", "7/4"], "\(command)")
            #expect(json["verified"] as? Bool == true && json["levels"] as? [String] == ["-1/2", "-3/4"])
        }
        let leastCore = try runGameSolve(["least-core", game, "--format", "csv"])
        #expect(leastCore.stdout == "player,allocation,leastCoreValue,nonEmpty,verified\n1,1/2,-1/2,true,true\n2,3/4,-1/2,true,true\n3,7/4,-1/2,true,true\n", "\(leastCore.stderr)")
        let shapley = try runGameSolve(["core", game, "--allocation", "1/3,5/6,11/6"])
        #expect(shapley.status == 0 && shapley.stdout.contains("inCore: yes\n"), "\(shapley.stderr)")
        let core = try runGameSolve(["core", game])
        #expect(core.stdout.contains("nonEmpty: yes\n") && core.stdout.contains("leastCoreValue: -1/2\n"))
        let info = try runGameSolve(["info", game])
        #expect(info.stdout == """
            TU cost game (airport): 3 players
            Players: 1, 2, 3
            Subadditive: yes
            Concave: yes
            Monotone: yes
            Essential: yes
            Zero-normalised: no
            Imputation set non-empty: yes
            Core non-empty: yes (least-core value -1/2)

            """, "\(info.stderr)")
    }

    @Test func nucleolusNeedsImputations() throws {
        // v({i}) = 1 for all, v(N) = 2: no imputation, but the prenucleolus exists.
        let game = try fixture("no-imputations.txt", "1 1 2 1 2 2 2\n")
        let r = try runGameSolve(["nucleolus", game])
        #expect(r.status == 1 && r.stdout.isEmpty && !r.stderr.isEmpty)
        let pre = try runGameSolve(["prenucleolus", game, "--format", "json"])
        #expect(pre.status == 0, "\(pre.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(pre.stdout.utf8)) as? [String: Any])
        #expect(json["allocation"] as? [String] == ["2/3", "2/3", "2/3"])
        #expect(json["verified"] as? Bool == true)
    }

    /// Malformed TU files: exit 65, nothing on stdout, `file:line:column: what was expected`.
    @Test(arguments: [
        ("bad-token.txt", "0 0 0\n1 2 x\n6\n", "2:5: expected a number, found 'x'"),
        ("short.txt", "1 2 3\n4 5 6\n7 8 9\n10 11 12 13 14\n", "5:1: expected 2^n − 1 = 15 values for n = 4 players, found 14"),
        ("short.json", "{\"players\": 3,\n \"values\": [0, 0, 0, 1, 1, 1]}\n", "2:12: expected 2^n − 1 = 7 values for n = 3 players, found 6"),
        ("bad-weight.json", "{\"type\": \"weighted-voting\",\n \"quota\": 5,\n \"weights\": [3, 2, \"two\"]}\n",
         "3:20: expected a number in \"weights\" (a number or a string like \"1/3\"), found \"two\""),
        ("bad-type.json", "{\"type\": \"voting\"}", "1:10: expected a rule type: weighted-voting, bankruptcy, airport, glove, unanimity or majority; found \"voting\""),
        ("truncated.json", "{\"values\": [1, 2, 3", "1:12: unterminated array: no closing ']'"),
        // The JSON parser is the one shared with strategic games (_JSONText): strict, so
        // duplicate keys are errors here too.
        ("duplicate.json", "{\"values\": [1], \"values\": [2]}", "1:17: duplicate key \"values\""),
    ])
    func malformedInputExits65(name: String, text: String, message: String) throws {
        let path = try fixture(name, text)
        for command in ["shapley", "banzhaf", "power", "core", "least-core", "nucleolus", "prenucleolus"] {
            let r = try runGameSolve([command, path])
            #expect(r.status == 65, "\(command) \(name): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr == "gamesolve: error: \(path):\(message)\n", "\(command) \(name)")
        }
        let info = try runGameSolve(["info", "--tu", path])
        #expect(info.status == 65 && info.stderr == "gamesolve: error: \(path):\(message)\n")
    }

    /// `--tu` says what standard input holds; strategic games on standard input need
    /// --input-format unless they start with `NFG` or `{`.
    @Test func infoReadsATUGameFromStandardInput() throws {
        // Lex order: {1},{2},{3},{1,2},{1,3},{2,3},N.
        let r = try CLI.run(["info", "--tu", "-", "--order", "lex", "--format", "json"], input: "0 0 0 90 80 70 120\n")
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "tu")
        #expect(json["n"] as? Int == 3)
        // v(12) + v(13) = 170 > v(1) + v(123) = 120: not convex; the core is the one point (50, 40, 30).
        #expect(json["convex"] as? Bool == false)
        #expect(json["coreNonEmpty"] as? Bool == true)
        let strategic = try CLI.run(["info", "-"], input: "0 0 0 90 80 70 120\n")
        #expect(strategic.status == 64)
        #expect(strategic.stderr.contains("cannot tell the format of standard input"))
        #expect(strategic.stderr.contains("use --input-format nfg|csv|json|lrs"))
        let nash = try CLI.run(["nash", "-"], input: "")
        #expect(nash.status == 64 && nash.stderr.contains("--input-format"))
    }

    @Test func infoDescribesTUGames() throws {
        let table = try runGameSolve(["info", try fixture("glove.json", #"{"players": ["L", "R1", "R2"], "values": [0, 0, 1, 0, 1, 0, 1]}"#)])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout == """
            TU game (table): 3 players
            Players: L, R1, R2
            Superadditive: yes
            Convex: no
            Monotone: yes
            Essential: yes
            Zero-normalised: yes
            Imputation set non-empty: yes
            Core non-empty: yes (least-core value 0)

            """)
        let json = try runGameSolve(["info", try fixture("talmud.json", Games.talmud), "--format", "json"])
        #expect(json.stdout.replacing(/"elapsedSeconds": [0-9.e+-]+/, with: "\"elapsedSeconds\": 0") == """
            {
              "command": "info",
              "game": {"players": ["1", "2", "3"]},
              "method": "describe-tu",
              "parameters": {},
              "stopReason": "completed",
              "kind": "tu",
              "representation": "bankruptcy",
              "costGame": false,
              "n": 3,
              "superadditive": true,
              "convex": true,
              "monotone": true,
              "essential": true,
              "zeroNormalized": true,
              "imputationsExist": true,
              "coreNonEmpty": true,
              "leastCoreValue": "-50",
              "leastCoreValueDecimal": -50.000000,
              "counters": {},
              "notes": [],
              "elapsedSeconds": 0
            }

            """)
        // A plain vector needs --tu; lex order as in the coalition commands.
        let vector = try runGameSolve(["info", "--tu", "--order", "lex", try fixture("glove-info.txt", Games.gloveLexVector)])
        #expect(vector.stdout.hasPrefix("TU game (table): 3 players\n") && vector.stdout.contains("Convex: no\n"))
        // Rules above the table limit: properties not checked, said so.
        let big = try runGameSolve(["info", try fixture("majority40.json", #"{"type": "majority", "players": 40}"#)])
        #expect(big.status == 0 && big.stdout.contains("Convex: not checked (no table above 25 players)\n"))
        // Strategic JSON games still get the strategic description.
        let strategic = try runGameSolve(["info", try fixture("pd.json", #"{"players": [{"name": "A", "strategies": 2}, {"name": "B", "strategies": 2}], "payoffs": [[[3, 3], [0, 5]], [[5, 0], [1, 1]]]}"#)])
        #expect(strategic.status == 0 && strategic.stdout.contains("Pure-strategy profiles: 4\n"))
    }
}
