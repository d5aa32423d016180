import ArgumentParser
import Dispatch
import Foundation
import GameSolve

/// `gamesolve bench`: runs a solver over growing games and shows how time and work grow.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure how a solver's time and work counters grow with the game's size.",
        discussion: """
        Runs the solver on freshly generated games (one per seed and size) or on the games in \
        --games DIR, with a time limit per run. Prints per size: runs, median/min/max time, the \
        solver's work counters, equilibria found and the growth factor from the previous size; \
        then time ~ c*b^n fitted by least squares. A size stops once a run exceeds the limit \
        (larger sizes are skipped). Progress goes to stderr; Ctrl-C prints what was measured.
        Example: gamesolve bench --solver pure --family random --sizes 4...14 --seeds 5
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Option(help: "The solver to measure.")
    var solver: BenchmarkedSolver

    @Option(help: "The family of generated games (default: random for two-player solvers, bnf-type-1 for coalitional ones; weighted-voting for voting-power).")
    var family: GameFamily?

    @Option(help: "Sizes, e.g. 4...14, 4..<15 or 4,6,8 (meaning per family: see `gamesolve generate --help`).")
    var sizes: SizeList = SizeList(argument: "2...6")!

    @Option(help: "Games per size (seeds 1...N).")
    var seeds: Int = 5

    @Option(help: "Time limit per run, in seconds.")
    var timeout: Double = 10

    @Option(help: "Worker threads for solvers that run in parallel.")
    var jobs: Int = 1

    @Option(help: "Run the games in this directory instead of generated ones (size = row strategies).")
    var games: String?

    @Option(help: "Output format.")
    var format: Format = .table

    @Flag(help: "Also run the peer tools found on this machine (lrsnash, nashpy, QuantEcon) on the same games.")
    var compare = false

    @OptionGroup(title: "Generator options")
    var generator: GeneratorOptions

    @OptionGroup(title: "Sharded runs") var sharding: ShardOptions

    func validate() throws {
        try checkShardApplies()
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard seeds >= 1 else { throw ValidationError("--seeds must be at least 1, got \(seeds)") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
        if let dir = games {
            if let f = family { throw ValidationError("--family \(f.rawValue) and --games \(dir) exclude each other: the games are generated or read") }
            if let o = generator.given.first {
                throw ValidationError("\(o.option)\(o.value.isEmpty ? "" : " " + o.value) is a generator option; it does not apply with --games \(dir)")
            }
        }
        if games == nil, let family, solver.gameKind != family.kind {
            let fitting = GameFamily.allCases.filter { $0.kind == solver.gameKind }.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--solver \(solver.rawValue) takes \(solver.gameKind.rawValue) games; choose --family from: \(fitting)")
        }
        if games == nil { try generator.checkApplies(to: family ?? solver.defaultFamily) }
    }

    /// The options that shaped the sweep, typed, for JSON's `parameters` (the family is a result key).
    var parameters: [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        if let dir = games {
            out.append(("games", .string(dir)))
        } else {
            out.append(("sizes", .array(sizes.sizes.map { .number(String($0)) })))
            out.append(("seeds", .number(String(seeds))))
        }
        out.append(("timeout", .number(ResultEnvelope.seconds(timeout))))
        out.append(("jobs", .number(String(jobs))))
        out.append(("compare", .bool(compare)))
        return out
    }

    /// The sweep the options describe.
    func makePlan() throws -> BenchPlan {
        let source: BenchSource
        if let dir = games {
            source = .games(try BenchGameLoader.load(directory: dir))
        } else {
            source = .family(family ?? solver.defaultFamily, parameters: generator.parameters(size: 0, seed: 0),
                             sizes: sizes.sizes, seeds: (1...seeds).map { UInt64($0) })
        }
        return BenchPlan(solver: solver, source: source, timeout: .milliseconds(Int64(timeout * 1000)), jobs: jobs)
    }

    func run() throws {
        let plan = try makePlan()
        if let shard = try sharding.resolve() { return try runShard(plan, shard) }
        let state = BenchState()
        let progress = ProgressLine()
        let format = self.format
        let parameters = self.parameters

        // SIGINT or SIGTERM: print what was measured so far, then exit 130 or 143.
        Interrupts.install { sig in
            progress.clear()
            let (runs, stopped, peers) = state.snapshot()
            let report = BenchReport(plan: plan, runs: runs, stopped: stopped, interrupted: true, peers: peers)
            FileHandle.standardError.write(Data("bench: interrupted; printing what was measured so far\n".utf8))
            FileHandle.standardOutput.write(Data(BenchRendering.render(report, as: format, parameters: parameters).utf8))
            Foundation.exit(128 + sig)
        }

        let (runs, stopped, _) = BenchRunner().run(plan, observe: { event in
            switch event {
            case .starting(let size, let run, let of, let label):
                progress.show("bench \(solver.rawValue): size \(size), run \(run)/\(of) (\(label))")
            case .finished(let r):
                state.add(r)
            case .stopped(_, let reason):
                state.setStopped(reason)
                progress.clear()
                FileHandle.standardError.write(Data("bench: \(reason)\n".utf8))
            }
        })
        var peers: [PeerReport] = []
        if compare {
            let measured = Array(Set(runs.map(\.size))).sorted()
            peers = PeerRunner().run(PeerTool.peers(for: solver), plan: plan, sizes: measured,
                                     observe: { progress.show("bench: \($0)") })
            state.setPeers(peers)
        }
        progress.clear()
        let report = BenchReport(plan: plan, runs: runs, stopped: stopped, interrupted: false, peers: peers)
        print(BenchRendering.render(report, as: format, parameters: parameters), terminator: "")
    }
}

/// What has been measured so far, shared with the Ctrl-C handler.
final class BenchState: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [BenchRun] = []
    private var stopped: String?
    private var peers: [PeerReport] = []

    func add(_ r: BenchRun) { lock.withLock { runs.append(r) } }
    func setStopped(_ s: String) { lock.withLock { stopped = s } }
    func setPeers(_ p: [PeerReport]) { lock.withLock { peers = p } }
    func snapshot() -> ([BenchRun], String?, [PeerReport]) { lock.withLock { (runs, stopped, peers) } }
}

/// A one-line progress display on stderr (rewritten in place on a terminal, else one line per
/// update at most every few seconds).
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(2) == 1
    private var lastPrint = ContinuousClock.now - .seconds(10)
    private var shown = false

    func show(_ text: String) {
        lock.withLock {
            if isTerminal {
                FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
                shown = true
            } else if ContinuousClock.now - lastPrint > .seconds(2) {
                FileHandle.standardError.write(Data("\(text)\n".utf8))
                lastPrint = .now
            }
        }
    }

    func clear() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); shown = false }
        }
    }
}
