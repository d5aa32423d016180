import ExactArithmetic

/// A floating-point orthonormal basis of a row space, for quick "is this 0/1 vector in the span"
/// screens (exact confirmation happens in ``RationalEchelon``).
struct FloatSpan {
    let dimension: Int
    private(set) var basis: [[Double]] = []
    init(dimension: Int) { self.dimension = dimension }

    func residual(_ v: [Double]) -> [Double] {
        var r = v
        for _ in 0..<2 {                       // Gram–Schmidt twice for stability
            for b in basis {
                var d = 0.0
                for j in 0..<dimension { d += r[j] * b[j] }
                for j in 0..<dimension { r[j] -= d * b[j] }
            }
        }
        return r
    }

    func contains(_ v: [Double]) -> Bool {
        let r = residual(v)
        let norm = r.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let scale = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm <= Tolerance.zero * max(scale, 1)
    }

    /// `contains(indicator(mask, dimension))` without allocating: the residual lives in a
    /// temporary buffer.
    func containsIndicator(_ mask: Int) -> Bool {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(dimension, 1)) { r in
            var scale = 0.0
            for j in 0..<dimension {
                let bit = Double(mask >> j & 1)
                r[j] = bit
                scale += bit
            }
            for _ in 0..<2 {                   // Gram–Schmidt twice, as in `residual`
                for b in basis {
                    b.withUnsafeBufferPointer { bp in
                        var d = 0.0
                        for j in 0..<dimension { d += r[j] * bp[j] }
                        for j in 0..<dimension { r[j] -= d * bp[j] }
                    }
                }
            }
            var norm = 0.0
            for j in 0..<dimension { norm += r[j] * r[j] }
            return norm.squareRoot() <= Tolerance.zero * max(scale.squareRoot(), 1)
        }
    }

    mutating func add(_ v: [Double]) {
        let r = residual(v)
        let norm = r.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > Tolerance.zero else { return }
        basis.append(r.map { $0 / norm })
    }

    static func indicator(_ mask: Int, _ n: Int) -> [Double] { (0..<n).map { mask >> $0 & 1 == 1 ? 1 : 0 } }
}

/// The 0/1 indicator of a coalition as rationals.
func indicator(_ mask: Int, _ n: Int) -> [Rational] { (0..<n).map { mask >> $0 & 1 == 1 ? Rational.one : Rational.zero } }
