// swift-tools-version: 6.1
// Benchmarks for Lemke–Howson and support enumeration; a separate package so that benchmark code
// never reaches library users. Build with `swift build -c release` in this directory.
import Foundation
import PackageDescription

// A path dependency's identity is its directory's name (the checkout may be called anything).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "NashBenchmarks",
    dependencies: [.package(path: "../../..")],
    targets: [
        .executableTarget(name: "NashBench",
                          dependencies: [.product(name: "GameSolve", package: root.lastPathComponent)]),
    ]
)
