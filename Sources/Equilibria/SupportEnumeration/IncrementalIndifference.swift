import ExactArithmetic

/// The column player's indifference systems of one row support I (|I| = k) against every
/// k-subset J of a list of candidate columns, solved by an LU factorisation that is extended one
/// column at a time along a depth-first walk over the subsets (lexicographic order).
///
/// With payoffs scaled into [1, 2] (so every value v of a mixed strategy is ≥ 1), the system
/// `A[I,J]·y = v·1, Σy = 1` is equivalent to `A[I,J]·z = 1`, `y = z / Σz`, `v = 1 / Σz`, and
/// y ≥ 0 exactly when z ≥ 0. Moreover v ≥ 1 gives y_j = v·z_j ≤ z_j for z_j < 0, so rejecting
/// `z_j < −Tolerance.feasibility` never rejects a pair that the bordered system's test
/// `y_j < −Tolerance.feasibility` would keep.
///
/// Column-oriented ("left-looking") Gaussian elimination with partial pivoting: adding column
/// t applies the t earlier Gauss transforms to it (O(t·k)), picks the pivot among the k − t
/// remaining rows, and stores the new multipliers and the transformed right-hand side. A
/// subset J = (j₀ < … < j_{k−1}) shares the work of its prefix with every subset having that
/// prefix, so a leaf costs about k²/2 multiply–adds for its last column plus a back substitution
/// that stops at the first clearly negative z_j (computed last column first); the full
/// elimination of each pair would cost k³/3.
/// This is the incremental-factorisation idea of updating a factorisation when one column
/// changes (Golub & Van Loan, *Matrix Computations*, 4th ed., §6.5), applied to the prefix tree
/// of the combinations.
///
/// Soundness of the filter (no equilibrium of a nondegenerate game is lost by floating point):
/// - a pivot with |p| ≤ `Tolerance.zero` marks the prefix (and all its completions) as
///   numerically singular: those pairs are handed to the bordered floating solver
///   (`FloatingIndifference`, the previous behaviour), which also decides non-uniqueness.
///   (No equilibrium hides there: if A[I,J] is exactly singular and A·z = 1 is solvable, the
///   bordered system is singular too; if it is not solvable, the bordered solution has v = 0,
///   impossible with payoffs ≥ 1. The fallback keeps the `nonUniqueSystems` counter exact.)
/// - when the smallest pivot along the path is below √`Tolerance.zero` the system is
///   ill-conditioned and the sign of z is not trusted: the pair goes to the exact rational
///   check directly ("borderline");
/// - otherwise z is trusted to about 1e-9 and is rejected only when some z_j < −Tolerance.feasibility.
///
/// Buffers are allocated once per worker; no allocation per support pair.
///
/// - Complexity: O(Σ_nodes k·depth) floating work for the C(c, k) subsets of c candidate
///   columns; amortised about k² multiply–adds per subset, against k³/3 for solving each
///   subset from scratch.
final class IncrementalIndifference {
    enum Leaf { case positive, singular, borderline }

    let capacity: Int
    /// Column-major k x c sub-matrix A[I, candidates]: column q at `sub + q·k`.
    let sub: UnsafeMutablePointer<Double>
    /// Row order after each depth: `order + d·k` (first d entries are the pivot rows).
    let order: UnsafeMutablePointer<Int>
    /// Multipliers of step s, by original row: `lower + s·k`.
    let lower: UnsafeMutablePointer<Double>
    /// Column t of U (entries at pivot rows 0...t): `upper + t·k`.
    let upper: UnsafeMutablePointer<Double>
    /// Transformed right-hand side after d steps: `rhs + d·k`.
    let rhs: UnsafeMutablePointer<Double>
    /// Smallest |pivot| along the current path after d steps.
    let minPivot: UnsafeMutablePointer<Double>
    let work: UnsafeMutablePointer<Double>
    /// The solution z of a positive leaf.
    let z: UnsafeMutablePointer<Double>
    /// Positions (indices into the candidate list) of the current subset.
    let pos: UnsafeMutablePointer<Int>
    let columnCapacity: Int

    init(maxSize: Int, maxColumns: Int) {
        let k = max(1, maxSize), c = max(1, maxColumns)
        capacity = k
        columnCapacity = c
        sub = .allocate(capacity: k * c)
        order = .allocate(capacity: (k + 1) * k)
        lower = .allocate(capacity: k * k)
        upper = .allocate(capacity: k * k)
        rhs = .allocate(capacity: (k + 1) * k)
        minPivot = .allocate(capacity: k + 1)
        work = .allocate(capacity: k)
        z = .allocate(capacity: k)
        pos = .allocate(capacity: k + 1)
    }

    deinit {
        sub.deallocate(); order.deallocate(); lower.deallocate(); upper.deallocate(); rhs.deallocate()
        minPivot.deallocate(); work.deallocate(); z.deallocate(); pos.deallocate()
    }

    /// Loads A[rows, candidates] (A row-major with `stride` columns).
    func load(a: UnsafeBufferPointer<Double>, stride: Int, rows: UnsafeBufferPointer<Int>, candidates: [Int]) {
        let k = rows.count
        for (q, j) in candidates.enumerated() {
            let col = sub + q * k
            for r in 0..<k { col[r] = a[rows[r] * stride + j] }
        }
    }

    /// Walks the k-subsets of the `count` loaded candidate columns in lexicographic order and
    /// calls `leaf(rank, kind)` for each subset that is not rejected (`pos[0..<k]` holds its
    /// positions; for `.positive`, `z[0..<k]` the solution of A[I,J]·z = 1). Returns the number
    /// of subsets visited.
    func search(k: Int, count na: Int, leaf: (Int, Leaf) -> Void) -> Int {
        precondition(k >= 1 && k <= capacity && na <= columnCapacity)
        if na < k { return 0 }
        let order = order, lower = lower, upper = upper, rhs = rhs, minPivot = minPivot
        let c = work, z = z, pos = pos, sub = sub
        let feasibility = Tolerance.feasibility, singular = Tolerance.zero
        let trusted = Tolerance.zero.squareRoot()
        for r in 0..<k { order[r] = r; rhs[r] = 1 }
        minPivot[0] = .infinity
        var rank = 0
        var t = 0
        pos[0] = 0
        while true {
            if pos[t] > na - k + t {
                // Exhausted this depth: back up.
                if t == 0 { break }
                t -= 1
                pos[t] += 1
                continue
            }
            let cur = order + t * k
            let col = sub + pos[t] * k
            for r in 0..<k { c[r] = col[r] }
            let ut = upper + t * k
            var s = 0
            while s < t {
                let cp = c[cur[s]]
                ut[s] = cp
                if cp != 0 {
                    let ls = lower + s * k
                    var i = s + 1
                    while i < k { let r = cur[i]; c[r] -= ls[r] * cp; i += 1 }
                }
                s += 1
            }
            var best = -1.0, bi = t
            var i = t
            while i < k { let v = abs(c[cur[i]]); if v > best { best = v; bi = i }; i += 1 }
            let p = cur[bi], piv = c[p]
            ut[t] = piv
            if best <= singular {
                // Numerically singular prefix: every completion goes to the bordered solver.
                completions(from: t, k: k, count: na) { leaf(rank, .singular); rank += 1 }
                pos[t] += 1
                continue
            }
            if t == k - 1 {
                // Leaf: the only remaining row is the pivot row; back substitution from the end.
                if min(minPivot[t], best) < trusted {
                    if !refinedRejects(k: k, lastPivot: piv) { leaf(rank, .borderline) }
                } else {
                    let rf = rhs + t * k
                    var ok = true
                    let zl = rf[p] / piv
                    z[t] = zl
                    if zl < -feasibility { ok = false }
                    var s2 = t - 1
                    while ok && s2 >= 0 {
                        var acc = rf[cur[s2]]
                        var t2 = s2 + 1
                        while t2 < k { acc -= upper[t2 * k + s2] * z[t2]; t2 += 1 }
                        let zs = acc / upper[s2 * k + s2]
                        z[s2] = zs
                        if zs < -feasibility { ok = false }
                        s2 -= 1
                    }
                    if ok { leaf(rank, .positive) }
                }
                rank += 1
                pos[t] += 1
                continue
            }
            // Interior node: record the step and descend.
            let nxt = order + (t + 1) * k
            for r in 0..<k { nxt[r] = cur[r] }
            nxt[bi] = nxt[t]; nxt[t] = p
            let lt = lower + t * k
            let rc = rhs + t * k, rn = rhs + (t + 1) * k
            for r in 0..<k { rn[r] = rc[r] }
            let rp = rc[p]
            let inv = 1 / piv
            i = t + 1
            while i < k { let r = nxt[i]; let l = c[r] * inv; lt[r] = l; rn[r] -= l * rp; i += 1 }
            minPivot[t + 1] = min(minPivot[t], best)
            t += 1
            pos[t] = pos[t - 1] + 1
        }
        return rank
    }

    /// For an ill-conditioned leaf (factorisation complete, `pos` set): solves for z fully,
    /// estimates its forward error by one step of iterative refinement (the correction d solving
    /// A·d = 1 − A·z with the same factors, Golub & Van Loan §3.5.3), and returns true only when
    /// some z_j is negative beyond `Tolerance.feasibility` plus a thousand times that estimate —
    /// a clear rejection. Everything else is left to the exact check.
    private func refinedRejects(k: Int, lastPivot: Double) -> Bool {
        let t = k - 1
        let cur = order + t * k
        upper[t * k + t] = lastPivot
        // z by back substitution, then the residual r = 1 − A·z (in original row indices).
        func backSubstitute(_ b: UnsafeMutablePointer<Double>, into out: UnsafeMutablePointer<Double>) {
            var s = t
            while s >= 0 {
                var acc = b[cur[s]]
                var u = s + 1
                while u < k { acc -= upper[u * k + s] * out[u]; u += 1 }
                out[s] = acc / upper[s * k + s]
                s -= 1
            }
        }
        backSubstitute(rhs + t * k, into: z)
        let r = work
        for i in 0..<k { r[i] = 1 }
        for u in 0..<k {
            let col = sub + pos[u] * k, zu = z[u]
            for i in 0..<k { r[i] -= col[i] * zu }
        }
        // Forward transforms on r, then d = U⁻¹·r, stored in the last block of `lower` (the last
        // step has no multipliers, so that block is free at a leaf).
        var s = 0
        while s < t {
            let p = cur[s], rp = r[p], ls = lower + s * k
            var i = s + 1
            while i < k { let row = cur[i]; r[row] -= ls[row] * rp; i += 1 }
            s += 1
        }
        let d = lower + t * k
        backSubstitute(r, into: d)
        var estimate = 0.0
        for u in 0..<k { estimate = max(estimate, abs(d[u])) }
        let margin = Tolerance.feasibility + 1000 * estimate
        for u in 0..<k where z[u] < -margin { return true }
        return false
    }

    /// Calls `body` for every completion of the prefix `pos[0...t]` to k positions below
    /// `count`, in lexicographic order (positions written to `pos`).
    private func completions(from t: Int, k: Int, count na: Int, _ body: () -> Void) {
        let saved = pos[t]
        var d = t + 1
        while d < k { pos[d] = pos[d - 1] + 1; d += 1 }
        while true {
            body()
            var u = k - 1
            while u > t && pos[u] == na - k + u { u -= 1 }
            if u == t { break }
            pos[u] += 1
            var w = u + 1
            while w < k { pos[w] = pos[w - 1] + 1; w += 1 }
        }
        pos[t] = saved
    }
}
