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
    /// The labels 0..<m (the row player's strategies).
    let rowMask: LabelSet
    /// Memory for kept tableaux of the walk (``LexicographicVertexSearch/keptTableauBytes``).
    var keptTableauBytes = ExtremeEquilibria.defaultKeptTableauBytes

    init(a: [BigInt], b: [BigInt], m: Int, n: Int, bound: Int) throws {
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
        let words = a.compactMap { Int(exactly: $0) }
        self.init(a: az, bTransposed: bt, aWords: words.count == a.count ? words : nil,
                  aDoubles: a.map { Double($0) }, m: m, n: n, bound: bound)
    }

    /// From machine integers (payoffs that are small integers: no big-integer conversions).
    init(small a: [Int], b: [Int], m: Int, n: Int, bound: Int) {
        var bt: [Z] = []
        bt.reserveCapacity(m * n)
        for j in 0..<n { for i in 0..<m { bt.append(Z(b[i * n + j])) } }
        self.init(a: a.map { Z($0) }, bTransposed: bt, aWords: a, aDoubles: a.map { Double($0) }, m: m, n: n, bound: bound)
    }

    private init(a: [Z], bTransposed: [Z], aWords: [Int]?, aDoubles: [Double], m: Int, n: Int, bound: Int) {
        self.m = m
        self.n = n
        self.bound = bound
        self.a = a
        self.bTransposed = bTransposed
        var logs: [Double] = []
        for i in 0..<m {
            var sq = 1.0
            for j in 0..<n { let d = aDoubles[i * n + j]; sq += d * d }
            // Entries beyond the double range: a bound no word size meets (big integers).
            logs.append(sq.isFinite ? 0.5 * Double(sq.exponent + 1) : 1e12)
        }
        logs.sort(by: >)
        var fb = [1]
        var total = 1.0
        for l in logs { total += l; fb.append(Int(total.rounded(.up))) }
        faceBounds = fb
        self.aWords = aWords
        rowMask = LabelSet(0..<m)
        aWords128 = aWords.map { $0.map { Int128($0) } }
    }

    /// The search over P's bases (labels of P's variables are their indices).
    func rowPolytopeSearch() -> LexicographicVertexSearch<Z> {
        var s = LexicographicVertexSearch(constraints: bTransposed, constraintCount: n, dimension: m)
        s.tableau.bound = bound
        s.keptTableauBytes = keptTableauBytes
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

    /// The tight labels of the vertex at the current basis of a search of P (no allocation):
    /// the cobasic variables and the basic ones at zero.
    @inline(__always)
    static func labels(of search: LexicographicVertexSearch<Z>) -> LabelSet {
        let t = search.tableau
        var labels = search.cobasicKey
        for i in 0..<t.rows where t.rhs(i).signValue == 0 { labels.insert(t.basic[i]) }
        return labels
    }

    /// The coordinates of the vertex at the current basis, up to the positive factor 1/det.
    static func numerators(of search: LexicographicVertexSearch<Z>) -> [BigInt] {
        let t = search.tableau
        var values = [BigInt](repeating: 0, count: search.dimension)
        for i in 0..<t.rows where t.basic[i] < search.dimension && t.rhs(i).signValue != 0 { values[t.basic[i]] = t.rhs(i).bigValue }
        return values
    }

    /// Every vertex of Q (for the degenerate fallback), with global labels.
    func allColumnPolytopeVertices(pivots: inout Int, bases: inout Int) throws -> [PolytopeVertex<Z>] {
        var search = LexicographicVertexSearch(constraints: a, constraintCount: m, dimension: n)
        search.tableau.bound = bound
        var seen = LabelSetTable()
        var out: [PolytopeVertex<Z>] = []
        let m = self.m, n = self.n
        bases += try search.run { s in
            let v = Self.vertex(of: s, label: { $0 < n ? m + $0 : $0 - n })
            if seen.insert(v.labels) { out.append(v) }
            return true
        }
        pivots += search.tableau.pivots
        return out
    }

    /// Matches a vertex x of P (not 0), given by its labels, when it is non-degenerate: its
    /// complementary face of Q is {y : y_j = 0 off S, (Ay)_i = 1 on T}, with |S| = |T|; when
    /// A_{T,S} is non-singular that is at most one point, found by fraction-free Gauss–Jordan
    /// elimination (Bareiss) on [A_{T,S} | 1] and checked against Q's other constraints.
    /// - Complexity: O(k³ + (m − k)·k) exchanges for k = |T|, no heap allocation unless a
    ///   matching vertex is found.
    func matchPoint(_ xLabels: LabelSet, pivots: inout Int) throws -> FaceOutcome {
        let rowLabels = LabelSet(low: rowMask.low & xLabels.low, high: rowMask.high & xLabels.high)
        let k = m - rowLabels.count, tightCount = xLabels.count - rowLabels.count
        guard k > 0 else { return .none }
        guard k == tightCount else { return .needsFullSearch }
        // The elimination holds minors of order ≤ k + 1 of [A | 1] only.
        let fb = faceBounds[Swift.min(k + 1, faceBounds.count - 1)]
        if fb <= 62, let aw = aWords {
            return try solveFace(aw, xLabels, k: k, bound: fb, pivots: &pivots)
        }
        if fb <= 126, let aw = aWords128 {
            return try solveFace(aw, xLabels, k: k, bound: fb, pivots: &pivots)
        }
        return try solveFace(a, xLabels, k: k, bound: bound, pivots: &pivots)
    }

    func solveFace<W: PivotInteger>(_ a: [W], _ xLabels: LabelSet, k: Int, bound: Int,
                                    pivots: inout Int) throws -> FaceOutcome {
        let m = self.m, n = self.n
        let w = k + 1
        return try withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * k) { idx in
            // support T (rows of A) in idx[0..<k], tight columns S in idx[k..<2k]
            var s = 0
            for i in 0..<m where !xLabels.contains(i) { idx[s] = i; s += 1 }
            s = k
            for j in 0..<n where xLabels.contains(m + j) { idx[s] = j; s += 1 }
            return try withUnsafeTemporaryAllocation(of: W.self, capacity: k * w + k) { buffer in
                let t = buffer.baseAddress!
                for r in 0..<k {
                    let row = idx[r] * n
                    for c in 0..<k { (t + r * w + c).initialize(to: a[row + idx[k + c]]) }
                    (t + r * w + k).initialize(to: W(1))
                }
                let ys = t + k * w
                ys.initialize(repeating: W(0), count: k)
                defer { t.deinitialize(count: k * w + k) }
                // Fraction-free Gauss–Jordan (the integer pivoting of ``IntegerTableau`` on
                // columns 0, 1, … in turn, without the eliminated columns): step p replaces every
                // t_ic, i ≠ p, c > p, by (t_pp·t_ic − t_ip·t_pc)/(previous pivot), exactly: a
                // minor of order ≤ p + 2 of [A_{T,S} | 1].
                var previous = W(1)
                for p in 0..<k {
                    var r = p
                    while r < k && t[r * w + p].signValue == 0 { r += 1 }
                    guard r < k else { return .needsFullSearch }
                    if r != p { for c in p..<w { swap(&t[r * w + c], &t[p * w + c]) } }
                    let d = W.divisor(previous, bound: bound)
                    let pp = t[p * w + p]
                    for i in 0..<k where i != p {
                        let tip = t[i * w + p]
                        for c in (p + 1)..<w {
                            guard let x = W.exchange(t[i * w + c], pp, tip, t[p * w + c], dividingBy: d) else { throw PivotOverflow() }
                            t[i * w + c] = x
                        }
                    }
                    previous = pp
                    pivots += 1
                }
                // Now the determinant of A_{T,S} is the last pivot (up to the sign of the row
                // swaps, which the solution does not see), and t_ik = det · y_i.
                var det = previous
                let flip = det.signValue < 0
                if flip { guard let d = det.negated else { throw PivotOverflow() }; det = d }
                for i in 0..<k {
                    var v = t[i * w + k]
                    if flip { guard let nv = v.negated else { throw PivotOverflow() }; v = nv }
                    if v.signValue < 0 { return .none }
                    ys[i] = v
                }
                var labels = LabelSet()
                for r in 0..<k { labels.insert(idx[r]) }
                var onS = LabelSet()
                for c in 0..<k {
                    onS.insert(idx[k + c])
                    if ys[c].signValue == 0 { labels.insert(m + idx[k + c]) }
                }
                for j in 0..<n where !onS.contains(j) { labels.insert(m + j) }
                guard let negDet = det.negated else { throw PivotOverflow() }
                for i in 0..<m where !labels.contains(i) {
                    // (A y)_i ≤ 1  ⇔  Σ_j A_ij · y_j − det ≤ 0.
                    var acc = negDet
                    for c in 0..<k where ys[c].signValue != 0 {
                        guard let s = W.multiplyAdd(acc, a[i * n + idx[k + c]], ys[c]) else { throw PivotOverflow() }
                        acc = s
                    }
                    let s = acc.signValue
                    if s > 0 { return .none }
                    if s == 0 { labels.insert(i) }
                }
                var y = [BigInt](repeating: 0, count: n)
                for c in 0..<k where ys[c].signValue != 0 { y[idx[k + c]] = ys[c].bigValue }
                return .vertex(labels, y)
            }
        }
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
