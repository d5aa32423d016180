import ExactArithmetic
import StrategicGames

extension BimatrixGenerators {
    /// A two-player ranking game (Goldberg, Goldberg, Krysta & Ventre, "Ranking games that have
    /// competitiveness-based strategies", Theoretical Computer Science 476, 2013), as generated
    /// by QuantEcon's `ranking_game`: each player picks one of n effort levels; level l has a
    /// score and a cost, both increasing in l. The higher score wins the prize 1, a tie splits
    /// it (1/2 each), and each player's payoff is its prize minus its cost.
    ///
    /// Steps: for player 1 then player 2, scores are cumulative sums of n uniform integers in
    /// 1...steps; then for player 1 then player 2, the costs of levels 1...n−1 are cumulative sums
    /// of n−1 uniform integers in 1...steps divided by n·steps (level 0 costs 0; every cost ≤ 1).
    /// - Parameters: n ≥ 1 effort levels; steps ≥ 1.
    /// - Complexity: O(n²).
    public static func ranking(size n: Int, steps: Int = 10, seed: UInt64) throws -> BimatrixGame {
        try checkShape(n, n)
        guard (1...1_000_000).contains(steps) else { throw GeneratorError.invalidParameter("steps must be in 1...1000000 (got \(steps))") }
        var rng = SplitMix64(seed: seed)
        func cumulative(_ count: Int) -> [Int] {
            var total = 0
            return (0..<count).map { _ in total += rng.uniform(1...steps); return total }
        }
        let scores = [cumulative(n), cumulative(n)]
        let costs = [cumulative(n - 1), cumulative(n - 1)].map { c in
            [Rational.zero] + c.map { Rational($0, n * steps) }
        }
        var a = [Rational](), b = [Rational]()
        a.reserveCapacity(n * n); b.reserveCapacity(n * n)
        let half = Rational(1, 2)
        for i in 0..<n {
            for j in 0..<n {
                let (prizeRow, prizeColumn): (Rational, Rational) =
                    scores[0][i] > scores[1][j] ? (.one, .zero) : scores[0][i] < scores[1][j] ? (.zero, .one) : (half, half)
                a.append(prizeRow - costs[0][i])
                b.append(prizeColumn - costs[1][j])
            }
        }
        return game("ranking \(n)x\(n) seed \(seed)", "ranking game, score and cost steps in 1...\(steps)",
                    a, b, rows: n, columns: n)
    }
}
