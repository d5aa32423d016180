import CoalitionGames
import ExactArithmetic

/// Random TU games, seeded with SplitMix64 so that every game is replayable from its seed.
///
/// The five types follow Benedek, Fliege & Nguyen, "Finding and verifying the nucleolus of
/// cooperative games", Math. Programming 190 (2021) 135–170, §6 (and the README of their code):
/// 1. v({i}) = 0; v(S) uniform integer in [1, 100|S|] for 2 ≤ |S| < n; v(N) uniform in [100(n−2), 100n].
/// 2. v({i}) = 0; v(S) uniform integer in [1, 50n] otherwise (N included).
/// 3. v(S) = 0 for |S| < n − 2; v(S) = 1 with probability 0.9 for n − 2 ≤ |S| ≤ n − 1; v(N) = 1.
/// 4. v({i}) = 0; v(S) uniform integer in [1, n] otherwise.
/// 5. Weighted voting (n ≥ 7): wⱼ = ⌊(n − 3)/2⌋ for j ≤ 5, wⱼ = 1 otherwise, q = 4w₁ + n − 4.
/// Our random streams differ from their C `rand()`, so the games have the same distribution, not
/// the same values.
public enum TUGenerators {
    /// A BNF game of `type` (1...5) with `players` players.
    /// - Throws: ``TUGameError`` for a type outside 1...5, type 5 with n < 7, or n above the table limit.
    /// - Complexity: O(2^n).
    public static func benedekFliegeNguyen(type: Int, players n: Int, seed: UInt64) throws -> TUGame {
        try TUGame.checkTableSize(n)
        guard (1...5).contains(type) else { throw TUGameError.invalidRule("BNF game types are 1 to 5, got \(type)") }
        if type == 5 {
            guard n >= 7 else { throw TUGameError.invalidRule("BNF type 5 needs at least 7 players") }
            let w1 = (n - 3) / 2
            let weights = (0..<n).map { $0 < 5 ? Rational(w1) : Rational(1) }
            return try CoalitionRule.weightedVoting(quota: Rational(4 * w1 + n - 4), weights: weights).table()
        }
        var rng = SplitMix64(seed: seed)
        let full = (1 << n) - 1
        var table = [Int](repeating: 0, count: full + 1)
        for s in 1...full {
            let k = s.nonzeroBitCount
            switch type {
            case 1:
                table[s] = k == 1 ? 0 : (s == full ? rng.uniform((100 * (n - 2))...(100 * n)) : rng.uniform(1...(100 * k)))
            case 2:
                table[s] = k == 1 ? 0 : rng.uniform(1...(50 * n))
            case 3:
                if s == full { table[s] = 1 } else if k >= n - 2 { table[s] = rng.uniform(0...9) < 9 ? 1 : 0 }
            default:
                table[s] = k == 1 ? 0 : rng.uniform(1...n)
            }
        }
        return try TUGame(playerNames: TUGame.defaultNames(n), numerators: table)
    }

    /// A weighted voting game with integer weights uniform in `weights` and quota ⌊W/2⌋ + 1
    /// (simple majority of the total weight W), or `quotaFraction` of W rounded up.
    public static func weightedVoting(players n: Int, weights: ClosedRange<Int> = 1...100, quotaFraction: Rational? = nil,
                                      seed: UInt64) -> CoalitionRule {
        var rng = SplitMix64(seed: seed)
        let w = (0..<n).map { _ in rng.uniform(weights) }
        let total = w.reduce(0, +)
        var q = total / 2 + 1
        if let f = quotaFraction {
            let x = f * Rational(total)
            q = Int((x.numerator + x.denominator - 1) / x.denominator)
        }
        return .weightedVoting(quota: Rational(max(q, 1)), weights: w.map { Rational($0) })
    }

    /// A bankruptcy game with integer claims uniform in `claims` and an estate uniform between
    /// 1 and the total claim.
    public static func bankruptcy(players n: Int, claims: ClosedRange<Int> = 1...100, seed: UInt64) -> CoalitionRule {
        var rng = SplitMix64(seed: seed)
        let c = (0..<n).map { _ in rng.uniform(claims) }
        let estate = rng.uniform(1...max(1, c.reduce(0, +)))
        return .bankruptcy(estate: Rational(estate), claims: c.map { Rational($0) })
    }
}
