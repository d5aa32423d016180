import Foundation
import GameSolve

// Usage: coalition-bench [--sizes 10,14,18,22,24] [--seed 1] [--type 1] [--out DIR] [--voting 200] [--repeat 1]
// With --repeat R every timed call runs R times and the fastest run is reported (wall and CPU).
// For each n: generates a BNF game, times exact Shapley and the verified nucleolus, writes the
// table as little-endian Int64 (2^n − 1 values, bitmask order) to DIR/bnf{type}-n{n}.bin for the
// peer harness (peers.py), and prints one JSON line per measurement.
var sizes = [10, 14, 18, 22, 24], seed: UInt64 = 1, type = 1, out = "/tmp/coalition-bench", voting = 200, repeats = 1
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--sizes": sizes = args.next()!.split(separator: ",").map { Int($0)! }
    case "--seed": seed = UInt64(args.next()!)!
    case "--type": type = Int(args.next()!)!
    case "--out": out = args.next()!
    case "--voting": voting = Int(args.next()!)!
    case "--repeat": repeats = max(1, Int(args.next()!)!)
    default: FileHandle.standardError.write("unknown argument \(a)\n".data(using: .utf8)!); exit(64)
    }
}
try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let r = try body()
    let d = ContinuousClock.now - start
    return (r, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
}

/// The fastest of `repeats` runs: (result, wall seconds, CPU seconds of this thread).
@MainActor func best<T>(_ body: () throws -> T) rethrows -> (T, Double, Double) {
    var result: T?, wall = Double.infinity, cpu = Double.infinity
    for _ in 0..<repeats {
        let c0 = cpuSeconds()
        let (r, t) = try time(body)
        cpu = min(cpu, cpuSeconds() - c0); wall = min(wall, t); result = r
    }
    return (result!, wall, cpu)
}

/// CPU seconds of this thread (the machine is shared: wall time alone is noisy).
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func emit(_ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

for n in sizes {
    let (game, tGen) = try time { try TUGenerators.benedekFliegeNguyen(type: type, players: n, seed: seed + UInt64(n)) }
    let path = "\(out)/bnf\(type)-n\(n).bin"
    game.numerators.withUnsafeBufferPointer { p in
        let data = Data(buffer: UnsafeBufferPointer(start: p.baseAddress! + 1, count: p.count - 1))
        FileManager.default.createFile(atPath: path, contents: data)
    }
    let (shapley, tShapley, cShapley) = best { game.shapleyValue() }
    let (nuc, tNuc, cNuc) = try best { try SequentialNucleolus.nucleolus(game) }
    emit(["tool": "gamesolve", "n": n, "type": type, "file": path, "generateSeconds": tGen, "shapleySeconds": tShapley,
          "nucleolusSeconds": tNuc, "shapleyCPUSeconds": cShapley, "nucleolusCPUSeconds": cNuc, "repeats": repeats, "verified": nuc.verified, "levels": nuc.levels.count,
          "lps": nuc.counters["linearPrograms"] ?? 0, "iterations": nuc.counters["simplexIterations"] ?? 0, "kohlbergLPs": nuc.certificate.linearPrograms, "scans": nuc.counters["scans"] ?? 0,
          "nucleolus": nuc.allocation.map(\.description), "shapley": shapley.map(\.description),
          "failure": nuc.certificate.failure ?? ""])
}
if voting > 0 {
    for weights in [1...20, 1...100] {
        let rule = TUGenerators.weightedVoting(players: voting, weights: weights, seed: seed)
        let (p, t, cpu) = try best { try rule.votingPower() }
        emit(["tool": "gamesolve", "votingPlayers": voting, "weights": "\(weights.lowerBound)-\(weights.upperBound)",
              "powerSeconds": t, "powerCPUSeconds": cpu, "ssSum": p.shapleyShubik.reduce(.zero, +).description])
    }
}
