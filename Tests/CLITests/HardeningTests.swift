import Foundation
import Testing

/// Issue 17's adversarial inputs: each gets its correct answer or one located error line with
/// exit status 65 (64 for a size beyond a stated limit), and nothing on standard output.
@Suite struct HardeningTests {
    /// Found by scripts/fuzz-leaks.sh: payoffs of 10^±9681 (then within the ±9999 exponent limit, now ±999; the
    /// test uses 10^±968, also beyond doubles, to stay fast)
    /// aborted GLPK (a row scaled to integers had an infinite double; a coefficient with a zero
    /// double broke its scaling) and trapped the vertex enumeration's Hadamard bound (an infinite
    /// sum of squares). Now the LP commands and enumerate answer exactly, and an LP whose
    /// coefficients GLPK cannot represent is one short error line, the number abbreviated.
    @Test func payoffsBeyondTheDoubleRange() throws {
        let tiny = ".4,5.6,-54E-0968\n", huge = ".4,5.6,54E0968\n"   // 10^±968: beyond doubles
        for command in [["minimax"], ["correlated"], ["nash"], ["nash", "--method", "lemke-howson"], ["nash", "--method", "support-enumeration"]] {
            let r = try CLI.run(command + ["-", "--input-format", "csv", "--format", "json"], input: tiny)
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(r.stdout.contains("27/5000000000"), "\(command)")      // the exact value -27/(5·10^968)
        }
        let info = try CLI.run(["info", "-", "--input-format", "csv"], input: tiny)
        #expect(info.status == 1 && info.stdout.isEmpty)
        #expect(info.stderr.contains("(≈ 5.4e-967) is too small for GLPK"))
        let big = try CLI.run(["info", "-", "--input-format", "csv"], input: huge)
        #expect(big.status == 1 && big.stdout.isEmpty)
        #expect(big.stderr.contains("(≈ -5.4e969) is too large for GLPK") && big.stderr.count < 300)
        let nash = try CLI.run(["nash", "-", "--input-format", "csv"], input: huge)
        #expect(nash.status == 0, "\(nash.stderr)")
    }

    /// Valid games with huge values are computed exactly, not trapped.
    @Test func hugeTUValuesAreExact() throws {
        let info = try CLI.run(["info", "--tu", "-"], input: #"{"players": 3, "values": [4e18, 4e18, 4e18, 4e18, 4e18, 4e18, 4e18]}"#)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("Essential: no"))
        #expect(info.stdout.contains("least-core value 8000000000000000000/3"))

        let power = try CLI.run(["power", "-", "--format", "csv"], input: #"{"type": "weighted-voting", "quota": 6e18, "weights": [5e18, 5e18, 5e18]}"#)
        #expect(power.status == 0, "\(power.stderr)")
        let small = try CLI.run(["power", "-", "--format", "csv"], input: #"{"type": "weighted-voting", "quota": 6, "weights": [5, 5, 5]}"#)
        #expect(power.stdout == small.stdout)
        #expect(power.stdout.contains("1/3"))
    }

    /// Sizes beyond the stated limits: exit 64, the limit and the size asked for in one line.
    @Test(arguments: [
        #"{"type": "glove", "left": 9223372036854775807, "right": 1}"#,
        #"{"type": "glove", "left": 100000000000000, "right": 1}"#,
        #"{"type": "majority", "players": 100000000000}"#,
    ])
    func ruleSizesBeyondTheLimit(game: String) throws {
        for command in ["shapley", "banzhaf", "info"] {
            let args = command == "info" ? ["info", "--tu", "-"] : [command, "-"]
            let r = try CLI.run(args, input: game)
            #expect(r.status == 64, "\(command): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("gamesolve: error: <stdin>:1:1: "))
            #expect(r.stderr.contains("limit of 100000 players"))
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
    }

    /// CSV cells shaped like payoffs are never read as strategy names.
    @Test(arguments: [
        ("1e99999999999;2,3;4\n5;6,7;8\n", "<stdin>:1:1: number out of range"),
        ("1e9444,1e9444\n", "<stdin>:1:1: number out of range in '1e9444': exponents are limited to ±999"),
        ("1;2;3,4;5\n6;7,8;9\n", "<stdin>:1:1: expected two payoffs 'a;b' in a cell of a two-player game, found 3"),
        ("1;2,3;x\n5;6,7;8\n", "<stdin>:1:5: expected two payoffs"),
        ("1,2\nx,3\n", "<stdin>:2:1: expected a payoff"),
        ("A,2\n1,2\n3,4\n", "<stdin>:1:1: expected a payoff"),
    ])
    func csvMisreadsAreErrors(text: String, message: String) throws {
        let r = try CLI.run(["nash", "-", "--input-format", "csv"], input: text)
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("gamesolve: error: \(message)"), "\(r.stderr)")
    }

    /// Headers that are wholly names are still read.
    @Test func csvHeadersStillRead() throws {
        let r = try CLI.run(["nash", "-", "--input-format", "csv", "--format", "csv"], input: "Row \\ Column,L,R\nU,1;1,0;0\nD,0;0,2;2\n")
        #expect(r.status == 0, "\(r.stderr)")
        let names = try CLI.run(["info", "-", "--input-format", "csv"], input: ",L,R\nU,1;1,0;0\nD,0;0,2;2\n")
        #expect(names.status == 0)
        #expect(names.stdout.contains("U") && names.stdout.contains("R"))
    }

    /// RFC 8259: no leading zeros, no trailing commas, UTF-8 only, bounded nesting.
    @Test(arguments: [
        (#"{"players": 2, "values": [1, 2, 03]}"#, "leading zero"),
        (#"{"players": 2, "values": [1, 2, 3,]}"#, "expected a JSON value"),
        (#"{"players": 2, "values": [1, 2, 3],}"#, "expected a key"),
        (#"{"players": 2, "values": [1, 2, 1e99999]}"#, "found '1e99999'"),
        (#"{"players": 2, "values": "# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}", "nested more than 512"),
    ])
    func jsonFollowsRFC8259(text: String, message: String) throws {
        let r = try CLI.run(["shapley", "-"], input: text)
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    /// The strategic JSON reader too; standard input starting with `{` is sniffed as JSON.
    @Test(arguments: [("01", "leading zero"), ("[1, 2,]", "expected a JSON value"), ("{\"a\": 1,}", "expected a key")])
    func strategicJSON(text: String, message: String) throws {
        let r = try CLI.run(["nash", "-", "--input-format", "json"], input: text)
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func standardInputIsSniffed() throws {
        let nfg = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Examples/prisoners-dilemma.nfg"), encoding: .utf8)
        let r = try CLI.run(["nash", "-"], input: nfg)
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try CLI.run(["nash", "-"], input: "1;1,0;0\n0;0,1;1\n")
        #expect(csv.status == 64)
        #expect(csv.stderr.contains("--input-format"))
    }

    @Test func jsonRejectsInvalidUTF8() throws {
        var bytes = Array(#"{"players": ["a"#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#""], "values": [1]}"#.utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-bad-utf8-\(UUID().uuidString).json").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["shapley", path])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("not UTF-8"), "\(r.stderr)")
    }

    /// An object with many keys (the duplicate-key check switches to a set past 16 keys): the
    /// duplicate is still found, with its position.
    @Test func manyKeysAndALateDuplicate() throws {
        let keys = (0..<50_000).map { "\"k\($0)\": 0" }.joined(separator: ", ")
        let ok = try CLI.run(["shapley", "-"], input: "{\(keys), \"players\": 1, \"values\": [1]}")
        #expect(ok.status == 0, "\(ok.stderr)")
        let dup = try CLI.run(["shapley", "-"], input: "{\(keys), \"k17\": 1, \"players\": 1, \"values\": [1]}")
        #expect(dup.status == 65)
        #expect(dup.stderr.contains("duplicate key \"k17\""))
    }
}
