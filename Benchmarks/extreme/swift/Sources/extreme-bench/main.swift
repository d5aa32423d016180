// extreme-bench [--jobs N] [--repeat R] [--arithmetic automatic|word64|word128|word256|arbitrary] FILE...
// Reads games in lrsnash's input format ("m n", A rows, B rows), solves each with
// ExtremeEquilibria and prints one line per file: name, equilibria, median seconds, counters,
// arithmetic note, median CPU seconds of the calling thread (`cpu=`; with --jobs 1 the solve runs on it).
//
// Deliberately without Foundation: loading libFoundation (and ICU) costs 5–10 ms of process
// start-up on Linux, more than the whole solve of an 8x8 game. Build with
// `swift build -c release --static-swift-stdlib` to skip the dynamic Swift runtime as well.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Equilibria
import ExactArithmetic
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

struct BenchError: Error, CustomStringConvertible { let description: String }

func readText(_ path: String) throws -> String {
    guard let f = fopen(path, "rb") else { throw BenchError(description: "cannot open \(path)") }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let k = fread(&buffer, 1, buffer.count, f)
        if k <= 0 { break }
        bytes += buffer[0..<k]
    }
    return String(decoding: bytes, as: UTF8.self)
}

func readGame(_ path: String) throws -> BimatrixGame {
    let tokens = try readText(path).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    guard tokens.count >= 2, let m = Int(tokens[0]), let n = Int(tokens[1]), tokens.count >= 2 + 2 * m * n
    else { throw BenchError(description: "\(path): not an lrsnash game file") }
    let values = try tokens[2..<(2 + 2 * m * n)].map {
        guard let r = Rational(String($0)) else { throw BenchError(description: "\(path): bad number \($0)") }
        return r
    }
    let a = (0..<m).map { i in Array(values[(i * n)..<((i + 1) * n)]) }
    let b = (0..<m).map { i in Array(values[(m * n + i * n)..<(m * n + (i + 1) * n)]) }
    return try BimatrixGame(rowPayoffs: a, columnPayoffs: b)
}

/// CPU time of the calling thread (the solve with one job runs on it), in seconds.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Seconds with six decimals, without Foundation's String(format:).
func fixed6(_ x: Double) -> String {
    let t = Int((x * 1_000_000).rounded())
    let frac = String(t % 1_000_000)
    return "\(t / 1_000_000)." + String(repeating: "0", count: 6 - frac.count) + frac
}

for f in files {
    let game = try readGame(f)
    var times: [Double] = [], cpuTimes: [Double] = []
    var result: NashResult?
    for _ in 0..<repeats {
        let c0 = threadCPUSeconds()
        let t0 = ContinuousClock.now
        result = try ExtremeEquilibria.solve(game, limits: SolverLimits(jobs: jobs), arithmetic: arithmetic)
        let dt = ContinuousClock.now - t0
        cpuTimes.append(threadCPUSeconds() - c0)
        times.append(Double(dt.components.seconds) + Double(dt.components.attoseconds) * 1e-18)
    }
    times.sort()
    cpuTimes.sort()
    let r = result!
    let counters = r.counters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    print("\(f)\t\(r.equilibria.count)\t\(fixed6(times[times.count / 2]))\t\(counters)\t\(r.notes.first ?? "")\tcpu=\(fixed6(cpuTimes[cpuTimes.count / 2]))")
}
