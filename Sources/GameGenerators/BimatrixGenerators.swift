import ExactArithmetic
import StrategicGames

/// Seeded generators of two-player games, each deterministic for its seed on every machine
/// (``SplitMix64`` and exact rational payoffs; see each generator for its draw order).
///
/// Families follow QuantEcon's `game_generators` and the papers they cite: uniform random,
/// zero-sum, covariance (Rinott–Scarsini), Sandholm–Gilpin–Conitzer, tournament (Anbalagan et
/// al.), unit-vector (Savani–von Stengel) and ranking (Goldberg et al.) games.
public enum BimatrixGenerators {
    /// Largest number of payoff cells (m·n) a generator will build.
    public static let maximumCells = 4_000_000

    static func checkShape(_ rows: Int, _ columns: Int) throws {
        guard rows >= 1, columns >= 1 else {
            throw GeneratorError.invalidParameter("a game needs at least one strategy per player (got \(rows)x\(columns))")
        }
        let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, cells <= maximumCells else {
            throw GeneratorError.tooLarge("a \(rows)x\(columns) game has more than \(maximumCells) payoff cells")
        }
    }

    static func game(_ title: String, _ comment: String, _ a: [Rational], _ b: [Rational],
                     rows: Int, columns: Int) -> BimatrixGame {
        // Shapes are checked by the callers, so construction cannot fail.
        try! BimatrixGame(title: title, comment: comment,
                          rowPayoffs: Matrix(rows: rows, columns: columns, storage: a),
                          columnPayoffs: Matrix(rows: rows, columns: columns, storage: b))
    }

    // MARK: Uniform random and zero-sum

    /// A game whose 2·m·n payoffs are independent uniform draws.
    ///
    /// Draw order: A row by row, then B row by row, from `SplitMix64(seed:)`.
    /// - Parameters:
    ///   - rows: m ≥ 1; columns: n ≥ 1 (m·n ≤ ``maximumCells``).
    ///   - payoffs: integers from a range or decimals in [0, 1).
    /// - Complexity: O(m·n).
    /// - Note: with few distinct payoff values ties are likely and the game may be degenerate.
    public static func uniformRandom(rows: Int, columns: Int, payoffs: PayoffDistribution = .standard,
                                     seed: UInt64) throws -> BimatrixGame {
        try checkShape(rows, columns)
        try payoffs.validate()
        var rng = SplitMix64(seed: seed)
        let cells = rows * columns
        let a = (0..<cells).map { _ in payoffs.sample(&rng) }
        let b = (0..<cells).map { _ in payoffs.sample(&rng) }
        return game("random \(rows)x\(columns) seed \(seed)", "uniform random game, \(payoffs.label)",
                    a, b, rows: rows, columns: columns)
    }

    /// A zero-sum game: A uniform random, B = −A.
    ///
    /// Draw order: A row by row.
    /// - Complexity: O(m·n).
    public static func zeroSum(rows: Int, columns: Int, payoffs: PayoffDistribution = .standard,
                               seed: UInt64) throws -> BimatrixGame {
        try checkShape(rows, columns)
        try payoffs.validate()
        var rng = SplitMix64(seed: seed)
        let a = (0..<(rows * columns)).map { _ in payoffs.sample(&rng) }
        return game("zero-sum \(rows)x\(columns) seed \(seed)", "zero-sum game, row payoffs \(payoffs.label)",
                    a, a.map { -$0 }, rows: rows, columns: columns)
    }
}
