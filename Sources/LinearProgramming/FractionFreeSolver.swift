import BigInt
import ExactArithmetic

/// Exact solution of a square rational system M·x = b without fractions: each row of [M | b] is
/// scaled to integers by the least common multiple of its denominators (which does not change the
/// solution), then solved by ``FractionFreeSolve`` (Bareiss elimination, Int128 first, big
/// integers from the first overflow; no gcd until the k final quotients).
///
/// Used by the LP certificate for large dense bases, where ``RationalLU`` spends most of its time
/// in gcds (a 100x100 zero-sum game's basis: see `certifyBasis`).
///
/// - Complexity: O(k²) lcm steps for the scaling, then ``FractionFreeSolve``'s O(k³).
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
        guard let (numerators, denominator) = FractionFreeSolve.solve(size: k, entry: { r, c in a[r * w + c] },
                                                                       rhs: { r in a[r * w + k] }) else { return nil }
        return numerators.map { Rational($0, denominator) }
    }
}
