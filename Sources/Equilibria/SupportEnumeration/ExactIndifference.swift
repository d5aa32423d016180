import ExactArithmetic
import StrategicGames

/// Exact solutions of the indifference equations of a support pair, in rationals.
///
/// For row support I and column support J, the column strategy y solves
/// `Σ_{j∈J} A[i][j]·y_j = v` for every i ∈ I and `Σ_{j∈J} y_j = 1`, and the row strategy x solves
/// `Σ_{i∈I} B[i][j]·x_i = u` for every j ∈ J and `Σ_{i∈I} x_i = 1` (Nisan et al. 2007, Alg. 3.4).
/// Solved by the library's rational elimination (``RationalEchelon``) with rank detection: a
/// solution is returned only when it is unique (the equations determine y and v).
///
/// - Complexity: O(k³) rational operations for supports of size k.
enum ExactIndifference {
    /// The unique solution (weights on `support`, then the value) of
    /// `Σ_s coefficient(e, s)·w_s − value = 0` for each equation e in `equations`, `Σ w_s = 1`;
    /// nil when the system is inconsistent or its solution is not unique.
    static func solve(equations: [Int], support: [Int], coefficient: (Int, Int) -> Rational) -> [Rational]? {
        let k = support.count
        var system = RationalEchelon(columns: k + 1)
        for e in equations {
            var row = support.map { coefficient(e, $0) }
            row.append(-.one)
            if system.add(row, .zero) == .inconsistent { return nil }
        }
        if system.add([Rational](repeating: .one, count: k) + [.zero], .one) == .inconsistent { return nil }
        return system.solution()                                        // nil when not unique
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
