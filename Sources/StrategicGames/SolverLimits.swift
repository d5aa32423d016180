import Synchronization

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
    /// Cancels the run from outside (a signal handler, another thread): solvers check it where
    /// they check the deadline and stop the same way, returning what they found with
    /// ``StopReason/interrupted``.
    public var cancellation: Cancellation?

    public init(timeout: Duration? = nil, maxResults: Int? = nil, jobs: Int? = nil,
                progress: (@Sendable (ProgressSnapshot) -> Void)? = nil, cancellation: Cancellation? = nil) {
        self.timeout = timeout
        self.maxResults = maxResults
        self.jobs = jobs
        self.progress = progress
        self.cancellation = cancellation
    }

    /// True once ``cancellation`` has been cancelled.
    @inlinable public var isCancelled: Bool { cancellation?.isCancelled ?? false }

    /// Why a run that checks its limits at `now` must stop, or nil to go on.
    public func stop(at now: ContinuousClock.Instant, deadline: ContinuousClock.Instant?) -> StopReason? {
        if isCancelled { return .interrupted }
        if let deadline, now >= deadline { return .timeout }
        return nil
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
    /// The run was cancelled from outside (``SolverLimits/cancellation``, e.g. SIGINT or
    /// SIGTERM); the result holds what was found until then.
    case interrupted
}

/// A flag that cancels a solver's run from another thread or a signal handler.
public final class Cancellation: Sendable {
    private let flag = Atomic<Int>(0)
    public init() {}
    /// Asks every solver that holds this flag to stop at its next check.
    public func cancel() { flag.store(1, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) != 0 }
}
