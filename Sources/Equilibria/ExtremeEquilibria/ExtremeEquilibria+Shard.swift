import BigInt
import ExactArithmetic
import Sharding
import StrategicGames

/// What one shard of ``ExtremeEquilibria`` found (``ExtremeEquilibria/solveShard(_:shard:limits:)``):
/// the verified extreme equilibria of its subtrees and its work counters. Parts of all shards
/// merge into the unsharded result with ``ExtremeEquilibria/merge(_:parts:)``.
public struct ExtremeEquilibriaPart: Sendable {
    /// Verified extreme equilibria (x, y), in the game's orientation, in the shard's visiting order.
    public var pairs: [(row: [Rational], column: [Rational])]
    /// Work counters of this shard (`bases`, `verticesVisited`, `pivots`, `faceSolves`,
    /// `otherPolytopeBases`; `splitDepth` and `subtrees` describe the split).
    public var counters: [String: Int]
    /// Some vertex had more tight labels than its dimension.
    public var degenerate: Bool
    /// The integer type the pivoting ended in (``ExtremeEquilibria/Arithmetic``).
    public var arithmetic: ExtremeEquilibria.Arithmetic
    public var stopReason: StopReason

    public init(pairs: [(row: [Rational], column: [Rational])], counters: [String: Int], degenerate: Bool,
                arithmetic: ExtremeEquilibria.Arithmetic, stopReason: StopReason) {
        self.pairs = pairs; self.counters = counters; self.degenerate = degenerate
        self.arithmetic = arithmetic; self.stopReason = stopReason
    }
}

extension ExtremeEquilibria {
    /// At least this many subtrees per shard: the split depth grows until the reverse-search
    /// tree has `subtreesPerShard · k` nodes at that depth (or none below it, or the nodes above
    /// it reach ``prefixBudget``), so that round-robin assignment of many subtrees evens out
    /// their unequal sizes. (Random 16x16, 4 shards: with 8 per shard the largest shard walked
    /// 64 % of the bases, with 64 per shard 54 %.)
    public static let subtreesPerShard = 64
    /// The most bases above the split depth, which every shard walks (once per depth tried).
    public static let prefixBudget = 1 << 17

    /// One shard of the extreme-equilibrium enumeration, without communication with the others.
    ///
    /// Split rule (after Avis & Jordan, "mplrs: a scalable parallel vertex/facet enumeration
    /// code", Mathematical Programming Computation 10 (2018), which splits lrs's reverse-search
    /// tree into subtrees at a depth with a budget): the walk of P's lexicographically feasible
    /// bases is organised as a reverse search (Avis & Fukuda, DCG 8, 1992) instead of the
    /// depth-first walk with a visited set of the unsharded run — the parent of a basis is the
    /// one reached by the simplex pivot for minimising Σx with Bland's rule (smallest improving
    /// variable) and the lexicographic ratio test, so the bases form a tree rooted at x = 0 that
    /// each process can walk alone, needing no visited set. Every shard computes the same split
    /// depth D (the smallest depth with at least ``subtreesPerShard``·k nodes, the nodes above
    /// it within ``prefixBudget``: mplrs's depth and budget, made static) and numbers the
    /// depth-D nodes in depth-first order; shard i walks the subtrees of the nodes numbered u
    /// with u mod k = i − 1, and shard 1 also reports the bases above depth D. Each basis is
    /// therefore reported by exactly one shard. Unlike mplrs, which hands the unexplored
    /// nodes of a job that exceeds its budget back to a master, a static split cannot
    /// rebalance: the subtrees' sizes are unknown beforehand, and on the reverse-search trees
    /// of random games one subtree often holds half of the bases (measured in
    /// Benchmarks/sharding).
    ///
    /// Each reported basis is matched and verified exactly as in the unsharded run; the merge
    /// takes the union, removes equilibria found by two shards (a degenerate vertex has several
    /// bases), and sorts and groups exactly as ``report(_:limits:arithmetic:parallelFromDimension:keptTableauBytes:)``.
    /// Merged counters: `bases` equals the unsharded count (each basis is in one subtree);
    /// `verticesVisited` and `faceSolves` count a degenerate vertex once per shard reaching one
    /// of its bases, `otherPolytopeBases` once per shard that needed Q's vertices, and `pivots`
    /// are the reverse search's, so these can exceed the unsharded counts.
    ///
    /// - Complexity: about the depth-first walk's per basis (one pivot down and a swap back per
    ///   basis; the child test reads the objective row, O(d·(m+n)) in doubles), for the shard's
    ///   share of the bases; plus the common prefix above the split depth, walked once per depth
    ///   tried (at most ``prefixBudget`` bases each time).
    public static func solveShard(_ game: BimatrixGame, shard: Shard, limits: SolverLimits = .none) throws -> ExtremeEquilibriaPart {
        let start = ContinuousClock.now
        let transposed = game.rowCount > game.columnCount
        let m = transposed ? game.columnCount : game.rowCount
        let n = transposed ? game.rowCount : game.columnCount
        guard m + n <= LabelSet.capacity else {
            throw ExtremeEquilibriaError.tooLarge(rows: game.rowCount, columns: game.columnCount)
        }
        let a0 = transposed ? game.columnPayoffs.transposed : game.rowPayoffs
        let b0 = transposed ? game.rowPayoffs.transposed : game.columnPayoffs
        let small = smallPositiveIntegers(a0.storage).flatMap { a in smallPositiveIntegers(b0.storage).map { (a, $0) } }
        let a = small == nil ? positiveIntegers(a0.storage) : [], b = small == nil ? positiveIntegers(b0.storage) : []
        let aDoubles = small?.0.map { Double($0) } ?? a.map { Double($0) }
        let bDoubles = small?.1.map { Double($0) } ?? b.map { Double($0) }
        let bound = max(hadamardLog2(bDoubles, rows: m, columns: n, transposed: true),
                        hadamardLog2(aDoubles, rows: m, columns: n, transposed: false))
        func engine<Z: PivotInteger>(_: Z.Type) throws -> ExtremeEquilibriaEngine<Z> {
            let bits = Int(bound.rounded(.up))
            return try small.map { ExtremeEquilibriaEngine<Z>(small: $0.0, b: $0.1, m: m, n: n, bound: bits) }
                ?? ExtremeEquilibriaEngine<Z>(a: a, b: b, m: m, n: n, bound: bits)
        }
        var tiers: [Arithmetic] = []
        if bound <= 62 + 16 { tiers.append(.word64) }
        if bound <= 126 + 48 { tiers.append(.word128) }
        if bound <= 250 { tiers.append(.word256) }
        tiers.append(.arbitrary)
        for tier in tiers {
            do {
                let raw: RawOutput
                switch tier {
                case .word64: raw = try runShard(engine(Int.self), shard: shard, limits: limits, start: start)
                case .word128: raw = try runShard(engine(Int128.self), shard: shard, limits: limits, start: start)
                case .word256: raw = try runShard(engine(Int256.self), shard: shard, limits: limits, start: start)
                case .arbitrary, .automatic: raw = try runShard(engine(BigInt.self), shard: shard, limits: limits, start: start)
                }
                // Verified exactly here (a part holds equilibria only), and again at the merge.
                let report = assemble(raw, game: game, transposed: transposed, arithmetic: tier.description)
                let pairs = report.vertexPairs.map { (row: report.rowVertices[$0.row].probabilities, column: report.columnVertices[$0.column].probabilities) }
                return ExtremeEquilibriaPart(pairs: pairs, counters: raw.counters, degenerate: raw.degenerate,
                                             arithmetic: tier, stopReason: raw.stopReason)
            } catch is PivotOverflow {
                continue
            }
        }
        fatalError("arbitrary precision cannot overflow")
    }

    /// Merges the parts of all k shards (in shard order) into the result of the unsharded run:
    /// the union of their equilibria (each verified again, exactly, on `game`; an equilibrium
    /// found by two shards counted once), sorted and grouped into Nash subsets and components as
    /// ``solve(_:limits:arithmetic:parallelFromDimension:)`` does; work counters summed.
    /// - Complexity: that of the assembly, O(E log E + E·(m + n)) plus the Nash subsets.
    public static func merge(_ game: BimatrixGame, parts: [ExtremeEquilibriaPart]) -> NashResult {
        let transposed = game.rowCount > game.columnCount
        var seen = Set<[Rational]>()
        var pairs: [RawPair] = []
        var counters: [String: Int] = [:]
        var degenerate = false
        var stop = StopReason.completed
        var widest = 0
        let order: [Arithmetic] = [.word64, .word128, .word256, .arbitrary]
        for part in parts {
            for (key, value) in part.counters where key != "splitDepth" && key != "subtrees" { counters[key, default: 0] += value }
            degenerate = degenerate || part.degenerate
            if part.stopReason != .completed { stop = part.stopReason }
            widest = max(widest, order.firstIndex(of: part.arithmetic) ?? 3)
            for p in part.pairs where seen.insert(p.row + [Rational(-1)] + p.column).inserted {
                var x = integerVector(p.row), y = integerVector(p.column)
                if transposed { swap(&x, &y) }
                pairs.append(RawPair(xLabels: LabelSet(), x: x, yLabels: LabelSet(), y: y, order: pairs.count))
            }
        }
        let raw = RawOutput(pairs: pairs, stopReason: stop, counters: counters, degenerate: degenerate)
        return assemble(raw, game: game, transposed: transposed, arithmetic: order[widest].description).result
    }

    /// A probability vector scaled to integers by the lcm of its denominators.
    static func integerVector(_ v: [Rational]) -> [BigInt] {
        var l = BigInt(1)
        for r in v where r.denominator != 1 { l = l / l.greatestCommonDivisor(with: r.denominator) * r.denominator }
        return v.map { $0.numerator * (l / $0.denominator) }
    }

    /// The reverse search of one shard (see ``solveShard(_:shard:limits:)``).
    static func runShard<Z: PivotInteger>(_ engine: ExtremeEquilibriaEngine<Z>, shard: Shard, limits: SolverLimits,
                                          start: ContinuousClock.Instant) throws -> RawOutput {
        let m = engine.m, n = engine.n
        let deadline = limits.deadline(from: start)
        var walker = ReverseSearchWalker(search: engine.rowPolytopeSearch())
        // The split depth: the smallest D with at least `subtreesPerShard`·k nodes at depth D
        // (or no node below D, or the nodes above D reaching ``prefixBudget``).
        let wanted = subtreesPerShard * shard.count
        var depth = 0, subtrees = 1
        if shard.count > 1 {
            depth = 1
            while true {
                let (atDepth, above, deeper) = try walker.countNodes(depth: depth, budget: prefixBudget)
                subtrees = atDepth
                if atDepth >= wanted || !deeper || above >= prefixBudget { break }
                depth += 1
            }
        }
        var seen = LabelSetTable()
        var pairs: [RawPair] = []
        var stop = StopReason.completed
        var degenerate = false
        var facePivots = 0, faceSolves = 0, otherBases = 0, reported = 0
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
        let visitor: (LexicographicVertexSearch<Z>) throws -> Bool = { s in
            visits += 1
            if visits & 63 == 0 {
                let now = ContinuousClock.now
                if let reason = limits.stop(at: now, deadline: deadline) { stop = reason; return false }
                if let p = limits.progress, now - lastProgress >= .milliseconds(250) {
                    lastProgress = now
                    p(ProgressSnapshot(done: visits, total: nil, unit: "bases", results: pairs.count, elapsed: now - start))
                }
            }
            reported += 1
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
            return true
        }
        try walker.walk(splitDepth: depth, owns: { u in shard.owns(u) }, ownsPrefix: shard.index == 1, visit: visitor)
        var counters = ["bases": reported, "verticesVisited": seen.count,
                        "pivots": walker.search.tableau.pivots + facePivots, "faceSolves": faceSolves,
                        "splitDepth": depth, "subtrees": subtrees]
        if otherBases > 0 { counters["otherPolytopeBases"] = otherBases }
        return RawOutput(pairs: pairs, stopReason: stop, counters: counters, degenerate: degenerate)
    }
}

/// Reverse search (Avis & Fukuda 1992) over the lexicographically feasible bases of
/// P = {x ≥ 0 : Cx ≤ 1}: the tree whose root is the all-slack basis (x = 0) and where the parent
/// of any other basis is the neighbour reached by one simplex pivot minimising Σx, entering
/// variable by Bland's rule (the smallest-numbered cobasic variable whose increase lowers Σx),
/// leaving variable by the lexicographic ratio test. On the lexicographically perturbed
/// polytope (simple) each such pivot lowers Σx strictly and only x = 0 has no improving
/// variable, so the parent pointers form a tree spanning all bases.
///
/// The child test needs no pivot: with the objective row o (o_j = Σ_{rows i with x basic} T[i, j]
/// − det·[column j holds an x], so that increasing column j's variable lowers Σx iff o_j > 0),
/// the neighbour through column k and row r (pivot element p > 0) is a child iff there the
/// variable that left is improving (o_k < 0 here, as the pivot negates column k of the
/// objective row) and no smaller-numbered cobasic variable is: o_j·p − o_k·T[r, j] ≤ 0 for the
/// other columns j whose variable is numbered below the one that left (Edmonds' update, up to the
/// positive determinant). Only children are pivoted to, out of place, so going back is a swap.
struct ReverseSearchWalker<Z: PivotInteger> {
    var search: LexicographicVertexSearch<Z>
    /// Per depth, the buffer the pivot down wrote into (holding the parent's tableau afterwards).
    var spares: [[Z]] = []
    var spareBits: [[Int]] = []

    init(search: LexicographicVertexSearch<Z>) { self.search = search }

    /// `v` as a double within a relative 2^-52, or NaN (then every comparison takes the exact
    /// path). Negative values go through their magnitude: the wide types' approximation sums
    /// two words and cancels to 0 for small negative values (Int128(-5) gives 0.0).
    @inline(__always) static func approximation(_ v: Z) -> Double {
        v.signValue >= 0 ? v.approximation : -(v.negated?.approximation ?? .nan)
    }

    /// The children of the current basis as (row, column) pivots, in column order.
    func children() -> [(row: Int, column: Int)] {
        let t = search.tableau, d = search.dimension
        // The objective row in doubles with an error bound (each entry's double is within a
        // relative 2^-52 of it; a sum of at most d + 1 terms adds at most (d + 1)·2^-53 of the
        // sum of magnitudes); an entry is computed exactly, in big integers, only when a sign
        // test in doubles cannot decide.
        var oD = [Double](repeating: 0, count: t.columns), oErr = [Double](repeating: 0, count: t.columns)
        let slack = Double(d + 3) * 0x1p-52
        for j in 0..<t.columns {
            var sD = 0.0, magnitude = 0.0
            for i in 0..<t.rows where t.basic[i] < d {
                let a = Self.approximation(t[i, j])
                sD += a; magnitude += abs(a)
            }
            if t.cobasic[j] < d { let a = Self.approximation(t.determinant); sD -= a; magnitude += abs(a) }
            oD[j] = sD; oErr[j] = magnitude.isNaN ? .infinity : magnitude * slack
        }
        var exact = [BigInt?](repeating: nil, count: t.columns)
        func o(_ j: Int) -> BigInt {
            if let v = exact[j] { return v }
            var s = BigInt(0)
            for i in 0..<t.rows where t.basic[i] < d {
                let v = t[i, j]
                if v.signValue != 0 { s += v.bigValue }
            }
            if t.cobasic[j] < d { s -= t.determinant.bigValue }
            exact[j] = s
            return s
        }
        var out: [(row: Int, column: Int)] = []
        for k in 0..<t.columns {
            let negative = oD[k] < -oErr[k] ? true : (oD[k] > oErr[k] ? false : o(k).signum() < 0)
            guard negative, let r = search.leavingRow(column: k) else { continue }
            let left = t.basic[r], p = t[r, k]
            let pD = Self.approximation(p)
            var child = true
            for j in 0..<t.columns where j != k && t.cobasic[j] < left {
                // sign(o_j·p − o_k·T[r, j]): in doubles when the error bound allows, else exactly.
                let trj = t[r, j], trjD = Self.approximation(trj)
                let x = oD[j] * pD, y = oD[k] * trjD
                let bound = (abs(pD) * oErr[j] + abs(trjD) * oErr[k]) * (1 + 0x1p-50) + (abs(x) + abs(y)) * 0x1p-50
                let sign: Int
                if abs(x - y) > 2 * bound { sign = x > y ? 1 : -1 } else {
                    let e = o(j) * p.bigValue - o(k) * trj.bigValue
                    sign = e.isZero ? 0 : (e < 0 ? -1 : 1)
                }
                if sign > 0 { child = false; break }
            }
            if child { out.append((r, k)) }
        }
        return out
    }

    /// Calls `body` at each child of the current basis (the search sits at the child during the
    /// call, at depth `depth + 1`, and back here afterwards); `body` returns false to stop.
    /// Returns false when stopped.
    mutating func forEachChild(depth: Int, _ body: (inout ReverseSearchWalker<Z>) throws -> Bool) throws -> Bool {
        let list = children()
        if list.isEmpty { return true }
        while spares.count <= depth {
            spares.append(search.tableau.entries)
            spareBits.append(search.tableau.rowBits)
        }
        for (r, k) in list {
            try search.pivot(row: r, column: k, spare: &spares[depth], spareBits: &spareBits[depth])
            let go = try body(&self)
            search.unpivot(row: r, column: k, spare: &spares[depth], spareBits: &spareBits[depth])
            if !go { return false }
        }
        return true
    }

    /// Nodes at depth `depth`, nodes above it, and whether a node lies below it; stops
    /// counting once `budget` nodes above the depth were seen.
    mutating func countNodes(depth: Int, budget: Int) throws -> (atDepth: Int, above: Int, deeper: Bool) {
        var atDepth = 0, above = 0, deeper = false
        func go(_ w: inout ReverseSearchWalker<Z>, _ level: Int) throws -> Bool {
            if level == depth {
                atDepth += 1
                if !deeper && !w.children().isEmpty { deeper = true }
                return true
            }
            above += 1
            if above >= budget { return false }
            return try w.forEachChild(depth: level) { w in try go(&w, level + 1) }
        }
        _ = try go(&self, 0)
        return (atDepth, above, deeper)
    }

    /// The walk of one shard: bases above `splitDepth` are visited when `ownsPrefix`; the nodes
    /// at `splitDepth`, numbered in depth-first order, are walked with their subtrees when
    /// `owns(number)`.
    mutating func walk(splitDepth: Int, owns: (Int) -> Bool, ownsPrefix: Bool,
                       visit: (LexicographicVertexSearch<Z>) throws -> Bool) throws {
        var number = 0
        func whole(_ w: inout ReverseSearchWalker<Z>, _ level: Int) throws -> Bool {
            guard try visit(w.search) else { return false }
            return try w.forEachChild(depth: level) { w in try whole(&w, level + 1) }
        }
        func prefix(_ w: inout ReverseSearchWalker<Z>, _ level: Int) throws -> Bool {
            if level == splitDepth {
                defer { number += 1 }
                return owns(number) ? try whole(&w, level) : true
            }
            if ownsPrefix { guard try visit(w.search) else { return false } }
            return try w.forEachChild(depth: level) { w in try prefix(&w, level + 1) }
        }
        _ = try prefix(&self, 0)
    }

}

