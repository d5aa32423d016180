// Benchmarks of the zero-sum (minimax) LP solver on fixed seeded games.
import Benchmark
import GameSolve

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .instructions, .custom("simplexIterations")],
                                           maxDuration: .seconds(3), maxIterations: 200)

    for n in [10, 20] {
        let game = GeneratedGame.bimatrix(try! BimatrixGenerators.zeroSum(rows: n, columns: n, seed: 1))
        Benchmark("minimax: zero-sum \(n)x\(n) integers 0...99, seed 1") { benchmark in
            var outcome: SolverOutcome?
            for _ in benchmark.scaledIterations {
                outcome = try BenchmarkedSolver.minimax.run(game, limits: .none)
                blackHole(outcome)
            }
            benchmark.measurement(.custom("simplexIterations"), outcome?.counters["simplexIterations"] ?? 0)
        }
    }
}
