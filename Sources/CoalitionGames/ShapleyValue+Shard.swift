import ExactArithmetic
import Sharding

/// One shard's share of the exact Shapley and Banzhaf sweep over a coalition table: the integer
/// sums a(i, k) = Σ v(S) over the coalitions S ∋ i of size k in its block of the table (see
/// ``CoalitionValues``). The sums of all shards add up to the whole table's, so the merge is exact.
public struct CoalitionSumsPart: Sendable, Equatable {
    public var players: Int
    /// The table's common denominator (v(S) = numerator / denominator).
    public var denominator: Int
    /// The coalition masks (bitmask order) this shard summed.
    public var masks: Range<Int>
    /// a(i, k), flattened as i·(n+1) + k.
    public var sums: [Int128]
    public init(players: Int, denominator: Int, masks: Range<Int>, sums: [Int128]) {
        self.players = players; self.denominator = denominator; self.masks = masks; self.sums = sums
    }
}

extension TUGame {
    /// One shard of the exact Shapley/Banzhaf sweep.
    ///
    /// Split rule: the 2ⁿ coalitions in bitmask order (S = Σ 2^i over members i) are cut into k
    /// contiguous blocks, shard i summing masks ``Shard/block(of:)`` of 2ⁿ (sizes differ by at
    /// most one mask; every mask costs about n/2 additions, so the blocks are balanced).
    ///
    /// - Complexity: O(n·2ⁿ/k) integer additions, on `jobs` threads.
    public func shapleyAndBanzhafShard(_ shard: Shard, jobs: Int? = nil) -> CoalitionSumsPart {
        let n = playerCount
        let maxAbs = numerators.lazy.map(\.magnitude).max() ?? 0
        let bits = UInt.bitWidth - maxAbs.leadingZeroBitCount
        let masks = shard.block(of: numerators.count)
        let a: [Int128] = bits + n + 1 < 63 ? accumulate(Int64.self, jobs: jobs, masks: masks) : accumulate(Int128.self, jobs: jobs, masks: masks)
        return CoalitionSumsPart(players: n, denominator: denominator, masks: masks, sums: a)
    }

    /// The exact values of the whole table from the parts of all its shards (sums added, then
    /// combined as in ``shapleyAndBanzhaf(jobs:)``): equal to the unsharded values.
    /// - Precondition: the parts are of one game (same players and denominator) and their
    ///   blocks partition the table (the caller checks the part set).
    public static func mergeShapleyAndBanzhaf(_ parts: [CoalitionSumsPart]) -> CoalitionValues {
        let n = parts[0].players
        var sums = [Int128](repeating: 0, count: n * (n + 1))
        for p in parts { for j in sums.indices { sums[j] += p.sums[j] } }
        return values(fromSums: sums, players: n, denominator: parts[0].denominator)
    }

    /// The game's hash (SHA-256 of its players' names, then its denominator and numerators in
    /// bitmask order, as decimal text): parts merge only when their games hash alike.
    /// - Complexity: O(2ⁿ).
    public var contentHash: String {
        var h = SHA256()
        h.update("tu-game\n\(playerCount)\n")
        for name in playerNames { h.update(name); h.update([0]) }
        h.update("\(denominator)\n")
        for v in numerators { h.update(String(v)); h.update([10]) }
        return h.finalize()
    }
}
