import Testing
import ExactArithmetic
import StrategicGames
import GameFormats

/// The readers on hand-written inputs that exercise each feature of each format.
@Suite struct ReaderTests {
    /// Gambit's own example (e02.nfg), in both bodies, must give the same game.
    @Test func nfgPayoffAndOutcomeVersionsAgree() throws {
        let payoff = try parse("""
            NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"
            { "Player 1" "Player 2" } { 3 2 }

            1 1 0 2 0 2 1 1 0 3 2 0
            """, .nfg)
        let outcome = try parse("""
            NFG 1 R "Selten (IJGT, 75), Figure 2, normal form" { "Player 1" "Player 2" }

            {
            { "1" "2" "3" }
            { "1" "2" }
            }

            {
            { "" 1, 1 }
            { "" 0, 2 }
            { "" 0, 2 }
            { "" 1, 1 }
            { "" 0, 3 }
            { "" 2, 0 }
            }
            1 2 3 4 5 6
            """, .nfg)
        #expect(payoff == outcome)
        #expect(payoff.strategyCounts == [3, 2])
        // Player 1's strategy varies fastest: profile (s1=2, s2=0) is entry 2.
        #expect(payoff.payoff(player: 0, at: [2, 0]) == 0 && payoff.payoff(player: 1, at: [2, 0]) == 2)
        #expect(payoff.payoff(player: 1, at: [1, 1]) == 3)
    }

    @Test func nfgNullOutcomeCommentsEscapesAndExactNumbers() throws {
        let g = try parse(#"""
            NFG 1 R "A \"quoted\" title" { "Ann \\ Co" "Bob" }
            { { "Up" "Down" } { "Left" "Right" } }
            "a comment
            over two lines"
            { { "win" 1/3 .5 } { "big" 12345678901234567890 -2.5e1 } }
            1 0 0 2
            """#, .nfg)
        #expect(g.title == #"A "quoted" title"#)
        #expect(g.players[0].name == #"Ann \ Co"#)
        #expect(g.comment == "a comment\nover two lines")
        #expect(g.payoffs[0] == [Rational(1, 3), 0, 0, Rational("12345678901234567890")!])
        #expect(g.payoffs[1] == [Rational(1, 2), 0, 0, Rational(-25)])
        // The writer escapes what the reader unescapes.
        #expect(try parse(NFGFormat.write(g), .nfg) == g)
    }

    @Test func nfgDecimalsAreExact() throws {
        let g = try parse(#"NFG 1 D "" { "A" "B" } { 1 1 } 0.1 -0.000001"#, .nfg)
        #expect(g.payoffs == [[Rational(1, 10)], [Rational(-1, 1_000_000)]])
        #expect(g.profileCount == 1)
    }

    @Test func csvPairCellsQuotedOrSemicolon() throws {
        let quoted = try CSVFormat.read(Array("\"3,3\",\"0,5\"\n\"5,0\",\"1,1\"\n".utf8), fileName: "q.csv")
        let semicolon = try CSVFormat.read(Array("3;3, 0;5\r\n5;0 ,1;1\r\n\r\n".utf8), fileName: "s.csv")
        #expect(quoted.rowPayoffs == semicolon.rowPayoffs && quoted.columnPayoffs == semicolon.columnPayoffs)
        #expect(quoted.rowPayoffs.rowArrays == [[3, 0], [5, 1]])
        #expect(quoted.columnPayoffs.rowArrays == [[3, 5], [0, 1]])
        #expect(quoted.players[0].strategies == ["1", "2"])
    }

    @Test func csvZeroSumWithHeaders() throws {
        let g = try CSVFormat.read(Array(",Rock,Paper,Scissors\nRock,0,-1,1\nPaper,1,0,-1\nScissors,-1,1,0\n".utf8), fileName: "rps.csv")
        #expect(g.isZeroSum)
        #expect(g.players[0].strategies == ["Rock", "Paper", "Scissors"])
        #expect(g.players[1].strategies == ["Rock", "Paper", "Scissors"])
        #expect(g.rowPayoffs[1, 0] == 1 && g.columnPayoffs[1, 0] == -1)
    }

    @Test func csvHeaderRowOnlyAndHeaderColumnOnly() throws {
        let rowOnly = try CSVFormat.read(Array("L,R\n1/2,2\n3,0.25\n".utf8), fileName: "a.csv")
        #expect(rowOnly.players[1].strategies == ["L", "R"])
        #expect(rowOnly.players[0].strategies == ["1", "2"])
        #expect(rowOnly.rowPayoffs[0, 0] == Rational(1, 2) && rowOnly.rowPayoffs[1, 1] == Rational(1, 4))
        let columnOnly = try CSVFormat.read(Array("Up,1;0\nDown,0;1\n".utf8), fileName: "b.csv")
        #expect(columnOnly.players[0].strategies == ["Up", "Down"])
        #expect(columnOnly.columnCount == 1)
    }

    @Test func csvNumericStrategyNamesNeedTheTopLeftCell() throws {
        let g = try CSVFormat.read(Array("P \\ Q,10,20\n1,1;2,3;4\n2,5;6,7;8\n".utf8), fileName: "n.csv")
        #expect(g.players.map(\.name) == ["P", "Q"])
        #expect(g.players[1].strategies == ["10", "20"])
        #expect(g.rowPayoffs.rowArrays == [[1, 3], [5, 7]])
    }

    @Test func csvTwoFiles() throws {
        let a = Array(",L,R\nU,3,0\nD,5,1\n".utf8)
        let b = Array("3,5\n0,1\n".utf8)
        let g = try CSVFormat.read(rowFile: a, rowName: "a.csv", columnFile: b, columnName: "b.csv")
        #expect(g.rowPayoffs.rowArrays == [[3, 0], [5, 1]])
        #expect(g.columnPayoffs.rowArrays == [[3, 5], [0, 1]])
        #expect(g.players[0].strategies == ["U", "D"])
    }

    @Test func csvQuotedNamesWithSeparators() throws {
        let g = try BimatrixGame(title: "", comment: "", players: [
            Player(name: "Row, Inc.", strategies: ["a;b", "say \"hi\""]),
            Player(name: "Col", strategies: [" padded ", "x"]),
        ], rowPayoffs: Matrix([[1, 2], [3, 4]]), columnPayoffs: Matrix([[Rational(1, 3), 0], [0, -1]]))
        let back = try CSVFormat.read(Array(CSVFormat.write(g).utf8), fileName: "w.csv")
        #expect(back.players == g.players)
        #expect(back.rowPayoffs == g.rowPayoffs && back.columnPayoffs == g.columnPayoffs)
    }

    @Test func jsonSchemaNestedPayoffsAndCounts() throws {
        let g = try parse("""
            {"players": [{"name": "A", "strategies": 2}, {"strategies": ["x", "y", "z"]}],
             "payoffs": [[[1, 2], [3, 4], ["1/3", 0.1]],
                         [[5, 6], [7, 8], [-1e2, "9"]]],
             "format": "ignored extra key"}
            """, .json)
        #expect(g.players[0] == Player(name: "A", strategies: ["1", "2"]))
        #expect(g.players[1] == Player(name: "Player 2", strategies: ["x", "y", "z"]))
        #expect(g.payoff(player: 0, at: [0, 2]) == Rational(1, 3))
        #expect(g.payoff(player: 1, at: [0, 2]) == Rational(1, 10))
        #expect(g.payoff(player: 0, at: [1, 2]) == -100)
        #expect(g.payoff(player: 1, at: [1, 0]) == 6)
    }

    @Test func jsonThreePlayers() throws {
        let g = try parse("""
            {"players": [{"strategies": 2}, {"strategies": 1}, {"strategies": 2}],
             "payoffs": [[[[1,1,1],[2,2,2]]], [[[3,3,3],[4,4,4]]]]}
            """, .json)
        // payoffs[s1][s2][s3]: (1,0,0) holds 3s.
        #expect(g.payoff(player: 2, at: [1, 0, 0]) == 3)
        #expect(g.payoff(player: 0, at: [0, 0, 1]) == 2)
    }

    @Test func lrsReadsAndWrites() throws {
        let g = try LrsFormat.read(Array("2 3\n\n1 0 2\n0 3 1\n\n0 1 1/2\n2 0 1\n".utf8), fileName: "g.lrs")
        #expect(g.rowPayoffs.rowArrays == [[1, 0, 2], [0, 3, 1]])
        #expect(g.columnPayoffs[0, 2] == Rational(1, 2))
        #expect(LrsFormat.write(g) == "2 3\n\n1 0 2\n0 3 1\n\n0 1 1/2\n2 0 1\n")
    }

    @Test func formatFromExtension() {
        #expect(GameFormat(fileName: "a/b.NFG") == .nfg)
        #expect(GameFormat(fileName: "x.csv") == .csv)
        #expect(GameFormat(fileName: "x.json") == .json)
        #expect(GameFormat(fileName: "x.lrs") == .lrs)
        #expect(GameFormat(fileName: "x.txt") == nil)
        #expect(GameFormat(fileName: "dir.d/noext") == nil)
    }

    /// Seeded random games (2–4 players, random rationals, some beyond Int) round-trip exactly
    /// through every format that can hold them.
    @Test(arguments: 0..<20)
    func randomGamesRoundTrip(seed: UInt64) throws {
        var g = SplitMix64(seed: seed)
        let n = g.uniform(2...4)
        let counts = (0..<n).map { _ in g.uniform(1...4) }
        let total = counts.reduce(1, *)
        let players = counts.enumerated().map { i, c in
            Player(name: "P\(i) \"q\"", strategies: (0..<c).map { "s\($0),\(seed)" })
        }
        let payoffs = (0..<n).map { _ in (0..<total).map { _ in Rational.random(using: &g, bigChance: true) } }
        let game = try NormalFormGame(title: "seed \(seed)", comment: "line\nbreak", players: players, payoffs: payoffs)
        #expect(try parse(NFGFormat.write(game), .nfg) == game, "seed \(seed)")
        #expect(try parse(JSONGameFormat.write(game), .json) == game, "seed \(seed)")
        if let b = game.bimatrix {
            let back = try parse(CSVFormat.write(b), .csv)
            #expect(back.payoffs == game.payoffs && back.players == game.players, "seed \(seed)")
            #expect(try parse(LrsFormat.write(b), .lrs).payoffs == game.payoffs, "seed \(seed)")
        }
    }
}
