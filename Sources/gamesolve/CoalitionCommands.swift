import ArgumentParser
import GameSolve
#if canImport(Glibc)
import Glibc
#endif

// `gamesolve shapley|banzhaf|power|core|least-core|nucleolus|prenucleolus GAME`: the value family
// for TU games. Each command reads the game, calls the library, renders; no computing here.

/// Output formats of the coalition commands.
typealias AllocationFormat = TableJSONCSV

/// The TU game a coalition command reads.
struct TUGameOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The TU game: JSON (a table or a rule such as weighted-voting), a plain vector of 2^n − 1 values, or a NumPy .npy array (bitmask order); '-' for standard input.", valueName: "game"))
    var game: String

    @Option(help: "Coalition order of a plain value vector.")
    var order: CoalitionOrder = .bitmask

    /// Reads GAME. Standard input can be read only once: call this (or ``loadTable()``) once.
    func load() throws -> TUGameInput { try loadTUGame(path: game, order: order) }

    /// Reads GAME (once) and expands a rule to its table.
    func loadTable() throws -> TUGame {
        let loaded = try load()
        do { return try loaded.table() } catch let e as TUGameError { throw commandError(e) }
    }
}

extension CoalitionOrder: ExpressibleByArgument {}

/// Reads a TU game file (JSON table or rule, a plain value vector, or a NumPy `.npy` array): the
/// one loader of the coalition commands, `info` and `convert`. A file named `*.npy` is streamed
/// into the table; other input is read whole and is npy when it starts with npy's magic string,
/// else text (checked to be UTF-8). Malformed input throws ``GameFormatError`` (exit 65).
/// - Parameter bytes: the file's bytes when the caller has read them already (standard input
///   can be read only once).
func loadTUGame(path: String, order: CoalitionOrder, bytes: [UInt8]? = nil) throws -> TUGameInput {
    let name = path == "-" ? "<stdin>" : path
    do {
        if bytes == nil, path != "-", fileExtension(path) == "npy" {
            return .table(try GameFile.withStream(path: path) { try NPYFormat.read(size: $0, from: $1) })
        }
        let bytes = try bytes ?? GameFile.readBytes(path: path)
        if NPYFormat.hasMagic(bytes) || fileExtension(path) == "npy" { return .table(try NPYFormat.read(bytes)) }
        try GameFile.requireUTF8(bytes, fileName: name)
        return try TUGameReader.read(utf8: bytes, order: order)
    } catch let e as TUGameFormatError {
        let located = GameFormatError(file: name, line: e.position.line, column: e.position.column, message: e.message)
        if e.exceedsLimit { throw LimitExceeded(located.description) }
        throw located
    }
}

/// The lower-cased extension of a path's file name (`npy` for `a/b.NPY`), or nil.
func fileExtension(_ path: String) -> String? {
    guard let name = path.split(separator: "/").last, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return name[name.index(after: dot)...].lowercased()
}

/// A TU game error as the command line reports it: sizes beyond a stated limit are usage errors
/// (exit 64), anything else a failure (exit 1).
func commandError(_ e: TUGameError) -> Error {
    // The library names its own methods for large games; the command line names its options.
    let message = e.description.replacingOccurrences(of: TUGameError.largeGameMethods,
                                                     with: "sampling (`--samples N` or `--error E`) or voting power")
    return e.exceedsLimit ? LimitExceeded(message) : CommandFailure(message)
}

func readText(_ path: String) throws -> String { try GameFile.readText(path: path) }

/// A value of a coalition command's result, typed so that each format shows it right.
enum ResultValue {
    /// An exact number: the fraction (or its decimal with --decimals) in tables and CSV; in JSON
    /// the exact string, with a `...Decimal` companion under --decimals.
    case exact(Rational)
    /// A count (power swings): a JSON integer.
    case integer(String)
    /// A floating-point estimate (sampling): a JSON number without float noise (12 digits after
    /// the point, or --decimals).
    case estimate(Double)
    /// A coalition: `{A, B}` in tables and CSV, an array of player names in JSON.
    case coalition([String])
    /// A list of exact numbers (the nucleolus' levels): in JSON exact strings with a
    /// `...Decimal` companion under --decimals.
    case exactList([Rational])
    /// Anything else, already typed.
    case json(JSONValue)
}

/// Renders one allocation-like result with extras. In JSON, the one result envelope
/// (``ResultEnvelope``): the TU players as `game`, the short `method` identifier, the columns
/// (one entry per player) and extras as the result, work counters in `counters`.
struct AllocationRenderer {
    /// The heading of the table output ("Shapley value (estimate from 1000 samples, ...)").
    let concept: String
    let players: [String]
    /// Named columns, one entry per player; the first is the allocation.
    let columns: [(name: String, values: [ResultValue])]
    /// The result's headline facts beside the columns (the least-core value, the verdict, ...).
    let extras: [(String, ResultValue)]
    /// The subcommand (`shapley`, `nucleolus`, ...) and the method's identifier.
    var command = ""
    var method = ""
    /// The options that shaped the answer, typed.
    var parameters: [(String, JSONValue)] = []
    /// Work counters (JSON `counters`; table and CSV list them after the extras).
    var counters: [(String, Int)] = []
    /// Seconds for `elapsedSeconds`; nil: since the command started (``Stopwatch/command``).
    var elapsedSeconds: Double?
    /// `--decimals`.
    var output: ResultOutputOptions<TableJSONCSV>
    /// Whether the extras are the headline answer (the least-core value, the core verdict, the
    /// nucleolus' verification), which the CSV then carries as columns on every player's row.
    var headlineExtras: Bool

    init(concept: String, players: [String], columns: [(name: String, values: [ResultValue])], extras: [(String, ResultValue)],
         command: String, method: String, parameters: [(String, JSONValue)] = [], counters: [(String, Int)] = [],
         output: ResultOutputOptions<TableJSONCSV>, headlineExtras: Bool = false) {
        self.concept = concept
        self.players = players
        self.columns = columns
        self.extras = extras
        self.command = command
        self.method = method
        self.parameters = parameters
        self.counters = counters
        self.output = output
        self.headlineExtras = headlineExtras
    }

    /// A value in a table or CSV cell.
    func text(_ v: ResultValue) -> String {
        switch v {
        case .exact(let x): return output.text(x)
        case .integer(let s): return s
        case .estimate(let x): return output.text(x, plain: "\(x)")
        case .coalition(let names): return "{" + names.joined(separator: ", ") + "}"
        case .exactList(let xs): return JSONValue.array(xs.map { .string(output.text($0)) }).plain
        case .json(let j): return j.plain
        }
    }

    /// A value in a CSV cell: booleans `true`/`false`, lists separated by semicolons.
    func csvText(_ v: ResultValue) -> String {
        switch v {
        case .coalition(let names): return CSVFormat.field(names.joined(separator: ";"))
        case .exactList(let xs): return CSVFormat.field(xs.map(output.text).joined(separator: ";"))
        case .json(.bool(let b)): return b ? "true" : "false"
        default: return CSVFormat.field(text(v))
        }
    }

    /// A value as JSON.
    func json(_ v: ResultValue) -> JSONValue {
        switch v {
        case .exact(let x): return .string(x.description)
        case .integer(let s): return .number(s)
        case .estimate(let x): return output.number(x)
        case .coalition(let names): return .array(names.map { .string($0) })
        case .exactList(let xs): return output.exactVector(xs).exact
        case .json(let j): return j
        }
    }

    /// `key` and, for exact values under --decimals, `keyDecimal`.
    func members(_ key: String, _ values: [ResultValue]) -> [(String, JSONValue)] {
        let exact = values.compactMap { if case .exact(let x) = $0 { return x } else { return nil } }
        if exact.count == values.count && !values.isEmpty { return output.exact(key, exact) }
        return [(key, .array(values.map(json)))]
    }

    func members(_ key: String, _ value: ResultValue) -> [(String, JSONValue)] {
        if case .exact(let x) = value { return output.exact(key, x) }
        if case .exactList(let xs) = value { return output.exact(key, xs) }
        return [(key, json(value))]
    }

    func render(_ format: AllocationFormat) -> String {
        switch format {
        case .json:
            var envelope = ResultEnvelope(command: command, game: ResultEnvelope.tuGame(players: players), method: method)
            envelope.parameters = parameters
            for c in columns { envelope.result += members(c.name, c.values) }
            for (k, v) in extras { envelope.result += members(k, v) }
            envelope.counters = counters
            envelope.elapsedSeconds = elapsedSeconds ?? Stopwatch.command.seconds
            return envelope.json().rendered()
        case .csv:
            // One row per player; the headline facts (if any) as columns repeated on each row.
            let facts = headlineExtras ? extras : []
            var out = (["player"] + columns.map(\.name) + facts.map(\.0)).joined(separator: ",") + "\n"
            let factCells = facts.map { csvText($0.1) }
            for (i, p) in players.enumerated() {
                out += ([CSVFormat.field(p)] + columns.map { csvText($0.values[i]) } + factCells).joined(separator: ",") + "\n"
            }
            return out
        case .table:
            var out = "\(concept)\n"
            let header = ["player"] + columns.map(\.name)
            var rows = [header]
            for (i, p) in players.enumerated() { rows.append([p] + columns.map { text($0.values[i]) }) }
            let widths = header.indices.map { j in rows.map { $0[j].count }.max() ?? 0 }
            for r in rows {
                let line = r.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                out += line.trimmingCharacters(in: " ") + "\n"
            }
            for (k, v) in extras { out += "\(k): \(text(v))\n" }
            for (k, v) in counters { out += "\(k): \(v)\n" }
            return out
        }
    }

}

extension JSONValue {
    var plain: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "yes" : "no"
        case .null: return "-"
        default: return rendered().trimmingCharacters(in: "\n")
        }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String { var s = self; while s.last == set { s.removeLast() }; return s }
}

private func emit(_ text: String) { print(text, terminator: text.hasSuffix("\n") ? "" : "\n") }

/// Sampling options shared by `shapley` and `banzhaf`.
struct SamplingOptions: ParsableArguments {
    @Option(help: "Estimate by this many random samples instead of computing exactly (95% confidence intervals).")
    var samples: Int?
    @Option(help: "Estimate until every confidence half-width is at most this (instead of --samples).")
    var error: Double?
    @Option(help: "With --error: the confidence level of the intervals (default 0.95).")
    var confidence: Double?
    @Option(help: "With --samples or --error: the seed of the SplitMix64 stream (default 1).")
    var seed: UInt64?
    @Option(help: "Without --samples or --error: worker threads for the exact table computation (default: all cores).")
    var jobs: Int?
    @Option(help: ArgumentHelp("With --samples: draw the samples in this many independent seeded streams, as that many shards do (default 1: one stream from --seed).", valueName: "k"))
    var streams: Int?

    /// Exclusive and non-applying combinations are usage errors, never silently ignored.
    func validate() throws {
        if let n = samples, let e = error {
            throw ValidationError("--samples \(n) and --error \(e) exclude each other: give one (a fixed sample count, or a target half-width)")
        }
        if let c = confidence, error == nil {
            throw ValidationError("--confidence \(c) applies only with --error (--samples reports 95% intervals; the exact value has none)")
        }
        if let s = seed, samples == nil, error == nil {
            throw ValidationError("--seed \(s) applies only to sampling (--samples or --error); the exact value uses no randomness")
        }
        if let j = jobs, samples != nil || error != nil {
            throw ValidationError("--jobs \(j) applies only to the exact computation, not to sampling (--samples or --error)")
        }
        if let n = samples, n < 2 { throw ValidationError("--samples must be at least 2, got \(n)") }
        if let e = error, !(e > 0 && e.isFinite) { throw ValidationError("--error must be a positive number, got \(e)") }
        if let c = confidence, !(c > 0 && c < 1) { throw ValidationError("--confidence must be in (0, 1), got \(c)") }
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1, got \(j)") }
        if let k = streams {
            guard let n = samples else { throw ValidationError("--streams \(k) applies only with --samples") }
            if k < 1 || n < 2 * k { throw ValidationError("--streams must be between 1 and --samples/2 (at least 2 samples per stream), got \(k)") }
        }
    }

    var sampling: SamplingStop? {
        if let samples { return .samples(samples) }
        if let error { return .targetError(error, confidence: confidence ?? 0.95, maxSamples: 100_000_000) }
        return nil
    }
}

private func valueCommand(_ input: TUGameOptions, _ sampling: SamplingOptions, _ sharding: ShardOptions,
                          _ output: ResultOutputOptions<TableJSONCSV>, banzhaf: Bool) throws {
    if let shard = try sharding.resolve() { return try valueShard(input, sampling, shard, banzhaf: banzhaf) }
    let loaded = try input.load()
    if let stop = sampling.sampling {
        let game: SamplableGame
        switch loaded { case .table(let g): game = .table(g); case .rule(let r, _): game = .rule(r) }
        let est: SampledValue
        let streams = sampling.streams ?? 1
        do {
            if streams > 1, let n = sampling.samples {
                est = try ValueSampler.streams(game, banzhaf: banzhaf, samples: n, seed: sampling.seed ?? 1, streams: streams)
            } else {
                est = banzhaf ? try ValueSampler.banzhaf(game, stop: stop, seed: sampling.seed ?? 1)
                    : try ValueSampler.shapley(game, stop: stop, seed: sampling.seed ?? 1)
            }
        } catch let e as TUGameError { throw commandError(e) }
        emit(sampledRenderer(est, players: loaded.playerNames, banzhaf: banzhaf, streams: streams, output: output).render(output.format))
        return
    }
    // The game was read once above (standard input cannot be read twice): expand that.
    let g: TUGame
    do { g = try loaded.table() } catch let e as TUGameError { throw commandError(e) }
    let values = g.shapleyAndBanzhaf(jobs: sampling.jobs)
    emit(exactRenderer(values, players: g.playerNames, banzhaf: banzhaf, output: output).render(output.format))
}

/// The renderer of exact Shapley or Banzhaf values (also used by `merge`).
func exactRenderer(_ values: CoalitionValues, players: [String], banzhaf: Bool, output: ResultOutputOptions<TableJSONCSV>) -> AllocationRenderer {
    let x = banzhaf ? values.banzhaf : values.shapley
    return AllocationRenderer(concept: banzhaf ? "Banzhaf value" : "Shapley value", players: players,
                              columns: [("allocation", x.map { .exact($0) })], extras: [("exact", .json(.bool(true)))],
                              command: banzhaf ? "banzhaf" : "shapley", method: banzhaf ? "banzhaf-exact" : "shapley-exact", output: output)
}

/// The renderer of a sampled estimate (also used by `merge`); `streams` is shown when above 1.
func sampledRenderer(_ est: SampledValue, players: [String], banzhaf: Bool, streams: Int, output: ResultOutputOptions<TableJSONCSV>) -> AllocationRenderer {
    let name = banzhaf ? "Banzhaf value" : "Shapley value"
    let over = streams > 1 ? " in \(streams) streams" : ""
    return AllocationRenderer(
        concept: "\(name) (estimate from \(est.samples) samples\(over), seed \(est.seed), \(est.confidence) confidence)",
        players: players,
        columns: [("allocation", est.estimate.map { .estimate($0) }), ("halfWidth", est.halfWidth.map { .estimate($0) }),
                  ("lower", zip(est.estimate, est.halfWidth).map { .estimate($0 - $1) }), ("upper", zip(est.estimate, est.halfWidth).map { .estimate($0 + $1) })],
        extras: [("exact", .json(.bool(false))), ("samples", .integer("\(est.samples)")), ("confidence", .json(.number("\(est.confidence)"))),
                 ("seed", .integer("\(est.seed)"))] + (streams > 1 ? [("streams", .integer("\(streams)"))] : []),
        command: banzhaf ? "banzhaf" : "shapley", method: banzhaf ? "banzhaf-sampled" : "shapley-sampled",
        parameters: [("seed", .number("\(est.seed)")), ("confidence", .number("\(est.confidence)"))] + (streams > 1 ? [("streams", .number("\(streams)"))] : []),
        output: output)
}

struct ShapleyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "shapley", abstract: "The Shapley value of a TU game (exact, or estimated by sampling).")
    @OptionGroup var input: TUGameOptions
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>
    @OptionGroup(title: "Sharded runs") var sharding: ShardOptions
    func validate() throws { try checkValueShard(input, sampling, sharding, output) }
    func run() throws { try valueCommand(input, sampling, sharding, output, banzhaf: false) }
}

struct BanzhafCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "banzhaf", abstract: "The (raw) Banzhaf value of a TU game (exact, or estimated by sampling).")
    @OptionGroup var input: TUGameOptions
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>
    @OptionGroup(title: "Sharded runs") var sharding: ShardOptions
    func validate() throws { try checkValueShard(input, sampling, sharding, output) }
    func run() throws { try valueCommand(input, sampling, sharding, output, banzhaf: true) }
}

struct PowerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "power", abstract: "Shapley–Shubik and Banzhaf power indices of a weighted voting game (exact, pseudo-polynomial).")
    @OptionGroup var input: TUGameOptions
    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>
    func run() throws {
        guard case .rule(let rule, let names) = try input.load() else {
            throw CommandFailure("power needs a weighted voting game ({\"type\": \"weighted-voting\", \"quota\": q, \"weights\": [...]}); for a table use shapley or banzhaf")
        }
        let p: VotingPower
        do { p = try rule.votingPower() } catch let e as TUGameError { throw commandError(e) }
        emit(AllocationRenderer(concept: "Power indices", players: names,
                                columns: [("shapleyShubik", p.shapleyShubik.map { .exact($0) }), ("banzhaf", p.banzhaf.map { .exact($0) }),
                                          ("banzhafAbsolute", p.banzhafAbsolute.map { .exact($0) }), ("swings", p.swings.map { .integer("\($0)") })],
                                extras: [], command: "power", method: "voting-power", output: output).render(output.format))
    }
}


struct CoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core", abstract: "Is the core non-empty (with a core point), or is a given allocation in the core.")
    @OptionGroup var input: TUGameOptions
    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>
    @Option(help: ArgumentHelp("An allocation to test, comma-separated exact numbers (e.g. 1/2,1/4,1/4).", valueName: "x"))
    var allocation: String?
    func run() throws {
        let g = try input.loadTable()
        if let allocation {
            let parts = allocation.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }
            let x = try parts.map { s -> Rational in
                guard let r = Rational(s) else { throw ValidationError("--allocation \(allocation): '\(s)' is not a number") }
                return r
            }
            guard x.count == g.playerCount else {
                throw ValidationError("--allocation \(allocation) has \(x.count) number\(x.count == 1 ? "" : "s"); this game has \(g.playerCount) players, one number each")
            }
            let m = try g.coreMembership(x)
            emit(AllocationRenderer(concept: "Core membership", players: g.playerNames, columns: [("allocation", x.map { .exact($0) })],
                                    extras: [("inCore", .json(.bool(m.inCore))), ("efficient", .json(.bool(m.efficient))),
                                             ("mostViolatedCoalition", .coalition(TUGame.members(m.mostViolated).map { g.playerNames[$0] })),
                                             ("maxExcess", .exact(m.maxExcess))],
                                    command: "core", method: "core-membership", output: output, headlineExtras: true).render(output.format))
            return
        }
        let lc = try g.leastCore()
        emit(AllocationRenderer(concept: lc.coreNonEmpty ? "Core: non-empty (a core point: the nucleolus)" : "Core: empty (least-core point shown)",
                                players: g.playerNames, columns: [("allocation", lc.point.map { .exact($0) })],
                                extras: [("nonEmpty", .json(.bool(lc.coreNonEmpty))), ("leastCoreValue", .exact(lc.value)),
                                         ("verified", .json(.bool(lc.verified)))], command: "core", method: "least-core-lp", output: output,
                                headlineExtras: true).render(output.format))
    }
}

struct LeastCoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "least-core", abstract: "The least-core value ε* and a least-core point (exact, verified).")
    @OptionGroup var input: TUGameOptions
    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>
    func run() throws {
        let g = try input.loadTable()
        let lc = try g.leastCore()
        emit(AllocationRenderer(concept: "Least core", players: g.playerNames, columns: [("allocation", lc.point.map { .exact($0) })],
                                extras: [("leastCoreValue", .exact(lc.value)), ("nonEmpty", .json(.bool(lc.coreNonEmpty))),
                                         ("verified", .json(.bool(lc.verified)))], command: "least-core", method: "least-core-lp", output: output,
                                headlineExtras: true).render(output.format))
    }
}

private func nucleolusCommand(_ input: TUGameOptions, _ output: ResultOutputOptions<TableJSONCSV>, pre: Bool) throws {
    let g = try input.loadTable()
    let r: NucleolusResult
    do { r = pre ? try SequentialNucleolus.prenucleolus(g) : try SequentialNucleolus.nucleolus(g) }
    catch let e as CoreSolutionError { throw CommandFailure(e.description) }
    // A returned result is verified: SequentialNucleolus throws CoreSolutionError.notVerified otherwise.
    var extras: [(String, ResultValue)] = [("verified", .json(.bool(r.verified))), ("levels", .exactList(r.levels))]
    if let first = r.levels.first { extras.append(("leastCoreValue", .exact(first))) }
    emit(AllocationRenderer(concept: pre ? "Prenucleolus" : "Nucleolus", players: g.playerNames,
                            columns: [("allocation", r.allocation.map { .exact($0) })], extras: extras,
                            command: pre ? "prenucleolus" : "nucleolus", method: pre ? "prenucleolus-sequential-lp" : "nucleolus-sequential-lp",
                            counters: r.counters.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) }, output: output,
                            headlineExtras: true).render(output.format))
}

struct NucleolusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nucleolus", abstract: "The nucleolus (exact, verified by Kohlberg's criterion).")
    @OptionGroup var input: TUGameOptions
    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>
    func run() throws { try nucleolusCommand(input, output, pre: false) }
}

struct PrenucleolusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prenucleolus", abstract: "The prenucleolus (exact, verified by Kohlberg's criterion).")
    @OptionGroup var input: TUGameOptions
    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>
    func run() throws { try nucleolusCommand(input, output, pre: true) }
}
