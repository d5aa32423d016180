import Foundation
import GameSolve

/// Renders a ``NashResult`` in every ``OutputFormat``. Generic over methods: it prints the
/// equilibria, and whatever counters, notes, stop reason, components and per-equilibrium details
/// the solver filled in, so new methods need no rendering code of their own.
struct NashResultRenderer {
    /// The game the equilibria belong to (for player and strategy names).
    let game: NormalFormGame
    /// The method's name as the user typed it.
    let method: String
    let result: NashResult
    /// The options that shaped the answer, for JSON's `parameters`.
    var parameters: [(String, JSONValue)] = []
    /// Wall-clock seconds of the solve, for JSON's `elapsedSeconds`.
    var elapsedSeconds: Double = 0
    /// `--decimals`: how exact values are shown (the format is ``render(_:)``'s argument).
    let output: ResultOutputOptions<OutputFormat>

    /// The text for standard output.
    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: return table()
        case .json: return json().rendered()
        case .csv: return csv()
        case .gambit: return gambit()
        case .lrs: return lrs()
        }
    }

    /// Lines meant for standard error when the output format has no room for them (csv, gambit, lrs).
    var diagnostics: [String] {
        var lines = result.notes
        if result.stopReason != .completed {
            lines.append("stopped early (\(stopText)): the list of equilibria\(result.components == nil ? "" : " and the components") may be incomplete")
        }
        return lines
    }

    private var stopText: String {
        switch result.stopReason {
        case .completed: return "completed"
        case .timeout: return "timeout reached"
        case .maxResults: return "maximum number of equilibria reached"
        case .interrupted: return "interrupted by a signal"
        }
    }

    // MARK: Table

    /// One strategy's cell: its name when pure, else `name=p` for each strategy in the support.
    private func cell(_ s: MixedStrategy, player: Int) -> String {
        let names = game.players[player].strategies
        let support = s.support
        if support.count == 1 && s.probabilities[support[0]] == .one { return names[support[0]] }
        return support.map { "\(names[$0])=\(output.text(s.probabilities[$0]))" }.joined(separator: " ")
    }

    func table() -> String {
        var out = ""
        let title = game.title.isEmpty ? "" : " of \"\(game.title)\""
        let count = result.equilibria.count
        out += "Nash equilibria\(title) (method: \(method)): \(count == 1 ? "1 equilibrium" : "\(count) equilibria") found, \(stopText)\n"
        if count > 0 {
            let details = (result.details ?? []).map(Self.columns)
            let detailKeys = Self.orderedDetailKeys(Set(details.flatMap { $0.keys }))
            let regretColumn = result.maxRegrets != nil
            var header = ["#"] + game.players.map(\.name) + ["payoffs"] + (regretColumn ? ["maxRegret"] : []) + detailKeys
            var rows = [[String]]()
            for (k, eq) in result.equilibria.enumerated() {
                var row = ["\(k + 1)"]
                row += eq.strategies.enumerated().map { cell($1, player: $0) }
                row.append(eq.payoffs.map(output.text).joined(separator: ", "))
                if let regrets = result.maxRegrets { row.append(Self.regretText(regrets[k])) }
                let d = details.indices.contains(k) ? details[k] : [:]
                row += detailKeys.map { d[$0] ?? "" }
                rows.append(row)
            }
            header = header.map { $0 }
            out += "\n" + alignedTable(header: header, rows: rows)
        }
        if let qre = result.quantalResponses, !qre.isEmpty {
            out += "\nlogit quantal response equilibria (floating point):\n"
            let rows = qre.map { q in
                ["\(q.lambda)"] + q.probabilities.map { p in p.map { Self.probabilityText($0) }.joined(separator: " ") }
            }
            out += alignedTable(header: ["lambda"] + game.players.map(\.name), rows: rows)
        }
        if let components = result.components, !components.isEmpty {
            out += "\ncomponents (maximal Nash subsets, by equilibrium number):\n"
            for (k, c) in components.enumerated() {
                out += "  \(k + 1): {" + c.map { "\($0 + 1)" }.joined(separator: ", ") + "}\n"
            }
        }
        if !result.counters.isEmpty {
            out += "\n" + result.counters.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "\n"
        }
        for line in diagnostics { out += "note: \(line)\n" }
        return out
    }

    /// The table's detail columns of one equilibrium: vertices as `x1`/`y2` and components and
    /// Nash subsets numbered from 1, as the table numbers equilibria and components; labels as
    /// `row:0`/`column:7` (0-based strategies) and pivots separated by spaces.
    static func columns(_ d: EquilibriumDetails) -> [String: String] {
        switch d {
        case .extreme(let row, let column, let component, let subsets):
            return ["rowVertex": "x\(row + 1)", "columnVertex": "y\(column + 1)", "component": "\(component + 1)",
                    "nashSubsets": subsets.map { String($0 + 1) }.joined(separator: ",")]
        case .lemkeHowson(let labels, let pivots):
            return ["labels": labels.map(\.description).joined(separator: " "), "pivots": pivots.map(String.init).joined(separator: " ")]
        case .supports(let supports):
            return ["support": supports.map { "{" + $0.map(String.init).joined(separator: ",") + "}" }.joined(separator: "x")]
        case .logit(let lambda):
            var text = "\(lambda)"
            if text.hasSuffix(".0") { text.removeLast(2) }
            return ["lambda": text]
        }
    }

    /// The JSON `details` of one equilibrium, typed: integers, arrays of integers, label objects
    /// `{"player": 1, "strategy": 0}`; every index 0-based.
    static func json(_ d: EquilibriumDetails) -> JSONValue {
        func int(_ k: Int) -> JSONValue { .number(String(k)) }
        switch d {
        case .extreme(let row, let column, let component, let subsets):
            return .object([("rowVertex", int(row)), ("columnVertex", int(column)), ("component", int(component)),
                            ("nashSubsets", .array(subsets.map(int)))])
        case .lemkeHowson(let labels, let pivots):
            return .object([
                ("labels", .array(labels.map { l in
                    switch l {
                    case .row(let i): return .object([("player", int(0)), ("strategy", int(i))])
                    case .column(let j): return .object([("player", int(1)), ("strategy", int(j))])
                    }
                })),
                ("pivots", .array(pivots.map(int))),
            ])
        case .supports(let supports):
            return .object([("support", .array(supports.map { .array($0.map(int)) }))])
        case .logit(let lambda):
            return .object([("lambda", .number(ResultEnvelope.decimalNumber(lambda, digits: 12)))])
        }
    }

    /// Per-equilibrium detail columns in reading order: where the equilibrium sits (its row and
    /// column vertex), what it belongs to (component, Nash subsets), how it was reached (labels,
    /// pivots); any other key follows alphabetically.
    static func orderedDetailKeys(_ keys: Set<String>) -> [String] {
        let preferred = ["rowVertex", "columnVertex", "component", "nashSubsets", "labels", "pivots"]
        return preferred.filter(keys.contains) + keys.subtracting(preferred).sorted()
    }

    private func alignedTable(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            var s = ""
            for (i, c) in cells.enumerated() {
                s += i + 1 < cells.count ? c + String(repeating: " ", count: widths[i] - c.count + 2) : c
            }
            return s + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    // MARK: JSON

    /// The one result envelope (``ResultEnvelope``): `command`, `game`, `method`, `parameters`,
    /// `stopReason`, then `equilibria` (and `quantalResponses`, `components` when the method
    /// fills them), `counters`, `notes`, `elapsedSeconds`.
    func json() -> JSONValue {
        var envelope = ResultEnvelope(command: "nash", game: ResultEnvelope.strategicGame(game), method: method)
        envelope.parameters = parameters
        envelope.stopReason = result.stopReason.rawValue
        envelope.result = [
            ("equilibria", .array(result.equilibria.enumerated().map { k, eq in
                var e = output.exact("strategies", eq.strategies.map(\.probabilities)) + output.exact("payoffs", eq.payoffs)
                if let regrets = result.maxRegrets {
                    e.append(("maxRegret", .string(regrets[k].description)))
                    e.append(("maxRegretDecimal", .number(Self.regretDecimal(regrets[k]))))
                    e.append(("exact", .bool(regrets[k].isZero)))
                }
                if let d = result.details, d.indices.contains(k) { e.append(("details", Self.json(d[k]))) }
                return .object(e)
            })),
        ]
        if let qre = result.quantalResponses {
            envelope.result.append(("quantalResponses", .array(qre.map { q in
                .object([("lambda", .number(ResultEnvelope.decimalNumber(q.lambda, digits: 12))),
                         ("strategies", .array(q.probabilities.map { p in .array(p.map { .number(Self.probabilityText($0)) }) }))])
            })))
        }
        if let c = result.components {
            envelope.result.append(("components", .array(c.map { .array($0.map { .number("\($0)") }) })))
        }
        envelope.counters = result.counters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        envelope.notes = result.notes
        envelope.elapsedSeconds = elapsedSeconds
        return envelope.json()
    }

    /// A floating-point probability with 12 significant digits (a QRE is not exact).
    static func probabilityText(_ p: Double) -> String {
        let s = String(format: "%.12g", p)
        return s
    }

    // MARK: Regret

    /// "exact" for 0, else an upper bound on the regret with two significant digits
    /// ("≤ 3.2e-15"), rounded up from the exact fraction.
    static func regretText(_ r: Rational) -> String {
        r.isZero ? "exact" : "≤ " + regretDecimal(r)
    }

    /// The regret as a decimal number in scientific notation with two significant digits,
    /// rounded up (never below the exact value), computed from the fraction without floating point.
    static func regretDecimal(_ r: Rational) -> String {
        if r.isZero { return "0" }
        var e = 0
        var scaled = r
        let ten = Rational(10)
        while scaled >= ten { scaled /= ten; e += 1 }
        while scaled < .one { scaled *= ten; e -= 1 }
        // 1 ≤ scaled < 10: two significant digits, rounded up.
        let tenths = scaled * ten
        var digits = tenths.numerator / tenths.denominator
        if Rational(digits) < tenths { digits += 1 }
        if digits == 100 { digits = 10; e += 1 }
        let text = String(digits)
        let mantissa = text.count >= 2 ? "\(text.first!).\(text.dropFirst())" : text
        return "\(mantissa)e\(e)"
    }

    // MARK: CSV and Gambit

    func csv() -> String {
        var header = ["equilibrium"]
        for p in game.players { header += p.strategies.map { "\(p.name):\($0)" } }
        header += game.players.map { "payoff:\($0.name)" }
        if result.maxRegrets != nil { header.append("maxRegret") }
        var out = header.map(CSVFormat.field).joined(separator: ",") + "\n"
        for (k, eq) in result.equilibria.enumerated() {
            var row = ["\(k + 1)"]
            for s in eq.strategies { row += s.probabilities.map(output.text) }
            row += eq.payoffs.map(output.text)
            if let regrets = result.maxRegrets { row.append(regrets[k].description) }
            out += row.joined(separator: ",") + "\n"
        }
        return out
    }

    func gambit() -> String {
        result.equilibria.map { eq in
            "NE," + eq.strategies.flatMap { $0.probabilities.map(output.text) }.joined(separator: ",") + "\n"
        }.joined()
    }
}
