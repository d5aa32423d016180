import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Rational {
    /// The value as a decimal with exactly `digits` digits after the point, rounded half away
    /// from zero, computed exactly from the fraction (no floating point): `(2/3).decimal(4)` is
    /// `"0.6667"`, `(-1/8).decimal(2)` is `"-0.13"`, `(5).decimal(0)` is `"5"`.
    ///
    /// Used by `--decimals N` renderings; the exact fraction stays the value of record.
    /// - Precondition: `digits >= 0`.
    /// - Complexity: one big-integer multiplication and division of numbers of
    ///   O(digits + size of the fraction) digits.
    public func decimal(_ digits: Int) -> String {
        precondition(digits >= 0, "decimal digits must be non-negative")
        let negative = signum < 0
        let num = numerator.magnitude
        let den = denominator.magnitude
        let scale = BigUInt(10).power(digits)
        // round(|num| * 10^digits / den), half away from zero
        let (q, r) = (num * scale).quotientAndRemainder(dividingBy: den)
        let rounded = r * 2 >= den ? q + 1 : q
        var text = String(rounded)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        let isZero = rounded == 0
        return (negative && !isZero ? "-" : "") + text
    }
}

extension Rational {
    /// The value in scientific notation with `digits` digits after the point, rounded half away
    /// from zero, computed exactly: `(1/3000).scientific(2)` is `"3.33e-4"`, zero is `"0"`. For
    /// small quantities such as a duality gap, where a fixed number of decimals would print 0.
    /// - Precondition: `digits >= 0`.
    public func scientific(_ digits: Int) -> String {
        precondition(digits >= 0, "digits must be non-negative")
        if isZero { return "0" }
        let magnitude = signum < 0 ? -self : self
        // The exponent e with 10^e ≤ |q| < 10^(e+1): a guess from the bit lengths, corrected exactly.
        var e = Int(((Double(numerator.magnitude.bitWidth) - Double(denominator.magnitude.bitWidth)) * 0.301_029_995_663_981_2).rounded(.down))
        func power(_ k: Int) -> Rational { k >= 0 ? Rational(BigInt(10).power(k)) : Rational(BigInt(1), BigInt(10).power(-k)) }
        while magnitude < power(e) { e -= 1 }
        while magnitude >= power(e + 1) { e += 1 }
        var mantissa = (magnitude / power(e)).decimal(digits)
        // Rounding can carry to 10.0…: renormalise.
        if mantissa.hasPrefix("10") { e += 1; mantissa = (magnitude / power(e)).decimal(digits) }
        return (signum < 0 ? "-" : "") + mantissa + "e" + String(e)
    }
}

extension Rational {
    /// The value for a message: the exact fraction when it has at most `maxCharacters`
    /// characters, else an approximation such as `≈ -5.4e9682` computed from the leading bits
    /// (so a number of thousands of digits is never written out in an error message).
    /// - Complexity: O(1) beyond the size check for large values.
    public func abbreviated(maxCharacters: Int = 40) -> String {
        if let (n, d) = smallParts { return d == 1 ? String(n) : "\(n)/\(d)" }
        // A rough size first: about 0.30103 decimal digits per bit.
        let bits = numerator.magnitude.bitWidth + denominator.magnitude.bitWidth
        if bits * 30103 / 100_000 + 2 <= maxCharacters {
            let text = description
            if text.count <= maxCharacters { return text }
        }
        func log10Magnitude(_ v: BigUInt) -> Double {
            let w = v.bitWidth
            guard w > 64 else { return log10(Double(UInt64(v))) }
            let top = Double(UInt64(truncatingIfNeeded: v >> (w - 64)))
            return log10(top) + Double(w - 64) * 0.301_029_995_663_981_2
        }
        let l = log10Magnitude(numerator.magnitude) - log10Magnitude(denominator.magnitude)
        var exponent = Int(l.rounded(.down))
        var mantissa = pow(10, l - Double(exponent))
        if (mantissa * 10).rounded() >= 100 { mantissa /= 10; exponent += 1 }
        let m = (mantissa * 10).rounded() / 10
        return "≈ " + (signum < 0 ? "-" : "") + "\(m)e\(exponent)"
    }
}
