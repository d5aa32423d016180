import ExactArithmetic
import StrategicGames

extension BimatrixGenerators {
    /// A covariance game (Rinott & Scarsini, "On the number of pure strategy Nash equilibria in
    /// random games", Games and Economic Behavior 33, 2000): at every pure profile the pair of
    /// payoffs is drawn independently from the bivariate standard normal distribution with
    /// correlation ρ.
    ///
    /// ρ = −1 gives a zero-sum game, ρ = 0 independent payoffs, ρ = 1 a common-interest game
    /// (A = B). Steps: for each cell draw two independent normals (X, Z) by the polar method,
    /// set a = X and b = ρ·X + √(1−ρ²)·Z, round both to `decimals` decimal digits (halves away
    /// from zero, so ρ = −1 gives exactly B = −A and ρ = 1 exactly B = A).
    ///
    /// Draw order: cells row by row, one polar pair per cell.
    /// - Parameters:
    ///   - correlation: ρ in [−1, 1].
    ///   - decimals: digits kept, 1...9 (default 3).
    /// - Complexity: O(m·n).
    public static func covariance(rows: Int, columns: Int, correlation: Double, decimals: Int = 3,
                                  seed: UInt64) throws -> BimatrixGame {
        try checkShape(rows, columns)
        guard correlation.isFinite, (-1.0...1.0).contains(correlation) else {
            throw GeneratorError.invalidParameter("the correlation must be in [-1, 1] (got \(correlation))")
        }
        guard (1...9).contains(decimals) else {
            throw GeneratorError.invalidParameter("decimal digits must be in 1...9 (got \(decimals))")
        }
        var rng = SplitMix64(seed: seed)
        let cells = rows * columns
        let rest = (1 - correlation * correlation).squareRoot()
        var a = [Rational](), b = [Rational]()
        a.reserveCapacity(cells); b.reserveCapacity(cells)
        for _ in 0..<cells {
            let (x, z) = Sampling.normalPair(&rng)
            a.append(Sampling.roundedDecimal(x, decimals: decimals))
            b.append(Sampling.roundedDecimal(correlation * x + rest * z, decimals: decimals))
        }
        return game("covariance \(rows)x\(columns) rho \(correlation) seed \(seed)",
                    "covariance game (Rinott-Scarsini), correlation \(correlation), \(decimals) decimals",
                    a, b, rows: rows, columns: columns)
    }
}
