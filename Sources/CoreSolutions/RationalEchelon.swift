import ExactArithmetic

/// An exact incremental row echelon form over the rationals: rows `a·z = b` over `columns`
/// unknowns, kept fully reduced (every pivot column is zero in every other row).
///
/// - Complexity: adding or testing a row costs O(rank · columns) rational operations.
struct RationalEchelon {
    let columns: Int
    private(set) var rows: [[Rational]] = []      // each has columns + 1 entries (last = rhs)
    private(set) var pivots: [Int] = []

    init(columns: Int) { self.columns = columns }

    var rank: Int { rows.count }

    enum Outcome { case independent, dependent, inconsistent }

    /// Reduces `row` (columns + 1 entries) against the current rows.
    func reduce(_ row: [Rational]) -> [Rational] {
        var r = row
        for (p, c) in zip(rows, pivots) where !r[c].isZero {
            let f = r[c]
            for j in 0...columns where !p[j].isZero { r[j] -= f * p[j] }
        }
        return r
    }

    /// Adds `a·z = b` when independent; reports whether it was dependent (and then consistent).
    @discardableResult
    mutating func add(_ a: [Rational], _ b: Rational) -> Outcome {
        var r = reduce(a + [b])
        guard let c = (0..<columns).first(where: { !r[$0].isZero }) else {
            return r[columns].isZero ? .dependent : .inconsistent
        }
        let inv = r[c].reciprocal
        for j in 0...columns where !r[j].isZero { r[j] *= inv }
        for k in rows.indices where !rows[k][c].isZero {
            let f = rows[k][c]
            for j in 0...columns where !r[j].isZero { rows[k][j] -= f * r[j] }
        }
        rows.append(r)
        pivots.append(c)
        return .independent
    }

    /// True when the row `a` (without a right-hand side) lies in the span of the rows.
    func spans(_ a: [Rational]) -> Bool {
        let r = reduce(a + [.zero])
        return (0..<columns).allSatisfy { r[$0].isZero }
    }

    /// The unique solution when rank == columns.
    func solution() -> [Rational]? {
        guard rank == columns else { return nil }
        var z = [Rational](repeating: .zero, count: columns)
        for (r, c) in zip(rows, pivots) { z[c] = r[columns] }
        return z
    }
}

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
