import BigInt

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
