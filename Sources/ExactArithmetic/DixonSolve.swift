import BigInt

/// Exact solution of a nonsingular integer system A·x = b by p-adic lifting (J. D. Dixon, "Exact
/// solution of linear equations using p-adic expansions", Numerische Mathematik 40, 1982), for
/// the large systems where fraction-free elimination (``FractionFreeSolve``) spends its time in
/// big-integer arithmetic on minors of thousands of bits.
///
/// 1. C = A⁻¹ mod p for the prime p = 2³¹ − 1, by Gauss–Jordan elimination in machine words
///    (nil when A is singular modulo p: the caller falls back to elimination, which also decides
///    whether A itself is singular).
/// 2. Lifting: r₀ = b; for i = 0, 1, …: xᵢ = C·rᵢ mod p, rᵢ₊₁ = (rᵢ − A·xᵢ)/p, exact in 128-bit
///    integers (|rᵢ| stays below n·max|aᵢⱼ| + |b|, since each step divides by p). Then
///    A·(Σ xᵢ·pⁱ) ≡ b (mod pᵏ) after k steps.
/// 3. Rational reconstruction (P. S. Wang, "A p-adic algorithm for univariate partial fractions",
///    SYMSAC 1981): by Cramer's rule every xⱼ = νⱼ/δ with |νⱼ|, |δ| ≤ H, Hadamard's bound on the
///    minors of [A | b]; once pᵏ > 2H², the half extended Euclid on (pᵏ, Σ xᵢ·pⁱ) recovers νⱼ/δ
///    uniquely. One reconstruction gives the common denominator; the other components are then
///    read off directly (a product modulo pᵏ), reconstructing again only if a new factor appears.
///    The bound is computed with upward slack, so the result is proven, not probable.
///
/// - Complexity: O(n³) word operations for the inverse modulo p, O(n²) per lifting step, and
///   k ≈ 2·log₂H/31 steps: O(n³ + n³·log(n·‖A‖)) word operations, against O(n³) operations on
///   numbers of O(n·log(n·‖A‖)) bits for elimination.
public enum DixonSolve {
    /// The prime: 2³¹ − 1 (a Mersenne prime; products of two residues fit in 62 bits).
    static let p: UInt64 = 2_147_483_647

    /// x = numerators / denominator (denominator > 0, lowest common denominator) with A·x = b for
    /// the n×n row-major `matrix`; nil when A is singular modulo p (then use elimination).
    public static func solve(size n: Int, matrix a: [Int64], rhs b: [Int64]) -> (numerators: [BigInt], denominator: BigInt)? {
        precondition(a.count == n * n && b.count == n)
        if n == 0 { return ([], 1) }
        guard let inverse = inverseModP(n, a) else { return nil }
        // Hadamard's bound on every n×n minor of [A | b]: Π over rows of the Euclidean norm of
        // the row of [A | b], in log₂, rounded up with slack.
        var log2H = 0.0
        for i in 0..<n {
            var s = Double(b[i]) * Double(b[i])
            for j in 0..<n { let v = Double(a[i * n + j]); s += v * v }
            // log₂ s ≤ exponent + 1 (the significand is below 2); the sum of squares itself is
            // rounded, hence the relative slack.
            if s > 0 { log2H += 0.5 * (Double((s * (1 + 1e-12)).exponent) + 1) }
        }
        let neededBits = 2 * log2H + 2 + 64
        let steps = max(1, Int((neededBits / 30.99).rounded(.up)))
        // Lifting.
        var r = b.map { Int128($0) }
        var digits = [UInt64](repeating: 0, count: steps * n)   // digit i of component j at i·n + j
        var residue = [UInt64](repeating: 0, count: n)
        let pSigned = Int128(p)
        for step in 0..<steps {
            for j in 0..<n {
                let m = r[j] % pSigned
                residue[j] = UInt64(m < 0 ? m + pSigned : m)
            }
            for i in 0..<n {
                var s: UInt64 = 0
                for k in 0..<n {
                    s = (s + inverse[i * n + k] * residue[k]) % p
                }
                digits[step * n + i] = s
            }
            for i in 0..<n {
                var s = r[i]
                for k in 0..<n {
                    let d = digits[step * n + k]
                    if d != 0 { s -= Int128(a[i * n + k]) * Int128(d) }
                }
                // Exact: s ≡ 0 (mod p) by construction.
                r[i] = s / pSigned
            }
        }
        // Σ xᵢ·pⁱ per component (Horner from the top digit), and the modulus pᵏ.
        let bigP = BigInt(p)
        var modulus = BigInt(1)
        for _ in 0..<steps { modulus *= bigP }
        var values = [BigInt](repeating: 0, count: n)
        for j in 0..<n {
            var v = BigInt(0)
            for step in stride(from: steps - 1, through: 0, by: -1) { v = v * bigP + BigInt(digits[step * n + j]) }
            values[j] = v
        }
        // Reconstruction over one common denominator.
        let half = modulus / 2
        var denominator = BigInt(1)
        var numerators = [BigInt](repeating: 0, count: n)
        for j in 0..<n {
            var y = (values[j] * denominator) % modulus
            if y > half { y -= modulus }
            // |y| ≤ H: y is the numerator over the current denominator (a second integer of
            // that size congruent to y would differ from it by less than the modulus).
            if y.magnitude.bitWidth <= Int(log2H.rounded(.down)) {
                numerators[j] = y
                continue
            }
            guard let (nu, delta) = reconstruct(y < 0 ? y + modulus : y, modulus: modulus) else { return nil }
            for k in 0..<j { numerators[k] *= delta }
            denominator *= delta
            numerators[j] = nu
        }
        return (numerators, denominator)
    }

    /// ν/δ ≡ u (mod m) with |ν|, δ below √(m/2), δ > 0 (Wang's half extended Euclid), or nil.
    static func reconstruct(_ u: BigInt, modulus m: BigInt) -> (BigInt, BigInt)? {
        let bound = (m / 2).squareRoot()
        var r0 = m, r1 = u
        var t0 = BigInt(0), t1 = BigInt(1)
        while r1.magnitude > bound.magnitude {
            let q = r0 / r1
            (r0, r1) = (r1, r0 - q * r1)
            (t0, t1) = (t1, t0 - q * t1)
        }
        guard !t1.isZero, t1.magnitude <= bound.magnitude else { return nil }
        return t1.signum() < 0 ? (-r1, -t1) : (r1, t1)
    }

    /// A⁻¹ mod p (row-major residues), or nil when A is singular modulo p.
    static func inverseModP(_ n: Int, _ a: [Int64]) -> [UInt64]? {
        let pSigned = Int64(p)
        var m = a.map { v -> UInt64 in let r = v % pSigned; return UInt64(r < 0 ? r + pSigned : r) }
        var inv = [UInt64](repeating: 0, count: n * n)
        for i in 0..<n { inv[i * n + i] = 1 }
        for c in 0..<n {
            guard let pivot = (c..<n).first(where: { m[$0 * n + c] != 0 }) else { return nil }
            if pivot != c {
                for k in 0..<n { m.swapAt(pivot * n + k, c * n + k); inv.swapAt(pivot * n + k, c * n + k) }
            }
            let scale = power(m[c * n + c], p - 2)
            for k in 0..<n {
                m[c * n + k] = m[c * n + k] * scale % p
                inv[c * n + k] = inv[c * n + k] * scale % p
            }
            for i in 0..<n where i != c {
                let f = m[i * n + c]
                if f == 0 { continue }
                let g = p - f
                for k in 0..<n {
                    m[i * n + k] = (m[i * n + k] + g * m[c * n + k]) % p
                    inv[i * n + k] = (inv[i * n + k] + g * inv[c * n + k]) % p
                }
            }
        }
        return inv
    }

    /// xᵉ mod p.
    static func power(_ x: UInt64, _ e: UInt64) -> UInt64 {
        var result: UInt64 = 1, base = x % p, e = e
        while e > 0 {
            if e & 1 == 1 { result = result * base % p }
            base = base * base % p
            e >>= 1
        }
        return result
    }
}
