import ExactArithmetic
import StrategicGames

extension BimatrixGenerators {
    /// The game of Sandholm, Gilpin & Conitzer ("Mixed-integer programming methods for finding
    /// Nash equilibria", AAAI 2005), a worst case for support enumeration: (4k−1)×(4k−1), with a
    /// unique Nash equilibrium in which both players mix uniformly over their first 2k−1
    /// strategies (payoffs 3/4 each). Layout as in QuantEcon's `sgc_game` (payoffs in [0, 1]).
    ///
    /// With m = 2k−1 and indices mod m in the top-left block:
    /// - A: in the top-left m×m block 3/4 except A[i][i−1] = 1 and A[i][i+1] = 1/2; rows i < m
    ///   against columns j ≥ m get 1/2; rows i ≥ m get 0 except A[i][i] = 3/4.
    /// - B: in the top-left block 3/4 except B[i][i+1] = 1 and B[i+1][i] = 1/2; rows i ≥ m
    ///   against columns j < m give 1/2; columns j ≥ m against rows i < m give 0; in the
    ///   bottom-right block B pairs strategies m+2h and m+2h+1 crosswise (B[m+2h][m+2h+1] =
    ///   B[m+2h+1][m+2h] = 3/4), else 0.
    ///
    /// Deterministic (no seed). - Parameter k: ≥ 2 (k = 1 has no cycle of length ≥ 3).
    /// - Complexity: O(k²).
    public static func sandholmGilpinConitzer(k: Int) throws -> BimatrixGame {
        guard k >= 2 else { throw GeneratorError.invalidParameter("the Sandholm-Gilpin-Conitzer game needs k >= 2 (got \(k))") }
        let n = 4 * k - 1
        try checkShape(n, n)
        let m = 2 * k - 1
        let one = Rational.one, half = Rational(1, 2), threeQuarters = Rational(3, 4)
        var a = Matrix(rows: n, columns: n, repeating: Rational.zero)
        var b = Matrix(rows: n, columns: n, repeating: Rational.zero)
        for i in 0..<m {
            for j in 0..<m { a[i, j] = threeQuarters; b[i, j] = threeQuarters }
            for j in m..<n { a[i, j] = half; b[j, i] = half }
        }
        for i in 0..<m {
            a[i, (i + m - 1) % m] = one
            a[i, (i + 1) % m] = half
            b[(i + m - 1) % m, i] = one
            b[(i + 1) % m, i] = half
        }
        for h in 0..<k {
            let s = m + 2 * h
            a[s, s] = threeQuarters
            a[s + 1, s + 1] = threeQuarters
            b[s, s + 1] = threeQuarters
            b[s + 1, s] = threeQuarters
        }
        return try BimatrixGame(title: "sandholm-gilpin-conitzer k=\(k) (\(n)x\(n))",
                                comment: "Sandholm-Gilpin-Conitzer game: unique equilibrium uniform on the first \(m) strategies of each player",
                                rowPayoffs: a, columnPayoffs: b)
    }
}
