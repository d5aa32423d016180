import Testing
import GameSolve

@Suite struct CoalitionValueDistributionTests {
    @Test(arguments: CoalitionValueDistribution.allCases)
    func valuesAreSeededNonNegativeIntegers(distribution: CoalitionValueDistribution) {
        let a = distribution.table(players: 10, seed: 42), b = distribution.table(players: 10, seed: 42)
        #expect(a == b)
        #expect(a != distribution.table(players: 10, seed: 43))
        #expect(a[0] == 0)
        #expect(a.allSatisfy { $0 >= 0 })
        if distribution == .ndcs { #expect(a.dropFirst().allSatisfy { $0 > 0 }) }
    }

    /// Sample means per coalition size against the distributions' means (times 10^8), within
    /// five standard errors.
    @Test func meansMatchTheDefinitions() {
        let n = 12, scale = CoalitionValueDistribution.scale
        // (distribution, mean of v(C)/s for size s, standard deviation of v(C)/s); NDCS: v/s has mean 1, sd 1/√s.
        let cases: [(CoalitionValueDistribution, Double, Double)] = [
            (.uniform, 0.5, (1.0 / 12).squareRoot()), (.normal, 10, 0.1), (.exponential, 1, 1),
            (.beta, 0.5, (1.0 / 8).squareRoot()), (.gamma, 4, (8.0).squareRoot()), (.ndcs, 1, 1),
        ]
        for (d, mean, sd) in cases {
            let t = d.table(players: n, seed: 7)
            var sum = 0.0, count = 0
            for c in 1..<t.count where c.nonzeroBitCount == 4 { sum += Double(t[c]) / scale / 4; count += 1 }
            let err = (d == .ndcs ? sd / 2 : sd) / Double(count).squareRoot()
            #expect(abs(sum / Double(count) - mean) < 5 * err + 1e-9, "\(d.rawValue): mean \(sum / Double(count)) vs \(mean)")
        }
    }

    @Test func generatorFamiliesProduceTheseTables() throws {
        let g = try GameFamily.csgNDCS.generate(GeneratorParameters(size: 6, seed: 9)).table()
        #expect(g?.numerators == CoalitionValueDistribution.ndcs.table(players: 6, seed: 9))
    }
}
