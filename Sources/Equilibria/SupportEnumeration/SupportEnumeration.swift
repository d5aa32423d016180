import BigInt
import ExactArithmetic
import SolverSupport
import StrategicGames
import Sharding
import Synchronization

/// Support enumeration: every Nash equilibrium of a nondegenerate bimatrix game, by solving the
/// indifference equations of each pair of supports.
///
/// Source: Nisan, Roughgarden, Tardos & Vazirani, *Algorithmic Game Theory*, 2007, Algorithm 3.4
/// (equal-size supports of nondegenerate games); support pairs are visited in the order of
/// Porter, Nudelman & Shoham, "Simple search methods for finding a Nash equilibrium", Games and
/// Economic Behavior 63, 2008: balanced pairs first, small supports first.
///
/// Steps:
/// 1. Remove pure strategies strictly dominated by pure strategies (iterated; no equilibrium is
///    lost) and report them in the notes.
/// 2. For each support-size pair, each row support I: drop the columns strictly dominated given
///    that the row player plays in I (they cannot be best responses — PNS's conditional
///    dominance), then for each column support J of the remaining columns:
/// 3. solve `A_IJ·y = v·1, Σy = 1` in floating point; reject unless y ≥ 0 and no row outside I
///    earns more than v (early best-response failure); then the same for x with Bᵀ. For equal
///    sizes the y systems of one I are solved together by `IncrementalIndifference` (an LU
///    factorisation extended column by column along a depth-first walk over the subsets J, about
///    k² instead of k³/3 operations per pair; ill-conditioned pairs go to the exact check, counted
///    as `borderlineExactChecks`, after a verified floating bound (``VerifiedLinearSystem``, Rump's
///    a-posteriori error bound on the exact integer payoffs) has rejected those it can, counted as
///    `borderlineVerifiedRejections`);
/// 4. confirm a surviving candidate exactly: for equal sizes and integer payoffs, first by
///    fraction-free elimination on the integers (Bareiss; singular systems, negative weights and
///    better deviations rejected without a gcd, counted as `candidatesRejectedByIntegerCheck`);
///    then solve both systems in rationals and check the profile with `isNashEquilibrium` against
///    the original game.
///
/// Modes: `equalSizeOnly` (the default) visits |I| = |J| and finds every equilibrium of a
/// nondegenerate game. With `equalSizeOnly == false` every pair of support sizes is visited; on
/// degenerate games equilibria may form continua, and only equilibria whose support pair
/// determines them uniquely are reported (the result's notes say so). Extreme points of continua
/// are the subject of a separate solver.
///
/// Parallelism: row supports are handed out to `limits.jobs` workers (default: all cores); the
/// output order is the sequential order whatever the number of workers.
///
/// - Complexity: O(Σ_k C(m,k)·C(n,k)·k²) amortised floating-point work for equal sizes (all pairs:
///   O(2^(m+n)·min(m,n)³)), plus O(k³) rational work per candidate.
public struct SupportEnumeration: Sendable {
    /// Only pairs of supports of equal size (complete for nondegenerate games).
    public var equalSizeOnly: Bool
    /// Remove strictly dominated pure strategies first.
    public var removeDominated: Bool

    public init(equalSizeOnly: Bool = true, removeDominated: Bool = true) {
        self.equalSizeOnly = equalSizeOnly
        self.removeDominated = removeDominated
    }

    /// The number of support pairs the search visits at most in an m×n game (before dominance),
    /// as a double: Σₖ C(m,k)·C(n,k) = C(m+n, m) − 1 (Vandermonde) for equal sizes,
    /// (2ᵐ − 1)(2ⁿ − 1) for all pairs. This is the size stated before a long run starts.
    /// - Complexity: O(min(m, n)).
    public static func supportPairCount(rows m: Int, columns n: Int, equalSizeOnly: Bool) -> Double {
        if !equalSizeOnly { return (Double(sign: .plus, exponent: m, significand: 1) - 1) * (Double(sign: .plus, exponent: n, significand: 1) - 1) }
        var c = 1.0
        for i in 0..<min(m, n) { c = c * Double(m + n - i) / Double(i + 1) }
        return c - 1
    }

    /// All equilibria (see the type's documentation), in parallel.
    /// Counters: `supportsExamined` (pairs whose systems were solved), `supportPairs` (pairs in
    /// the search space after dominance), `pairsPrunedByConditionalDominance`, `candidates`
    /// (floating-point candidates checked exactly), `nonUniqueSystems`, `borderlineExactChecks`
    /// (ill-conditioned equal-size pairs sent to the exact check without a floating verdict),
    /// `borderlineVerifiedRejections` (ill-conditioned pairs rejected by the verified bound),
    /// `candidatesRejectedByIntegerCheck` (candidates rejected by the fraction-free integer check).
    /// The work runs on the library's own threads (``runOnThreads(_:_:)``), not on the
    /// cooperative pool: blocking CPU work there would starve other tasks.
    public func solve(_ game: BimatrixGame, limits: SolverLimits = .none) async -> NashResult {
        solveSynchronously(game, limits: limits)
    }

    /// All equilibria, computed on `limits.jobs` threads without Swift concurrency (for callers
    /// that cannot await).
    public func solveSynchronously(_ game: BimatrixGame, limits: SolverLimits = .none) -> NashResult {
        let plan = Plan(game, options: self)
        let shared = Shared(start: .now)
        let jobs = max(1, limits.jobs ?? Machine.processorCount)
        let box = Mutex<[WorkerOutput]>([])
        runOnThreads(jobs) { _ in
            let out = plan.work(shared: shared, limits: limits)
            box.withLock { $0.append(out) }
        }
        return plan.result(box.withLock { $0 }, shared: shared, limits: limits)
    }

    /// The equilibria as a lazily computed sequence (one thread), in the same order as `solve`:
    /// `for eq in SupportEnumeration().equilibria(of: game).prefix(3)` does only the work needed
    /// for three equilibria.
    public func equilibria(of game: BimatrixGame) -> EquilibriumSequence {
        EquilibriumSequence(plan: Plan(game, options: self))
    }

    /// A lazily evaluated sequence of verified equilibria.
    public struct EquilibriumSequence: Sequence, IteratorProtocol {
        let plan: Plan
        var item = 0
        var pending: [Equilibrium] = []
        var seen = Set<Equilibrium>()
        var scratch: Plan.Scratch

        init(plan: Plan) {
            self.plan = plan
            scratch = plan.makeScratch()
        }

        public mutating func next() -> Equilibrium? {
            while pending.isEmpty {
                guard item < plan.itemCount else { return nil }
                var stats = Plan.Stats()
                var found = [Plan.Found]()
                plan.process(item: item, scratch: &scratch, stats: &stats, into: &found)
                item += 1
                for f in found where seen.insert(f.equilibrium).inserted { pending.append(f.equilibrium) }
            }
            return pending.removeFirst()
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// State shared by the workers of one run.
final class Shared: Sendable {
    let nextItem = Atomic<Int>(0)
    let examined = Atomic<Int>(0)
    let found = Atomic<Int>(0)
    let stop = Atomic<Int>(0)            // 0 running, 1 timeout, 2 max results
    let lastReport = Atomic<Int>(0)      // nanoseconds since start
    let start: ContinuousClock.Instant
    init(start: ContinuousClock.Instant) { self.start = start }
}

struct WorkerOutput: Sendable {
    var found: [SupportEnumeration.Plan.Found] = []
    var stats = SupportEnumeration.Plan.Stats()
}

extension SupportEnumeration {
    /// Everything fixed before the search: the reduced game, floating copies, the work items.
    struct Plan: Sendable {
        struct Found: Sendable { let item: Int; let rank: Int; let equilibrium: Equilibrium; let degenerateWitness: Bool }
        struct Stats: Sendable {
            var examined = 0
            var pruned = 0
            var candidates = 0
            var nonUnique = 0
            var borderline = 0
            /// Borderline pairs rejected by the verified floating bound (no exact check needed).
            var borderlineVerified = 0
            /// Candidates rejected by the fraction-free integer check (no rational arithmetic).
            var integerRejected = 0
            mutating func add(_ o: Stats) {
                examined += o.examined; pruned += o.pruned; candidates += o.candidates; nonUnique += o.nonUnique
                borderline += o.borderline; borderlineVerified += o.borderlineVerified
                integerRejected += o.integerRejected
            }
        }
        struct Scratch {
            var rows: [Int] = []
            var solver: FloatingIndifference
            var incremental: IncrementalIndifference
            var support: [Int]
            var allowed: [Int]
            var x: [Double]
            var y: [Double]
        }

        let game: BimatrixGame
        let reduced: BimatrixGame
        let rowsKept: [Int]
        let columnsKept: [Int]
        let eliminated: [StrictDominance.Elimination]
        let equalSizeOnly: Bool
        /// Reduced payoffs as doubles in [1, 2]: A (m x n) and Bᵀ (n x m), row-major.
        let a: [Double]
        let bt: [Double]
        /// B (m x n) row-major, for conditional dominance.
        let b: [Double]
        /// The reduced payoffs shifted and scaled to integers (same equilibria), as doubles when
        /// every entry is below 2⁵³ in magnitude (so the doubles are the exact integers), else nil:
        /// the systems the verified floating filter of borderline pairs decides.
        let exactA: [Double]?
        let exactB: [Double]?
        /// Support-size pairs (kx, ky) in search order; work item i belongs to the pair whose
        /// range [itemOffsets[p], itemOffsets[p + 1]) holds it, and stands for the row support of
        /// that rank among the kx-subsets in lexicographic order (unranked on demand: nothing
        /// exponential is stored, so large games start at once and stop at their timeout).
        let sizePairs: [(Int, Int)]
        let itemOffsets: [Int]
        /// Number of work items (row supports over all size pairs).
        let itemCount: Int
        /// Support pairs in the whole space (saturates at Int.max for very large games).
        let totalPairs: Int
        /// The shard whose work items this plan walks (round robin, see ``solveShard(_:shard:limits:)``); nil for all.
        var shard: Shard?

        init(_ game: BimatrixGame, options: SupportEnumeration) {
            self.game = game
            equalSizeOnly = options.equalSizeOnly
            if options.removeDominated && (game.rowCount > 1 || game.columnCount > 1) {
                let result = StrictDominance().eliminate(game.normalForm)
                rowsKept = result.surviving[0]
                columnsKept = result.surviving[1]
                eliminated = result.eliminated
                reduced = result.reducedGame.bimatrix!
            } else {
                rowsKept = Array(0..<game.rowCount)
                columnsKept = Array(0..<game.columnCount)
                eliminated = []
                reduced = game
            }
            let payoffs = IntegerPayoffs(reduced)
            let m = reduced.rowCount, n = reduced.columnCount
            a = payoffs.unitA
            b = payoffs.unitB
            func exactDoubles(_ v: [Int]?) -> [Double]? {
                guard let v, v.allSatisfy({ $0.magnitude < (1 << 53) }) else { return nil }
                return v.map { Double($0) }
            }
            exactA = exactDoubles(payoffs.intA)
            exactB = exactDoubles(payoffs.intB)
            var t = [Double](repeating: 0, count: m * n)
            for i in 0..<m { for j in 0..<n { t[j * m + i] = payoffs.unitB[i * n + j] } }
            bt = t
            var sizes = [(Int, Int)]()
            for kx in 1...m { for ky in 1...n where !options.equalSizeOnly || kx == ky { sizes.append((kx, ky)) } }
            sizes.sort { (abs($0.0 - $0.1), $0.0 + $0.1, $0.0) < (abs($1.0 - $1.1), $1.0 + $1.1, $1.0) }
            var offsets = [0]
            var total = 0
            for (kx, ky) in sizes {
                offsets.append(Self.saturatingAdd(offsets[offsets.count - 1], Self.binomial(m, kx)))
                total = Self.saturatingAdd(total, Self.saturatingMultiply(Self.binomial(m, kx), Self.binomial(n, ky)))
            }
            sizePairs = sizes
            itemOffsets = offsets
            itemCount = offsets[offsets.count - 1]
            totalPairs = total
        }

        /// C(n, k), saturating at Int.max.
        static func binomial(_ n: Int, _ k: Int) -> Int {
            if k < 0 || k > n { return 0 }
            var r = 1
            for i in 0..<min(k, n - k) {
                // r·(n − i)/(i + 1) is exact at every step (a binomial coefficient).
                let (p, overflow) = r.multipliedReportingOverflow(by: n - i)
                if overflow { return Int.max }
                r = p / (i + 1)
            }
            return r
        }

        static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
            let (s, o) = a.addingReportingOverflow(b)
            return o ? Int.max : s
        }

        static func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
            let (p, o) = a.multipliedReportingOverflow(by: b)
            return o ? Int.max : p
        }

        /// Work item `item`: its support sizes and its row support's rank among the kx-subsets.
        func workItem(_ item: Int) -> (kx: Int, ky: Int, rank: Int) {
            // The last pair p with itemOffsets[p] ≤ item (binary search).
            var low = 0, high = sizePairs.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if itemOffsets[mid] <= item { low = mid } else { high = mid - 1 }
            }
            return (sizePairs[low].0, sizePairs[low].1, item - itemOffsets[low])
        }

        /// The k-subset of 0..<n of lexicographic rank `rank` (the order in which a depth-first
        /// enumeration lists them), written into `subset`.
        /// - Complexity: O(n) binomial evaluations.
        static func unrank(_ rank: Int, k: Int, n: Int, into subset: inout [Int]) {
            subset.removeAll(keepingCapacity: true)
            var r = rank, next = 0
            for position in 0..<k {
                // Skip first elements whose blocks of subsets lie entirely before `r`.
                while true {
                    let block = binomial(n - next - 1, k - position - 1)
                    if r < block { break }
                    r -= block
                    next += 1
                }
                subset.append(next)
                next += 1
            }
        }

        func makeScratch() -> Scratch {
            let m = reduced.rowCount, n = reduced.columnCount, k = max(m, n)
            return Scratch(solver: FloatingIndifference(maxEquations: k, maxUnknowns: k),
                           incremental: IncrementalIndifference(maxSize: min(m, n), maxColumns: n), support: [], allowed: [],
                           x: [Double](repeating: 0, count: m), y: [Double](repeating: 0, count: n))
        }

        /// Examines every column support for work item `item`.
        func process(item: Int, scratch: inout Scratch, stats: inout Stats, into found: inout [Found]) {
            let (kx, ky, rowRank) = workItem(item)
            Self.unrank(rowRank, k: kx, n: reduced.rowCount, into: &scratch.rows)
            let rows = scratch.rows
            let m = reduced.rowCount, n = reduced.columnCount
            // Conditional dominance: column j is useless when another column beats it on every row of I.
            scratch.allowed.removeAll(keepingCapacity: true)
            for j in 0..<n {
                var dominated = false
                for j2 in 0..<n where j2 != j {
                    var all = true
                    for i in rows where b[i * n + j2] <= b[i * n + j] { all = false; break }
                    if all { dominated = true; break }
                }
                if !dominated { scratch.allowed.append(j) }
            }
            let totalHere = Self.binomial(n, ky)
            let allowedCount = scratch.allowed.count
            stats.pruned += totalHere - Self.binomial(allowedCount, ky)
            guard allowedCount >= ky else { return }
            let allowed = scratch.allowed
            if kx == ky {
                // Equal sizes: incremental LU over the subsets (IncrementalIndifference).
                let search = scratch.incremental
                var columns = [Int](repeating: 0, count: ky)
                rows.withUnsafeBufferPointer { rowsBuf in
                    a.withUnsafeBufferPointer { aBuf in
                        bt.withUnsafeBufferPointer { btBuf in
                            search.load(a: aBuf, stride: n, rows: rowsBuf, candidates: allowed)
                            let visited = search.search(k: ky, count: allowedCount) { rank, kind in
                                for t in 0..<ky { columns[t] = allowed[search.pos[t]] }
                                let hit: (Equilibrium, Bool)? = columns.withUnsafeBufferPointer { colsBuf in
                                    switch kind {
                                    case .singular:
                                        return check(rows: rowsBuf, columns: colsBuf, a: aBuf, bt: btBuf, m: m, n: n,
                                                     scratch: &scratch, stats: &stats)
                                    case .borderline:
                                        stats.borderline += 1
                                        if verifiedRejects(rows: rowsBuf, columns: colsBuf, n: n) {
                                            stats.borderlineVerified += 1
                                            return nil
                                        }
                                        return confirm(rows: rowsBuf, columns: colsBuf, stats: &stats)
                                    case .positive:
                                        var sum = 0.0
                                        for t in 0..<ky { sum += search.z[t] }
                                        let v = 1 / sum
                                        for t in 0..<ky { scratch.solver.solution[t] = search.z[t] * v }
                                        return afterColumnStrategy(rows: rowsBuf, columns: colsBuf, value: v, a: aBuf, bt: btBuf,
                                                                   m: m, n: n, scratch: &scratch, stats: &stats)
                                    }
                                }
                                if let hit {
                                    found.append(Found(item: item, rank: rank, equilibrium: hit.0, degenerateWitness: hit.1))
                                }
                            }
                            stats.examined += visited
                        }
                    }
                }
                return
            }
            // Unequal sizes: iterate ky-subsets of `allowed` in lexicographic order (positions in `pos`).
            var pos = Array(0..<ky)
            var rank = 0
            rows.withUnsafeBufferPointer { rowsBuf in
                a.withUnsafeBufferPointer { aBuf in
                    bt.withUnsafeBufferPointer { btBuf in
                        var columns = [Int](repeating: 0, count: ky)
                        while true {
                            for t in 0..<ky { columns[t] = allowed[pos[t]] }
                            stats.examined += 1
                            columns.withUnsafeBufferPointer { colsBuf in
                                if let eq = check(rows: rowsBuf, columns: colsBuf, a: aBuf, bt: btBuf, m: m, n: n,
                                                  scratch: &scratch, stats: &stats) {
                                    found.append(Found(item: item, rank: rank, equilibrium: eq.0, degenerateWitness: eq.1))
                                }
                            }
                            rank += 1
                            // Next combination.
                            var t = ky - 1
                            while t >= 0 && pos[t] == allowedCount - ky + t { t -= 1 }
                            if t < 0 { break }
                            pos[t] += 1
                            for u in (t + 1)..<ky { pos[u] = pos[u - 1] + 1 }
                        }
                    }
                }
            }
        }

        /// One support pair: floating filter, then exact confirmation. Returns the equilibrium (in
        /// the original game's indices) and whether it witnesses degeneracy.
        func check(rows: UnsafeBufferPointer<Int>, columns: UnsafeBufferPointer<Int>, a: UnsafeBufferPointer<Double>,
                   bt: UnsafeBufferPointer<Double>, m: Int, n: Int, scratch: inout Scratch,
                   stats: inout Stats) -> (Equilibrium, Bool)? {
            // y on the columns, rows indifferent.
            switch scratch.solver.solve(matrix: a, stride: n, equations: rows, support: columns) {
            case .inconsistent: return nil
            case .nonUnique: stats.nonUnique += 1; return nil
            case .unique: break
            }
            let ky = columns.count
            for t in 0..<ky where scratch.solver.solution[t] < -Tolerance.feasibility { return nil }
            return afterColumnStrategy(rows: rows, columns: columns, value: scratch.solver.solution[ky], a: a, bt: bt,
                                       m: m, n: n, scratch: &scratch, stats: &stats)
        }

        /// The rest of the floating filter once y (in `scratch.solver.solution[0..<|J|]`) and its
        /// value v are known: best responses of the rows, then x, then the exact confirmation.
        func afterColumnStrategy(rows: UnsafeBufferPointer<Int>, columns: UnsafeBufferPointer<Int>, value v: Double,
                                 a: UnsafeBufferPointer<Double>, bt: UnsafeBufferPointer<Double>, m: Int, n: Int,
                                 scratch: inout Scratch, stats: inout Stats) -> (Equilibrium, Bool)? {
            let ky = columns.count, kx = rows.count
            for j in 0..<n { scratch.y[j] = 0 }
            for t in 0..<ky { scratch.y[columns[t]] = scratch.solver.solution[t] }
            // Early best-response failure: no row outside I may beat v.
            var inRows = 0
            for i in 0..<m {
                if inRows < kx && rows[inRows] == i { inRows += 1; continue }
                var s = 0.0
                for t in 0..<ky { s += a[i * n + columns[t]] * scratch.y[columns[t]] }
                if s > v + Tolerance.feasibility { return nil }
            }
            // x on the rows, columns indifferent.
            switch scratch.solver.solve(matrix: bt, stride: m, equations: columns, support: rows) {
            case .inconsistent: return nil
            case .nonUnique: stats.nonUnique += 1; return nil
            case .unique: break
            }
            for t in 0..<kx where scratch.solver.solution[t] < -Tolerance.feasibility { return nil }
            let u = scratch.solver.solution[kx]
            var inColumns = 0
            for j in 0..<n {
                if inColumns < ky && columns[inColumns] == j { inColumns += 1; continue }
                var s = 0.0
                for t in 0..<kx { s += bt[j * m + rows[t]] * scratch.solver.solution[t] }
                if s > u + Tolerance.feasibility { return nil }
            }
            return confirm(rows: rows, columns: columns, stats: &stats)
        }

        /// The verified floating filter of a borderline pair: true when the pair is proven to hold
        /// no equilibrium from enclosures of its indifference systems (``VerifiedLinearSystem`` on
        /// the exact integer payoffs): a weight of y proven negative, or a row outside I proven to
        /// earn more than v against every y in the enclosure; then the same for x and the columns.
        /// False when the bounds cannot decide (the exact check follows).
        /// - Complexity: O(k³ + (m + n)·k) floating-point operations for supports of size k.
        func verifiedRejects(rows: UnsafeBufferPointer<Int>, columns: UnsafeBufferPointer<Int>, n: Int) -> Bool {
            guard let ea = exactA, let eb = exactB else { return false }
            let m = ea.count / n
            /// Σ_s coefficient(e, s)·w_s − value = 0 for e in `equations`, Σ w_s = 1; `others`
            /// are the strategies outside the equations' support that must not beat the value.
            func rejects(equations: UnsafeBufferPointer<Int>, support: UnsafeBufferPointer<Int>, others: Int,
                         entry: (Int, Int) -> Double) -> Bool {
                let k = support.count, size = k + 1
                var mat = [Double](repeating: 0, count: size * size)
                for (r, e) in equations.enumerated() {
                    for (c, s) in support.enumerated() { mat[r * size + c] = entry(e, s) }
                    mat[r * size + k] = -1
                }
                for c in 0..<k { mat[k * size + c] = 1 }
                var rhs = [Double](repeating: 0, count: size)
                rhs[k] = 1
                guard let w = VerifiedLinearSystem.solve(size: size, matrix: mat, rhs: rhs) else { return false }
                for j in 0..<k where w.sign(j) == .negative { return true }
                // A strategy e outside: e earns Σ_s entry(e, s)·w_s; proven better than the value
                // when that exceeds v by more than the enclosure and the rounding allow.
                let v = w.z[k], gamma = VerifiedLinearSystem.gamma(k + 1)
                var inside = 0
                for e in 0..<others {
                    if inside < equations.count && equations[inside] == e { inside += 1; continue }
                    var s = 0.0, mag = 0.0, weight = 0.0
                    for (c, t) in support.enumerated() {
                        let a = entry(e, t)
                        s += a * w.z[c]; mag += abs(a * w.z[c]); weight += abs(a)
                    }
                    let slack = (weight + 1) * w.bound + gamma * (mag + abs(v))
                    if s - v > slack * (1 + 1e-9) { return true }
                }
                return false
            }
            if rejects(equations: rows, support: columns, others: m, entry: { i, j in ea[i * n + j] }) { return true }
            return rejects(equations: columns, support: rows, others: n, entry: { j, i in eb[i * n + j] })
        }

        /// The exact integer filter of a candidate with supports of equal size: both indifference
        /// systems of the integer payoffs solved by fraction-free elimination
        /// (``FractionFreeSolve``: Bareiss, no gcd), then every test done on the integer
        /// numerators over the common denominator D > 0. True when the pair is proven to hold no
        /// equilibrium determined by it: a singular system (its solution is not unique, or there
        /// is none), a negative weight, or a strategy outside the support earning more than the
        /// value. False when the pair passes (it is then an equilibrium; the rational
        /// construction and `isNashEquilibrium` follow) or the payoffs are not integers below 2⁵³.
        /// - Complexity: O(k³) integer operations on numbers of O(k·(log k + bits)) bits, plus
        ///   O((m + n)·k) for the deviations.
        func integerRejects(rows: UnsafeBufferPointer<Int>, columns: UnsafeBufferPointer<Int>, n: Int) -> Bool {
            guard rows.count == columns.count, let ea = exactA, let eb = exactB else { return false }
            let m = ea.count / n
            func rejects(equations: UnsafeBufferPointer<Int>, support: UnsafeBufferPointer<Int>, others: Int,
                         entry: (Int, Int) -> Int) -> Bool {
                let k = support.count
                // Unknowns w_0..w_{k-1}, value; rows: Σ_s entry(e, s)·w_s − value = 0, Σ w_s = 1.
                guard let solution = FractionFreeSolve.solve(size: k + 1, entry: { r, c in
                    if r == k { return c == k ? 0 : 1 }
                    return c == k ? -1 : BigInt(entry(equations[r], support[c]))
                }, rhs: { r in r == k ? 1 : 0 }) else { return true }
                let w = solution.numerators
                for c in 0..<k where w[c].signum() < 0 { return true }
                let value = w[k]
                var inside = 0
                for e in 0..<others {
                    if inside < equations.count && equations[inside] == e { inside += 1; continue }
                    var earned = BigInt(0)
                    for (c, t) in support.enumerated() where !w[c].isZero { earned += BigInt(entry(e, t)) * w[c] }
                    if earned > value { return true }
                }
                return false
            }
            if rejects(equations: rows, support: columns, others: m, entry: { i, j in Int(ea[i * n + j]) }) { return true }
            return rejects(equations: columns, support: rows, others: n, entry: { j, i in Int(eb[i * n + j]) })
        }

        /// Exact confirmation in the reduced game, then in the original game's indices.
        func confirm(rows: UnsafeBufferPointer<Int>, columns: UnsafeBufferPointer<Int>, stats: inout Stats) -> (Equilibrium, Bool)? {
            stats.candidates += 1
            if integerRejects(rows: rows, columns: columns, n: reduced.columnCount) {
                stats.integerRejected += 1
                return nil
            }
            guard let eq = ExactIndifference.equilibrium(reduced, rows: Array(rows), columns: Array(columns)) else { return nil }
            var x = [Rational](repeating: .zero, count: game.rowCount)
            var y = [Rational](repeating: .zero, count: game.columnCount)
            for (k, i) in rowsKept.enumerated() { x[i] = eq.strategies[0].probabilities[k] }
            for (k, j) in columnsKept.enumerated() { y[j] = eq.strategies[1].probabilities[k] }
            guard let full = game.verifiedEquilibrium(row: x, column: y) else { return nil }
            return (full, Self.isDegenerateWitness(game, full))
        }

        /// True when a player has more pure best responses than the other player's support size.
        static func isDegenerateWitness(_ game: BimatrixGame, _ eq: Equilibrium) -> Bool {
            let x = eq.strategies[0].probabilities, y = eq.strategies[1].probabilities
            let ay = game.rowPayoffs(against: y), bx = game.columnPayoffs(against: x)
            let bestRows = ay.filter { $0 == eq.payoffs[0] }.count
            let bestColumns = bx.filter { $0 == eq.payoffs[1] }.count
            return bestRows > eq.strategies[1].support.count || bestColumns > eq.strategies[0].support.count
        }

        /// A pure strategy with two pure best responses makes the game degenerate.
        var hasPureDegeneracy: Bool {
            let a = game.rowPayoffs, b = game.columnPayoffs
            for j in 0..<game.columnCount {
                let col = a.column(j)
                let best = col.max()!
                if col.filter({ $0 == best }).count > 1 { return true }
            }
            for i in 0..<game.rowCount {
                let row = b.row(i)
                let best = row.max()!
                if row.filter({ $0 == best }).count > 1 { return true }
            }
            return false
        }

        /// A worker: takes row supports in order until none is left or a limit is reached.
        func work(shared: Shared, limits: SolverLimits) -> WorkerOutput {
            var out = WorkerOutput()
            var scratch = makeScratch()
            let deadline = limits.deadline(from: shared.start)
            while shared.stop.load(ordering: .relaxed) == 0 {
                let item = shared.nextItem.add(1, ordering: .relaxed).oldValue
                guard item < itemCount else { break }
                if let shard, !shard.owns(item) { continue }
                var stats = Stats()
                let before = out.found.count
                process(item: item, scratch: &scratch, stats: &stats, into: &out.found)
                out.stats.add(stats)
                let examined = shared.examined.add(stats.examined + stats.pruned, ordering: .relaxed).newValue
                let found = shared.found.add(out.found.count - before, ordering: .relaxed).newValue
                if let cap = limits.maxResults, found >= cap { shared.stop.store(2, ordering: .relaxed) }
                let now = ContinuousClock.now
                switch limits.stop(at: now, deadline: deadline) {
                case .timeout?: shared.stop.store(1, ordering: .relaxed)
                case .interrupted?: shared.stop.store(3, ordering: .relaxed)
                default: break
                }
                if let progress = limits.progress {
                    let elapsed = now - shared.start
                    let nanos = Int(elapsed.components.seconds) * 1_000_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000)
                    let last = shared.lastReport.load(ordering: .relaxed)
                    if nanos - last >= 250_000_000,
                       shared.lastReport.compareExchange(expected: last, desired: nanos, ordering: .relaxed).exchanged {
                        progress(ProgressSnapshot(done: examined, total: totalPairs, unit: "support pairs", results: found, elapsed: elapsed))
                    }
                }
            }
            return out
        }

        /// Merges the workers' findings in the sequential order and writes the notes.
        func result(_ parts: [WorkerOutput], shared: Shared, limits: SolverLimits) -> NashResult {
            var stats = Stats()
            var found = [Found]()
            for p in parts { stats.add(p.stats); found += p.found }
            found.sort { ($0.item, $0.rank) < ($1.item, $1.rank) }
            var seen = Set<Equilibrium>()
            var equilibria = [Equilibrium]()
            var witness = false
            for f in found where seen.insert(f.equilibrium).inserted {
                equilibria.append(f.equilibrium)
                witness = witness || f.degenerateWitness
            }
            var stop = StopReason.completed
            switch shared.stop.load(ordering: .relaxed) {
            case 1: stop = .timeout
            case 2: stop = .maxResults
            case 3: stop = .interrupted
            default: break
            }
            if let cap = limits.maxResults, equilibria.count >= cap {
                equilibria = Array(equilibria.prefix(cap))
                if stop == .completed && shared.nextItem.load(ordering: .relaxed) < itemCount { stop = .maxResults }
            }
            var notes = [String]()
            if !eliminated.isEmpty {
                let names = eliminated.map { e in
                    "\(e.player == 0 ? "row" : "column") \(e.strategy) (dominated by \(e.dominatedBy))"
                }
                notes.append("removed strictly dominated strategies: " + names.joined(separator: ", "))
            }
            if stats.pruned > 0 {
                notes.append("skipped \(stats.pruned) support pairs containing a column strictly dominated given the row support")
            }
            let degenerate = witness || hasPureDegeneracy || (!equalSizeOnly && stats.nonUnique > 0)
            if degenerate {
                if equalSizeOnly {
                    notes.append("the game is degenerate: equal-size supports may miss equilibria, and equilibria may form continua; try all support pairs")
                } else {
                    notes.append("the game is degenerate: equilibria may form continua; reported are the equilibria determined by their support pair")
                }
            }
            return NashResult(equilibria: equilibria, stopReason: stop,
                              counters: ["supportsExamined": stats.examined, "supportPairs": totalPairs,
                                         "pairsPrunedByConditionalDominance": stats.pruned, "candidates": stats.candidates,
                                         "nonUniqueSystems": stats.nonUnique, "borderlineExactChecks": stats.borderline - stats.borderlineVerified,
                                         "borderlineVerifiedRejections": stats.borderlineVerified,
                                         "candidatesRejectedByIntegerCheck": stats.integerRejected,
                                         "strategiesRemovedByDominance": eliminated.count],
                              notes: notes)
        }
    }
}
