import BigInt

// MARK: - 128-bit words

/// A divisor for 128-bit exact division: e = 2^shift · odd and odd's inverse modulo 2^128.
struct ExactDivisor128: Sendable {
    let value: Int128
    let shift: Int
    let bits: Int
    let inverse: Int128

    init(_ e: Int128) {
        precondition(e != 0)
        value = e
        shift = e.trailingZeroBitCount
        bits = e.magnitude.bitWidthUsed
        inverse = Int128(bitPattern: inverseOdd(UInt128(bitPattern: e >> shift)))
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

    static func divisor(_ e: Int128) -> ExactDivisor128 { ExactDivisor128(e) }

    @inline(__always)
    static func exchange(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128, dividingBy e: ExactDivisor128) -> Int128? {
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
    static func compareProducts(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int {
        let x = a.multipliedFullWidth(by: b), y = c.multipliedFullWidth(by: d)
        if x.high != y.high { return x.high < y.high ? -1 : 1 }
        return x.low == y.low ? 0 : (x.low < y.low ? -1 : 1)
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
        let p = a.lo.multipliedFullWidth(by: b.lo)
        let h = p.high &+ (a.lo &* UInt128(bitPattern: b.hi)) &+ (UInt128(bitPattern: a.hi) &* b.lo)
        return Int256(hi: Int128(bitPattern: h), lo: p.low)
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

    init(_ e: Int256) {
        shift = e.trailingZeroBitCount
        bits = e.bitsUsed
        let odd = e >> shift
        var x = odd, good = 3
        let two = Int256(2)
        while good < 256 { x = x &* (two &- odd &* x); good *= 2 }
        inverse = x
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

    static func divisor(_ e: Int256) -> ExactDivisor256 { ExactDivisor256(e) }

    @inline(__always)
    static func exchange(_ a: Int256, _ b: Int256, _ c: Int256, _ d: Int256, dividingBy e: ExactDivisor256) -> Int256? {
        let bits = Swift.max(a.bitsUsed + b.bitsUsed, c.bitsUsed + d.bitsUsed) + 1
        guard bits - e.bits + 1 + e.shift <= 254 else { return nil }
        return ((a &* b &- c &* d) &* e.inverse) >> e.shift
    }

    /// |x|·|y| as four 128-bit limbs, most significant first.
    @inline(__always)
    static func productMagnitude(_ x: Int256, _ y: Int256) -> (UInt128, UInt128, UInt128, UInt128) {
        let a = x.magnitudeWords, b = y.magnitudeWords
        let ll = a.lo.multipliedFullWidth(by: b.lo)
        let lh = a.lo.multipliedFullWidth(by: b.hi)
        let hl = a.hi.multipliedFullWidth(by: b.lo)
        let hh = a.hi.multipliedFullWidth(by: b.hi)
        let l0 = ll.low
        var (l1, c1) = ll.high.addingReportingOverflow(lh.low)
        var carry: UInt128 = c1 ? 1 : 0
        (l1, c1) = l1.addingReportingOverflow(hl.low)
        carry &+= c1 ? 1 : 0
        var (l2, c2) = hh.low.addingReportingOverflow(lh.high)
        var carry2: UInt128 = c2 ? 1 : 0
        (l2, c2) = l2.addingReportingOverflow(hl.high)
        carry2 &+= c2 ? 1 : 0
        (l2, c2) = l2.addingReportingOverflow(carry)
        carry2 &+= c2 ? 1 : 0
        let l3 = hh.high &+ carry2
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
