
/// An exact incremental row echelon form over the rationals: rows `a·z = b` over `columns`
/// unknowns, kept fully reduced (every pivot column is zero in every other row).
///
/// The library's one elimination over the rationals: the nucleolus' tight-coalition spans, and the
/// exact indifference systems of support enumeration and of Lemke–Howson on fractional payoffs
/// (Gauss–Jordan elimination, one row at a time).
///
/// - Complexity: adding or testing a row costs O(rank · columns) rational operations, so a k x k
///   system costs O(k³).
public struct RationalEchelon: Sendable {
    public let columns: Int
    public private(set) var rows: [[Rational]] = []      // each has columns + 1 entries (last = rhs)
    public private(set) var pivots: [Int] = []

    public init(columns: Int) { self.columns = columns }

    public var rank: Int { rows.count }

    public enum Outcome: Sendable { case independent, dependent, inconsistent }

    /// Reduces `row` (columns + 1 entries) against the current rows.
    public func reduce(_ row: [Rational]) -> [Rational] {
        var r = row
        for (p, c) in zip(rows, pivots) where !r[c].isZero {
            let f = r[c]
            for j in 0...columns where !p[j].isZero { r[j] -= f * p[j] }
        }
        return r
    }

    /// Adds `a·z = b` when independent; reports whether it was dependent (and then consistent).
    @discardableResult
    public mutating func add(_ a: [Rational], _ b: Rational) -> Outcome {
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
    public func spans(_ a: [Rational]) -> Bool {
        let r = reduce(a + [.zero])
        return (0..<columns).allSatisfy { r[$0].isZero }
    }

    /// The unique solution when rank == columns.
    public func solution() -> [Rational]? {
        guard rank == columns else { return nil }
        var z = [Rational](repeating: .zero, count: columns)
        for (r, c) in zip(rows, pivots) { z[c] = r[columns] }
        return z
    }
}
