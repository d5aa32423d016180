import CoalitionGames
import ExactArithmetic
import Foundation
import GameGenerators
import StrategicGames

/// A peer implementation run on the same games for comparison: `lrsnash` (lrslib), or a Python
/// package (nashpy, QuantEcon) driven by a small harness. A peer that is not installed is
/// reported as missing, never simulated.
public struct PeerTool: Sendable, Hashable {
    public enum Backend: String, Sendable, Hashable { case lrsnash, nashpy, quantecon, coopgame }
    public var backend: Backend
    /// The peer's method (e.g. "support_enumeration").
    public var method: String

    public var name: String { backend == .lrsnash ? "lrsnash" : "\(backend.rawValue).\(method)" }

    /// The peers that compute what `solver` computes.
    public static func peers(for solver: BenchmarkedSolver) -> [PeerTool] {
        switch solver {
        case .pure: return [PeerTool(backend: .quantecon, method: "pure_nash_brute")]
        case .extremeEquilibria:
            return [PeerTool(backend: .lrsnash, method: "lrsnash"), PeerTool(backend: .nashpy, method: "vertex_enumeration"),
                    PeerTool(backend: .quantecon, method: "vertex_enumeration")]
        case .shapley: return [PeerTool(backend: .coopgame, method: "shapley")]
        case .nucleolus: return [PeerTool(backend: .coopgame, method: "nucleolus")]
        case .minimax, .votingPower: return []
        }
    }

    /// Nil when the peer can run here, else why not.
    public func unavailableReason() -> String? {
        switch backend {
        case .lrsnash:
            return PeerProcess.which("lrsnash") == nil ? "lrsnash is not on PATH" : nil
        case .nashpy, .quantecon, .coopgame:
            guard PeerProcess.which("python3") != nil else { return "python3 is not on PATH" }
            let module = backend.rawValue
            let r = PeerProcess.run(["python3", "-c", "import \(module)"], timeout: .seconds(120))
            return r.status == 0 ? nil : "python3 cannot import \(module)"
        }
    }

    /// Runs the peer on one game; returns its time (measured inside the peer for the Python
    /// harness, so interpreter start-up and JIT warm-up are excluded; the whole process for
    /// lrsnash) and its result count, or nil when it exceeded `timeout`.
    public func run(_ generated: GeneratedGame, timeout: Duration?) throws -> (seconds: Double, results: Int)? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        switch backend {
        case .lrsnash:
            guard let game = generated.bimatrix else { throw PeerError.failed(name, "takes two-player games") }
            let file = dir.appendingPathComponent("game.lrs")
            try Self.lrsText(game).write(to: file, atomically: true, encoding: .utf8)
            let start = ContinuousClock.now
            let r = PeerProcess.run(["lrsnash", file.path], timeout: timeout)
            let seconds = (ContinuousClock.now - start).seconds
            if r.timedOut { return nil }
            guard r.status == 0, let line = r.output.split(separator: "\n").first(where: { $0.contains("Number of equilibria found:") }),
                  let count = Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) else {
                throw PeerError.failed(name, r.output.suffix(400).description)
            }
            return (seconds, count)
        case .nashpy, .quantecon, .coopgame:
            let script = dir.appendingPathComponent("harness.py"), file = dir.appendingPathComponent("game.json")
            try Self.harness.write(to: script, atomically: true, encoding: .utf8)
            if let game = generated.bimatrix {
                try Self.jsonText(game).write(to: file, atomically: true, encoding: .utf8)
            } else if let table = try generated.table() {
                try Self.jsonText(table).write(to: file, atomically: true, encoding: .utf8)
            }
            // The harness's own start-up is not charged against the limit: allow 60 s more.
            let r = PeerProcess.run(["python3", script.path, backend.rawValue, method, file.path],
                                    timeout: timeout.map { $0 + .seconds(60) })
            if r.timedOut { return nil }
            guard r.status == 0, let last = r.output.split(separator: "\n").last,
                  let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any],
                  let seconds = object["seconds"] as? Double, let results = object["results"] as? Int else {
                throw PeerError.failed(name, r.output.suffix(400).description)
            }
            if let t = timeout, seconds > t.seconds { return nil }
            return (seconds, results)
        }
    }

    /// The game in lrsnash's single-file format: "m n", A's rows, B's rows (exact fractions).
    static func lrsText(_ g: BimatrixGame) -> String {
        func rows(_ m: Matrix<Rational>) -> String {
            m.rowArrays.map { $0.map(\.description).joined(separator: " ") }.joined(separator: "\n")
        }
        return "\(g.rowCount) \(g.columnCount)\n\n\(rows(g.rowPayoffs))\n\n\(rows(g.columnPayoffs))\n"
    }

    /// The game as {"A": [[...]], "B": [[...]]} with payoffs as exact fraction strings.
    static func jsonText(_ g: BimatrixGame) -> String {
        func rows(_ m: Matrix<Rational>) -> String {
            "[" + m.rowArrays.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        }
        return "{\"A\": \(rows(g.rowPayoffs)), \"B\": \(rows(g.columnPayoffs))}\n"
    }

    /// The TU game as {"values": [v(1), ..., v(2^n − 1)]} (bitmask order), exact fraction strings.
    static func jsonText(_ t: TUGame) -> String {
        "{\"values\": [" + t.values.map { "\"\($0)\"" }.joined(separator: ",") + "]}\n"
    }

    /// Runs one method of nashpy, QuantEcon or coopgame on a game file and prints {"seconds", "results"}.
    /// The method first runs once on a 2x2 game so that QuantEcon's JIT compilation is not
    /// timed. Payoffs become floats, as those packages compute in floating point.
    static let harness = #"""
    import json, sys, time
    from fractions import Fraction
    import numpy as np

    tool, method, path = sys.argv[1], sys.argv[2], sys.argv[3]
    data = json.load(open(path))
    if "A" in data:
        A = np.array([[float(Fraction(x)) for x in r] for r in data["A"]])
        B = np.array([[float(Fraction(x)) for x in r] for r in data["B"]])
    else:
        V = [float(Fraction(x)) for x in data["values"]]

    if tool == "coopgame":
        import coopgame
        def solve(values):
            g = coopgame.Game(values)
            if method == "shapley":
                coopgame.shapley(g)
                return 1
            if method == "nucleolus":
                coopgame.nucleolus(g)
                return 1
            raise SystemExit("unknown coopgame method " + method)
        solve([1.0, 2.0, 4.0])  # warm-up
        start = time.perf_counter()
        results = solve(V)
        print(json.dumps({"seconds": time.perf_counter() - start, "results": results}))
        sys.exit(0)

    if tool == "nashpy":
        import nashpy
        def solve(A, B):
            g = nashpy.Game(A, B)
            if method == "support_enumeration":
                return sum(1 for _ in g.support_enumeration())
            if method == "vertex_enumeration":
                return sum(1 for _ in g.vertex_enumeration())
            if method == "lemke_howson":
                g.lemke_howson(initial_dropped_label=0)
                return 1
            raise SystemExit("unknown nashpy method " + method)
    elif tool == "quantecon":
        from quantecon import game_theory as gt
        def solve(A, B):
            g = gt.NormalFormGame((gt.Player(A), gt.Player(B.T)))
            if method == "support_enumeration":
                return len(gt.support_enumeration(g))
            if method == "vertex_enumeration":
                return len(gt.vertex_enumeration(g))
            if method == "lemke_howson":
                gt.lemke_howson(g, init_pivot=0)
                return 1
            if method == "pure_nash_brute":
                return len(gt.pure_nash_brute(g))
            raise SystemExit("unknown quantecon method " + method)
    else:
        raise SystemExit("unknown tool " + tool)

    solve(np.array([[3.0, 0.0], [0.0, 2.0]]), np.array([[2.0, 0.0], [0.0, 3.0]]))  # warm-up
    start = time.perf_counter()
    results = solve(A, B)
    print(json.dumps({"seconds": time.perf_counter() - start, "results": results}))
    """#
}

/// A peer tool failed (not a timeout): its name and the end of its output.
public enum PeerError: Error, CustomStringConvertible {
    case failed(String, String)
    public var description: String {
        switch self { case .failed(let name, let output): return "\(name) failed: \(output)" }
    }
}

/// Runs a child process with a deadline, collecting its standard output and error.
enum PeerProcess {
    struct Outcome { var status: Int32; var output: String; var timedOut: Bool }

    static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(_ arguments: [String], timeout: Duration?) -> Outcome {
        guard let executable = which(arguments[0]) else { return Outcome(status: 127, output: "\(arguments[0]) not found", timedOut: false) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = Array(arguments.dropFirst())
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-peer-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        guard let handle = try? FileHandle(forWritingTo: out) else { return Outcome(status: 126, output: "cannot create a temporary file", timedOut: false) }
        p.standardOutput = handle
        p.standardError = handle
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return Outcome(status: 126, output: "\(error)", timedOut: false) }
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var timedOut = false
        while p.isRunning {
            if let d = deadline, ContinuousClock.now > d { p.terminate(); timedOut = true; break }
            Thread.sleep(forTimeInterval: 0.002)
        }
        p.waitUntilExit()
        try? handle.close()
        let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        return Outcome(status: p.terminationStatus, output: text, timedOut: timedOut)
    }
}

/// Runs the peers on the same games as a plan, size by size, stopping a peer's larger sizes once
/// one of its runs exceeds the limit.
public struct PeerRunner: Sendable {
    public init() {}

    public func run(_ peers: [PeerTool], plan: BenchPlan, sizes: [Int],
                    observe: (String) -> Void = { _ in }, isCancelled: () -> Bool = { false }) -> [PeerReport] {
        var reports: [PeerReport] = []
        for peer in peers {
            if let why = peer.unavailableReason() {
                reports.append(PeerReport(name: peer.name, status: "missing: \(why)", rows: []))
                continue
            }
            var rows: [PeerRow] = []
            sizeLoop: for size in sizes {
                guard case .success(let games) = plan.games(ofSize: size) else { break }
                var times: [Double] = [], results: [Double] = []
                var note: String?
                for (i, g) in games.enumerated() {
                    if isCancelled() { break sizeLoop }
                    observe("\(peer.name): size \(size) run \(i + 1)/\(games.count)")
                    do {
                        if let r = try peer.run(g.game, timeout: plan.timeout) {
                            times.append(r.seconds); results.append(Double(r.results))
                        } else {
                            note = "\(g.label) exceeded the limit; larger sizes skipped"
                            break
                        }
                    } catch {
                        note = "\(error)"
                        break
                    }
                }
                rows.append(PeerRow(size: size, runs: games.count, completed: times.count,
                                    medianSeconds: times.isEmpty ? nil : median(times),
                                    medianResults: results.isEmpty ? nil : median(results), note: note))
                if note != nil { break }
            }
            reports.append(PeerReport(name: peer.name, status: "ok", rows: rows))
        }
        return reports
    }
}
