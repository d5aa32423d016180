import Foundation
import Testing
import GameSolve

/// `gamesolve rank`, run as a user would.
@Suite struct RankCommandTests {
    static func temporary(_ text: String, _ ext: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rank-\(UUID().uuidString).\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The issue's must-show on a bimatrix CSV (battle of the sexes, m = 50, α = 1: where
    /// OpenSpiel raises "Expected 1 stationary distribution, but found 2").
    @Test func alphaRankJSONOnABimatrix() throws {
        let r = try CLI.run(["rank", "Examples/battle-of-the-sexes.csv", "--method", "alpharank",
                             "--population-size", "50", "--alpha", "1", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let pi = try #require(json["stationaryDistribution"] as? [[String: Any]])
        #expect(pi.count == 4)
        let profiles = pi.compactMap { $0["profile"] as? [Int] }
        #expect(Set(profiles.map { "\($0)" }) == ["[0, 0]", "[0, 1]", "[1, 0]", "[1, 1]"])
        let masses = pi.compactMap { ($0["mass"] as? NSNumber)?.doubleValue }
        #expect(abs(masses.reduce(0, +) - 1) < 1e-12)
        #expect(masses == masses.sorted(by: >))
        #expect(json["ranking"] is [Any])
    }

    /// A symmetric game with --single-population, and a one-number-per-cell evaluation matrix
    /// (one population by default): rock–paper–scissors is uniform either way.
    @Test func singlePopulationForms() throws {
        let symmetric = try CLI.run(["rank", "Examples/rock-paper-scissors.nfg", "--single-population",
                                     "--population-size", "50", "--alpha", "1", "--format", "json"])
        #expect(symmetric.status == 0, "\(symmetric.stderr)")
        #expect(symmetric.stdout.contains(#""profile": [0]"#) && symmetric.stdout.contains(#""singlePopulation": true"#))
        let path = try Self.temporary("0,-1,1\n1,0,-1\n-1,1,0\n", "csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let matrix = try CLI.run(["rank", path, "--alpha", "5", "--format", "csv"])
        #expect(matrix.status == 0, "\(matrix.stderr)")
        let rows = matrix.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 3)
        for row in rows { #expect(abs(Double(row.split(separator: ",")[1])! - 1.0 / 3) < 1e-12) }
    }

    /// The issue's must-show: `--method nash-averaging --format json` prints "maxEntropyNash"
    /// and the skills; a game with several equilibria is refused with exit status 1.
    @Test func nashAveragingJSON() throws {
        let path = try Self.temporary("0.5,0,1,0.7\n1,0.5,0,0.7\n0,1,0.5,0.7\n0.3,0.3,0.3,0.5\n", "csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["rank", path, "--method", "nash-averaging", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["maxEntropyNash"] as? [String] == ["1/3", "1/3", "1/3", "0"])
        #expect(json["skills"] as? [String] == ["0", "0", "0", "-1/5"])
        #expect(json["method"] as? String == "nash-averaging")
        let copies = try Self.temporary("0,-1,1,1\n1,0,-1,-1\n-1,1,0,0\n-1,1,0,0\n", "csv")
        defer { try? FileManager.default.removeItem(atPath: copies) }
        let refused = try CLI.run(["rank", copies, "--method", "nash-averaging"])
        #expect(refused.status == 1 && refused.stderr.contains("not certified unique"))
    }

    @Test func errors() throws {
        let asymmetric = try CLI.run(["rank", "Examples/battle-of-the-sexes.nfg", "--single-population"])
        #expect(asymmetric.status == 1 && asymmetric.stderr.contains("symmetric"))
        let badAlpha = try CLI.run(["rank", "Examples/battle-of-the-sexes.nfg", "--alpha", "-2"])
        #expect(badAlpha.status == 64)
        let path = try Self.temporary("1,2,3\n4,5,6\n", "csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let notSquare = try CLI.run(["rank", path])
        #expect(notSquare.status == 1 && notSquare.stderr.contains("square"))
        let tooBig = try CLI.run(["rank", "Examples/rock-paper-scissors.nfg", "--solver", "sparse", "--max-transitions", "5"])
        #expect(tooBig.status == 1 && tooBig.stderr.contains("--max-transitions"))
    }
}
