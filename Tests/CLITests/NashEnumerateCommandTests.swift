import Foundation
import Testing

/// `gamesolve nash --method enumerate` (the default for two players): every extreme equilibrium,
/// components in the output, lrsnash-style blocks with `--format lrs`.
@Suite struct NashEnumerateCommandTests {
    /// von Stengel's degenerate 3x2 example in Gambit's payoff format.
    static func writeExample() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-vs3x2-\(UUID().uuidString).nfg")
        try "NFG 1 R \"von Stengel 3x2 degenerate\" { \"1\" \"2\" } { 3 2 }\n\n3 3 2 2 0 3 3 3 5 6 6 1\n"
            .write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Exponential work states its size first: a 30x30 game gets the upper-bound-theorem note
    /// (here with --timeout bounding the run, so no hint about bounding it), a 3x2 none.
    @Test func largeGamesGetAVertexBoundNote() throws {
        let generated = try CLI.run(["generate", "random", "--size", "30", "--seed", "1"])
        #expect(generated.status == 0, "\(generated.stderr)")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-r30-\(UUID().uuidString).nfg")
        try generated.stdout.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try runGameSolve(["nash", url.path, "--timeout", "0.2"])
        #expect([0, 75].contains(r.status), "\(r.stderr)")
        // C(45, 15) + C(44, 14) = 459,823,234,112.
        #expect(r.stderr.contains("extreme-equilibrium enumeration of a 30x30 game: up to 4.6e11 vertices"))
        #expect(r.stderr.contains("upper bound theorem"))
        #expect(!r.stderr.contains("nothing bounds this run"))
        let small = try Self.writeExample()
        defer { try? FileManager.default.removeItem(at: small) }
        let s = try runGameSolve(["nash", small.path])
        #expect(!s.stderr.contains("upper bound theorem"))
    }

    @Test func lrsFormatMatchesLrsnashBlocks() throws {
        let url = try Self.writeExample()
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try runGameSolve(["nash", url.path, "--format", "lrs"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
        2  1  0  3 
        2  2/3  1/3  3 
        1  1  0  0  3 

        2  1/3  2/3  4 
        1  0  1/3  2/3  8/3 

        *Number of equilibria found: 3

        """)
        #expect(r.stderr.contains("segment of equilibria"))
    }

    /// The table names each equilibrium's vertices, then its component and Nash subsets, in that
    /// order, and lists the segment {1, 2} as one component.
    @Test func tableShowsVerticesThenComponents() throws {
        let url = try Self.writeExample()
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try runGameSolve(["nash", url.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("#") })
        #expect(header.split(separator: " ").map(String.init) == ["#", "1", "2", "payoffs", "rowVertex", "columnVertex", "component", "nashSubsets"])
        let rows = lines.filter { $0.first?.isNumber == true && $0.contains("  ") }
        #expect(rows.map { $0.split(separator: " ").suffix(4).joined(separator: " ") } == ["x1 y1 1 1", "x1 y2 1 1", "x2 y3 2 2"])
        #expect(r.stdout.contains("  1: {1, 2}\n  2: {3}\n"))
    }

    @Test func jsonHasComponentsAndCounters() throws {
        let url = try Self.writeExample()
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try runGameSolve(["nash", url.path, "--method", "enumerate", "--jobs", "2", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let components = try #require(json["components"] as? [[Int]])
        #expect(components.map(\.count).sorted() == [1, 2])
        #expect(r.stdout.contains("verticesVisited") && r.stdout.contains("pivots"))
    }

    @Test func maxEquilibriaStopsEarly() throws {
        let url = try Self.writeExample()
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try runGameSolve(["nash", url.path, "--max-equilibria", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 equilibrium") || r.stdout.contains("1 equilibria"))
    }
}
