import BigInt
import ExactArithmetic

/// The integer arithmetic of fraction-free (Bareiss–Edmonds) pivoting, as a protocol so one
/// tableau runs in machine words when the entries are small and in wider integers otherwise.
///
/// Every tableau entry of an integer pivoting scheme is (up to sign) a minor of the original
/// integer constraint matrix, so a Hadamard bound on those minors (``PivotArithmetic``) picks the
/// narrowest type that cannot overflow. Implementations still report overflow (`nil`) instead of
/// trapping, and the solver restarts in the next wider type when that happens.
protocol PivotInteger: Sendable, Equatable {
    /// The value of a machine integer.
    init(_ value: Int)
    /// The value of a big integer, or nil when it does not fit.
    init?(exactly value: BigInt)
    /// -1, 0 or 1.
    var signValue: Int { get }
    /// The exact value.
    var bigValue: BigInt { get }
    /// The negation, or nil on overflow.
    var negated: Self? { get }
    /// A divisor prepared once per pivot (e.g. its inverse modulo the word size).
    associatedtype Divisor
    /// `bound`: log2 of a bound on every minor (every value the tableau can hold), or nil.
    static func divisor(_ e: Self, bound: Int?) -> Divisor
    /// `(a·b − c·d) / e`, where the division is known to be exact; nil on overflow.
    static func exchange(_ a: Self, _ b: Self, _ c: Self, _ d: Self, dividingBy e: Divisor) -> Self?
    /// The sign of `a·b − c·d`, exactly (never overflows).
    static func compareProducts(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> Int
    /// `acc + k·v`, or nil on overflow.
    static func multiplyAdd(_ acc: Self, _ k: Self, _ v: Self) -> Self?
    /// The sign of `a·b − c·d` when all four are ≥ 0.
    static func compareNonnegativeProducts(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> Int
    /// The value rounded to a `Double`, within a relative error of 2^-52, or NaN (a cheap
    /// prefilter for comparisons; exact comparisons decide whenever it is inconclusive).
    var approximation: Double { get }

    /// An upper bound (exact or one more) on the number of bits of |self|; cheap.
    var magnitudeBitsBound: Int { get }
    /// For fixed-width types: `wrappingExchange` is exact whenever the quotient times
    /// 2^shift of the divisor has fewer than this many bits. nil: no wrapping path.
    static var wrappingLimit: Int? { get }
    /// The bit length and the power of two dividing the divisor (for the row-wise overflow test),
    /// and whether the Hadamard bound alone already proves every exchange exact.
    static func bitsAndShift(_ e: Divisor) -> (bits: Int, shift: Int, trusted: Bool)
    /// `(a·b − c·d) / e` in wrapping arithmetic: exact when the quotient times 2^shift fits
    /// `wrappingLimit` bits (the caller has checked that), garbage otherwise.
    static func wrappingExchange(_ a: Self, _ b: Self, _ c: Self, _ d: Self, dividingBy e: Divisor) -> Self
}

extension PivotInteger {
    static func compareNonnegativeProducts(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> Int { compareProducts(a, b, c, d) }
    static var wrappingLimit: Int? { nil }
    static func bitsAndShift(_ e: Divisor) -> (bits: Int, shift: Int, trusted: Bool) { (0, 0, false) }
    static func wrappingExchange(_ a: Self, _ b: Self, _ c: Self, _ d: Self, dividingBy e: Divisor) -> Self {
        exchange(a, b, c, d, dividingBy: e)!
    }
}

/// Thrown inside the solver when an integer type overflows; the solver retries wider.
struct PivotOverflow: Error {}

// MARK: - Machine words (products in Int128)

extension Int: PivotInteger {
    init?(exactly value: BigInt) {
        guard value > BigInt(Int.min), value <= BigInt(Int.max) else { return nil }
        self = Int(truncatingIfNeeded: value)
    }
    var signValue: Int { signum() }
    var bigValue: BigInt { BigInt(self) }
    var negated: Int? { self == .min ? nil : -self }
    @inline(__always) var approximation: Double { Double(self) }
    @inline(__always) var magnitudeBitsBound: Int { 65 - (self ^ (self >> 63)).leadingZeroBitCount }
    static var wrappingLimit: Int? { 62 }
    @inline(__always) static func bitsAndShift(_ e: ExactDivisor<UInt64>) -> (bits: Int, shift: Int, trusted: Bool) { (e.bits, e.shift, e.trusted) }
    @inline(__always)
    static func wrappingExchange(_ a: Int, _ b: Int, _ c: Int, _ d: Int, dividingBy e: ExactDivisor<UInt64>) -> Int {
        ((a &* b &- c &* d) &* Int(bitPattern: UInt(e.inverse))) >> e.shift
    }

    static func divisor(_ e: Int, bound: Int?) -> ExactDivisor<UInt64> { ExactDivisor(e, bound: bound, limit: 62) }

    @inline(__always)
    static func exchange(_ a: Int, _ b: Int, _ c: Int, _ d: Int, dividingBy e: ExactDivisor<UInt64>) -> Int? {
        // Fast path: when the quotient times 2^t provably fits, the low word of a·b − c·d times
        // the inverse of e's odd part is exact (Jebelean's exact division).
        if e.trusted {
            return ((a &* b &- c &* d) &* Int(bitPattern: UInt(e.inverse))) >> e.shift
        }
        let bits = Swift.max(a.magnitude.bitWidthUsed + b.magnitude.bitWidthUsed, c.magnitude.bitWidthUsed + d.magnitude.bitWidthUsed) + 1
        if bits - e.bits + 1 + e.shift <= 62 {
            let y = (a &* b &- c &* d) &* Int(bitPattern: UInt(e.inverse))
            return y >> e.shift
        }
        let (x, o) = (Int128(a) * Int128(b)).subtractingReportingOverflow(Int128(c) * Int128(d))
        if o { return nil }
        let q = x / Int128(e.value)
        guard q > Int128(Int.min), q <= Int128(Int.max) else { return nil }
        return Int(truncatingIfNeeded: q)
    }

    @inline(__always)
    static func compareNonnegativeProducts(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Int {
        let x = UInt(bitPattern: a).multipliedFullWidth(by: UInt(bitPattern: b))
        let y = UInt(bitPattern: c).multipliedFullWidth(by: UInt(bitPattern: d))
        if x.high != y.high { return x.high < y.high ? -1 : 1 }
        return x.low == y.low ? 0 : (x.low < y.low ? -1 : 1)
    }

    @inline(__always)
    static func compareProducts(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Int {
        let x = Int128(a) * Int128(b), y = Int128(c) * Int128(d)
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    @inline(__always)
    static func multiplyAdd(_ acc: Int, _ k: Int, _ v: Int) -> Int? {
        let (p, o1) = k.multipliedReportingOverflow(by: v)
        let (s, o2) = acc.addingReportingOverflow(p)
        return o1 || o2 || s == .min ? nil : s
    }
}

// MARK: - Arbitrary precision

extension BigInt: PivotInteger {
    init?(exactly value: BigInt) { self = value }
    var signValue: Int { self.sign == .minus ? -1 : (self.isZero ? 0 : 1) }
    var bigValue: BigInt { self }
    var negated: BigInt? { -self }
    /// NaN: every comparison goes to the exact path (a double could overflow here).
    var approximation: Double { .nan }
    var magnitudeBitsBound: Int { magnitude.bitWidth }

    static func divisor(_ e: BigInt, bound: Int?) -> BigInt { e }

    static func exchange(_ a: BigInt, _ b: BigInt, _ c: BigInt, _ d: BigInt, dividingBy e: BigInt) -> BigInt? {
        let x = a * b - c * d
        return e == 1 ? x : x / e
    }

    static func compareProducts(_ a: BigInt, _ b: BigInt, _ c: BigInt, _ d: BigInt) -> Int {
        let x = a * b, y = c * d
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    static func multiplyAdd(_ acc: BigInt, _ k: BigInt, _ v: BigInt) -> BigInt? { acc + k * v }
}

// MARK: - Exact division by a modular inverse

extension FixedWidthInteger where Self: UnsignedInteger {
    /// Bits needed for the value (0 for 0).
    @inline(__always) var bitWidthUsed: Int { Self.bitWidth - leadingZeroBitCount }
}

/// A divisor e = 2^shift · odd, with the inverse of `odd` modulo 2^W: for x divisible by e,
/// x / e · 2^shift ≡ x · inverse (mod 2^W) (T. Jebelean, "An algorithm for exact division",
/// J. Symbolic Computation 15, 1993).
struct ExactDivisor<W: FixedWidthInteger & UnsignedInteger>: Sendable where W: Sendable {
    let value: Int
    let shift: Int
    let bits: Int
    let inverse: W
    /// True when every quotient times 2^shift provably fits (so no per-entry checks are needed).
    let trusted: Bool

    init(_ e: Int, bound: Int?, limit: Int) {
        precondition(e != 0)
        value = e
        shift = e.trailingZeroBitCount
        bits = e.magnitude.bitWidthUsed
        inverse = inverseOdd(W(truncatingIfNeeded: e >> shift))
        let s = shift
        trusted = bound.map { $0 + s <= limit } ?? false
    }
}
