import Testing
import GameSolve

@Suite struct NPlayerGeneratorTests {
    @Test func sameSeedSameGame() throws {
        let a = try NPlayerGenerators.uniformRandom(players: 4, strategies: 3, payoffs: .standard, seed: 9)
        let b = try NPlayerGenerators.uniformRandom(players: 4, strategies: 3, payoffs: .standard, seed: 9)
        let c = try NPlayerGenerators.uniformRandom(players: 4, strategies: 3, payoffs: .standard, seed: 10)
        #expect(a == b)
        #expect(a != c)
        #expect(a.strategyCounts == [3, 3, 3, 3])
        let d = try NPlayerGenerators.covariance(players: 3, strategies: 2, correlation: -0.5, decimals: 3, seed: 4)
        #expect(d == (try NPlayerGenerators.covariance(players: 3, strategies: 2, correlation: -0.5, decimals: 3, seed: 4)))
    }

    @Test func covarianceExtremes() throws {
        // ρ = 1: every player gets the same payoff at each profile.
        let g = try NPlayerGenerators.covariance(players: 3, strategies: 3, correlation: 1, decimals: 4, seed: 2)
        for k in 0..<g.profileCount { #expect(g.payoffs[0][k] == g.payoffs[1][k] && g.payoffs[1][k] == g.payoffs[2][k]) }
        // ρ below −1/(N−1) is not a correlation matrix.
        #expect(throws: GeneratorError.self) { try NPlayerGenerators.covariance(players: 3, strategies: 2, correlation: -0.6, decimals: 3, seed: 1) }
    }

    @Test func publicGoodsIsASocialDilemma() throws {
        let g = try NPlayerGenerators.publicGoods(players: 4, multiplier: Rational(2))
        // Keeping strictly dominates contributing for r < N; the unique equilibrium is all keep.
        let result = try NPlayerSupportEnumeration().solve(g)
        #expect(result.equilibria.map(\.strategies) == [[MixedStrategy.pure(0, of: 2), .pure(0, of: 2), .pure(0, of: 2), .pure(0, of: 2)]])
        #expect(result.equilibria[0].payoffs == [1, 1, 1, 1])
        // Everyone contributing would give r = 2 each.
        #expect(g.payoff(player: 0, at: [1, 1, 1, 1]) == 2)
    }

    /// Diekmann's symmetric mixed equilibrium: each ignores with probability p where
    /// 2·(1 − p^{N−1}) = 1, i.e. p = (1/2)^{1/(N−1)}; for N = 3, p = 1/√2 (irrational).
    @Test func volunteersDilemma() throws {
        let g = try NPlayerGenerators.volunteersDilemma(players: 3)
        let result = try NPlayerSupportEnumeration().solve(g)
        #expect(result.equilibria.filter { $0.strategies.allSatisfy { $0.isPure } }.count == 3)
        let symmetric = try #require(result.equilibria.first { e in e.strategies.allSatisfy { $0.support.count == 2 } })
        let p = symmetric.strategies[0].probabilities[0]
        #expect(abs(p.doubleValue - 0.5.squareRoot()) < 1e-12)
        expectCertified(result, g)
    }

    @Test func minimumEffortCoordination() throws {
        let g = try NPlayerGenerators.minimumEffort(players: 3, levels: 4)
        let pure = PureStrategyEquilibria().equilibria(of: g)
        #expect(pure.count == 4)   // exactly the common effort levels
        for e in pure { #expect(Set(e.strategies.map { $0.support }).count == 1) }
        #expect(g.payoff(player: 0, at: [3, 3, 3]) == 1)                  // e = 4: 4/5 − 4/10 + 3/5
        #expect(g.payoff(player: 0, at: [3, 0, 0]) == Rational(2, 5))     // 1/5 − 4/10 + 3/5
    }

    @Test func minorityChickenCournot() throws {
        let m = try NPlayerGenerators.minority(players: 3)
        #expect(m.payoff(player: 0, at: [0, 1, 1]) == 1 && m.payoff(player: 1, at: [0, 1, 1]) == 0)
        let c = try NPlayerGenerators.chicken(players: 4)
        #expect(PureStrategyEquilibria().equilibria(of: c).count == 4)
        let cournot = try NPlayerGenerators.cournot(players: 2, levels: 5)
        #expect(cournot.payoff(player: 0, at: [2, 2]) == 8)   // 2·(8 − 4)
        expectCertified(try NPlayerSupportEnumeration().solve(m), m)
    }

    @Test func familiesAreRegistered() throws {
        for family in GameFamily.allCases where family.kind == .strategic {
            let g = try #require(try family.generate(GeneratorParameters(size: 2, seed: 1, players: 3)).normalForm)
            #expect(g.playerCount >= 2)
        }
        #expect(throws: GeneratorError.self) { try GameFamily.nplayerRandom.generate(GeneratorParameters(size: 50, players: 6)) }
    }
}
