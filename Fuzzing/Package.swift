// swift-tools-version: 6.1
//
// GameSolve's fuzz targets: one libFuzzer target per reader. A separate package, like
// Benchmarks/, so that the main package's `swift build` and test run never see them: each target
// is an executable with no `main` of its own (libFuzzer supplies it), so it links only with
//     swift build -c debug --sanitize=fuzzer --product FuzzNFG
// Run them with ../scripts/fuzz.sh, which also uses the seed corpora in corpus/<target>/.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (lower-cased), which depends on where the
// repository was cloned; read it off this manifest's location so any clone works.
let gameSolveIdentity = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let readers = ["FuzzNFG", "FuzzCSV", "FuzzJSON", "FuzzLrs", "FuzzTUJSON", "FuzzTUVector", "FuzzTURules", "FuzzNPY"]

let package = Package(
    name: "GameSolveFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // What every target shares: size guards and the checks run on a game that was read.
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "GameFormats", package: gameSolveIdentity),
            .product(name: "CoalitionGames", package: gameSolveIdentity),
        ]),
    ] + readers.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport"], path: "Sources/\(name)")
    }
)
