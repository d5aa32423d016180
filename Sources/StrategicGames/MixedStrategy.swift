import ExactArithmetic

/// A probability distribution over one player's pure strategies, with exact probabilities.
public struct MixedStrategy: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One probability per pure strategy.
    public let probabilities: [Rational]

    /// A mixed strategy; nil unless every probability is non-negative and they sum to one.
    public init?(_ probabilities: [Rational]) {
        guard !probabilities.isEmpty, probabilities.allSatisfy({ $0 >= .zero }),
              probabilities.reduce(Rational.zero, +) == .one else { return nil }
        self.probabilities = probabilities
    }

    /// Wraps probabilities without checking them (for solvers that verify afterwards).
    public init(unchecked probabilities: [Rational]) { self.probabilities = probabilities }

    /// The pure strategy `index` out of `count`.
    public static func pure(_ index: Int, of count: Int) -> MixedStrategy {
        var p = [Rational](repeating: .zero, count: count)
        p[index] = .one
        return MixedStrategy(unchecked: p)
    }

    /// The uniform mix over `count` strategies.
    public static func uniform(_ count: Int) -> MixedStrategy {
        MixedStrategy(unchecked: Array(repeating: Rational(1, count), count: count))
    }

    /// Indices of the strategies played with positive probability.
    public var support: [Int] { probabilities.indices.filter { !probabilities[$0].isZero } }

    /// True when exactly one strategy has probability one.
    public var isPure: Bool { support.count == 1 }

    /// True when the entries are non-negative and sum to one.
    public var isProbabilityVector: Bool {
        probabilities.allSatisfy { $0 >= .zero } && probabilities.reduce(Rational.zero, +) == .one
    }

    public var description: String { "(" + probabilities.map(\.description).joined(separator: ", ") + ")" }
}

/// One mixed strategy per player.
public typealias MixedProfile = [MixedStrategy]
