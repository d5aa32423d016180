import ExactArithmetic
import StrategicGames

extension BimatrixGenerators {
    /// A tournament game (Anbalagan, Norin, Savani & Vetta, "Polylogarithmic supports are
    /// required for approximate well-supported Nash equilibria below 2/3", WINE 2013), a
    /// win-lose game built on a random tournament on n nodes.
    ///
    /// Steps: orient each edge {u, v} (u < v, in lexicographic order) by a fair coin; the row
    /// player picks a node i, the column player a k-subset S of nodes (subsets in colexicographic
    /// order, the combinatorial number system: {0,1}, {0,2}, {1,2}, {0,3}, ...). The row player
    /// gets 1 when i beats every node of S, else 0; the column player gets 1 when i ∈ S, else 0.
    /// The game is n × C(n, k).
    /// - Parameters: nodes n ≥ 2; subsetSize k in 1...n.
    /// - Complexity: O(n² + n·C(n, k)·k).
    public static func tournament(nodes n: Int, subsetSize k: Int, seed: UInt64) throws -> BimatrixGame {
        guard n >= 2 else { throw GeneratorError.invalidParameter("a tournament game needs at least 2 nodes (got \(n))") }
        guard (1...n).contains(k) else { throw GeneratorError.invalidParameter("the subset size must be in 1...\(n) (got \(k))") }
        let columns = try binomial(n, k)
        try checkShape(n, columns)
        var rng = SplitMix64(seed: seed)
        var beats = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        for u in 0..<n {
            for v in (u + 1)..<n {
                if rng.next() & 1 == 0 { beats[u][v] = true } else { beats[v][u] = true }
            }
        }
        var a = [Rational](repeating: .zero, count: n * columns), b = a
        var subset = Array(0..<k)
        for c in 0..<columns {
            for i in 0..<n where subset.allSatisfy({ beats[i][$0] }) { a[i * columns + c] = .one }
            for i in subset { b[i * columns + c] = .one }
            nextColex(&subset, n: n)
        }
        return game("tournament n=\(n) k=\(k) seed \(seed)", "tournament game on a random tournament with \(n) nodes, column strategies are \(k)-subsets",
                    a, b, rows: n, columns: columns)
    }

    /// C(n, k), throwing when it exceeds ``maximumCells``.
    static func binomial(_ n: Int, _ k: Int) throws -> Int {
        var c = 1
        for i in 0..<min(k, n - k) {
            c = c * (n - i) / (i + 1)
            guard c <= maximumCells else { throw GeneratorError.tooLarge("C(\(n), \(k)) exceeds \(maximumCells) strategies") }
        }
        return c
    }

    /// The next k-subset in colexicographic order (no-op after the last).
    static func nextColex(_ s: inout [Int], n: Int) {
        let k = s.count
        for i in 0..<k {
            let limit = i + 1 < k ? s[i + 1] : n
            if s[i] + 1 < limit {
                s[i] += 1
                for j in 0..<i { s[j] = j }
                return
            }
        }
    }
}
