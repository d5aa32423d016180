import Foundation
import Testing
import GameSolve
@testable import SolverBenchmarks

@Suite struct GrowthFitTests {
    @Test(arguments: [1.5, 2.0, 4.0]) func recoversAnExactExponential(b: Double) throws {
        let points = (3...10).map { ($0, 0.002 * pow(b, Double($0))) }
        let fit = try #require(GrowthFit.fit(points))
        #expect(abs(fit.base - b) < 1e-9 && abs(fit.constant - 0.002) < 1e-9 && abs(fit.rSquared - 1) < 1e-12)
        #expect(fit.sizes == Array(3...10))
    }

    @Test func needsTwoPositivePointsAtDistinctSizes() {
        #expect(GrowthFit.fit([(3, 1.0)]) == nil)
        #expect(GrowthFit.fit([(3, 1.0), (3, 2.0)]) == nil)
        #expect(GrowthFit.fit([(3, 0.0), (4, 2.0)]) == nil)
        #expect(GrowthFit.factor(from: (2, 1), to: (4, 9)) == 3)
    }

    @Test func supportPairsFollowVandermonde() {
        // 2x2: four pairs of singletons and one pair of full supports.
        #expect(SupportPairs.exact(rows: 2, columns: 2) == 5)
        // Σₖ C(3,k)C(4,k) = 12 + 18 + 4 = 34 = C(7,3) - 1.
        #expect(SupportPairs.exact(rows: 3, columns: 4) == 34)
        for n in [8, 12, 16] {
            let ratio = (SupportPairs.exact(rows: n, columns: n) + 1) / SupportPairs.approximate(n)
            #expect(abs(ratio - 1) < 1.0 / Double(n), "n = \(n): C(2n,n) vs 4^n/sqrt(pi n)")
        }
    }
}

@Suite struct BenchRunnerTests {
    @Test func measuresEverySizeAndSeedWithThePureSolver() throws {
        let plan = BenchPlan(solver: .pure,
                             source: .family(.random, parameters: GeneratorParameters(size: 0), sizes: [4, 2, 3], seeds: [1, 2, 3]),
                             timeout: .seconds(60))
        var events = 0
        let (runs, stopped, cancelled) = BenchRunner().run(plan, observe: { _ in events += 1 })
        #expect(runs.count == 9 && stopped == nil && !cancelled)
        #expect(events == 18)
        let report = BenchReport(plan: plan, runs: runs, stopped: stopped, interrupted: false)
        #expect(report.rows.map(\.size) == [2, 3, 4])
        #expect(report.rows.map(\.shape) == ["2x2", "3x3", "4x4"])
        #expect(report.rows.map { $0.counters["profilesExamined"] } == [4, 9, 16])
        // The pure solver's results are the pure equilibria of the very same games.
        for run in runs {
            let seed = UInt64(run.label.split(separator: " ").last!)!
            let g = try BimatrixGenerators.uniformRandom(rows: run.size, columns: run.size, seed: seed)
            #expect(run.results == PureStrategyEquilibria().equilibria(of: g.normalForm).count)
        }
        // profilesExamined = n², so its fitted growth per unit is between 16/9 and 9/4.
        let b = try #require(report.growth.counters["profilesExamined"]).base
        #expect(b > 16.0 / 9 && b < 9.0 / 4)
        // The JSON the notebooks read has "rows" and "growth".
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
        #expect(json["rows"] is [Any] && json["growth"] is [String: Any])
    }

    @Test func aRunOverTheLimitStopsItsSizeAndTheLargerOnes() {
        // A zero limit is exceeded by the first run.
        let plan = BenchPlan(solver: .pure,
                             source: .family(.random, parameters: GeneratorParameters(size: 0), sizes: [2, 3], seeds: [1, 2]),
                             timeout: .zero)
        let (runs, stopped, _) = BenchRunner().run(plan)
        #expect(runs.count == 1 && runs[0].exceededLimit)
        #expect(stopped?.contains("size 2 stopped") == true)
        let report = BenchReport(plan: plan, runs: runs, stopped: stopped, interrupted: false)
        #expect(report.rows.count == 1 && report.rows[0].completed == 0 && report.rows[0].note != nil)
        #expect(report.growth.time == nil)
    }

    @Test func cancellationKeepsWhatWasMeasured() {
        let plan = BenchPlan(solver: .pure,
                             source: .family(.zeroSum, parameters: GeneratorParameters(size: 0), sizes: [2, 3], seeds: [1, 2]),
                             timeout: nil)
        var count = 0
        let (runs, _, cancelled) = BenchRunner().run(plan, isCancelled: { count += 1; return count > 3 })
        #expect(cancelled && runs.count == 3)
    }

    @Test func generatorErrorsAreReportedAgainstTheirSize() {
        let plan = BenchPlan(solver: .pure,
                             source: .family(.sandholmGilpinConitzer, parameters: GeneratorParameters(size: 0), sizes: [1, 2], seeds: [0]),
                             timeout: nil)
        let (runs, stopped, _) = BenchRunner().run(plan)
        #expect(runs.isEmpty)
        #expect(stopped?.hasPrefix("size 1:") == true)
    }

    @Test func lrsTextIsLrsnashInput() throws {
        let g = try BimatrixGame(rowPayoffs: [[3, 0], [0, Rational(1, 2)]], columnPayoffs: [[2, 0], [0, 3]])
        #expect(PeerTool.lrsText(g) == "2 2\n\n3 0\n0 1/2\n\n2 0\n0 3\n")
    }
}
