// swift-tools-version: 6.1
//
// GameSolve — equilibrium and cooperative game theory in Swift.
//
// Data flows one way: reader (GameFormats) → game model (StrategicGames, CoalitionGames)
// → solver (Equilibria, LPSolvers, ...) → result → renderer (the `gamesolve` executable).
// Module boundaries sit where a heavy dependency enters: the game model needs neither GLPK
// nor LAPACK; only LinearProgramming touches GLPK.
import PackageDescription

let package = Package(
    name: "GameSolve",
    products: [
        // MARK: Public API
        .library(name: "GameSolve", targets: ["GameSolve"]),
        .library(name: "ExactArithmetic", targets: ["ExactArithmetic"]),
        .library(name: "StrategicGames", targets: ["StrategicGames"]),
        .library(name: "GameFormats", targets: ["GameFormats"]),
        .library(name: "Equilibria", targets: ["Equilibria"]),
        .library(name: "LPSolvers", targets: ["LPSolvers"]),
        .library(name: "CoalitionGames", targets: ["CoalitionGames"]),
        .library(name: "CoreSolutions", targets: ["CoreSolutions"]),
        .library(name: "GameGenerators", targets: ["GameGenerators"]),
        .library(name: "RepeatedGames", targets: ["RepeatedGames"]),
        .library(name: "SolverBenchmarks", targets: ["SolverBenchmarks"]),
        .library(name: "CoalitionStructures", targets: ["CoalitionStructures"]),
        .library(name: "LearningDynamics", targets: ["LearningDynamics"]),
        .library(name: "EmpiricalGames", targets: ["EmpiricalGames"]),
        .library(name: "NashAveraging", targets: ["NashAveraging"]),
        .library(name: "Sharding", targets: ["Sharding"]),
        .library(name: "ShardedRuns", targets: ["ShardedRuns"]),
        .executable(name: "gamesolve", targets: ["gamesolve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        // The documentation build (`swift package generate-documentation --target GameSolve`).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: System libraries (no stable Swift API; see their README)
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK", providers: [.apt(["libglpk-dev"])]),
        .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK", providers: [.apt(["liblapack-dev"])]),

        // MARK: Support: the one parallel runner and the machine's size (no dependencies)
        .target(name: "SolverSupport"),

        // MARK: Exact numbers and the game models (no GLPK, no LAPACK)
        .target(name: "ExactArithmetic", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Sharded runs (issue 16): the split rules' common vocabulary (shard i/k, blocks, round
        // robin, stream seeds, the game hash); no dependencies.
        .target(name: "Sharding"),
        .target(name: "StrategicGames", dependencies: ["ExactArithmetic", .product(name: "BigInt", package: "BigInt")]),
        .target(name: "CoalitionGames", dependencies: ["ExactArithmetic", "SolverSupport", "_JSONText", "Sharding"]),

        // MARK: Readers and writers
        // Internal (leading underscore, no product): the one JSON parser, used by the strategic
        // reader (GameFormats) and the TU game reader (CoalitionGames).
        .target(name: "_JSONText"),
        .target(name: "GameFormats", dependencies: ["ExactArithmetic", "StrategicGames", "_JSONText"]),

        // MARK: Solvers
        .target(name: "Equilibria", dependencies: [
            "ExactArithmetic", "SolverSupport", "StrategicGames", "CLAPACK", "Sharding", .product(name: "BigInt", package: "BigInt"),
        ]),
        .target(name: "LinearProgramming", dependencies: ["ExactArithmetic", "CGLPK", .product(name: "BigInt", package: "BigInt")]),
        .target(name: "LPSolvers", dependencies: [
            "ExactArithmetic", "StrategicGames", "LinearProgramming", .product(name: "BigInt", package: "BigInt"),
        ]),
        .target(name: "CoreSolutions", dependencies: ["ExactArithmetic", "CoalitionGames", "LinearProgramming"]),
        .target(name: "GameGenerators", dependencies: ["ExactArithmetic", "StrategicGames", "CoalitionGames"]),
        .target(name: "RepeatedGames", dependencies: [
            "ExactArithmetic", "SolverSupport", "StrategicGames", "Equilibria", "LPSolvers", "Sharding", .product(name: "BigInt", package: "BigInt"),
        ]),
        .target(name: "CoalitionStructures", dependencies: [
            "ExactArithmetic", "SolverSupport", "CoalitionGames", "CoreSolutions", .product(name: "BigInt", package: "BigInt"),
        ]),
        // Learning dynamics (fictitious play, regret matching, Hedge, replicator, ...) and
        // empirical-game analysis (α-Rank, Moran processes) — issue 13.
        .target(name: "LearningDynamics", dependencies: ["ExactArithmetic", "StrategicGames"]),
        .target(name: "EmpiricalGames", dependencies: ["ExactArithmetic", "StrategicGames"]),
        // Nash averaging needs the exact minimax LP (GLPK), so it sits in its own module.
        .target(name: "NashAveraging", dependencies: [
            "ExactArithmetic", "StrategicGames", "LPSolvers", .product(name: "BigInt", package: "BigInt"),
        ]),

        // MARK: Measurement (runs solvers on generated games; Foundation for peer processes)
        .target(name: "SolverBenchmarks", dependencies: [
            "ExactArithmetic", "StrategicGames", "CoalitionGames", "GameGenerators", "Equilibria", "LPSolvers", "CoreSolutions",
            "Sharding",
        ]),

        // Part files of sharded runs and their merge (issue 16): reads and writes parts, checks
        // that a set of parts is complete and of one run, and merges them with the solvers' own
        // merge functions.
        .target(name: "ShardedRuns", dependencies: [
            "ExactArithmetic", "StrategicGames", "GameFormats", "Equilibria", "CoalitionGames", "RepeatedGames",
            "SolverBenchmarks", "Sharding", "_JSONText", .product(name: "BigInt", package: "BigInt"),
        ]),

        // MARK: Umbrella and command-line tool
        .target(name: "GameSolve", dependencies: [
            "SolverSupport", "ExactArithmetic", "StrategicGames", "GameFormats", "Equilibria", "LPSolvers",
            "CoalitionGames", "CoreSolutions", "GameGenerators", "SolverBenchmarks",
            "RepeatedGames",
            "CoalitionStructures",
            "LearningDynamics", "EmpiricalGames", "NashAveraging", "Sharding", "ShardedRuns",
        ]),
        .executableTarget(name: "gamesolve", dependencies: [
            "GameSolve",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Tests
        .testTarget(name: "ExactArithmeticTests", dependencies: ["ExactArithmetic"]),
        .testTarget(name: "StrategicGamesTests", dependencies: ["GameSolve"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "EquilibriaTests", dependencies: ["GameSolve", "Equilibria", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "LPSolversTests", dependencies: ["GameSolve"]),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "ExactArithmetic"]),
        .testTarget(name: "CoalitionGamesTests", dependencies: ["GameSolve"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GameGeneratorsTests", dependencies: ["GameSolve"]),
        .testTarget(name: "SolverBenchmarksTests", dependencies: ["GameSolve"]),
        .testTarget(name: "CLITests", dependencies: ["GameSolve", "_JSONText"], exclude: ["Golden"]),
        .testTarget(name: "RepeatedGamesTests", dependencies: ["GameSolve"]),
        .testTarget(name: "CoalitionStructuresTests", dependencies: ["GameSolve", "CoalitionStructures"]),
        .testTarget(name: "NPlayerEquilibriaTests", dependencies: ["GameSolve"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LearningDynamicsTests", dependencies: ["GameSolve"]),
        .testTarget(name: "EmpiricalGamesTests", dependencies: ["GameSolve"]),
        .testTarget(name: "ShardingTests", dependencies: ["GameSolve", "Sharding", "ShardedRuns"]),
    ]
)
