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
/// forward pivot, a copy back (or a backward pivot when the saved copies would take too much
/// memory) and d − 1 lexicographic ratio tests.
///
/// Steps:
/// 1. Start at the basis where all slacks are basic (z = 0, lexicographically feasible).
/// 2. For each cobasic column, the lexicographic minimum-ratio row gives the unique neighbouring
///    lexicographically feasible basis; if it is new, pivot to it and recurse.
/// 3. When all columns are done, go back to the parent (restore the copy saved before the
///    pivot, or pivot back when the copies would exceed ``savedTableauBytes``).
///
/// - Complexity: O(B · r · (d + 1)) exchanges (one pivot per basis, two for deep frames) for B
///   lexicographically feasible bases, plus ratio tests O(B · d · r); memory O(B) basis keys
///   plus at most ``savedTableauBytes`` of saved tableaux. B equals the number of vertices when the
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
        var best = -1
        var tBest = Z(0)
        for i in 0..<tableau.rows {
            let t = tableau[i, c]
            guard t.signValue > 0 else { continue }
            if best < 0 { best = i; tBest = t; continue }
            var s = Z.compareProducts(tableau.rhs(i), tBest, tableau.rhs(best), t)
            var j = 0
            while s == 0 && j < constraintCount {
                s = Z.compareProducts(perturbation(i, slack: j), tBest, perturbation(best, slack: j), t)
                j += 1
            }
            if s < 0 { best = i; tBest = t }
        }
        return best < 0 ? nil : best
    }

    mutating func pivot(row r: Int, column c: Int) throws {
        let leaving = tableau.basic[r], entering = tableau.cobasic[c]
        try tableau.pivot(row: r, column: c)
        rowOf[leaving] = -1; columnOf[leaving] = c
        columnOf[entering] = -1; rowOf[entering] = r
        basisKey.remove(leaving); basisKey.insert(entering)
    }

    /// Undoes the pivot on (r, c) by copying back the tableau saved before it (the top of
    /// `saved`: entries then determinant; `savedBits`: the row bit bounds), which costs a copy
    /// instead of an exchange per entry.
    mutating func restore(row r: Int, column c: Int, from saved: inout [Z], bits savedBits: inout [Int]) {
        let size = tableau.entries.count
        let start = saved.count - size - 1
        tableau.entries.withUnsafeMutableBufferPointer { t in
            saved.withUnsafeBufferPointer { s in t.baseAddress!.update(from: s.baseAddress! + start, count: size) }
        }
        tableau.determinant = saved[start + size]
        saved.removeLast(size + 1)
        let rows = tableau.rowBits.count
        if rows > 0 {
            let bitsStart = savedBits.count - rows
            tableau.rowBits.withUnsafeMutableBufferPointer { t in
                savedBits.withUnsafeBufferPointer { s in t.baseAddress!.update(from: s.baseAddress! + bitsStart, count: rows) }
            }
            savedBits.removeLast(rows)
        }
        let entered = tableau.basic[r], left = tableau.cobasic[c]
        tableau.basic[r] = left
        tableau.cobasic[c] = entered
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

    /// At most this many bytes of saved tableaux per walk; deeper frames pivot back instead.
    static var savedTableauBytes: Int { 16 << 20 }

    /// The depth-first walk from the current basis (whose key the caller has already marked),
    /// with the visited set and work sharing supplied by the caller: `insert` marks a basis key
    /// and says whether it was new; when `shouldDonate()` holds at a new basis, that basis (as a
    /// copy of this search pivoted there) is handed to `donate` instead of being walked here, so
    /// another thread can walk its subtree. Every basis is visited by exactly one walk.
    ///
    /// Going back up, a frame restores the tableau it saved before pivoting down (a copy) rather
    /// than pivoting back (an exchange per entry), up to ``savedTableauBytes``; the column that
    /// leads back to the parent is skipped without a ratio test (its neighbour is the parent).
    /// - Returns: the number of bases visited by this walk.
    mutating func walk(insert: (LabelSet) -> Bool, shouldDonate: () -> Bool,
                       donate: (LexicographicVertexSearch<Z>) -> Void,
                       visit: (LexicographicVertexSearch<Z>) throws -> Bool) throws -> Int {
        var stack = [SearchFrame(next: 0, row: -1, column: -1, saved: false)]
        var saved: [Z] = [], savedBits: [Int] = []
        let frameSize = tableau.entries.count + 1
        let maxSaved = Self.savedTableauBytes / (MemoryLayout<Z>.stride * frameSize + 8 * tableau.rowBits.count)
        var savedFrames = 0
        var count = 1
        guard try visit(self) else { return count }
        while !stack.isEmpty {
            let top = stack.count - 1
            let c = stack[top].next
            if c == dimension {
                let f = stack.removeLast()
                if f.row >= 0 {
                    if f.saved {
                        restore(row: f.row, column: f.column, from: &saved, bits: &savedBits)
                        savedFrames -= 1
                    } else {
                        try pivot(row: f.row, column: f.column)
                    }
                }
                continue
            }
            stack[top].next += 1
            if c == stack[top].column { continue }
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
            let save = savedFrames < maxSaved
            if save {
                saved.append(contentsOf: tableau.entries)
                saved.append(tableau.determinant)
                savedBits.append(contentsOf: tableau.rowBits)
                savedFrames += 1
            }
            try pivot(row: r, column: c)
            stack.append(SearchFrame(next: 0, row: r, column: c, saved: save))
            count += 1
            guard try visit(self) else { return count }
        }
        return count
    }
}

/// A depth-first-search frame: the next column to try and the pivot that led here.
struct SearchFrame { var next: Int; let row: Int; let column: Int; let saved: Bool }
