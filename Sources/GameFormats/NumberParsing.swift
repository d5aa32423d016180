import ExactArithmetic

/// Exact parsing of payoffs straight from file bytes: a thin layer over
/// ``Rational/parse(utf8:from:to:)`` (integers, decimals with optional exponent, fractions; `Int`
/// without allocating for up to 18 digits, BigInt beyond).
///
/// - Complexity: O(length of the text).
enum NumberParsing {
    /// The exact value of `bytes[range]`, or nil when it is not a number.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Rational? {
        Rational.parse(utf8: bytes, from: start, to: end)
    }

    /// Same as ``parse(_:_:_:)`` for an array.
    static func parse(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Rational? {
        bytes.withUnsafeBufferPointer { parse($0, start, end) }
    }

    /// Same for a string.
    static func parse(_ text: String) -> Rational? { Rational(text) }

    /// True when `bytes[range]` is a fraction whose denominator is zero (for a clearer message).
    static func isZeroDenominator(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard let slash = bytes[start..<end].firstIndex(of: UInt8(ascii: "/")) else { return false }
        return bytes.withUnsafeBufferPointer { Rational.parse(utf8: $0, from: slash + 1, to: end)?.isZero ?? false }
    }

    /// True when some number in `bytes[range]` (one payoff, or a pair separated by `;`/`,`) has
    /// the form of a decimal with an exponent beyond ``Rational/maximumDecimalExponent``, which
    /// the exact parser refuses (10^1000 has no place in a payoff table), so that the message can
    /// say why.
    static func hasOutOfRangeExponent(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            if bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                var j = i + 1
                if j < end && (bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-")) { j += 1 }
                let digitsStart = j
                var value = 0
                while j < end && bytes[j] >= 48 && bytes[j] <= 57 { value = min(value * 10 + Int(bytes[j] - 48), 1 << 40); j += 1 }
                if j > digitsStart && value > Rational.maximumDecimalExponent && i > start && bytes[i - 1] >= 48 && bytes[i - 1] <= 57 { return true }
            }
            i += 1
        }
        return false
    }
}
