import ExactArithmetic

/// An exact LU factorisation P·M = L·U of a square rational matrix, by Gaussian elimination
/// with row exchanges.
///
/// Used to solve a simplex basis system exactly: once for the primal values (M·x = b) and once,
/// transposed, for the duals (Mᵀ·y = c). Pivots are chosen among the non-zero entries of the
/// column as the one with the smallest numerator-plus-denominator size, which keeps the
/// rationals short (exactness never depends on the choice, only speed does).
///
/// - Complexity: O(k³) rational operations for a k x k matrix (each O(1) on the `Int` fast path
///   and growing with the size of the numbers on the `BigInt` path); each solve is O(k²).
///   Columns that are unit vectors (slack-like) cost no fill-in beyond their own row.
struct RationalLU {
    let size: Int
    /// Combined L (strictly below the diagonal, unit diagonal implied) and U (diagonal and above),
    /// row-major, in pivot order.
    private var lu: [Rational]
    /// `permutation[i]` is the original row that ended up as row i.
    private var permutation: [Int]

    /// Factorises `matrix` (row-major, `size` x `size`); nil when it is singular.
    init?(size: Int, matrix: [Rational]) {
        precondition(matrix.count == size * size)
        self.size = size
        lu = matrix
        permutation = Array(0..<size)
        for k in 0..<size {
            var best = -1
            var bestCost = Int.max
            for i in k..<size {
                let a = lu[i * size + k]
                if a.isZero { continue }
                let c = Self.cost(a)
                if c < bestCost { best = i; bestCost = c; if c <= 2 { break } }
            }
            guard best >= 0 else { return nil }
            if best != k {
                for j in 0..<size { lu.swapAt(k * size + j, best * size + j) }
                permutation.swapAt(k, best)
            }
            let pivot = lu[k * size + k]
            let inverse = pivot.reciprocal
            // Columns of row k that are non-zero, computed once per pivot.
            var pivotRowColumns = [Int]()
            for j in (k + 1)..<size where !lu[k * size + j].isZero { pivotRowColumns.append(j) }
            for i in (k + 1)..<size {
                let a = lu[i * size + k]
                if a.isZero { continue }
                let factor = a * inverse
                lu[i * size + k] = factor
                for j in pivotRowColumns {
                    lu[i * size + j] -= factor * lu[k * size + j]
                }
            }
        }
    }

    /// Solves M·x = b.
    func solve(_ b: [Rational]) -> [Rational] {
        var x = permutation.map { b[$0] }
        // L·z = P·b (unit lower triangular).
        for i in 0..<size {
            var s = x[i]
            for j in 0..<i where !lu[i * size + j].isZero && !x[j].isZero { s -= lu[i * size + j] * x[j] }
            x[i] = s
        }
        // U·x = z.
        for i in stride(from: size - 1, through: 0, by: -1) {
            var s = x[i]
            for j in (i + 1)..<size where !lu[i * size + j].isZero && !x[j].isZero { s -= lu[i * size + j] * x[j] }
            x[i] = s / lu[i * size + i]
        }
        return x
    }

    /// Solves Mᵀ·y = c.
    func solveTransposed(_ c: [Rational]) -> [Rational] {
        // Mᵀ = Uᵀ·Lᵀ·P, so solve Uᵀ·w = c, Lᵀ·v = w, y = Pᵀ·v.
        var w = c
        for i in 0..<size {
            var s = w[i]
            for j in 0..<i where !lu[j * size + i].isZero && !w[j].isZero { s -= lu[j * size + i] * w[j] }
            w[i] = s / lu[i * size + i]
        }
        for i in stride(from: size - 1, through: 0, by: -1) {
            var s = w[i]
            for j in (i + 1)..<size where !lu[j * size + i].isZero && !w[j].isZero { s -= lu[j * size + i] * w[j] }
            w[i] = s
        }
        var y = [Rational](repeating: .zero, count: size)
        for i in 0..<size { y[permutation[i]] = w[i] }
        return y
    }

    /// A rough size of a rational: small ones are cheaper pivots.
    private static func cost(_ a: Rational) -> Int {
        if let (n, d) = a.smallParts {
            return (Int.bitWidth - n.magnitude.leadingZeroBitCount) + (Int.bitWidth - d.leadingZeroBitCount)
        }
        return a.numerator.bitWidth + a.denominator.bitWidth
    }
}
