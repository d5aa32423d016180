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
        // Integers that fit in Int (payoff matrices, LP coefficients): no lcm, no division.
        if x.allSatisfy({ $0.smallParts?.denominator == 1 }) {
            denominator = 1
            numerators = x.map { BigInt.fromInt($0.smallParts!.numerator) }
            return
        }
        var d = BigInt(1)
        for q in x where !q.isZero {
            let qd = q.denominator
            if qd != 1 && qd != d && !(d % qd).isZero { d = d / d.greatestCommonDivisor(with: qd) * qd }
        }
        denominator = d
        numerators = x.map { q in
            if q.isZero { return BigInt(0) }
            let qd = q.denominator
            return qd == d ? q.numerator : q.numerator * (d / qd)
        }
    }

    /// X / D as given (D > 0), not reduced: what an exact solver computes before any gcd.
    public init(numerators: [BigInt], denominator: BigInt) {
        precondition(!denominator.isZero && denominator.sign == .plus, "a common denominator must be positive")
        self.numerators = numerators
        self.denominator = denominator
    }

    public var count: Int { numerators.count }

    /// Each coordinate as a reduced fraction (one gcd per non-zero coordinate).
    public var rationals: [Rational] { numerators.map { $0.isZero ? .zero : Rational($0, denominator) } }

    /// Each coordinate rounded to a double (one division each, no gcd), as `Rational.doubleValue`.
    public var doubleValues: [Double] { numerators.map { Self.quotient($0, denominator) } }

    /// n/d rounded to a double (d > 0): one division of n·2^k by d, no gcd.
    public static func quotient(_ n: BigInt, _ d: BigInt) -> Double {
        if n.isZero { return 0 }
        let k = d.magnitude.bitWidth - n.magnitude.bitWidth + 64
        let q = k >= 0 ? (n << k) / d : n / (d << -k)
        return Double(sign: .plus, exponent: -k, significand: Double(q))
    }

    /// (q − coordinate j) rounded to a double, from the exact difference (the coordinate and q
    /// may agree to many digits: their difference is what matters).
    public func difference(_ q: Rational, minus j: Int) -> Double {
        Self.quotient(q.numerator * denominator - q.denominator * numerators[j], q.denominator * denominator)
    }

    /// Coordinate j as a reduced fraction.
    public subscript(j: Int) -> Rational { numerators[j].isZero ? .zero : Rational(numerators[j], denominator) }

    /// Every coordinate non-negative and the sum 1, exactly (integer sum, no fraction).
    public var isProbabilityVector: Bool {
        var sum = BigInt(0)
        for x in numerators {
            if x.sign == .minus && !x.isZero { return false }
            sum += x
        }
        return sum == denominator
    }

    /// The sign of numerator/denominator − q (denominator > 0), by one cross-multiplication.
    public static func sign(of numerator: BigInt, over denominator: BigInt, minus q: Rational) -> Int {
        if q.isZero { return signOf(numerator) }
        let (p, d) = (q.numerator, q.denominator)
        return signOf(numerator * d - p * denominator)
    }

    /// The sign of coordinate j − q.
    public func sign(_ j: Int, minus q: Rational) -> Int {
        Self.sign(of: numerators[j], over: denominator, minus: q)
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
}

/// −1, 0 or 1: the sign of a big integer as an `Int`.
@inlinable public func signOf(_ x: BigInt) -> Int { x.isZero ? 0 : (x.sign == .minus ? -1 : 1) }
