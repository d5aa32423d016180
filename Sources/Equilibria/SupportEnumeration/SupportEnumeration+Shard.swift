import ExactArithmetic
import Sharding
import SolverSupport
import StrategicGames
import Synchronization

/// What one shard of a two-player ``SupportEnumeration`` found: every verified equilibrium with
/// its place in the sequential search order, and the shard's work counters.
public struct SupportEnumerationPart: Sendable {
    public struct Found: Sendable {
        /// The work item (row support, over all size pairs in search order) and the column
        /// support's rank within it: the unsharded run lists equilibria in this order.
        public var item: Int
        public var rank: Int
        public var equilibrium: Equilibrium
        /// The equilibrium shows the game is degenerate (more best responses than support).
        public var degenerateWitness: Bool
        public init(item: Int, rank: Int, equilibrium: Equilibrium, degenerateWitness: Bool) {
            self.item = item; self.rank = rank; self.equilibrium = equilibrium; self.degenerateWitness = degenerateWitness
        }
    }
    public var found: [Found]
    /// `supportsExamined`, `pairsPrunedByConditionalDominance`, `candidates`, `nonUniqueSystems`,
    /// `borderlineChecks`, `borderlineVerifiedRejections`, `candidatesRejectedByIntegerCheck`,
    /// `rowSupports` (work items walked).
    public var counters: [String: Int]
    public var stopReason: StopReason
    public init(found: [Found], counters: [String: Int], stopReason: StopReason) {
        self.found = found; self.counters = counters; self.stopReason = stopReason
    }
}

extension SupportEnumeration {
    /// One shard of the support enumeration.
    ///
    /// Split rule: the search's work items are the row supports I over all support-size pairs
    /// in the sequential search order (Porter–Nudelman–Shoham: balanced, small sizes first;
    /// within a size, I in lexicographic order); item u goes to shard u mod k + 1 (round robin,
    /// so each shard gets every k-th support of every size and the shards' work is even), and a
    /// shard examines every column support J for its items. The items of all shards partition
    /// the search, so merged counters equal the unsharded ones.
    ///
    /// - Complexity: 1/k of the unsharded work (same per pair), plus O(items) to skip the
    ///   others' items.
    public func solveShard(_ game: BimatrixGame, shard: Shard, limits: SolverLimits = .none) -> SupportEnumerationPart {
        var plan = Plan(game, options: self)
        plan.shard = shard
        let shared = Shared(start: .now)
        let jobs = max(1, limits.jobs ?? Machine.processorCount)
        let box = Mutex<[WorkerOutput]>([])
        let frozen = plan
        runOnThreads(jobs) { _ in
            let out = frozen.work(shared: shared, limits: limits)
            box.withLock { $0.append(out) }
        }
        var stats = Plan.Stats()
        var found: [SupportEnumerationPart.Found] = []
        for part in box.withLock({ $0 }) {
            stats.add(part.stats)
            found += part.found.map { .init(item: $0.item, rank: $0.rank, equilibrium: $0.equilibrium, degenerateWitness: $0.degenerateWitness) }
        }
        found.sort { ($0.item, $0.rank) < ($1.item, $1.rank) }
        var stop = StopReason.completed
        switch shared.stop.load(ordering: .relaxed) {
        case 1: stop = .timeout
        case 3: stop = .interrupted
        default: break
        }
        let items = plan.itemCount / shard.count + (shard.index - 1 < plan.itemCount % shard.count ? 1 : 0)
        return SupportEnumerationPart(found: found, counters: [
            "supportsExamined": stats.examined, "pairsPrunedByConditionalDominance": stats.pruned,
            "candidates": stats.candidates, "nonUniqueSystems": stats.nonUnique, "borderlineChecks": stats.borderline,
            "borderlineVerifiedRejections": stats.borderlineVerified, "candidatesRejectedByIntegerCheck": stats.integerRejected,
            "rowSupports": items,
        ], stopReason: stop)
    }

    /// The unsharded result from the parts of all shards: their findings in the sequential
    /// order (duplicates, an equilibrium reached from two support pairs, kept once at its first
    /// place), work counters summed, notes written as the unsharded run writes them.
    /// - Throws: ``SupportEnumerationMergeError`` when a part's equilibrium is not one of `game`
    ///   (each is checked again, exactly).
    public func merge(_ game: BimatrixGame, parts: [SupportEnumerationPart]) throws(SupportEnumerationMergeError) -> NashResult {
        let plan = Plan(game, options: self)
        var out = WorkerOutput()
        let shared = Shared(start: .now)
        for (p, part) in parts.enumerated() {
            for f in part.found {
                guard game.isNashEquilibrium(row: f.equilibrium.strategies[0].probabilities, column: f.equilibrium.strategies[1].probabilities),
                      f.item >= 0, f.item < plan.itemCount else {
                    throw SupportEnumerationMergeError(part: p, message: "an equilibrium in it (support item \(f.item)) is not an equilibrium of this game")
                }
                out.found.append(.init(item: f.item, rank: f.rank, equilibrium: f.equilibrium, degenerateWitness: f.degenerateWitness))
            }
            let c = part.counters
            var s = Plan.Stats()
            s.examined = c["supportsExamined"] ?? 0; s.pruned = c["pairsPrunedByConditionalDominance"] ?? 0
            s.candidates = c["candidates"] ?? 0; s.nonUnique = c["nonUniqueSystems"] ?? 0
            s.borderline = c["borderlineChecks"] ?? 0; s.borderlineVerified = c["borderlineVerifiedRejections"] ?? 0
            s.integerRejected = c["candidatesRejectedByIntegerCheck"] ?? 0
            out.stats.add(s)
            switch part.stopReason {
            case .timeout: shared.stop.store(1, ordering: .relaxed)
            case .interrupted: shared.stop.store(3, ordering: .relaxed)
            default: break
            }
        }
        shared.nextItem.store(plan.itemCount, ordering: .relaxed)
        return plan.result([out], shared: shared, limits: .none)
    }
}

/// A part whose content contradicts its game.
public struct SupportEnumerationMergeError: Error, Sendable {
    /// Index of the part in the list given to the merge.
    public let part: Int
    public let message: String
}
