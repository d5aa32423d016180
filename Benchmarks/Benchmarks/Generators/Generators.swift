// Benchmarks of the game generators on fixed sizes and seeds.
import Benchmark
import GameSolve

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .instructions],
                                           maxDuration: .seconds(2), maxIterations: 1000)

    Benchmark("random 100x100 integers, seed 1") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BimatrixGenerators.uniformRandom(rows: 100, columns: 100, seed: 1))
        }
    }
    Benchmark("covariance 100x100 rho 0.5, seed 1") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BimatrixGenerators.covariance(rows: 100, columns: 100, correlation: 0.5, seed: 1))
        }
    }
    Benchmark("tournament n=12 k=3, seed 1") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BimatrixGenerators.tournament(nodes: 12, subsetSize: 3, seed: 1))
        }
    }
    Benchmark("ranking 100x100, seed 1") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BimatrixGenerators.ranking(size: 100, seed: 1))
        }
    }
}
