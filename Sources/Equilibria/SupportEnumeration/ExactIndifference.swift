import ExactArithmetic
import StrategicGames

/// Exact solutions of the indifference equations of a support pair, in rationals.
///
/// For row support I and column support J, the column strategy y solves
/// `Σ_{j∈J} A[i][j]·y_j = v` for every i ∈ I and `Σ_{j∈J} y_j = 1`, and the row strategy x solves
/// `Σ_{i∈I} B[i][j]·x_i = u` for every j ∈ J and `Σ_{i∈I} x_i = 1` (Nisan et al. 2007, Alg. 3.4).
/// Solved by Gauss–Jordan elimination over `Rational` with rank detection: a solution is returned
/// only when it is unique (the equations determine y and v).
///
/// - Complexity: O(k³) rational operations for supports of size k.
enum ExactIndifference {
    /// The unique solution (weights on `support`, then the value) of
    /// `Σ_s coefficient(e, s)·w_s − value = 0` for each equation e in `equations`, `Σ w_s = 1`;
    /// nil when the system is inconsistent or its solution is not unique.
    static func solve(equations: [Int], support: [Int], coefficient: (Int, Int) -> Rational) -> [Rational]? {
        let rows = equations.count + 1, unknowns = support.count + 1
        let width = unknowns + 1
        var t = [Rational](repeating: .zero, count: rows * width)
        for (r, e) in equations.enumerated() {
            for (c, s) in support.enumerated() { t[r * width + c] = coefficient(e, s) }
            t[r * width + support.count] = -1
        }
        let last = equations.count
        for c in 0..<support.count { t[last * width + c] = .one }
        t[last * width + unknowns] = .one
        var pivotRow = 0
        var pivotColumns = [Int]()
        for c in 0..<unknowns {
            guard let p = (pivotRow..<rows).first(where: { !t[$0 * width + c].isZero }) else { continue }
            if p != pivotRow { for k in 0..<width { t.swapAt(p * width + k, pivotRow * width + k) } }
            let inv = t[pivotRow * width + c].reciprocal
            for k in c..<width { t[pivotRow * width + k] *= inv }
            for r in 0..<rows where r != pivotRow {
                let f = t[r * width + c]
                if f.isZero { continue }
                for k in c..<width { t[r * width + k] -= f * t[pivotRow * width + k] }
            }
            pivotColumns.append(c)
            pivotRow += 1
            if pivotRow == rows { break }
        }
        guard pivotColumns.count == unknowns else { return nil }            // not unique
        for r in pivotRow..<rows where !t[r * width + unknowns].isZero { return nil }  // inconsistent
        return (0..<unknowns).map { t[$0 * width + unknowns] }
    }

    /// The equilibrium with row support `rows` and column support `columns` whose strategies are
    /// determined by the indifference equations on those supports, if it exists and passes the
    /// exact check.
    static func equilibrium(_ game: BimatrixGame, rows: [Int], columns: [Int]) -> Equilibrium? {
        guard !rows.isEmpty, !columns.isEmpty else { return nil }
        let a = game.rowPayoffs, b = game.columnPayoffs
        guard let ySol = solve(equations: rows, support: columns, coefficient: { i, j in a[i, j] }),
              let xSol = solve(equations: columns, support: rows, coefficient: { j, i in b[i, j] }) else { return nil }
        var x = [Rational](repeating: .zero, count: game.rowCount)
        var y = [Rational](repeating: .zero, count: game.columnCount)
        for (k, i) in rows.enumerated() { x[i] = xSol[k] }
        for (k, j) in columns.enumerated() { y[j] = ySol[k] }
        return game.verifiedEquilibrium(row: x, column: y)
    }
}
