import BigInt
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ExactArithmetic
import SolverSupport
import StrategicGames

/// Everything ``ExtremeEquilibria`` finds: the extreme equilibria (in ``result``) plus the
/// distinct extreme strategies and the maximal Nash subsets they span.
public struct ExtremeEquilibriaReport: Sendable {
    /// The extreme equilibria, counters, notes, components (indices into the equilibria) and,
    /// per equilibrium, details (``EquilibriumDetails/extreme(rowVertex:columnVertex:component:nashSubsets:)``):
    /// its row and column vertex (0-based indices into ``rowVertices`` and ``columnVertices``),
    /// component and maximal Nash subsets (indices into ``nashSubsets``).
    public var result: NashResult
    /// The distinct extreme row strategies appearing in equilibria (`x1`, `x2`, ... in order).
    public var rowVertices: [MixedStrategy]
    /// The distinct extreme column strategies appearing in equilibria.
    public var columnVertices: [MixedStrategy]
    /// For each equilibrium, the indices of its row and column vertex.
    public var vertexPairs: [VertexPair]
    /// The maximal Nash subsets (maximal bicliques), grouped by component.
    public var nashSubsets: [NashSubset]

    public struct VertexPair: Sendable, Hashable, Codable {
        public let row: Int
        public let column: Int
    }
}

/// Why ``ExtremeEquilibria`` could not run.
public enum ExtremeEquilibriaError: Error, CustomStringConvertible, Equatable {
    /// m + n exceeds what the basis keys hold.
    case tooLarge(rows: Int, columns: Int)

    public var description: String {
        switch self {
        case .tooLarge(let m, let n):
            return "extreme-equilibrium enumeration supports games with at most \(LabelSet.capacity) pure strategies in total (this game is \(m)x\(n))"
        }
    }
}

/// Every extreme Nash equilibrium of a two-player game, exactly, degenerate games included, with
/// the maximal Nash subsets and components they span.
///
/// Source: the best-response polytope method of von Stengel ("Computing equilibria for
/// two-person games", Handbook of Game Theory 3, 2002, §3) as in Avis, Rosenberg, Savani &
/// von Stengel, "Enumeration of Nash equilibria for two-player games", Economic Theory 42 (2010):
/// with payoffs made positive, the extreme equilibria are the completely labelled pairs of
/// non-zero vertices (x, y) of P = {x ≥ 0 : Bᵀx ≤ 1} and Q = {y ≥ 0 : Ay ≤ 1}, normalised.
/// Like lrsnash, only the polytope of the player with fewer strategies is enumerated (here by a
/// depth-first walk over its lexicographically feasible bases, see
/// ``LexicographicVertexSearch``) and for each of its vertices x only the vertices of the other
/// polytope on x's complementary face are looked for: for non-degenerate x that face is at most
/// one point, found by fraction-free Gauss–Jordan elimination (k integer pivots) on the k×k
/// system A_{T,S} y = 1 (T = support of x, S = best responses to x); for degenerate x (more tight constraints than the dimension) the
/// vertices of Q are enumerated once and looked up by label.
///
/// Steps:
/// 1. Scale each payoff matrix to integers and shift it to entries ≥ 1 (equilibria unchanged);
///    transpose when the row player has more strategies.
/// 2. Choose the arithmetic: machine words with 128-bit products when a Hadamard bound on the
///    tableau minors allows it, else arbitrary precision; on overflow restart wider.
/// 3. Walk P's vertices; match each against Q (the walk split over threads with `limits.jobs` > 1
///    and min(m, n) ≥ ``defaultParallelDimension``).
/// 4. Normalise, verify every pair exactly with ``BimatrixGame/isNashEquilibrium(row:column:)``
///    on the game as given, compute the payoffs (for integer games from one support row and
///    column, all best responses), sort, and group into maximal Nash subsets and components
///    (``NashSubsets``).
///
/// - Parameters:
///   - game: any bimatrix game (rational payoffs).
///   - limits: `timeout` and `maxResults` stop early (stop reason set accordingly); `jobs`
///     (nil: all cores) splits the vertex walk and its matching over that many threads, idle
///     threads receiving subtrees from busy ones (see ``runParallel(_:jobs:limits:start:)``;
///     with `maxResults` set, or when the smaller side has fewer than `parallelFromDimension`
///     strategies, the run is sequential);
///     `progress` receives bases visited. The output order never depends on `jobs`.
/// - Complexity: O(B·d·(m+n)) exchanges and ratio tests for the B lexicographic bases of the
///   smaller polytope (dimension d = min(m, n); one pivot per basis, going back is a swap of
///   kept tableaux within ``defaultKeptTableauBytes``), plus O(k³) per vertex for the matching
///   and O(m·n) per equilibrium for the verification; B is exponential in d in the worst case.
/// - Degenerate games: handled exactly. Every extreme equilibrium is returned once, whatever
///   the ties; the equilibrium set's convex pieces appear as Nash subsets of positive dimension.
public enum ExtremeEquilibria {
    /// The extreme equilibria as a ``NashResult`` (components and details filled).
    public static func solve(_ game: BimatrixGame, limits: SolverLimits = .none,
                             arithmetic: Arithmetic = .automatic,
                             parallelFromDimension: Int = defaultParallelDimension) throws -> NashResult {
        try report(game, limits: limits, arithmetic: arithmetic, parallelFromDimension: parallelFromDimension).result
    }

    /// The extreme equilibria with their vertices and maximal Nash subsets.
    /// The integer type of the pivoting. `.automatic` picks the narrowest type a Hadamard bound
    /// on the tableau minors makes plausible and widens on overflow (restarting the search); the
    /// others force a start type (for tests and benchmarks) and widen the same way.
    public enum Arithmetic: String, Sendable, CaseIterable, CustomStringConvertible {
        case automatic, word64, word128, word256, arbitrary
        public var description: String {
            switch self {
            case .automatic: return "automatic"
            case .word64: return "64-bit integers"
            case .word128: return "128-bit integers"
            case .word256: return "256-bit integers"
            case .arbitrary: return "arbitrary-precision integers"
            }
        }
    }

    /// An upper bound on the vertices the walk can meet: McMullen's upper bound theorem
    /// (McMullen, "The maximum numbers of faces of a convex polytope", Mathematika 17, 1970) for
    /// a polytope of dimension d = min(m, n) with f = m + n facets,
    /// C(f − ⌈d/2⌉, ⌊d/2⌋) + C(f − ⌊d/2⌋ − 1, ⌈d/2⌉ − 1), attained by duals of cyclic polytopes.
    /// The best-response polytope of the smaller side is such a polytope, so this bounds the
    /// vertices visited and the extreme equilibria (each has its own vertex of that polytope).
    /// Degenerate games can visit several bases per vertex. A double: the count can exceed
    /// 2^63 for large games.
    /// - Complexity: O(d).
    public static func vertexBound(rows m: Int, columns n: Int) -> Double {
        let d = min(m, n), f = m + n
        guard d >= 2 else { return d == 1 ? 2 : 1 }
        func binomial(_ a: Int, _ b: Int) -> Double {
            guard b >= 0, a >= b else { return 0 }
            var c = 1.0
            for i in 0..<min(b, a - b) { c = c * Double(a - i) / Double(i + 1) }
            return c
        }
        let (lo, hi) = (d / 2, (d + 1) / 2)
        return binomial(f - hi, lo) + binomial(f - lo - 1, hi - 1)
    }

    /// Below this many strategies on the smaller side the walk runs on one thread whatever
    /// `jobs` says. Up to 10x10 the whole solve takes a few milliseconds of CPU, and the shared
    /// (locked) visited sets and hand-overs of the parallel walk cost more than a second thread
    /// gains: measured on random 10x10 games (2 shared cores), `jobs` 2 took 20 % more CPU time
    /// and no less wall time than one thread; from 12x12 on it is faster in wall time.
    public static let defaultParallelDimension = 12

    /// Memory the vertex walk may use to keep the tableaux of the bases on its path (so going
    /// back is a swap instead of a pivot back); deeper bases pivot back.
    public static let defaultKeptTableauBytes = 16 << 20

    /// The extreme equilibria with their vertices and maximal Nash subsets.
    /// `parallelFromDimension`: the smallest min(m, n) for which `limits.jobs` > 1 starts
    /// threads (tests pass 1 to exercise the parallel walk on small games);
    /// `keptTableauBytes`: see ``defaultKeptTableauBytes`` (tests pass 0 to exercise pivoting back).
    public static func report(_ game: BimatrixGame, limits: SolverLimits = .none,
                              arithmetic: Arithmetic = .automatic,
                              parallelFromDimension: Int = defaultParallelDimension,
                              keptTableauBytes: Int = defaultKeptTableauBytes) throws -> ExtremeEquilibriaReport {
        let start = ContinuousClock.now
        let transposed = game.rowCount > game.columnCount
        let m = transposed ? game.columnCount : game.rowCount
        let n = transposed ? game.rowCount : game.columnCount
        guard m + n <= LabelSet.capacity else {
            throw ExtremeEquilibriaError.tooLarge(rows: game.rowCount, columns: game.columnCount)
        }
        // In the (possibly transposed) orientation: A is the enumerating... the row player's payoffs.
        let a0 = transposed ? game.columnPayoffs.transposed : game.rowPayoffs
        let b0 = transposed ? game.rowPayoffs.transposed : game.columnPayoffs
        // Integer payoffs of moderate size (the usual case) stay machine integers throughout.
        let small = smallPositiveIntegers(a0.storage).flatMap { a in smallPositiveIntegers(b0.storage).map { (a, $0) } }
        let a = small == nil ? positiveIntegers(a0.storage) : [], b = small == nil ? positiveIntegers(b0.storage) : []
        let aDoubles = small?.0.map { Double($0) } ?? a.map { Double($0) }
        let bDoubles = small?.1.map { Double($0) } ?? b.map { Double($0) }
        let bound = max(hadamardLog2(bDoubles, rows: m, columns: n, transposed: true),
                        hadamardLog2(aDoubles, rows: m, columns: n, transposed: false))
        func engine<Z: PivotInteger>(_: Z.Type) throws -> ExtremeEquilibriaEngine<Z> {
            let bits = Int(min(bound, 1e15).rounded(.up))   // entries beyond doubles: effectively unbounded
            var e = try small.map { ExtremeEquilibriaEngine<Z>(small: $0.0, b: $0.1, m: m, n: n, bound: bits) }
                ?? ExtremeEquilibriaEngine<Z>(a: a, b: b, m: m, n: n, bound: bits)
            e.keptTableauBytes = keptTableauBytes
            return e
        }

        // Narrowest first; each tier restarts the next wider one on overflow.
        // The checked paths detect overflow exactly, so a type is worth trying somewhat beyond
        // what the (pessimistic) Hadamard bound proves: minors of random matrices are far
        // smaller. Random 14x14 games with payoffs 0..999 fit 128 bits although the bound
        // says 169 bits; at 16x16 they do not.
        let widening: [Arithmetic] = [.word64, .word128, .word256, .arbitrary]
        let tiers: [Arithmetic]
        switch arithmetic {
        case .automatic:
            var t: [Arithmetic] = []
            if bound <= 62 + 16 { t.append(.word64) }
            if bound <= 126 + 48 { t.append(.word128) }
            if bound <= 250 { t.append(.word256) }
            t.append(.arbitrary)
            tiers = t
        default:
            tiers = Array(widening.drop(while: { $0 != arithmetic }))
        }
        var raw: RawOutput?
        var used = Arithmetic.arbitrary
        for tier in tiers where raw == nil {
            do {
                switch tier {
                case .word64: raw = try run(engine(Int.self), limits: limits, start: start, parallelFrom: parallelFromDimension)
                case .word128: raw = try run(engine(Int128.self), limits: limits, start: start, parallelFrom: parallelFromDimension)
                case .word256: raw = try run(engine(Int256.self), limits: limits, start: start, parallelFrom: parallelFromDimension)
                case .arbitrary, .automatic: raw = try run(engine(BigInt.self), limits: limits, start: start, parallelFrom: parallelFromDimension)
                }
                used = tier
            } catch is PivotOverflow {
                continue
            }
        }
        return assemble(raw!, game: game, transposed: transposed, arithmetic: used.description)
    }

    // MARK: - Input preparation

    /// Scales to integers (by the lcm of denominators) and shifts so the minimum is 1.
    static func positiveIntegers(_ values: [Rational]) -> [BigInt] {
        var l = BigInt(1)
        for v in values {
            let d = v.denominator
            if d != 1 { l = l / l.greatestCommonDivisor(with: d) * d }
        }
        let ints = values.map { $0.numerator * (l / $0.denominator) }
        let low = ints.min() ?? 0
        return ints.map { $0 - low + 1 }
    }

    /// The integers v − min + 1 when every value is an integer of magnitude below 2^40 (so the
    /// shifted values fit a machine word with room to spare), else nil.
    static func smallPositiveIntegers(_ values: [Rational]) -> [Int]? {
        var ints: [Int] = []
        ints.reserveCapacity(values.count)
        for v in values {
            guard let (p, q) = v.smallParts, q == 1, p.magnitude < 1 << 40 else { return nil }
            ints.append(p)
        }
        let low = ints.min() ?? 0
        return ints.map { $0 - low + 1 }
    }

    /// log2 of a Hadamard bound on every minor of [M | 1] (M is m×n row-major, read transposed
    /// when asked, i.e. the n×m matrix Mᵀ).
    static func hadamardLog2(_ values: [Double], rows m: Int, columns n: Int, transposed: Bool) -> Double {
        let r = transposed ? n : m, c = transposed ? m : n
        var logs: [Double] = []
        for i in 0..<r {
            var s = 1.0
            for j in 0..<c {
                let d = transposed ? values[j * n + i] : values[i * n + j]
                s += d * d
            }
            // Entries beyond the double range (10^9681 has no double): no word size will do.
            guard s.isFinite else { return .infinity }
            logs.append(0.5 * Double(s.exponent + 1))  // an upper bound on log2 of the row norm
        }
        logs.sort(by: >)
        return logs.prefix(min(r, c + 1)).reduce(0, +) + 1
    }

    // MARK: - The search

    struct RawPair {
        var xLabels: LabelSet
        var x: [BigInt]
        var yLabels: LabelSet
        var y: [BigInt]
        var order: Int
    }

    struct RawOutput {
        var pairs: [RawPair]
        var stopReason: StopReason
        var counters: [String: Int]
        var degenerate: Bool
    }

    static func run<Z: PivotInteger>(_ engine: ExtremeEquilibriaEngine<Z>, limits: SolverLimits,
                                     start: ContinuousClock.Instant, parallelFrom: Int) throws -> RawOutput {
        let m = engine.m, n = engine.n
        let deadline = limits.deadline(from: start)
        let jobs = max(1, limits.jobs ?? Machine.processorCount)
        if jobs > 1 && limits.maxResults == nil && m >= parallelFrom {
            return try runParallel(engine, jobs: jobs, limits: limits, start: start)
        }
        var search = engine.rowPolytopeSearch()
        var seen = LabelSetTable()
        var pairs: [RawPair] = []
        var stop = StopReason.completed
        var degenerate = false
        var facePivots = 0, faceSolves = 0, otherBases = 0
        var fullIndex: VertexIndex<Z>?
        var visits = 0
        var lastProgress = start

        func full() throws -> VertexIndex<Z> {
            if let f = fullIndex { return f }
            let vs = try engine.allColumnPolytopeVertices(pivots: &facePivots, bases: &otherBases)
            let f = VertexIndex(vs, labelCount: m + n)
            fullIndex = f
            return f
        }
        func complement(_ l: LabelSet) -> LabelSet {
            var c = LabelSet()
            for k in 0..<(m + n) where !l.contains(k) { c.insert(k) }
            return c
        }
        func record(_ xLabels: LabelSet, _ x: [BigInt], _ yLabels: LabelSet, _ y: [BigInt], order: Int) {
            if yLabels.count > n { degenerate = true }
            pairs.append(RawPair(xLabels: xLabels, x: x, yLabels: yLabels, y: y, order: order))
        }

        let bases = try search.run { s in
            visits += 1
            if visits & 63 == 0 {
                let now = ContinuousClock.now
                if let reason = limits.stop(at: now, deadline: deadline) { stop = reason; return false }
                if let p = limits.progress, now - lastProgress >= .milliseconds(250) {
                    lastProgress = now
                    p(ProgressSnapshot(done: visits, total: nil, unit: "bases", results: pairs.count, elapsed: now - start))
                }
            }
            let xLabels = ExtremeEquilibriaEngine<Z>.labels(of: s)
            guard seen.insert(xLabels) else { return true }
            if xLabels.count > m { degenerate = true }
            let order = seen.count
            faceSolves += 1
            switch try engine.matchPoint(xLabels, pivots: &facePivots) {
            case .none: break
            case .vertex(let labels, let y):
                record(xLabels, ExtremeEquilibriaEngine<Z>.numerators(of: s), labels, y, order: order)
            case .needsFullSearch:
                guard xLabels.count < m + n else { break }
                let x = ExtremeEquilibriaEngine<Z>.numerators(of: s)
                for y in try full().containing(complement(xLabels)) {
                    record(xLabels, x, y.labels, y.numerators.map(\.bigValue), order: order)
                }
            }
            if let cap = limits.maxResults, pairs.count >= cap { stop = .maxResults; return false }
            return true
        }

        var counters = ["bases": bases, "verticesVisited": seen.count,
                        "pivots": search.tableau.pivots + facePivots, "faceSolves": faceSolves]
        if otherBases > 0 { counters["otherPolytopeBases"] = otherBases }
        return RawOutput(pairs: pairs, stopReason: stop, counters: counters, degenerate: degenerate)
    }

    // MARK: - Output

    static func assemble(_ raw: RawOutput, game: BimatrixGame, transposed: Bool, arithmetic: String) -> ExtremeEquilibriaReport {
        func normalised(_ v: [BigInt]) -> [Rational] {
            let total = v.reduce(BigInt(0), +)
            return v.map { $0.isZero ? Rational.zero : Rational($0, total) }
        }
        struct Candidate { let x: [Rational]; let y: [Rational]; let equilibrium: Equilibrium }
        // Integer payoffs (the usual case): the expected payoff of a verified equilibrium is
        // the payoff of any pure strategy in the player's support against the other's mix (all
        // of them are best responses, checked just before), so one row (column) of big-integer
        // products over the numerators and one fraction per player, instead of m·n fraction
        // additions.
        let integral = game.rowPayoffs.storage.allSatisfy { $0.denominator == 1 }
            && game.columnPayoffs.storage.allSatisfy { $0.denominator == 1 }
        let aInt = integral ? game.rowPayoffs.storage.map(\.numerator) : []
        let bInt = integral ? game.columnPayoffs.storage.map(\.numerator) : []
        let columnCount = game.columnCount
        func rowPlayerPayoff(_ p: [BigInt], _ q: [BigInt]) -> Rational {
            let i = p.firstIndex { $0 != 0 }!
            var total = BigInt(0)
            for (j, qj) in q.enumerated() where qj != 0 { total += aInt[i * columnCount + j] * qj }
            return Rational(total, q.reduce(BigInt(0), +))
        }
        func columnPlayerPayoff(_ p: [BigInt], _ q: [BigInt]) -> Rational {
            let j = q.firstIndex { $0 != 0 }!
            var total = BigInt(0)
            for (i, pi) in p.enumerated() where pi != 0 { total += bInt[i * columnCount + j] * pi }
            return Rational(total, p.reduce(BigInt(0), +))
        }
        var candidates: [Candidate] = []
        var rejected = 0
        for p in raw.pairs {
            var x = normalised(p.x), y = normalised(p.y)
            var px = p.x, qy = p.y
            if transposed { swap(&x, &y); swap(&px, &qy) }
            // Exact check on the game as given (fractions), independent of the pivoting.
            guard game.isNashEquilibrium(row: x, column: y) else { rejected += 1; continue }
            let eq: Equilibrium
            if integral {
                eq = Equilibrium(strategies: [MixedStrategy(unchecked: x), MixedStrategy(unchecked: y)],
                                 payoffs: [rowPlayerPayoff(px, qy), columnPlayerPayoff(px, qy)])
            } else {
                guard let e = game.verifiedEquilibrium(row: x, column: y) else { rejected += 1; continue }
                eq = e
            }
            candidates.append(Candidate(x: x, y: y, equilibrium: eq))
        }
        func descending(_ u: [Rational], _ v: [Rational]) -> Bool? {
            for (a, b) in zip(u, v) where a != b { return a > b }
            return nil
        }
        candidates.sort { c, d in descending(c.x, d.x) ?? descending(c.y, d.y) ?? false }

        var rowIndex: [[Rational]: Int] = [:], columnIndex: [[Rational]: Int] = [:]
        var rows: [MixedStrategy] = [], columns: [MixedStrategy] = []
        var pairs: [ExtremeEquilibriaReport.VertexPair] = []
        for c in candidates {
            let r = rowIndex[c.x] ?? { rows.append(MixedStrategy(unchecked: c.x)); rowIndex[c.x] = rows.count - 1; return rows.count - 1 }()
            let k = columnIndex[c.y] ?? { columns.append(MixedStrategy(unchecked: c.y)); columnIndex[c.y] = columns.count - 1; return columns.count - 1 }()
            pairs.append(.init(row: r, column: k))
        }
        let (subsets, components, truncated) = NashSubsets.compute(
            edges: pairs.map { ($0.row, $0.column) }, rowCount: rows.count, columnCount: columns.count)

        var notes: [String] = []
        notes.append("arithmetic: \(arithmetic)")
        if raw.degenerate { notes.append("the game is degenerate: equilibria may form continua (see the Nash subsets)") }
        if truncated { notes.append("too many maximal Nash subsets: only the first \(subsets.count) are listed") }
        if rejected > 0 { notes.append("internal check: \(rejected) candidate(s) failed exact verification and were dropped") }
        for (s, subset) in subsets.enumerated() where subset.dimension > 0 {
            notes.append("Nash subset \(s + 1) (component \(subset.component + 1)): " + describe(subset, rows: rows, columns: columns))
        }

        var subsetsOf = [[Int]](repeating: [], count: candidates.count)
        for (s, subset) in subsets.enumerated() { for e in subset.equilibria { subsetsOf[e].append(s) } }
        var componentOf = [Int](repeating: 0, count: candidates.count)
        for (c, comp) in components.enumerated() { for e in comp { componentOf[e] = c } }
        let details: [EquilibriumDetails] = pairs.enumerated().map { k, p in
            .extreme(rowVertex: p.row, columnVertex: p.column, component: componentOf[k], nashSubsets: subsetsOf[k])
        }
        var counters = raw.counters
        counters["equilibria"] = candidates.count
        counters["components"] = components.count
        counters["nashSubsets"] = subsets.count
        let result = NashResult(equilibria: candidates.map(\.equilibrium), stopReason: raw.stopReason, counters: counters,
                                notes: notes, components: components, details: details)
        return ExtremeEquilibriaReport(result: result, rowVertices: rows, columnVertices: columns,
                                       vertexPairs: pairs, nashSubsets: subsets)
    }

    /// "a segment of equilibria from (x1, y1) to (x2, y1)"-style text for a Nash subset.
    static func describe(_ s: NashSubset, rows: [MixedStrategy], columns: [MixedStrategy]) -> String {
        func hull(_ idx: [Int], _ names: String, _ vs: [MixedStrategy]) -> String {
            idx.count == 1 ? "\(names)\(idx[0] + 1) = \(vs[idx[0]])"
                : "conv{" + idx.map { "\(names)\($0 + 1)" }.joined(separator: ", ") + "}"
        }
        let shape: String
        if s.dimension == 1 {
            if s.rowVertices.count == 2 {
                shape = "a segment of equilibria from (x\(s.rowVertices[0] + 1), y\(s.columnVertices[0] + 1)) to (x\(s.rowVertices[1] + 1), y\(s.columnVertices[0] + 1))"
            } else {
                shape = "a segment of equilibria from (x\(s.rowVertices[0] + 1), y\(s.columnVertices[0] + 1)) to (x\(s.rowVertices[0] + 1), y\(s.columnVertices[1] + 1))"
            }
        } else {
            shape = "a \(s.dimension)-dimensional set of equilibria"
        }
        return shape + ": row strategies " + hull(s.rowVertices, "x", rows) + " × column strategies " + hull(s.columnVertices, "y", columns)
    }
}

