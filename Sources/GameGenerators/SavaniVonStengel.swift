#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ExactArithmetic
import StrategicGames

/// The Savani–von Stengel "hard-to-solve" d x d bimatrix games, on which every Lemke–Howson path
/// from the artificial equilibrium has exponential length.
///
/// Source: R. Savani and B. von Stengel, "Hard-to-solve bimatrix games", Econometrica 74(2),
/// 397–429, 2006. The construction follows the realisation described in
/// `shared/data/savani-von-stengel.md`:
/// 1. 2d points μ_k on the trigonometric moment curve, t_k = πk/d, give the dual cyclic polytope
///    {w : μ_k·w ≤ 1}; facet k of the row player's polytope P carries label k, facet k of the column
///    player's polytope Q carries label perm(k), where perm swaps (1,2), (3,4), …, (d−3,d−2) and
///    (d,d+1), (d+2,d+3), … and fixes 0 and d−1.
/// 2. A projective change of coordinates moves the artificial equilibrium to the origin: in P the
///    slacks of facets 0..d−1 become coordinates (the row player's x), the other facets become the
///    columns of B; in Q the slacks of facets d..2d−1 become coordinates (y), the others rows of A.
/// 3. Payoffs are multiplied by `scale`, rounded to integers and shifted to be at least 1.
///
/// Precision: the construction runs in `Float80` where the platform has it (x86), `Double`
/// elsewhere. In `Double`, the change of coordinates loses enough digits that from d = 14 the
/// rounded payoffs differ from a 60-digit computation, and at d = 16 the game's longest path was
/// 6,765 pivots instead of 121,392. Rounding at 10^6 is too coarse above d = 14 even for a
/// precise construction (d = 16: 58,146 pivots), and at d = 20 10^8 is too coarse as well
/// (1,557,129 pivots). Hence the default scale: 10^6 up to d = 14 (the games of the published
/// tables, unchanged), 10^9 above; with it the longest paths are F(3d/2 + 2) − 1 for d = 16, 18,
/// 20 (121,392, 514,228, 2,178,308 pivots, measured by the certified floating-point path).
/// Payoffs reach about 5e16 at d = 20: Int, not exactly representable as Double.

/// The path from the artificial equilibrium dropping label 0 has F(3d/2 + 2) − 1 pivots (F the
/// Fibonacci numbers); the game has a unique, completely mixed equilibrium.
///
/// - Parameters:
///   - d: the number of strategies of each player; even, at least 2.
///   - scale: the factor applied before rounding; nil picks 10^6 for d ≤ 14 and 10^9 above.
/// - Complexity: O(d³) floating-point work.
public struct SavaniVonStengel: Sendable {
    public let d: Int
    public let scale: Double

    public enum GeneratorError: Error, CustomStringConvertible {
        case dimension(Int)
        case degenerateRealisation
        public var description: String {
            switch self {
            case .dimension(let d): return "the Savani–von Stengel games need an even dimension d >= 2, got \(d)"
            case .degenerateRealisation: return "the floating-point realisation of the cyclic polytope is degenerate"
            }
        }
    }

    public init(d: Int, scale: Double? = nil) {
        self.d = d
        self.scale = scale ?? (d <= 14 ? 1e6 : 1e9)
    }

    /// The label permutation of the column player's polytope (0-based; labels d..2d−1 are the
    /// column player's strategies).
    public static func columnLabelPermutation(d: Int) -> [Int] {
        var perm = Array(0..<(2 * d))
        var k = 1
        while k + 1 <= d - 2 { perm.swapAt(k, k + 1); k += 2 }
        k = d
        while k + 1 <= 2 * d - 1 { perm.swapAt(k, k + 1); k += 2 }
        return perm
    }

    /// The game.
    public func game() throws -> BimatrixGame {
        guard d >= 2, d % 2 == 0 else { throw GeneratorError.dimension(d) }
        #if arch(x86_64) || arch(i386)
        let (ai, bi) = try Self.realisation(d: d, scale: Float80(scale), cos: { cosl($0) }, sin: { sinl($0) })
        #else
        let (ai, bi) = try Self.realisation(d: d, scale: scale, cos: { x in cos(x) }, sin: { x in sin(x) })
        #endif
        let lowest = min(ai.joined().min()!, bi.joined().min()!)
        let shift = 1 - lowest
        func rational(_ m: [[Int]]) -> [[Rational]] { m.map { $0.map { Rational($0 + shift) } } }
        return try BimatrixGame(rowPayoffs: rational(ai), columnPayoffs: rational(bi))
    }

    /// The rounded payoffs (before the shift), computed in floating type R.
    static func realisation<R: BinaryFloatingPoint>(d: Int, scale: R, cos: (R) -> R, sin: (R) -> R) throws -> ([[Int]], [[Int]]) {
        let n = 2 * d
        // Facet normals on the trigonometric moment curve.
        var mu = [[R]](repeating: [R](repeating: 0, count: d), count: n)
        for k in 0..<n {
            let t = R.pi * R(k) / R(d)
            for h in 1...(d / 2) {
                mu[k][2 * h - 2] = cos(R(h) * t)
                mu[k][2 * h - 1] = sin(R(h) * t)
            }
        }
        // Coordinates = slacks of the facets in `basis`; the other facets become g·z <= 1.
        func transformed(basis: [Int], others: [Int]) throws -> [[R]] {
            let ms = basis.map { mu[$0] }
            let msT = (0..<d).map { r in (0..<d).map { c in ms[c][r] } }
            return try others.map { j in
                // c = mu_j · M_S^{-1}: solve M_Sᵀ cᵀ = mu_jᵀ.
                guard let c = Self.solve(msT, mu[j]) else { throw GeneratorError.degenerateRealisation }
                let alpha = 1 - c.reduce(0, +)
                guard abs(alpha) > 1e-12 else { throw GeneratorError.degenerateRealisation }
                return c.map { -$0 / alpha }
            }
        }
        let low = Array(0..<d), high = Array(d..<n)
        // P: rows j-d of gP are columns of B.
        let gP = try transformed(basis: low, others: high)
        // Q: coordinates are facets d..2d-1, the facets 0..d-1 give rows of A (through perm).
        let gQ = try transformed(basis: high, others: low)
        let perm = Self.columnLabelPermutation(d: d)
        var a = [[R]](repeating: [R](repeating: 0, count: d), count: d)
        var b = a
        for j in 0..<d { for i in 0..<d { b[i][j] = gP[j][i] } }
        for k in 0..<d {
            for kk in d..<n { a[perm[k]][perm[kk] - d] = gQ[k][kk - d] }
        }
        func integral(_ m: [[R]]) throws -> [[Int]] {
            try m.map { try $0.map {
                let v = ($0 * scale).rounded()
                guard abs(v) < 0x1p62 else { throw GeneratorError.degenerateRealisation }
                return Int(v)
            } }
        }
        return (try integral(a), try integral(b))
    }

    /// Gaussian elimination with partial pivoting (the generator's only linear algebra).
    static func solve<R: BinaryFloatingPoint>(_ a: [[R]], _ b: [R]) -> [R]? {
        let n = b.count
        var m = a, r = b
        for col in 0..<n {
            var p = col
            for i in col..<n where abs(m[i][col]) > abs(m[p][col]) { p = i }
            guard abs(m[p][col]) > 1e-14 else { return nil }
            m.swapAt(p, col); r.swapAt(p, col)
            for i in (col + 1)..<n {
                let f = m[i][col] / m[col][col]
                if f == 0 { continue }
                for j in col..<n { m[i][j] -= f * m[col][j] }
                r[i] -= f * r[col]
            }
        }
        var x = [R](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = r[i]
            for j in (i + 1)..<n { s -= m[i][j] * x[j] }
            x[i] = s / m[i][i]
        }
        return x
    }
}
