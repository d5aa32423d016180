import StrategicGames

/// A game's payoffs in doubles, laid out so that every player's vector of pure-strategy payoffs
/// against the others' mixed strategies is a sequence of contiguous multiply-adds.
///
/// Two players: the row player's matrix is kept column-major (`a[i + m·j]`, the game's own profile
/// order) and the column player's row-major (`b[j + n·i]`), so both products u₀ = A·y and
/// u₁ = Bᵀ·x are sums of contiguous columns scaled by one probability (vectorisable, no
/// gathers), skipping strategies of probability zero. N players: one pass over the pure profiles
/// per player. One symmetric population (B = Aᵀ): only u = A·σ.
///
/// - Complexity: O(Σ over the other player's support of the own strategy count) for two players
///   (at most m·n per player), O(P·N) per player for P pure profiles and N players.
struct PayoffKernel {
    let counts: [Int]
    /// Two-player layouts (empty for N players).
    private let rowMajorColumnPayoffs: [Double]
    /// The two matrices again in single precision when every payoff is exactly a `Float` (small
    /// integers, short binary fractions): half the memory traffic, converted back to `Double`
    /// on load, so the sums are the same as from the doubles.
    private let rowPayoffs32: [Float]
    private let columnPayoffs32: [Float]
    /// `payoffs[p][k]` in doubles, profile order (player 1 fastest).
    let payoffs: [[Double]]
    let isTwoPlayer: Bool

    init(_ game: NormalFormGame) {
        counts = game.strategyCounts
        payoffs = game.payoffs.map { $0.map(\.doubleValue) }
        isTwoPlayer = counts.count == 2
        if isTwoPlayer {
            let m = counts[0], n = counts[1]
            var b = [Double](repeating: 0, count: m * n)
            for j in 0..<n { for i in 0..<m { b[j + n * i] = payoffs[1][i + m * j] } }
            rowMajorColumnPayoffs = b
            let exact = payoffs.allSatisfy { $0.allSatisfy { Double(Float($0)) == $0 } }
            rowPayoffs32 = exact ? payoffs[0].map { Float($0) } : []
            columnPayoffs32 = exact ? b.map { Float($0) } : []
        } else {
            rowMajorColumnPayoffs = []
            rowPayoffs32 = []
            columnPayoffs32 = []
        }
    }

    /// `u[p][s]`: player p's payoff from pure strategy s against the others' `strategies`.
    /// With `symmetric`, only player 0's vector is computed, against `strategies[0]` as the opponent.
    func utilities(_ strategies: [[Double]], into u: inout [[Double]], symmetric: Bool = false) {
        if symmetric {
            if rowPayoffs32.isEmpty {
                Self.multiply(payoffs[0], strategies[0], rows: counts[0], into: &u[0])
            } else {
                Self.multiply(rowPayoffs32, strategies[0], rows: counts[0], into: &u[0])
            }
            return
        }
        if isTwoPlayer {
            if rowPayoffs32.isEmpty {
                Self.multiply(payoffs[0], strategies[1], rows: counts[0], into: &u[0])
                Self.multiply(rowMajorColumnPayoffs, strategies[0], rows: counts[1], into: &u[1])
            } else {
                Self.multiply(rowPayoffs32, strategies[1], rows: counts[0], into: &u[0])
                Self.multiply(columnPayoffs32, strategies[0], rows: counts[1], into: &u[1])
            }
            return
        }
        for p in counts.indices { generalUtilities(player: p, strategies, into: &u[p]) }
    }

    /// out = M·v for a column-major `rows`×v.count matrix M, by columns (axpy form), four
    /// non-zero columns per pass over `out` and eight rows per SIMD operation; columns whose
    /// weight is zero are skipped.
    private static func multiply<Scalar: BinaryFloatingPoint & SIMDScalar>(_ matrix: [Scalar], _ v: [Double], rows: Int, into out: inout [Double]) {
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<rows { o[i] = 0 }
            matrix.withUnsafeBufferPointer { a in
                v.withUnsafeBufferPointer { w in
                    let o = o.baseAddress!, a = a.baseAddress!
                    var found = 0
                    func flush(_ c: [Int], _ count: Int) {
                        let vectorEnd = rows & ~7
                        // Columns not found weigh 0 and point at column c.0 (harmless reads).
                        let w0 = w[c[0]], w1 = count > 1 ? w[c[1]] : 0, w2 = count > 2 ? w[c[2]] : 0, w3 = count > 3 ? w[c[3]] : 0
                        let p0 = a + c[0] * rows, p1 = a + (count > 1 ? c[1] : c[0]) * rows
                        let p2 = a + (count > 2 ? c[2] : c[0]) * rows, p3 = a + (count > 3 ? c[3] : c[0]) * rows
                        var i = 0
                        while i < vectorEnd {
                            var acc = UnsafeRawPointer(o + i).loadUnaligned(as: SIMD8<Double>.self)
                            acc += SIMD8<Double>(UnsafeRawPointer(p0 + i).loadUnaligned(as: SIMD8<Scalar>.self)) * w0
                            acc += SIMD8<Double>(UnsafeRawPointer(p1 + i).loadUnaligned(as: SIMD8<Scalar>.self)) * w1
                            acc += SIMD8<Double>(UnsafeRawPointer(p2 + i).loadUnaligned(as: SIMD8<Scalar>.self)) * w2
                            acc += SIMD8<Double>(UnsafeRawPointer(p3 + i).loadUnaligned(as: SIMD8<Scalar>.self)) * w3
                            UnsafeMutableRawPointer(o + i).storeBytes(of: acc, as: SIMD8<Double>.self)
                            i += 8
                        }
                        while i < rows {
                            o[i] += Double(p0[i]) * w0 + Double(p1[i]) * w1 + Double(p2[i]) * w2 + Double(p3[i]) * w3
                            i += 1
                        }
                    }
                    var pending = [Int](repeating: 0, count: 4)
                    for j in 0..<w.count where w[j] != 0 {
                        pending[found] = j
                        found += 1
                        if found == 4 { flush(pending, 4); found = 0 }
                    }
                    if found > 0 { flush(pending, found) }
                }
            }
        }
    }

    /// One pass over all pure profiles, weighting player p's payoff by the others' probabilities.
    private func generalUtilities(player p: Int, _ strategies: [[Double]], into out: inout [Double]) {
        for s in 0..<counts[p] { out[s] = 0 }
        let n = counts.count
        var digits = [Int](repeating: 0, count: n)
        let table = payoffs[p]
        for k in 0..<table.count {
            var w = 1.0
            for q in 0..<n where q != p {
                w *= strategies[q][digits[q]]
                if w == 0 { break }
            }
            if w != 0 { out[digits[p]] += w * table[k] }
            for q in 0..<n {
                digits[q] += 1
                if digits[q] < counts[q] { break }
                digits[q] = 0
            }
        }
    }
}
