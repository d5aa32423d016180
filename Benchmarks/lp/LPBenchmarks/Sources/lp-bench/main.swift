// Usage: lp-bench SIZE [SIZE...] [--games DIR] [--reps N] [--no-exact] [--seed S]
// For each size n: generates a seeded random n x n zero-sum game (integer payoffs in
// [-1000, 1000], SplitMix64), writes it to DIR/game-n.txt (n lines of n integers, for the SciPy
// harness), and times GameSolve's floating minimax (primal and dual simplex) and exact minimax.
// Prints one JSON object per line: {"size", "mode", "seconds" (median), "value", "iterations"}.
import Foundation
import GameSolve

/// Writes one line to stdout unbuffered, so partial runs still report.
func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

var sizes: [Int] = []
var directory = "/tmp/lp-bench-games"
var reps = 3
var exact = true
var seed: UInt64 = 20_261_121
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--games": directory = args.popFirst() ?? directory
    case "--reps": reps = Int(args.popFirst() ?? "") ?? reps
    case "--no-exact": exact = false
    case "--seed": seed = UInt64(args.popFirst() ?? "") ?? seed
    default: if let n = Int(a) { sizes.append(n) }
    }
}
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)

func time<T>(_ body: () throws -> T) rethrows -> (Double, T) {
    let start = ContinuousClock.now
    let r = try body()
    let d = ContinuousClock.now - start
    return (Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18, r)
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

for n in sizes {
    var rng = SplitMix64(seed: seed &+ UInt64(n))
    let rows = (0..<n).map { _ in (0..<n).map { _ in rng.uniform(-1000...1000) } }
    let text = rows.map { $0.map(String.init).joined(separator: " ") }.joined(separator: "\n") + "\n"
    try text.write(toFile: "\(directory)/game-\(n).txt", atomically: true, encoding: .utf8)
    let game = try BimatrixGame(zeroSum: rows.map { $0.map { Rational($0) } })
    for simplex in GLPKSolver.Simplex.allCases {
        var times: [Double] = []
        var last: FloatingMinimaxSolution?
        for _ in 0..<reps {
            let (t, s) = try time { try game.floatingMinimax(simplex: simplex) }
            times.append(t); last = s
        }
        emit("{\"size\": \(n), \"mode\": \"float-\(simplex.rawValue)\", \"seconds\": \(median(times)), \"value\": \(last!.value), \"iterations\": \(last!.iterations)}")
    }
    if exact {
        let (t, s) = try time { try game.minimax(simplex: .dual) }
        emit("{\"size\": \(n), \"mode\": \"exact\", \"seconds\": \(t), \"value\": \(s.value.doubleValue), \"exactValue\": \"\(s.value)\", \"iterations\": \(s.iterations)}")
    }
}
