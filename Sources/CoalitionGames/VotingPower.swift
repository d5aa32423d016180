import BigInt
import ExactArithmetic

/// Power indices of a weighted voting game, exactly.
public struct VotingPower: Sendable {
    /// Shapley–Shubik index (sums to 1 when some coalition wins).
    public let shapleyShubik: [Rational]
    /// Normalised Banzhaf index: swingsᵢ / Σ swings.
    public let banzhaf: [Rational]
    /// Absolute (Penrose–Banzhaf) index: swingsᵢ / 2^{n−1}.
    public let banzhafAbsolute: [Rational]
    /// Raw swings: the number of coalitions S ∌ i that lose but win with i.
    public let swings: [BigInt]
}

extension CoalitionRule {
    /// The largest DP table (cells × words) the voting-power algorithm allocates.
    public static let maximumVotingCells = 1 << 27

    /// Shapley–Shubik and Banzhaf indices of a weighted voting game [q; w] by dynamic
    /// programming over weights ("generating functions", Brams & Affuso 1976; Matsui & Matsui
    /// 2000, "A survey of algorithms for calculating power indices of weighted majority games").
    ///
    /// Steps: scale weights and quota to integers W, Q. Count C[k][w] = #{S : |S| = k, W(S) = w}
    /// for w < Q (one knapsack pass per player). For each distinct weight wᵢ remove that player
    /// by deconvolution, Cᵢ[k][w] = C[k][w] − Cᵢ[k−1][w − wᵢ]; its swings of size k are
    /// sᵢ(k) = Σ_{Q−wᵢ ≤ w < Q} Cᵢ[k][w]. Then SSᵢ = Σ_k sᵢ(k)·k!(n−1−k)!/n! and
    /// swingsᵢ = Σ_k sᵢ(k). Counts are exact multi-word integers (⌈n/64⌉ words; no overflow since
    /// every count is at most 2^n), combined in BigInt.
    ///
    /// - Throws: ``TUGameError/invalidRule(_:)`` for other rules or invalid weights, and when the
    ///   table would exceed ``maximumVotingCells`` (weights with too many significant digits).
    /// - Complexity: O(n²·Q·⌈n/64⌉) word operations for the counts (plus O(d·n·Q·⌈n/64⌉) for d
    ///   distinct weights) and O(n·Q·⌈n/64⌉) memory. Pseudo-polynomial: fast for integer weights.
    ///   A game nobody can win gives all-zero indices.
    public func votingPower() throws -> VotingPower {
        guard case .weightedVoting(let quota, let weights) = self else {
            throw TUGameError.invalidRule("voting power needs a weighted voting game")
        }
        try validate()
        let n = weights.count
        // Common denominator for weights and quota.
        var den = BigInt(1)
        for x in weights + [quota] {
            let d = x.denominator
            den = den / den.greatestCommonDivisor(with: d) * d
        }
        let scaled = (weights + [quota]).map { x in x.numerator * (den / x.denominator) }
        guard let q = Int(exactly: scaled[n]) else { throw TUGameError.invalidRule("the quota is too large for the counting table") }
        // Weights ≥ q behave like q (the player alone wins); cap to keep Int.
        let w: [Int] = scaled[0..<n].map { Int(exactly: $0).map { min($0, q) } ?? q }
        let words = n / 64 + 1
        let rowCells = q * words
        guard q.multipliedReportingOverflow(by: (n + 1) * words).overflow == false,
              q * (n + 1) * words <= Self.maximumVotingCells else {
            throw TUGameError.invalidRule("quota \(q) (after scaling weights to integers) needs a counting table of more than \(Self.maximumVotingCells) words")
        }
        // C[k] rows, each q cells of `words` words, little-endian.
        var c = [UInt64](repeating: 0, count: (n + 1) * rowCells)
        c.withUnsafeMutableBufferPointer { c in
            c[0] = 1                                  // C[0][0] = 1
            for (j, wj) in w.enumerated() {
                for k in stride(from: j + 1, through: 1, by: -1) {
                    let dst = k * rowCells, src = (k - 1) * rowCells
                    // C[k][x] += C[k−1][x − wj] for x from q−1 down to wj (in place is safe: rows differ).
                    addShifted(c, dst: dst, src: src, shift: wj, q: q, words: words)
                }
            }
        }
        var factorial = [BigInt(1)]
        for k in 1...max(n, 1) { factorial.append(factorial[k - 1] * BigInt(k)) }
        var byWeight: [Int: (ss: BigInt, swings: BigInt)] = [:]
        var prev = [UInt64](repeating: 0, count: rowCells), cur = prev
        for wi in Set(w) {
            var ssNumerator = BigInt(0), swingTotal = BigInt(0)
            let lo = max(0, q - wi)
            c.withUnsafeBufferPointer { c in
                for k in 0..<n {
                    // cur = C[k] − shift(prev, wi), prev = C_i[k−1].
                    cur.withUnsafeMutableBufferPointer { cur in
                        prev.withUnsafeBufferPointer { prev in
                            subtractShifted(c, row: k * rowCells, prev: prev, into: cur, shift: wi, q: q, words: words, first: k == 0)
                        }
                    }
                    // Swings of size k: Σ_{lo ≤ x < q} cur[x].
                    var sum = [UInt64](repeating: 0, count: words + 1)
                    for x in lo..<q { addWords(&sum, cur, at: x * words, words: words) }
                    let s = bigFromWords(sum)
                    if !s.isZero {
                        swingTotal += s
                        ssNumerator += s * factorial[k] * factorial[n - 1 - k]
                    }
                    swap(&prev, &cur)
                }
            }
            for x in 0..<prev.count { prev[x] = 0 }
            byWeight[wi] = (ssNumerator, swingTotal)
        }
        let swings = w.map { byWeight[$0]!.swings }
        let ss = w.map { Rational(byWeight[$0]!.ss, factorial[n]) }
        let total = swings.reduce(BigInt(0), +)
        let half = BigInt(1) << (n - 1)
        return VotingPower(
            shapleyShubik: ss,
            banzhaf: swings.map { total.isZero ? .zero : Rational($0, total) },
            banzhafAbsolute: swings.map { Rational($0, half) },
            swings: swings)
    }
}

/// dst[x] += src[x − shift] for x in shift..<q, descending (multi-word add with carry).
@inline(__always)
private func addShifted(_ c: UnsafeMutableBufferPointer<UInt64>, dst: Int, src: Int, shift: Int, q: Int, words: Int) {
    if shift >= q { return }
    if words == 1 {
        var x = q - 1
        while x >= shift { c[dst + x] &+= c[src + x - shift]; x -= 1 }
        return
    }
    var x = q - 1
    while x >= shift {
        let d = dst + x * words, s = src + (x - shift) * words
        var carry: UInt64 = 0
        for t in 0..<words {
            let (a, o1) = c[d + t].addingReportingOverflow(c[s + t])
            let (b, o2) = a.addingReportingOverflow(carry)
            c[d + t] = b
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        x -= 1
    }
}

/// out[x] = C[row][x] − prev[x − shift] (prev term only for x ≥ shift and when not `first`).
@inline(__always)
private func subtractShifted(_ c: UnsafeBufferPointer<UInt64>, row: Int, prev: UnsafeBufferPointer<UInt64>,
                             into out: UnsafeMutableBufferPointer<UInt64>, shift: Int, q: Int, words: Int, first: Bool) {
    for x in 0..<q {
        let base = x * words
        if first || x < shift {
            for t in 0..<words { out[base + t] = c[row + base + t] }
            continue
        }
        let p = (x - shift) * words
        var borrow: UInt64 = 0
        for t in 0..<words {
            let (a, o1) = c[row + base + t].subtractingReportingOverflow(prev[p + t])
            let (b, o2) = a.subtractingReportingOverflow(borrow)
            out[base + t] = b
            borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
    }
}

private func addWords(_ sum: inout [UInt64], _ cur: [UInt64], at offset: Int, words: Int) {
    var carry: UInt64 = 0
    for t in 0..<sum.count {
        let add = t < words ? cur[offset + t] : 0
        let (a, o1) = sum[t].addingReportingOverflow(add)
        let (b, o2) = a.addingReportingOverflow(carry)
        sum[t] = b
        carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
    }
}

private func bigFromWords(_ words: [UInt64]) -> BigInt {
    var r = BigUInt(0)
    for wd in words.reversed() { r = (r << 64) + BigUInt(wd) }
    return BigInt(r)
}
