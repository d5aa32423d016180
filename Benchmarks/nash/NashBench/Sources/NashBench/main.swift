// NashBench: times GameSolve's Lemke–Howson and support enumeration on generated games, and
// writes the same games as JSON for the Python harness (nashpy, QuantEcon).
//
//   NashBench gen-random M N SEED OUT.json     random integer payoffs 0...999 (SplitMix64)
//   NashBench gen-svs D OUT.json               Savani–von Stengel hard game
//   NashBench lh FILE.json exact|double|extended|fraction-free [LABEL] [REPEATS]
//   NashBench svs D exact|double|extended|fraction-free [LABEL] [SCALE]   generate and time in one go
//   NashBench se FILE.json JOBS [all-pairs] [REPEATS]
import Foundation
import GameSolve

func fail(_ s: String) -> Never { FileHandle.standardError.write((s + "\n").data(using: .utf8)!); exit(2) }

func write(_ game: BimatrixGame, to path: String) throws {
    func ints(_ m: Matrix<Rational>) -> [[String]] { m.rowArrays.map { $0.map(\.description) } }
    let json = try JSONSerialization.data(withJSONObject: ["A": ints(game.rowPayoffs), "B": ints(game.columnPayoffs)])
    try json.write(to: URL(fileURLWithPath: path))
}

func read(_ path: String) throws -> BimatrixGame {
    let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: [[String]]]
    func m(_ k: String) -> [[Rational]] { obj[k]!.map { $0.map { Rational($0)! } } }
    return try BimatrixGame(rowPayoffs: m("A"), columnPayoffs: m("B"))
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

/// CPU time of the calling thread (the machine is shared: wall time is noisy).
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func timeLH(_ game: BimatrixGame, arithmetic: LemkeHowson.Arithmetic, label: Int, repeats: Int) throws {
    let l = LemkeHowson.Label(index: label, rowCount: game.rowCount)
    var best = Double.infinity, bestCPU = Double.infinity
    var path: LemkeHowson.Path?
    for _ in 0..<repeats {
        let c0 = threadCPUSeconds()
        let t0 = ContinuousClock.now
        path = try LemkeHowson(label: l, arithmetic: arithmetic).path(game, label: l)
        best = min(best, seconds(ContinuousClock.now - t0))
        bestCPU = min(bestCPU, threadCPUSeconds() - c0)
    }
    let p = path!
    // What the model's one-time conversion of the payoffs to doubles costs (done when a game is
    // made, outside the timed solves above): rebuilding the game from its matrices, best of 5.
    var model = Double.infinity
    for _ in 0..<5 {
        let c0 = threadCPUSeconds()
        _ = try BimatrixGame(rowPayoffs: game.rowPayoffs, columnPayoffs: game.columnPayoffs)
        model = min(model, threadCPUSeconds() - c0)
    }
    print(String(format: "lh %@ label=%d pivots=%d time=%.6fs cpu=%.6fs pivots/s=%.0f used=%@ tiebreaks=%d verified=%@ game-construction-cpu=%.6fs",
                 arithmetic.rawValue, label, p.pivots, best, bestCPU, Double(p.pivots) / best, p.arithmeticUsed,
                 p.exactTieBreaks, p.equilibrium != nil ? "yes" : "no", model))
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail("usage: see the header of main.swift") }
switch args[1] {
case "gen-random":
    let m = Int(args[2])!, n = Int(args[3])!, seed = UInt64(args[4])!
    var rng = SplitMix64(seed: seed)
    let a = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(0...999)) } }
    let b = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(0...999)) } }
    try write(BimatrixGame(rowPayoffs: a, columnPayoffs: b), to: args[5])
case "gen-svs":
    try write(SavaniVonStengel(d: Int(args[2])!).game(), to: args[3])
case "lh":
    let game = try read(args[2])
    try timeLH(game, arithmetic: LemkeHowson.Arithmetic(rawValue: args[3])!, label: args.count > 4 ? Int(args[4])! : 0,
               repeats: args.count > 5 ? Int(args[5])! : 3)
case "svs":
    let game = try SavaniVonStengel(d: Int(args[2])!, scale: args.count > 5 ? Double(args[5])! : nil).game()
    try timeLH(game, arithmetic: LemkeHowson.Arithmetic(rawValue: args[3])!, label: args.count > 4 ? Int(args[4])! : 0,
               repeats: 1)
case "se":
    let game = try read(args[2])
    let jobs = Int(args[3])!
    let allPairs = args.count > 4 && args[4] == "all-pairs"
    let repeats = args.count > 5 ? Int(args[5])! : 3
    var best = Double.infinity
    var result: NashResult?
    for _ in 0..<repeats {
        let t0 = ContinuousClock.now
        result = SupportEnumeration(equalSizeOnly: !allPairs).solveSynchronously(game, limits: SolverLimits(jobs: jobs))
        best = min(best, seconds(ContinuousClock.now - t0))
    }
    let r = result!
    let examined = r.counters["supportsExamined"]!
    print(String(format: "se jobs=%d equilibria=%d examined=%d pruned=%d candidates=%d time=%.4fs supports/s=%.0f",
                 jobs, r.equilibria.count, examined, r.counters["pairsPrunedByConditionalDominance"]!,
                 r.counters["candidates"]!, best, Double(examined) / best))
default:
    fail("unknown command \(args[1])")
}
