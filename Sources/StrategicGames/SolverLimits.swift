/// Limits and reporting hooks shared by every solver whose work can blow up.
///
/// Solvers never print: they report progress through `progress` (called at most a few times a
/// second) and stop early when a limit is reached, returning what they found with a
/// ``StopReason`` that says why.
public struct SolverLimits: Sendable {
    /// Wall-clock budget; nil for none.
    public var timeout: Duration?
    /// Stop after this many results; nil for all.
    public var maxResults: Int?
    /// Worker threads for parallel solvers (1 = sequential); nil for all cores.
    public var jobs: Int?
    /// Receives progress snapshots (for a stderr progress line); may be called from any thread.
    public var progress: (@Sendable (ProgressSnapshot) -> Void)?

    public init(timeout: Duration? = nil, maxResults: Int? = nil, jobs: Int? = nil,
                progress: (@Sendable (ProgressSnapshot) -> Void)? = nil) {
        self.timeout = timeout
        self.maxResults = maxResults
        self.jobs = jobs
        self.progress = progress
    }

    /// No limits.
    public static let none = SolverLimits()

    /// The deadline for a run starting now.
    public func deadline(from start: ContinuousClock.Instant = .now) -> ContinuousClock.Instant? {
        timeout.map { start + $0 }
    }
}

/// A solver's progress: `done` of `total` units (total may be unknown), results so far.
public struct ProgressSnapshot: Sendable {
    public var done: Int
    public var total: Int?
    public var unit: String
    public var results: Int
    public var elapsed: Duration
    public init(done: Int, total: Int?, unit: String, results: Int, elapsed: Duration) {
        self.done = done
        self.total = total
        self.unit = unit
        self.results = results
        self.elapsed = elapsed
    }
}

/// Why a solver stopped.
public enum StopReason: String, Sendable, Codable {
    /// It finished: the result is complete for what the method promises.
    case completed
    /// The timeout ran out; the result holds what was found until then.
    case timeout
    /// `maxResults` results were found.
    case maxResults
}
