// swift-tools-version: 6.1
// Minimax benchmark: GameSolve's LP layer (floating and exact) on seeded random zero-sum games.
// A separate package so benchmark code never reaches library users.
import PackageDescription

let package = Package(
    name: "LPBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "GameSolve", path: "../../..")],
    targets: [
        .executableTarget(name: "lp-bench", dependencies: [.product(name: "GameSolve", package: "GameSolve")]),
    ]
)
