import ArgumentParser
import Foundation
import GameSolve

/// Renders a ``BenchReport`` as a table, CSV or JSON.
enum BenchRendering {
    /// The report in `format`; JSON is the one result envelope, with the options that shaped the
    /// sweep as `parameters` and `elapsedSeconds` the whole sweep's time.
    static func render(_ r: BenchReport, as format: BenchCommand.Format, parameters: [(String, JSONValue)] = [],
                       elapsedSeconds: Double = Stopwatch.command.seconds) -> String {
        switch format {
        case .table: return table(r)
        case .csv: return csv(r)
        case .json: return envelope(r, parameters: parameters, elapsedSeconds: elapsedSeconds).json().rendered()
        }
    }

    /// Seconds as a JSON number, to the nanosecond (no float noise like 0.00022922100000000002).
    static func seconds(_ s: Double) -> String { ResultEnvelope.decimalNumber(s, digits: 9) }

    /// A median of counts (an integer, or halfway between two) as a JSON number.
    static func median(_ x: Double) -> String { ResultEnvelope.decimalNumber(x, digits: 6) }

    static func fitJSON(_ fit: GrowthFit?) -> JSONValue {
        guard let fit else { return .null }
        return .object([("base", .number(ResultEnvelope.significantNumber(fit.base))),
                        ("constant", .number(ResultEnvelope.significantNumber(fit.constant))),
                        ("rSquared", .number(ResultEnvelope.significantNumber(fit.rSquared))),
                        ("sizes", .array(fit.sizes.map { .number(String($0)) }))])
    }

    /// `bench --format json`: `rows` (one per size, the same names as the CSV columns), the fitted
    /// `growth`, `stopped`, `interrupted` and the `peers`' rows; counters `runs`, `completedRuns`,
    /// `sizes`.
    static func envelope(_ r: BenchReport, parameters: [(String, JSONValue)], elapsedSeconds: Double) -> ResultEnvelope {
        func optional(_ x: Double?, _ f: (Double) -> String) -> JSONValue { x.map { .number(f($0)) } ?? .null }
        let rows: [JSONValue] = r.rows.map { row in
            .object([
                ("size", .number(String(row.size))), ("shape", .string(row.shape)),
                ("runs", .number(String(row.runs))), ("completed", .number(String(row.completed))),
                ("medianSeconds", .number(seconds(row.medianSeconds))), ("minSeconds", .number(seconds(row.minSeconds))),
                ("maxSeconds", .number(seconds(row.maxSeconds))),
                ("growth", optional(row.growth) { ResultEnvelope.significantNumber($0) }),
                ("counters", .object(row.counters.sorted { $0.key < $1.key }.map { ($0.key, .number(median($0.value))) })),
                ("medianResults", .number(median(row.medianResults))),
                ("minResults", .number(String(row.minResults))), ("maxResults", .number(String(row.maxResults))),
                ("supportPairs", optional(row.supportPairs, median)),
                ("expectedPivots", optional(row.expectedPivots, median)),
                ("note", row.note.map { .string($0) } ?? .null),
            ])
        }
        let peers: [JSONValue] = r.peers.map { p in
            .object([
                ("name", .string(p.name)), ("status", .string(p.status)),
                ("rows", .array(p.rows.map { row in
                    .object([("size", .number(String(row.size))), ("runs", .number(String(row.runs))),
                             ("completed", .number(String(row.completed))),
                             ("medianSeconds", optional(row.medianSeconds, seconds)),
                             ("medianResults", optional(row.medianResults, median)),
                             ("note", row.note.map { .string($0) } ?? .null)])
                })),
            ])
        }
        var envelope = ResultEnvelope(command: "bench", game: .null, method: r.solver)
        envelope.parameters = parameters
        envelope.stopReason = r.interrupted ? "interrupted" : r.stopped == nil ? "completed" : "stopped"
        envelope.result = [
            ("family", .string(r.family)),
            ("resultLabel", .string(r.resultLabel)),
            ("rows", .array(rows)),
            ("growth", .object([
                ("time", fitJSON(r.growth.time)),
                ("counters", .object(r.growth.counters.sorted { $0.key < $1.key }.map { ($0.key, fitJSON($0.value)) })),
                ("supportPairs", fitJSON(r.growth.supportPairs)),
            ])),
            ("stopped", r.stopped.map { .string($0) } ?? .null),
            ("interrupted", .bool(r.interrupted)),
            ("peers", .array(peers)),
        ]
        envelope.counters = [("runs", r.rows.reduce(0) { $0 + $1.runs }), ("completedRuns", r.rows.reduce(0) { $0 + $1.completed }),
                             ("sizes", r.rows.count)]
        envelope.elapsedSeconds = elapsedSeconds
        return envelope
    }

    static func counterNames(_ r: BenchReport) -> [String] {
        Array(Set(r.rows.flatMap { $0.counters.keys })).sorted()
    }

    static func table(_ r: BenchReport) -> String {
        var out = "solver \(r.solver), games \(r.family)"
        if let t = r.timeoutSeconds { out += ", limit \(number(t)) s per run" }
        out += "\n\n"
        let counters = counterNames(r)
        let hasPairs = r.rows.contains { $0.supportPairs != nil }
        var header = ["size", "shape", "runs", "median", "min", "max", "growth"] + counters + [r.resultLabel]
        if hasPairs { header.append("support pairs") }
        let hasFibonacci = r.rows.contains { $0.expectedPivots != nil }
        if hasFibonacci { header.append("F(3d/2+2)-1") }
        var lines = [header]
        for row in r.rows {
            var cells = ["\(row.size)", row.shape, row.completed == row.runs ? "\(row.runs)" : "\(row.completed)/\(row.runs)",
                         duration(row.medianSeconds), duration(row.minSeconds), duration(row.maxSeconds),
                         row.growth.map { String(format: "x%.2f", $0) } ?? "-"]
            cells += counters.map { row.counters[$0].map(number) ?? "-" }
            cells.append(row.minResults == row.maxResults ? "\(row.minResults)" : "\(number(row.medianResults)) (\(row.minResults)-\(row.maxResults))")
            if hasPairs { cells.append(row.supportPairs.map(number) ?? "-") }
            if hasFibonacci { cells.append(row.expectedPivots.map(number) ?? "-") }
            lines.append(cells)
        }
        out += aligned(lines)
        out += "\n"
        if let fit = r.growth.time {
            out += "time ~ c*b^n: b = \(String(format: "%.3f", fit.base)), c = \(String(format: "%.3g", fit.constant)) s (R^2 \(String(format: "%.3f", fit.rSquared)), sizes \(span(fit.sizes)))\n"
        } else {
            out += "time ~ c*b^n: not fitted (needs two completed sizes with a median of at least \(number(BenchReport.minimumFitSeconds)) s)\n"
        }
        for name in counters {
            if let fit = r.growth.counters[name] {
                out += "\(name) ~ c*b^n: b = \(String(format: "%.3f", fit.base)) (R^2 \(String(format: "%.3f", fit.rSquared)), sizes \(span(fit.sizes)))\n"
            }
        }
        if let fit = r.growth.supportPairs {
            out += "support pairs C(m+n,n)-1 ~ 4^n/sqrt(pi n): b = \(String(format: "%.3f", fit.base)) over these sizes (tends to 4)\n"
        }
        for row in r.rows where row.note != nil { out += "size \(row.size): \(row.note!)\n" }
        if let s = r.stopped { out += "stopped: \(s)\n" }
        if r.interrupted { out += "interrupted: the table shows the runs completed before Ctrl-C\n" }
        if !r.peers.isEmpty {
            out += "\npeers on the same games:\n"
            var peerLines = [["peer", "size", "runs", "median", r.resultLabel, "vs gamesolve", "note"]]
            for p in r.peers {
                if p.rows.isEmpty { peerLines.append([p.name, "-", "-", "-", "-", "-", p.status]) }
                for row in p.rows {
                    let ours = r.rows.first { $0.size == row.size }?.medianSeconds
                    let ratio: String = if let o = ours, let t = row.medianSeconds, o > 0 { String(format: "%.2fx", t / o) } else { "-" }
                    peerLines.append([p.name, "\(row.size)", "\(row.completed)/\(row.runs)", row.medianSeconds.map(duration) ?? "-",
                                      row.medianResults.map(number) ?? "-", ratio, row.note ?? ""])
                }
            }
            out += aligned(peerLines)
            out += "(vs gamesolve: the peer's median time divided by gamesolve's; above 1 means gamesolve is faster)\n"
        }
        return out
    }

    /// One row per size (and per peer size), under the same names as the JSON rows' keys.
    static func csv(_ r: BenchReport) -> String {
        let counters = counterNames(r)
        var lines = [(["tool", "size", "shape", "runs", "completed", "medianSeconds", "minSeconds", "maxSeconds", "growth"] + counters
                      + ["medianResults", "minResults", "maxResults", "supportPairs", "note"]).joined(separator: ",")]
        for row in r.rows {
            var cells = ["gamesolve:\(r.solver)", "\(row.size)", row.shape, "\(row.runs)", "\(row.completed)",
                         seconds(row.medianSeconds), seconds(row.minSeconds), seconds(row.maxSeconds),
                         row.growth.map { ResultEnvelope.significantNumber($0) } ?? ""]
            cells += counters.map { row.counters[$0].map(median) ?? "" }
            cells += [median(row.medianResults), "\(row.minResults)", "\(row.maxResults)", row.supportPairs.map(median) ?? "", quote(row.note ?? "")]
            lines.append(cells.joined(separator: ","))
        }
        for p in r.peers {
            if p.rows.isEmpty {
                lines.append(([p.name] + Array(repeating: "", count: 8 + counters.count + 4) + [quote(p.status)]).joined(separator: ","))
            }
            for row in p.rows {
                let cells = [p.name, "\(row.size)", "", "\(row.runs)", "\(row.completed)", row.medianSeconds.map(seconds) ?? "", "", "", ""]
                    + counters.map { _ in "" } + [row.medianResults.map(median) ?? "", "", "", "", quote(row.note ?? "")]
                lines.append(cells.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field (the one quoting rule, ``CSVFormat/field(_:)``).
    static func quote(_ s: String) -> String { CSVFormat.field(s) }

    static func aligned(_ lines: [[String]]) -> String {
        let widths = (0..<lines[0].count).map { c in lines.map { $0[c].count }.max() ?? 0 }
        return lines.map { cells in
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    static func span(_ sizes: [Int]) -> String {
        guard let a = sizes.first, let b = sizes.last else { return "-" }
        return a == b ? "\(a)" : "\(a)-\(b)"
    }

    static func duration(_ s: Double) -> String {
        if s < 1e-3 { return String(format: "%.1f us", s * 1e6) }
        if s < 1 { return String(format: "%.2f ms", s * 1e3) }
        return String(format: "%.2f s", s)
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return abs(x) >= 1e6 || abs(x) < 1e-3 ? String(format: "%.3g", x) : String(format: "%.2f", x)
    }
}

/// Loads the games of `--games DIR`: every .nfg, .json, .csv and .lrs file, two-player games
/// only; the size is the number of row strategies.
enum BenchGameLoader {
    static func load(directory: String) throws -> [BenchGame] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw GameInputError("cannot read the directory \(directory): \(error.localizedDescription)", reason: .io)
        }
        var games: [BenchGame] = []
        for name in names where GameFormat(fileName: name) != nil {
            let path = (directory as NSString).appendingPathComponent(name)
            let game = try GameFile.read(path: path)
            guard let b = game.bimatrix else {
                throw CommandFailure("\(path): bench --games takes two-player games; this one has \(game.playerCount) players")
            }
            games.append(BenchGame(size: b.rowCount, label: name, game: .bimatrix(b)))
        }
        guard !games.isEmpty else { throw CommandFailure("no game files (.nfg, .json, .csv, .lrs) in \(directory)") }
        return games
    }
}
