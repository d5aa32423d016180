import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SolverSupport
import StrategicGames
import Synchronization
import BigInt

/// A set of basis (or vertex) keys shared by the threads of a parallel walk: 64 shards, each a
/// hash set behind its own lock, so two threads rarely wait for each other.
final class ShardedKeySet: Sendable {
    private final class Shard: Sendable {
        let keys = Mutex(LabelSetTable(capacity: 16))
    }
    private let shards: [Shard] = (0..<64).map { _ in Shard() }

    /// Inserts `key`; true when it was not there before.
    func insert(_ key: LabelSet) -> Bool {
        var h = (key.low ^ (key.high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        return shards[Int(h & 63)].keys.withLock { $0.insert(key) }
    }
}

/// The work pool of a parallel walk: subtree roots handed over by busy threads to idle ones.
///
/// A thread without work waits; busy threads see `hungry` and hand over the next new basis they
/// discover (a copy of their search pivoted there) instead of walking it. The walk is over when
/// no thread is busy and the pool is empty — nobody can add work then. Threads that start late
/// (or never: the dispatcher may run fewer at once) change nothing.
final class WalkPool<Z: PivotInteger>: Sendable {
    private struct State {
        var items: [LexicographicVertexSearch<Z>] = []
        var busy = 0
        var waiting = 0
    }
    private let state = Mutex(State())
    /// Waiting threads minus queued items (> 0: hand work over).
    private let wanted = Atomic<Int>(0)
    /// 0 running, 1 stopped (timeout, overflow or error).
    let stopped = Atomic<Int>(0)

    init(root: LexicographicVertexSearch<Z>) {
        state.withLock { $0.items.append(root) }
        wanted.store(-1, ordering: .relaxed)
    }

    var hungry: Bool { wanted.load(ordering: .relaxed) > 0 }

    func give(_ s: LexicographicVertexSearch<Z>) {
        state.withLock {
            $0.items.append(s)
            wanted.store($0.waiting - $0.items.count, ordering: .relaxed)
        }
    }

    enum Take { case work(LexicographicVertexSearch<Z>), wait, done }

    /// The next subtree root. `finished`: the caller comes back from a subtree; `waiting`: it
    /// already counts as waiting (both updated).
    func take(finished: inout Bool, waiting: inout Bool) -> Take {
        let wasFinished = finished, wasWaiting = waiting
        let (result, nowWaiting): (Take, Bool) = state.withLock { s in
            defer { wanted.store(s.waiting - s.items.count, ordering: .relaxed) }
            if wasFinished { s.busy -= 1 }
            if let item = s.items.popLast() {
                if wasWaiting { s.waiting -= 1 }
                s.busy += 1
                return (.work(item), false)
            }
            if s.busy == 0 {
                if wasWaiting { s.waiting -= 1 }
                return (.done, false)
            }
            if !wasWaiting { s.waiting += 1 }
            return (.wait, true)
        }
        finished = false
        waiting = nowWaiting
        return result
    }

    /// Runs `work` on subtree roots until the walk is done or stopped, on the calling thread.
    func serve(_ work: (LexicographicVertexSearch<Z>) throws -> Void) rethrows {
        var finished = false, waiting = false
        while stopped.load(ordering: .relaxed) == 0 {
            switch take(finished: &finished, waiting: &waiting) {
            case .work(let s):
                finished = true
                try work(s)
            case .done: return
            case .wait: usleep(50)
            }
        }
    }
}

extension ExtremeEquilibria {
    /// What one thread of a parallel walk found.
    private struct WalkShare {
        var pairs: [RawPair] = []
        var bases = 0
        var subtrees = 0
        var vertices = 0
        var walkPivots = 0
        var facePivots = 0
        var faceSolves = 0
        var degenerate = false
        var error: (any Error)?
    }

    /// The walk of P split over `jobs` threads (work sharing: an idle thread receives the next
    /// new basis a busy one discovers, with its subtree), each matching the vertices it reaches.
    ///
    /// The bases and vertices already seen live in sharded, locked hash sets shared by all
    /// threads, so every lexicographic basis is walked by exactly one thread and every vertex
    /// matched once; the set of pairs found is the sequential one (``assemble`` sorts it), only
    /// the pivot count differs (subtree roots are copied, not pivoted back to).
    static func runParallel<Z: PivotInteger>(_ engine: ExtremeEquilibriaEngine<Z>, jobs: Int, limits: SolverLimits,
                                             start: ContinuousClock.Instant) throws -> RawOutput {
        let m = engine.m, n = engine.n
        let deadline = limits.deadline(from: start)
        let root = engine.rowPolytopeSearch()
        let basisKeys = ShardedKeySet(), vertexKeys = ShardedKeySet()
        _ = basisKeys.insert(root.basisKey)
        let pool = WalkPool<Z>(root: root)
        let timedOut = Atomic<Bool>(false), interrupted = Atomic<Bool>(false)
        let visitsSoFar = Atomic<Int>(0), found = Atomic<Int>(0)
        let shares = Mutex<[(WalkShare, [PolytopeVertex<Z>])]>([])

        runOnThreads(jobs) { worker in
            var share = WalkShare()
            var fallback: [PolytopeVertex<Z>] = []
            var visits = 0
            var lastProgress = start
            do {
                try pool.serve { subtreeRoot in
                    var search = subtreeRoot
                    share.subtrees += 1
                    share.bases += try search.walk(
                        insert: { basisKeys.insert($0) }, shouldDonate: { pool.hungry },
                        donate: { pool.give($0) }
                    ) { s in
                        visits += 1
                        if visits & 63 == 0 {
                            if pool.stopped.load(ordering: .relaxed) != 0 { return false }
                            let total = visitsSoFar.add(64, ordering: .relaxed).newValue
                            let now = ContinuousClock.now
                            if let reason = limits.stop(at: now, deadline: deadline) {
                                if reason == .interrupted { interrupted.store(true, ordering: .relaxed) }
                                timedOut.store(true, ordering: .relaxed)
                                pool.stopped.store(1, ordering: .relaxed)
                                return false
                            }
                            if worker == 0, let p = limits.progress, now - lastProgress >= .milliseconds(250) {
                                lastProgress = now
                                p(ProgressSnapshot(done: total, total: nil, unit: "bases",
                                                   results: found.load(ordering: .relaxed), elapsed: now - start))
                            }
                        }
                        let xLabels = ExtremeEquilibriaEngine<Z>.labels(of: s)
                        guard vertexKeys.insert(xLabels) else { return true }
                        share.vertices += 1
                        if xLabels.count > m { share.degenerate = true }
                        share.faceSolves += 1
                        switch try engine.matchPoint(xLabels, pivots: &share.facePivots) {
                        case .none: break
                        case .vertex(let labels, let y):
                            if labels.count > n { share.degenerate = true }
                            share.pairs.append(RawPair(xLabels: xLabels, x: ExtremeEquilibriaEngine<Z>.numerators(of: s),
                                                       yLabels: labels, y: y, order: 0))
                            found.add(1, ordering: .relaxed)
                        case .needsFullSearch:
                            fallback.append(ExtremeEquilibriaEngine<Z>.vertex(of: s, label: { $0 }))
                        }
                        return true
                    }
                    share.walkPivots += search.tableau.pivots
                }
            } catch {
                share.error = error
                pool.stopped.store(1, ordering: .relaxed)
            }
            shares.withLock { $0.append((share, fallback)) }
        }

        let parts = shares.withLock { $0 }
        if let e = parts.lazy.compactMap({ $0.0.error }).first {
            if e is PivotOverflow { throw PivotOverflow() }
            throw e
        }
        var pairs: [RawPair] = []
        var counters = ["bases": 0, "verticesVisited": 0, "pivots": 0, "faceSolves": 0]
        var degenerate = false
        var fallback: [PolytopeVertex<Z>] = []
        for (share, f) in parts {
            pairs += share.pairs
            counters["subtrees", default: 0] += share.subtrees
            counters["maxThreadBases"] = max(counters["maxThreadBases"] ?? 0, share.bases)
            counters["bases", default: 0] += share.bases
            counters["verticesVisited", default: 0] += share.vertices
            counters["pivots", default: 0] += share.walkPivots + share.facePivots
            counters["faceSolves", default: 0] += share.faceSolves
            degenerate = degenerate || share.degenerate
            fallback += f
        }
        let stop: StopReason = interrupted.load(ordering: .relaxed) ? .interrupted : timedOut.load(ordering: .relaxed) ? .timeout : .completed
        if !fallback.isEmpty && stop == .completed {
            var pivots = 0, otherBases = 0
            let index = VertexIndex(try engine.allColumnPolytopeVertices(pivots: &pivots, bases: &otherBases), labelCount: m + n)
            counters["pivots", default: 0] += pivots
            counters["otherPolytopeBases"] = otherBases
            for x in fallback where x.labels.count < m + n {
                var complement = LabelSet()
                for k in 0..<(m + n) where !x.labels.contains(k) { complement.insert(k) }
                for y in index.containing(complement) {
                    if y.labels.count > n { degenerate = true }
                    pairs.append(RawPair(xLabels: x.labels, x: x.numerators.map(\.bigValue),
                                         yLabels: y.labels, y: y.numerators.map(\.bigValue), order: 0))
                }
            }
        }
        return RawOutput(pairs: pairs, stopReason: stop, counters: counters, degenerate: degenerate)
    }
}
