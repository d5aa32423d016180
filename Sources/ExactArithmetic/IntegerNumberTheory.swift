/// The greatest common divisor of two machine integers, ≥ 0: the one gcd of the library for
/// fixed-width integers (`BigInt` has its own, `greatestCommonDivisor(with:)`).
///
/// Euclid's algorithm on the magnitudes, so `Int.min` is handled (gcd(Int.min, 0) = 2⁶³ comes back
/// wrapped, as `Int.min`; callers that can meet it check for it).
/// - Complexity: O(log min(|a|, |b|)) divisions.
@inlinable public func greatestCommonDivisor<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
    var x = a.magnitude, y = b.magnitude
    while y != 0 { (x, y) = (y, x % y) }
    return T(truncatingIfNeeded: x)
}

/// The inverse of an odd number modulo 2^bitWidth, by Newton's iteration x ← x·(2 − a·x), which
/// doubles the correct low bits each step (starting from x = a, correct to 3 bits since
/// a·a ≡ 1 mod 8): the one modular inverse of the exact division in fraction-free pivoting
/// (Lemke–Howson's and the vertex enumeration's tableaux).
/// - Complexity: O(log bitWidth) wrapping multiplications.
@inlinable @inline(__always)
public func inverseOdd<W: FixedWidthInteger & UnsignedInteger>(_ odd: W) -> W {
    var x = odd
    var good = 3
    while good < W.bitWidth {
        x = x &* (2 &- odd &* x)
        good *= 2
    }
    return x
}
