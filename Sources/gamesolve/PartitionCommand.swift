import ArgumentParser
import Foundation
import GameSolve
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `gamesolve partition GAME`: the optimal coalition structure of a TU game.
struct PartitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partition",
        abstract: "The optimal coalition structure of a TU game (coalition structure generation), exactly.",
        discussion: """
        Finds the partition of the players into coalitions of largest total value Σ v(C) (smallest \
        total cost for a cost game). Methods: idp (improved dynamic programming, Rahwan & Jennings \
        2008; O(3^n), parallel), ip (anytime branch and bound over integer partitions, Rahwan et \
        al. 2009, with the dynamic programme's small layers as bounds, as in ODP-IP) and auto (the \
        default: idp layers up to n/2 - 1, ip on them with a work cap of 1/16 of idp's splits, then idp continues). With --timeout, or on \
        SIGINT/SIGTERM, the best structure found so far is printed with a proven bound on the \
        optimum, marked incomplete, and the exit status is 75.

        Memory: the value table takes 8 bytes per coalition and the dynamic programme another 8 \
        (16 when values need 128-bit sums): 512 MB at n = 25. The estimate is printed before the \
        start; runs needing more than 90% of the machine's memory are refused unless \
        --allow-large-memory is given. Table files are read through the TU game reader (at most \
        25 players).
        """
    )

    @OptionGroup var input: TUGameOptions

    @Option(help: "Search method: auto (ip with a work cap, then idp), idp or ip.")
    var method: PartitionMethod = .auto

    @Flag(help: "Also divide each coalition's worth: the Aumann–Drèze value (Shapley value of each coalition's subgame), the nucleolus of each coalition (up to 12 players) and whether the coalition-structure core is non-empty (up to 14 players).")
    var allocations = false

    @Option(help: ArgumentHelp("Stop after this many seconds and print the best structure found with its bound (exit status 75).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
    var jobs: Int?

    @OptionGroup var output: ResultOutputOptions<TableJSONCSV>

    @Flag(help: "Run even when the memory estimate exceeds 90% of the machine's memory.")
    var allowLargeMemory = false

    @Flag(inversion: .prefixedNo, help: "Report progress and anytime bounds on standard error (default: when standard error is a terminal).")
    var progress: Bool?

    func validate() throws {
        if let t = timeout, !(t > 0) { throw ValidationError("--timeout must be a positive number of seconds, got \(t)") }
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1, got \(j)") }
    }

    func run() throws {
        let game = try input.loadTable()
        let table = CoalitionValueTable(game)
        let n = table.playerCount
        let needed = (1 << n) * 8 + table.dynamicProgrammingBytes()
        let available = Machine.physicalMemoryBytes
        let showProgress = progress ?? (isatty(2) != 0)
        if showProgress || n >= 18 {
            Diagnostics.note("partition: \(n) players, 2^\(n) coalition values; memory about \(formatBytes(needed)) (of \(formatBytes(available)))")
        }
        if needed > available / 10 * 9 && !allowLargeMemory {
            throw CommandFailure(PartitionError.tooMuchMemory(needed: needed, available: available / 10 * 9).description + " (pass --allow-large-memory to try anyway)")
        }
        let stop = PartitionStopControl(timeout: timeout.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) })
        Interrupts.install(report: { _ in stop.requestStop() })
        let line = LimitOptions.progressLine
        let sign: Rational = table.isCostGame ? -1 : 1
        let digits = output.decimals
        var report: (@Sendable (AnytimeReport) -> Void)?
        if showProgress {
            report = { (r: AnytimeReport) -> Void in
                line.show(anytimeLine(r, sign: sign, digits: digits))
            }
        }
        let options = PartitionOptions(jobs: jobs, stop: stop, report: report)
        let watch = Stopwatch()
        let result = CoalitionStructureSearch.solve(table, method: method, options: options)
        line.clear()
        var allocation: StructureAllocation?
        if allocations {
            do { allocation = try game.structureAllocation(result.coalitions, optimal: result.stopReason == .completed) }
            catch let e as CoreSolutionError { throw CommandFailure(e.description) }
        }
        print(render(result, table: table, allocation: allocation, seconds: watch.seconds), terminator: "")
        if result.stopReason != .completed {
            Interrupts.endIncomplete(interrupted: result.stopReason == .interrupted,
                                     " before optimality was proven: the structure printed is the best found, the optimum is at most its bound")
        }
    }

    private func text(_ x: Rational) -> String { output.text(x) }

    func render(_ r: CoalitionStructureResult, table: CoalitionValueTable, allocation: StructureAllocation?, seconds: Double) -> String {
        let names = table.playerNames
        let members = r.coalitions.map { TUGame.members($0) }
        let values = r.coalitions.map { table.isCostGame ? -table.value($0) : table.value($0) }
        let objective = table.isCostGame ? "minimize total cost" : "maximize total value"
        switch output.format {
        case .json:
            var result: [(String, JSONValue)] = [("objective", .string(objective))]
            result += output.exact("value", r.value)
            result += [
                ("coalitions", .array(members.map { .array($0.map { .string(names[$0]) }) })),
                ("coalitionIndices", .array(members.map { .array($0.map { .number(String($0)) }) })),
            ]
            result += output.exact("coalitionValues", values)
            result += [
                ("optimal", .bool(r.isOptimal)),
                ("complete", .bool(r.stopReason == .completed)),
            ]
            result += output.exact("bound", r.bound)
            result.append(("boundRatio", r.boundRatio.map { .string($0.description) } ?? .null))
            if output.decimals != nil { result.append(("boundRatioDecimal", r.boundRatio.map { output.decimal($0) } ?? .null)) }
            if let a = allocation {
                /// Exact values that may be absent (null), with their decimal companion under --decimals.
                func optional(_ key: String, _ exact: [(String, JSONValue)]?) -> [(String, JSONValue)] {
                    exact ?? [(key, .null)] + (output.decimals == nil ? [] : [(key + "Decimal", .null)])
                }
                result += output.exact("aumannDreze", a.aumannDreze)
                result += optional("nucleolusPerCoalition", a.nucleolus.map { output.exact("nucleolusPerCoalition", $0) })
                result.append(("inCoalitionStructureCore", a.inCoalitionStructureCore.map { .bool($0) } ?? .null))
                result += optional("coalitionStructureCorePoint", a.corePoint.map { output.exact("coalitionStructureCorePoint", $0) })
                result += optional("leastCoreValue", a.leastCoreValue.map { output.exact("leastCoreValue", $0) })
            }
            var parameters: [(String, JSONValue)] = [("jobs", .number(String(jobs ?? Machine.processorCount)))]
            if let timeout { parameters.append(("timeout", .number(ResultEnvelope.decimalNumber(timeout, digits: 3)))) }
            var notes: [String] = []
            notes.append(r.usedInt64 ? "sums in 64-bit integers (fast path)" : "sums in 128-bit integers (values too large for 64-bit sums)")
            if table.isCostGame { notes.append("cost game: the structure of least total cost") }
            if r.stopReason != .completed { notes.append("incomplete: the optimum is at most the bound (at least the bound, for a cost game)") }
            let envelope = ResultEnvelope(command: "partition", game: ResultEnvelope.tuGame(players: names), method: r.method.rawValue,
                                          parameters: parameters, stopReason: r.stopReason.rawValue, result: result,
                                          counters: r.counters.named, notes: notes, elapsedSeconds: seconds)
            return envelope.json().rendered()
        case .csv:
            var out = "coalition,value\n"
            for (m, v) in zip(members, values) {
                out += "\"\(m.map { names[$0] }.joined(separator: " "))\",\(text(v))\n"
            }
            // The answer: the total, whether it is proven optimal, and the bound on the optimum.
            out += "total,\(text(r.value))\noptimal,\(r.isOptimal)\nbound,\(text(r.bound))\n"
            if let a = allocation {
                out += "\nplayer,coalition,aumannDreze,nucleolus\n"
                for i in names.indices {
                    let k = r.coalitions.firstIndex { $0 & (1 << i) != 0 } ?? 0
                    out += "\(names[i]),\(k),\(text(a.aumannDreze[i])),\(a.nucleolus.map { text($0[i]) } ?? "")\n"
                }
            }
            return out
        case .table:
            var out = r.stopReason == .completed ? "Optimal coalition structure (\(r.method.rawValue))\n"
                : "Best coalition structure found (\(r.method.rawValue), INCOMPLETE: \(r.stopReason.rawValue))\n"
            let labels = members.map { "{" + $0.map { names[$0] }.joined(separator: ", ") + "}" }
            let width = labels.map(\.count).max() ?? 0
            for (l, v) in zip(labels, values) { out += "  \(l.padding(toLength: width, withPad: " ", startingAt: 0))  \(text(v))\n" }
            out += "value: \(text(r.value))\n"
            if r.stopReason != .completed {
                out += "bound: \(text(r.bound))" + (r.boundRatio.map { " (ratio \($0.decimal(max(output.decimals ?? 4, 4))))" } ?? "") + "\n"
            }
            for (k, v) in r.counters.named where v != 0 { out += "\(k): \(v)\n" }
            if let a = allocation { out += allocationTable(a, names: names, coalitions: r.coalitions) }
            return out
        }
    }
}

extension PartitionCommand {
    func allocationTable(_ a: StructureAllocation, names: [String], coalitions: [Int]) -> String {
        var rows = [["player", "coalition", "aumannDreze", "nucleolus"]]
        for i in names.indices {
            let k = coalitions.firstIndex { $0 & (1 << i) != 0 } ?? 0
            rows.append([names[i], String(k), text(a.aumannDreze[i]), a.nucleolus.map { text($0[i]) } ?? "-"])
        }
        let widths = (0..<4).map { j in rows.map { $0[j].count }.max() ?? 0 }
        var out = "\nAllocation within the coalitions (coalition = 0-based position above)\n"
        for r in rows { out += r.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: " ") + "\n" }
        switch a.inCoalitionStructureCore {
        case .some(true): out += "coalition-structure core: non-empty (a point: \(a.corePoint!.map(text).joined(separator: ", ")))\n"
        case .some(false): out += "coalition-structure core: empty (least-core value \(text(a.leastCoreValue!)))\n"
        case .none: out += "coalition-structure core: not decided (more than 14 players, or the structure is not proven optimal)\n"
        }
        return out
    }
}

extension PartitionMethod: ExpressibleByArgument {}

/// One stderr line of an anytime report, in the user's sign (costs for a cost game).
private func anytimeLine(_ r: AnytimeReport, sign: Rational, digits: Int?) -> String {
    let best: Rational = sign * r.best
    let bound: Rational = sign * r.bound
    var ratio = ""
    if r.best.signum > 0 { ratio = " (ratio " + (r.bound / r.best).decimal(4) + ")" }
    let seconds = Double(r.elapsed.components.seconds) + Double(r.elapsed.components.attoseconds) * 1e-18
    let bestText = digits.map { best.decimal($0) } ?? best.description
    let boundText = digits.map { bound.decimal($0) } ?? bound.description
    return "gamesolve: partition: best " + bestText + ", bound " + boundText + ratio + ", " + String(format: "%.1f", seconds) + " s"
}
