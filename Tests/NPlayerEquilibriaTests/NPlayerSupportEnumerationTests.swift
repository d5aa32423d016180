import Testing
@testable import Equilibria
import GameSolve

/// Every equilibrium a solver reports must be a probability profile whose exact regret is the
/// reported `maxRegret` and at most `Tolerance.reportableRegret` times the payoff range.
func expectCertified(_ result: NashResult, _ game: NormalFormGame, sourceLocation: SourceLocation = #_sourceLocation) {
    let regrets = result.maxRegrets ?? result.equilibria.map { _ in .zero }
    #expect(regrets.count == result.equilibria.count, sourceLocation: sourceLocation)
    for (eq, r) in zip(result.equilibria, regrets) {
        #expect(eq.strategies.allSatisfy { $0.isProbabilityVector }, sourceLocation: sourceLocation)
        #expect(game.regret(eq.strategies) == r, sourceLocation: sourceLocation)
        #expect(r <= Tolerance.reportableRegret * game.payoffRange, sourceLocation: sourceLocation)
        #expect(game.expectedPayoffs(eq.strategies) == eq.payoffs, sourceLocation: sourceLocation)
    }
}

@Suite struct NPlayerSupportEnumerationTests {
    /// Gambit sample games with their published equilibrium counts (from the games' titles:
    /// McKelvey & McLennan's 2x2x2 with 9; van der Laan, Talman & van der Heyden's g1–g3;
    /// Gambit's own 2x2x2x2, 2x2x2x2x2 and 3x3x3 examples).
    static let published: [(String, Int)] = [
        ("2x2x2.nfg", 9), ("doc_2x2x2.nfg", 9), ("2x2x2x2.nfg", 3), ("2x2x2x2x2.nfg", 5), ("3x3x3.nfg", 5),
        ("g1.nfg", 1), ("g2.nfg", 1), ("g3.nfg", 5),
        ("test_2x2x2_nfg_from_local_max_cut_2_pure_1_mixed_eq.nfg", 3),
        ("catalog_journals_ijgt_nau2004_sec4.nfg", 1),
    ]

    @Test(arguments: published)
    func publishedEquilibriumCounts(_ name: String, _ count: Int) throws {
        let game = try Fixtures.game(name)
        let result = try NPlayerSupportEnumeration().solve(game)
        #expect(result.stopReason == .completed)
        #expect(result.equilibria.count == count, "\(name)")
        expectCertified(result, game)
        // Every pure equilibrium is among them (pure supports are checked exactly).
        let pure = PureStrategyEquilibria().equilibria(of: game)
        for p in pure { #expect(result.equilibria.contains(p), "\(name): pure equilibrium missing") }
    }

    /// Every Gambit sample with three or more players: a first certified equilibrium.
    @Test(arguments: Fixtures.names)
    func firstEquilibriumOfEveryGambitSample(_ name: String) throws {
        let game = try Fixtures.game(name)
        let result = try NPlayerSupportEnumeration().solve(game, limits: SolverLimits(maxResults: 1))
        #expect(result.equilibria.count == 1, "\(name)")
        expectCertified(result, game)
    }

    /// The nine equilibria of McKelvey & McLennan's 2x2x2 game, all rational, so each is reported
    /// exactly (regret 0). The list is the one Gambit's documentation gives for this game.
    @Test func mcKelveyMcLennanNineEquilibria() throws {
        let game = try Fixtures.game("2x2x2.nfg")
        let result = try NPlayerSupportEnumeration().solve(game)
        func s(_ a: Rational) -> MixedStrategy { MixedStrategy(unchecked: [a, 1 - a]) }
        let expected: Set<[MixedStrategy]> = [
            [s(1), s(1), s(1)], [s(1), s(0), s(0)], [s(0), s(1), s(0)], [s(0), s(0), s(1)],
            [s(Rational(2, 5)), s(Rational(1, 2)), s(Rational(1, 3))],
            [s(Rational(1, 2)), s(Rational(2, 5)), s(Rational(1, 4))],
            [s(0), s(Rational(1, 4)), s(Rational(1, 3))],
            [s(Rational(1, 3)), s(1), s(Rational(1, 4))],
            [s(Rational(1, 2)), s(Rational(1, 2)), s(1)],
        ]
        #expect(Set(result.equilibria.map(\.strategies)) == expected)
        #expect(result.maxRegrets?.allSatisfy { $0.isZero } == true)
    }

    @Test func identicalOnEveryRun() throws {
        let game = try Fixtures.game("g3.nfg")
        let a = try NPlayerSupportEnumeration().solve(game)
        let b = try NPlayerSupportEnumeration().solve(game)
        #expect(a.equilibria == b.equilibria)
        #expect(a.maxRegrets == b.maxRegrets)
        #expect(a.counters == b.counters)
    }

    @Test func noPureEquilibrium() throws {
        let game = RegretCertificateTests.pennies
        #expect(PureStrategyEquilibria().equilibria(of: game).isEmpty)
        let result = try NPlayerSupportEnumeration().solve(game)
        #expect(result.equilibria.map(\.strategies) == [[.uniform(2), .uniform(2), .uniform(2)]])
        #expect(result.maxRegrets == [.zero])
    }

    @Test func seededRandomGames() throws {
        for seed in UInt64(1)...2 {
            for counts in [[3, 3, 3], [2, 2, 2, 2], [4, 3, 2]] {
                let game = randomGame(counts, seed: seed)
                let result = try NPlayerSupportEnumeration().solve(game)
                #expect(!result.equilibria.isEmpty, "seed \(seed) \(counts)")
                expectCertified(result, game)
                for p in PureStrategyEquilibria().equilibria(of: game) {
                    #expect(result.equilibria.contains(p), "seed \(seed) \(counts): pure equilibrium missing")
                }
            }
        }
    }

    /// Degenerate: every profile of an all-zero game is an equilibrium (a continuum); the
    /// solver reports points of it, all exact.
    @Test func allZeroGame() throws {
        let game = try NormalFormGame(players: NormalFormGame.defaultPlayers(strategyCounts: [2, 2, 2]),
                                      payoffs: [[Rational]](repeating: [Rational](repeating: .zero, count: 8), count: 3))
        let result = try NPlayerSupportEnumeration().solve(game)
        #expect(result.equilibria.count >= 8)   // at least the eight pure profiles
        #expect(result.maxRegrets?.allSatisfy { $0.isZero } == true)
        expectCertified(result, game)
    }

    /// Degenerate: a strictly dominated strategy never appears in a support, and ties (player 3
    /// indifferent everywhere) leave the other players' equilibria intact.
    @Test func dominatedStrategiesAndTies() throws {
        // Player 1 has a third strategy that is strictly dominated by its first; player 3 is
        // indifferent between its two strategies everywhere.
        let counts = [3, 2, 2]
        var payoffs = [[Rational]](repeating: [], count: 3)
        for k in 0..<12 {
            let a = k % 3, b = (k / 3) % 2
            let match: Rational = (a == 2 ? b == 0 : a == b) ? 1 : -1
            payoffs[0].append(a == 2 ? match - 3 : match)
            payoffs[1].append(-match)
            payoffs[2].append(5)
        }
        let game = try NormalFormGame(players: NormalFormGame.defaultPlayers(strategyCounts: counts), payoffs: payoffs)
        let result = try NPlayerSupportEnumeration().solve(game)
        expectCertified(result, game)
        #expect(!result.equilibria.isEmpty)
        for eq in result.equilibria {
            #expect(eq.strategies[0].probabilities[2] == .zero)
            #expect(eq.strategies[0].probabilities[0] == Rational(1, 2))
            #expect(eq.strategies[1].probabilities[0] == Rational(1, 2))
        }
    }

    @Test func maxResultsStopsEarly() throws {
        let game = try Fixtures.game("2x2x2.nfg")
        let result = try NPlayerSupportEnumeration().solve(game, limits: SolverLimits(maxResults: 2))
        #expect(result.equilibria.count == 2)
        #expect(result.stopReason == .maxResults)
    }

    @Test func timeoutStopsMidSearch() throws {
        let game = randomGame([6, 6, 6], seed: 7)
        let clock = ContinuousClock()
        var result: NashResult?
        let elapsed = try clock.measure {
            result = try NPlayerSupportEnumeration().solve(game, limits: SolverLimits(timeout: .milliseconds(200)))
        }
        #expect(result?.stopReason == .timeout)
        #expect(elapsed < .seconds(5))
        expectCertified(result!, game)
    }

    @Test func refusesHugeSearchesWithoutALimit() {
        let game = randomGame([12, 12, 12], seed: 1)
        #expect(throws: NPlayerSolverError.self) { try NPlayerSupportEnumeration().solve(game) }
    }
}
