/// Depth-first search over the lexicographically feasible bases of a polytope
/// `{z ∈ ℝ^d : z ≥ 0, C z ≤ 1}` with C a positive integer matrix, visiting every vertex.
///
/// Source: the lexicographic perturbation of the simplex method (Dantzig, Orden & Wolfe 1955) as
/// used for vertex enumeration by Avis & Fukuda ("A pivoting algorithm for convex hulls and
/// vertex enumeration of arrangements and polyhedra", DCG 8, 1992) and by lrs. The right-hand
/// side of constraint j is perturbed to `1 + ε^(j+1)`; the perturbed polytope is simple, its
/// vertices are exactly the lexicographically feasible bases, and each of them maps onto a
/// vertex of the original polytope, every vertex being hit at least once. Instead of reverse
/// search (which needs no memory but re-derives each parent) this walks the vertex graph of the
/// perturbed polytope depth first with a hash set of visited bases, so each basis costs one
/// forward pivot (out of place, so going back is a swap of buffers; a backward pivot only when
/// the kept tableaux would take too much memory) and d − 1 lexicographic ratio tests.
///
/// Steps:
/// 1. Start at the basis where all slacks are basic (z = 0, lexicographically feasible).
/// 2. On entering a basis: for each cobasic column (but the one leading back to the parent),
///    the lexicographic minimum-ratio row gives the unique neighbouring lexicographically
///    feasible basis; mark the new ones as visited and as this basis's children.
/// 3. Pivot to each child in turn and recurse; when all are done, go back to the parent (swap
///    back the tableau kept from before the pivot, or pivot back when the kept tableaux would
///    exceed ``keptTableauBytes``).
///
/// - Complexity: O(B · r · (d + 1)) exchanges (one pivot per basis, two for frames beyond the
///   kept window) for B lexicographically feasible bases, plus ratio tests O(B · d · r); memory
///   O(B) basis keys, O(B · d) pending children at most, plus at most ``keptTableauBytes`` of
///   kept tableaux. B equals the number of vertices when the
///   polytope is simple and can exceed it on degenerate input (each degenerate vertex has one
///   basis per lexicographically feasible choice of its tight constraints).
struct LexicographicVertexSearch<Z: PivotInteger>: Sendable {
    let dimension: Int
    let constraintCount: Int
    var tableau: IntegerTableau<Z>
    /// Row of each variable when basic, else -1; column when cobasic, else -1.
    var rowOf: [Int]
    var columnOf: [Int]
    var basisKey: LabelSet
    /// All variables 0..<d+r.
    let allVariables: LabelSet
    /// The cobasic variables.
    var cobasicKey: LabelSet { LabelSet(low: allVariables.low ^ basisKey.low, high: allVariables.high ^ basisKey.high) }

    /// - Parameter constraints: C, `constraintCount × dimension`, row-major, all entries > 0.
    ///   Variables 0..<d are the coordinates z, d..<d+r the slacks of the rows of C.
    init(constraints: [Z], constraintCount r: Int, dimension d: Int) {
        var entries: [Z] = []
        entries.reserveCapacity(r * (d + 1))
        for j in 0..<r {
            entries.append(contentsOf: constraints[(j * d)..<((j + 1) * d)])
            entries.append(Z(1))
        }
        dimension = d
        constraintCount = r
        tableau = IntegerTableau(rows: r, columns: d, entries: entries,
                                 basic: Array(d..<(d + r)), cobasic: Array(0..<d))
        rowOf = Array(repeating: -1, count: d) + Array(0..<r)
        columnOf = Array(0..<d) + Array(repeating: -1, count: r)
        basisKey = LabelSet(d..<(d + r))
        allVariables = LabelSet(0..<(d + r))
    }

    /// The perturbation coefficient of slack `j` in row `i`.
    @inline(__always) private func perturbation(_ i: Int, slack j: Int) -> Z {
        let v = dimension + j
        let row = rowOf[v]
        if row >= 0 { return row == i ? tableau.determinant : Z(0) }
        return tableau[i, columnOf[v]]
    }

    /// The row leaving when column `c` enters, by the lexicographic minimum-ratio test; nil when
    /// the column is unbounded (cannot happen for a polytope).
    func leavingRow(column c: Int) -> Int? {
        let w = tableau.columns + 1, rhs = tableau.columns
        return tableau.entries.withUnsafeBufferPointer { t -> Int? in
            var best = -1
            var tBest = Z(0), rBest = Z(0)
            var tBestD = 0.0, rBestD = 0.0
            for i in 0..<tableau.rows {
                let ti = t[i * w + c]
                guard ti.signValue > 0 else { continue }
                let ri = t[i * w + rhs]
                let tiD = ti.approximation, riD = ri.approximation
                if best < 0 { best = i; tBest = ti; rBest = ri; tBestD = tiD; rBestD = riD; continue }
                // Feasible basis: right-hand sides ≥ 0, so both products are ≥ 0. In doubles
                // each product is within a relative 2^-50 of the exact one; a gap wider than
                // 2^-40 decides, anything closer goes to the exact comparison.
                let x = riD * tBestD, y = rBestD * tiD
                if x > y * (1 + 0x1p-40) { continue }
                if x < y * (1 - 0x1p-40) { best = i; tBest = ti; rBest = ri; tBestD = tiD; rBestD = riD; continue }
                var s = Z.compareNonnegativeProducts(ri, tBest, rBest, ti)
                var j = 0
                while s == 0 && j < constraintCount {
                    s = Z.compareProducts(perturbation(i, slack: j), tBest, perturbation(best, slack: j), ti)
                    j += 1
                }
                if s < 0 { best = i; tBest = ti; rBest = ri; tBestD = tiD; rBestD = riD }
            }
            return best < 0 ? nil : best
        }
    }

    mutating func pivot(row r: Int, column c: Int) throws {
        let leaving = tableau.basic[r], entering = tableau.cobasic[c]
        try tableau.pivot(row: r, column: c)
        rowOf[leaving] = -1; columnOf[leaving] = c
        columnOf[entering] = -1; rowOf[entering] = r
        basisKey.remove(leaving); basisKey.insert(entering)
    }

    /// The pivot on (r, c) written into `spare` (see
    /// ``IntegerTableau/pivot(row:column:spare:spareBits:)``), which then holds the old tableau.
    mutating func pivot(row r: Int, column c: Int, spare: inout [Z], spareBits: inout [Int]) throws {
        let leaving = tableau.basic[r], entering = tableau.cobasic[c]
        try tableau.pivot(row: r, column: c, spare: &spare, spareBits: &spareBits)
        rowOf[leaving] = -1; columnOf[leaving] = c
        columnOf[entering] = -1; rowOf[entering] = r
        basisKey.remove(leaving); basisKey.insert(entering)
    }

    /// Undoes the pivot on (r, c) made by ``pivot(row:column:spare:spareBits:)`` by swapping the
    /// old tableau back in (no arithmetic, no copy).
    mutating func unpivot(row r: Int, column c: Int, spare: inout [Z], spareBits: inout [Int]) {
        let entered = tableau.basic[r], left = tableau.cobasic[c]
        tableau.unpivot(row: r, column: c, spare: &spare, spareBits: &spareBits)
        rowOf[left] = r; columnOf[left] = -1
        rowOf[entered] = -1; columnOf[entered] = c
        basisKey.remove(entered); basisKey.insert(left)
    }

    /// Visits every lexicographically feasible basis once, depth first, calling `visit` at each
    /// (including the start); stops early when `visit` returns false.
    /// - Returns: the number of bases visited.
    mutating func run(_ visit: (LexicographicVertexSearch<Z>) throws -> Bool) throws -> Int {
        var visited = LabelSetTable()
        _ = visited.insert(basisKey)
        return try walk(insert: { visited.insert($0) }, shouldDonate: { false },
                        donate: { _ in }, visit: visit)
    }

    /// At most this many bytes of kept tableaux per walk; deeper frames pivot back instead.
    var keptTableauBytes = ExtremeEquilibria.defaultKeptTableauBytes

    /// The depth-first walk from the current basis (whose key the caller has already marked),
    /// with the visited set and work sharing supplied by the caller: `insert` marks a basis key
    /// and says whether it was new; when `shouldDonate()` holds at a new basis, that basis (as a
    /// copy of this search pivoted there) is handed to `donate` instead of being walked here, so
    /// another thread can walk its subtree. Every basis is visited by exactly one walk.
    ///
    /// On entering a basis, all its neighbours are found at once (one ratio test per column,
    /// skipping the column back to the parent) and the new ones are marked and become its
    /// children; then the children are walked one after the other. Marking eagerly keeps the
    /// search tree bushy and shallow (a plain depth-first walk of a vertex graph goes about as
    /// deep as it has vertices). Pivots down are made out of place (the new tableau written into
    /// a spare buffer), so going back up swaps the old tableau back in rather than pivoting back
    /// (an exchange per entry), within ``keptTableauBytes`` of kept tableaux.
    /// - Returns: the number of bases visited by this walk.
    mutating func walk(insert: (LabelSet) -> Bool, shouldDonate: () -> Bool,
                       donate: (LexicographicVertexSearch<Z>) -> Void,
                       visit: (LexicographicVertexSearch<Z>) throws -> Bool) throws -> Int {
        // Children (pivot row, column) of the frames on the stack, each frame's a contiguous run.
        var children: [(row: Int32, column: Int32)] = []
        // Finds and marks the new neighbours of the current basis; returns false when stopped.
        func expand(skipping parentColumn: Int) throws {
            for c in 0..<dimension where c != parentColumn {
                guard let r = leavingRow(column: c) else { continue }
                var key = basisKey
                key.remove(tableau.basic[r]); key.insert(tableau.cobasic[c])
                guard insert(key) else { continue }
                if shouldDonate() {
                    var child = self
                    child.tableau.pivots = 0
                    try child.pivot(row: r, column: c)
                    donate(child)
                    continue
                }
                children.append((Int32(r), Int32(c)))
            }
        }
        var count = 1
        guard try visit(self) else { return count }
        try expand(skipping: -1)
        var stack = [SearchFrame(start: 0, next: 0, end: children.count, row: -1, column: -1)]
        // The tableaux before the pivots that led to the frames savedFrom..<stack.count (kept
        // old buffers, swapped out by out-of-place pivots), frame s in ring[s % capacity]: a
        // window over the deepest frames. When it is full, a new frame takes the buffer of the
        // shallowest one, which will pivot back instead.
        let capacity = keptTableauBytes / (MemoryLayout<Z>.stride * (tableau.entries.count + 1) + 8 * tableau.rowBits.count + 64)
        var ring: [[Z]] = [], ringBits: [[Int]] = []
        var savedFrom = 1
        while !stack.isEmpty {
            let top = stack.count - 1
            let k = stack[top].next
            if k == stack[top].end {
                let f = stack.removeLast()
                children.removeLast(children.count - f.start)
                if f.row >= 0 {
                    if top >= savedFrom {
                        let slot = top % capacity
                        unpivot(row: f.row, column: f.column, spare: &ring[slot], spareBits: &ringBits[slot])
                    } else {
                        try pivot(row: f.row, column: f.column)
                        savedFrom = top
                    }
                }
                continue
            }
            stack[top].next += 1
            let r = Int(children[k].row), c = Int(children[k].column)
            let s = top + 1
            if capacity > 0 {
                if s - savedFrom == capacity { savedFrom += 1 }
                let slot = s % capacity
                while ring.count <= slot {
                    ring.append(tableau.entries)
                    ringBits.append(tableau.rowBits)
                }
                try pivot(row: r, column: c, spare: &ring[slot], spareBits: &ringBits[slot])
            } else {
                try pivot(row: r, column: c)
                savedFrom = s + 1
            }
            count += 1
            guard try visit(self) else { return count }
            let first = children.count
            try expand(skipping: c)
            stack.append(SearchFrame(start: first, next: first, end: children.count, row: r, column: c))
        }
        return count
    }
}

/// A depth-first-search frame: the next column to try and the pivot that led here.
struct SearchFrame {
    /// This frame's children are `start..<end` in the walk's list of children; `next` is the
    /// next one to walk.
    let start: Int
    var next: Int
    let end: Int
    /// The pivot that led here (-1 at the root).
    let row: Int
    let column: Int
}
