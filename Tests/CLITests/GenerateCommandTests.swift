import Foundation
import Testing
import GameSolve

@Suite struct GenerateCommandTests {
    @Test func sameArgumentsSameOutputDifferentSeedDifferentGame() throws {
        let a = try runGameSolve(["generate", "random", "--size", "4", "--seed", "9"])
        let b = try runGameSolve(["generate", "random", "--size", "4", "--seed", "9"])
        let c = try runGameSolve(["generate", "random", "--size", "4", "--seed", "10"])
        #expect(a.status == 0 && a.stdout == b.stdout && a.stdout != c.stdout)
        #expect(a.stdout.hasPrefix("NFG 1 R"))
    }

    @Test(arguments: ["nfg", "json", "csv", "lrs"]) func writtenFilesReadBackExactly(format: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("game.\(format)").path
        let r = try runGameSolve(["generate", "covariance", "--size", "3", "--columns", "4", "--rho", "-0.25", "--seed", "5", "-o", path])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        let read = try #require(try GameFile.read(path: path).bimatrix)
        let expected = try BimatrixGenerators.covariance(rows: 3, columns: 4, correlation: -0.25, seed: 5)
        #expect(read.rowPayoffs.storage == expected.rowPayoffs.storage)
        #expect(read.columnPayoffs.storage == expected.columnPayoffs.storage)
    }

    @Test func correlationMinusOneIsZeroSumThroughTheCLI() throws {
        let r = try runGameSolve(["generate", "covariance", "--size", "5", "--rho", "-1", "--seed", "2", "--format", "json"])
        #expect(r.status == 0)
        let g = try #require(try GameFile.parse(Array(r.stdout.utf8), format: .json, fileName: "stdout").bimatrix)
        #expect(g.isZeroSum)
    }

    @Test func badFamiliesAndSizesAreUsageErrors() throws {
        #expect(try runGameSolve(["generate", "no-such-family", "--size", "3"]).status == 64)
        let sgc = try runGameSolve(["generate", "sandholm-gilpin-conitzer", "--size", "1"])
        #expect(sgc.status == 64 && sgc.stderr.contains("k >= 2"))
        #expect(try runGameSolve(["generate", "covariance", "--size", "3", "--rho", "2"]).status == 64)
    }

    @Test func benchRunsTheGamesOfADirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (n, seed) in [(2, 1), (2, 2), (3, 1)] {
            #expect(try runGameSolve(["generate", "zero-sum", "--size", "\(n)", "--seed", "\(seed)", "-o", dir.appendingPathComponent("z\(n)-\(seed).nfg").path]).status == 0)
        }
        let r = try runGameSolve(["bench", "--solver", "pure", "--games", dir.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["size"] as? Int } == [2, 3])
        #expect(rows.compactMap { $0["runs"] as? Int } == [2, 1])
    }
}
