import BigInt

/// Exact solution of a square integer system A·x = b by fraction-free Gaussian elimination
/// (E. H. Bareiss, "Sylvester's identity and multistep integer-preserving Gaussian elimination",
/// Mathematics of Computation 22, 1968): every intermediate entry is an integer minor, each update
/// a′ᵢⱼ = (a_cc·aᵢⱼ − aᵢc·a_cⱼ) / p divides exactly by the previous pivot p, and no gcd is taken.
/// The last pivot D is ±det A; back substitution on X = D·x stays in integers (Cramer's rule).
///
/// The first elimination steps (the expensive ones: step c costs (n − c)²) run in `Int128` while
/// nothing overflows; from the row where a product would overflow, the same step and the rest
/// continue in big integers (rows are committed only when complete, so the switch is exact).
///
/// Used by the Lemke–Howson certificate (indifference systems) and the LP certificate (large
/// basis systems).
///
/// - Complexity: O(n³) multiplications and exact divisions, on numbers of O(n·(log n + bits per
///   entry)) bits (Hadamard's bound on the minors).
public enum FractionFreeSolve {
    /// x = numerators / denominator (denominator > 0) with A·x = b, A given by `entry(row, column)`
    /// (n x n) and b by `rhs(row)`; nil when A is singular.
    public static func solve(size n: Int, entry: (Int, Int) -> BigInt, rhs: (Int) -> BigInt)
        -> (numerators: [BigInt], denominator: BigInt)? {
        if n == 0 { return ([], BigInt(1)) }
        let w = n + 1
        var t = [BigInt]()
        var previous = BigInt(1)
        var resumeColumn = 0, resumeRow = 1
        // Int128 phase.
        var small = [Int128](repeating: 0, count: n * w)
        var fits = true
        fill: for r in 0..<n {
            for c in 0..<n {
                guard let v = Int128(exactly: entry(r, c)) else { fits = false; break fill }
                small[r * w + c] = v
            }
            guard let v = Int128(exactly: rhs(r)) else { fits = false; break fill }
            small[r * w + n] = v
        }
        if fits {
            var prev: Int128 = 1
            var row = [Int128](repeating: 0, count: w)
            var overflowed = false
            elimination: for col in 0..<n {
                guard let p = (col..<n).first(where: { small[$0 * w + col] != 0 }) else { return nil }
                if p != col { for c in 0..<w { small.swapAt(p * w + c, col * w + c) } }
                let pivot = small[col * w + col]
                for r in (col + 1)..<n {
                    let f = small[r * w + col]
                    for c in (col + 1)..<w {
                        let (x, o1) = small[r * w + c].multipliedReportingOverflow(by: pivot)
                        let (y, o2) = f.multipliedReportingOverflow(by: small[col * w + c])
                        let (z, o3) = x.subtractingReportingOverflow(y)
                        let (q, o4) = z.dividedReportingOverflow(by: prev)      // exact (Bareiss)
                        if o1 || o2 || o3 || o4 { resumeColumn = col; resumeRow = r; overflowed = true; break elimination }
                        row[c] = q
                    }
                    for c in (col + 1)..<w { small[r * w + c] = row[c] }
                    small[r * w + col] = 0
                }
                prev = pivot
            }
            t = small.map { BigInt.fromInt128($0) }
            previous = BigInt.fromInt128(prev)
            if !overflowed { resumeColumn = n }
        } else {
            t = [BigInt](repeating: 0, count: n * w)
            for r in 0..<n {
                for c in 0..<n { t[r * w + c] = entry(r, c) }
                t[r * w + n] = rhs(r)
            }
        }
        // Big-integer phase, from the step (and row) where Int128 stopped.
        for col in resumeColumn..<n {
            let firstRow: Int
            if col == resumeColumn && fits {
                firstRow = resumeRow                // pivot row already chosen and swapped
            } else {
                guard let p = (col..<n).first(where: { !t[$0 * w + col].isZero }) else { return nil }
                if p != col { for c in 0..<w { t.swapAt(p * w + c, col * w + c) } }
                firstRow = col + 1
            }
            let pivot = t[col * w + col]
            for r in firstRow..<n {
                let f = t[r * w + col]
                for c in (col + 1)..<w {
                    var z = t[r * w + c] * pivot
                    if !f.isZero { z -= f * t[col * w + c] }
                    t[r * w + c] = previous == 1 ? z : z / previous
                }
                t[r * w + col] = 0
            }
            previous = pivot
        }
        // D = last pivot; D·x_i = (D·b_i − Σ_{j>i} a_ij·(D·x_j)) / a_ii, exact.
        let d = t[(n - 1) * w + (n - 1)]
        var numerators = [BigInt](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = d * t[i * w + n]
            for j in (i + 1)..<n where !t[i * w + j].isZero && !numerators[j].isZero { s -= t[i * w + j] * numerators[j] }
            numerators[i] = s / t[i * w + i]
        }
        var denominator = d
        if denominator.signum() < 0 { denominator.negate(); for i in numerators.indices { numerators[i].negate() } }
        return (numerators, denominator)
    }
}

extension BigInt {
    /// `BigInt(value)` without the library's generic `BinaryInteger` path (unspecialised across
    /// the module boundary: witness-table calls per conversion, about half of the Lemke–Howson
    /// certificate's time on a 100x100 game): the magnitude's words go in directly.
    @inlinable public static func fromInt(_ value: Int) -> BigInt {
        if value == 0 { return BigInt() }
        return BigInt(sign: value < 0 ? .minus : .plus, magnitude: BigUInt(words: [value.magnitude]))
    }

    /// The same for Int128.
    @inlinable public static func fromInt128(_ value: Int128) -> BigInt {
        if let small = Int(exactly: value) { return fromInt(small) }
        let m = value.magnitude
        return BigInt(sign: value < 0 ? .minus : .plus,
                      magnitude: BigUInt(words: [UInt(truncatingIfNeeded: m), UInt(truncatingIfNeeded: m >> 64)]))
    }
}
