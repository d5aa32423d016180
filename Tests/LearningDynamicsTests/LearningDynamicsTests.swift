import Testing
import GameSolve
@testable import LearningDynamics

/// Rock–paper–scissors, win 1, lose −1.
func rockPaperScissors() throws -> NormalFormGame {
    try BimatrixGame(zeroSum: [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]).normalForm
}

/// Hawk–dove with value V = 2 and cost C = 4: (H,H) = (V−C)/2 = −1, (H,D) = V = 2, (D,H) = 0,
/// (D,D) = V/2 = 1. Its ESS plays hawk with probability V/C = 1/2 (Maynard Smith & Price 1973).
func hawkDove() throws -> NormalFormGame {
    try BimatrixGame(rowPayoffs: [[-1, 2], [0, 1]], columnPayoffs: [[-1, 0], [2, 1]]).normalForm
}

@Suite struct NashConvTests {
    @Test func matchingPenniesAtTheEquilibriumAndAtAPureProfile() throws {
        let game = try BimatrixGame(zeroSum: [[1, -1], [-1, 1]]).normalForm
        #expect(game.nashConv([.uniform(2), .uniform(2)]) == 0)
        // At (H, H) the row player is content; the column player gains 2 by switching.
        #expect(game.nashConv([.pure(0, of: 2), .pure(0, of: 2)]) == 2)
    }

    /// The fraction-free two-player path agrees with the rational sum of regrets, on seeded games
    /// with fractional payoffs and grid strategies.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func fractionFreePathAgreesWithRationalRegrets(seed: UInt64) throws {
        let game = try BimatrixGenerators.uniformRandom(rows: 6, columns: 5, payoffs: .decimals(digits: 3), seed: seed).normalForm
        var rng = SplitMix64(seed: seed &+ 100)
        let x = ProbabilityGrid.round((0..<6).map { _ in rng.unitDouble() }, digits: 6)
        let y = ProbabilityGrid.round((0..<5).map { _ in rng.unitDouble() }, digits: 4)
        let profile = [MixedStrategy(unchecked: x), MixedStrategy(unchecked: y)]
        #expect(game.nashConv(profile) == game.regrets(profile).reduce(0, +))
        #expect(game.nashConv(profile) > 0)
    }

    @Test func threePlayersSumTheirRegrets() throws {
        // A 2x2x2 coordination game: everyone gets 1 when all match, else 0.
        var payoffs = [[Rational]](repeating: [], count: 3)
        for k in 0..<8 {
            let s = [k % 2, (k / 2) % 2, k / 4]
            let v: Rational = s.allSatisfy { $0 == s[0] } ? 1 : 0
            for p in 0..<3 { payoffs[p].append(v) }
        }
        let game = try NormalFormGame(players: NormalFormGame.defaultPlayers(strategyCounts: [2, 2, 2]), payoffs: payoffs)
        // Players 1, 2 on strategy 1, player 3 on strategy 2: each of the first two could not gain
        // alone, player 3 gains 1 by matching.
        #expect(game.nashConv([.pure(0, of: 2), .pure(0, of: 2), .pure(1, of: 2)]) == 1)
        // Everyone uniform is an equilibrium (each strategy matches both others with chance 1/4).
        #expect(game.nashConv([.uniform(2), .uniform(2), .uniform(2)]) == 0)
        // Players 1, 2 on strategy 1, player 3 uniform: only player 3 regrets, 1 − 1/2.
        #expect(game.nashConv([.pure(0, of: 2), .pure(0, of: 2), .uniform(2)]) == Rational(1, 2))
    }
}

@Suite struct ProbabilityGridTests {
    @Test func largestRemainderSumsToOne() {
        let thirds = ProbabilityGrid.round([1, 1, 1], digits: 3)
        #expect(thirds == [Rational(334, 1000), Rational(333, 1000), Rational(333, 1000)])
        #expect(ProbabilityGrid.round([0, 0], digits: 2) == [Rational(1, 2), Rational(1, 2)])
        #expect(ProbabilityGrid.round([-1, .nan, 2], digits: 2) == [0, 0, 1])
    }

    @Test func projectionOntoTheTruncatedSimplex() {
        var x = [0.7, 0.5, -0.1]
        var scratch = [0.0, 0.0, 0.0]
        LearningEngine.projectOntoTruncatedSimplex(&x, lower: 0.05, scratch: &scratch)
        #expect(abs(x.reduce(0, +) - 1) < 1e-12)
        #expect(x.allSatisfy { $0 >= 0.05 - 1e-15 })
        // Euclidean projection of (0.7, 0.5, −0.1): the last coordinate is clamped to 0.05, the
        // other two share the remaining 0.95 keeping their difference 0.2.
        #expect(abs(x[0] - 0.575) < 1e-12 && abs(x[1] - 0.375) < 1e-12)
    }
}

@Suite struct LearningDynamicsTests {
    @Test func fictitiousPlayOnRockPaperScissorsConvergesOnAverage() throws {
        let game = try rockPaperScissors()
        for dynamics in [Dynamics.fictitiousPlay, .alternatingFictitiousPlay] {
            let result = try game.learn(LearningConfiguration(dynamics: dynamics, iterations: 4000,
                                                              initial: .given([[1, 0, 0], [0, 1, 0]])))
            for strategy in result.average {
                for p in strategy.probabilities { #expect(abs(p.doubleValue - 1.0 / 3) < 0.02) }
            }
            // The last iterate is a pure best response, far from the equilibrium: FP cycles.
            #expect(result.last.allSatisfy { $0.isPure })
            #expect(result.lastExploitability >= 1)
            #expect(result.averageExploitability < Rational(1, 10))
        }
    }

    @Test func regretMatchingApproachesTheMinimaxValue() throws {
        for seed in UInt64(1)...3 {
            let game = try BimatrixGenerators.zeroSum(rows: 7, columns: 5, payoffs: .integers(-10...10), seed: seed).normalForm
            let value = try game.minimax().value
            for dynamics in [Dynamics.regretMatching, .regretMatchingPlus] {
                let result = try game.learn(LearningConfiguration(dynamics: dynamics, iterations: 3000))
                // Zero-sum: NashConv bounds the gap to the value (|x'Ay − v| ≤ NashConv).
                #expect(result.averageExploitability < Rational(20, 100), "seed \(seed) \(dynamics)")
                let payoff = game.expectedPayoffs(result.average)[0]
                #expect((payoff - value).magnitude <= result.averageExploitability, "seed \(seed) \(dynamics)")
            }
        }
    }

    @Test func hedgeAndOptimisticHedgeConvergeOnAverage() throws {
        let game = try BimatrixGenerators.zeroSum(rows: 4, columns: 4, payoffs: .integers(0...9), seed: 7).normalForm
        for dynamics in [Dynamics.hedge, .optimisticHedge] {
            let result = try game.learn(LearningConfiguration(dynamics: dynamics, iterations: 4000))
            #expect(result.averageExploitability < Rational(1, 2), "\(dynamics)")
        }
        // Optimistic Hedge with a constant step also converges in the last iterate on this game.
        let optimistic = try game.learn(LearningConfiguration(dynamics: .optimisticHedge, iterations: 4000, stepSize: 0.05))
        #expect(optimistic.lastExploitability < Rational(1, 20))
    }

    @Test func replicatorOnHawkDoveReachesTheESS() throws {
        let game = try hawkDove()
        for dynamics in [Dynamics.replicator, .continuousReplicator, .projectedReplicator] {
            let result = try game.learn(LearningConfiguration(dynamics: dynamics, iterations: 3000,
                                                              initial: .given([[Rational(9, 10), Rational(1, 10)]]),
                                                              singlePopulation: true))
            #expect(abs(result.last[0].probabilities[0].doubleValue - 0.5) < 1e-6, "\(dynamics)")
            #expect(result.last[0] == result.last[1])
        }
    }

    @Test func logitAndBestResponseDynamicsSettleOnHawkDove() throws {
        let game = try hawkDove()
        let br = try game.learn(LearningConfiguration(dynamics: .bestResponse, iterations: 3000, singlePopulation: true))
        #expect(abs(br.last[0].probabilities[0].doubleValue - 0.5) < 0.02)
        // Logit dynamics rests at the logit equilibrium, near the ESS for a small temperature.
        let logit = try game.learn(LearningConfiguration(dynamics: .logit, iterations: 3000, temperature: 0.01, singlePopulation: true))
        #expect(abs(logit.last[0].probabilities[0].doubleValue - 0.5) < 0.02)
    }

    @Test func stochasticFictitiousPlayIsDeterministicGivenTheSeed() throws {
        let game = try rockPaperScissors()
        let config = LearningConfiguration(dynamics: .stochasticFictitiousPlay, iterations: 2000, seed: 42, traceEvery: 500)
        let a = try game.learn(config), b = try game.learn(config)
        #expect(a.average == b.average && a.last == b.last)
        #expect(a.trajectory.map(\.iteration) == [500, 1000, 1500, 2000])
        var other = config
        other.seed = 43
        #expect(try game.learn(other).average != a.average)
        #expect(a.averageExploitability < Rational(1, 5))
    }

    @Test func threePlayerGameRuns() throws {
        // Three-player matching pennies variant: player 1 wants to match player 2, 2 to match 3,
        // 3 to mismatch 1 (Jordan 1993); its unique equilibrium is uniform.
        var payoffs = [[Rational]](repeating: [], count: 3)
        for k in 0..<8 {
            let s = [k % 2, (k / 2) % 2, k / 4]
            payoffs[0].append(s[0] == s[1] ? 1 : -1)
            payoffs[1].append(s[1] == s[2] ? 1 : -1)
            payoffs[2].append(s[2] != s[0] ? 1 : -1)
        }
        let game = try NormalFormGame(players: NormalFormGame.defaultPlayers(strategyCounts: [2, 2, 2]), payoffs: payoffs)
        let result = try game.learn(LearningConfiguration(dynamics: .regretMatching, iterations: 2000, initial: .random, seed: 5))
        #expect(result.average.count == 3)
        #expect(result.averageExploitability == game.nashConv(result.average))
    }

    @Test func rejectsBadInput() throws {
        let game = try rockPaperScissors()
        #expect(throws: LearningError.self) { try game.learn(LearningConfiguration(dynamics: .hedge, iterations: 0)) }
        #expect(throws: LearningError.self) {
            try game.learn(LearningConfiguration(dynamics: .hedge, iterations: 5, initial: .given([[1, 0, 0]])))
        }
        let asymmetric = try BimatrixGame(zeroSum: [[1, 2], [3, 4]]).normalForm
        #expect(throws: LearningError.notSymmetric) {
            try asymmetric.learn(LearningConfiguration(dynamics: .replicator, iterations: 5, singlePopulation: true))
        }
    }
}
