import ExactArithmetic
import SolverSupport
import Synchronization

/// Anytime branch and bound over the integer-partition subspaces of the coalition structures,
/// on top of the first layers of the dynamic programme (an ODP-IP-style hybrid).
///
/// Sources: T. Rahwan, S. D. Ramchurn, N. R. Jennings & A. Giovannucci, "An anytime algorithm for
/// optimal coalition structure generation", JAIR 34 (2009) 521–567 (IP); T. Michalak, T. Rahwan,
/// E. Elkind, M. Wooldridge & N. R. Jennings, "A hybrid exact algorithm for complete set
/// partitioning", Artificial Intelligence 230 (2016) 14–50 (ODP-IP: IP on values improved by the
/// dynamic programme, and subspaces the programme makes redundant left out).
///
/// Steps.
/// 1. Dynamic programme (``DynamicProgramming``) for the sizes s ≤ m, with m the largest size
///    whose layers cost at most about n·2^n split comparisons: afterwards g(C) = f(C), the best
///    partition value of C, for |C| ≤ m, and g(C) = v(C) above. Every g(C) is the value of a real
///    partition of C, and g ≥ v.
/// 2. Subspaces. A structure whose parts have sizes i₁ ≤ ... ≤ i_k lies in the subspace of the
///    integer partition [i₁, ..., i_k] of n (IP's representation). Merging two parts whose sizes
///    sum to at most m never lowers the g-value (g of the union is at least the sum), so only the
///    integer partitions whose parts of size ≤ m pairwise sum to more than m need searching
///    (m = 1 leaves all of them, as in plain IP). The first structures (N; the best split of N
///    into two, found by one scan of 2^{n−1} splits; the singletons) give the first lower bound.
/// 3. Bounds (IP §4). Max_s = the largest g over coalitions of size s; a subspace is worth at
///    most UB_I = Σ_j Max_{i_j}. Subspaces with UB_I ≤ best are pruned; the rest are searched in
///    decreasing UB_I, and the optimum is at most max(best, UB of the next unsearched subspace):
///    the anytime bound reported after every subspace.
/// 4. Search of one subspace (IP §5): depth-first, coalition C_d of size i_d from the agents not yet
///    used (C_{d+1} after C_d in the order of least members when i_{d+1} = i_d, so each structure
///    is met once; the last part is what remains), pruned whenever
///    g(C_1) + ... + g(C_d) + Σ_{j>d} Max_{i_j} ≤ best. The top level is shared among the workers
///    in blocks claimed from an atomic counter; the best value is one atomic integer.
///
/// Sums are `Int64` (the table must pass ``CoalitionValueTable/sumsFitInt64``; otherwise the
/// solve falls back to ``DynamicProgramming`` with 128-bit sums).
///
/// - Complexity: O(n·2^n) for steps 1–3; the search is O(Bell(n)) in the worst case (nothing
///   pruned) and in practice far less; memory 2^n 8-byte values besides the table.
public enum IntegerPartitionSearch {
    /// Solves the table (see the type's documentation). `dpBudget` scales the split comparisons
    /// allowed to the dynamic-programming layers (1: about n·2^n).
    public static func solve(_ table: CoalitionValueTable, options: PartitionOptions = PartitionOptions(),
                             dpBudget: Double = 1) -> CoalitionStructureResult {
        guard table.sumsFitInt64 else { return DynamicProgramming.solve(table, options: options) }
        guard case .done(let r) = solve(table, options: options, layers: dpLayers(players: table.playerCount, budget: dpBudget), nodeBudget: nil)
        else { fatalError("no budget, so the search finishes") }
        return r
    }

    /// What a capped search gives: a result, or the dynamic programme's table (layers 2 ...
    /// `completedLayer` exact) and the counters so far when the cap was reached.
    enum Outcome {
        case done(CoalitionStructureResult)
        case overBudget(g: [Int64], completedLayer: Int, counters: PartitionCounters)
    }

    /// Runs the dynamic programme's layers 2 ... `m` (all splits), then the branch and bound,
    /// which gives up once it has enumerated more than `nodeBudget` candidate coalitions.
    /// - Precondition: `table.sumsFitInt64`.
    static func solve(_ table: CoalitionValueTable, options: PartitionOptions, layers m: Int, nodeBudget: Int?) -> Outcome {
        let n = table.playerCount, size = 1 << n, full = size - 1
        let workers = max(1, options.jobs ?? Machine.processorCount)
        let start = ContinuousClock.now
        var counters = PartitionCounters()
        counters.coalitionsEvaluated = size - 1
        var g = [Int64](repeating: 0, count: size)
        table.numerators.withUnsafeBufferPointer { v in for c in 1..<size { g[c] = Int64(truncatingIfNeeded: v[c]) } }

        // 1. The dynamic programme's cheap layers.
        var completed = 1
        var stopped: PartitionStopReason?
        if m >= 2 {
            (completed, stopped) = DynamicProgramming.layers(&g, players: n, through: m, workers: workers, options: options,
                                                            counters: &counters, balancedOnly: false)
        }
        let mEff = min(completed, (2 * n) / 3)

        // 2. First structures: N, the best split of N in two (with g), the singletons.
        var bestValue = g[full]
        var bestParts = [full]
        var singletons: Int64 = 0
        for i in 0..<n { singletons += g[1 << i] }
        if n >= 2 {
            if singletons > bestValue { bestValue = singletons; bestParts = (0..<n).map { 1 << $0 } }
            var best2 = Int64.min, arg = 0
            for j in 0..<((1 << (n - 1)) - 1) {
                let a = (j << 1) | 1
                let t = g[a] + g[full ^ a]
                if t > best2 { best2 = t; arg = a }
            }
            counters.splitsExamined += (1 << (n - 1)) - 1
            if best2 > bestValue { bestValue = best2; bestParts = [arg, full ^ arg] }
        }

        // 3. Subspaces and their bounds.
        var maxima = [Int64](repeating: Int64.min, count: n + 1)
        for c in 1..<size {
            let s = c.nonzeroBitCount
            if g[c] > maxima[s] { maxima[s] = g[c] }
        }
        var subspaces: [(parts: [Int], bound: Int64)] = []
        for p in integerPartitions(n) where p.count >= 3 && admissible(p, m: mEff) {
            subspaces.append((p, p.reduce(Int64(0)) { $0 + maxima[$1] }))
        }
        subspaces.sort { $0.bound > $1.bound }

        let shared = SharedBest(value: bestValue, parts: bestParts)
        func report(_ bound: Int64) {
            options.report?(AnytimeReport(best: Rational(Int(shared.value), table.denominator),
                                          bound: Rational(Int(max(bound, shared.value)), table.denominator),
                                          elapsed: ContinuousClock.now - start))
        }
        var globalBound = max(bestValue, subspaces.first?.bound ?? bestValue)
        if stopped != nil {
            // Stopped during the dynamic programme: the bound over all integer partitions.
            globalBound = Int64(PartitionBounds.bestSum(players: n, maxima: maxima.map { Int128($0) }))
        }
        report(globalBound)

        // 4. Search the subspaces in decreasing bound.
        var index = 0
        let budget = NodeBudget(limit: nodeBudget ?? Int.max)
        if stopped == nil {
            g.withUnsafeBufferPointer { gp in
                let gShared = SharedReadBuffer(gp)
                while index < subspaces.count {
                    let sub = subspaces[index]
                    globalBound = max(shared.value, sub.bound)
                    if sub.bound <= shared.value {
                        counters.subspacesPruned += subspaces.count - index
                        index = subspaces.count
                        globalBound = shared.value
                        break
                    }
                    report(globalBound)
                    if let why = options.stop.check() { stopped = why; break }
                    let result = search(sub.parts, players: n, g: gShared, maxima: maxima, best: shared, workers: workers,
                                        options: options, budget: budget)
                    counters.nodesExpanded += result.nodes
                    if budget.exceeded { break }
                    if let why = result.stopped { stopped = why; break }
                    counters.subspacesSearched += 1
                    index += 1
                }
            }
            if stopped == nil { globalBound = shared.value; report(globalBound) }
        }

        if budget.exceeded { return .overBudget(g: g, completedLayer: completed, counters: counters) }
        // Expand the coalitions whose g came from the dynamic programme into their own partitions.
        let (value, parts) = shared.snapshot()
        var coalitions: [Int] = []
        for c in parts { coalitions += DynamicProgramming.rebuild(c, f: g, table: table) }
        coalitions.sort { ($0 & -$0) < ($1 & -$1) }
        let exact = table.structureValue(coalitions)
        let boundValue = table.userValue(Int128(max(globalBound, value)))
        return .done(CoalitionStructureResult(coalitions: coalitions, value: exact, bound: stopped == nil ? exact : boundValue,
                                              stopReason: stopped ?? .completed, method: .ip, usedInt64: true, counters: counters))
    }

    /// The largest m whose layers 2 ... m cost at most budget·n·2^n split comparisons (below ⌊2n/3⌋).
    static func dpLayers(players n: Int, budget: Double) -> Int {
        let allowed = budget * Double(n) * Double(1 << n)
        var cost = 0.0, binom = Double(n), m = 1
        for s in 2..<max(n, 2) where s <= (2 * n) / 3 {
            binom = binom * Double(n - s + 1) / Double(s)
            cost += binom * Double((1 << (s - 1)) - 1)
            if cost > allowed { break }
            m = s
        }
        return m
    }

    /// Parts of size ≤ m pairwise sum to more than m (otherwise a coarser subspace covers it).
    static func admissible(_ parts: [Int], m: Int) -> Bool {
        guard m >= 2 else { return true }
        let small = parts.filter { $0 <= m }.sorted()
        return small.count < 2 || small[0] + small[1] > m
    }

    /// All integer partitions of n, parts ascending.
    public static func integerPartitions(_ n: Int) -> [[Int]] {
        var out: [[Int]] = [], current: [Int] = []
        func extend(_ remaining: Int, _ least: Int) {
            if remaining == 0 { out.append(current); return }
            var p = least
            while p <= remaining {
                if remaining - p == 0 || remaining - p >= p { current.append(p); extend(remaining - p, p); current.removeLast() }
                p += 1
            }
        }
        extend(n, 1)
        return out
    }

    /// Depth-first branch and bound over the structures of one subspace.
    static func search(_ parts: [Int], players n: Int, g: SharedReadBuffer<Int64>, maxima: [Int64], best: SharedBest,
                       workers: Int, options: PartitionOptions, budget: NodeBudget) -> (nodes: Int, stopped: PartitionStopReason?) {
        let k = parts.count
        var suffixSums = [Int64](repeating: 0, count: k + 1)
        for d in stride(from: k - 1, through: 0, by: -1) { suffixSums[d] = suffixSums[d + 1] + maxima[parts[d]] }
        let suffix = suffixSums
        let full = (1 << n) - 1
        let nextBlock = Atomic<Int>(0)
        let halt = StopFlag()
        let nodeTotal = Atomic<Int>(0)
        let blockSize = 16
        let workerCount = workers
        runOnThreads(workerCount) { _ in
            var state = SearchState(parts: parts, suffix: suffix, g: g.pointer, best: best, options: options, halt: halt, budget: budget)
            var claimed = nextBlock.wrappingAdd(1, ordering: .relaxed).oldValue
            var item = 0
            // Top level: every coalition of size parts[0] (Gosper's order over all n agents).
            let size0 = parts[0]
            var c = (1 << size0) - 1
            while c <= full {
                let block = item / blockSize
                if block == claimed {
                    state.chosen[0] = c
                    state.descend(1, remaining: full ^ c, value: g.pointer[c], lastMin: c & -c)
                    if state.halted { break }
                } else if block > claimed {
                    claimed = nextBlock.wrappingAdd(1, ordering: .relaxed).oldValue
                    continue   // re-test this item against the new claim
                }
                item += 1
                // Next combination with the same popcount (Gosper's hack).
                let low = c & -c, r = c + low
                c = (((r ^ c) >> 2) / low) | r
            }
            nodeTotal.wrappingAdd(state.nodes, ordering: .relaxed)
        }
        let stoppedNow = halt.isSet && !budget.exceeded ? (options.stop.check() ?? .interrupted) : nil
        return (nodeTotal.load(ordering: .relaxed), stoppedNow)
    }
}

/// One worker's depth-first search (IP §5) over a subspace.
struct SearchState {
    let parts: [Int]
    let suffix: [Int64]
    let g: UnsafeBufferPointer<Int64>
    let best: SharedBest
    let options: PartitionOptions
    let halt: StopFlag
    let budget: NodeBudget
    var nodes = 0
    /// Candidate coalitions enumerated (what the budget and the stop checks count).
    var work = 0
    var halted = false
    var chosen: [Int]

    init(parts: [Int], suffix: [Int64], g: UnsafeBufferPointer<Int64>, best: SharedBest, options: PartitionOptions, halt: StopFlag,
         budget: NodeBudget) {
        self.budget = budget
        self.parts = parts
        self.suffix = suffix
        self.g = g
        self.best = best
        self.options = options
        self.halt = halt
        chosen = [Int](repeating: 0, count: parts.count)
    }

    /// Chooses parts d, d+1, ... from `remaining`; `value` is the g-sum of parts 0 ..< d and
    /// `lastMin` the least member (as a bit) of part d − 1.
    mutating func descend(_ d: Int, remaining: Int, value: Int64, lastMin: Int) {
        nodes &+= 1
        let k = parts.count
        if value + suffix[d] <= best.value { return }
        if d == k - 1 {
            // The last part is what remains.
            let total = value + g[remaining]
            if total > best.value {
                chosen[d] = remaining
                best.offer(total, chosen)
            }
            return
        }
        let size = parts[d]
        // Equal sizes: this part's members all come after the previous part's least member.
        let allowed = size == parts[d - 1] ? remaining & ~((lastMin << 1) - 1) : remaining
        let count = allowed.nonzeroBitCount
        guard count >= size else { return }
        // Bits of `allowed`, for depositing a combination of positions.
        var bits = [Int](repeating: 0, count: count)
        var m = allowed, i = 0
        while m != 0 { bits[i] = m & -m; m &= m - 1; i += 1 }
        let restBound = suffix[d + 1]
        var x = (1 << size) - 1
        let end = 1 << count
        while x < end {
            // Every candidate counts as work (most are pruned without a node of their own).
            work &+= 1
            if work & 0x3FF == 0, halt.isSet || options.stop.check() != nil || !budget.spend(0x400) { halt.set(); halted = true; return }
            var c = 0, y = x
            while y != 0 { c |= bits[y.trailingZeroBitCount]; y &= y - 1 }
            let v = value + g[c]
            if v + restBound > best.value {
                chosen[d] = c
                descend(d + 1, remaining: remaining ^ c, value: v, lastMin: c & -c)
                if halted { return }
            }
            let low = x & -x, r = x + low
            x = (((r ^ x) >> 2) / low) | r
        }
    }
}

/// The best structure found so far, shared by the workers: the value is one atomic integer (read
/// on every bound test), the parts sit behind a lock (written only on improvement).
final class SharedBest: Sendable {
    private let best: Atomic<Int64>
    private let structure: Mutex<(Int64, [Int])>
    init(value: Int64, parts: [Int]) {
        best = Atomic(value)
        structure = Mutex((value, parts))
    }
    var value: Int64 { best.load(ordering: .relaxed) }
    func offer(_ value: Int64, _ parts: [Int]) {
        structure.withLock { s in
            if value > s.0 {
                s = (value, parts)
                best.store(value, ordering: .relaxed)
            }
        }
    }
    func snapshot() -> (Int64, [Int]) { structure.withLock { $0 } }
}

/// A cap on the nodes all workers may expand together (the hybrid's switch to the dynamic programme).
final class NodeBudget: Sendable {
    private let used = Atomic<Int>(0)
    private let over = Atomic<Bool>(false)
    let limit: Int
    init(limit: Int) { self.limit = limit }
    /// Records `nodes` more; false once the total passes the limit.
    func spend(_ nodes: Int) -> Bool {
        if used.wrappingAdd(nodes, ordering: .relaxed).newValue > limit { over.store(true, ordering: .relaxed); return false }
        return true
    }
    var exceeded: Bool { over.load(ordering: .relaxed) }
}
