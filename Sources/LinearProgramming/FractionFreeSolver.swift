import BigInt
import ExactArithmetic

/// Exact solution of a square rational system M·x = b by fraction-free Gaussian elimination
/// (E. H. Bareiss, "Sylvester's identity and multistep integer-preserving Gaussian elimination",
/// Mathematics of Computation 22, 1968).
///
/// Each row of [M | b] is scaled to integers by the least common multiple of its denominators
/// (which does not change the solution). One-step Bareiss elimination then keeps every entry an
/// integer minor of the scaled matrix: the update a′ᵢⱼ = (a_cc·aᵢⱼ − aᵢc·a_cⱼ) / p divides exactly
/// by the previous pivot p, so no gcd is ever taken. The last pivot is ±det, and back
/// substitution on X = det·x stays in integers (Cramer's rule says X is integral); only the k
/// final quotients X_i / det are reduced.
///
/// Used by the LP certificate for large dense bases, where ``RationalLU`` spends most of its time
/// in gcds (a 100x100 zero-sum game's basis: see `certifyBasis`).
///
/// - Complexity: O(k³) big-integer multiplications and exact divisions for a k x k system, on
///   numbers of O(k·(log k + bits per entry)) bits (Hadamard's bound on the minors); O(k²) extra.
///   Singular systems return nil.
enum FractionFreeSolver {
    /// x with M·x = b, M given row-major (`size` x `size`); nil when M is singular.
    static func solve(size k: Int, matrix: [Rational], rhs: [Rational]) -> [Rational]? {
        precondition(matrix.count == k * k && rhs.count == k)
        if k == 0 { return [] }
        let w = k + 1
        // Scaled integer rows of [M | b].
        var a = [BigInt](repeating: 0, count: k * w)
        for i in 0..<k {
            var l = BigInt(1)
            func include(_ q: Rational) {
                let d = q.denominator
                if d != 1 { l = l / l.greatestCommonDivisor(with: d) * d }
            }
            for j in 0..<k where !matrix[i * k + j].isZero { include(matrix[i * k + j]) }
            include(rhs[i])
            for j in 0..<k where !matrix[i * k + j].isZero {
                let q = matrix[i * k + j]
                a[i * w + j] = q.numerator * (l / q.denominator)
            }
            if !rhs[i].isZero { a[i * w + k] = rhs[i].numerator * (l / rhs[i].denominator) }
        }
        var previous = BigInt(1)
        for c in 0..<k {
            // Pivot: the shortest non-zero entry of column c at or below row c.
            var best = -1, bestWidth = Int.max
            for r in c..<k where !a[r * w + c].isZero {
                let width = a[r * w + c].magnitude.bitWidth
                if width < bestWidth { best = r; bestWidth = width }
            }
            guard best >= 0 else { return nil }
            if best != c { for j in c..<w { a.swapAt(c * w + j, best * w + j) } }
            let pivot = a[c * w + c]
            for i in (c + 1)..<k {
                let factor = a[i * w + c]
                a[i * w + c] = 0
                if factor.isZero {
                    // (pivot·aᵢⱼ − 0) / previous: still exact, by Sylvester's identity.
                    if previous == 1 && pivot == 1 { continue }
                    for j in (c + 1)..<w where !a[i * w + j].isZero {
                        a[i * w + j] = (pivot * a[i * w + j]) / previous
                    }
                } else {
                    for j in (c + 1)..<w {
                        let upper = a[c * w + j]
                        let own = a[i * w + j]
                        if upper.isZero && own.isZero { continue }
                        a[i * w + j] = (pivot * own - factor * upper) / previous
                    }
                }
            }
            previous = pivot
        }
        let det = previous
        var big = [BigInt](repeating: 0, count: k)
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = det * a[i * w + k]
            for j in (i + 1)..<k where !a[i * w + j].isZero && !big[j].isZero { s -= a[i * w + j] * big[j] }
            big[i] = s / a[i * w + i]
        }
        return big.map { Rational($0, det) }
    }
}
