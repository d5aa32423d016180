// Benchmarks of the Nash-equilibrium solvers on fixed seeded games. Each benchmark also reports
// the solver's work counters as custom metrics, which (unlike time) are exact and repeatable.
import Benchmark
import GameSolve

/// Runs `solver` on `game` once per scaled iteration and records its counters from the last run.
func measure(_ benchmark: Benchmark, _ solver: BenchmarkedSolver, _ game: GeneratedGame) {
    var outcome: SolverOutcome?
    for _ in benchmark.scaledIterations {
        outcome = try? solver.run(game, limits: .none)
        blackHole(outcome)
    }
    for (name, value) in outcome?.counters ?? [:] {
        benchmark.measurement(.custom(name), value)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .instructions],
                                           maxDuration: .seconds(3), maxIterations: 200)

    let random60 = GeneratedGame.bimatrix(try! BimatrixGenerators.uniformRandom(rows: 60, columns: 60, seed: 1))
    Benchmark("pure: random 60x60, seed 1",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal, .instructions, .custom("profilesExamined")])) { benchmark in
        measure(benchmark, .pure, random60)
    }
}
