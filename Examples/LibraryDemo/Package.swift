// swift-tools-version: 6.1
//
// A complete program using the GameSolve library, depending on this repository by path.
// Run it from the repository root: swift run --package-path Examples/LibraryDemo
import PackageDescription

let package = Package(
    name: "LibraryDemo",
    dependencies: [.package(name: "GameSolve", path: "../..")],
    targets: [
        .executableTarget(name: "LibraryDemo", dependencies: [.product(name: "GameSolve", package: "GameSolve")]),
    ]
)
