import Equilibria
import Foundation

/// An exponential model y ≈ c·bⁿ fitted by least squares to (n, log y).
public struct GrowthFit: Sendable, Codable, Equatable {
    /// The growth base b: y multiplies by about b per unit of size.
    public var base: Double
    /// The constant c.
    public var constant: Double
    /// Coefficient of determination of the fit in log space (1 = perfect).
    public var rSquared: Double
    /// The sizes the fit used.
    public var sizes: [Int]

    /// Ordinary least squares of log y = log c + n·log b over the points with y > 0; nil with
    /// fewer than two such points or a single distinct size.
    /// - Complexity: O(k) for k points.
    public static func fit(_ points: [(size: Int, value: Double)]) -> GrowthFit? {
        let usable = points.filter { $0.value > 0 && $0.value.isFinite }
        guard usable.count >= 2 else { return nil }
        let xs = usable.map { Double($0.size) }, ys = usable.map { Foundation.log($0.value) }
        let k = Double(usable.count)
        let mx = xs.reduce(0, +) / k, my = ys.reduce(0, +) / k
        let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        guard sxx > 0 else { return nil }
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let slope = sxy / sxx, intercept = my - slope * mx
        let ssTotal = ys.reduce(0) { $0 + ($1 - my) * ($1 - my) }
        let ssResidual = zip(xs, ys).reduce(0) { $0 + pow($1.1 - (intercept + slope * $1.0), 2) }
        let r2 = ssTotal > 0 ? 1 - ssResidual / ssTotal : 1
        return GrowthFit(base: Foundation.exp(slope), constant: Foundation.exp(intercept), rSquared: r2,
                         sizes: usable.map(\.size))
    }

    /// The per-unit growth factor between two measurements: (y₂/y₁)^(1/(n₂−n₁)); nil when either
    /// is not positive or the sizes are equal.
    public static func factor(from a: (size: Int, value: Double), to b: (size: Int, value: Double)) -> Double? {
        guard a.value > 0, b.value > 0, b.size != a.size else { return nil }
        return Foundation.pow(b.value / a.value, 1 / Double(b.size - a.size))
    }
}

/// Counting support pairs, the work of support enumeration.
public enum SupportPairs {
    /// The number of pairs of equal-size non-empty supports of an m×n game:
    /// Σₖ C(m,k)·C(n,k) = C(m+n, m) − 1 (Vandermonde), as a double.
    public static func exact(rows m: Int, columns n: Int) -> Double {
        SupportEnumeration.supportPairCount(rows: m, columns: n, equalSizeOnly: true)
    }

    /// The asymptotic count for an n×n game, 4ⁿ/√(πn) (Stirling on C(2n, n)).
    public static func approximate(_ n: Int) -> Double {
        Foundation.pow(4, Double(n)) / (Double.pi * Double(n)).squareRoot()
    }
}
