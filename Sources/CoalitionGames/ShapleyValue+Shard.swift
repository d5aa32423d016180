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

    /// The game's hash: 128 bits (two independent 64-bit lanes of multiply–xor–rotate mixing,
    /// the finaliser of SplitMix64 after each word) over its players' names, denominator and
    /// numerators in bitmask order; parts merge only when their games hash alike. Not a
    /// cryptographic hash (it guards against mixing up games, not against forgery): SHA-256 of
    /// a 2²⁴-coalition table took 4 s, longer than the Shapley sweep itself, this takes 0.03 s.
    /// - Complexity: O(2ⁿ).
    public var contentHash: String {
        var a: UInt64 = 0x243F_6A88_85A3_08D3, b: UInt64 = 0x1319_8A2E_0370_7344
        @inline(__always) func mix(_ z0: UInt64) -> UInt64 {
            var z = z0
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        @inline(__always) func add(_ w: UInt64) {
            a = mix(a ^ w) &+ 0x9E37_79B9_7F4A_7C15
            b = mix((b &+ w) ^ 0xD6E8_FEB8_6659_FD93).rotateLeft(17)
        }
        var names = SHA256()
        for name in playerNames { names.update(name); names.update([0]) }
        for (k, c) in names.finalize().utf8.enumerated() { add(UInt64(c) &+ UInt64(k) << 8) }
        add(UInt64(playerCount)); add(UInt64(bitPattern: Int64(denominator)))
        for v in numerators { add(UInt64(bitPattern: Int64(v))) }
        add(UInt64(numerators.count))
        func hex(_ x: UInt64) -> String { let h = String(x, radix: 16); return String(repeating: "0", count: 16 - h.count) + h }
        return hex(a) + hex(b)
    }
}

extension UInt64 {
    @inline(__always) func rotateLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
