import Testing
import GameSolve

/// α-Rank against its definition, against OpenSpiel's `alpharank.compute` (values printed by
/// Benchmarks/learning/alpharank_reference.py, OpenSpiel 1.6; its profile order has the last
/// population fastest), and on the examples of Omidshafiei et al. (2019).
@Suite struct AlphaRankTests {
    static func q(_ rows: [[String]]) -> [[Rational]] { rows.map { $0.map { Rational($0)! } } }
    static let rps = q([["0", "-1", "1"], ["1", "0", "-1"], ["-1", "1", "0"]])
    static let biasedRPS = q([["0", "-0.5", "1"], ["0.5", "0", "-0.1"], ["-1", "0.1", "0"]])

    static func bimatrix(_ a: [[Rational]], _ b: [[Rational]]) throws -> NormalFormGame {
        try BimatrixGame(rowPayoffs: a, columnPayoffs: b).normalForm
    }

    static func expectClose(_ ours: [Double], _ theirs: [Double], tolerance: Double = 1e-8,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ours.count == theirs.count, sourceLocation: sourceLocation)
        for (a, b) in zip(ours, theirs) { #expect(abs(a - b) <= tolerance, "\(ours) vs \(theirs)", sourceLocation: sourceLocation) }
    }

    /// Our profile order (population 1 fastest) → OpenSpiel's (last fastest), two populations.
    static func openSpielOrder(_ pi: [Double], rows: Int, columns: Int) -> [Double] {
        var out = [Double](repeating: 0, count: pi.count)
        for i in 0..<rows { for j in 0..<columns { out[i * columns + j] = pi[i + rows * j] } }
        return out
    }

    @Test func rockPaperScissorsIsUniform() throws {
        for selection in AlphaRank.Selection.allCases {
            for alpha in [0.1, 1, 10, 100] {
                let r = try AlphaRank.rank(singlePopulation: Self.rps,
                                           configuration: .init(populationSize: 50, intensity: .finite(alpha), selection: selection))
                Self.expectClose(r.stationaryDistribution, [1.0 / 3, 1.0 / 3, 1.0 / 3], tolerance: 1e-12)
            }
        }
        // Two populations: by the cyclic symmetry every marginal is uniform too.
        let game = try BimatrixGame(zeroSum: Self.rps).normalForm
        let multi = try AlphaRank.rank(game: game, configuration: .init(populationSize: 50, intensity: .finite(1)))
        for m in multi.marginals { Self.expectClose(m, [1.0 / 3, 1.0 / 3, 1.0 / 3], tolerance: 1e-12) }
    }

    @Test func matchesOpenSpielOnSinglePopulations() throws {
        let population = try AlphaRank.rank(singlePopulation: Self.biasedRPS,
                                            configuration: .init(populationSize: 20, intensity: .finite(2), selection: .population))
        Self.expectClose(population.stationaryDistribution, [0.19481625397791033, 0.6607703708761117, 0.14441337514597788])
        let local = try AlphaRank.rank(singlePopulation: Self.biasedRPS,
                                       configuration: .init(populationSize: 20, intensity: .finite(2), selection: .local))
        Self.expectClose(local.stationaryDistribution, [0.22206935051865767, 0.5823326144360623, 0.19559803504528006])
        #expect(population.ranking == [[1, 0, 2]])
    }

    @Test func matchesOpenSpielOnTwoPopulations() throws {
        let pdA = Self.q([["3", "0"], ["5", "1"]])
        let pd = try Self.bimatrix(pdA, [[3, 5], [0, 1]])
        let rPD = try AlphaRank.rank(game: pd, configuration: .init(populationSize: 10, intensity: .finite(0.5)))
        Self.expectClose(Self.openSpielOrder(rPD.stationaryDistribution, rows: 2, columns: 2),
                         [1.3411593779362396e-06, 1.0867526999671695e-02, 1.0867526999671464e-02, 9.7826360484127872e-01])
        #expect(rPD.ranking == [[1, 0], [1, 0]])

        let bos = try Self.bimatrix([[3, 0], [0, 2]], [[2, 0], [0, 3]])
        let rBoS = try AlphaRank.rank(game: bos, configuration: .init(populationSize: 50, intensity: .finite(0.1)))
        Self.expectClose(Self.openSpielOrder(rBoS.stationaryDistribution, rows: 2, columns: 2),
                         [4.9998603428008487e-01, 2.7725025293413664e-05, 2.0645670330318352e-07, 4.9998603423791849e-01])
        let inf = try AlphaRank.rank(game: bos, configuration: .init(populationSize: 50, intensity: .infinite(epsilon: 0.01)))
        Self.expectClose(Self.openSpielOrder(inf.stationaryDistribution, rows: 2, columns: 2), [0.495, 0.005, 0.005, 0.495], tolerance: 1e-12)

        let a = Self.q([["0.3", "0.9", "0.1"], ["0.5", "0.2", "0.8"], ["0.7", "0.4", "0.6"], ["0", "1", "0.25"]])
        let b = Self.q([["0.6", "0.2", "0.9"], ["0.1", "0.7", "0.3"], ["0.8", "0.5", "0.4"], ["0.35", "0.05", "0.95"]])
        let r = try AlphaRank.rank(game: try Self.bimatrix(a, b), configuration: .init(populationSize: 30, intensity: .finite(2)))
        Self.expectClose(Self.openSpielOrder(r.stationaryDistribution, rows: 4, columns: 3), [
            9.2163101597353441e-07, 1.8566885173210732e-06, 1.1033765894872159e-06, 2.6598155435804214e-06,
            3.0325028699847070e-06, 6.9842292611023971e-06, 9.9997559434174832e-01, 7.4757348692374735e-07,
            1.7631175495025101e-06, 4.5371503372146227e-07, 2.5497166854956801e-06, 2.3332916985630765e-06])
    }

    /// Battle of the sexes, two populations, m = 50, α = 1: OpenSpiel raises "Expected 1
    /// stationary distribution, but found 2"; the chain is irreducible and π is unique. By the
    /// game's symmetry (swap players and strategies) the two coordination profiles carry equal
    /// mass; the sparse solver agrees with the dense one; π balances the chain.
    @Test func battleOfTheSexesWhereOpenSpielFails() throws {
        let bos = try Self.bimatrix([[3, 0], [0, 2]], [[2, 0], [0, 3]])
        let dense = try AlphaRank.rank(game: bos, configuration: .init(populationSize: 50, intensity: .finite(1), solver: .dense))
        let sparse = try AlphaRank.rank(game: bos, configuration: .init(populationSize: 50, intensity: .finite(1), solver: .sparse))
        let pi = dense.stationaryDistribution
        #expect(abs(pi[0] - pi[3]) <= 1e-15 && pi[1] > 0 && pi[2] > 0 && pi[1] < 1e-20)
        #expect(abs(pi.reduce(0, +) - 1) < 1e-15)
        #expect(dense.residual < 1e-14)
        #expect(sparse.converged)
        Self.expectClose(sparse.stationaryDistribution, pi, tolerance: 1e-12)
    }

    /// A three-population game: the sparse and dense solvers agree, and the result is a
    /// distribution whose marginals rank the dominant strategy first.
    @Test func threePopulationsDenseAndSparseAgree() throws {
        var rng = SplitMix64(seed: 9)
        let counts = [3, 4, 2]
        let profiles = 24
        var payoffs = (0..<3).map { _ in (0..<profiles).map { _ in Rational(rng.uniform(0...20), 10) } }
        // Population 1's strategy 2 strictly dominates: +5 everywhere.
        for k in 0..<profiles where k % 3 == 2 { payoffs[0][k] += 5 }
        let game = try NormalFormGame(players: NormalFormGame.defaultPlayers(strategyCounts: counts), payoffs: payoffs)
        let d = try AlphaRank.rank(game: game, configuration: .init(populationSize: 20, intensity: .finite(1), solver: .dense))
        let s = try AlphaRank.rank(game: game, configuration: .init(populationSize: 20, intensity: .finite(1), solver: .sparse))
        Self.expectClose(s.stationaryDistribution, d.stationaryDistribution, tolerance: 1e-11)
        #expect(d.ranking[0].first == 2)
        #expect(d.profile(at: 23) == [2, 3, 1])
    }

    @Test func rejectsBadParameters() throws {
        #expect(throws: AlphaRank.Failure.self) {
            try AlphaRank.rank(singlePopulation: Self.rps, configuration: .init(populationSize: 1))
        }
        #expect(throws: AlphaRank.Failure.self) {
            try AlphaRank.rank(singlePopulation: [[1, 2]], configuration: .init())
        }
        let game = try BimatrixGame(zeroSum: Self.rps).normalForm
        #expect(throws: AlphaRank.Failure.self) {
            try AlphaRank.rank(game: game, configuration: .init(intensity: .infinite(epsilon: 0.7)))
        }
        #expect(throws: AlphaRank.Failure.self) {
            try AlphaRank.rank(game: game, configuration: .init(solver: .sparse), transitionLimit: 10)
        }
    }
}
