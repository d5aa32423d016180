/// One shard of a run split over `count` independent processes (issue 16): shard `index` of
/// `count`, 1-based as typed (`--shard 2/3`).
///
/// A split is a deterministic function of (game, parameters, index, count): shards never talk
/// to each other and no coordinator hands out work, so any shard can be rerun on its own, on
/// any machine, and a batch engine (a Slurm job array, a Kubernetes Indexed Job) only has to
/// start `count` processes and, once they all succeeded, one merge.
///
/// The two rules every solver's split is built from:
/// - ``block(of:)``: the contiguous block `⌊(i−1)·N/k⌋ ..< ⌊i·N/k⌋` of N ordered work units
///   (coalition masks, scheduled matches, samples); blocks differ in size by at most one unit.
/// - ``owns(_:)``: round robin, unit u to shard `u mod k + 1` (row supports, leaves, subtrees),
///   which spreads units of growing cost (larger supports come later in the search order) evenly.
///
/// - Complexity: O(1) per query.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based index of this shard, `1...count`.
    public let index: Int
    /// Number of shards.
    public let count: Int

    /// The largest shard count accepted (far beyond any job array: Slurm's default
    /// MaxArraySize is 1001).
    public static let maxCount = 1 << 20

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, count <= Shard.maxCount else { throw .invalid("the shard count must be between 1 and \(Shard.maxCount), got \(count)") }
        guard index >= 1, index <= count else { throw .invalid("the shard index must be between 1 and \(count), got \(index)") }
        self.index = index
        self.count = count
    }

    /// The unsplit run: shard 1 of 1.
    public static let whole = try! Shard(index: 1, count: 1)

    /// `i/k`, e.g. `2/3`.
    public var description: String { "\(index)/\(count)" }

    /// Parses `i/k` (both decimal integers, 1 ≤ i ≤ k).
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let k = Int(parts[1]) else {
            throw .invalid("--shard takes i/k (e.g. 2/3), auto or auto/K, got '\(text)'")
        }
        try self.init(index: i, count: k)
    }

    /// The shard of this process in a batch engine's array job.
    ///
    /// - Slurm job arrays (`sbatch --array=0-2` or `--array=1-3`): the index is
    ///   `SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1` (so any contiguous array works) and
    ///   the count `SLURM_ARRAY_TASK_COUNT`.
    /// - Kubernetes Indexed Jobs: the index is `JOB_COMPLETION_INDEX + 1` (0-based there); the
    ///   count is not in the environment and must be given (`--shard auto/K`, K = the Job's
    ///   `completions`).
    ///
    /// `count`, when given, must agree with Slurm's count.
    public static func fromEnvironment(_ environment: [String: String], count given: Int?) throws(ShardError) -> Shard {
        func integer(_ name: String) throws(ShardError) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let v = Int(text.trimmingSpaces), v >= 0 else { throw .invalid("\(name)='\(text)' is not a non-negative integer") }
            return v
        }
        if let id = try integer("SLURM_ARRAY_TASK_ID") {
            guard let k = try integer("SLURM_ARRAY_TASK_COUNT") else {
                throw .invalid("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not (Slurm 17.11 or later sets both)")
            }
            let low = try integer("SLURM_ARRAY_TASK_MIN") ?? 0
            if let given, given != k {
                throw .invalid("--shard auto/\(given) disagrees with SLURM_ARRAY_TASK_COUNT=\(k)")
            }
            return try Shard(index: id - low + 1, count: k)
        }
        if let index = try integer("JOB_COMPLETION_INDEX") {
            guard let given else {
                throw .invalid("JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but the shard count is not: use --shard auto/K with K the Job's completions")
            }
            return try Shard(index: index + 1, count: given)
        }
        throw .invalid("--shard auto needs SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (a Slurm job array) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job, with --shard auto/K); neither is set")
    }

    /// This shard's contiguous block of `total` ordered units: `⌊(i−1)·N/k⌋ ..< ⌊i·N/k⌋`.
    /// The blocks of shards 1...k partition `0..<total` in order.
    public func block(of total: Int) -> Range<Int> {
        let n = total.multipliedFullWidth(by: index - 1), m = total.multipliedFullWidth(by: index)
        let lo = Int(truncatingIfNeeded: count.dividingFullWidth(n).quotient)
        let hi = Int(truncatingIfNeeded: count.dividingFullWidth(m).quotient)
        return lo..<hi
    }

    /// Round robin: unit `u` (0-based) belongs to shard `u mod k + 1`.
    @inline(__always) public func owns(_ unit: Int) -> Bool { unit % count == index - 1 }

    /// The seed of independent stream `index` derived from a user's `seed`: the seed itself for
    /// stream 1 (so a one-stream run is the unsharded run of before), else the SplitMix64
    /// finaliser of `seed + index · golden ratio` (Steele, Lea & Flood, "Fast splittable
    /// pseudorandom number generators", OOPSLA 2014), i.e. the `index`-th output of a SplitMix64
    /// stream seeded with `seed`: distinct indices give well-separated, decorrelated starts.
    public static func streamSeed(_ seed: UInt64, stream index: Int) -> UInt64 {
        if index == 1 { return seed }
        var z = seed &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A bad `--shard` value, environment or part set.
public enum ShardError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A shard specification that cannot be used (usage error).
    case invalid(String)
    public var description: String {
        switch self { case .invalid(let m): return m }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
