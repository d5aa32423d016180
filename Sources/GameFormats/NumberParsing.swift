import ExactArithmetic

/// Exact parsing of payoffs straight from file bytes.
///
/// Accepts an integer (`-12`, `+3`), a decimal (`0.25`, `.5`, `3.`, with an optional exponent
/// `1e-3`) or a fraction of two such numbers (`3/7`, `-1/3`). The common cases (integers and
/// decimals of at most 18 digits) are parsed in `Int` without allocating; anything else falls back
/// to ``Rational/parse(_:)`` (arbitrary precision).
///
/// - Complexity: O(length of the text).
enum NumberParsing {
    /// The exact value of `bytes[range]`, or nil when it is not a number.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Rational? {
        guard start < end else { return nil }
        var slash = -1
        var i = start
        while i < end {
            if bytes[i] == UInt8(ascii: "/") { slash = i; break }
            i += 1
        }
        if slash >= 0 {
            guard let n = parseDecimal(bytes, start, slash), let d = parseDecimal(bytes, slash + 1, end), !d.isZero else {
                return nil
            }
            return n / d
        }
        return parseDecimal(bytes, start, end)
    }

    /// Same as ``parse(_:_:_:)`` for an array.
    static func parse(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Rational? {
        bytes.withUnsafeBufferPointer { parse($0, start, end) }
    }

    /// Same for a string.
    static func parse(_ text: String) -> Rational? {
        let b = Array(text.utf8)
        return parse(b, 0, b.count)
    }

    /// True when `bytes[range]` is a fraction whose denominator is zero (for a clearer message).
    static func isZeroDenominator(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard let slash = bytes[start..<end].firstIndex(of: UInt8(ascii: "/")) else { return false }
        return bytes.withUnsafeBufferPointer { parseDecimal($0, slash + 1, end)?.isZero ?? false }
    }

    private static let powersOfTen: [Int] = {
        var p = [1]
        for _ in 1...18 { p.append(p[p.count - 1] * 10) }
        return p
    }()

    @inline(__always)
    private static func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Rational? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if bytes[i] == UInt8(ascii: "+") { i += 1 }
        var value = 0
        var digits = 0, fractionDigits = 0
        var seenPoint = false
        while i < end {
            let c = bytes[i]
            if c >= 48 && c <= 57 {
                if digits > 0 || c != 48 { digits += 1 }   // leading zeros do not count
                if digits > 18 { return slowPath(bytes, start, end) }
                value = value * 10 + Int(c - 48)
                if seenPoint { fractionDigits += 1 }
                if fractionDigits > 18 { return slowPath(bytes, start, end) }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                return slowPath(bytes, start, end)
            } else {
                return nil
            }
            i += 1
        }
        // At least one digit somewhere ("." and "-" alone are not numbers).
        var anyDigit = false
        for k in start..<end where bytes[k] >= 48 && bytes[k] <= 57 { anyDigit = true; break }
        guard anyDigit else { return nil }
        if negative { value = -value }
        return fractionDigits == 0 ? Rational(value) : Rational(value, powersOfTen[fractionDigits])
    }

    private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Rational? {
        Rational.parse(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)))
    }
}
