import Testing
import GameSolve

@Suite("Benedek–Fliege–Nguyen test games")
struct BNFNucleolusTests {
    nonisolated(unsafe) static let games: [[String: Any]] = (try? fixture("bnf-nucleolus-testgames.json"))?["games"] as? [[String: Any]] ?? []

    @Test func loaded() { #expect(Self.games.count == 300) }

    /// Every published nucleolus (floats, ~1e-12) matches our exact, verified one to 1e-9 relative.
    @Test(arguments: Array(0..<300))
    func nucleolus(_ index: Int) throws {
        let entry = Self.games[index]
        let g = try game(from: entry)
        let r = try SequentialNucleolus.nucleolus(g)
        #expect(r.verified, "\(entry["name"]!): \(r.certificate.failure ?? "")")
        let published = (entry["nucleolus"] as! [Any]).map { ($0 as! NSNumberLike).doubleValue }
        for (ours, theirs) in zip(r.allocation, published) {
            #expect(abs(ours.doubleValue - theirs) <= 1e-9 * max(1, abs(theirs)), "\(entry["name"]!): \(ours) vs \(theirs)")
        }
    }
}
