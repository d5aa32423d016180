import GameSolve
import Testing

/// The Moran process as the tournament command uses it (EmpiricalGames' `MoranProcess`, exact).
@Suite("Repeated games: Moran process over a tournament's payoffs")
struct MoranProcessTests {
    @Test func neutralDriftFixesWithOneOverN() throws {
        let m = try MoranProcess(payoffs: [[3, 0], [5, 1]], populationSize: 10)
        #expect(try m.fixationProbability(mutant: 0, resident: 1, intensity: 0) == Rational(1, 10))
        #expect(try m.smallMutationStationaryDistribution(intensity: 0) == [Rational(1, 2), Rational(1, 2)])
    }

    /// Constant fitness r against 1 (w = 1): ρ = (1 − 1/r)/(1 − 1/r^N), the classical Moran result.
    @Test func constantFitnessMatchesTheClassicalFormula() throws {
        let r = Rational(3, 2)
        let m = try MoranProcess(payoffs: [[r, r], [1, 1]], populationSize: 6)
        var rN = Rational.one
        for _ in 0..<6 { rN *= r }
        let expected = (.one - .one / r) / (.one - .one / rN)
        #expect(try m.fixationProbability(mutant: 0, resident: 1, intensity: 1) == expected)
        let back = try m.fixationProbability(mutant: 1, resident: 0, intensity: 1)
        // Reverse direction: fitness 1/r relative: ρ = (1 − r)/(1 − r^N).
        #expect(back == (.one - r) / (.one - rN))
        // Stationary distribution of the rare-mutation chain: π₀/π₁ = ρ₀₁/ρ₁₀.
        let pi = try m.smallMutationStationaryDistribution(intensity: 1)
        #expect(pi[0] / pi[1] == expected / back && pi[0] + pi[1] == 1)
        let matrix = try m.fixationMatrix(intensity: 1)
        #expect(matrix == [[Rational(1, 6), expected], [back, Rational(1, 6)]])
    }

    @Test func defectorsTakeOverCooperatorsInThePrisonersDilemma() throws {
        let m = try MoranProcess(payoffs: [[3, 0], [5, 1]], populationSize: 20)
        let w = Rational(1, 10)
        #expect(try m.fixationProbability(mutant: 1, resident: 0, intensity: w) > Rational(1, 20))
        #expect(try m.fixationProbability(mutant: 0, resident: 1, intensity: w) < Rational(1, 20))
        #expect(try MoranProcess(payoffs: [[5]], populationSize: 4).smallMutationStationaryDistribution(intensity: 1) == [1])
        #expect(throws: MoranError.self) { try MoranProcess(payoffs: [[-5, 0], [0, 0]], populationSize: 4).fixationMatrix(intensity: 1) }
        #expect(throws: MoranError.self) { try MoranProcess(payoffs: [[1, 0], [0, 1]], populationSize: 1) }
        #expect(throws: MoranError.self) {
            try MoranProcess(payoffs: [[1, 0], [0, 1]], populationSize: MoranProcess.maxExactPopulation + 1).fixationMatrix(intensity: 1)
        }
    }
}
