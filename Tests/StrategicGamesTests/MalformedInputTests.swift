import Testing
import ExactArithmetic
import StrategicGames
import GameFormats

/// Every malformed input gets its own clear message with the line and column of the problem.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let format: GameFormat
        let text: String
        let message: String
        let line: Int
        let column: Int
        var testDescription: String { "\(format.rawValue): \(message)" }
    }

    static let header = "NFG 1 R \"t\" { \"A\" \"B\" } { 2 2 }\n"

    static let cases: [Case] = [
        // Gambit .nfg
        Case(format: .nfg, text: "", message: "expected 'NFG' at the start of a Gambit strategic game file, found end of file", line: 1, column: 1),
        Case(format: .nfg, text: "EFG 2 R \"x\"", message: "expected 'NFG' at the start of a Gambit strategic game file, found 'EFG'", line: 1, column: 1),
        Case(format: .nfg, text: "NFG 2 R \"x\"", message: "expected version number 1 after 'NFG', found '2'", line: 1, column: 5),
        Case(format: .nfg, text: "NFG 1 Q \"x\"", message: "expected 'R' (or 'D') after the version number, found 'Q'", line: 1, column: 7),
        Case(format: .nfg, text: "NFG 1 R title", message: "expected the game's title as a quoted string, found 'title'", line: 1, column: 9),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B }\n{ 2 2 }\n", message: "unterminated string: no closing '\"' before the end of the file", line: 1, column: 19),
        Case(format: .nfg, text: "NFG 1 R \"t\" \"A\" \"B\" }", message: "expected '{' to open the list of player names, found \"A\"", line: 1, column: 13),
        Case(format: .nfg, text: "NFG 1 R \"t\" { A }", message: "expected a player name in quotes or '}', found 'A'", line: 1, column: 15),
        Case(format: .nfg, text: "NFG 1 R \"t\" { } { }", message: "a game needs at least one player: the player list is empty", line: 1, column: 13),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" }\n{ 2 0 }\n", message: "strategy count must be positive, found 0", line: 2, column: 5),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" }\n{ 2 x }\n", message: "expected a strategy count (a positive integer) or '}', found 'x'", line: 2, column: 5),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" }\n{ 2 2 2 }\n", message: "expected 2 strategy lists (one per player), found 3", line: 2, column: 1),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" }\n{ { \"a\" } { } }\n", message: "strategy count must be positive: player 2 has an empty strategy list", line: 2, column: 11),
        Case(format: .nfg, text: header + "1 2 3 4 5 6 7\n\n", message: "expected 8 payoffs, found 7", line: 2, column: 14),
        Case(format: .nfg, text: header + "1 2 3 4\n5 6 7 8 9", message: "expected 8 payoffs, found 9", line: 3, column: 9),
        Case(format: .nfg, text: header + "1 2 3 four 5 6 7 8", message: "expected a payoff (an integer, decimal or fraction p/q), found 'four'", line: 2, column: 7),
        Case(format: .nfg, text: header + "1 2 3 4/0 5 6 7 8", message: "division by zero in a payoff '4/0'", line: 2, column: 7),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" } { { \"a\" \"b\" } { \"c\" } }\n{ { \"o\" 1, 2 } { \"p\" 3 } }\n1 2", message: "expected 2 payoffs in outcome 2 (one per player), found 1", line: 2, column: 16),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" } { 2 1 }\n{ { \"o\" 1 2 } }\n1 3", message: "outcome 3 does not exist: the file defines 1 outcome", line: 3, column: 3),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" } { 2 1 }\n{ { \"o\" 1 2 } }\n1", message: "expected 2 outcome numbers (one per strategy profile), found 1", line: 3, column: 2),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" } { 2 1 }\n{ { \"o\" 1 2 } }\n1 -1", message: "expected an outcome number (a non-negative integer), found '-1'", line: 3, column: 3),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" } { 2 1 }\n{ { \"o\" 1 2 3 } }\n1 1", message: "expected 2 payoffs in outcome 1 (one per player), found more", line: 2, column: 13),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" } { 2 1 }\n{ { \"o\" 1 2 }\n", message: "expected '{' to open outcome 2 or '}' to close the outcome list, found end of file", line: 3, column: 1),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" } { 2 1 }\n{ { 1 2 } }\n1 1", message: "expected outcome 1's name in quotes, found '1'", line: 2, column: 5),
        Case(format: .nfg, text: "NFG 1 R \"t\" { \"A\" \"B\" } { 40000 50000 }\n1 2\n", message: "expected 4000000000 payoffs, found 2", line: 2, column: 4),
        // CSV
        Case(format: .csv, text: "", message: "expected a matrix of payoffs, found an empty file", line: 1, column: 1),
        Case(format: .csv, text: "1;2,3;4\n5;6\n", message: "row 2 of the matrix has 1 payoff cell, expected 2 like the first row", line: 2, column: 1),
        Case(format: .csv, text: "1;2,3;4\n5;6,x;8\n", message: "expected two payoffs 'a;b' (integers, decimals or fractions p/q), found 'x;8'", line: 2, column: 5),
        Case(format: .csv, text: "1;2,3;4\n5;6,7\n", message: "expected a payoff pair 'a;b' or \"a,b\" like the first cell, found '7'", line: 2, column: 5),
        Case(format: .csv, text: "1,2\n3,4;5\n", message: "expected one payoff per cell like the first cell, found the pair '4;5'", line: 2, column: 3),
        Case(format: .csv, text: "1,2\n3,\n", message: "expected a payoff, found an empty cell", line: 2, column: 3),
        Case(format: .csv, text: "\"1,2\",\"3,4\n", message: "unterminated quoted field: no closing '\"' before the end of the file", line: 1, column: 7),
        Case(format: .csv, text: "\"1,2\"x,3;4\n", message: "expected ',' or the end of the line after a quoted field, found 'x'", line: 1, column: 6),
        Case(format: .csv, text: ",L,R\nU,1,2\nD,3,1/0\n", message: "division by zero in payoff '1/0'", line: 3, column: 5),
        Case(format: .csv, text: ",L,R,S\nU,1,2\n", message: "the header row has 4 cells, expected 3 like the rows of payoffs", line: 1, column: 1),
        Case(format: .csv, text: ",L,R\n", message: "expected rows of payoffs after the header row, found none", line: 1, column: 1),
        // JSON
        Case(format: .json, text: "", message: "expected a JSON value, found an empty file", line: 1, column: 1),
        Case(format: .json, text: "[1, 2]", message: "expected a JSON object with \"players\" and \"payoffs\", found an array", line: 1, column: 1),
        Case(format: .json, text: "{\"players\": [}", message: "expected a JSON value (object, array, string, number, true, false or null), found '}'", line: 1, column: 14),
        Case(format: .json, text: "{\n  \"players\": [\n    {\"strategies\": 2}\n  ]\n  \"payoffs\": []\n}", message: "expected ',' or '}' in an object, found '\"'", line: 5, column: 3),
        Case(format: .json, text: "{\"title\": \"abc", message: "unterminated string: no closing '\"' before the end of the file", line: 1, column: 11),
        Case(format: .json, text: "{\"payoffs\": []}", message: "expected the key \"players\" (an array of {\"name\", \"strategies\"})", line: 1, column: 1),
        Case(format: .json, text: "{\"players\": [{\"strategies\": 0}], \"payoffs\": []}", message: "strategy count must be positive, found 0", line: 1, column: 29),
        Case(format: .json, text: "{\"players\": [{\"strategies\": 2}, {\"strategies\": 1}],\n \"payoffs\": [[[1, 2]]]}", message: "expected 2 entries in \"payoffs\", one per strategy of Player 1, found 1", line: 2, column: 13),
        Case(format: .json, text: "{\"players\": [{\"strategies\": 1}, {\"strategies\": 1}],\n \"payoffs\": [[[1, 2, 3]]]}", message: "expected 2 payoffs (one per player) at payoffs[0][0], found 3", line: 2, column: 15),
        Case(format: .json, text: "{\"players\": [{\"strategies\": 1}, {\"strategies\": 1}],\n \"payoffs\": [[[1, true]]]}", message: "expected a payoff (a number or a string like \"1/3\"), found a boolean", line: 2, column: 19),
        Case(format: .json, text: "{\"players\": [{\"strategies\": 1}, {\"strategies\": 1}],\n \"payoffs\": [[[1, \"1/x\"]]]}", message: "expected a payoff (an integer, decimal or fraction p/q), found \"1/x\"", line: 2, column: 19),
        Case(format: .json, text: "{\"players\": [], \"payoffs\": []}", message: "a game needs at least one player: \"players\" is empty", line: 1, column: 13),
        Case(format: .json, text: "{\"title\": 1}", message: "expected \"title\" to be a string, found a number", line: 1, column: 11),
        Case(format: .json, text: "{\"a\": 1, \"a\": 2}", message: "duplicate key \"a\"", line: 1, column: 10),
        Case(format: .json, text: "{\"a\": \"\\q\"}", message: "invalid escape '\\q' in a string", line: 1, column: 8),
        Case(format: .json, text: "{\"a\": -}", message: "expected digits in a number, found '}'", line: 1, column: 7),
        Case(format: .json, text: "{} x", message: "expected the end of the file after the JSON value, found 'x'", line: 1, column: 4),
        Case(format: .json, text: "{\"players\": [{\"strategies\": 40000}, {\"strategies\": 50000}], \"payoffs\": [[1, 2]]}", message: "expected 40000 entries in \"payoffs\", one per strategy of Player 1, found 1", line: 1, column: 72),
        // lrs
        Case(format: .lrs, text: "", message: "expected the number of row strategies m (a positive integer), found end of file", line: 1, column: 1),
        Case(format: .lrs, text: "0 2\n", message: "strategy count must be positive: the number of row strategies m is 0", line: 1, column: 1),
        Case(format: .lrs, text: "2 x\n", message: "expected the number of column strategies n (a positive integer), found 'x'", line: 1, column: 3),
        Case(format: .lrs, text: "2 2\n\n1 2\n3 4\n\n5 6\n7\n", message: "expected 4 entries of the 2x2 matrix B, found 3", line: 7, column: 2),
        Case(format: .lrs, text: "1 2\n\n1 2\n\n3 z\n", message: "expected an entry of B (an integer or fraction p/q), found 'z'", line: 5, column: 3),
        Case(format: .lrs, text: "1 1\n1\n2\n3\n", message: "expected the end of the file after the 1x1 matrices A and B, found '3'", line: 4, column: 1),
        Case(format: .lrs, text: "40000 50000\n1 2\n", message: "expected 2000000000 entries of the 40000x50000 matrix A, found 2", line: 2, column: 4),
    ]

    @Test(arguments: cases)
    func reportsLineAndColumn(_ c: Case) {
        do {
            let game = try parse(c.text, c.format, name: "bad.\(c.format.rawValue)")
            Issue.record("expected an error, read \(game)")
        } catch {
            #expect(error.message == c.message)
            #expect(error.line == c.line, "line")
            #expect(error.column == c.column, "column")
            #expect(error.file == "bad.\(c.format.rawValue)")
            #expect(error.description == "bad.\(c.format.rawValue):\(c.line):\(c.column): \(c.message)")
        }
    }

    @Test func messagesAreDistinct() {
        #expect(Set(Self.cases.map(\.message)).count >= 40)
    }

    /// Seeded random corruptions of valid files never crash: they either read or throw a
    /// ``GameFormatError`` with a position inside the file.
    @Test(arguments: [GameFormat.nfg, .json, .csv, .lrs])
    func randomCorruptionsNeverCrash(format: GameFormat) throws {
        let game = try BimatrixGame(rowPayoffs: [[1, Rational(1, 3)], [-2, 0]], columnPayoffs: [[0, 5], [Rational(7, 2), 1]]).normalForm
        let valid = Array(try GameFile.text(game, format: format).utf8)
        let alphabet = Array("{}\",;:/.-+e0123456789 \n\\[]xQ".utf8)
        for seed in 0..<200 as Range<UInt64> {
            var g = SplitMix64(seed: seed)
            var bytes = valid
            for _ in 0...g.uniform(0...3) {
                guard !bytes.isEmpty else { break }
                let at = g.uniform(0...(bytes.count - 1))
                switch g.uniform(0...2) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet[g.uniform(0...(alphabet.count - 1))], at: at)
                default: bytes[at] = alphabet[g.uniform(0...(alphabet.count - 1))]
                }
            }
            do {
                _ = try GameFile.parse(bytes, format: format, fileName: "fuzz")
            } catch {
                #expect(error.line >= 1 && error.column >= 1, "seed \(seed)")
                #expect(!error.message.isEmpty, "seed \(seed)")
            }
        }
    }
}
