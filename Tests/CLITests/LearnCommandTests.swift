import Foundation
import Testing
import GameSolve

/// `gamesolve learn`, run as a user would.
@Suite struct LearnCommandTests {
    /// A seeded zero-sum game written to a temporary CSV file.
    static func zeroSumFile(seed: UInt64) throws -> (path: String, game: NormalFormGame) {
        let game = try BimatrixGenerators.zeroSum(rows: 6, columns: 5, payoffs: .integers(-9...9), seed: seed)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("learn-\(UUID().uuidString).csv").path
        try CSVFormat.write(game).write(toFile: path, atomically: true, encoding: .utf8)
        return (path, game.normalForm)
    }

    /// The must-show: RM+ for 10000 iterations; the average's exploitability, recomputed
    /// exactly from its printed strategies, equals the reported one and is below 1e-2 of the range.
    @Test(arguments: [UInt64(11), 12])
    func regretMatchingPlusJSONIsReproducibleFromThePrintedStrategies(seed: UInt64) throws {
        let (path, game) = try Self.zeroSumFile(seed: seed)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["learn", path, "--dynamics", "regret-matching-plus", "--iterations", "10000", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["command"] as? String == "learn")
        let average = try #require(json["average"] as? [[String]])
        let profile = average.map { s in MixedStrategy(unchecked: s.map { Rational($0) ?? -1 }) }
        #expect(profile.allSatisfy { $0.isProbabilityVector })
        let text = try #require(json["exploitability"] as? String)
        let reported = try #require(Rational(text))
        #expect(game.nashConv(profile) == reported)
        #expect(reported < Rational(18, 100))   // payoff range 18: below 1e-2 of it
        #expect(json["last"] is [[String]])
        #expect((json["trajectory"] as? [Any])?.count == 1)
    }

    @Test func tableCSVAndErrors() throws {
        let table = try CLI.run(["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "fictitious-play", "--iterations", "300"])
        #expect(table.status == 0 && table.stdout.contains("Time-average:") && table.stdout.contains("Exploitability (NashConv)"))
        let csv = try CLI.run(["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "regret-matching",
                               "--iterations", "100", "--trace-every", "10", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines[0].hasPrefix("iteration,exploitability,exploitabilityDecimal"))
        let badInitial = try CLI.run(["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "hedge", "--initial", "1,x"])
        #expect(badInitial.status == 64)
        let wrongSize = try CLI.run(["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "hedge", "--initial", "1,0"])
        #expect(wrongSize.status == 1 && wrongSize.stderr.hasPrefix("gamesolve: error: bad initial strategies"))
        let notSymmetric = try CLI.run(["learn", "Examples/battle-of-the-sexes.nfg", "--dynamics", "replicator", "--single-population"])
        #expect(notSymmetric.status == 1)
    }
}
