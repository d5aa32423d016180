import Foundation
import Testing

/// `gamesolve partition`, run as a user runs it.
@Suite struct PartitionCommandTests {
    private func write(_ name: String, _ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-partition-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The four-agent example of ODP-IP's README (trahwan/ODP-IP): optimum {a1}, {a2}, {a3, a4}, worth 150.
    static let odpipExample = #"{"players": ["a1","a2","a3","a4"], "values": [30,40,50,25,60,55,90,45,80,70,120,80,100,115,140]}"#

    @Test(arguments: ["idp", "ip"]) func jsonHasExactValueAndNamedCoalitions(method: String) throws {
        let path = try write("odpip.json", Self.odpipExample)
        let run = try CLI.run(["partition", path, "--format", "json", "--method", method])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try json(run.stdout)
        #expect(o["command"] as? String == "partition")
        #expect(o["method"] as? String == method)
        #expect(o["stopReason"] as? String == "completed")
        #expect(o["value"] as? String == "150")
        let coalitions = try #require(o["coalitions"] as? [[String]])
        #expect(coalitions == [["a1"], ["a2"], ["a3", "a4"]])
        // Each player exactly once, and the value is the sum of the coalitions' values.
        #expect(coalitions.flatMap { $0 }.sorted() == ["a1", "a2", "a3", "a4"])
        let values = try #require(o["coalitionValues"] as? [String])
        #expect(values.compactMap { Int($0) }.reduce(0, +) == 150)
        #expect(o["counters"] is [String: Int])
    }

    @Test func timeoutPrintsTheBestStructureWithABoundAndExits75() throws {
        // 18 players of random integers: the debug build cannot finish within 0.2 s.
        var rng = SystemLikeRNG(seed: 4)
        let n = 18
        var text = ""
        for _ in 1..<(1 << n) { text += "\(rng.next() % 1000)\n" }
        let path = try write("random18.txt", text)
        let run = try CLI.run(["partition", path, "--format", "json", "--timeout", "0.2", "--method", "idp"])
        #expect(run.status == 75, "\(run.stderr)")
        let o = try json(run.stdout)
        #expect(o["stopReason"] as? String == "timeout")
        #expect(o["complete"] as? Bool == false)
        let coalitions = try #require(o["coalitions"] as? [[String]])
        #expect(coalitions.flatMap { $0 }.count == n && Set(coalitions.flatMap { $0 }).count == n)
        let value = try #require(Double(o["value"] as? String ?? ""))
        let bound = try #require(Double(o["bound"] as? String ?? ""))
        #expect(value <= bound)
    }

    @Test func allocationsAndTheCoalitionStructureCore() throws {
        // Three-player majority: the optimum is 1 ({N} or a pair), and no structure's CS-core is non-empty.
        let path = try write("majority.json", #"{"type": "majority", "players": 3, "quota": 2}"#)
        let run = try CLI.run(["partition", path, "--format", "json", "--allocations"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try json(run.stdout)
        #expect(o["value"] as? String == "1")
        #expect(o["inCoalitionStructureCore"] as? Bool == false)
        // Ties: {N} and the pairs are all worth 1; the Aumann–Drèze value gives each coalition its worth.
        let ad = try #require(o["aumannDreze"] as? [String])
        let coalitions = try #require(o["coalitionIndices"] as? [[Int]])
        let values = try #require(o["coalitionValues"] as? [String])
        for (c, v) in zip(coalitions, values) {
            let share = c.map { ad[$0] }
            if c.count == 3 { #expect(share == ["1/3", "1/3", "1/3"] && v == "1") }
            if c.count == 2 { #expect(share == ["1/2", "1/2"] && v == "1") }
            if c.count == 1 { #expect(share == ["0"] && v == "0") }
        }
    }

    @Test func badArgumentsExit64() throws {
        let path = try write("odpip.json", Self.odpipExample)
        #expect(try CLI.run(["partition", path, "--timeout", "0"]).status == 64)
        #expect(try CLI.run(["partition", path, "--method", "magic"]).status == 64)
        #expect(try CLI.run(["partition", path, "--jobs", "0"]).status == 64)
    }

    @Test func malformedFilesExit65() throws {
        let path = try write("bad.json", #"{"players": 2, "values": [1, 2, "x"]}"#)
        let run = try CLI.run(["partition", path])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("gamesolve: error: "))
    }
}

/// A tiny xorshift stream for test data (the test target does not import the library here).
struct SystemLikeRNG {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
}
