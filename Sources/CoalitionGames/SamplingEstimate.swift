import ExactArithmetic
#if canImport(Glibc)
import Glibc
#endif

/// A sampled estimate of a value with a confidence interval per player.
public struct SampledValue: Sendable {
    /// The estimates (sample means), one per player.
    public let estimate: [Double]
    /// Half-widths of the confidence intervals: the true value lies in estimate ± halfWidth with
    /// the stated confidence (normal approximation, Castro, Gómez & Tejada 2009).
    public let halfWidth: [Double]
    /// Sample standard deviations of the marginal contributions.
    public let standardDeviation: [Double]
    /// The confidence level of the intervals (e.g. 0.95).
    public let confidence: Double
    /// Number of samples drawn (permutations for Shapley, coalitions for Banzhaf).
    public let samples: Int
    /// The seed of the SplitMix64 stream, so the run can be replayed.
    public let seed: UInt64
}

/// When to stop sampling.
public enum SamplingStop: Sendable, Equatable {
    /// Exactly this many samples.
    case samples(Int)
    /// Until every player's interval half-width is at most `error` at `confidence`, drawing at
    /// most `maxSamples` (Castro, Gómez & Tejada 2009, §3: m ≥ z²σ²/e², σ estimated on the fly).
    case targetError(Double, confidence: Double, maxSamples: Int)
}

/// Something whose marginal contributions can be sampled: a table game or a rule.
public enum SamplableGame: Sendable {
    case table(TUGame)
    case rule(CoalitionRule)

    public var playerCount: Int {
        switch self { case .table(let g): return g.playerCount; case .rule(let r): return r.playerCount }
    }
}

/// Estimates of the Shapley value by random permutations and of the Banzhaf value by random
/// coalitions.
///
/// Source: J. Castro, D. Gómez, J. Tejada, "Polynomial calculation of the Shapley value based on
/// sampling", Computers & Operations Research 36 (2009) 1726–1730.
///
/// Steps (Shapley): draw a uniform permutation (Fisher–Yates on SplitMix64), add each player's
/// marginal contribution to its predecessors; the mean over m permutations is unbiased, and by
/// the central limit theorem lies within z·s/√m of the value with probability ≈ confidence
/// (s the sample standard deviation, z the normal quantile). Banzhaf: draw S uniformly (each
/// player with probability 1/2) and record v(S ∪ i) − v(S ∖ i) for every i.
///
/// - Complexity: O(m·n) for Shapley on a rule or table; O(m·n²) for Banzhaf on a rule, O(m·n) on a table.
public enum ValueSampler {
    /// Shapley value estimate by permutation sampling.
    /// - Throws: ``TUGameError/invalidRule(_:)`` for an invalid rule or stopping rule.
    public static func shapley(_ game: SamplableGame, stop: SamplingStop, seed: UInt64) throws -> SampledValue {
        let n = game.playerCount
        var rng = SplitMix64(seed: seed)
        var order = Array(0..<n)
        var marginal = [Double](repeating: 0, count: n)
        let params: CoalitionRule.DoubleParameters?
        if case .rule(let r) = game { try r.validate(); params = r.doubleParameters } else { params = nil }
        return try run(n: n, stop: stop, seed: seed) {
            for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, rng.uniform(0...i)) }
            switch game {
            case .rule(let r): r.permutationMarginals(order: order, doubles: params!, into: &marginal)
            case .table(let g):
                var s = 0
                for i in order { let t = s | 1 << i; marginal[i] = g.doubleValue(t) - g.doubleValue(s); s = t }
            }
            return marginal
        }
    }

    /// Banzhaf value estimate by uniform coalition sampling.
    public static func banzhaf(_ game: SamplableGame, stop: SamplingStop, seed: UInt64) throws -> SampledValue {
        let n = game.playerCount
        var rng = SplitMix64(seed: seed)
        var marginal = [Double](repeating: 0, count: n)
        var members = [Bool](repeating: false, count: n)
        if case .rule(let r) = game { try r.validate() }
        return try run(n: n, stop: stop, seed: seed) {
            var bits: UInt64 = 0
            for i in 0..<n {
                if i % 64 == 0 { bits = rng.next() }
                members[i] = bits & 1 == 1; bits >>= 1
            }
            switch game {
            case .rule(let r):
                for i in 0..<n {
                    let was = members[i]
                    members[i] = true; let with = r.value(members: members).doubleValue
                    members[i] = false; let without = r.value(members: members).doubleValue
                    members[i] = was
                    marginal[i] = with - without
                }
            case .table(let g):
                var s = 0
                for i in 0..<n where members[i] { s |= 1 << i }
                for i in 0..<n { marginal[i] = g.doubleValue(s | 1 << i) - g.doubleValue(s & ~(1 << i)) }
            }
            return marginal
        }
    }

    static func run(n: Int, stop: SamplingStop, seed: UInt64, draw: () -> [Double]) throws -> SampledValue {
        let confidence: Double, target: Double?, limit: Int
        switch stop {
        case .samples(let m):
            guard m >= 2 else { throw TUGameError.invalidRule("at least 2 samples are needed, got \(m)") }
            confidence = 0.95; target = nil; limit = m
        case .targetError(let e, let c, let maxSamples):
            guard e > 0, c > 0, c < 1, maxSamples >= 2 else {
                throw TUGameError.invalidRule("the target error must be positive and the confidence in (0, 1)")
            }
            confidence = c; target = e; limit = maxSamples
        }
        let z = normalQuantile(0.5 + confidence / 2)
        // Welford's running mean and variance per player.
        var mean = [Double](repeating: 0, count: n), m2 = [Double](repeating: 0, count: n)
        var count = 0
        while count < limit {
            let x = draw()
            count += 1
            for i in 0..<n {
                let d = x[i] - mean[i]
                mean[i] += d / Double(count)
                m2[i] += d * (x[i] - mean[i])
            }
            if let target, count >= 100, count % 100 == 0 {
                let worst = m2.map { (($0 / Double(count - 1)).squareRoot()) * z / Double(count).squareRoot() }.max() ?? 0
                if worst <= target { break }
            }
        }
        let sd = m2.map { ($0 / Double(max(count - 1, 1))).squareRoot() }
        return SampledValue(estimate: mean, halfWidth: sd.map { z * $0 / Double(count).squareRoot() },
                            standardDeviation: sd, confidence: confidence, samples: count, seed: seed)
    }

    /// The standard normal quantile Φ⁻¹(p), by bisection on erfc (|error| < 1e-12).
    public static func normalQuantile(_ p: Double) -> Double {
        var lo = -40.0, hi = 40.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if 0.5 * erfc(-mid / 2.0.squareRoot()) < p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
