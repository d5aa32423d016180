import ExactArithmetic
import StrategicGames

/// A game's payoffs in floating point, each player's scaled to [0, 1] (u ↦ (u − min)/(max − min),
/// 0 when a player's payoffs are all equal), for the floating-point N-player solvers.
///
/// Scaling each player's payoffs by a positive affine map changes no equilibrium, no support and
/// no quantal response ratio ordering, and makes every residual and stopping rule independent of
/// the payoff scale (Gambit issue 365). `extended` holds the same numbers in `Float80` (computed
/// from the exact fractions) for polishing.
struct ScaledPayoffs: Sendable {
    let counts: [Int]
    /// strides[i]: how far the profile index moves when player i's strategy grows by one.
    let strides: [Int]
    /// values[i][k]: player i's scaled payoff at profile k.
    let values: [[Double]]
    #if arch(x86_64) || arch(i386)
    let extended: [[Float80]]
    #else
    let extended: [[Double]]
    #endif

    /// - Parameter commonScale: divide every player's payoffs by the one overall payoff range
    ///   (after shifting each player's minimum to 0) instead of by the player's own range; the
    ///   logit correspondence needs one λ for all players.
    init(_ game: NormalFormGame, commonScale: Bool = false) {
        counts = game.strategyCounts
        var s = [Int](), acc = 1
        for c in counts { s.append(acc); acc *= c }
        strides = s
        var values = [[Double]](), extended: [[Extended]] = []
        let overall = game.payoffRange
        for list in game.payoffs {
            let lo = list.min() ?? .zero, hi = list.max() ?? .zero
            let span = commonScale ? overall : hi - lo
            let scaled: [Rational] = span.isZero ? list.map { _ in .zero } : list.map { ($0 - lo) / span }
            values.append(scaled.map(\.doubleValue))
            extended.append(scaled.map { Self.extendedValue($0) })
        }
        self.values = values
        self.extended = extended
    }

    #if arch(x86_64) || arch(i386)
    typealias Extended = Float80
    static func extendedValue(_ r: Rational) -> Float80 {
        if let (n, d) = r.smallParts { return Float80(n) / Float80(d) }
        return Float80(r.numerator) / Float80(r.denominator)
    }
    #else
    typealias Extended = Double
    static func extendedValue(_ r: Rational) -> Double { r.doubleValue }
    #endif
}

/// The indifference system of one support profile S = (S₁, ..., S_N) of an N-player game
/// (Porter, Nudelman & Shoham 2008, Feasibility Program 1, its equality part):
///
///     Σ_{a₋ᵢ ∈ S₋ᵢ} (Π_{j≠i} x_j(a_j)) uᵢ(s, a₋ᵢ) − vᵢ = 0     for every player i and s ∈ Sᵢ,
///     Σ_{s ∈ Sᵢ} xᵢ(s) − 1 = 0                               for every player i,
///
/// in the unknowns xᵢ(s) (s ∈ Sᵢ) and vᵢ: Σ|Sᵢ| + N polynomial equations of degree N − 1 in as
/// many unknowns. The unknowns are laid out player by player (the support probabilities), then
/// the N values.
struct IndifferenceSystem {
    let payoffs: ScaledPayoffs
    let supports: [[Int]]
    /// offsets[i]: where player i's probabilities start in the unknown vector.
    let offsets: [Int]
    /// Σ|Sᵢ| + N.
    let dimension: Int
    /// The support profiles: full-game profile index and, per player, the position in Sᵢ.
    let profileIndex: [Int]
    let profileLocal: [Int]   // flattened, N per profile
    var playerCount: Int { supports.count }
    var valueBase: Int { dimension - playerCount }

    init(payoffs: ScaledPayoffs, supports: [[Int]]) {
        self.payoffs = payoffs
        self.supports = supports
        var off = [Int](), acc = 0
        for s in supports { off.append(acc); acc += s.count }
        offsets = off
        dimension = acc + supports.count
        let n = supports.count
        var total = 1
        for s in supports { total *= s.count }
        var index = [Int](), local = [Int]()
        index.reserveCapacity(total); local.reserveCapacity(total * n)
        var c = [Int](repeating: 0, count: n)
        for _ in 0..<total {
            var k = 0
            for i in 0..<n { k += payoffs.strides[i] * supports[i][c[i]] }
            index.append(k)
            local += c
            for i in 0..<n {
                c[i] += 1
                if c[i] < supports[i].count { break }
                c[i] = 0
            }
        }
        profileIndex = index
        profileLocal = local
    }

    /// The residual F(z) in the precision of `T`, from that precision's payoffs.
    func residual<T: BinaryFloatingPoint>(_ z: [T], payoffs table: [[T]]) -> [T] {
        let n = playerCount
        var f = [T](repeating: 0, count: dimension)
        var p = [T](repeating: 0, count: n)
        for (k, index) in profileIndex.enumerated() {
            for i in 0..<n { p[i] = z[offsets[i] + profileLocal[k * n + i]] }
            for i in 0..<n {
                var w: T = 1
                for j in 0..<n where j != i { w *= p[j] }
                f[offsets[i] + profileLocal[k * n + i]] += w * table[i][index]
            }
        }
        for i in 0..<n {
            var sum: T = -1
            for s in 0..<supports[i].count {
                f[offsets[i] + s] -= z[valueBase + i]
                sum += z[offsets[i] + s]
            }
            f[valueBase + i] = sum
        }
        return f
    }

    /// The residual and the Jacobian (row-major) in `Double`.
    /// - Complexity: O(|S|·N³) for |S| = Π|Sᵢ| support profiles, plus O(dimension²) to clear J.
    func residualAndJacobian(_ z: [Double]) -> ([Double], [[Double]]) {
        let n = playerCount
        var f = [Double](repeating: 0, count: dimension)
        var jac = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: dimension)
        var p = [Double](repeating: 0, count: n)
        let table = payoffs.values
        for (k, index) in profileIndex.enumerated() {
            for i in 0..<n { p[i] = z[offsets[i] + profileLocal[k * n + i]] }
            for i in 0..<n {
                let u = table[i][index]
                if u == 0 { continue }
                let row = offsets[i] + profileLocal[k * n + i]
                var w = 1.0
                for j in 0..<n where j != i { w *= p[j] }
                f[row] += w * u
                for j in 0..<n where j != i {
                    var w2 = u
                    for l in 0..<n where l != i && l != j { w2 *= p[l] }
                    jac[row][offsets[j] + profileLocal[k * n + j]] += w2
                }
            }
        }
        for i in 0..<n {
            var sum = -1.0
            for s in 0..<supports[i].count {
                f[offsets[i] + s] -= z[valueBase + i]
                jac[offsets[i] + s][valueBase + i] = -1
                sum += z[offsets[i] + s]
                jac[valueBase + i][offsets[i] + s] = 1
            }
            f[valueBase + i] = sum
        }
        return (f, jac)
    }

    /// Every player's expected (scaled) payoff of each of its pure strategies when the others
    /// play the support probabilities in `z`.
    func strategyValues(_ z: [Double]) -> [[Double]] {
        let n = playerCount
        var values = payoffs.counts.map { [Double](repeating: 0, count: $0) }
        var p = [Double](repeating: 0, count: n)
        for (k, index) in profileIndex.enumerated() {
            for i in 0..<n { p[i] = z[offsets[i] + profileLocal[k * n + i]] }
            for i in 0..<n where profileLocal[k * n + i] == 0 {
                var w = 1.0
                for j in 0..<n where j != i { w *= p[j] }
                let base = index - payoffs.strides[i] * supports[i][0]
                for t in 0..<payoffs.counts[i] {
                    values[i][t] += w * payoffs.values[i][base + payoffs.strides[i] * t]
                }
            }
        }
        return values
    }

    /// True when the root `z` is a floating-point equilibrium: every support probability is
    /// positive and no strategy outside the support earns more than vᵢ (Porter, Nudelman &
    /// Shoham 2008, Feasibility Program 1's inequalities), within `Tolerance.zero` and
    /// `Tolerance.feasibility` on the scaled payoffs.
    func isEquilibrium(_ z: [Double]) -> Bool {
        for i in 0..<playerCount {
            for k in 0..<supports[i].count where !(z[offsets[i] + k] > Tolerance.zero) { return false }
        }
        let values = strategyValues(z)
        for i in 0..<playerCount {
            let v = z[valueBase + i]
            if values[i].contains(where: { $0 > v + Tolerance.feasibility }) { return false }
        }
        return true
    }

    /// The full-length profile (zeros outside the supports) of the unknown vector `z`.
    func profile<T: BinaryFloatingPoint>(_ z: [T]) -> [[T]] {
        supports.enumerated().map { i, s in
            var row = [T](repeating: 0, count: payoffs.counts[i])
            for (k, a) in s.enumerated() { row[a] = z[offsets[i] + k] }
            return row
        }
    }

    /// The unknown vector for support probabilities `x` (one array per player, |Sᵢ| entries),
    /// with each vᵢ set to the mean payoff of player i's support strategies.
    func start(_ x: [[Double]]) -> [Double] {
        var z = [Double](repeating: 0, count: dimension)
        for i in 0..<playerCount { for k in x[i].indices { z[offsets[i] + k] = x[i][k] } }
        let values = strategyValues(z)
        for i in 0..<playerCount {
            z[valueBase + i] = supports[i].reduce(0.0) { $0 + values[i][$1] } / Double(supports[i].count)
        }
        return z
    }
}

/// Newton's method for the indifference systems, in `Double`, with an extended-precision
/// polish (iterative refinement: residual in `Float80`, correction from the `Double` Jacobian).
struct IndifferenceNewton {
    var maxIterations = 40
    /// Counts Newton steps taken (a work counter).
    private(set) var steps = 0

    /// A root of `system` from the start `z`, or nil when Newton does not converge (within
    /// `maxIterations`, or it diverges). A singular Jacobian (degenerate games) falls back to a
    /// Levenberg–Marquardt step, which moves towards the nearest point of a solution set.
    mutating func solve(_ system: IndifferenceSystem, from start: [Double]) -> [Double]? {
        var z = start
        for iteration in 0..<maxIterations {
            let (f, jac) = system.residualAndJacobian(z)
            let norm = f.reduce(0.0) { max($0, abs($1)) }
            if !norm.isFinite { return nil }
            if norm <= Tolerance.newtonResidual { return z }
            // Far from a root after many steps: this start is outside every basin of
            // quadratic convergence (typically a system with no solution near the simplex).
            if iteration >= 20 && norm > 1e-6 { return nil }
            guard let delta = Self.step(jac, f) else { return nil }
            steps += 1
            for k in z.indices { z[k] += delta[k] }
            if z.contains(where: { !$0.isFinite || abs($0) > 1e6 }) { return nil }
        }
        let (f, _) = system.residualAndJacobian(z)
        return f.allSatisfy({ abs($0) <= Tolerance.newtonResidual }) ? z : nil
    }

    /// Solves J·δ = −F (LAPACK), or the Levenberg–Marquardt system (JᵀJ + μI)·δ = −JᵀF when J
    /// is singular.
    static func step(_ jac: [[Double]], _ f: [Double]) -> [Double]? {
        if let d = lapackSolve(jac, f.map { -$0 }), d.allSatisfy(\.isFinite) { return d }
        let n = f.count
        var normal = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var rhs = [Double](repeating: 0, count: n)
        for a in 0..<n {
            for b in 0..<n {
                var s = 0.0
                for r in 0..<n { s += jac[r][a] * jac[r][b] }
                normal[a][b] = s
            }
            for r in 0..<n { rhs[a] -= jac[r][a] * f[r] }
            normal[a][a] += 1e-10
        }
        return lapackSolve(normal, rhs)
    }

    /// A few steps of mixed-precision refinement at a converged root: the residual in extended
    /// precision, the correction from the `Double` Jacobian. Returns the extended-precision
    /// profile (zeros outside the support).
    mutating func polish(_ system: IndifferenceSystem, _ z: [Double]) -> [[ScaledPayoffs.Extended]] {
        var x = z.map { ScaledPayoffs.Extended($0) }
        var best = x
        var last = ScaledPayoffs.Extended.infinity
        for _ in 0..<6 {
            let f = system.residual(x, payoffs: system.payoffs.extended)
            let norm = f.reduce(0) { max($0, abs($1)) }
            if !(norm < last) { break }
            best = x
            last = norm
            if norm == 0 { break }
            let (_, jac) = system.residualAndJacobian(x.map { Double($0) })
            guard let delta = Self.step(jac, f.map { Double($0) }) else { break }
            steps += 1
            for k in x.indices { x[k] += ScaledPayoffs.Extended(delta[k]) }
        }
        return system.profile(best)
    }
}
