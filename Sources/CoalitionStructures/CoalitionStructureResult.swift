import ExactArithmetic
import Synchronization

/// The algorithms of `gamesolve partition`.
public enum PartitionMethod: String, Sendable, CaseIterable {
    /// The branch and bound with a work cap, then IDP (see ``CoalitionStructureSearch``).
    case auto
    /// Improved dynamic programming (Rahwan & Jennings 2008), see ``DynamicProgramming``.
    case idp
    /// Anytime branch and bound over integer-partition subspaces (Rahwan et al. 2009), see
    /// ``IntegerPartitionSearch``.
    case ip
}

/// Why a search stopped.
public enum PartitionStopReason: String, Sendable {
    /// The structure is optimal.
    case completed
    /// The time limit ran out; the structure is the best found and ``CoalitionStructureResult/upperBound`` bounds the optimum.
    case timeout
    /// A stop was requested (a signal); as for `timeout`.
    case interrupted
}

/// Work counters of a coalition-structure search (all exact counts).
public struct PartitionCounters: Sendable, Equatable {
    /// Coalitions whose value was read into the search (the input scan, and coalitions whose
    /// splits the dynamic programme evaluated).
    public var coalitionsEvaluated = 0
    /// Two-way splits {C′, C \ C′} compared by the dynamic programme.
    public var splitsExamined = 0
    /// Integer-partition subspaces discarded by their upper bound without being searched (IP),
    /// or coalition sizes whose splits IDP proves unnecessary.
    public var subspacesPruned = 0
    /// Integer-partition subspaces searched (IP).
    public var subspacesSearched = 0
    /// Search-tree nodes (partial structures) expanded by the branch and bound (IP).
    public var nodesExpanded = 0
    public init() {}

    /// Name → count, in a fixed order (for the JSON envelope).
    public var named: [(String, Int)] {
        [("coalitionsEvaluated", coalitionsEvaluated), ("splitsExamined", splitsExamined), ("subspacesPruned", subspacesPruned),
         ("subspacesSearched", subspacesSearched), ("nodesExpanded", nodesExpanded)]
    }
}

/// A coalition structure found by a search, with the proof of its quality.
public struct CoalitionStructureResult: Sendable {
    /// The coalitions as bitmasks, ordered by their smallest member; every player in exactly one.
    public let coalitions: [Int]
    /// The exact value Σ v(C) of the structure (a total cost for a cost game).
    public let value: Rational
    /// A proven bound on the optimum: no structure is worth more (costs less, for a cost game).
    /// Equal to ``value`` when ``stopReason`` is `completed`.
    public let bound: Rational
    public let stopReason: PartitionStopReason
    public let method: PartitionMethod
    /// True when the search used 64-bit sums (the fast path), false for 128-bit sums.
    public let usedInt64: Bool
    public let counters: PartitionCounters

    /// True when the structure is proven optimal.
    public var isOptimal: Bool { value == bound }

    /// bound / value for a positive value (the factor by which the optimum can exceed the value
    /// found, as IP reports it); nil when the value is not positive.
    public var boundRatio: Rational? { value.signum > 0 ? bound / value : nil }
}

/// A report of an anytime search: the best structure value found so far and a proven bound on
/// the optimum (in the maximised sign: for a cost game, −cost).
public struct AnytimeReport: Sendable {
    public var best: Rational
    public var bound: Rational
    public var elapsed: Duration
}

/// How a search is stopped from outside: a deadline and a flag that a signal handler may set.
///
/// `requestStop()` only stores to a lock-free atomic, so it is safe to call from a signal handler.
public final class PartitionStopControl: Sendable {
    private let flag = Atomic<Int>(0)
    /// The time limit, if any.
    public let deadline: ContinuousClock.Instant?

    public init(timeout: Duration? = nil) {
        deadline = timeout.map { ContinuousClock.now + $0 }
    }

    /// Asks the running search to stop and report what it has.
    public func requestStop() { flag.store(1, ordering: .relaxed) }

    /// Why the search should stop now, or nil to go on. Reads the clock: call it every few
    /// thousand steps.
    public func check() -> PartitionStopReason? {
        if flag.load(ordering: .relaxed) == 1 { return .interrupted }
        if let deadline, ContinuousClock.now >= deadline {
            flag.store(2, ordering: .relaxed)
            return .timeout
        }
        if flag.load(ordering: .relaxed) == 2 { return .timeout }
        return nil
    }
}

/// Options of a search.
public struct PartitionOptions: Sendable {
    /// Worker threads (nil: all active processors).
    public var jobs: Int?
    public var stop: PartitionStopControl
    /// Called with every improvement of the best value or of the bound (from any thread, serialised).
    public var report: (@Sendable (AnytimeReport) -> Void)?

    public init(jobs: Int? = nil, stop: PartitionStopControl = PartitionStopControl(), report: (@Sendable (AnytimeReport) -> Void)? = nil) {
        self.jobs = jobs
        self.stop = stop
        self.report = report
    }
}

/// Coalition-structure search failures.
public enum PartitionError: Error, CustomStringConvertible, Equatable {
    /// The search would need more memory than allowed.
    case tooMuchMemory(needed: Int, available: Int)

    public var description: String {
        switch self {
        case .tooMuchMemory(let need, let have):
            return "the search needs about \(formatBytes(need)) but only \(formatBytes(have)) of memory are available"
        }
    }
}

/// "1.5 GB"-style text.
public func formatBytes(_ b: Int) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"]
    var x = Double(b), u = 0
    while x >= 1024 && u < units.count - 1 { x /= 1024; u += 1 }
    let tenths = Int((x * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) \(units[u])"
}

#if canImport(Glibc)
import Glibc
#endif
