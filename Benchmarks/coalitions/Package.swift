// swift-tools-version: 6.1
// Benchmarks for the coalition solvers: a separate package so benchmark code never reaches users.
import PackageDescription

let package = Package(
    name: "CoalitionBenchmarks",
    dependencies: [.package(name: "GameSolve", path: "../..")],
    targets: [
        .executableTarget(name: "coalition-bench", dependencies: [.product(name: "GameSolve", package: "GameSolve")]),
    ]
)
