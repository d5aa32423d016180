import Testing
import GameSolve

@Suite struct CorrelatedEquilibriumTests {
    /// Chicken with the classic payoffs (Aumann 1974): Dare/Chicken; (D,D) = 0,0, (D,C) = 7,2,
    /// (C,D) = 2,7, (C,C) = 6,6.
    static func chicken() throws -> BimatrixGame {
        try BimatrixGame(rowPayoffs: [[0, 7], [2, 6]], columnPayoffs: [[0, 2], [7, 6]])
    }

    @Test func chickenWelfareCEBeatsEveryNashEquilibrium() throws {
        let game = try Self.chicken()
        let nf = game.normalForm
        let ce = try nf.correlatedEquilibrium(maximizing: .welfare)
        #expect(nf.isCorrelatedEquilibrium(ce.distribution))
        // The textbook optimum: 1/2 on (C,C), 1/4 on each of (D,C), (C,D); welfare 21/2.
        #expect(ce.objectiveValue == Rational(21, 2))
        #expect(ce.payoffs == [Rational(21, 4), Rational(21, 4)])
        // Chicken's Nash equilibria: the two pure ones and the mixed one (each dares with 1/3);
        // each is checked exactly before its welfare is compared.
        let third = Rational(1, 3), twoThirds = Rational(2, 3)
        let equilibria: [([Rational], [Rational])] = [([1, 0], [0, 1]), ([0, 1], [1, 0]), ([third, twoThirds], [third, twoThirds])]
        for (x, y) in equilibria {
            let eq = try #require(game.verifiedEquilibrium(row: x, column: y))
            let welfare = eq.payoffs.reduce(0, +)
            #expect(ce.objectiveValue > welfare)
            // Every Nash equilibrium, as a product distribution, is a correlated equilibrium.
            var product = [Rational](repeating: 0, count: 4)
            for i in 0..<2 { for j in 0..<2 { product[nf.profileIndex([i, j])] = x[i] * y[j] } }
            #expect(nf.isCorrelatedEquilibrium(product))
        }
        // Maximising player 1's payoff gives it at least its best Nash payoff (7).
        let best1 = try nf.correlatedEquilibrium(maximizing: .player(0))
        #expect(best1.objectiveValue == 7 && nf.isCorrelatedEquilibrium(best1.distribution))
    }

    @Test func rejectsAMissingPlayer() throws {
        let nf = try Self.chicken().normalForm
        #expect(throws: CorrelatedEquilibriumError.noSuchPlayer(2, players: 2)) {
            try nf.correlatedEquilibrium(maximizing: .player(2))
        }
        #expect(!nf.isCorrelatedEquilibrium([1, 0, 0, 0]))   // (D,D): both would rather chicken out
    }

    /// Seeded random games with 2–4 players: the answer satisfies the incentive constraints exactly,
    /// and it does at least as well as every pure Nash equilibrium on the objective.
    @Test func randomGames() throws {
        for seed in UInt64(200)..<215 {
            var rng = SplitMix64(seed: seed)
            let players = rng.uniform(2...4)
            let counts = (0..<players).map { _ in rng.uniform(2...3) }
            let profiles = counts.reduce(1, *)
            let payoffs = (0..<players).map { _ in (0..<profiles).map { _ in Rational(rng.uniform(-9...9), rng.uniform(1...3)) } }
            let game = try NormalFormGame(players: NormalFormGame.defaultPlayers(strategyCounts: counts), payoffs: payoffs)
            let pure = PureStrategyEquilibria().equilibria(of: game)
            let welfare = try game.correlatedEquilibrium(maximizing: .welfare)
            #expect(game.isCorrelatedEquilibrium(welfare.distribution), "seed \(seed)")
            #expect(welfare.payoffs.reduce(0, +) == welfare.objectiveValue, "seed \(seed)")
            for eq in pure { #expect(welfare.objectiveValue >= eq.payoffs.reduce(0, +), "seed \(seed)") }
            let p = rng.uniform(0...(players - 1))
            let selfish = try game.correlatedEquilibrium(maximizing: .player(p))
            #expect(game.isCorrelatedEquilibrium(selfish.distribution), "seed \(seed)")
            #expect(selfish.payoffs[p] == selfish.objectiveValue, "seed \(seed)")
            for eq in pure { #expect(selfish.objectiveValue >= eq.payoffs[p], "seed \(seed)") }
        }
    }
}
