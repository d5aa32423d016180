import ExactArithmetic
import StrategicGames
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a Moran process could not be analysed.
public enum MoranError: Error, Equatable, CustomStringConvertible {
    case invalidParameter(String)
    case nonPositiveFitness(String)

    public var description: String {
        switch self {
        case .invalidParameter(let why): return why
        case .nonPositiveFitness(let why): return why
        }
    }
}

/// A finite, well-mixed population of N individuals playing a symmetric two-player game with
/// payoff matrix M (M[i][j]: an i-player's payoff against a j-player), evolving by a birth–death
/// Moran process or by pairwise comparison (Fermi) updates.
///
/// With i mutants (strategy A) among N − i residents (B), each individual meets every other once
/// (no self-interaction; Nowak, Sasaki, Taylor & Fudenberg, "Emergence of cooperation and
/// evolutionary stability in finite populations", Nature 2004):
/// F_i = (M[A][A]·(i − 1) + M[A][B]·(N − i)) / (N − 1), G_i = (M[B][A]·i + M[B][B]·(N − i − 1)) / (N − 1).
public struct MoranProcess: Sendable {
    /// M[i][j], exact.
    public let payoffs: [[Rational]]
    public let populationSize: Int

    /// - Throws: ``MoranError/invalidParameter(_:)`` unless M is square and non-empty and N ≥ 2.
    public init(payoffs: [[Rational]], populationSize: Int) throws(MoranError) {
        guard !payoffs.isEmpty, payoffs.allSatisfy({ $0.count == payoffs.count }) else {
            throw .invalidParameter("the payoff matrix must be square and non-empty")
        }
        guard populationSize >= 2 else { throw .invalidParameter("the population size must be at least 2") }
        self.payoffs = payoffs
        self.populationSize = populationSize
    }

    /// The strategy count.
    public var strategyCount: Int { payoffs.count }

    /// The largest population for the exact (rational) fixation probabilities: their numbers
    /// grow to O(N) digits, so N is bounded before the work starts.
    public static let maxExactPopulation = 10_000

    /// Average payoffs (F_i, G_i) of a mutant and a resident with i mutants.
    func averagePayoffs(mutant a: Int, resident b: Int, mutants i: Int) -> (Rational, Rational) {
        let n = populationSize
        let f = (payoffs[a][a] * Rational(i - 1) + payoffs[a][b] * Rational(n - i)) / Rational(n - 1)
        let g = (payoffs[b][a] * Rational(i) + payoffs[b][b] * Rational(n - i - 1)) / Rational(n - 1)
        return (f, g)
    }

    /// The exact probability that one `mutant` individual takes over a population of `resident`
    /// under the frequency-dependent Moran process with fitness 1 − w + w·(average payoff)
    /// (Nowak et al. 2004, eq. for ρ_A): ρ = 1 / (1 + Σ_{k=1}^{N−1} Π_{i=1}^{k} g_i/f_i).
    /// A neutral mutant (w = 0, or equal payoffs) fixes with probability exactly 1/N.
    /// - Throws: ``MoranError/nonPositiveFitness(_:)`` when some fitness is ≤ 0 (w too large for
    ///   the payoffs), ``MoranError/invalidParameter(_:)`` for w outside [0, 1] or bad indices.
    /// - Complexity: O(N) rational operations (their size grows with N).
    public func fixationProbability(mutant a: Int, resident b: Int, intensity w: Rational) throws(MoranError) -> Rational {
        try check(a, b)
        guard w >= .zero && w <= .one else { throw .invalidParameter("the intensity of selection w must be in [0, 1]") }
        guard populationSize <= Self.maxExactPopulation else {
            throw .invalidParameter("population \(populationSize) is above the limit of \(Self.maxExactPopulation) for exact fixation probabilities")
        }
        var product = Rational.one, sum = Rational.one
        for i in 1..<populationSize {
            let (fi, gi) = averagePayoffs(mutant: a, resident: b, mutants: i)
            let f = .one - w + w * fi, g = .one - w + w * gi
            guard f > .zero, g > .zero else {
                throw .nonPositiveFitness("fitness 1 − w + w·payoff is not positive at \(i) mutants; lower the intensity w")
            }
            product *= g / f
            sum += product
        }
        return sum.reciprocal
    }

    /// The fixation probability under pairwise comparison with the Fermi rule (Traulsen, Nowak &
    /// Pacheco, "Stochastic dynamics of invasion and fixation", Phys. Rev. E 2006):
    /// ρ = 1 / (1 + Σ_{k=1}^{N−1} exp(−β Σ_{i=1}^{k} (F_i − G_i))), evaluated in log space so
    /// that large β·N neither overflows nor loses the small probabilities.
    /// - Complexity: O(N).
    public func fixationProbability(mutant a: Int, resident b: Int, fermiIntensity beta: Double) throws(MoranError) -> Double {
        try check(a, b)
        guard beta >= 0, beta.isFinite else { throw .invalidParameter("the intensity of selection β must be a non-negative number") }
        let differences = (1..<populationSize).map { i -> Double in
            let (f, g) = averagePayoffs(mutant: a, resident: b, mutants: i)
            return (f - g).doubleValue
        }
        return Self.fermiFixation(populationSize: populationSize, intensity: beta) { differences[$0 - 1] }
    }

    /// 1 / (1 + Σ_{k=1}^{m−1} exp(L_k)), L_k = −α Σ_{i=1}^{k} d(i), in log space.
    static func fermiFixation(populationSize m: Int, intensity alpha: Double, difference d: (Int) -> Double) -> Double {
        var logs = [Double](repeating: 0, count: m)   // logs[0] = 0 for the leading 1
        var l = 0.0
        for k in 1..<m {
            l -= alpha * d(k)
            logs[k] = l
        }
        let top = logs.max()!
        var total = 0.0
        for v in logs { total += exp(v - top) }
        return exp(-top) / total
    }

    /// ρ = (1 − e^{−u}) / (1 − e^{−m·u}) for a constant payoff advantage (u = α·Δ), stably for
    /// either sign of u and exactly 1/m at u = 0 (the multi-population α-Rank case).
    static func constantFermiFixation(populationSize m: Int, _ u: Double) -> Double {
        if u == 0 { return 1 / Double(m) }
        if u > 0 { return expm1(-u) / expm1(-Double(m) * u) }
        let v = -u
        return exp(-Double(m - 1) * v) * expm1(-v) / expm1(-Double(m) * v)
    }

    /// `matrix[i][j]`: ρ of one mutant i among residents j, exactly; the diagonal is 1/N (a neutral
    /// mutant). Typical input: a tournament's mean payoff matrix (Axelrod's ecological question in
    /// a finite population).
    /// - Complexity: O(k²·N) rational operations for k strategies.
    public func fixationMatrix(intensity w: Rational) throws(MoranError) -> [[Rational]] {
        var matrix = [[Rational]]()
        for i in payoffs.indices {
            var row = [Rational]()
            for j in payoffs.indices {
                row.append(i == j ? Rational(1, populationSize) : try fixationProbability(mutant: i, resident: j, intensity: w))
            }
            matrix.append(row)
        }
        return matrix
    }

    /// The stationary distribution over the monomorphic states in the limit of rare mutations
    /// (Fudenberg & Imhof, "Imitation processes with small mutations", JET 2006): the chain moves
    /// from all-s to all-r with probability ρ(r invades s)/(k − 1), for k strategies. Exact, by
    /// GTH state reduction in rationals (no subtraction, so no cancellation to fear), under the
    /// Moran process with linear fitness.
    /// - Complexity: O(k²) fixation probabilities plus O(k³) rational operations.
    public func smallMutationStationaryDistribution(intensity w: Rational) throws(MoranError) -> [Rational] {
        let k = strategyCount
        if k == 1 { return [.one] }
        var p = [Rational](repeating: .zero, count: k * k)
        for s in 0..<k { for r in 0..<k where r != s {
            p[s * k + r] = try fixationProbability(mutant: r, resident: s, intensity: w) / Rational(k - 1)
        } }
        return try Self.exactGTH(&p, n: k)
    }

    /// The same limit under Fermi pairwise comparison, in doubles (GTH state reduction).
    public func smallMutationStationaryDistribution(fermiIntensity beta: Double) throws(MoranError) -> [Double] {
        let k = strategyCount
        if k == 1 { return [1] }
        var p = [Double](repeating: 0, count: k * k)
        for s in 0..<k { for r in 0..<k where r != s {
            p[s * k + r] = try fixationProbability(mutant: r, resident: s, fermiIntensity: beta) / Double(k - 1)
        } }
        guard let pi = StationaryDistribution.gth(&p, n: k) else {
            throw .invalidParameter("the chain is reducible in floating point (fixation probabilities underflow at this intensity)")
        }
        return pi
    }

    /// GTH (see ``StationaryDistribution/gth(_:n:)``) in rationals.
    static func exactGTH(_ a: inout [Rational], n: Int) throws(MoranError) -> [Rational] {
        for k in stride(from: n - 1, through: 1, by: -1) {
            var s = Rational.zero
            for j in 0..<k { s += a[k * n + j] }
            guard s > .zero else { throw .invalidParameter("the chain is reducible: some state is never left") }
            for i in 0..<k { a[i * n + k] /= s }
            for i in 0..<k where !a[i * n + k].isZero {
                for j in 0..<k { a[i * n + j] += a[i * n + k] * a[k * n + j] }
            }
        }
        var pi = [Rational](repeating: .zero, count: n)
        pi[0] = .one
        var total = Rational.one
        for k in 1..<n {
            var v = Rational.zero
            for i in 0..<k { v += pi[i] * a[i * n + k] }
            pi[k] = v
            total += v
        }
        return pi.map { $0 / total }
    }

    private func check(_ a: Int, _ b: Int) throws(MoranError) {
        guard payoffs.indices.contains(a), payoffs.indices.contains(b), a != b else {
            throw .invalidParameter("mutant and resident must be two different strategies")
        }
    }
}
