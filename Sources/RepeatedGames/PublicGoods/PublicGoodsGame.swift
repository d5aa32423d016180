import ExactArithmetic

/// A strategy of the repeated N-player public goods game: contribute (1) or keep (0) each round.
///
/// - `always-contribute`, `never-contribute`.
/// - `conditional:k`: contribute in round 1, then if at least k of the other players contributed
///   in the previous round (conditional cooperation, Fischbacher, Gächter & Fehr 2001).
/// - `threshold-grim:k`: contribute until a round in which fewer than k others contributed, then
///   never again.
public enum PublicGoodsStrategy: Sendable, Hashable, CustomStringConvertible {
    case alwaysContribute
    case neverContribute
    case conditional(Int)
    case thresholdGrim(Int)

    public init(parsing text: String) throws(RepeatedGameError) {
        let parts = text.trimmingWhitespace.split(separator: ":", maxSplits: 1).map(String.init)
        func k() throws(RepeatedGameError) -> Int {
            guard parts.count == 2, let k = Int(parts[1]), k >= 0 else {
                throw .badStrategy("'\(text)' needs a non-negative whole number of other contributors, e.g. \(parts.first ?? ""):2")
            }
            return k
        }
        switch parts.first ?? "" {
        case "always-contribute" where parts.count == 1: self = .alwaysContribute
        case "never-contribute" where parts.count == 1: self = .neverContribute
        case "conditional": self = .conditional(try k())
        case "threshold-grim": self = .thresholdGrim(try k())
        default:
            throw .badStrategy("unknown public-goods strategy '\(text)' (known: always-contribute, never-contribute, conditional:k, threshold-grim:k)")
        }
    }

    public var description: String {
        switch self {
        case .alwaysContribute: "always-contribute"
        case .neverContribute: "never-contribute"
        case .conditional(let k): "conditional:\(k)"
        case .thresholdGrim(let k): "threshold-grim:\(k)"
        }
    }
}

/// The repeated linear public goods game (Isaac & Walker 1988, "Group size effects in public
/// goods provision", QJE 103): each of N players holds 1 per round and contributes it or not; the
/// contributions are multiplied by r and shared equally, so a player's round payoff is
/// r·(contributors)/N − (1 if it contributed). With 1 < r < N keeping is dominant in every round,
/// although all contributing gives r − 1 > 0 to each: the tragedy of the commons.
///
/// Plays one group, streaming (each player keeps one flag; the group keeps last round's count),
/// with each decision flipped with probability `noise` (seeded SplitMix64).
///
/// - Complexity: O(rounds · N) time, O(N) memory.
public enum PublicGoodsGame {
    public struct Result: Sendable, Hashable {
        /// Each player's total payoff, exactly.
        public let payoffs: [Rational]
        /// Rounds in which each player contributed.
        public let contributions: [Int]
        public let rounds: Int
    }

    public static func play(_ players: [PublicGoodsStrategy], multiplier r: Rational, rounds: Int,
                            noise: Rational = .zero, seed: UInt64 = 0) throws(RepeatedGameError) -> Result {
        let n = players.count
        guard n >= 2 else { throw .badStrategy("a public goods game needs at least 2 players") }
        guard rounds >= 1 else { throw .badStrategy("the number of rounds must be at least 1") }
        guard noise >= .zero && noise <= .one else { throw .badStrategy("the noise must be a probability in [0, 1]") }
        var rng = SplitMix64(seed: seed)
        let flip = noise.doubleValue
        var grimTriggered = [Bool](repeating: false, count: n)
        var lastContributed = [Bool](repeating: false, count: n)
        var lastCount = 0
        var contributions = [Int](repeating: 0, count: n)
        var totalContributors = 0          // Σ over rounds of the number of contributors
        for round in 0..<rounds {
            var now = [Bool](repeating: false, count: n)
            for i in 0..<n {
                let others = lastCount - (lastContributed[i] ? 1 : 0)
                var c: Bool
                switch players[i] {
                case .alwaysContribute: c = true
                case .neverContribute: c = false
                case .conditional(let k): c = round == 0 || others >= k
                case .thresholdGrim(let k):
                    if round > 0 && others < k { grimTriggered[i] = true }
                    c = !grimTriggered[i]
                }
                if flip > 0 && rng.unitDouble() < flip { c.toggle() }
                now[i] = c
            }
            lastCount = now.filter { $0 }.count
            totalContributors += lastCount
            for i in 0..<n where now[i] { contributions[i] += 1 }
            lastContributed = now
        }
        // Payoff_i = r·(Σ contributors)/N − contributions_i, summed over rounds.
        let shared = r * Rational(totalContributors) / Rational(n)
        return Result(payoffs: contributions.map { shared - Rational($0) }, contributions: contributions, rounds: rounds)
    }
}
