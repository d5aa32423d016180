import ExactArithmetic

/// Coalition values collected one by one as a reader meets them, kept in the compact form of
/// ``TUGame``: `Int` numerators over one common denominator, with slot 0 reserved for v(∅) = 0.
///
/// A value that does not fit that form (a numerator or the common denominator of 2^62 or more in
/// magnitude) switches the buffer to exact ``Rational``s for all values; the table is then built
/// through ``TUGame/init(playerNames:values:isCostGame:)``, which reports the offending value
/// exactly as before. Only ``maximumStored`` values are kept; later ones are only counted, so a
/// file with too many values costs no more memory than the largest table.
///
/// - Complexity: ``append(_:)-(Int)`` is amortised O(1). A value whose denominator does not divide
///   the current common denominator rescales the values so far, O(count); the common denominator
///   at least doubles each time and stays below 2^62, so that happens at most 62 times.
///   Memory: 8 bytes per value (capacity grows in powers of two, so a table of 2^n slots ends
///   exactly full), or a `Rational` per value after a switch.
struct CompactValues {
    /// The most values a table can have (2^25 − 1).
    static let maximumStored = (1 << TUGame.maximumTablePlayers) - 1
    /// Magnitudes must stay below this (the limit of ``TUGame``).
    static let limit = 1 << 62

    /// `numerators[k] = v · denominator` for value k − 1 (slot 0 is v(∅) = 0); empty after a
    /// switch to ``exact``.
    private(set) var numerators: [Int]
    private(set) var denominator = 1
    /// All values exactly, once one did not fit the compact form.
    private(set) var exact: [Rational]?
    /// Values seen, including those past ``maximumStored``.
    private(set) var count = 0

    init() { numerators = [0] }

    /// A buffer that will hold `expected` values (memory reserved at once: `expected + 1` slots).
    init(expected: Int) {
        numerators = [0]
        numerators.reserveCapacity(min(expected, Self.maximumStored) + 1)
    }

    /// Appends an integer value.
    @inline(__always)
    mutating func append(_ v: Int) {
        if denominator == 1, exact == nil, v > -Self.limit, v < Self.limit, count < Self.maximumStored {
            if numerators.count == numerators.capacity { grow() }
            numerators.append(v)
            count += 1
        } else {
            append(Rational(v))
        }
    }

    /// Appends an exact value.
    mutating func append(_ r: Rational) {
        defer { count += 1 }
        guard count < Self.maximumStored else { return }
        if exact != nil { exact!.append(r); return }
        guard let (n, d) = r.smallParts else { switchToExact(); exact!.append(r); return }
        if denominator % d != 0 {
            let g = greatestCommonDivisor(denominator, d)
            let (common, o) = (denominator / g).multipliedReportingOverflow(by: d)
            guard !o, common < Self.limit, rescale(by: common / denominator) else {
                switchToExact(); exact!.append(r); return
            }
            denominator = common
        }
        let (scaled, o) = n.multipliedReportingOverflow(by: denominator / d)
        guard !o, scaled > -Self.limit, scaled < Self.limit else { switchToExact(); exact!.append(r); return }
        if numerators.count == numerators.capacity { grow() }
        numerators.append(scaled)
    }

    /// Value k (0-based, k < stored count), exactly.
    func value(_ k: Int) -> Rational {
        if let exact { return exact[k] }
        return Rational(numerators[k + 1], denominator)
    }

    /// Capacity to the next power of two, so a table of 2^n slots fills its buffer exactly.
    private mutating func grow() {
        var c = 16
        while c <= numerators.count { c <<= 1 }
        numerators.reserveCapacity(c)
    }

    /// Multiplies every numerator by `factor`, or returns false (changing nothing) when one
    /// would leave the compact range.
    private mutating func rescale(by factor: Int) -> Bool {
        var largest = 0
        for x in numerators where x.magnitude > largest.magnitude { largest = x }
        let (m, o) = largest.magnitude.multipliedReportingOverflow(by: UInt(factor))
        guard !o, m < UInt(Self.limit) else { return false }
        for k in numerators.indices { numerators[k] *= factor }
        return true
    }

    private mutating func switchToExact() {
        var all: [Rational] = []
        all.reserveCapacity(numerators.count - 1)
        for k in 1..<numerators.count { all.append(Rational(numerators[k], denominator)) }
        exact = all
        numerators = []
        denominator = 1
    }

    /// The game these values make, listed in `order`, when `count` is `2^n − 1`.
    ///
    /// - Throws: ``TUGameError`` from ``TUGame`` when the values do not fit its table.
    /// - Complexity: O(2^n); a lex order needs a second table for the permutation.
    mutating func table(players n: Int, order: CoalitionOrder, names: [String]) throws -> TUGame {
        precondition(count == (1 << n) - 1 && count <= Self.maximumStored)
        if let exact {
            var ordered = exact
            if order == .lex { for (k, mask) in order.masks(players: n).enumerated() { ordered[mask - 1] = exact[k] } }
            return try TUGame(playerNames: names, values: ordered)
        }
        var table = numerators
        numerators = []
        if order == .lex {
            var permuted = [Int](repeating: 0, count: table.count)
            var k = 1
            CoalitionOrder.forEachLexMask(players: n) { mask in permuted[mask] = table[k]; k += 1 }
            table = permuted
        }
        return TUGame(unchecked: names, numerators: table, denominator: denominator, isCostGame: false)
    }
}

extension CoalitionOrder {
    /// Calls `body` with the bitmask of each non-empty coalition of `n` players in lex order
    /// (by size, then lexicographically), without building the list.
    /// - Complexity: O(n·2^n) time, O(n) memory.
    static func forEachLexMask(players n: Int, _ body: (Int) -> Void) {
        guard n >= 1 else { return }
        var c = [Int](repeating: 0, count: n)
        for k in 1...n {
            for i in 0..<k { c[i] = i }
            while true {
                var mask = 0
                for i in 0..<k { mask |= 1 << c[i] }
                body(mask)
                var i = k - 1
                while i >= 0 && c[i] == n - k + i { i -= 1 }
                if i < 0 { break }
                c[i] += 1
                for j in (i + 1)..<k { c[j] = c[j - 1] + 1 }
            }
        }
    }
}
