// swift-tools-version: 6.1
// Benchmark of ExtremeEquilibria against lrsnash (see README.md). A separate package so that
// benchmark code never reaches library users.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory (the worktree), so derive it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "ExtremeBenchmarks",
    dependencies: [.package(path: "../../..")],
    targets: [
        .executableTarget(name: "extreme-bench", dependencies: [
            .product(name: "Equilibria", package: root),
            .product(name: "StrategicGames", package: root),
            .product(name: "ExactArithmetic", package: root),
        ]),
    ]
)
