import Foundation
import Testing

/// Runs the built `gamesolve` binary (next to the test bundle) and returns its stdout, stderr
/// and exit status.
func runGameSolve(_ arguments: [String]) throws -> (stdout: String, stderr: String, status: Int32) {
    let r = try CLI.run(arguments)
    return (r.stdout, r.stderr, r.status)
}

@Suite struct BenchCommandTests {
    @Test func jsonHasARowPerSizeAndTheGrowth() throws {
        let r = try runGameSolve(["bench", "--solver", "pure", "--family", "zero-sum", "--sizes", "2...4", "--seeds", "2", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["size"] as? Int } == [2, 3, 4])
        #expect(rows.allSatisfy { ($0["runs"] as? Int) == 2 })
        #expect(json["growth"] is [String: Any])
        #expect(json["interrupted"] as? Bool == false)
    }

    @Test func jsonIsTheResultEnvelopeAndCSVUsesItsNames() throws {
        let arguments = ["bench", "--solver", "pure", "--family", "zero-sum", "--sizes", "2,3", "--seeds", "2"]
        let r = try runGameSolve(arguments + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["command"] as? String == "bench" && json["method"] as? String == "pure")
        #expect(json["stopReason"] as? String == "completed" && json["elapsedSeconds"] is Double)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["sizes"] as? [Int] == [2, 3] && parameters["seeds"] as? Int == 2 && parameters["jobs"] as? Int == 1)
        // Counters are integers: 2 sizes of 2 runs, all completed.
        #expect(r.stdout.contains(#""counters": {"runs": 4, "completedRuns": 4, "sizes": 2}"#), "\(r.stdout)")
        // Times carry at most nanoseconds: no float noise like 0.00022922100000000002.
        let times = r.stdout.matches(of: /"(?:median|min|max)Seconds": ([0-9.e+-]+)/).map { String($0.output.1) }
        #expect(times.count == 6)
        #expect(times.allSatisfy { !$0.contains("e") && ($0.split(separator: ".").dropFirst().first?.count ?? 0) <= 9 }, "\(times)")
        // The CSV's columns are the JSON rows' keys (the counters spread into their own columns).
        let rows = try #require(json["rows"] as? [[String: Any]])
        let csv = try runGameSolve(arguments + ["--format", "csv"])
        let header = Set(try #require(csv.stdout.split(separator: "\n").first).split(separator: ",").map(String.init))
        let keys = Set(rows[0].keys).subtracting(["counters", "expectedPivots"])
        #expect(keys.subtracting(header).isEmpty, "JSON row keys missing from the CSV header: \(keys.subtracting(header))")
        #expect(header.subtracting(keys).subtracting(["tool", "profilesExamined"]).isEmpty, "\(header.subtracting(keys))")
    }

    @Test func tableAndCSVNameTheirColumns() throws {
        let table = try runGameSolve(["bench", "--solver", "pure", "--sizes", "2,3", "--seeds", "1"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("size") && table.stdout.contains("median") && table.stdout.contains("profilesExamined"))
        let csv = try runGameSolve(["bench", "--solver", "pure", "--sizes", "2,3", "--seeds", "1", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 3 && lines[0].hasPrefix("tool,size,shape,runs"))
        #expect(lines[1].hasPrefix("gamesolve:pure,2,2x2,1,1,"))
    }

    @Test func badArgumentsAreRejected() throws {
        #expect(try runGameSolve(["bench", "--solver", "pure", "--sizes", "4...2"]).status == 64)
        #expect(try runGameSolve(["bench", "--solver", "no-such-solver"]).status == 64)
        #expect(try runGameSolve(["bench", "--solver", "pure", "--seeds", "0"]).status == 64)
    }

    @Test func aGeneratorErrorStopsTheRunAndSaysWhy() throws {
        let r = try runGameSolve(["bench", "--solver", "pure", "--family", "sandholm-gilpin-conitzer", "--sizes", "1,2", "--seeds", "1"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("stopped: size 1:"))
    }
}
