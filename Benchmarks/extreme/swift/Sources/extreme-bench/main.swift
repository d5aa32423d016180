// extreme-bench [--jobs N] [--repeat R] [--arithmetic automatic|word64|word128|word256|arbitrary] FILE...
// Reads games in lrsnash's input format ("m n", A rows, B rows), solves each with
// ExtremeEquilibria and prints one line per file: name, equilibria, median seconds, counters.
import Equilibria
import ExactArithmetic
import Foundation
import StrategicGames

var jobs = 1, repeats = 1
var arithmetic = ExtremeEquilibria.Arithmetic.automatic
var files: [String] = []
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--jobs": jobs = Int(args.popFirst() ?? "1") ?? 1
    case "--repeat": repeats = Int(args.popFirst() ?? "1") ?? 1
    case "--arithmetic": arithmetic = ExtremeEquilibria.Arithmetic(rawValue: args.popFirst() ?? "") ?? .automatic
    default: files.append(a)
    }
}

func readGame(_ path: String) throws -> BimatrixGame {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    let m = Int(tokens[0])!, n = Int(tokens[1])!
    let values = tokens[2...].map { Rational(String($0))! }
    let a = (0..<m).map { i in Array(values[(i * n)..<((i + 1) * n)]) }
    let b = (0..<m).map { i in Array(values[(m * n + i * n)..<(m * n + (i + 1) * n)]) }
    return try BimatrixGame(rowPayoffs: a, columnPayoffs: b)
}

for f in files {
    let game = try readGame(f)
    var times: [Double] = []
    var result: NashResult?
    for _ in 0..<repeats {
        let t0 = ContinuousClock.now
        result = try ExtremeEquilibria.solve(game, limits: SolverLimits(jobs: jobs), arithmetic: arithmetic)
        let dt = ContinuousClock.now - t0
        times.append(Double(dt.components.seconds) + Double(dt.components.attoseconds) * 1e-18)
    }
    times.sort()
    let r = result!
    let counters = r.counters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    print("\(f)\t\(r.equilibria.count)\t\(String(format: "%.4f", times[times.count / 2]))\t\(counters)\t\(r.notes.first ?? "")")
}
