import ExactArithmetic

/// How uniform random payoffs are drawn.
public enum PayoffDistribution: Sendable, Hashable {
    /// Integers drawn uniformly from the closed range.
    case integers(ClosedRange<Int>)
    /// Decimals k / 10^digits drawn uniformly from [0, 1) (1 ≤ digits ≤ 9); "real" payoffs kept
    /// exact.
    case decimals(digits: Int)

    /// The default: integers 0...99.
    public static let standard = PayoffDistribution.integers(0...99)

    func validate() throws {
        switch self {
        case .integers(let r):
            guard r.lowerBound >= -1_000_000_000, r.upperBound <= 1_000_000_000 else {
                throw GeneratorError.invalidParameter("integer payoffs must lie within ±10^9 (got \(r.lowerBound)...\(r.upperBound))")
            }
        case .decimals(let d):
            guard (1...9).contains(d) else {
                throw GeneratorError.invalidParameter("decimal digits must be in 1...9 (got \(d))")
            }
        }
    }

    func sample(_ rng: inout SplitMix64) -> Rational {
        switch self {
        case .integers(let r): return Rational(rng.uniform(r))
        case .decimals(let d): return Sampling.unitDecimal(&rng, decimals: d)
        }
    }

    var label: String {
        switch self {
        case .integers(let r): return "integers \(r.lowerBound)...\(r.upperBound)"
        case .decimals(let d): return "decimals in [0, 1) with \(d) digits"
        }
    }
}
