import BigInt

/// One vertex of a best-response polytope: its tight labels and its coordinates up to a positive
/// common factor (the numerators over the basis determinant).
struct PolytopeVertex<Z: PivotInteger>: Sendable {
    let labels: LabelSet
    let numerators: [Z]
}

/// The result of matching one vertex of the enumerated polytope.
enum FaceOutcome {
    case none
    /// The matching vertex y of Q: its labels and coordinates up to a positive factor.
    case vertex(LabelSet, [BigInt])
    /// The complementary face is not a single point: search all vertices of the other polytope.
    case needsFullSearch
}

/// The arithmetic-generic engine behind ``ExtremeEquilibria``: enumerates the vertices x of
/// P = {x ≥ 0 : Bᵀx ≤ 1} and, for each, the vertices y of Q = {y ≥ 0 : Ay ≤ 1} completing its
/// labels. A and B are the game's payoffs made positive integers; labels 0..<m are the row
/// player's pure strategies, m..<m+n the column player's.
struct ExtremeEquilibriaEngine<Z: PivotInteger>: Sendable {
    let m: Int
    let n: Int
    /// A, `m × n`, row-major (the constraints of Q).
    let a: [Z]
    /// Bᵀ, `n × m`, row-major (the constraints of P).
    let bTransposed: [Z]
    /// log2 of a bound on every minor of [A | 1] and [Bᵀ | 1]: every tableau entry's size.
    let bound: Int
    /// faceBounds[k]: log2 of a bound on the minors of order ≤ k of [A | 1].
    let faceBounds: [Int]
    /// A in machine words, when it fits (faces small enough are solved in them).
    let aWords: [Int]?
    let aWords128: [Int128]?

    init(a: [BigInt], b: [BigInt], m: Int, n: Int, bound: Int) throws {
        self.m = m
        self.n = n
        self.bound = bound
        var az: [Z] = [], bt: [Z] = []
        az.reserveCapacity(m * n); bt.reserveCapacity(m * n)
        for v in a {
            guard let z = Z(exactly: v) else { throw PivotOverflow() }
            az.append(z)
        }
        for j in 0..<n {
            for i in 0..<m {
                guard let z = Z(exactly: b[i * n + j]) else { throw PivotOverflow() }
                bt.append(z)
            }
        }
        self.a = az
        bTransposed = bt
        var logs: [Double] = []
        for i in 0..<m {
            var sq = 1.0
            for j in 0..<n { let d = Double(a[i * n + j]); sq += d * d }
            logs.append(0.5 * Double(sq.exponent + 1))
        }
        logs.sort(by: >)
        var fb = [1]
        var total = 1.0
        for l in logs { total += l; fb.append(Int(total.rounded(.up))) }
        faceBounds = fb
        let words = a.compactMap { Int(exactly: $0) }
        aWords = words.count == a.count ? words : nil
        aWords128 = aWords.map { $0.map { Int128($0) } }
    }

    /// The search over P's bases (labels of P's variables are their indices).
    func rowPolytopeSearch() -> LexicographicVertexSearch<Z> {
        var s = LexicographicVertexSearch(constraints: bTransposed, constraintCount: n, dimension: m)
        s.tableau.bound = bound
        return s
    }

    /// The vertex at the current basis of a search, with labels translated by `label`.
    static func vertex(of search: LexicographicVertexSearch<Z>, label: (Int) -> Int) -> PolytopeVertex<Z> {
        let t = search.tableau
        var labels = LabelSet()
        for v in t.cobasic { labels.insert(label(v)) }
        var values = [Z](repeating: Z(0), count: search.dimension)
        for i in 0..<t.rows {
            let v = t.basic[i], r = t.rhs(i)
            if r.signValue == 0 { labels.insert(label(v)) } else if v < search.dimension { values[v] = r }
        }
        return PolytopeVertex(labels: labels, numerators: values)
    }

    /// Every vertex of Q (for the degenerate fallback), with global labels.
    func allColumnPolytopeVertices(pivots: inout Int, bases: inout Int) throws -> [PolytopeVertex<Z>] {
        var search = LexicographicVertexSearch(constraints: a, constraintCount: m, dimension: n)
        search.tableau.bound = bound
        var seen = Set<LabelSet>()
        var out: [PolytopeVertex<Z>] = []
        let m = self.m, n = self.n
        bases += try search.run { s in
            let v = Self.vertex(of: s, label: { $0 < n ? m + $0 : $0 - n })
            if seen.insert(v.labels).inserted { out.append(v) }
            return true
        }
        pivots += search.tableau.pivots
        return out
    }

    /// Matches a vertex x of P (not 0) when it is non-degenerate: its complementary face of Q is
    /// {y : y_j = 0 off S, (Ay)_i = 1 on T}, with |S| = |T|; when A_{T,S} is non-singular that is
    /// at most one point, found by k integer pivots and checked against Q's other constraints.
    /// - Complexity: O(k³ + (m − k)·k) exchanges for k = |T|.
    func matchPoint(_ x: PolytopeVertex<Z>, pivots: inout Int) throws -> FaceOutcome {
        var support: [Int] = [], tight: [Int] = []
        for i in 0..<m where !x.labels.contains(i) { support.append(i) }
        for j in 0..<n where x.labels.contains(m + j) { tight.append(j) }
        guard !support.isEmpty else { return .none }
        guard support.count == tight.count else { return .needsFullSearch }
        // The face's tableau holds minors of order ≤ k + 1 of [A | 1] only.
        let fb = faceBounds[Swift.min(support.count + 1, faceBounds.count - 1)]
        if fb <= 62, let aw = aWords {
            return try solveFace(aw, support: support, tight: tight, bound: fb, pivots: &pivots)
        }
        if fb <= 126, let aw = aWords128 {
            return try solveFace(aw, support: support, tight: tight, bound: fb, pivots: &pivots)
        }
        return try solveFace(a, support: support, tight: tight, bound: bound, pivots: &pivots)
    }

    func solveFace<W: PivotInteger>(_ a: [W], support: [Int], tight: [Int], bound: Int,
                                    pivots: inout Int) throws -> FaceOutcome {
        let k = support.count
        var entries: [W] = []
        entries.reserveCapacity(k * (k + 1))
        for i in support {
            for j in tight { entries.append(a[i * n + j]) }
            entries.append(W(1))
        }
        var t = IntegerTableau(rows: k, columns: k, entries: entries, basic: Array(k..<(2 * k)), cobasic: Array(0..<k))
        t.bound = bound
        for c in 0..<k {
            var r = -1
            for i in 0..<k where t.basic[i] >= k && t[i, c].signValue != 0 { r = i; break }
            guard r >= 0 else { return .needsFullSearch }
            try t.pivot(row: r, column: c)
        }
        pivots += t.pivots
        var det = t.determinant
        let flip = det.signValue < 0
        if flip { guard let d = det.negated else { throw PivotOverflow() }; det = d }
        var ys = [W](repeating: W(0), count: k)
        for i in 0..<k {
            var v = t.rhs(i)
            if flip { guard let nv = v.negated else { throw PivotOverflow() }; v = nv }
            if v.signValue < 0 { return .none }
            ys[t.basic[i]] = v
        }
        var labels = LabelSet()
        for i in support { labels.insert(i) }
        var y = [BigInt](repeating: 0, count: n)
        var onS = [Bool](repeating: false, count: n)
        for (c, j) in tight.enumerated() {
            y[j] = ys[c].bigValue; onS[j] = true
            if ys[c].signValue == 0 { labels.insert(m + j) }
        }
        for j in 0..<n where !onS[j] { labels.insert(m + j) }
        var inT = [Bool](repeating: false, count: m)
        for i in support { inT[i] = true }
        let negDet = det.negated
        for i in 0..<m where !inT[i] {
            // (A y)_i ≤ 1  ⇔  Σ_j A_ij · y_j − det ≤ 0.
            guard var acc = negDet else { throw PivotOverflow() }
            for (c, j) in tight.enumerated() where ys[c].signValue != 0 {
                guard let s = W.multiplyAdd(acc, a[i * n + j], ys[c]) else { throw PivotOverflow() }
                acc = s
            }
            let s = acc.signValue
            if s > 0 { return .none }
            if s == 0 { labels.insert(i) }
        }
        return .vertex(labels, y)
    }
}

/// The vertices of Q indexed by label, for superset queries.
struct VertexIndex<Z: PivotInteger>: Sendable {
    let vertices: [PolytopeVertex<Z>]
    let postings: [[Int]]

    init(_ vertices: [PolytopeVertex<Z>], labelCount: Int) {
        self.vertices = vertices
        var p = [[Int]](repeating: [], count: labelCount)
        for (k, v) in vertices.enumerated() { for l in v.labels.elements { p[l].append(k) } }
        postings = p
    }

    /// Vertices whose labels include all of `required` (which must be non-empty).
    func containing(_ required: LabelSet) -> [PolytopeVertex<Z>] {
        let labels = required.elements
        guard let shortest = labels.min(by: { postings[$0].count < postings[$1].count }) else { return vertices }
        return postings[shortest].compactMap { vertices[$0].labels.isSuperset(of: required) ? vertices[$0] : nil }
    }
}
