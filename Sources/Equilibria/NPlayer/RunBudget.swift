import StrategicGames

/// The timeout, cancellation, result limit and progress reporting of one sequential N-player solver run,
/// checked between units of work (supports, Newton starts, pivots, path steps).
struct RunBudget {
    let limits: SolverLimits
    let start = ContinuousClock.now
    let deadline: ContinuousClock.Instant?
    private var lastReport: ContinuousClock.Instant
    let unit: String

    init(_ limits: SolverLimits, unit: String) {
        self.limits = limits
        self.deadline = limits.deadline(from: start)
        self.lastReport = start
        self.unit = unit
    }

    /// Why the run must stop now: `.interrupted` once a signal cancelled it, `.timeout` once the
    /// timeout has run out (``SolverLimits/stop(at:deadline:)``), else nil.
    var stopReason: StopReason? { limits.stop(at: .now, deadline: deadline) }

    /// True when `found` results reach the result limit.
    func full(_ found: Int) -> Bool { limits.maxResults.map { found >= $0 } ?? false }

    /// Reports progress at most four times a second.
    mutating func report(done: Int, total: Int?, results: Int) {
        guard let progress = limits.progress else { return }
        let now = ContinuousClock.now
        guard now - lastReport >= .milliseconds(250) else { return }
        lastReport = now
        progress(ProgressSnapshot(done: done, total: total, unit: unit, results: results, elapsed: now - start))
    }
}
