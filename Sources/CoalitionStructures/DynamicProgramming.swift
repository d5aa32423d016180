import ExactArithmetic
import SolverSupport

/// The optimal coalition structure by improved dynamic programming (IDP).
///
/// Sources: D. Y. Yeh, "A dynamic programming approach to the complete set partitioning
/// problem", BIT 26 (1986) 467–474 (DP); T. Rahwan & N. R. Jennings, "An improved dynamic
/// programming algorithm for coalition structure generation", AAMAS 2008, 1417–1420 (IDP).
///
/// Steps. f(C) is the value of the best partition of C. For sizes s = 2, ..., n, and every
/// coalition C of size s, f(C) = max(v(C), max over two-way splits f(C′) + f(C \ C′)); each
/// unordered split is examined once (C′ holds C's lowest player). IDP's theorem: splitting
/// coalition C of size s < n is needed only into parts of at most n − s players each. (Proof:
/// build any structure by repeatedly merging its two smallest parts a ≤ b while at least three
/// remain; a third part c ≥ b gives a + 2b ≤ n, so the larger merged part b ≤ n − (a + b), and
/// the merged size a + b ≤ 2n/3; the last two parts are a split of N, all of which are examined.)
/// So coalitions of size above ⌊2n/3⌋ keep f(C) = v(C) at no cost, and between n/2 and 2n/3 only
/// balanced splits are compared (the parts' sizes are tested with one popcount). The optimal structure is
/// rebuilt from f by finding, top down, a split whose sum equals f(C).
///
/// Each size layer runs in parallel over chunks of the bitmask range (coalitions of one size only
/// read smaller ones). Sums are `Int64` when n·max|v| fits (the fast path), else `Int128`; both
/// are exact (no overflow is possible), the result is an exact rational.
///
/// Anytime: when stopped, every f(C) written so far is the value of a real partition of C, so
/// the best split of N under the current f is a valid structure; the bound is the best integer
/// partition of n under per-size maxima of f (complete layers) or v (others).
///
/// - Complexity: O(3^n) time — ``splitCount(players:)`` split comparisons, Σ_{s ≤ 2n/3} C(n,s)·2^{s−1} + 2^{n−1} at most — and
///   2^n accumulators (8 or 16 bytes each) besides the value table.
public enum DynamicProgramming {
    /// Solves the table (see the type's documentation).
    public static func solve(_ table: CoalitionValueTable, options: PartitionOptions = PartitionOptions()) -> CoalitionStructureResult {
        table.sumsFitInt64 ? run(table, Int64.self, options) : run(table, Int128.self, options)
    }

    /// Splits IDP examines for `n` players (the closed form of the complexity above).
    public static func splitCount(players n: Int) -> Int {
        guard n >= 2 else { return 0 }
        var total = 0, binom = n   // C(n, 1)
        for s in 2..<n {
            binom = binom * (n - s + 1) / s
            if s <= (2 * n) / 3 { total += binom * splitsPerCoalition(size: s, players: n) }
        }
        return total + (1 << (n - 1)) - 1
    }

    /// Unordered splits {C′, C″} of a coalition of `size` players whose larger part has at most
    /// n − size players (IDP's rule): Σ_{a = lo}^{size − lo} C(size, a) / 2 with lo = max(1, 2·size − n).
    static func splitsPerCoalition(size s: Int, players n: Int) -> Int {
        let lo = max(1, 2 * s - n)
        guard lo <= s - lo else { return 0 }
        var sum = 0, binom = 1   // C(s, 0)
        for a in 0...s {
            if a > 0 { binom = binom * (s - a + 1) / a }
            if a >= lo && a <= s - lo { sum += binom }
        }
        return sum / 2
    }

    static func run<A: FixedWidthInteger & SignedInteger & Sendable>(_ table: CoalitionValueTable, _: A.Type,
                                                                      _ options: PartitionOptions) -> CoalitionStructureResult {
        let n = table.playerCount, size = 1 << n
        let workers = max(1, options.jobs ?? Machine.processorCount)
        var counters = PartitionCounters()
        counters.coalitionsEvaluated = size - 1
        var f = [A](repeating: 0, count: size)
        table.numerators.withUnsafeBufferPointer { v in
            for c in 1..<size { f[c] = A(truncatingIfNeeded: v[c]) }
        }
        let (completedLayer, stopped) = layers(&f, players: n, through: max(n - 1, 1), workers: workers, options: options, counters: &counters)
        return finish(table, f: f, completedLayer: completedLayer, stopped: stopped, workers: workers, counters: counters, method: .idp)
    }

    /// The last step after the layers: the best split of N under f, the structure rebuilt from f,
    /// and (when stopped early) the integer-partition bound from the per-size maxima of f.
    /// - Complexity: O(2^n).
    static func finish<A: FixedWidthInteger & SignedInteger & Sendable>(
        _ table: CoalitionValueTable, f: [A], completedLayer: Int, stopped: PartitionStopReason?, workers: Int,
        counters: PartitionCounters, method: PartitionMethod
    ) -> CoalitionStructureResult {
        var counters = counters
        let n = table.playerCount, full = (1 << n) - 1
        // The grand coalition: every split {C′, N \ C′} with player 0 in C′ (also the anytime answer).
        let half = n >= 1 ? 1 << (n - 1) : 1
        let grand = f.withUnsafeBufferPointer { fp -> (A, Int) in
            let shared = SharedReadBuffer(fp)
            let chunks = half >> 12 == 0 ? 1 : workers * 16
            let chunk = (half + chunks - 1) / chunks
            let results = Slots<(A, Int)>(count: chunks)
            runOnThreads(workers, iterations: chunks) { k in
                let f = shared.pointer
                var best = f[full], arg = full
                let lo = k * chunk, hi = min(half - 1, lo + chunk)   // k = half − 1 is C′ = N
                if lo < hi {
                    for j in lo..<hi {
                        let a = (j << 1) | 1
                        let t = f[a] &+ f[full ^ a]
                        if t > best { best = t; arg = a }
                    }
                }
                results.set(k, (best, arg))
            }
            var best = f[full], arg = full
            for (t, a) in results.all() where t > best { best = t; arg = a }
            return (best, arg)
        }
        counters.splitsExamined += half - 1
        // Rebuild: N splits into arg and its complement, each rebuilt from f.
        var coalitions: [Int] = []
        if grand.1 == full { coalitions = [full] } else {
            coalitions = rebuild(grand.1, f: f, table: table) + rebuild(full ^ grand.1, f: f, table: table)
        }
        coalitions.sort { ($0 & -$0) < ($1 & -$1) }
        let value = table.structureValue(coalitions)
        var bound = value
        if stopped != nil {
            bound = PartitionBounds.integerPartitionBound(players: n, maxima: PartitionBounds.sizeMaxima(table: table, f: f, completedLayer: completedLayer),
                                                          denominator: table.denominator)
            bound = table.isCostGame ? -bound : bound
            if table.isCostGame ? bound > value : bound < value { bound = value }
        }
        return CoalitionStructureResult(coalitions: coalitions, value: value, bound: bound, stopReason: stopped ?? .completed,
                                        method: method, usedInt64: A.self == Int64.self, counters: counters)
    }
}

extension DynamicProgramming {
    /// Runs the layers s = 2 ... `last` (skipping IDP's sizes above ⌊2n/3⌋). With `balancedOnly`
    /// false every split is compared, and afterwards f(C) is the best partition value of every C
    /// with |C| ≤ min(last, ⌊2n/3⌋); with IDP's balanced splits only, f(C) ≥ v(C) is the value of
    /// some partition of C and f(N)'s search is still exact.
    /// - Returns: the last completed layer and why it stopped early (nil: it did not).
    /// - Complexity: Σ_{s ≤ last} C(n,s)·(2^{s−1} − 1) split comparisons, plus n·2^n bit counts.
    static func layers<A: FixedWidthInteger & SignedInteger & Sendable>(
        _ f: inout [A], players n: Int, from first: Int = 2, through last: Int, workers: Int, options: PartitionOptions,
        counters: inout PartitionCounters, balancedOnly: Bool = true
    ) -> (completedLayer: Int, stopped: PartitionStopReason?) {
        let size = 1 << n
        let limit = (2 * n) / 3
        var completedLayer = 1
        var stopped: PartitionStopReason?
        var binom = n
        f.withUnsafeMutableBufferPointer { fp in
            let shared = SharedBuffer(fp)
            for s in stride(from: 2, through: last, by: 1) where stopped == nil {
                binom = binom * (n - s + 1) / s
                if s < first { completedLayer = s; continue }   // done before (the hybrid's first phase)
                if s > limit {
                    counters.subspacesPruned += binom   // coalitions whose splits IDP proves unnecessary
                    completedLayer = s
                    continue
                }
                let chunks = min(size >> 10 == 0 ? 1 : workers * 16, size)
                let chunk = (size + chunks - 1) / chunks
                let halt = StopFlag()
                let balancedFrom = balancedOnly ? max(1, 2 * s - n) : 1, balancedTo = s - balancedFrom
                runOnThreads(workers, iterations: chunks) { k in
                    if halt.isSet { return }
                    if options.stop.check() != nil { halt.set(); return }
                    let lo = k * chunk, hi = min(size, lo + chunk)
                    let f = shared.pointer
                    var c = lo, seen = 0
                    while c < hi {
                        if c.nonzeroBitCount == s {
                            seen &+= 1
                            if seen & 0xFFF == 0, halt.isSet || options.stop.check() != nil { halt.set(); return }
                            let low = c & -c, rest = c ^ low
                            var best = f[c]
                            var sub = (rest &- 1) & rest
                            if balancedFrom == 1 {
                                while true {
                                    let a = sub | low
                                    let t = f[a] &+ f[c ^ a]
                                    if t > best { best = t }
                                    if sub == 0 { break }
                                    sub = (sub &- 1) & rest
                                }
                            } else {
                                // Only splits whose parts both have at least 2s − n players.
                                while true {
                                    let size = sub.nonzeroBitCount &+ 1
                                    if size >= balancedFrom && size <= balancedTo {
                                        let a = sub | low
                                        let t = f[a] &+ f[c ^ a]
                                        if t > best { best = t }
                                    }
                                    if sub == 0 { break }
                                    sub = (sub &- 1) & rest
                                }
                            }
                            f[c] = best
                        }
                        c += 1
                    }
                }
                if halt.isSet {
                    stopped = options.stop.check() ?? .interrupted
                } else {
                    counters.splitsExamined += binom * (balancedOnly ? splitsPerCoalition(size: s, players: n) : (1 << (s - 1)) - 1)
                    completedLayer = s
                }
            }
        }
        return (completedLayer, stopped)
    }

    /// The coalitions of a partition of `c` worth f(c): c itself when f(c) = v(c), else the parts
    /// of a split whose f-values sum to f(c), rebuilt in turn.
    /// - Complexity: O(2^|c|) per split level, O(n·2^|c|) at most.
    static func rebuild<A: FixedWidthInteger & SignedInteger>(_ c: Int, f: [A], table: CoalitionValueTable) -> [Int] {
        let target = f[c]
        if target == A(truncatingIfNeeded: table.numerators[c]) { return [c] }
        let low = c & -c, rest = c ^ low
        var sub = (rest &- 1) & rest
        while true {
            let a = sub | low
            if f[a] &+ f[c ^ a] == target { return rebuild(a, f: f, table: table) + rebuild(c ^ a, f: f, table: table) }
            if sub == 0 { break }
            sub = (sub &- 1) & rest
        }
        return [c]   // unreachable: f(c) is v(c) or some split's sum
    }
}

/// A mutable buffer shared by workers that write disjoint entries.
struct SharedBuffer<A>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<A>
    init(_ p: UnsafeMutableBufferPointer<A>) { pointer = p }
}

/// A read-only buffer shared by workers.
struct SharedReadBuffer<A>: @unchecked Sendable {
    let pointer: UnsafeBufferPointer<A>
    init(_ p: UnsafeBufferPointer<A>) { pointer = p }
}

import Synchronization

/// A one-way flag workers raise to stop their siblings.
final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}

/// One result slot per worker.
final class Slots<T: Sendable>: Sendable {
    private let slots: Mutex<[T?]>
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    func set(_ i: Int, _ value: T) { slots.withLock { $0[i] = value } }
    func all() -> [T] { slots.withLock { $0.compactMap { $0 } } }
}
