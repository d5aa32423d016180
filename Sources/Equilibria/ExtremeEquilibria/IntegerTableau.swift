/// A fraction-free (integer) simplex dictionary: `rows` basic variables expressed through
/// `columns` cobasic ones, every entry an integer multiple of 1/determinant.
///
/// Row i reads `determinant · basic[i] + Σ_k entry(i, k) · cobasic[k] = entry(i, columns)`, so a
/// basic variable's value is `entry(i, columns) / determinant` (cobasic variables are zero).
/// Pivoting is Edmonds' integer pivoting (the Bareiss update): every division is exact and every
/// entry stays a minor of the original constraint matrix, so the numbers never grow beyond the
/// Hadamard bound of those minors (Avis, "lrs: a revised implementation of the reverse search
/// vertex enumeration algorithm", 2000, §3).
struct IntegerTableau<Z: PivotInteger>: Sendable {
    let rows: Int
    let columns: Int
    /// `rows × (columns + 1)` entries, row-major; the last column is the right-hand side.
    var entries: [Z]
    var determinant: Z
    /// The variable basic in each row.
    var basic: [Int]
    /// The variable cobasic in each column.
    var cobasic: [Int]
    /// Number of pivots made.
    var pivots = 0
    /// log2 of a bound on every minor of the constraint matrix (so on every entry), when known:
    /// lets the arithmetic skip per-entry overflow checks.
    var bound: Int?
    /// For fixed-width types (``PivotInteger/wrappingLimit``): per row, an upper bound on the
    /// bits of its entries, so that one test per row (instead of one per entry) proves that the
    /// wrapping exchange is exact. Empty for arbitrary precision.
    var rowBits: [Int]

    var width: Int { columns + 1 }

    init(rows: Int, columns: Int, entries: [Z], basic: [Int], cobasic: [Int]) {
        precondition(entries.count == rows * (columns + 1) && basic.count == rows && cobasic.count == columns)
        self.rows = rows
        self.columns = columns
        self.entries = entries
        self.determinant = Z(1)
        self.basic = basic
        self.cobasic = cobasic
        if Z.wrappingLimit != nil {
            rowBits = (0..<rows).map { i in
                entries[(i * (columns + 1))..<((i + 1) * (columns + 1))].reduce(1) { Swift.max($0, $1.magnitudeBitsBound) }
            }
        } else {
            rowBits = []
        }
    }

    @inline(__always) subscript(i: Int, k: Int) -> Z { entries[i * (columns + 1) + k] }

    /// The right-hand side of row i (determinant × the basic variable's value).
    @inline(__always) func rhs(_ i: Int) -> Z { entries[i * (columns + 1) + columns] }

    /// Exchanges the basic variable of row `r` with the cobasic variable of column `c`.
    /// Pivoting again on (r, c) undoes it exactly.
    /// - Complexity: O(rows · columns) exchanges.
    mutating func pivot(row r: Int, column c: Int) throws {
        if Z.wrappingLimit != nil {
            let (rows, w, det, bound) = (self.rows, columns + 1, determinant, self.bound)
            let p = entries[r * w + c]
            try entries.withUnsafeMutableBufferPointer { t in
                try rowBits.withUnsafeMutableBufferPointer { rb in
                    try Self.wrappingPivot(row: r, column: c, rows: rows, width: w, determinant: det, bound: bound,
                                           from: t.baseAddress!, to: t.baseAddress!, bits: rb.baseAddress!, to: rb.baseAddress!)
                }
            }
            determinant = p
            finishPivot(row: r, column: c)
            return
        }
        try checkedPivot(row: r, column: c)
        finishPivot(row: r, column: c)
    }

    /// The same pivot, written into `spare` (a buffer of the same size, whose contents are
    /// overwritten) instead of in place; afterwards `spare` holds the tableau before the pivot,
    /// so going back is a swap of buffers instead of a pivot back or a copy.
    mutating func pivot(row r: Int, column c: Int, spare: inout [Z], spareBits: inout [Int]) throws {
        guard Z.wrappingLimit != nil else {
            spare = entries
            spareBits = rowBits
            try pivot(row: r, column: c)
            return
        }
        let (rows, w, det, bound) = (self.rows, columns + 1, determinant, self.bound)
        let p = entries[r * w + c]
        try entries.withUnsafeMutableBufferPointer { t in
            try spare.withUnsafeMutableBufferPointer { s in
                try rowBits.withUnsafeMutableBufferPointer { rb in
                    try spareBits.withUnsafeMutableBufferPointer { sb in
                        try Self.wrappingPivot(row: r, column: c, rows: rows, width: w, determinant: det, bound: bound,
                                               from: t.baseAddress!, to: s.baseAddress!, bits: rb.baseAddress!, to: sb.baseAddress!)
                    }
                }
            }
        }
        determinant = p
        swap(&entries, &spare)
        swap(&rowBits, &spareBits)
        finishPivot(row: r, column: c)
    }

    /// Restores the tableau from before the pivot on (r, c) made by
    /// ``pivot(row:column:spare:spareBits:)``, given the buffers it left in `spare`.
    mutating func unpivot(row r: Int, column c: Int, spare: inout [Z], spareBits: inout [Int]) {
        determinant = entries[r * (columns + 1) + c]
        swap(&entries, &spare)
        swap(&rowBits, &spareBits)
        let entered = basic[r]
        basic[r] = cobasic[c]
        cobasic[c] = entered
    }

    @inline(__always) private mutating func finishPivot(row r: Int, column c: Int) {
        let leaving = basic[r]
        basic[r] = cobasic[c]
        cobasic[c] = leaving
        pivots += 1
    }

    /// The pivot in wrapping arithmetic with the row-wise overflow test, reading `t` and
    /// writing `out` (the same buffer for an in-place pivot).
    /// Row test: every exchange of row i is (a·b − c·d)/e with |a| < 2^rowBits[i], |b| = |p|,
    /// |c| = |t_ic|, |d| < 2^rowBits[r]; when the quotient's bound times 2^shift fits
    /// `wrappingLimit`, the whole row runs in wrapping arithmetic, unchecked; otherwise each
    /// entry is checked (and overflow thrown).
    @inline(__always)
    private static func wrappingPivot(row r: Int, column c: Int, rows rowCount: Int, width w: Int, determinant oldDeterminant: Z, bound: Int?,
                                      from t: UnsafeMutablePointer<Z>, to out: UnsafeMutablePointer<Z>,
                                      bits rb: UnsafeMutablePointer<Int>, to ob: UnsafeMutablePointer<Int>) throws {
        let d = Z.divisor(oldDeterminant, bound: bound)
        let limit = Z.wrappingLimit!
        let p = t[r * w + c]
        let (eBits, eShift, trusted) = Z.bitsAndShift(d)
        let slack = limit - 2 + eBits - eShift
        let pBits = p.magnitudeBitsBound
        let rBits = rb[r]
        let rBase = r * w
        for i in 0..<rowCount where i != r {
            let base = i * w
            let tic = t[base + c]
            let ticBits = tic.magnitudeBitsBound
            var newBits = ticBits
            if Swift.max(rb[i] + pBits, ticBits + rBits) <= slack || trusted {
                for k in 0..<c {
                    let x = Z.wrappingExchange(t[base + k], p, tic, t[rBase + k], dividingBy: d)
                    out[base + k] = x
                    newBits = Swift.max(newBits, x.magnitudeBitsBound)
                }
                for k in (c + 1)..<w {
                    let x = Z.wrappingExchange(t[base + k], p, tic, t[rBase + k], dividingBy: d)
                    out[base + k] = x
                    newBits = Swift.max(newBits, x.magnitudeBitsBound)
                }
            } else {
                for k in 0..<w where k != c {
                    guard let x = Z.exchange(t[base + k], p, tic, t[rBase + k], dividingBy: d) else { throw PivotOverflow() }
                    out[base + k] = x
                    newBits = Swift.max(newBits, x.magnitudeBitsBound)
                }
            }
            guard let neg = tic.negated else { throw PivotOverflow() }
            out[base + c] = neg
            ob[i] = newBits
        }
        if out != t { for k in 0..<w { out[rBase + k] = t[rBase + k] } }
        out[rBase + c] = oldDeterminant
        ob[r] = Swift.max(rBits, oldDeterminant.magnitudeBitsBound)
    }

    /// The pivot for types without a wrapping path (arbitrary precision): every exchange checked.
    private mutating func checkedPivot(row r: Int, column c: Int) throws {
        let w = columns + 1
        let oldDeterminant = determinant
        let d = Z.divisor(oldDeterminant, bound: bound)
        let rowCount = rows
        let p = entries[r * w + c]
        do {
            try entries.withUnsafeMutableBufferPointer { t in
                for i in 0..<rowCount where i != r {
                    let base = i * w
                    let tic = t[base + c]
                    let rBase = r * w
                    if tic.signValue == 0 {
                        for k in 0..<w where k != c {
                            let v = t[base + k]
                            if v.signValue == 0 { continue }
                            guard let x = Z.exchange(v, p, tic, t[rBase + k], dividingBy: d) else { throw PivotOverflow() }
                            t[base + k] = x
                        }
                        continue
                    }
                    for k in 0..<w where k != c {
                        guard let x = Z.exchange(t[base + k], p, tic, t[rBase + k], dividingBy: d) else { throw PivotOverflow() }
                        t[base + k] = x
                    }
                    guard let neg = tic.negated else { throw PivotOverflow() }
                    t[base + c] = neg
                }
                t[r * w + c] = oldDeterminant
            }
        }
        determinant = p
    }
}
