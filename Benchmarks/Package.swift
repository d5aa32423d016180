// swift-tools-version: 6.1
//
// GameSolve's benchmarks, a separate package so that the benchmark dependency (ordo-one's
// benchmark, with its plugin and allocator interposer) never reaches the library's users, the
// main build or CI's test run. Run from this folder: `swift package benchmark`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (lower-cased), which depends on where the
// repository was cloned; read it off this manifest's location so any clone works.
let gameSolveIdentity = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "GameSolveBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // One executable per solver family, each with fixed seeded inputs.
        .executableTarget(
            name: "Generators",
            dependencies: [
                .product(name: "GameSolve", package: gameSolveIdentity),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Generators",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "NashEquilibria",
            dependencies: [
                .product(name: "GameSolve", package: gameSolveIdentity),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/NashEquilibria",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ZeroSum",
            dependencies: [
                .product(name: "GameSolve", package: gameSolveIdentity),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ZeroSum",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Coalitions",
            dependencies: [
                .product(name: "GameSolve", package: gameSolveIdentity),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Coalitions",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
