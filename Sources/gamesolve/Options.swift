import ArgumentParser
import Foundation
import GameSolve

extension GameFormat: ExpressibleByArgument {}

/// The game a subcommand reads: a path (`-` for standard input), its format, and for the
/// two-file CSV form the column player's matrix.
struct GameInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The game file (.nfg, .csv, .json, .lrs), or '-' for standard input.", valueName: "game"))
    var game: String

    @Option(name: .customLong("input-format"),
            help: "The game file's format, when its extension does not tell it.")
    var inputFormat: GameFormat?

    @Option(name: .customLong("column-payoffs"),
            help: ArgumentHelp("A second CSV file with the column player's payoffs; GAME then holds the row player's (the two-file bimatrix form).", valueName: "file"))
    var columnPayoffs: String?

    /// Checks what holds for every reading.
    func validate() throws {
        if columnPayoffs != nil, (inputFormat ?? GameFormat(fileName: game)) != .csv {
            throw ValidationError("--column-payoffs \(columnPayoffs!) needs CSV files; \(game) is not read as CSV")
        }
    }

    /// Reads and validates the game (malformed input throws ``GameFormatError``). Standard input
    /// without `--input-format` is read as Gambit's format when it starts with `NFG` and as JSON
    /// when it starts with `{`; anything else needs `--input-format`.
    func load() throws -> NormalFormGame {
        return try GameFile.read(path: game, format: inputFormat, columnPayoffsPath: columnPayoffs)
    }
}

/// How `nash` prints its results.
enum OutputFormat: String, ResultFormat {
    /// An aligned table for people (the default).
    case table
    /// The JSON result envelope (schema: Schemas/nash.schema.json).
    case json
    /// One CSV row per equilibrium: the probabilities of every strategy, then the payoffs.
    case csv
    /// Gambit's `NE,p1,p2,...` lines, as printed by the gambit-* command-line tools.
    case gambit
    /// lrsnash-style blocks (`2 y... payoff1` lines, then `1 x... payoff2`), two players only.
    case lrs

    static let formatHelp = "Output format: table, json, csv, gambit (Gambit's NE,... lines) or lrs (lrsnash blocks)."
    static let decimalsHelp = "Show probabilities and payoffs as decimals with this many digits in table, CSV, Gambit and lrs output; in JSON, add strategiesDecimal and payoffsDecimal beside the exact strings."
}

/// `--timeout` of the LP commands (`minimax`, `correlated`): an LP has no partial answer, so
/// running out means nothing is printed and the exit status is 75.
struct LPTimeoutOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Give up after this many seconds (exit status 75, nothing printed): the LP has no partial answer.", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let t = timeout, !(t > 0) { throw ValidationError("--timeout must be a positive number of seconds, got \(t)") }
    }

    /// The solver's time limit.
    var timeLimit: Duration? { timeout.map { Duration.seconds($0) } }

    /// The error to report when the limit ran out.
    var stopped: StoppedByTimeout { StoppedByTimeout(seconds: timeout ?? 0) }

    /// Runs an LP solve with this limit, mapping its errors to the CLI's: the limit running out
    /// to ``stopped`` (exit 75), any other solver or LP error to a one-line failure (exit 1).
    func solve<T>(_ body: (Duration?) throws -> T) throws -> T {
        do {
            return try body(timeLimit)
        } catch LPError.timeLimitReached {
            throw stopped
        } catch let e as CustomStringConvertible & Error {
            throw CommandFailure(e.description)
        }
    }
}

/// Limits shared by solvers whose work can blow up.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Stop after this many seconds and report what was found so far.", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .customLong("max-equilibria"), help: ArgumentHelp("Stop after finding this many equilibria.", valueName: "n"))
    var maxEquilibria: Int?

    @Option(help: ArgumentHelp("Worker threads for methods that run in parallel (default: all cores).", valueName: "n"))
    var jobs: Int?

    @Flag(inversion: .prefixedNo,
          help: "Report progress on standard error while solving (default: when standard error is a terminal, for runs over a second).")
    var progress: Bool?

    func validate() throws {
        if let t = timeout, !(t > 0) { throw ValidationError("--timeout must be a positive number of seconds, got \(t)") }
        if let m = maxEquilibria, m < 1 { throw ValidationError("--max-equilibria must be at least 1, got \(m)") }
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1, got \(j)") }
    }

    /// The progress display solvers report to (see ``ProgressLine``); cleared when a run ends.
    static let progressLine = ProgressLine()

    var limits: SolverLimits {
        var progressHandler: (@Sendable (ProgressSnapshot) -> Void)?
        let always = progress == true
        if always || (progress == nil && isatty(2) != 0) {
            let line = LimitOptions.progressLine
            progressHandler = { (snapshot: ProgressSnapshot) in
                // Quiet runs stay quiet: without --progress, nothing before one second.
                guard always || snapshot.elapsed >= .seconds(1) else { return }
                let total = snapshot.total.map { " of \($0)" } ?? ""
                let seconds = Double(snapshot.elapsed.components.seconds) + Double(snapshot.elapsed.components.attoseconds) * 1e-18
                line.show("gamesolve: \(snapshot.done)\(total) \(snapshot.unit), \(snapshot.results) found, \(String(format: "%.1f", seconds)) s")
            }
        }
        var timeoutDuration: Duration?
        if let t = timeout { timeoutDuration = .milliseconds(Int64((t * 1000).rounded(.up))) }
        Interrupts.install()
        return SolverLimits(timeout: timeoutDuration, maxResults: maxEquilibria, jobs: jobs, progress: progressHandler,
                            cancellation: Interrupts.cancellation)
    }
}

/// A `--format` choice of a result command: its cases (every command has `table`, the default)
/// and the help line that says what each format prints.
protocol ResultFormat: ExpressibleByArgument, CaseIterable, RawRepresentable, Sendable where RawValue == String {
    static var table: Self { get }
    static var formatHelp: String { get }
    /// What `--decimals N` does with these formats.
    static var decimalsHelp: String { get }
}

extension ResultFormat {
    static var decimalsHelp: String {
        "Show exact values as decimals with this many digits in table and CSV output; in JSON, add a numeric ...Decimal key with this many digits beside each exact value (minimax, correlated and the repeated-game commands always add them, with 6 digits by default)."
    }
}

/// `table`, `json` or `csv`: the formats of most result commands.
enum TableJSONCSV: String, ResultFormat {
    case table, json, csv
    static let formatHelp = "Output format."
}

/// `--format` and `--decimals N` of every command that prints a result: the one place that turns
/// exact values into text (the fraction, or its decimal with `--decimals`) and into JSON (the exact
/// string, with a numeric `...Decimal` companion).
struct ResultOutputOptions<Format: ResultFormat>: ParsableArguments {
    @Option(help: ArgumentHelp(Format.formatHelp))
    var format: Format = .table

    @Option(help: ArgumentHelp(Format.decimalsHelp, valueName: "n"))
    var decimals: Int?

    func validate() throws {
        if let d = decimals, !(0...100).contains(d) { throw ValidationError("--decimals must be between 0 and 100, got \(d)") }
    }

    /// A value for tables and CSV: the exact fraction, or its decimal with --decimals.
    func text(_ x: Rational) -> String { decimals.map { x.decimal($0) } ?? x.description }

    /// A floating-point value for tables and CSV: with --decimals digits after the point, else `plain`.
    func text(_ x: Double, plain: String) -> String {
        guard let d = decimals, x.isFinite else { return plain }
        let text = String(format: "%.\(d)f", x)
        return Double(text) == 0 ? String(format: "%.\(d)f", 0.0) : text
    }

    /// The `...Decimal` companion of an exact JSON value (`defaultDigits` without --decimals).
    func decimal(_ x: Rational, defaultDigits: Int) -> JSONValue { .number(x.decimal(decimals ?? defaultDigits)) }

    /// ``decimal(_:defaultDigits:)`` with 6 digits by default.
    func decimal(_ x: Rational) -> JSONValue { decimal(x, defaultDigits: 6) }

    /// Exact values as JSON strings, with their `...Decimal` companions.
    func exactVector(_ v: [Rational]) -> (exact: JSONValue, decimal: JSONValue) {
        (.array(v.map { .string($0.description) }), .array(v.map { decimal($0) }))
    }

    /// `key` with the exact value, then `keyDecimal` with its decimal when --decimals is given (or
    /// `always`, for the commands whose JSON has always carried both).
    func exact(_ key: String, _ x: Rational, always: Bool = false) -> [(String, JSONValue)] {
        [(key, .string(x.description))] + (always || decimals != nil ? [(key + "Decimal", decimal(x))] : [])
    }

    /// ``exact(_:_:always:)`` of a vector.
    func exact(_ key: String, _ v: [Rational], always: Bool = false) -> [(String, JSONValue)] {
        let pair = exactVector(v)
        return [(key, pair.exact)] + (always || decimals != nil ? [(key + "Decimal", pair.decimal)] : [])
    }

    /// ``exact(_:_:always:)`` of a list of vectors (one per player).
    func exact(_ key: String, _ m: [[Rational]], always: Bool = false) -> [(String, JSONValue)] {
        [(key, .array(m.map { exactVector($0).exact }))]
            + (always || decimals != nil ? [(key + "Decimal", .array(m.map { exactVector($0).decimal }))] : [])
    }

    /// A floating-point JSON number: --decimals digits, else `defaultDigits` (no float noise).
    func number(_ x: Double, defaultDigits: Int = 12) -> JSONValue { .number(ResultEnvelope.decimalNumber(x, digits: decimals ?? defaultDigits)) }
}
