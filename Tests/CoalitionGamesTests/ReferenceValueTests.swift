import Testing
import GameSolve

@Suite("Published TU and voting values")
struct ReferenceValueTests {
    nonisolated(unsafe) static let tuGames: [[String: Any]] = (try? fixture("tu-reference.json"))?["games"] as? [[String: Any]] ?? []
    nonisolated(unsafe) static let votingGames: [[String: Any]] = (try? fixture("voting-reference.json"))?["games"] as? [[String: Any]] ?? []

    @Test func fixturesLoaded() {
        #expect(Self.tuGames.count == 18)
        #expect(Self.votingGames.count == 8)
    }

    @Test(arguments: 0..<18)
    func tuGame(_ index: Int) throws {
        let entry = Self.tuGames[index]
        let name = entry["name"] as! String
        let g = try game(from: entry)
        let expected = entry["expected"] as! [String: Any]
        if let s = expected["shapley"] as? [Any] {
            #expect(g.shapleyValue() == s.map(rational), "\(name) shapley")
        }
        if let nu = expected["nucleolus"] as? [Any] {
            let r = try SequentialNucleolus.nucleolus(g)
            #expect(r.allocation == nu.map(rational), "\(name) nucleolus")
            #expect(r.verified, "\(name) nucleolus verified: \(r.certificate.failure ?? "")")
        }
        if let pre = expected["prenucleolus"] as? [Any] {
            let r = try SequentialNucleolus.prenucleolus(g)
            #expect(r.allocation == pre.map(rational), "\(name) prenucleolus")
            #expect(r.verified, "\(name) prenucleolus verified: \(r.certificate.failure ?? "")")
        }
        if let lc = expected["leastCoreValue"] {
            let l = try g.leastCore()
            #expect(l.value == rational(lc), "\(name) least core")
            #expect(l.verified)
        }
        if let ne = expected["coreNonEmpty"] as? Bool {
            #expect(try g.leastCore().coreNonEmpty == ne, "\(name) core non-empty")
        }
        if let empty = expected["imputationSetEmpty"] as? Bool, empty {
            #expect(!g.hasImputations)
            #expect(throws: CoreSolutionError.self) { try SequentialNucleolus.nucleolus(g) }
            #expect(try SequentialNucleolus.prenucleolus(g).verified)
        }
    }

    @Test(arguments: 0..<8)
    func votingGame(_ index: Int) throws {
        let entry = Self.votingGames[index]
        let rule = CoalitionRule.weightedVoting(quota: rational(entry["quota"]!), weights: (entry["weights"] as! [Any]).map(rational))
        let p = try rule.votingPower()
        let e = entry["expected"] as! [String: Any]
        #expect(p.shapleyShubik == (e["shapleyShubik"] as! [Any]).map(rational))
        #expect(p.banzhaf == (e["banzhafNormalized"] as! [Any]).map(rational))
        #expect(p.banzhafAbsolute == (e["banzhafAbsolute"] as! [Any]).map(rational))
        #expect(p.swings.map { "\($0)" } == (e["banzhafSwings"] as! [Any]).map { "\($0)" })
        // The table algorithms agree with the DP on the same game.
        let table = try rule.table()
        #expect(table.shapleyValue() == p.shapleyShubik)
        #expect(table.banzhafValue() == p.banzhafAbsolute)
    }
}
