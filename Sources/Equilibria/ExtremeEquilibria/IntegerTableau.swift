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
        let w = columns + 1
        let oldDeterminant = determinant
        let d = Z.divisor(oldDeterminant, bound: bound)
        let rowCount = rows
        let p = entries[r * w + c]
        if let limit = Z.wrappingLimit {
            // Row test: every exchange of row i is (a·b − c·d)/e with |a| < 2^rowBits[i],
            // |b| = |p|, |c| = |t_ic|, |d| < 2^rowBits[r]; when the quotient's bound times
            // 2^shift fits `limit`, the whole row runs in wrapping arithmetic, unchecked.
            let (eBits, eShift, trusted) = Z.bitsAndShift(d)
            let slack = limit - 2 + eBits - eShift
            let pBits = p.magnitudeBitsBound
            try entries.withUnsafeMutableBufferPointer { t in
                try rowBits.withUnsafeMutableBufferPointer { rb in
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
                                t[base + k] = x
                                newBits = Swift.max(newBits, x.magnitudeBitsBound)
                            }
                            for k in (c + 1)..<w {
                                let x = Z.wrappingExchange(t[base + k], p, tic, t[rBase + k], dividingBy: d)
                                t[base + k] = x
                                newBits = Swift.max(newBits, x.magnitudeBitsBound)
                            }
                        } else {
                            for k in 0..<w where k != c {
                                guard let x = Z.exchange(t[base + k], p, tic, t[rBase + k], dividingBy: d) else { throw PivotOverflow() }
                                t[base + k] = x
                                newBits = Swift.max(newBits, x.magnitudeBitsBound)
                            }
                        }
                        guard let neg = tic.negated else { throw PivotOverflow() }
                        t[base + c] = neg
                        rb[i] = newBits
                    }
                    rb[r] = Swift.max(rBits, oldDeterminant.magnitudeBitsBound)
                }
                t[r * w + c] = oldDeterminant
            }
        } else {
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
        let leaving = basic[r]
        basic[r] = cobasic[c]
        cobasic[c] = leaving
        pivots += 1
    }
}
