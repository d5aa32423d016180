import ExactArithmetic
import BigInt

// MARK: - 128-bit words

/// A divisor for 128-bit exact division: e = 2^shift · odd and odd's inverse modulo 2^128.
struct ExactDivisor128: Sendable {
    let value: Int128
    let shift: Int
    let bits: Int
    let inverse: Int128
    let trusted: Bool

    init(_ e: Int128, bound: Int?) {
        precondition(e != 0)
        value = e
        shift = e.trailingZeroBitCount
        bits = e.magnitude.bitWidthUsed
        inverse = Int128(bitPattern: inverseOdd(UInt128(bitPattern: e >> shift)))
        let s = shift
        trusted = bound.map { $0 + s <= 126 } ?? false
    }
}

extension Int128: PivotInteger {
    init(_ value: Int) { self.init(truncatingIfNeeded: value) }
    init?(exactly value: BigInt) {
        guard value.bitWidth <= 127 else { return nil }
        var r = Int128(0)
        for (k, w) in value.magnitude.words.prefix(2).enumerated() { r |= Int128(w) << (64 * k) }
        self = value.sign == .minus ? -r : r
    }
    var signValue: Int { self < 0 ? -1 : (self == 0 ? 0 : 1) }
    var bigValue: BigInt {
        let m = magnitude
        let b = (BigInt(UInt64(truncatingIfNeeded: m >> 64)) << 64) + BigInt(UInt64(truncatingIfNeeded: m))
        return self < 0 ? -b : b
    }
    var negated: Int128? { self == .min ? nil : -self }
    /// |self| as high word · 2^64 + low word (two conversions and one rounding of the sum,
    /// relative error below 2^-52), then the sign. Summing a signed high word and an unsigned low
    /// word instead cancels for small negative values (Int128(−5) came out as 0.0).
    @inline(__always) var approximation: Double {
        let m = magnitude
        let v = Double(UInt64(truncatingIfNeeded: m >> 64)) * 0x1p64 + Double(UInt64(truncatingIfNeeded: m))
        return self < 0 ? -v : v
    }
    @inline(__always) var magnitudeBitsBound: Int { 129 - (self ^ (self >> 127)).leadingZeroBitCount }
    static var wrappingLimit: Int? { 126 }
    @inline(__always) static func bitsAndShift(_ e: ExactDivisor128) -> (bits: Int, shift: Int, trusted: Bool) { (e.bits, e.shift, e.trusted) }
    @inline(__always)
    static func wrappingExchange(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128, dividingBy e: ExactDivisor128) -> Int128 {
        ((a &* b &- c &* d) &* e.inverse) >> e.shift
    }

    static func divisor(_ e: Int128, bound: Int?) -> ExactDivisor128 { ExactDivisor128(e, bound: bound) }

    @inline(__always)
    static func exchange(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128, dividingBy e: ExactDivisor128) -> Int128? {
        if e.trusted { return ((a &* b &- c &* d) &* e.inverse) >> e.shift }
        let bits = Swift.max(a.magnitude.bitWidthUsed + b.magnitude.bitWidthUsed, c.magnitude.bitWidthUsed + d.magnitude.bitWidthUsed) + 1
        if bits - e.bits + 1 + e.shift <= 126 {
            return ((a &* b &- c &* d) &* e.inverse) >> e.shift
        }
        // Exact 256-bit path.
        let p1 = a.multipliedFullWidth(by: b), p2 = c.multipliedFullWidth(by: d)
        let (lo, borrow) = p1.low.subtractingReportingOverflow(p2.low)
        let hi = p1.high &- p2.high &- (borrow ? 1 : 0)
        let negative = hi < 0
        var mh = UInt128(bitPattern: hi), ml = lo
        if negative { ml = ~ml &+ 1; mh = ~mh &+ (ml == 0 ? 1 : 0) }
        let xbits = mh != 0 ? 128 + mh.bitWidthUsed : ml.bitWidthUsed
        guard xbits - e.bits + 1 <= 126 else { return nil }
        return e.value.dividingFullWidth((high: hi, low: lo)).quotient
    }

    @inline(__always)
    static func compareNonnegativeProducts(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int {
        let x = multiplyFull(a.magnitude, b.magnitude), y = multiplyFull(c.magnitude, d.magnitude)
        return x.hi != y.hi ? (x.hi < y.hi ? -1 : 1) : (x.lo == y.lo ? 0 : (x.lo < y.lo ? -1 : 1))
    }

    @inline(__always)
    static func compareProducts(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int {
        let s1 = a.signValue * b.signValue, s2 = c.signValue * d.signValue
        if s1 != s2 { return s1 < s2 ? -1 : 1 }
        if s1 == 0 { return 0 }
        let x = multiplyFull(a.magnitude, b.magnitude), y = multiplyFull(c.magnitude, d.magnitude)
        let cmp = x.hi != y.hi ? (x.hi < y.hi ? -1 : 1) : (x.lo == y.lo ? 0 : (x.lo < y.lo ? -1 : 1))
        return s1 > 0 ? cmp : -cmp
    }

    @inline(__always)
    static func multiplyAdd(_ acc: Int128, _ k: Int128, _ v: Int128) -> Int128? {
        let (p, o1) = k.multipliedReportingOverflow(by: v)
        let (s, o2) = acc.addingReportingOverflow(p)
        return o1 || o2 || s == .min ? nil : s
    }
}

// MARK: - 256-bit words

/// A signed 256-bit two's-complement integer for tableaux whose minors exceed 2^126 (random
/// games of size 12 and up with three-digit payoffs). Only what integer pivoting needs: wrapping
/// products (exact division is by modular inverse), full 512-bit product comparison.
struct Int256: Sendable, Equatable {
    var hi: Int128
    var lo: UInt128

    @inline(__always) init(hi: Int128, lo: UInt128) { self.hi = hi; self.lo = lo }

    @inline(__always) static func &* (a: Int256, b: Int256) -> Int256 {
        let p = multiplyFull(a.lo, b.lo)
        let h = p.hi &+ (a.lo &* UInt128(bitPattern: b.hi)) &+ (UInt128(bitPattern: a.hi) &* b.lo)
        return Int256(hi: Int128(bitPattern: h), lo: p.lo)
    }

    @inline(__always) static func &- (a: Int256, b: Int256) -> Int256 {
        let (l, borrow) = a.lo.subtractingReportingOverflow(b.lo)
        return Int256(hi: a.hi &- b.hi &- (borrow ? 1 : 0), lo: l)
    }

    @inline(__always) static func &+ (a: Int256, b: Int256) -> Int256 {
        let (l, carry) = a.lo.addingReportingOverflow(b.lo)
        return Int256(hi: a.hi &+ b.hi &+ (carry ? 1 : 0), lo: l)
    }

    @inline(__always) static func >> (a: Int256, t: Int) -> Int256 {
        if t == 0 { return a }
        if t < 128 {
            return Int256(hi: a.hi >> t, lo: (a.lo >> t) | (UInt128(bitPattern: a.hi) << (128 - t)))
        }
        return Int256(hi: a.hi >> 127, lo: UInt128(bitPattern: a.hi >> (t - 128)))
    }

    var isNegative: Bool { hi < 0 }

    /// |self| as two unsigned words (wrong only for the minimum, which pivoting never reaches).
    @inline(__always) var magnitudeWords: (hi: UInt128, lo: UInt128) {
        if hi >= 0 { return (UInt128(bitPattern: hi), lo) }
        let l = ~lo &+ 1
        return (~UInt128(bitPattern: hi) &+ (l == 0 ? 1 : 0), l)
    }

    @inline(__always) var bitsUsed: Int {
        let m = magnitudeWords
        return m.hi != 0 ? 128 + m.hi.bitWidthUsed : m.lo.bitWidthUsed
    }

    var trailingZeroBitCount: Int { lo != 0 ? lo.trailingZeroBitCount : 128 + hi.trailingZeroBitCount }
}

/// A divisor for 256-bit exact division.
struct ExactDivisor256: Sendable {
    let shift: Int
    let bits: Int
    let inverse: Int256
    let trusted: Bool

    init(_ e: Int256, bound: Int?) {
        shift = e.trailingZeroBitCount
        bits = e.bitsUsed
        let odd = e >> shift
        var x = odd, good = 3
        let two = Int256(2)
        while good < 256 { x = x &* (two &- odd &* x); good *= 2 }
        inverse = x
        let s = shift
        trusted = bound.map { $0 + s <= 254 } ?? false
    }
}

extension Int256: PivotInteger {
    init(_ value: Int) { self.init(hi: value < 0 ? -1 : 0, lo: UInt128(truncatingIfNeeded: value)) }

    init?(exactly value: BigInt) {
        guard value.bitWidth <= 254 else { return nil }
        var w = [UInt128](repeating: 0, count: 2)
        for (k, word) in value.magnitude.words.prefix(4).enumerated() { w[k / 2] |= UInt128(word) << (64 * (k % 2)) }
        let m = Int256(hi: Int128(bitPattern: w[1]), lo: w[0])
        self = value.sign == .minus ? Int256(0) &- m : m
    }

    var signValue: Int { hi < 0 ? -1 : (hi == 0 && lo == 0 ? 0 : 1) }

    var bigValue: BigInt {
        let m = magnitudeWords
        var b = BigInt(0)
        for part in [UInt64(truncatingIfNeeded: m.hi >> 64), UInt64(truncatingIfNeeded: m.hi),
                     UInt64(truncatingIfNeeded: m.lo >> 64), UInt64(truncatingIfNeeded: m.lo)] {
            b = (b << 64) + BigInt(part)
        }
        return isNegative ? -b : b
    }

    var negated: Int256? { bitsUsed >= 255 ? nil : Int256(0) &- self }
    @inline(__always) var approximation: Double {
        // The magnitude's words, then the sign (see Int128's: no cancellation for small negatives).
        if hi < 0 {
            let m = Int256(0) &- self                       // Int256.min wraps to itself: still ≈ −2^255
            return m.hi < 0 ? -0x1p255 : -m.approximation
        }
        return Double(hi) * 0x1p128 + Double(UInt64(truncatingIfNeeded: lo >> 64)) * 0x1p64 + Double(UInt64(truncatingIfNeeded: lo))
    }
    /// One more than the bits of x XOR its sign (the one's complement of negative values: no
    /// carry chain), an upper bound on the bits of |x|.
    @inline(__always) var magnitudeBitsBound: Int {
        let s = hi >> 127
        let h = UInt128(bitPattern: hi ^ s), l = lo ^ UInt128(bitPattern: s)
        return 1 + (h != 0 ? 256 - h.leadingZeroBitCount : 128 - l.leadingZeroBitCount)
    }
    static var wrappingLimit: Int? { 254 }
    @inline(__always) static func bitsAndShift(_ e: ExactDivisor256) -> (bits: Int, shift: Int, trusted: Bool) { (e.bits, e.shift, e.trusted) }
    @inline(__always)
    static func wrappingExchange(_ a: Int256, _ b: Int256, _ c: Int256, _ d: Int256, dividingBy e: ExactDivisor256) -> Int256 {
        ((a &* b &- c &* d) &* e.inverse) >> e.shift
    }

    static func divisor(_ e: Int256, bound: Int?) -> ExactDivisor256 { ExactDivisor256(e, bound: bound) }

    @inline(__always)
    static func exchange(_ a: Int256, _ b: Int256, _ c: Int256, _ d: Int256, dividingBy e: ExactDivisor256) -> Int256? {
        if e.trusted { return ((a &* b &- c &* d) &* e.inverse) >> e.shift }
        let bits = Swift.max(a.bitsUsed + b.bitsUsed, c.bitsUsed + d.bitsUsed) + 1
        guard bits - e.bits + 1 + e.shift <= 254 else { return nil }
        return ((a &* b &- c &* d) &* e.inverse) >> e.shift
    }

    /// |x|·|y| as four 128-bit limbs, most significant first.
    @inline(__always)
    static func productMagnitude(_ x: Int256, _ y: Int256) -> (UInt128, UInt128, UInt128, UInt128) {
        let a = x.magnitudeWords, b = y.magnitudeWords
        let ll = multiplyFull(a.lo, b.lo)
        let lh = multiplyFull(a.lo, b.hi)
        let hl = multiplyFull(a.hi, b.lo)
        let hh = multiplyFull(a.hi, b.hi)
        let l0 = ll.lo
        var (l1, c1) = ll.hi.addingReportingOverflow(lh.lo)
        var carry: UInt128 = c1 ? 1 : 0
        (l1, c1) = l1.addingReportingOverflow(hl.lo)
        carry &+= c1 ? 1 : 0
        var (l2, c2) = hh.lo.addingReportingOverflow(lh.hi)
        var carry2: UInt128 = c2 ? 1 : 0
        (l2, c2) = l2.addingReportingOverflow(hl.hi)
        carry2 &+= c2 ? 1 : 0
        (l2, c2) = l2.addingReportingOverflow(carry)
        carry2 &+= c2 ? 1 : 0
        let l3 = hh.hi &+ carry2
        return (l3, l2, l1, l0)
    }

    @inline(__always)
    static func compareProducts(_ a: Int256, _ b: Int256, _ c: Int256, _ d: Int256) -> Int {
        let s1 = a.signValue * b.signValue, s2 = c.signValue * d.signValue
        if s1 != s2 { return s1 < s2 ? -1 : 1 }
        if s1 == 0 { return 0 }
        let x = productMagnitude(a, b), y = productMagnitude(c, d)
        let cmp: Int
        if x.0 != y.0 { cmp = x.0 < y.0 ? -1 : 1 }
        else if x.1 != y.1 { cmp = x.1 < y.1 ? -1 : 1 }
        else if x.2 != y.2 { cmp = x.2 < y.2 ? -1 : 1 }
        else if x.3 != y.3 { cmp = x.3 < y.3 ? -1 : 1 }
        else { cmp = 0 }
        return s1 > 0 ? cmp : -cmp
    }

    @inline(__always)
    static func multiplyAdd(_ acc: Int256, _ k: Int256, _ v: Int256) -> Int256? {
        guard k.bitsUsed + v.bitsUsed <= 253, acc.bitsUsed <= 253 else { return nil }
        return acc &+ k &* v
    }
}

/// The full 256-bit product of two 128-bit words, from four 64×64-bit products.
@inline(__always)
func multiplyFull(_ a: UInt128, _ b: UInt128) -> (hi: UInt128, lo: UInt128) {
    let a0 = UInt64(truncatingIfNeeded: a), a1 = UInt64(truncatingIfNeeded: a >> 64)
    let b0 = UInt64(truncatingIfNeeded: b), b1 = UInt64(truncatingIfNeeded: b >> 64)
    let p00 = a0.multipliedFullWidth(by: b0), p01 = a0.multipliedFullWidth(by: b1)
    let p10 = a1.multipliedFullWidth(by: b0), p11 = a1.multipliedFullWidth(by: b1)
    // middle = p00.high + p01.low + p10.low (up to 66 bits)
    let middle = UInt128(p00.high) &+ UInt128(p01.low) &+ UInt128(p10.low)
    let lo = UInt128(p00.low) | (middle << 64)
    let hi = (UInt128(p11.high) << 64) &+ UInt128(p11.low) &+ UInt128(p01.high) &+ UInt128(p10.high) &+ (middle >> 64)
    return (hi, lo)
}
