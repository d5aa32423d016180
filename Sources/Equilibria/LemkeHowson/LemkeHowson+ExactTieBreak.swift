import BigInt
import ExactArithmetic
import StrategicGames

/// The exact lexicographic minimum-ratio test at one basis, for the degenerate steps of a
/// floating-point Lemke–Howson path.
///
/// A tie in the floating ratio test (ratios equal within `Tolerance.pivot`, or several rows whose
/// basic value is zero up to rounding) is a step that the floating data cannot decide: rounding
/// may make the lexicographic rule pick another row than the exact path would. Such a step is
/// decided here exactly, on the same integer data as the fraction-free path (payoffs shifted by
/// 1 − min, scaled to integers; a positive scale changes no decision), so that the floating path
/// keeps following the exact lexicographic path instead of being rerun fraction-free.
///
/// Steps, for system Q (r + A·y = 1; P is the same with Bᵀ): the basis consists of the basic
/// y_J and the basic slacks r_R; the rows T whose slacks are nonbasic have |T| = |J| = k, and
/// with M = A[T, J]
///
///     B⁻¹ = [ M⁻¹            0 ]   (rows y_J; columns T, R)
///           [ −A[R, J]·M⁻¹   I ]   (rows r_R)
///
/// 1. D·M⁻¹ by fraction-free Gauss–Jordan (Bareiss–Edmonds) on [M | I], D = ±det M (made > 0).
/// 2. For each candidate row (basic variable v): its row ρ of D·B⁻¹; the tableau's right-hand
///    side ρ·1, entering entry ρ·w (w the entering column) and initial-slack columns ρ_t, all
///    integers over the same D.
/// 3. Among candidates with a positive entering entry, the lexicographic minimum of
///    (ρ·1, ρ_0, ρ_1, …) / (ρ·w) — the rule of the fraction-free path.
///
/// Rows outside the candidate set are decided by the floating data, as on every other step; the
/// endpoint is certified exactly in any case (``BasisCertificate``).
///
/// - Complexity: O(k³) big-integer operations for Gauss–Jordan plus O(k²) per candidate slack
///   row, with k ≤ min(m, n) the size of the current support; no O(m·n) work.
struct ExactTieBreak {
    let m: Int
    let n: Int
    let a: Matrix<Rational>
    let b: Matrix<Rational>
    let lowA: Rational
    let lowB: Rational
    let scaleA: Rational
    let scaleB: Rational

    init(_ game: BimatrixGame) {
        m = game.rowCount
        n = game.columnCount
        a = game.rowPayoffs
        b = game.columnPayoffs
        func lowAndScale(_ mat: Matrix<Rational>) -> (Rational, Rational) {
            // Integer payoffs (the usual case): one pass on the Int fast path.
            let smallLow: Int? = mat.storage.withUnsafeBufferPointer { v in
                var low = Int.max
                for x in v {
                    guard let (p, q) = x.smallParts, q == 1 else { return nil }
                    if p < low { low = p }
                }
                return low
            }
            if let smallLow { return (Rational(smallLow), .one) }
            var low = mat.storage[0]
            var lcm = BigInt(1)
            var integral = true
            for v in mat.storage {
                if v < low { low = v }
                if let (_, q) = v.smallParts, q == 1 { continue }
                integral = false
                let d = v.denominator
                lcm = lcm / lcm.greatestCommonDivisor(with: d) * d
            }
            return (low, integral ? .one : Rational(lcm, BigInt(1)))
        }
        (lowA, scaleA) = lowAndScale(a)
        (lowB, scaleB) = lowAndScale(b)
    }

    /// Entry (t, c) of system s's constraint matrix on the integer data: A′[t, c] for Q (s = 0),
    /// B′[c, t] for P (s = 1), with X′ = (X − min X + 1)·lcm(denominators).
    func entry(_ s: Int, _ t: Int, _ c: Int) -> BigInt {
        let v = s == 0 ? (a[t, c] - lowA + .one) * scaleA : (b[c, t] - lowB + .one) * scaleB
        if let (p, _) = v.smallParts { return BigInt.fromInt(p) }
        return v.numerator
    }

    /// The exact lexicographic leaving row among `candidates` (tableau rows of system `s`, whose
    /// basic variables are `basic`) for variable `entering`; nil when no candidate has a positive
    /// entering entry or the basis is singular (neither happens on a valid basis).
    func leavingRow(system s: Int, entering: Int, candidates: [Int], basic: [Int]) -> Int? {
        let big = m + n
        let r = s == 0 ? m : n
        let slackBase = s == 0 ? big : big + m
        func isSlack(_ v: Int) -> Bool { v >= slackBase && v < slackBase + r }
        func column(_ v: Int) -> Int { s == 0 ? v - m : v }
        // J: basic non-slack variables (G columns) with their position; T: rows with nonbasic slack.
        var positionInT = [Int](repeating: -1, count: r)
        var basicSlack = [Bool](repeating: false, count: r)
        var jColumns = [Int](), jPosition = [Int: Int]()
        for v in basic {
            if isSlack(v) { basicSlack[v - slackBase] = true } else { jPosition[v] = jColumns.count; jColumns.append(column(v)) }
        }
        var tRows = [Int]()
        for t in 0..<r where !basicSlack[t] { positionInT[t] = tRows.count; tRows.append(t) }
        let k = jColumns.count
        guard tRows.count == k else { return nil }
        // D·M⁻¹ by fraction-free Gauss–Jordan on [M | I] (k x 2k).
        let w = 2 * k
        var g = [BigInt](repeating: 0, count: k * w)
        for p in 0..<k {
            for q in 0..<k { g[p * w + q] = entry(s, tRows[p], jColumns[q]) }
            g[p * w + k + p] = 1
        }
        var previous = BigInt(1)
        for col in 0..<k {
            guard let p = (col..<k).first(where: { !g[$0 * w + col].isZero }) else { return nil }
            if p != col { for c in 0..<w { g.swapAt(p * w + c, col * w + c) } }
            let pivot = g[col * w + col]
            for i in 0..<k where i != col {
                let f = g[i * w + col]
                for c in 0..<w where c != col {
                    var z = g[i * w + c] * pivot
                    if !f.isZero { z -= f * g[col * w + c] }
                    g[i * w + c] = previous == 1 ? z : z / previous
                }
                g[i * w + col] = 0
            }
            previous = pivot
        }
        var d = previous
        let negate = d.signum() < 0
        if negate { d.negate() }
        // Z[q][p] = (D·M⁻¹)[q][p]: row q ↔ variable J[q], column p ↔ row T[p].
        func z(_ q: Int, _ p: Int) -> BigInt { negate ? -g[q * w + k + p] : g[q * w + k + p] }

        // Entering column w: a slack of row t0 (unit vector, t0 ∈ T) or a G column j0.
        let enteringSlackRow: Int? = isSlack(entering) ? entering - slackBase : nil
        let enteringColumn = column(entering)
        var enteringT = [BigInt]()
        if enteringSlackRow == nil { enteringT = tRows.map { entry(s, $0, enteringColumn) } }

        struct Row { let index: Int; let rho: [BigInt]; let ownSlack: Int?; let rhs: BigInt; let pivot: BigInt }
        var rows = [Row]()
        for idx in candidates {
            let v = basic[idx]
            var rho = [BigInt](repeating: 0, count: k)
            var own: Int? = nil
            if let q = jPosition[v] {
                for p in 0..<k { rho[p] = z(q, p) }
            } else {
                let i = v - slackBase
                own = i
                for q in 0..<k {
                    let gi = entry(s, i, jColumns[q])
                    if gi.isZero { continue }
                    for p in 0..<k { rho[p] -= gi * z(q, p) }
                }
            }
            var rhs = rho.reduce(BigInt(0), +)
            if own != nil { rhs += d }
            var piv: BigInt
            if let t0 = enteringSlackRow {
                let p0 = positionInT[t0]
                guard p0 >= 0 else { return nil }
                piv = rho[p0]
            } else {
                piv = 0
                for p in 0..<k where !rho[p].isZero { piv += rho[p] * enteringT[p] }
                if let i = own { piv += d * entry(s, i, enteringColumn) }
            }
            if piv.signum() > 0 { rows.append(Row(index: idx, rho: rho, ownSlack: own, rhs: rhs, pivot: piv)) }
        }
        guard !rows.isEmpty else { return nil }
        // Lexicographic minimum of (rhs, slack columns 0..<r) / pivot.
        func slackColumn(_ row: Row, _ t: Int) -> BigInt {
            let p = positionInT[t]
            if p >= 0 { return row.rho[p] }
            return row.ownSlack == t ? d : 0
        }
        func compare(_ x: BigInt, _ px: BigInt, _ y: BigInt, _ py: BigInt) -> Int {
            let l = x * py, rr = y * px
            return l == rr ? 0 : (l < rr ? -1 : 1)
        }
        var survivors = rows
        var best = [survivors[0]]
        for row in survivors.dropFirst() {
            let c = compare(row.rhs, row.pivot, best[0].rhs, best[0].pivot)
            if c < 0 { best = [row] } else if c == 0 { best.append(row) }
        }
        survivors = best
        var t = 0
        while survivors.count > 1 && t < r {
            best = [survivors[0]]
            for row in survivors.dropFirst() {
                let c = compare(slackColumn(row, t), row.pivot, slackColumn(best[0], t), best[0].pivot)
                if c < 0 { best = [row] } else if c == 0 { best.append(row) }
            }
            survivors = best
            t += 1
        }
        return survivors[0].index
    }
}
