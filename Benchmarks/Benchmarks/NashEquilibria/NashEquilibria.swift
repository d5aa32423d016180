// Benchmarks of the Nash-equilibrium solvers on fixed seeded games. Each benchmark also reports
// the solver's work counters as custom metrics, which (unlike time) are exact and repeatable.
import Benchmark
import GameSolve

/// Runs `solver` on `game` once per scaled iteration and records its counters from the last run.
func measure(_ benchmark: Benchmark, _ solver: BenchmarkedSolver, _ game: GeneratedGame) throws {
    var outcome: SolverOutcome?
    for _ in benchmark.scaledIterations {
        outcome = try solver.run(game, limits: SolverLimits(jobs: 1))
        blackHole(outcome)
    }
    for (name, value) in outcome?.counters ?? [:] {
        benchmark.measurement(.custom(name), value)
    }
}

/// The metrics of a solver benchmark: time, allocations, instructions and the solver's counters.
func metrics(_ counters: [String]) -> Benchmark.Configuration {
    .init(metrics: [.wallClock, .mallocCountTotal, .instructions] + counters.map { .custom($0) })
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .instructions],
                                           maxDuration: .seconds(3), maxIterations: 200)

    let random60 = GeneratedGame.bimatrix(try! BimatrixGenerators.uniformRandom(rows: 60, columns: 60, seed: 1))
    Benchmark("pure: random 60x60, seed 1", configuration: metrics(["profilesExamined"])) { benchmark in
        try measure(benchmark, .pure, random60)
    }

    for n in [6, 8] {
        let game = GeneratedGame.bimatrix(try! BimatrixGenerators.uniformRandom(rows: n, columns: n, seed: 1))
        Benchmark("extreme-equilibria: random \(n)x\(n), seed 1",
                  configuration: metrics(["bases", "pivots", "verticesVisited"])) { benchmark in
            try measure(benchmark, .extremeEquilibria, game)
        }
    }
    let sgc = GeneratedGame.bimatrix(try! BimatrixGenerators.sandholmGilpinConitzer(k: 2))
    Benchmark("extreme-equilibria: Sandholm-Gilpin-Conitzer k=2 (7x7)",
              configuration: metrics(["bases", "pivots", "verticesVisited"])) { benchmark in
        try measure(benchmark, .extremeEquilibria, sgc)
    }
}
