import Foundation

/// Runs the built `gamesolve` executable and captures what it prints.
struct CLIRun {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLI {
    static let spawnLock = NSLock()

    /// The package root (two levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `gamesolve` in the build products directory: the test runner lives there too
    /// (`.build/<triple>/debug/GameSolvePackageTests.xctest`), so look next to it first.
    static let binary: URL? = {
        var candidates: [URL] = []
        if let arg0 = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: arg0).deletingLastPathComponent().appendingPathComponent("gamesolve"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("gamesolve"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("gamesolve"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/gamesolve"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `gamesolve arguments...` in the package root, feeding `input` on standard input.
    /// `environment` entries are added to (or replace) the test process's environment.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> CLIRun {
        guard let binary else { throw CLIError.notBuilt }
        // One child process at a time: spawning and reaping from many test threads at once
        // hung the whole test run with swift-corelibs-foundation's Process on Linux.
        spawnLock.lock()
        defer { spawnLock.unlock() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        let out = temp.appendingPathComponent("out"), err = temp.appendingPathComponent("err"), inp = temp.appendingPathComponent("in")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inp.path, contents: Data((input ?? "").utf8))
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let inHandle = try FileHandle(forReadingFrom: inp)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close(); try errHandle.close(); try inHandle.close()
        return CLIRun(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    enum CLIError: Error, CustomStringConvertible {
        case notBuilt
        var description: String { "gamesolve is not built: run `swift build --build-tests` first" }
    }
}
