/// A set of at most 128 small non-negative integers (labels or variable indices) as two words,
/// cheap to hash: the key of a basis and of a vertex's set of tight constraints.
struct LabelSet: Hashable, Sendable, Comparable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    /// The largest element plus one that a set can hold.
    static let capacity = 128

    init() {}

    init<S: Sequence>(_ elements: S) where S.Element == Int {
        for e in elements { insert(e) }
    }

    @inline(__always) mutating func insert(_ i: Int) {
        if i < 64 { low |= 1 &<< UInt64(i) } else { high |= 1 &<< UInt64(i - 64) }
    }

    @inline(__always) mutating func remove(_ i: Int) {
        if i < 64 { low &= ~(1 &<< UInt64(i)) } else { high &= ~(1 &<< UInt64(i - 64)) }
    }

    @inline(__always) func contains(_ i: Int) -> Bool {
        i < 64 ? (low >> UInt64(i)) & 1 == 1 : (high >> UInt64(i - 64)) & 1 == 1
    }

    var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

    func isSuperset(of other: LabelSet) -> Bool {
        low & other.low == other.low && high & other.high == other.high
    }

    func union(_ other: LabelSet) -> LabelSet {
        var s = self
        s.low |= other.low
        s.high |= other.high
        return s
    }

    /// The elements in increasing order.
    var elements: [Int] {
        var out: [Int] = []
        var w = low
        while w != 0 { out.append(w.trailingZeroBitCount); w &= w - 1 }
        w = high
        while w != 0 { out.append(64 + w.trailingZeroBitCount); w &= w - 1 }
        return out
    }

    static func < (a: LabelSet, b: LabelSet) -> Bool { (a.high, a.low) < (b.high, b.low) }
}

/// A hash set of ``LabelSet`` keys by open addressing (linear probing, power-of-two capacity,
/// load ≤ 1/2, the empty set marking a free slot and tracked apart): the visited bases and
/// vertices of a walk. Cheaper than `Set<LabelSet>`, whose per-insert cost is dominated by
/// SipHash seeding and finalisation.
/// - Complexity: O(1) expected per insert; memory 32 to 64 bytes per key.
struct LabelSetTable: Sendable {
    private var slots: [LabelSet]
    private var mask: Int
    private var hasEmptySet = false
    private(set) var count = 0

    init(capacity: Int = 256) {
        var c = 16
        while c < 2 * capacity { c <<= 1 }
        slots = Array(repeating: LabelSet(), count: c)
        mask = c - 1
    }

    @inline(__always) static func hash(_ key: LabelSet) -> UInt64 {
        var h = (key.low ^ (key.high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    /// Inserts `key`; true when it was not there before.
    @inline(__always) mutating func insert(_ key: LabelSet) -> Bool {
        if key.low == 0 && key.high == 0 {
            if hasEmptySet { return false }
            hasEmptySet = true
            count += 1
            return true
        }
        let m = mask
        let fresh: Bool = slots.withUnsafeMutableBufferPointer { s in
            var i = Int(truncatingIfNeeded: Self.hash(key)) & m
            while true {
                let k = s[i]
                if k.low == key.low && k.high == key.high { return false }
                if k.low == 0 && k.high == 0 { s[i] = key; return true }
                i = (i + 1) & m
            }
        }
        guard fresh else { return false }
        count += 1
        if 2 * count > mask { grow() }
        return true
    }

    private mutating func grow() {
        let old = slots
        let c = 2 * (mask + 1)
        slots = Array(repeating: LabelSet(), count: c)
        mask = c - 1
        for k in old where k.low != 0 || k.high != 0 {
            var i = Int(truncatingIfNeeded: Self.hash(k)) & mask
            while slots[i].low != 0 || slots[i].high != 0 { i = (i + 1) & mask }
            slots[i] = k
        }
    }
}

extension LabelSet {
    @inline(__always) init(low: UInt64, high: UInt64) { self.low = low; self.high = high }
}
