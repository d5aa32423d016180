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
