import Testing
import GameSolve

/// The code of the DocC article "Benchmarking solver scaling"
/// (Sources/GameSolve/GameSolve.docc/BenchmarkingSolverScaling.md), run as written: it compiles
/// and gives one row per size with its counters, and a growth fit of the support pairs examined.
@Suite struct BenchmarkArticleTests {
    @Test func articleCodeRuns() {
        let plan = BenchPlan(solver: .supportEnumeration,
                             source: .family(.random, parameters: GeneratorParameters(size: 2),
                                             sizes: [2, 3, 4, 5], seeds: [1, 2, 3]),
                             timeout: .seconds(10))
        let (runs, stopped, interrupted) = BenchRunner().run(plan)
        let report = BenchReport(plan: plan, runs: runs, stopped: stopped, interrupted: interrupted)
        for row in report.rows {
            print(row.size, row.medianSeconds, row.counters["supportsExamined"] ?? 0)
        }
        if let fit = report.growth.counters["supportsExamined"] {
            print("support pairs examined grow about \(fit.base)× per size step")
        }
        #expect(runs.count == 12 && stopped == nil && !interrupted)
        #expect(report.rows.map(\.size) == [2, 3, 4, 5])
        #expect(report.rows.allSatisfy { $0.runs == 3 && $0.completed == 3 && ($0.counters["supportsExamined"] ?? 0) >= 1 })
        #expect((report.growth.counters["supportsExamined"]?.base ?? 0) > 1)
    }
}
