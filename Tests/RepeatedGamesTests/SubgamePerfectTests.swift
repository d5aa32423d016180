import GameSolve
import Testing

@Suite("Repeated games: subgame-perfect payoff sets (Abreu–Sannikov)")
struct SubgamePerfectTests {
    private func pd(_ r: Int, _ s: Int, _ t: Int, _ p: Int) throws -> BimatrixGame {
        try BimatrixGame(rowPayoffs: [[Rational(r), Rational(s)], [Rational(t), Rational(p)]],
                         columnPayoffs: [[Rational(r), Rational(t)], [Rational(s), Rational(p)]])
    }
    private func point(_ x: Rational, _ y: Rational) -> PlanePoint<Rational> { PlanePoint(x, y) }

    /// Mutual cooperation is an SPE payoff iff δ ≥ (T − R)/(T − P) (grim trigger; the worst
    /// punishment is the stage equilibrium's P).
    @Test(arguments: [(3, 0, 5, 1), (2, -1, 3, 0), (4, 0, 7, 2)])
    func mutualCooperationThreshold(_ payoffs: (Int, Int, Int, Int)) throws {
        let (r, s, t, p) = payoffs
        let game = try pd(r, s, t, p)
        let threshold = Rational(t - r, t - p)
        let reward = point(Rational(r), Rational(r))
        for (delta, sustainable) in [(threshold, true), (threshold + Rational(1, 50), true), (threshold - Rational(1, 100), false)] {
            let result = try AbreuSannikov(game: game, discount: delta).solve()
            #expect(result.certified, "δ = \(delta)")
            #expect(PlanarGeometry.contains(result.vertices, reward) == sustainable, "δ = \(delta): \(result.vertices)")
        }
    }

    @Test func lowDiscountGivesThePointOfTheStageEquilibrium() throws {
        let result = try AbreuSannikov(game: try pd(3, 0, 5, 1), discount: Rational(1, 10)).solve()
        #expect(result.certified)
        #expect(result.vertices == [point(1, 1)])
    }

    /// At δ = 1/4 < 1/2 mutual cooperation is out of reach, but alternating (D, C) and (C, D)
    /// is not: (4, 1) = (3/4)(5, 0) + (1/4)(1, 4), and player 2's constraint at (D, C) binds,
    /// (3/4)·0 + (1/4)·4 = (3/4)·1 + (1/4)·1. V is the triangle (1, 1), (4, 1), (1, 4).
    @Test func quarterDiscountGivesATriangle() throws {
        let result = try AbreuSannikov(game: try pd(3, 0, 5, 1), discount: Rational(1, 4)).solve()
        #expect(result.certified)
        #expect(result.vertices == [point(1, 1), point(4, 1), point(1, 4)])
    }

    @Test func highDiscountGivesTheIndividuallyRationalFeasibleSet() throws {
        let game = try pd(3, 0, 5, 1)
        let result = try AbreuSannikov(game: game, discount: Rational(9, 10)).solve()
        let region = try FolkTheoremRegion(game)
        #expect(result.certified)
        #expect(region.pureMinmax == [1, 1] && region.mixedMinmax == [1, 1])
        #expect(region.individuallyRational == [point(1, 1), point(Rational(13, 3), 1), point(3, 3), point(1, Rational(13, 3))])
        #expect(result.vertices == region.individuallyRational)
    }

    @Test func matchingPenniesHasNoPureEquilibriumPayoff() throws {
        let game = try BimatrixGame(zeroSum: [[1, -1], [-1, 1]])
        let result = try AbreuSannikov(game: game, discount: Rational(9, 10)).solve()
        #expect(result.vertices.isEmpty && result.certified)
        let region = try FolkTheoremRegion(game)
        #expect(region.pureMinmax == [1, 1] && region.mixedMinmax == [0, 0])
        #expect(region.individuallyRational == [point(0, 0)])
    }

    @Test func certifiedSetsAreSelfGenerating() throws {
        // Random 3x3 integer games: a certified answer V* satisfies B(V*) = V* exactly, and every
        // stage Nash payoff in pure strategies lies in it.
        var rng = SplitMix64(seed: 14)
        for _ in 0..<6 {
            let a = (0..<3).map { _ in (0..<3).map { _ in Rational(rng.uniform(0...9)) } }
            let b = (0..<3).map { _ in (0..<3).map { _ in Rational(rng.uniform(0...9)) } }
            let game = try BimatrixGame(rowPayoffs: a, columnPayoffs: b)
            let solver = try AbreuSannikov(game: game, discount: Rational(3, 5))
            let result = solver.solve()
            guard result.certified else { continue }
            #expect(solver.generate(result.vertices) == result.vertices)
            for i in 0..<3 { for j in 0..<3 where game.isNashEquilibrium(row: unit(i), column: unit(j)) {
                #expect(PlanarGeometry.contains(result.vertices, point(a[i][j], b[i][j])))
            } }
        }
    }

    private func unit(_ k: Int) -> [Rational] { (0..<3).map { $0 == k ? 1 : 0 } }

    @Test func badDiscountAndSizeAreRejected() throws {
        let game = try pd(3, 0, 5, 1)
        #expect(throws: RepeatedGameError.self) { try AbreuSannikov(game: game, discount: 1) }
        #expect(throws: RepeatedGameError.self) { try AbreuSannikov(game: game, discount: 0) }
        #expect(throws: RepeatedGameError.self) { try AbreuSannikov(game: game, discount: Rational(1, 2), maxProfiles: 3) }
    }
}
