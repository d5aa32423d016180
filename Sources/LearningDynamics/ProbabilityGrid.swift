import ExactArithmetic
import StrategicGames

/// Floating-point probability vectors rounded to exact decimal fractions that sum to one.
public enum ProbabilityGrid {
    /// The probability vector nearest to `x / Σx` on the grid of multiples of 10^−digits, by the
    /// largest-remainder (Hamilton) method: every entry is rounded down, then the units still
    /// missing go to the largest remainders, ties to the lowest index. Negative or non-finite
    /// entries count as 0; an all-zero vector becomes uniform on the grid.
    ///
    /// The result is what GameSolve prints for a floating-point strategy, and what its exact
    /// exploitability is computed from.
    /// - Precondition: `1 <= digits <= 15`, `x` non-empty.
    /// - Complexity: O(n log n) for n entries.
    public static func round(_ x: [Double], digits: Int) -> [Rational] {
        precondition(!x.isEmpty && (1...15).contains(digits))
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let clean = x.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let total = clean.reduce(0, +)
        let p = total > 0 ? clean.map { $0 / total } : Array(repeating: 1 / Double(x.count), count: x.count)
        var units = [Int](repeating: 0, count: p.count)
        var remainders = [(Double, Int)]()
        remainders.reserveCapacity(p.count)
        var assigned = 0
        for (i, v) in p.enumerated() {
            let scaled = v * Double(scale)
            let down = min(Int(scaled.rounded(.down)), scale)
            units[i] = down
            assigned += down
            remainders.append((scaled - Double(down), i))
        }
        var missing = scale - assigned
        if missing > 0 {
            remainders.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            var k = 0
            while missing > 0 {
                units[remainders[k % remainders.count].1] += 1
                missing -= 1
                k += 1
            }
        } else if missing < 0 {
            // Only from rounding at the top of the range: take units back from the largest entries.
            while missing < 0, let i = units.indices.max(by: { units[$0] < units[$1] }) {
                units[i] -= 1
                missing += 1
            }
        }
        return units.map { Rational($0, scale) }
    }

    /// ``round(_:digits:)`` applied to every player's strategy.
    public static func profile(_ strategies: [[Double]], digits: Int) -> MixedProfile {
        strategies.map { MixedStrategy(unchecked: round($0, digits: digits)) }
    }
}
