/// Signs of the solution of a small dense linear system, proven from a floating-point solve with
/// a rigorous error bound, so that exact arithmetic is needed only where the bound cannot decide.
///
/// Source: the a-posteriori verification of S. M. Rump, "Solving algebraic problems with high
/// accuracy" (in *A New Approach to Scientific Computation*, Academic Press, 1983), in the simple
/// norm-wise form of S. Oishi & S. M. Rump, "Fast verification of solutions of matrix
/// equations", Numerische Mathematik 90, 2002: with R ≈ M⁻¹ and C = I − R·M, if ‖C‖∞ ≤ α < 1 then
/// M is non-singular and for any z the exact solution w of M·w = b satisfies
/// ‖w − z‖∞ ≤ ‖R·(b − M·z)‖∞ / (1 − α).
///
/// Steps:
/// 1. R by Gauss–Jordan elimination with partial pivoting; z = R·b.
/// 2. C = I − R·M in floating point; its rounding error is bounded by the standard dot-product
///    bound γₖ·(|I| + |R|·|M|) with γₖ = k·u/(1 − k·u), u = 2⁻⁵³ (Higham, *Accuracy and Stability
///    of Numerical Algorithms*, 2nd ed., §3.1), so α holds for the exact C.
/// 3. One step of residual iteration (Rump's verification with the residual computed in twice the
///    working precision): ρ = b − M·z by Dot2 (error-free products by FMA and TwoSum; Ogita, Rump
///    & Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26, 2005), ζ = R·ρ, and the
///    residual of the unevaluated sum z + ζ again by Dot2 with its proven error bound. On
///    ill-conditioned systems (the near-degenerate support pairs of Savani–von Stengel games)
///    this shrinks the bound from about cond·u·‖z‖ to about cond·u²·‖z‖.
/// 4. δ = ‖|R|·(|r| + error)‖∞ / (1 − α), inflated by a relative 10⁻⁹ to cover the rounding of the
///    bound's own arithmetic (k·u ≈ 10⁻¹⁴ for the sizes used here), plus the rounding of
///    fl(z + ζ), the centre returned; component j is positive when zⱼ > δ, negative when zⱼ < −δ,
///    undecided otherwise.
///
/// The matrix entries and the right-hand side must be exactly the system's (e.g. integers below
/// 2⁵³): the bound is about the system as given in doubles.
///
/// - Complexity: O(n³) floating-point operations (the inverse and R·M), O(n²) for the residual
///   iteration; O(n²) scratch.
public enum VerifiedLinearSystem {
    /// γₖ = k·u/(1 − k·u), u = 2⁻⁵³: |fl(Σ aᵢbᵢ) − Σ aᵢbᵢ| ≤ γₖ·Σ|aᵢbᵢ| for k terms (Higham §3.1).
    public static func gamma(_ k: Int) -> Double { Double(k) * 0x1p-53 / (1 - Double(k) * 0x1p-53) }

    /// The proven sign of one component.
    public enum Sign: Sendable, Equatable { case positive, negative, undecided }

    /// An approximate solution z and a proven bound on its distance from the exact solution w:
    /// ‖w − z‖∞ ≤ `bound`.
    public struct Enclosure: Sendable {
        public var z: [Double]
        public var bound: Double
        /// The proven sign of component j.
        public func sign(_ j: Int) -> Sign { z[j] > bound ? .positive : z[j] < -bound ? .negative : .undecided }
    }

    /// Signs of the components of w with M·w = b for the n×n row-major `matrix`, or nil when the
    /// verification fails (M numerically singular, or ‖C‖∞ not below 1/2).
    public static func signs(size n: Int, matrix m: [Double], rhs b: [Double]) -> [Sign]? {
        guard let e = solve(size: n, matrix: m, rhs: b) else { return nil }
        return (0..<n).map(e.sign)
    }

    /// The enclosure of the solution w of M·w = b (see the type's documentation), or nil when the
    /// verification fails.
    public static func solve(size n: Int, matrix m: [Double], rhs b: [Double]) -> Enclosure? {
        precondition(m.count == n * n && b.count == n)
        precondition(m.count == n * n && b.count == n)
        // 1. R = M⁻¹ by Gauss–Jordan on [M | I].
        var a = m
        var r = [Double](repeating: 0, count: n * n)
        for i in 0..<n { r[i * n + i] = 1 }
        for c in 0..<n {
            var p = c, best = abs(a[c * n + c])
            for i in (c + 1)..<max(c + 1, n) where abs(a[i * n + c]) > best { best = abs(a[i * n + c]); p = i }
            guard best > 0, best.isFinite else { return nil }
            if p != c {
                for k in 0..<n { a.swapAt(p * n + k, c * n + k); r.swapAt(p * n + k, c * n + k) }
            }
            let inv = 1 / a[c * n + c]
            for k in 0..<n { a[c * n + k] *= inv; r[c * n + k] *= inv }
            for i in 0..<n where i != c {
                let f = a[i * n + c]
                if f == 0 { continue }
                for k in 0..<n { a[i * n + k] -= f * a[c * n + k]; r[i * n + k] -= f * r[c * n + k] }
            }
        }
        let u = 0x1p-53
        let gamma = Double(n + 2) * u / (1 - Double(n + 2) * u)
        // z = R·b.
        var z = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = 0.0
            for k in 0..<n { s += r[i * n + k] * b[k] }
            z[i] = s
        }
        // 2. α ≥ ‖I − R·M‖∞, rounding included.
        var alpha = 0.0
        for i in 0..<n {
            var row = 0.0
            for j in 0..<n {
                var s = i == j ? 1.0 : 0.0, mag = i == j ? 1.0 : 0.0
                for k in 0..<n {
                    let p = r[i * n + k] * m[k * n + j]
                    s -= p
                    mag += abs(p)
                }
                row += abs(s) + gamma * mag
            }
            alpha = max(alpha, row)
        }
        alpha *= 1 + 1e-9
        guard alpha.isFinite, alpha < 0.5 else { return nil }
        // One step of residual iteration with the residual in twice the working precision:
        // ρ = b − M·z by Dot2, then z + ζ with ζ = R·ρ is the (unevaluated) refined solution.
        var zeta = [Double](repeating: 0, count: n)
        var rho = [Double](repeating: 0, count: n)
        for i in 0..<n { rho[i] = dot2Residual(b[i], row: m, offset: i * n, n, z, nil).value }
        for i in 0..<n {
            var s = 0.0
            for k in 0..<n { s += r[i * n + k] * rho[k] }
            zeta[i] = s
        }
        // The residual of z + ζ, again by Dot2, and a bound that holds for the exact residual
        // (Ogita, Rump & Oishi 2005, Prop. 5.5: |Dot2 − exact| ≤ u·|exact| + γ²_N·Σ|terms|).
        let terms = 2 * n + 1
        let gammaN = Double(terms) * u / (1 - Double(terms) * u)
        var res = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let d = dot2Residual(b[i], row: m, offset: i * n, n, z, zeta)
            res[i] = (abs(d.value) + gammaN * gammaN * d.magnitude * (1 + gammaN)) * (1 + 4 * u)
        }
        // 3. δ ≥ ‖R·r‖∞ / (1 − α) around z + ζ; the centre returned is fl(z + ζ), whose
        // distance from z + ζ (the exact TwoSum error) is added to the bound.
        var bound = 0.0
        for i in 0..<n {
            var s = 0.0
            for k in 0..<n { s += abs(r[i * n + k]) * res[k] }
            bound = max(bound, s)
        }
        var delta = bound * (1 + 1e-9) / (1 - alpha)
        var centre = [Double](repeating: 0, count: n)
        var shift = 0.0
        for i in 0..<n {
            let (sum, error) = twoSum(z[i], zeta[i])
            centre[i] = sum
            shift = max(shift, abs(error))
        }
        delta = (delta + shift) * (1 + 1e-9)
        guard delta.isFinite else { return nil }
        return Enclosure(z: centre, bound: delta)
    }

    /// Error-free sum (Knuth's TwoSum): a + b = sum + error exactly.
    @inline(__always) static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let x = a + b, z = x - a
        return (x, (a - (x - z)) + (b - z))
    }

    /// b − Σₖ row[offset + k]·(z[k] + ζ[k]) by Ogita, Rump & Oishi's Dot2 (error-free products
    /// by FMA and TwoSum, "Accurate sum and dot product", SIAM J. Sci. Comput. 26, 2005, Alg. 5.3):
    /// as accurate as if computed in twice the working precision, then rounded. Also returns
    /// Σ|terms| for the error bound.
    @inline(__always) static func dot2Residual(_ b: Double, row m: [Double], offset: Int, _ n: Int,
                                                _ z: [Double], _ zeta: [Double]?) -> (value: Double, magnitude: Double) {
        var p = b, s = 0.0, magnitude = abs(b)
        @inline(__always) func add(_ a: Double, _ x: Double) {
            let h = a * x
            let e = (-h).addingProduct(a, x)          // a·x = h + e exactly (FMA)
            let (sum, q) = twoSum(p, -h)
            p = sum
            s += q - e
            magnitude += abs(h)
        }
        for k in 0..<n { add(m[offset + k], z[k]) }
        if let zeta { for k in 0..<n { add(m[offset + k], zeta[k]) } }
        return (p + s, magnitude)
    }
}