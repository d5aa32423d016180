import Foundation

/// The summary of one size: times, counters, results and growth.
public struct BenchRow: Sendable, Codable {
    public var size: Int
    /// Game shape(s), e.g. "7x7".
    public var shape: String
    public var runs: Int
    /// Runs that finished within the limit.
    public var completed: Int
    public var medianSeconds: Double
    public var minSeconds: Double
    public var maxSeconds: Double
    /// Median of each work counter over the runs.
    public var counters: [String: Double]
    public var medianResults: Double
    public var minResults: Int
    public var maxResults: Int
    /// Per-unit growth of the median time from the previous size, (t/t_prev)^(1/Δn).
    public var growth: Double?
    /// Σₖ C(m,k)C(n,k), the support pairs of the (first) game's shape, for support enumeration.
    public var supportPairs: Double?
    /// Set when the size did not finish all its runs.
    public var note: String?
}

/// The fitted growth of time and of each counter.
public struct BenchGrowth: Sendable, Codable {
    /// time ≈ c·bⁿ over the sizes whose runs all completed and whose median is at least
    /// ``BenchReport/minimumFitSeconds`` (faster points are dominated by clock and call overhead).
    public var time: GrowthFit?
    /// counter ≈ c·bⁿ for each counter.
    public var counters: [String: GrowthFit]
    /// The support-pair count's own fit (b → 4 as n grows), for support enumeration.
    public var supportPairs: GrowthFit?
}

/// A peer tool's measurements on the same games.
public struct PeerReport: Sendable, Codable {
    public var name: String
    /// "ok", or why it is missing ("missing: python3 cannot import nashpy").
    public var status: String
    public var rows: [PeerRow]
}

/// A peer tool's summary of one size.
public struct PeerRow: Sendable, Codable {
    public var size: Int
    public var runs: Int
    public var completed: Int
    public var medianSeconds: Double?
    public var medianResults: Double?
    public var note: String?
}

/// Everything `gamesolve bench` prints: the rows, the fitted growth, why it stopped, and the
/// peers' rows.
public struct BenchReport: Sendable, Codable {
    public var solver: String
    /// What the results column counts: "equilibria" for Nash solvers, "results" otherwise.
    public var resultLabel: String
    public var family: String
    public var timeoutSeconds: Double?
    public var rows: [BenchRow]
    public var growth: BenchGrowth
    /// Why the run ended early (a size exceeded the limit, a generator error), if it did.
    public var stopped: String?
    /// True when the user interrupted the run (Ctrl-C); the rows hold what was measured.
    public var interrupted: Bool
    public var peers: [PeerReport]

    /// Medians below this are left out of the time fit.
    public static let minimumFitSeconds = 1e-4

    /// Summarises runs into rows and fits.
    public init(plan: BenchPlan, runs: [BenchRun], stopped: String?, interrupted: Bool, peers: [PeerReport] = []) {
        solver = plan.solver.rawValue
        resultLabel = plan.solver.gameKind == .bimatrix && plan.solver != .minimax ? "equilibria" : "results"
        family = plan.familyLabel
        timeoutSeconds = plan.timeout?.seconds
        self.stopped = stopped
        self.interrupted = interrupted
        self.peers = peers
        var rows: [BenchRow] = []
        for size in plan.sizes {
            let r = runs.filter { $0.size == size }
            guard !r.isEmpty else { continue }
            let times = r.map(\.seconds)
            let names = Set(r.flatMap { $0.counters.keys })
            var counters: [String: Double] = [:]
            for name in names { counters[name] = median(r.map { Double($0.counters[name] ?? 0) }) }
            let shapes = Array(Set(r.map(\.shape))).sorted()
            var row = BenchRow(size: size, shape: shapes.joined(separator: ","), runs: r.count,
                               completed: r.filter { !$0.exceededLimit }.count,
                               medianSeconds: median(times), minSeconds: times.min()!, maxSeconds: times.max()!,
                               counters: counters, medianResults: median(r.map { Double($0.results) }),
                               minResults: r.map(\.results).min()!, maxResults: r.map(\.results).max()!)
            if let previous = rows.last {
                row.growth = GrowthFit.factor(from: (previous.size, previous.medianSeconds), to: (size, row.medianSeconds))
            }
            if plan.solver.enumeratesSupports, let dims = Self.dimensions(shapes[0]) {
                row.supportPairs = SupportPairs.exact(rows: dims.0, columns: dims.1)
            }
            if row.completed < row.runs {
                row.note = "\(row.runs - row.completed) run(s) exceeded the limit (times are lower bounds)"
            }
            rows.append(row)
        }
        self.rows = rows
        let complete = rows.filter { $0.completed == $0.runs }
        let timed = complete.filter { $0.medianSeconds >= Self.minimumFitSeconds }
        var counterFits: [String: GrowthFit] = [:]
        for name in Set(complete.flatMap { $0.counters.keys }) {
            counterFits[name] = GrowthFit.fit(complete.compactMap { row in row.counters[name].map { (row.size, $0) } })
        }
        growth = BenchGrowth(time: GrowthFit.fit(timed.map { ($0.size, $0.medianSeconds) }),
                             counters: counterFits,
                             supportPairs: GrowthFit.fit(complete.compactMap { row in row.supportPairs.map { (row.size, $0) } }))
    }

    static func dimensions(_ shape: String) -> (Int, Int)? {
        let parts = shape.split(separator: "x").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}

/// The median (mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
