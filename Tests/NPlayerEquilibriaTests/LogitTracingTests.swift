import Foundation
import Testing
@testable import Equilibria
import GameSolve

@Suite struct LogitTracingTests {
    @Test(arguments: Fixtures.names)
    func everyGambitSampleGivesACertifiedEquilibrium(_ name: String) throws {
        let game = try Fixtures.game(name)
        let result = LogitTracing().solve(game)
        #expect(result.equilibria.count == 1, "\(name)")
        expectCertified(result, game)
    }

    @Test func seededRandomGames() {
        for seed in UInt64(1)...2 {
            for counts in [[3, 3, 3], [2, 2, 2, 2], [2, 2, 2, 2, 2, 2]] {
                let game = randomGame(counts, seed: seed)
                let result = LogitTracing().solve(game)
                #expect(result.equilibria.count == 1, "seed \(seed) \(counts)")
                expectCertified(result, game)
            }
        }
    }

    @Test func threePlayerMatchingPennies() {
        let result = LogitTracing().solve(RegretCertificateTests.pennies)
        #expect(result.equilibria.map(\.strategies) == [[.uniform(2), .uniform(2), .uniform(2)]])
        #expect(result.maxRegrets == [.zero])
    }

    /// The QRE at a requested λ satisfies the logit equations πᵢₖ ∝ exp(λ·uᵢₖ(π)) on the game's
    /// own payoff scale, and λ = 0 gives the centroid.
    @Test func quantalResponsesAtRequestedLambdas() throws {
        let game = try Fixtures.game("2x2x2.nfg")
        let result = LogitTracing(lambdas: [0, 0.5, 2]).solve(game)
        let qre = try #require(result.quantalResponses)
        #expect(qre.map(\.lambda) == [0, 0.5, 2])
        #expect(qre[0].probabilities == [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])
        for q in qre {
            let profile = q.probabilities.map { MixedStrategy(unchecked: $0.map { Rational(exactly: $0)! }) }
            for i in 0..<3 {
                let u = game.strategyPayoffs(player: i, against: profile).map(\.doubleValue)
                let weights = u.map { exp(q.lambda * $0) }
                let total = weights.reduce(0, +)
                for k in 0..<2 { #expect(abs(weights[k] / total - q.probabilities[i][k]) < 1e-9) }
            }
        }
    }

    /// Multiplying every payoff by 1000 changes neither the path (λ scales inversely) nor the
    /// equilibrium reached: the stopping rule does not depend on the payoff scale.
    @Test func payoffScaleIndependence() throws {
        let game = try Fixtures.game("g3.nfg")
        let scaled = try NormalFormGame(players: game.players, payoffs: game.payoffs.map { $0.map { $0 * 1000 } })
        let a = LogitTracing(lambdas: [1]).solve(game)
        let b = LogitTracing(lambdas: [0.001]).solve(scaled)
        #expect(a.equilibria.map(\.strategies) == b.equilibria.map(\.strategies))
        #expect(a.counters["pathSteps"] == b.counters["pathSteps"])
        let pa = try #require(a.quantalResponses?.first?.probabilities), pb = try #require(b.quantalResponses?.first?.probabilities)
        for (x, y) in zip(pa.joined(), pb.joined()) { #expect(abs(x - y) < 1e-9) }
    }

    @Test func timeoutStopsMidPath() {
        let game = randomGame([8, 8, 8], seed: 3)
        let result = LogitTracing().solve(game, limits: SolverLimits(timeout: .milliseconds(1)))
        #expect(result.stopReason == .timeout)
        expectCertified(result, game)
    }
}
