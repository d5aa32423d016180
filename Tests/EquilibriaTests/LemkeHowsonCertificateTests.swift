import Testing
import GameSolve

/// The certified route of ``LemkeHowson`` (floating-point path, endpoint solved and checked in
/// exact rationals) against pure fraction-free pivoting, on seeded random games: the same
/// endpoints, reached by paths of the same lengths, label by label (a failure names its seed).
@Suite struct LemkeHowsonCertificateTests {
    static func randomGame(seed: UInt64, m: Int, n: Int, range: ClosedRange<Int>, denominator: Int = 1) -> BimatrixGame {
        var rng = SplitMix64(seed: seed)
        let a = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(range), denominator) } }
        let b = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(range), denominator) } }
        return try! BimatrixGame(rowPayoffs: a, columnPayoffs: b)
    }

    /// (seed, m, n, payoff range, denominator): wide ranges (nondegenerate in practice), narrow
    /// ones (ties: degenerate games, where the lexicographic rule decides), fractions and
    /// negative payoffs (the rational certificate and the shift).
    static let cases: [(seed: UInt64, m: Int, n: Int, range: ClosedRange<Int>, denominator: Int)] = [
        (1, 6, 6, 0...999, 1), (2, 8, 5, 0...999, 1), (3, 10, 10, 0...999, 1), (4, 12, 9, -500...500, 1),
        (5, 15, 15, 0...999_999, 1), (6, 6, 6, 0...3, 1), (7, 7, 5, 0...2, 1), (8, 9, 9, 0...5, 1),
        (9, 6, 8, -20...20, 7), (10, 20, 20, 0...99, 1), (11, 30, 25, 0...999, 3),
    ]

    @Test(arguments: cases.indices)
    func certifiedPathsMatchFractionFreePaths(_ k: Int) throws {
        let c = Self.cases[k]
        let game = Self.randomGame(seed: c.seed, m: c.m, n: c.n, range: c.range, denominator: c.denominator)
        let certified = try LemkeHowson.allLabels(arithmetic: .exact).solve(game)
        let fractionFree = try LemkeHowson.allLabels(arithmetic: .fractionFree).solve(game)
        #expect(certified.equilibria == fractionFree.equilibria, "seed \(c.seed)")
        #expect(certified.details == fractionFree.details, "seed \(c.seed): labels and pivots per endpoint")
        #expect(certified.counters["pivots"] == fractionFree.counters["pivots"], "seed \(c.seed)")
        // Every path certified from floating point, degenerate games included: their ties in the
        // ratio test are decided by the exact lexicographic rule at the basis (the details above
        // show that those paths are the fraction-free ones), not by a fraction-free rerun.
        let floating = certified.counters["certifiedFromDoublePath"]!
        let rerun = certified.counters["degeneratePathsRerun"]! + certified.counters["doubleRecomputed"]!
        #expect(floating + rerun == c.m + c.n, "seed \(c.seed)")
        #expect(rerun == 0, "seed \(c.seed)")
        if c.range.count <= 6 {
            // Payoffs from at most 6 values: ties are certain, and they were decided exactly.
            #expect(certified.counters["exactTieBreaks"]! > 0, "seed \(c.seed)")
        }
        #expect(fractionFree.counters["fractionFreePaths"] == c.m + c.n, "seed \(c.seed)")
        for eq in certified.equilibria {
            #expect(game.isNashEquilibrium(row: eq.strategies[0].probabilities, column: eq.strategies[1].probabilities),
                    "seed \(c.seed)")
        }
        #expect(certified.notes.contains { $0.hasPrefix("certified by:") })
    }
}
