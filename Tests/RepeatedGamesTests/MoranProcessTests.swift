import GameSolve
import Testing

@Suite("Repeated games: Moran process")
struct MoranProcessTests {
    @Test func neutralDriftFixesWithOneOverN() throws {
        let m = try MoranProcess(payoffs: [[3, 0], [5, 1]], populationSize: 10, selection: 0)
        #expect(m.fixationProbability(mutant: 0, resident: 1) == Rational(1, 10))
        #expect(m.stationaryDistribution() == [Rational(1, 2), Rational(1, 2)])
    }

    /// Constant fitness r against 1 (w = 1): ρ = (1 − 1/r)/(1 − 1/r^N), the classical Moran result.
    @Test func constantFitnessMatchesTheClassicalFormula() throws {
        let r = Rational(3, 2)
        let m = try MoranProcess(payoffs: [[r, r], [1, 1]], populationSize: 6, selection: 1)
        var rN = Rational.one
        for _ in 0..<6 { rN *= r }
        let expected = (.one - .one / r) / (.one - .one / rN)
        #expect(m.fixationProbability(mutant: 0, resident: 1) == expected)
        let back = m.fixationProbability(mutant: 1, resident: 0)
        // Reverse direction: fitness 1/r relative: ρ = (1 − r)/(1 − r^N).
        #expect(back == (.one - r) / (.one - rN))
        // Stationary distribution of the rare-mutation chain: π₀/π₁ = ρ₀₁/ρ₁₀.
        let pi = m.stationaryDistribution()
        #expect(pi[0] / pi[1] == expected / back && pi[0] + pi[1] == 1)
    }

    @Test func defectorsTakeOverCooperatorsInThePrisonersDilemma() throws {
        let m = try MoranProcess(payoffs: [[3, 0], [5, 1]], populationSize: 20, selection: Rational(1, 10))
        #expect(m.fixationProbability(mutant: 1, resident: 0) > Rational(1, 20))
        #expect(m.fixationProbability(mutant: 0, resident: 1) < Rational(1, 20))
        #expect(try MoranProcess(payoffs: [[5]], populationSize: 4, selection: 1).stationaryDistribution() == [1])
        #expect(throws: RepeatedGameError.self) { try MoranProcess(payoffs: [[-5, 0], [0, 0]], populationSize: 4, selection: 1) }
        #expect(throws: RepeatedGameError.self) { try MoranProcess(payoffs: [[1, 0], [0, 1]], populationSize: 1, selection: 1) }
    }
}
