import Testing
import GameSolve

/// Equal-size support enumeration (incremental floating filter + exact confirmation) against
/// independent exact methods: a slow all-rational support enumeration written here, and the
/// extreme-equilibria solver. A failure names its seed.
@Suite struct SupportEnumerationAgreementTests {
    static func randomGame(seed: UInt64, m: Int, n: Int, range: ClosedRange<Int>) -> BimatrixGame {
        var rng = SplitMix64(seed: seed)
        let a = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(range)) } }
        let b = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(range)) } }
        return try! BimatrixGame(rowPayoffs: a, columnPayoffs: b)
    }

    /// The reference: every pair of equal-size supports, both indifference systems solved in
    /// rationals (only unique solutions kept), the profile kept when it is an exact equilibrium.
    /// No floating point, no pruning, no shared code with the solver.
    static func referenceEquilibria(_ g: BimatrixGame) -> Set<Equilibrium> {
        let m = g.rowCount, n = g.columnCount
        var out = Set<Equilibrium>()
        for rowMask in 1..<(1 << m) {
            let rows = (0..<m).filter { rowMask >> $0 & 1 == 1 }
            for columnMask in 1..<(1 << n) where columnMask.nonzeroBitCount == rows.count {
                let columns = (0..<n).filter { columnMask >> $0 & 1 == 1 }
                guard let y = uniqueIndifference(rows.map { i in columns.map { g.rowPayoffs[i, $0] } }),
                      let x = uniqueIndifference(columns.map { j in rows.map { g.columnPayoffs[$0, j] } }) else { continue }
                var fx = [Rational](repeating: .zero, count: m), fy = [Rational](repeating: .zero, count: n)
                for (k, i) in rows.enumerated() { fx[i] = x[k] }
                for (k, j) in columns.enumerated() { fy[j] = y[k] }
                if let eq = g.verifiedEquilibrium(row: fx, column: fy) { out.insert(eq) }
            }
        }
        return out
    }

    /// w with `M·w = u·1, Σw = 1` (unknowns w and u) when that solution is unique; nil otherwise.
    static func uniqueIndifference(_ matrix: [[Rational]]) -> [Rational]? {
        let k = matrix.count
        var t = matrix.map { $0 + [Rational(-1), .zero] }
        t.append([Rational](repeating: .one, count: k) + [.zero, .one])
        let size = k + 1
        for c in 0..<size {
            guard let p = (c..<size).first(where: { !t[$0][c].isZero }) else { return nil }
            t.swapAt(c, p)
            let pivot = t[c][c]
            for j in c...size { t[c][j] /= pivot }
            for r in 0..<size where r != c && !t[r][c].isZero {
                let f = t[r][c]
                for j in c...size { t[r][j] -= f * t[c][j] }
            }
        }
        return (0..<k).map { t[$0][size] }
    }

    static let nondegenerateSeeds: [UInt64] = Array(1...16)

    @Test(arguments: nondegenerateSeeds)
    func agreesWithExactReferenceOnRandom5x5(_ seed: UInt64) async {
        let game = Self.randomGame(seed: 5_000 + seed, m: 5, n: 5, range: 0...999)
        let se = await SupportEnumeration().solve(game, limits: SolverLimits(jobs: 2))
        let reference = Self.referenceEquilibria(game)
        #expect(Set(se.equilibria) == reference, "seed \(seed)")
        #expect(se.equilibria.count == reference.count, "seed \(seed): duplicates")
        #expect(se.counters["candidates"]! >= se.equilibria.count, "seed \(seed)")
    }

    /// Rectangular shapes and small payoff ranges (ties, singular subsystems: the bordered
    /// fallback and the borderline exact path run). On degenerate games equal-size enumeration
    /// (with dominance pruning) may legitimately miss equilibria whose own supports differ in size,
    /// so: everything reported is in the reference, and every reference equilibrium whose
    /// supports have equal size (such supports hold no dominated strategy) is reported.
    @Test(arguments: [(1, 4, 6, 999), (2, 6, 4, 999), (3, 5, 5, 3), (4, 5, 5, 2), (5, 4, 6, 1), (6, 6, 5, 4),
                      (7, 5, 5, 1), (8, 3, 6, 2)])
    func agreesWithExactReferenceOnShapesAndTies(_ c: (Int, Int, Int, Int)) {
        let (seed, m, n, top) = c
        let game = Self.randomGame(seed: 6_000 + UInt64(seed), m: m, n: n, range: 0...top)
        let se = Set(SupportEnumeration().solveSynchronously(game, limits: SolverLimits(jobs: 1)).equilibria)
        let reference = Self.referenceEquilibria(game)
        let balanced = reference.filter { $0.strategies[0].support.count == $0.strategies[1].support.count }
        #expect(se.isSubset(of: reference), "seed \(seed)")
        #expect(balanced.isSubset(of: se), "seed \(seed)")
        #expect(!balanced.isEmpty || top <= 4, "seed \(seed)")
    }

    /// On nondegenerate games the equilibria are isolated, so they are exactly the extreme
    /// equilibria.
    @Test(arguments: [UInt64](1...5))
    func agreesWithExtremeEquilibriaOnRandom7x7(_ seed: UInt64) async throws {
        let game = Self.randomGame(seed: 7_000 + seed, m: 7, n: 7, range: 0...999)
        let se = await SupportEnumeration().solve(game, limits: SolverLimits(jobs: 2))
        #expect(!se.notes.contains { $0.contains("degenerate") }, "seed \(seed): expected a nondegenerate game")
        #expect(se.equilibria.count % 2 == 1, "seed \(seed)")
        let extreme = try ExtremeEquilibria.solve(game)
        #expect(Set(se.equilibria) == Set(extreme.equilibria), "seed \(seed)")
        #expect(se.equilibria.count == extreme.equilibria.count, "seed \(seed)")
    }

    /// Work counters: every equal-size support pair is either solved or pruned.
    @Test func everyPairIsSolvedOrPruned() {
        let game = Self.randomGame(seed: 8_001, m: 6, n: 7, range: 0...999)
        let se = SupportEnumeration().solveSynchronously(game, limits: SolverLimits(jobs: 2))
        let removed = se.counters["strategiesRemovedByDominance"]!
        if removed == 0 {
            #expect(se.counters["supportsExamined"]! + se.counters["pairsPrunedByConditionalDominance"]!
                    == se.counters["supportPairs"]!)
        }
        #expect(se.counters["supportPairs"]! > 0)
    }
}
