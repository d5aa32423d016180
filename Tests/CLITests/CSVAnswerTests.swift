import Foundation
import Testing

/// `--format csv` carries the headline answer of every result command (issue 18): a header row
/// naming the columns, then one row per result, with the facts that make the answer (the
/// least-core value ε*, the core verdict and the most violated coalition, the nucleolus'
/// verification, the minimax value, the correlated distribution, the game's facts).
@Suite struct CSVAnswerTests {
    /// The CSV's rows as dictionaries keyed by the header (fields without embedded commas).
    func rows(_ arguments: [String]) throws -> [[String: String]] {
        let r = try CLI.run(arguments + ["--format", "csv"])
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        func fields(_ line: Substring) -> [String] {
            var out: [String] = [], current = "", quoted = false
            for c in line {
                if c == "\"" { quoted.toggle() } else if c == "," && !quoted { out.append(current); current = "" } else { current.append(c) }
            }
            return out + [current]
        }
        let lines = r.stdout.split(separator: "\n")
        let header = try #require(lines.first.map(fields))
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
    }

    @Test func coalitionCommandsCarryTheirVerdicts() throws {
        // The glove game: the core is the single point (1, 0, 0), ε* = 0.
        let leastCore = try rows(["least-core", "Examples/glove-1-left-2-right.json"])
        #expect(leastCore.count == 3)
        #expect(leastCore.allSatisfy { $0["leastCoreValue"] == "0" && $0["nonEmpty"] == "true" && $0["verified"] == "true" })
        #expect(leastCore.map { $0["allocation"] } == ["1", "0", "0"])
        let core = try rows(["core", "Examples/glove-1-left-2-right.json"])
        #expect(core.allSatisfy { $0["nonEmpty"] == "true" && $0["leastCoreValue"] == "0" && $0["verified"] == "true" })
        // (1/2, 1/4, 1/4) is efficient but not in the core: {Lefty, Righty 1} gets 3/4 of its 1.
        let membership = try rows(["core", "Examples/glove-1-left-2-right.json", "--allocation", "1/2,1/4,1/4"])
        #expect(membership.allSatisfy { $0["inCore"] == "false" && $0["efficient"] == "true" })
        #expect(membership.allSatisfy { $0["mostViolatedCoalition"] == "Lefty;Righty 1" && $0["maxExcess"] == "1/4" })
        // Talmud estate 200: the nucleolus (50, 75, 75), verified, first level −50.
        let nucleolus = try rows(["nucleolus", "Examples/talmud-200.json"])
        #expect(nucleolus.map { $0["allocation"] } == ["50", "75", "75"])
        #expect(nucleolus.allSatisfy { $0["verified"] == "true" && $0["leastCoreValue"] == "-50" && $0["levels"] == "-50;-75" })
        // Three partners: the grand coalition (value 120) is the optimal structure.
        let partition = try CLI.run(["partition", "Examples/three-partners.json", "--format", "csv"])
        #expect(partition.stdout == "coalition,value\n\"Ann Bob Cy\",120\ntotal,120\noptimal,true\nbound,120\n", "\(partition.stdout)")
        let prenucleolus = try rows(["prenucleolus", "Examples/talmud-200.json", "--decimals", "1"])
        #expect(prenucleolus.allSatisfy { $0["verified"] == "true" && $0["leastCoreValue"] == "-50.0" })
    }

    @Test func strategicCommandsCarryTheirAnswers() throws {
        let minimax = try rows(["minimax", "Examples/matching-pennies-zero-sum.csv"])
        #expect(minimax.count == 4 && minimax.allSatisfy { $0["probability"] == "1/2" && $0["value"] == "0" })
        let correlated = try rows(["correlated", "Examples/chicken.json"])
        #expect(correlated.first?["probability"] == "9/11" && correlated.count == 3)
        let info = try rows(["info", "Examples/prisoners-dilemma.nfg"])
        #expect(info.count == 1)
        #expect(info.first?["profiles"] == "4" && info.first?["zero_sum"] == "false")
        #expect(info.first?["surviving"] == "Row: Defect;Column: Defect")
        let tu = try rows(["info", "Examples/three-partners.json"])
        #expect(tu.first?["core_non_empty"] == "true" && tu.first?["least_core_value"] == "0")
        let nash = try rows(["nash", "Examples/battle-of-the-sexes.nfg"])
        #expect(nash.count == 3 && nash[1]["Alice:Opera"] == "2/3" && nash[1]["payoff:Bob"] == "2/3")
    }
}
