import BigInt
import ExactArithmetic

/// Upper bounds on the optimal structure value from per-size maxima.
///
/// Source: Rahwan, Ramchurn, Jennings & Giovannucci, "An anytime algorithm for optimal coalition
/// structure generation", JAIR 34 (2009) 521–567, §4: every structure whose parts have sizes
/// i₁, ..., i_k (an integer partition of n) is worth at most Σ Max_{i_j}, where Max_s is the
/// largest value of a coalition of size s; so the best integer partition under Max bounds the
/// optimum. Any f ≥ v that is the value of a partition of C (a dynamic-programming table) may
/// replace v.
enum PartitionBounds {
    /// Max_s over the table `f` (index s = 1...n; index 0 unused).
    /// - Complexity: O(2^n).
    static func sizeMaxima<A: FixedWidthInteger & SignedInteger>(table: CoalitionValueTable, f: [A], completedLayer: Int) -> [Int128] {
        let n = table.playerCount
        var m = [Int128](repeating: Int128.min, count: n + 1)
        for c in 1..<f.count {
            let s = c.nonzeroBitCount
            let x = Int128(f[c])
            if x > m[s] { m[s] = x }
        }
        return m
    }

    /// max over integer partitions (i₁, ..., i_k) of n of Σ maxima[i_j], exactly, over the
    /// table's denominator (in the maximised sign).
    /// - Complexity: O(n²).
    static func integerPartitionBound(players n: Int, maxima: [Int128], denominator: Int = 1) -> Rational {
        Rational(BigInt.fromInt128(bestSum(players: n, maxima: maxima)), BigInt(denominator))
    }

    /// The best Σ maxima over integer partitions of m, for each m ≤ n.
    static func bestSums(players n: Int, maxima: [Int128]) -> [Int128] {
        var ub = [Int128](repeating: Int128.min, count: n + 1)
        ub[0] = 0
        for m in 1...max(n, 1) where m <= n {
            for s in 1...m where maxima[s] != Int128.min && ub[m - s] != Int128.min {
                ub[m] = max(ub[m], maxima[s] + ub[m - s])
            }
        }
        return ub
    }

    static func bestSum(players n: Int, maxima: [Int128]) -> Int128 { bestSums(players: n, maxima: maxima)[n] }
}
