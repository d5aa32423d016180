import BigInt

extension Rational {
    /// The exact value of a finite `Float80` (x87 extended precision, 64-bit significand);
    /// nil for NaN and infinities. Only on platforms that have `Float80` (x86).
    #if arch(x86_64) || arch(i386)
    public init?(exactlyExtended value: Float80) {
        guard value.isFinite else { return nil }
        if value == 0 { self = .zero; return }
        // Float80 stores the integer bit explicitly: value = ±significandBitPattern · 2^(exponent − 63).
        let significand = BigInt(value.significandBitPattern) | (value.isNormal ? (BigInt(1) << 63) : 0)
        let shift = value.isNormal ? Int(value.exponent) - 63 : -16445
        var n = significand, d = BigInt(1)
        if shift >= 0 { n <<= shift } else { d <<= -shift }
        if value < 0 { n.negate() }
        self.init(n, d)
    }
    #endif

    /// The fraction closest to `self` among those with denominator at most `maxDenominator`:
    /// the best rational approximation, found by walking the continued-fraction expansion and
    /// taking the better of the last convergent and the last admissible semiconvergent
    /// (Khinchin, *Continued Fractions*, 1964, §6, Theorems 15–16).
    ///
    /// Used to turn a floating-point equilibrium into printable fractions: a rational
    /// equilibrium approximated well enough comes back exactly, and an irrational one comes back
    /// with error below 1/(q·maxDenominator).
    /// - Precondition: `maxDenominator >= 1`.
    /// - Complexity: O(log maxDenominator) big-integer divisions.
    public func closestFraction(maxDenominator: BigInt) -> Rational {
        precondition(maxDenominator >= 1, "maxDenominator must be positive")
        if denominator <= maxDenominator { return self }
        let negative = signum < 0
        var n = numerator.magnitude, d = denominator.magnitude
        let limit = maxDenominator.magnitude
        var p0: BigUInt = 0, q0: BigUInt = 1, p1: BigUInt = 1, q1: BigUInt = 0
        while d != 0 {
            let (a, r) = n.quotientAndRemainder(dividingBy: d)
            let q2 = q0 + a * q1
            if q2 > limit { break }
            (p0, q0, p1, q1) = (p1, q1, p0 + a * p1, q2)
            (n, d) = (d, r)
        }
        let k = (limit - q0) / q1
        let semi = Rational(BigInt(p0 + k * p1), BigInt(q0 + k * q1))
        let convergent = Rational(BigInt(p1), BigInt(q1))
        let target = magnitude
        let best = (semi - target).magnitude < (convergent - target).magnitude ? semi : convergent
        return negative ? -best : best
    }
}
