import Foundation
import GameSolve
#if canImport(Glibc)
import Glibc
#endif

/// The one JSON envelope of every command that prints a result (issue 18):
///
/// ```
/// { "command", "game", "method", "parameters", "stopReason",
///   ...the command's own result keys...,
///   "counters": {name: integer}, "notes": [string], "elapsedSeconds": number }
/// ```
///
/// Exact values stay exact strings ("2/3"); typed things are typed (integers, booleans, arrays
/// of player names for coalitions); every index is 0-based. Commands build one of these and call
/// ``json()``; no command writes its own top-level object.
struct ResultEnvelope {
    /// The subcommand's name as typed (`nash`, `partition`, `tournament`, ...).
    var command: String
    /// The game the result belongs to (``strategicGame(_:)``, ``tuGame(players:)``, or `.null`
    /// for commands that read no game).
    var game: JSONValue
    /// A short identifier of the method (`support-enumeration`, `nucleolus`, `dp`, ...).
    var method: String
    /// The options that shaped the answer (seed, samples, label, ...), typed.
    var parameters: [(String, JSONValue)] = []
    /// `completed`, `timeout`, `maxResults`, `interrupted`, ...
    var stopReason: String = "completed"
    /// The command's own result keys, in the order they should print.
    var result: [(String, JSONValue)] = []
    /// Work counters, name → integer.
    var counters: [(String, Int)] = []
    var notes: [String] = []
    var elapsedSeconds: Double = 0

    func json() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("command", .string(command)),
            ("game", game),
            ("method", .string(method)),
            ("parameters", .object(parameters)),
            ("stopReason", .string(stopReason)),
        ]
        members += result
        members.append(("counters", .object(counters.map { ($0.0, .number(String($0.1))) })))
        members.append(("notes", .array(notes.map { .string($0) })))
        members.append(("elapsedSeconds", .number(ResultEnvelope.seconds(elapsedSeconds))))
        return .object(members)
    }

    /// `{title, players: [{name, strategies}]}` of a strategic-form game.
    static func strategicGame(_ game: NormalFormGame) -> JSONValue {
        .object([
            ("title", .string(game.title)),
            ("players", .array(game.players.map { p in
                .object([("name", .string(p.name)), ("strategies", .array(p.strategies.map { .string($0) }))])
            })),
        ])
    }

    /// `{players: [names]}` of a TU game.
    static func tuGame(players: [String]) -> JSONValue {
        .object([("players", .array(players.map { .string($0) }))])
    }

    /// Seconds with microsecond resolution, as a JSON number without float noise.
    static func seconds(_ s: Double) -> String { decimalNumber(s, digits: 6) }

    /// A floating-point value as a JSON number with `digits` significant digits (`1.23457e-05`,
    /// `45.63`): for measured quantities of any magnitude (fitted constants, growth factors).
    static func significantNumber(_ x: Double, digits: Int = 6) -> String {
        guard x.isFinite else { return "null" }
        let text = String(format: "%.\(digits)g", x)
        return text == "-0" ? "0" : text
    }

    /// A floating-point value as a JSON number with at most `digits` digits after the point
    /// (trailing zeros dropped); non-finite values become `null` text is the caller's business.
    static func decimalNumber(_ x: Double, digits: Int) -> String {
        guard x.isFinite else { return "null" }
        var text = String(format: "%.\(digits)f", x)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}

/// Wall-clock time of a command's solve, for `elapsedSeconds`.
struct Stopwatch {
    /// Started once the arguments are parsed: the whole run of commands that time no narrower
    /// step (the TU commands: reading the game and solving).
    static let command = Stopwatch()

    private let start = ContinuousClock.now
    var seconds: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
