import BigInt

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
    /// `(a·b − c·d) / e`, where the division is known to be exact; nil on overflow.
    static func exchange(_ a: Self, _ b: Self, _ c: Self, _ d: Self, dividingBy e: Self) -> Self?
    /// The sign of `a·b − c·d`, exactly (never overflows).
    static func compareProducts(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> Int
    /// `acc + k·v`, or nil on overflow.
    static func multiplyAdd(_ acc: Self, _ k: Self, _ v: Self) -> Self?
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

    @inline(__always)
    static func exchange(_ a: Int, _ b: Int, _ c: Int, _ d: Int, dividingBy e: Int) -> Int? {
        let (x, o) = (Int128(a) * Int128(b)).subtractingReportingOverflow(Int128(c) * Int128(d))
        if o { return nil }
        let q: Int128
        if e == 1 { q = x } else { q = x / Int128(e) }
        guard q > Int128(Int.min), q <= Int128(Int.max) else { return nil }
        return Int(truncatingIfNeeded: q)
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
