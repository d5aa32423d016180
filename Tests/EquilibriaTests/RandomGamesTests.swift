import Testing
import GameSolve

/// Seeded random games: properties that must hold for every seed (a failure names its seed).
@Suite struct RandomGamesTests {
    static func randomGame(seed: UInt64, m: Int, n: Int, range: ClosedRange<Int> = 0...999) -> BimatrixGame {
        var rng = SplitMix64(seed: seed)
        let a = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(range)) } }
        let b = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(range)) } }
        return try! BimatrixGame(rowPayoffs: a, columnPayoffs: b)
    }

    static let cases: [(seed: UInt64, m: Int, n: Int)] = [
        (1, 3, 4), (2, 4, 6), (3, 5, 3), (4, 2, 5), (5, 3, 2), (6, 4, 4), (7, 5, 6), (8, 2, 3),
        (9, 3, 5), (10, 4, 2), (11, 5, 4), (12, 2, 6), (100, 6, 6), (101, 7, 5),
    ]

    @Test(arguments: cases.indices)
    func everyOutputIsAnExactEquilibriumAndMethodsAgree(_ k: Int) async throws {
        let (seed, m, n) = Self.cases[k]
        let game = Self.randomGame(seed: seed, m: m, n: n)
        let se = await SupportEnumeration().solve(game, limits: SolverLimits(jobs: 2))
        let degenerate = se.notes.contains { $0.contains("degenerate") }
        for eq in se.equilibria {
            #expect(game.isNashEquilibrium(row: eq.strategies[0].probabilities, column: eq.strategies[1].probabilities),
                    "seed \(seed)")
        }
        let all = Set(se.equilibria)
        #expect(all.count == se.equilibria.count, "seed \(seed): duplicates")
        if !degenerate {
            #expect(se.equilibria.count % 2 == 1, "seed \(seed): \(se.equilibria.count) equilibria, expected an odd number")
        }
        // Lemke–Howson endpoints (exact and double) are among support enumeration's equilibria.
        let exact = try LemkeHowson.allLabels(arithmetic: .exact).solve(game)
        let double = try LemkeHowson.allLabels(arithmetic: .double).solve(game)
        #expect(Set(exact.equilibria).isSubset(of: all), "seed \(seed)")
        #expect(Set(double.equilibria) == Set(exact.equilibria), "seed \(seed)")
        #expect(double.details?.map(\.pivots) == exact.details?.map(\.pivots), "seed \(seed)")
        // Same output, in the same order, on one job and on all pairs of supports.
        let sequential = SupportEnumeration().solveSynchronously(game, limits: SolverLimits(jobs: 1))
        #expect(sequential.equilibria == se.equilibria, "seed \(seed)")
        if !degenerate {
            let pairs = SupportEnumeration(equalSizeOnly: false).solveSynchronously(game, limits: SolverLimits(jobs: 2))
            #expect(Set(pairs.equilibria) == all, "seed \(seed)")
        }
    }

    @Test func lazySequenceAndMaxResultsTakeTheFirstInOrder() async {
        let game = Self.randomGame(seed: 7, m: 6, n: 6, range: 0...9)
        let full = await SupportEnumeration().solve(game, limits: SolverLimits(jobs: 2))
        #expect(full.equilibria.count >= 2)
        let firstTwo = Array(SupportEnumeration().equilibria(of: game).prefix(2))
        #expect(firstTwo == Array(full.equilibria.prefix(2)))
        let capped = await SupportEnumeration().solve(game, limits: SolverLimits(maxResults: 1, jobs: 2))
        #expect(capped.equilibria == Array(full.equilibria.prefix(1)))
        #expect(capped.stopReason == .maxResults || full.equilibria.count == 1)
    }

    @Test func integerOverflowSwitchesToBigIntegers() throws {
        // Payoffs near 2^40 overflow Int products in the first pivots.
        var rng = SplitMix64(seed: 42)
        let big = 1 << 40
        let a = (0..<4).map { _ in (0..<4).map { _ in Rational(big + rng.uniform(0...big)) } }
        let b = (0..<4).map { _ in (0..<4).map { _ in Rational(big + rng.uniform(0...big)) } }
        let game = try BimatrixGame(rowPayoffs: a, columnPayoffs: b)
        let result = try LemkeHowson.allLabels(arithmetic: .fractionFree).solve(game)
        #expect(result.counters["bigIntegerPaths"]! > 0)
        for eq in result.equilibria {
            #expect(game.isNashEquilibrium(row: eq.strategies[0].probabilities, column: eq.strategies[1].probabilities))
        }
    }
}
