import BigInt

/// An exact rational number `numerator / denominator`, always reduced, denominator positive.
///
/// Payoffs typed by users (integers, decimals such as `0.25`, fractions such as `-3/7`) are kept
/// exactly. Arithmetic runs on a fast path in `Int` and detects overflow with the
/// `…ReportingOverflow` operations; only when a result does not fit does it fall back to
/// arbitrary-precision integers (`BigInt`, about 100–300x slower per multiply on this hardware).
/// A value is stored in the small form whenever both parts fit in `Int`, so the representation
/// is canonical and `==`/`hash(into:)` compare storage directly.
///
/// - Complexity: O(1) per operation on the `Int` path (plus a gcd, O(log n) steps); the big path
///   costs O(k²) for k-word operands.
public struct Rational: Sendable, Hashable {
    @usableFromInline
    enum Storage: Sendable, Hashable {
        case small(Int, Int)          // numerator, denominator > 0, gcd = 1
        case big(BigParts)            // same invariant, and at least one part does not fit in Int
    }

    @usableFromInline let storage: Storage

    @inlinable init(storage: Storage) { self.storage = storage }

    /// Zero.
    public static let zero = Rational(storage: .small(0, 1))
    /// One.
    public static let one = Rational(storage: .small(1, 1))

    /// The integer `value`.
    @inlinable public init(_ value: Int) { storage = .small(value, 1) }

    /// The integer `value` (any size).
    public init(_ value: BigInt) { self = Rational.normalized(value, 1) }

    /// `numerator / denominator`, reduced.
    /// - Precondition: `denominator != 0`.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "Rational with zero denominator")
        self = Rational.reducedSmall(numerator, denominator) ?? Rational.normalized(BigInt(numerator), BigInt(denominator))
    }

    /// `numerator / denominator` from big integers, reduced.
    /// - Precondition: `denominator != 0`.
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "Rational with zero denominator")
        // One Euclidean step first: BigInt's binary gcd takes time in proportion to the larger
        // number's bits times its words (0.2 s for 10^9444 against 1440000, a 12-byte "1e9444/144e4"
        // in a game file, found by FuzzCSV); the remainder is no larger than the smaller number.
        let g: BigInt
        if numerator.isZero {
            g = BigInt(denominator.magnitude)
        } else if numerator.magnitude >= denominator.magnitude {
            g = denominator.greatestCommonDivisor(with: numerator % denominator)
        } else {
            g = numerator.greatestCommonDivisor(with: denominator % numerator)
        }
        var n = numerator / g, d = denominator / g
        if d.sign == .minus { n.negate(); d.negate() }
        self = Rational.normalized(n, d)
    }

    /// The exact value of a finite `Double` (every finite double is a dyadic rational).
    /// Returns nil for NaN and infinities.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        if value == 0 { self = .zero; return }
        let exponent = value.exponent
        let significand = value.significandBitPattern | (value.isNormal ? (1 << 52) : 0)
        // value = ±significand * 2^(exponent - 52) for normal numbers.
        let shift = value.isNormal ? Int(exponent) - 52 : -1074
        var n = BigInt(significand)
        var d = BigInt(1)
        if shift >= 0 { n <<= shift } else { d <<= -shift }
        if value < 0 { n.negate() }
        self.init(n, d)
    }

    // MARK: Parts

    /// The numerator (carries the sign).
    public var numerator: BigInt {
        switch storage { case .small(let n, _): return BigInt(n); case .big(let b): return b.numerator }
    }

    /// The denominator, always positive.
    public var denominator: BigInt {
        switch storage { case .small(_, let d): return BigInt(d); case .big(let b): return b.denominator }
    }

    /// Numerator and denominator as `Int` when both fit.
    @inlinable public var smallParts: (numerator: Int, denominator: Int)? {
        if case .small(let n, let d) = storage { return (n, d) }
        return nil
    }

    /// True when the value is an integer.
    public var isInteger: Bool {
        switch storage { case .small(_, let d): return d == 1; case .big(let b): return b.denominator == 1 }
    }

    @inlinable public var isZero: Bool {
        if case .small(let n, _) = storage { return n == 0 }
        return false
    }

    /// -1, 0 or 1.
    public var signum: Int {
        switch storage {
        case .small(let n, _): return n.signum()
        case .big(let b): return b.numerator.sign == .minus ? -1 : 1
        }
    }

    /// The nearest `Double` (correctly rounded for small parts, close for big ones).
    public var doubleValue: Double {
        switch storage {
        case .small(let n, let d): return Double(n) / Double(d)
        case .big(let b):
            let n = b.numerator, d = b.denominator
            // q = n·2^k / d carries 64 significant bits; the value is q·2^−k.
            let k = d.magnitude.bitWidth - n.magnitude.bitWidth + 64
            let q = k >= 0 ? (n << k) / d : n / (d << -k)
            return Double(sign: .plus, exponent: -k, significand: Double(q))
        }
    }

    // MARK: Normalisation

    /// Reduces `n/d` in `Int`; nil when that cannot be done without overflow (Int.min cases).
    @usableFromInline
    static func reducedSmall(_ n: Int, _ d: Int) -> Rational? {
        if n == .min || d == .min { return nil }
        if n == 0 { return .zero }
        let g = greatestCommonDivisor(n, d)
        var nn = n / g, dd = d / g
        if dd < 0 { nn = -nn; dd = -dd }
        return Rational(storage: .small(nn, dd))
    }

    /// Wraps already-reduced big parts, choosing the small form when both fit.
    static func normalized(_ n: BigInt, _ d: BigInt) -> Rational {
        if let sn = Int(exactly: n), let sd = Int(exactly: d), sn != .min, sd != .min {
            return Rational(storage: .small(sn, sd))
        }
        return Rational(storage: .big(BigParts(n, d)))
    }

    var bigParts: (BigInt, BigInt) {
        switch storage {
        case .small(let n, let d): return (BigInt(n), BigInt(d))
        case .big(let b): return (b.numerator, b.denominator)
        }
    }
}

/// The parts of a rational that does not fit in `Int`, boxed so that `Rational` stays three
/// words: copying a payoff matrix then costs a retain for big entries and nothing for small ones.
@usableFromInline
final class BigParts: Sendable, Hashable {
    let numerator: BigInt
    let denominator: BigInt
    init(_ numerator: BigInt, _ denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }
    @usableFromInline static func == (a: BigParts, b: BigParts) -> Bool {
        a.numerator == b.numerator && a.denominator == b.denominator
    }
    @usableFromInline func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}

// MARK: - Arithmetic

extension Rational: AdditiveArithmetic, Numeric, SignedNumeric {
    public typealias Magnitude = Rational
    public typealias IntegerLiteralType = Int

    public init(integerLiteral value: Int) { self.init(value) }

    public init?<T: BinaryInteger>(exactly source: T) {
        self.init(BigInt(source))
    }

    public var magnitude: Rational { signum < 0 ? -self : self }

    public static prefix func - (x: Rational) -> Rational {
        if case .small(let n, let d) = x.storage, n != .min { return Rational(storage: .small(-n, d)) }
        let (n, d) = x.bigParts
        return normalized(-n, d)
    }

    public mutating func negate() { self = -self }

    public static func + (a: Rational, b: Rational) -> Rational {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            if ad == 1 && bd == 1 {
                let (s, o) = an.addingReportingOverflow(bn)
                if !o, s != .min { return Rational(storage: .small(s, 1)) }
            } else if let r = smallSum(an, ad, bn, bd) {
                return r
            }
        }
        let (an, ad) = a.bigParts, (bn, bd) = b.bigParts
        return Rational(an * bd + bn * ad, ad * bd)
    }

    @usableFromInline
    static func smallSum(_ an: Int, _ ad: Int, _ bn: Int, _ bd: Int) -> Rational? {
        // a/b + c/d with g = gcd(b, d): (a*(d/g) + c*(b/g)) / (b/g*d), then reduce by gcd with g.
        let g = greatestCommonDivisor(ad, bd)
        let (x, o1) = an.multipliedReportingOverflow(by: bd / g)
        let (y, o2) = bn.multipliedReportingOverflow(by: ad / g)
        let (num, o3) = x.addingReportingOverflow(y)
        let (den, o4) = (ad / g).multipliedReportingOverflow(by: bd)
        if o1 || o2 || o3 || o4 { return nil }
        return reducedSmall(num, den)
    }

    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    public static func * (a: Rational, b: Rational) -> Rational {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            // Cross-reduce first so the products stay small.
            let g1 = greatestCommonDivisor(an, bd), g2 = greatestCommonDivisor(bn, ad)
            let n1 = g1 == 0 ? an : an / g1, d2 = g1 == 0 ? bd : bd / g1
            let n2 = g2 == 0 ? bn : bn / g2, d1 = g2 == 0 ? ad : ad / g2
            let (n, o1) = n1.multipliedReportingOverflow(by: n2)
            let (d, o2) = d1.multipliedReportingOverflow(by: d2)
            if !o1 && !o2 && n != .min && d != .min {
                return n == 0 ? .zero : Rational(storage: .small(n, d))
            }
        }
        let (an, ad) = a.bigParts, (bn, bd) = b.bigParts
        return Rational(an * bn, ad * bd)
    }

    /// - Precondition: `b != 0`.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "Rational division by zero")
        return a * b.reciprocal
    }

    /// `1 / self`. - Precondition: `self != 0`.
    public var reciprocal: Rational {
        switch storage {
        case .small(let n, let d):
            precondition(n != 0, "Rational division by zero")
            return n < 0 ? Rational(storage: .small(-d, -n)) : Rational(storage: .small(d, n))
        case .big(let b):
            let n = b.numerator, d = b.denominator
            return n.sign == .minus ? Rational.normalized(-d, -n) : Rational.normalized(d, n)
        }
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }
    public static func /= (a: inout Rational, b: Rational) { a = a / b }
}

// MARK: - Order

extension Rational: Comparable {
    public static func < (a: Rational, b: Rational) -> Bool {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            if ad == bd { return an < bn }
            let (x, o1) = an.multipliedReportingOverflow(by: bd)
            let (y, o2) = bn.multipliedReportingOverflow(by: ad)
            if !o1 && !o2 { return x < y }
        }
        let (an, ad) = a.bigParts, (bn, bd) = b.bigParts
        return an * bd < bn * ad
    }
}

// MARK: - Text

extension Rational: CustomStringConvertible, LosslessStringConvertible {
    /// `"3"`, `"-1/3"`: the exact form used in every output of GameSolve.
    public var description: String {
        switch storage {
        case .small(let n, let d): return d == 1 ? "\(n)" : "\(n)/\(d)"
        case .big(let b): return b.denominator == 1 ? "\(b.numerator)" : "\(b.numerator)/\(b.denominator)"
        }
    }

    /// Parses an integer (`-12`), a decimal (`0.25`, `.5`, `1e-3`, `2.5E+2`) or a fraction
    /// (`3/7`, `-3/7`), exactly. Returns nil for anything else.
    public init?(_ text: String) {
        guard let value = Rational.parse(Substring(text)) else { return nil }
        self = value
    }

    /// See ``init(_:)-(String)``.
    /// - Complexity: O(length of the text); integers and decimals of at most 18 digits are read in
    ///   `Int` without allocating (``parse(utf8:from:to:)``).
    public static func parse(_ text: Substring) -> Rational? {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ parse(utf8: $0, from: 0, to: $0.count) }) {
            return fast
        }
        return parseArbitrary(text)
    }

    /// The largest decimal exponent a number may carry (`1e999`, `5E-999`): 10^±999 is far beyond
    /// any payoff, and larger numbers written in a few bytes would cost quadratic big-integer time
    /// to print (a 15-byte `5e9681` has 9,682 digits). Readers name this limit in their errors.
    public static let maximumDecimalExponent = 999

    /// The exact value of the UTF-8 bytes `bytes[start..<end]` (same syntax as ``init(_:)-(String)``),
    /// or nil when they are not a number. Readers call this on their file buffers directly.
    ///
    /// Integers and decimals of at most 18 significant digits (the common case in game files)
    /// are accumulated in `Int`; longer numbers and exponents go through BigInt.
    /// - Complexity: O(end − start).
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Rational? {
        guard start < end else { return nil }
        var slash = -1
        var i = start
        while i < end {
            if bytes[i] == UInt8(ascii: "/") { slash = i; break }
            i += 1
        }
        if slash >= 0 {
            guard let n = parseDecimal(bytes, slash: start, slash), let d = parseDecimal(bytes, slash: slash + 1, end), !d.isZero else {
                return nil
            }
            return n / d
        }
        return parseDecimal(bytes, slash: start, end)
    }

    private static let powersOfTen: [Int] = {
        var p = [1]
        for _ in 1...18 { p.append(p[p.count - 1] * 10) }
        return p
    }()

    /// One decimal number (no slash) from bytes, in `Int` when it fits; BigInt otherwise.
    @inline(__always)
    private static func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>, slash start: Int, _ end: Int) -> Rational? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if bytes[i] == UInt8(ascii: "+") { i += 1 }
        var value = 0
        var digits = 0, fractionDigits = 0
        var seenPoint = false, anyDigit = false
        while i < end {
            let c = bytes[i]
            if c >= 48 && c <= 57 {
                anyDigit = true
                if digits > 0 || c != 48 { digits += 1 }   // leading zeros do not count
                if digits > 18 { return slowDecimal(bytes, start, end) }
                value = value &* 10 &+ Int(c &- 48)
                if seenPoint { fractionDigits += 1 }
                if fractionDigits > 18 { return slowDecimal(bytes, start, end) }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                return slowDecimal(bytes, start, end)
            } else {
                return nil
            }
            i += 1
        }
        guard anyDigit else { return nil }   // "." and "-" alone are not numbers
        if negative { value = -value }
        return fractionDigits == 0 ? Rational(value) : Rational(value, powersOfTen[fractionDigits])
    }

    private static func slowDecimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Rational? {
        parseDecimal(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)))
    }

    /// The arbitrary-precision reader behind ``parse(_:)`` (used for non-contiguous text).
    private static func parseArbitrary(_ text: Substring) -> Rational? {
        if let slash = text.firstIndex(of: "/") {
            guard let n = parseDecimal(text[..<slash]), let d = parseDecimal(text[text.index(after: slash)...]),
                  !d.isZero else { return nil }
            return n / d
        }
        return parseDecimal(text)
    }

    private static func parseDecimal(_ text: Substring) -> Rational? {
        var chars = text.utf8[...]
        guard !chars.isEmpty else { return nil }
        var negative = false
        if chars.first == UInt8(ascii: "-") { negative = true; chars = chars.dropFirst() }
        else if chars.first == UInt8(ascii: "+") { chars = chars.dropFirst() }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false, seenDigit = false
        var exponent = 0
        while let c = chars.first {
            if c >= 48 && c <= 57 {
                digits.append(c); seenDigit = true
                if seenPoint { fractionDigits += 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if (c == UInt8(ascii: "e") || c == UInt8(ascii: "E")) && seenDigit {
                chars = chars.dropFirst()
                guard let e = Int(Substring(chars)), abs(e) <= Rational.maximumDecimalExponent else { return nil }
                exponent = e
                chars = chars[chars.endIndex...]
                break
            } else {
                return nil
            }
            chars = chars.dropFirst()
        }
        guard seenDigit else { return nil }
        let scale = exponent - fractionDigits
        var n: Rational
        if digits.count <= 18, let v = Int(String(decoding: digits, as: UTF8.self)) {
            n = Rational(v)
        } else {
            guard let v = BigInt(String(decoding: digits, as: UTF8.self)) else { return nil }
            n = Rational(v)
        }
        if scale != 0 {
            let p = Rational(BigInt(10).power(abs(scale)))
            n = scale > 0 ? n * p : n / p
        }
        return negative ? -n : n
    }
}

extension Rational: Codable {
    /// Encoded as its exact string (`"1/3"`); decodes strings, integers and doubles (doubles
    /// exactly, as the dyadic rational they are).
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let s = try? container.decode(String.self), let r = Rational(s) { self = r; return }
        if let i = try? container.decode(Int.self) { self = Rational(i); return }
        if let d = try? container.decode(Double.self), let r = Rational(exactly: d) { self = r; return }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a number or a string like \"1/3\"")
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
