// Benchmarks of the coalition solvers (exact Shapley value, nucleolus, voting power) on fixed
// seeded TU games.
import Benchmark
import GameSolve

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .instructions],
                                           maxDuration: .seconds(3), maxIterations: 200)

    for n in [10, 16] {
        let game = try! GameFamily.bnfType1.generate(GeneratorParameters(size: n, seed: 1))
        Benchmark("shapley: BNF type 1, n=\(n), seed 1") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try BenchmarkedSolver.shapley.run(game, limits: SolverLimits(jobs: 1)))
            }
        }
    }
    for n in [8, 12] {
        let game = try! GameFamily.bnfType1.generate(GeneratorParameters(size: n, seed: 1))
        Benchmark("nucleolus: BNF type 1, n=\(n), seed 1",
                  configuration: .init(metrics: [.wallClock, .mallocCountTotal, .instructions,
                                                 .custom("linearPrograms"), .custom("simplexIterations")])) { benchmark in
            var outcome: SolverOutcome?
            for _ in benchmark.scaledIterations {
                outcome = try BenchmarkedSolver.nucleolus.run(game, limits: .none)
                blackHole(outcome)
            }
            benchmark.measurement(.custom("linearPrograms"), outcome?.counters["linearPrograms"] ?? 0)
            benchmark.measurement(.custom("simplexIterations"), outcome?.counters["simplexIterations"] ?? 0)
        }
    }
    let voting = try! GameFamily.weightedVoting.generate(GeneratorParameters(size: 40, seed: 1))
    Benchmark("voting-power: weighted voting, n=40, weights 1...100, seed 1") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BenchmarkedSolver.votingPower.run(voting, limits: .none))
        }
    }
}
