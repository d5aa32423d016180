import ExactArithmetic
import StrategicGames

extension BimatrixGenerators {
    /// A unit-vector game (Savani & von Stengel, "Unit vector games", International Journal of
    /// Economic Theory 12, 2016): every column of the row player's matrix A is a unit vector
    /// (one 1, the rest 0); the column player's payoffs B are uniform decimals in [0, 1).
    ///
    /// Steps: draw B row by row; then for each column j draw the row r_j of its 1. The row
    /// player's only best reply to column j is r_j, so (r_j, j) is a pure equilibrium exactly when
    /// B[r_j][j] is the largest entry of row r_j of B. With `avoidPureNash`, B is redrawn until
    /// every column j has a row i with B[i][j] below row i's maximum, and r_j is redrawn until it
    /// is such a row; then the game has no pure equilibrium.
    /// - Parameters: n ≥ 1 (n ≥ 2 with `avoidPureNash`); decimals 1...9 (default 3).
    /// - Complexity: O(n²) expected.
    public static func unitVector(size n: Int, avoidPureNash: Bool = false, decimals: Int = 3,
                                  seed: UInt64) throws -> BimatrixGame {
        try checkShape(n, n)
        guard (1...9).contains(decimals) else {
            throw GeneratorError.invalidParameter("decimal digits must be in 1...9 (got \(decimals))")
        }
        if avoidPureNash && n < 2 { throw GeneratorError.invalidParameter("cannot avoid pure equilibria with n = 1") }
        var rng = SplitMix64(seed: seed)
        var b: [Rational] = []
        var rowsWithRoom: [[Bool]] = []
        while true {
            b = (0..<(n * n)).map { _ in Sampling.unitDecimal(&rng, decimals: decimals) }
            guard avoidPureNash else { break }
            // suboptimal[i][j]: in row i, column j is not the column player's best reply.
            rowsWithRoom = (0..<n).map { i in
                let row = b[(i * n)..<((i + 1) * n)]
                let best = row.max()!
                return row.map { $0 < best }
            }
            // Every column needs some row in which it is not a best reply.
            if (0..<n).allSatisfy({ j in (0..<n).contains { rowsWithRoom[$0][j] } }) { break }
        }
        var a = [Rational](repeating: .zero, count: n * n)
        for j in 0..<n {
            var i = rng.uniform(0...(n - 1))
            if avoidPureNash { while !rowsWithRoom[i][j] { i = rng.uniform(0...(n - 1)) } }
            a[i * n + j] = .one
        }
        return game("unit-vector \(n)x\(n) seed \(seed)",
                    "unit-vector game\(avoidPureNash ? " without pure equilibria" : ""), column payoffs decimals with \(decimals) digits",
                    a, b, rows: n, columns: n)
    }
}
