import ExactArithmetic

/// Seeded sampling that gives the same numbers on every machine.
///
/// Every generator draws from ``SplitMix64`` and turns its bits into payoffs using integer
/// arithmetic, or IEEE-754 operations that are correctly rounded everywhere (`+`, `-`, `*`, `/`,
/// `squareRoot()`), never a platform math library (`log`, `cos` differ in the last bit between
/// C libraries). Real-valued payoffs are rounded to a decimal grid and stored as exact rationals.
enum Sampling {
    /// A uniform decimal in [0, 1) on the grid k / 10^decimals, exactly.
    /// - Complexity: O(1).
    static func unitDecimal(_ rng: inout SplitMix64, decimals: Int) -> Rational {
        let scale = powerOfTen(decimals)
        return Rational(rng.uniform(0...(scale - 1)), scale)
    }

    /// 10^d for 0 ≤ d ≤ 18.
    static func powerOfTen(_ d: Int) -> Int {
        var p = 1
        for _ in 0..<d { p *= 10 }
        return p
    }

    /// `x` rounded to the nearest multiple of 10^−decimals (halves away from zero, so rounding
    /// commutes with negation), as an exact rational.
    static func roundedDecimal(_ x: Double, decimals: Int) -> Rational {
        let scale = powerOfTen(decimals)
        let k = (x * Double(scale)).rounded(.toNearestOrAwayFromZero)
        return Rational(Int(k), scale)
    }

    /// Two independent standard normal samples by Marsaglia's polar method (Marsaglia & Bray,
    /// "A convenient method for generating normal variables", SIAM Review 6, 1964), using
    /// ``portableLog(_:)`` so the result is bit-identical across platforms.
    /// - Complexity: O(1) expected (the rejection loop accepts with probability π/4).
    static func normalPair(_ rng: inout SplitMix64) -> (Double, Double) {
        while true {
            let u = 2 * rng.unitDouble() - 1
            let v = 2 * rng.unitDouble() - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let factor = (-2 * portableLog(s) / s).squareRoot()
            return (u * factor, v * factor)
        }
    }

    /// The natural logarithm of a positive finite double using only correctly rounded IEEE
    /// operations: x = 2^e · m with m in [√½, √2), ln m = 2·atanh((m−1)/(m+1)) by its odd
    /// power series (|t| ≤ 0.172, 16 terms, error below 1e−16 relative). Not as accurate as a
    /// platform `log` in the last bit, but the same on every machine.
    /// - Complexity: O(1).
    static func portableLog(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite)
        var e = Int(x.exponent)
        var m = x.significand                         // in [1, 2)
        if m > 1.4142135623730951 { m /= 2; e += 1 }
        let t = (m - 1) / (m + 1)
        let t2 = t * t
        var power = t, sum = 0.0
        for k in 0..<16 {
            sum += power / Double(2 * k + 1)
            power *= t2
        }
        return Double(e) * 0.6931471805599453 + 2 * sum
    }
}
