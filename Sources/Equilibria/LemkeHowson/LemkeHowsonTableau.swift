import BigInt
import ExactArithmetic

/// The two compact tableaux of Lemke–Howson for an m x n game with positive payoffs A, B:
///
///     Q-system (m rows):  r + A·y = 1     basic: r at first, nonbasic: y
///     P-system (n rows):  s + Bᵀ·x = 1    basic: s at first, nonbasic: x
///
/// Variables are numbered 0..<2N with N = m + n: x_i = i, y_j = m + j, r_i = N + i,
/// s_j = N + m + j. Variable v carries label v mod N, and v's complement is v ± N (x_i ↔ r_i,
/// y_j ↔ s_j). Each tableau stores only its nonbasic columns plus the right-hand side, all
/// integers over a common denominator `det` in the fraction-free (Int, BigInt) case.
struct LemkeHowsonTableau<T: PivotScalar> {
    let m: Int
    let n: Int
    /// Per system (0 = Q, 1 = P): rows, width (= nonbasic count + 1), entries, denominator.
    var rows: [Int]
    var width: [Int]
    var entries: [[T]]
    var det: [T]
    var scratch: [T]
    /// Variable in each row / nonbasic column of each system.
    var basic: [[Int]]
    var nonbasic: [[Int]]
    /// location[v] = row when v is basic, −1 − column when v is nonbasic (in its own system).
    var location: [Int]
    /// Reusable buffers of the ratio test.
    var candidates: [Int]
    var survivors: [Int]
    /// Floating point only: the rows of the last ratio test that the floating data could not
    /// separate (ratios tied within `Tolerance.pivot`, or several rows with a positive entry whose
    /// basic value is zero up to rounding: a degenerate step). Empty on a decided step. The walk
    /// has such a step decided exactly (``ExactTieBreak``), so that rounding cannot make the
    /// lexicographic rule leave the exact path.
    var ambiguousRows: [Int] = []
    /// Floating point only: steps decided by ``ExactTieBreak`` so far.
    var exactTieBreaks = 0

    var labelCount: Int { m + n }

    /// The system (0 = Q, 1 = P) holding variable v.
    @inline(__always) func system(of v: Int) -> Int {
        let k = v < m + n ? v : v - (m + n)
        // x_i (k < m, v < N) → P; y_j (k ≥ m, v < N) → Q; r_i (k < m, v ≥ N) → Q; s_j → P.
        return (k < m) == (v < m + n) ? 1 : 0
    }

    @inline(__always) func complement(of v: Int) -> Int { v < m + n ? v + m + n : v - (m + n) }

    /// The tableaux of the artificial equilibrium from A + shiftA and B + shiftB (A, B row-major
    /// m x n; the shifts, when given, are added while filling, so the caller needs no shifted copy).
    init(m: Int, n: Int, a: [T], b: [T], zero: T, shiftA: T? = nil, shiftB: T? = nil) {
        self.m = m
        self.n = n
        let big = m + n
        rows = [m, n]
        width = [n + 1, m + 1]
        // Direct fill of uninitialised storage (no zero fill, no bounds checks): Q = [A | 1] row by
        // row, P = [Bᵀ | 1] by walking B's columns.
        let one = T.one
        let q = a.withUnsafeBufferPointer { src in
            [T](unsafeUninitializedCapacity: m * (n + 1)) { dst, count in
                let d = dst.baseAddress!
                for i in 0..<m {
                    let row = d + i * (n + 1), from = src.baseAddress! + i * n
                    if let c = shiftA {
                        for j in 0..<n { (row + j).initialize(to: from[j] + c) }
                    } else {
                        row.initialize(from: from, count: n)
                    }
                    (row + n).initialize(to: one)
                }
                count = m * (n + 1)
            }
        }
        let p = b.withUnsafeBufferPointer { src in
            [T](unsafeUninitializedCapacity: n * (m + 1)) { dst, count in
                let d = dst.baseAddress!, s = src.baseAddress!
                for j in 0..<n {
                    let row = d + j * (m + 1)
                    if let c = shiftB {
                        for i in 0..<m { (row + i).initialize(to: s[i * n + j] + c) }
                    } else {
                        for i in 0..<m { (row + i).initialize(to: s[i * n + j]) }
                    }
                    (row + m).initialize(to: one)
                }
                count = n * (m + 1)
            }
        }
        entries = [q, p]
        det = [T.one, T.one]
        scratch = [T](repeating: zero, count: max(m, n) + 1)
        basic = [(0..<m).map { big + $0 }, (0..<n).map { big + m + $0 }]
        nonbasic = [(0..<n).map { m + $0 }, Array(0..<m)]
        location = [Int](repeating: 0, count: 2 * big)
        for i in 0..<m { location[big + i] = i; location[i] = -1 - i }
        for j in 0..<n { location[big + m + j] = j; location[m + j] = -1 - j }
        candidates = []
        candidates.reserveCapacity(max(m, n))
        survivors = []
        survivors.reserveCapacity(max(m, n))
    }

    /// The entry of variable `v`'s column in row `i` of system `s` (basic columns are det·unit).
    @inline(__always) func columnEntry(system s: Int, variable v: Int, row i: Int, zero: T) -> T {
        let loc = location[v]
        if loc >= 0 { return loc == i ? det[s] : zero }
        return entries[s][i * width[s] + (-1 - loc)]
    }

    /// The lexicographic minimum-ratio row for entering column `c` of system `s`: among rows with a
    /// positive entry, the smallest right-hand side ratio, ties broken by the columns of the
    /// system's initial slack basis in order (this is Bland–Dantzig's lexicographic rule, which
    /// makes every pivot well defined on degenerate games). Nil when no entry is positive (cannot
    /// happen for positive payoffs, whose polytopes are bounded).
    mutating func leavingRow(system s: Int, column c: Int, zero: T) -> Int? {
        let w = width[s], rhs = w - 1, r = rows[s]
        candidates.removeAll(keepingCapacity: true)
        var best = -1
        var largest = zero
        entries[s].withUnsafeBufferPointer { t in
            // Walk the entering column and the right-hand side with pointers (no index arithmetic
            // or bounds checks per row); the running best's pair is kept in registers.
            var column = t.baseAddress! + c, value = t.baseAddress! + rhs
            var bestValue = zero, bestPivot = zero
            for i in 0..<r {
                defer { column += w; value += w }
                if T.isFloatingPoint { largest = T.larger(largest, value.pointee) }
                let entry = column.pointee
                guard entry.isPositivePivot else { continue }
                if best < 0 {
                    best = i; bestValue = value.pointee; bestPivot = entry
                    candidates.append(i)
                    continue
                }
                let cmp = T.compareRatios(value.pointee, entry, bestValue, bestPivot)
                if cmp < 0 {
                    best = i; bestValue = value.pointee; bestPivot = entry
                    candidates.removeAll(keepingCapacity: true)
                    candidates.append(i)
                } else if cmp == 0 {
                    candidates.append(i)
                }
            }
        }
        if T.isFloatingPoint {
            ambiguousRows.removeAll(keepingCapacity: true)
            if best >= 0 {
                if candidates.count > 1 { ambiguousRows.append(contentsOf: candidates) }
                let value = entries[s][best * w + rhs]
                largest = T.larger(largest, value)
                // The leaving variable is zero up to rounding: a degenerate step. Rounding noise
                // then decides the ratio test (a zero basic value may come out slightly negative, an
                // entry that is zero exactly slightly positive), so every row with a positive entry
                // and a negligible value is a candidate, and so is the best row with a value that
                // is not negligible (in case the zero rows' entries are noise).
                if value.isNegligible(relativeTo: largest) {
                    var other = -1, zeros = 0
                    let before = ambiguousRows.count
                    entries[s].withUnsafeBufferPointer { t in
                        for i in 0..<r where t[i * w + c].isPositivePivot {
                            if t[i * w + rhs].isNegligible(relativeTo: largest) {
                                zeros += 1
                                if !ambiguousRows.contains(i) { ambiguousRows.append(i) }
                            } else if other < 0 || T.compareRatios(t[i * w + rhs], t[i * w + c], t[other * w + rhs], t[other * w + c]) < 0 {
                                other = i
                            }
                        }
                        // One zero row: a degenerate step only if its entry may be noise too (an
                        // entry that is zero exactly comes out at rounding size).
                        var suspicious = zeros >= 2
                        if !suspicious {
                            var column = t[best * w + c]
                            for i in 0..<r { column = T.larger(column, t[i * w + c].floatingMagnitude) }
                            suspicious = t[best * w + c].isNegligible(relativeTo: column)
                        }
                        if !suspicious { ambiguousRows.removeSubrange(before...) }
                        if suspicious && other >= 0 {
                            for i in 0..<r where t[i * w + c].isPositivePivot && !t[i * w + rhs].isNegligible(relativeTo: largest)
                                && T.compareRatios(t[i * w + rhs], t[i * w + c], t[other * w + rhs], t[other * w + c]) == 0 {
                                ambiguousRows.append(i)
                            }
                        }
                    }
                }
            }
        }
        if candidates.count <= 1 { return candidates.first }
        // Ties: compare the columns of the initial basis (slacks of this system) in order.
        let slackBase = s == 0 ? m + n : m + n + m
        var k = 0
        while candidates.count > 1 && k < r {
            let v = slackBase + k
            survivors.removeAll(keepingCapacity: true)
            var bestRow = candidates[0]
            survivors.append(bestRow)
            for idx in 1..<candidates.count {
                let i = candidates[idx]
                let cmp = T.compareRatios(columnEntry(system: s, variable: v, row: i, zero: zero), entries[s][i * width[s] + c],
                                          columnEntry(system: s, variable: v, row: bestRow, zero: zero), entries[s][bestRow * width[s] + c])
                if cmp < 0 {
                    bestRow = i
                    survivors.removeAll(keepingCapacity: true)
                    survivors.append(i)
                } else if cmp == 0 {
                    survivors.append(i)
                }
            }
            swap(&candidates, &survivors)
            k += 1
        }
        return candidates[0]
    }

    /// Pivots variable `entering` (nonbasic) into the basis at `row`. Returns the row where an
    /// Int overflow stopped the pivot (then nothing about the basis has changed yet, and the pivot
    /// must be finished in a wider type from that row on), or nil.
    mutating func pivot(entering: Int, row: Int, from start: Int = 0) -> Int? {
        let s = system(of: entering)
        let c = -1 - location[entering]
        if let failed = T.pivot(&entries[s], scratch: &scratch, rows: rows[s], width: width[s], row: row, column: c,
                                det: &det[s], from: start) {
            return failed
        }
        let leaving = basic[s][row]
        basic[s][row] = entering
        nonbasic[s][c] = leaving
        location[entering] = row
        location[leaving] = -1 - c
        return nil
    }

    /// The same state with entries converted to another type.
    func converted<U: PivotScalar>(_ f: (T) -> U, zero: U) -> LemkeHowsonTableau<U> {
        var u = LemkeHowsonTableau<U>(m: m, n: n, a: [U](repeating: zero, count: m * n), b: [U](repeating: zero, count: m * n), zero: zero)
        u.entries = entries.map { $0.map(f) }
        u.det = det.map(f)
        u.basic = basic
        u.nonbasic = nonbasic
        u.location = location
        return u
    }

    /// Values of the basic strategy variables: (x as numerators, y as numerators, denominators of P and Q).
    func basicValues(zero: T) -> (x: [T], y: [T]) {
        var x = [T](repeating: zero, count: m), y = [T](repeating: zero, count: n)
        for (i, v) in basic[1].enumerated() where v < m { x[v] = entries[1][i * width[1] + width[1] - 1] }
        for (i, v) in basic[0].enumerated() where v >= m && v < m + n { y[v - m] = entries[0][i * width[0] + width[0] - 1] }
        return (x, y)
    }
}
