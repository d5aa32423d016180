import BigInt

/// A rational vector written over one common denominator, x = X / D with integer X and D > 0,
/// so that sums Σ aⱼ·xⱼ with integer coefficients aⱼ cost big-integer multiply-adds and a single
/// reduction at the end, instead of a gcd per term.
///
/// Used where exact solutions have long denominators (a large dense LP basis gives every
/// coordinate a divisor of its determinant): the LP certificate's row activities and reduced
/// costs, and the exact verification of minimax strategies.
///
/// - Complexity: building it takes one lcm per coordinate; each ``dot(_:)`` is O(terms) big-integer
///   operations plus one reduction.
public struct CommonDenominatorVector: Sendable {
    public let numerators: [BigInt]
    public let denominator: BigInt

    public init(_ x: [Rational]) {
        var d = BigInt(1)
        for q in x where !q.isZero {
            let qd = q.denominator
            if qd != 1 && !(d % qd).isZero { d = d / d.greatestCommonDivisor(with: qd) * qd }
        }
        denominator = d
        numerators = x.map { $0.isZero ? BigInt(0) : $0.numerator * (d / $0.denominator) }
    }

    /// Σ coefficient·x[index] exactly, or nil when a coefficient is not an `Int`-sized integer
    /// (the caller then sums in rationals).
    public func dot(_ terms: [(index: Int, coefficient: Rational)]) -> Rational? {
        var sum = BigInt(0)
        for term in terms {
            let x = numerators[term.index]
            if x.isZero { continue }
            guard let (n, d) = term.coefficient.smallParts, d == 1 else { return nil }
            sum += x * BigInt(n)
        }
        return Rational(sum, denominator)
    }

    /// Σⱼ coefficient(j)·xⱼ over the non-zero coordinates, or nil when a coefficient met is not an
    /// `Int`-sized integer.
    public func dot(_ coefficient: (Int) -> Rational) -> Rational? {
        var sum = BigInt(0)
        for (j, x) in numerators.enumerated() where !x.isZero {
            guard let (n, d) = coefficient(j).smallParts, d == 1 else { return nil }
            sum += x * BigInt(n)
        }
        return Rational(sum, denominator)
    }

    /// Whether some coordinate is off `Rational`'s `Int` fast path: then sums over a common
    /// denominator beat term-by-term fractions.
    public static func isWorthIt(_ x: [Rational]) -> Bool { x.contains { $0.smallParts == nil } }
}
