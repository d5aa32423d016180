import Foundation
import Testing
import GameSolve

@Suite struct MoranProcessTests {
    /// A neutral mutant fixes with probability exactly 1/N, whatever the game when w = 0, and for
    /// any w when all payoffs are equal.
    @Test(arguments: [2, 3, 10, 57])
    func neutralMutantFixesWithOneOverN(n: Int) throws {
        let equal = try MoranProcess(payoffs: [[3, 3], [3, 3]], populationSize: n)
        #expect(try equal.fixationProbability(mutant: 0, resident: 1, intensity: Rational(1, 2)) == Rational(1, n))
        let game = try MoranProcess(payoffs: [[3, 0], [5, 1]], populationSize: n)
        #expect(try game.fixationProbability(mutant: 1, resident: 0, intensity: 0) == Rational(1, n))
        #expect(abs(try game.fixationProbability(mutant: 1, resident: 0, fermiIntensity: 0) - 1 / Double(n)) < 1e-15)
    }

    /// Constant fitness r (mutant payoff 2 against anyone, resident 1, w = 1): the classical Moran
    /// result ρ = (1 − 1/r) / (1 − 1/r^N) (Moran 1958).
    @Test func constantFitnessMatchesMoran1958() throws {
        for n in [2, 5, 20] {
            let process = try MoranProcess(payoffs: [[2, 2], [1, 1]], populationSize: n)
            var rN = Rational.one
            for _ in 0..<n { rN *= 2 }
            let expected = (1 - Rational(1, 2)) / (1 - rN.reciprocal)
            #expect(try process.fixationProbability(mutant: 0, resident: 1, intensity: 1) == expected)
        }
    }

    /// Fermi fixation with frequency-independent advantage Δ: ρ = (1 − e^{−βΔ}) / (1 − e^{−NβΔ}).
    @Test func fermiFixationMatchesTheClosedForm() throws {
        let process = try MoranProcess(payoffs: [[2, 2], [1, 1]], populationSize: 30)
        for beta in [0.01, 0.5, 3.0] {
            let closed = (1 - exp(-beta)) / (1 - exp(-30 * beta))
            let rho = try process.fixationProbability(mutant: 0, resident: 1, fermiIntensity: beta)
            #expect(abs(rho - closed) <= 1e-13 * closed)
            // The disadvantaged direction: tiny but representable, no underflow to 0 before 1e-300.
            let back = try process.fixationProbability(mutant: 1, resident: 0, fermiIntensity: beta)
            #expect(back > 0 && back < rho)
        }
    }

    /// Rock–paper–scissors: by symmetry the small-mutation limit is uniform, exactly.
    @Test func smallMutationLimitOfRockPaperScissorsIsUniform() throws {
        let process = try MoranProcess(payoffs: [[1, 0, 2], [2, 1, 0], [0, 2, 1]], populationSize: 12)
        #expect(try process.smallMutationStationaryDistribution(intensity: Rational(1, 10)) == Array(repeating: Rational(1, 3), count: 3))
        let fermi = try process.smallMutationStationaryDistribution(fermiIntensity: 1)
        for p in fermi { #expect(abs(p - 1.0 / 3) < 1e-14) }
    }

    /// Prisoner's dilemma (R = 3, S = 0, T = 5, P = 1): defection is favoured by selection, so
    /// the all-defect state carries most of the mass, and ρ_D > 1/N > ρ_C.
    @Test func prisonersDilemmaFavoursDefection() throws {
        let process = try MoranProcess(payoffs: [[3, 0], [5, 1]], populationSize: 10)
        let w = Rational(1, 10)
        let rhoD = try process.fixationProbability(mutant: 1, resident: 0, intensity: w)
        let rhoC = try process.fixationProbability(mutant: 0, resident: 1, intensity: w)
        #expect(rhoD > Rational(1, 10) && rhoC < Rational(1, 10))
        let pi = try process.smallMutationStationaryDistribution(intensity: w)
        // Two states: π_D / π_C = ρ_D / ρ_C.
        #expect(pi[1] / pi[0] == rhoD / rhoC && pi.reduce(0, +) == 1)
    }

    @Test func rejectsBadParameters() throws {
        #expect(throws: MoranError.self) { try MoranProcess(payoffs: [[1, 2]], populationSize: 5) }
        #expect(throws: MoranError.self) { try MoranProcess(payoffs: [[1]], populationSize: 1) }
        let p = try MoranProcess(payoffs: [[-5, 0], [0, 1]], populationSize: 5)
        #expect(throws: MoranError.self) { try p.fixationProbability(mutant: 0, resident: 1, intensity: 1) }
        #expect(throws: MoranError.self) { try p.fixationProbability(mutant: 0, resident: 0, intensity: 0) }
    }
}

