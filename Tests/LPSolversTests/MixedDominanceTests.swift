import Testing
import GameSolve

@Suite struct MixedDominanceTests {
    /// B pays (1, 1); no pure strategy dominates it but ½T + ½M pays (3/2, 3/2).
    @Test func eliminatesAStrategyOnlyAMixDominates() throws {
        let game = try BimatrixGame(rowPayoffs: [[3, 0], [0, 3], [1, 1]], columnPayoffs: [[1, 0], [0, 1], [0, 0]]).normalForm
        #expect(StrictDominance().eliminate(game).eliminated.isEmpty)
        let result = try MixedStrategyDominance().eliminate(game)
        let first = try #require(result.eliminated.first)
        #expect(first.player == 0 && first.strategy == 2)
        #expect(first.dominatedBy.probabilities == [Rational(1, 2), Rational(1, 2), 0])
        #expect(first.margin == Rational(1, 2))
        #expect(result.surviving == [[0, 1], [0, 1]])
        #expect(result.reducedGame.strategyCounts == [2, 2])
    }

    @Test func equalPayoffsAreNotStrictlyDominated() throws {
        let game = try BimatrixGame(rowPayoffs: [[1, 2], [1, 2]], columnPayoffs: [[0, 0], [0, 0]]).normalForm
        #expect(try MixedStrategyDominance().eliminate(game).eliminated.isEmpty)
    }

    /// Seeded random games with 2–3 players: every elimination is checked exactly and
    /// independently (the mix beats the strategy at every remaining opposing profile), mixed
    /// elimination removes at least what pure elimination removes, and pure Nash equilibria survive.
    @Test func randomGames() throws {
        var eliminations = 0, beyondPure = 0
        for seed in UInt64(300)..<320 {
            var rng = SplitMix64(seed: seed)
            let players = rng.uniform(2...3)
            let counts = (0..<players).map { _ in rng.uniform(2...4) }
            let profiles = counts.reduce(1, *)
            let payoffs = (0..<players).map { _ in (0..<profiles).map { _ in Rational(rng.uniform(-5...9)) } }
            let game = try NormalFormGame(players: NormalFormGame.defaultPlayers(strategyCounts: counts), payoffs: payoffs)
            let mixed = try MixedStrategyDominance().eliminate(game)
            var kept = counts.map { Array(0..<$0) }
            for e in mixed.eliminated {
                #expect(e.dominatedBy.isProbabilityVector && e.margin > 0, "seed \(seed)")
                #expect(e.dominatedBy.probabilities[e.strategy] == 0, "seed \(seed)")
                // Check against every opposing profile of the strategies remaining at that time.
                for k in 0..<game.profileCount {
                    let s = game.profile(at: k)
                    guard s[e.player] == e.strategy, (0..<players).allSatisfy({ $0 == e.player || kept[$0].contains(s[$0]) }) else { continue }
                    var mix = Rational.zero
                    for (t, q) in e.dominatedBy.probabilities.enumerated() where q != 0 {
                        var other = s; other[e.player] = t
                        mix += q * game.payoff(player: e.player, at: other)
                    }
                    #expect(mix > game.payoff(player: e.player, at: s), "seed \(seed)")
                }
                kept[e.player].removeAll { $0 == e.strategy }
            }
            #expect(kept == mixed.surviving, "seed \(seed)")
            eliminations += mixed.eliminated.count
            let pure = StrictDominance().eliminate(game)
            for i in 0..<players { #expect(Set(mixed.surviving[i]).isSubset(of: Set(pure.surviving[i])), "seed \(seed)") }
            if mixed.surviving != pure.surviving { beyondPure += 1 }
            for eq in PureStrategyEquilibria().equilibria(of: game) {
                for i in 0..<players { #expect(mixed.surviving[i].contains(eq.strategies[i].support[0]), "seed \(seed)") }
            }
            // Nothing left is dominated by a mix.
            for i in 0..<players where mixed.surviving[i].count > 1 {
                for s in 0..<mixed.surviving[i].count {
                    #expect(try MixedStrategyDominance().dominatingMix(player: i, strategy: s, in: mixed.reducedGame) == nil, "seed \(seed)")
                }
            }
        }
        // The sample exercises the interesting case: eliminations, some only a mix can make.
        #expect(eliminations > 0 && beyondPure > 0, "\(eliminations) eliminations, \(beyondPure) games beyond pure dominance")
    }

    /// The screens (best responses to pure profiles; best responses to the floating LP's duals,
    /// checked exactly) never change the answer: on seeded random games, some built with strategies
    /// that only a mix dominates, screened and fully exact elimination remove the same strategies
    /// with the same mixes, and the screens do save LPs.
    @Test func screensAgreeWithTheExactLPOnEveryStrategy() throws {
        var saved = 0
        for seed in UInt64(900)..<915 {
            var rng = SplitMix64(seed: seed)
            let m = rng.uniform(4...9), n = rng.uniform(4...9)
            var a = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(0...20)) } }
            let b = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(0...20)) } }
            // Strategy 0 becomes ½·row1 + ½·row2 − 1/4: dominated by a mix, usually by no pure row.
            if seed % 2 == 0 { a[0] = (0..<n).map { j in (a[1][j] + a[2][j]) / 2 - Rational(1, 4) } }
            let game = try BimatrixGame(rowPayoffs: a, columnPayoffs: b).normalForm
            let screened = try MixedStrategyDominance().eliminate(game)
            let exact = try MixedStrategyDominance(screens: false).eliminate(game)
            #expect(screened.surviving == exact.surviving, "seed \(seed)")
            #expect(screened.eliminated == exact.eliminated, "seed \(seed)")
            if seed % 2 == 0 { #expect(!screened.surviving[0].contains(0), "seed \(seed)") }
            saved += exact.linearPrograms - screened.linearPrograms
        }
        #expect(saved > 0)
    }
}
