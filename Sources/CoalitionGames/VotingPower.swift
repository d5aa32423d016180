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
    /// The most players for which weights too large for the counting table (more than
    /// ``maximumVotingCells`` cells after scaling to integers) are handled by enumerating all
    /// 2^n coalitions instead.
    public static let maximumEnumeratedVotingPlayers = 24

    /// Power indices from each player's swings by coalition size: `swingsBySize(i)[k]` counts
    /// the losing coalitions S ∌ i with |S| = k that win with i.
    /// - Complexity: O(n²) big-integer operations.
    static func powerIndices(players n: Int, swingsBySize: (Int) -> [BigInt]) -> VotingPower {
        var factorial = [BigInt(1)]
        for k in 1...max(n, 1) { factorial.append(factorial[k - 1] * BigInt(k)) }
        let perPlayerSwings = (0..<n).map(swingsBySize)
        let swings = perPlayerSwings.map { $0.reduce(BigInt(0), +) }
        let total = swings.reduce(BigInt(0), +)
        let half = BigInt(1) << (n - 1)
        let ss = perPlayerSwings.map { s in
            Rational(s.enumerated().reduce(BigInt(0)) { $0 + $1.element * factorial[$1.offset] * factorial[n - 1 - $1.offset] }, factorial[n])
        }
        return VotingPower(shapleyShubik: ss,
                           banzhaf: swings.map { total.isZero ? .zero : Rational($0, total) },
                           banzhafAbsolute: swings.map { Rational($0, half) },
                           swings: swings)
    }

    /// Power indices by enumerating every coalition (Gray code order, one weight added or removed
    /// per step), for weights too large for the pseudo-polynomial counting table.
    /// - Complexity: O(n·2^n) time, O(n²) memory.
    static func votingPowerByEnumeration(weights w: [Int128], quota q: Int128) -> VotingPower {
        let n = w.count
        var counts = [[UInt64]](repeating: [UInt64](repeating: 0, count: n), count: n)
        var sum: Int128 = 0, mask = 0
        for step in 0..<(1 << n) {
            if step > 0 {
                let bit = step.trailingZeroBitCount
                if mask & (1 << bit) != 0 { sum -= w[bit] } else { sum += w[bit] }
                mask ^= 1 << bit
            }
            guard sum >= q else { continue }
            let size = mask.nonzeroBitCount
            var m = mask
            while m != 0 {
                let i = m.trailingZeroBitCount
                if sum - w[i] < q { counts[i][size - 1] &+= 1 }
                m &= m - 1
            }
        }
        return powerIndices(players: n) { i in counts[i].map { BigInt($0) } }
    }

    /// Shapley–Shubik and Banzhaf indices of a weighted voting game [q; w] by dynamic
    /// programming over weights ("generating functions", Brams & Affuso 1976; Matsui & Matsui
    /// 2000, "A survey of algorithms for calculating power indices of weighted majority games";
    /// the one-table-for-all-players idea as in Uno 2012, "Efficient computation of power indices
    /// for weighted majority games").
    ///
    /// Steps:
    /// 1. Scale weights and quota to integers W, Q; cap every weight at Q (a player who wins
    ///    alone stays one), which leaves the winning coalitions unchanged.
    /// 2. One counting pass over all players, heaviest first: C[k][x] = #{S : |S| = k, W(S) = x}
    ///    for x < Q. Each row k only holds the weights between the lightest and the heaviest
    ///    k-subset seen so far, which skips most of the (n+1)·Q table.
    /// 3. Prefix sums turn C into F(k, t) = #{S : |S| = k, W(S) < t}.
    /// 4. For each *distinct* weight w (equal weights have equal indices), with G(k, t) the same
    ///    count without one such player, F(k, t) = G(k, t) + G(k − 1, t − w) ("removing" the
    ///    player by deconvolution), so g_j(k) = G(k, Q − j·w) follows from
    ///    g_j(k) = F(k, Q − j·w) − g_{j+1}(k − 1), for j from min(n, ⌈Q/w⌉) down to 0; every
    ///    intermediate is a count, so unsigned arithmetic is exact. The swings of size k are
    ///    s(k) = g_0(k) − g_1(k) (losing coalitions that the player turns into winning ones).
    /// 5. swings = Σ_k s(k); Shapley–Shubik = Σ_k s(k)·k!(n−1−k)! / n! (exact, common
    ///    denominator n!); Banzhaf normalised = swings / Σ swings, absolute = swings / 2^{n−1}.
    ///
    /// Counts are fixed-width multi-word integers (enough 64-bit words for C(n, ⌊n/2⌋); the kernels
    /// are specialised for 1–4 words, i.e. up to about 260 players), turned into BigInt only for the
    /// final n sums per distinct weight.
    ///
    /// - Throws: ``TUGameError/invalidRule(_:)`` for other rules or invalid weights, and when the
    ///   table would exceed ``maximumVotingCells`` (weights with too many significant digits).
    /// - Complexity: O(n²·Q·ω) word operations for the counting pass in the worst case (ω words per
    ///   count, ω = ⌈log₂ C(n, n/2) / 64⌉), usually far less thanks to the row ranges, plus
    ///   O(d·n·min(n, Q/w)·ω) for d distinct weights and O(n·Q·ω) memory. Pseudo-polynomial: fast
    ///   for integer weights. A game nobody can win gives all-zero indices; players of weight 0
    ///   get zero.
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
        // Weights ≥ q behave like q (the player alone wins): capping keeps the winning coalitions.
        let cappedBig = scaled[0..<n].map { min($0, scaled[n]) }
        func byEnumeration() throws -> VotingPower {
            guard n <= Self.maximumEnumeratedVotingPlayers, let q128 = Int128(exactly: scaled[n]), q128 < (Int128(1) << 100) else {
                throw TUGameError.invalidRule("weights and quota with \(scaled[n].bitWidth) significant bits after scaling to integers need either a counting table of more than \(Self.maximumVotingCells) words or enumeration of 2^n coalitions, which is limited to n ≤ \(Self.maximumEnumeratedVotingPlayers) players (this game has \(n))")
            }
            return Self.votingPowerByEnumeration(weights: cappedBig.map { Int128(exactly: $0)! }, quota: q128)
        }
        guard let q = Int(exactly: scaled[n]) else { return try byEnumeration() }
        let w: [Int] = cappedBig.map { Int(exactly: $0)! }
        // Rows 0...kmax: the lightest kmax players weigh less than q, heavier sizes never lose.
        var kmax = 0, light = 0
        for x in w.sorted() {
            let (sum, overflow) = light.addingReportingOverflow(x)
            if overflow || sum >= q { break }
            light = sum; kmax += 1
        }
        kmax = min(kmax, n)
        let words = BigUInt.binomial(n, n / 2).bitWidth / 64 + 1
        let (cells, cellsOverflow) = q.multipliedReportingOverflow(by: (kmax + 1) * words)
        guard !cellsOverflow, cells <= Self.maximumVotingCells else { return try byEnumeration() }
        let counts: [Int: [UInt64]]
        switch words {
        case 1: counts = swingCountsBySize(weights: w, quota: q, rows: kmax + 1, width: Words1.self, words: 1)
        case 2: counts = swingCountsBySize(weights: w, quota: q, rows: kmax + 1, width: Words2.self, words: 2)
        case 3: counts = swingCountsBySize(weights: w, quota: q, rows: kmax + 1, width: Words3.self, words: 3)
        case 4: counts = swingCountsBySize(weights: w, quota: q, rows: kmax + 1, width: Words4.self, words: 4)
        default: counts = swingCountsBySize(weights: w, quota: q, rows: kmax + 1, width: WordsAny.self, words: words)
        }
        var factorial = [BigInt(1)]
        for k in 1...max(n, 1) { factorial.append(factorial[k - 1] * BigInt(k)) }
        let weightOfSize = (0..<n).map { k in factorial[k] * factorial[n - 1 - k] }
        var byWeight: [Int: (ss: Rational, swings: BigInt)] = [:]
        for (wi, s) in counts {
            var ssNumerator = BigInt(0), swingTotal = BigInt(0)
            for k in 0..<n {
                let c = BigInt(BigUInt(words: s[(k * words)..<((k + 1) * words)].map { UInt($0) }))
                if c.isZero { continue }
                swingTotal += c
                ssNumerator += c * weightOfSize[k]
            }
            byWeight[wi] = (Rational(ssNumerator, factorial[n]), swingTotal)
        }
        // Indices per distinct weight (each Rational reduction is a big gcd), then per player.
        let total = w.reduce(BigInt(0)) { $0 + (byWeight[$1]?.swings ?? 0) }
        let half = BigInt(1) << (n - 1)
        var indices: [Int: (ss: Rational, banzhaf: Rational, absolute: Rational, swings: BigInt)] = [:]
        for wi in Set(w) {
            let (ss, sw) = byWeight[wi] ?? (.zero, 0)
            indices[wi] = (ss, total.isZero ? .zero : Rational(sw, total), Rational(sw, half), sw)
        }
        let perPlayer = w.map { indices[$0] ?? (.zero, .zero, .zero, 0) }
        return VotingPower(
            shapleyShubik: perPlayer.map(\.ss),
            banzhaf: perPlayer.map(\.banzhaf),
            banzhafAbsolute: perPlayer.map(\.absolute),
            swings: perPlayer.map(\.swings))
    }
}

extension BigUInt {
    /// C(n, k), exactly.
    fileprivate static func binomial(_ n: Int, _ k: Int) -> BigUInt {
        var r = BigUInt(1)
        if k < 0 || k > n { return 0 }
        for i in 0..<k { r = r * BigUInt(n - i) / BigUInt(i + 1) }
        return r
    }
}

/// The number of 64-bit words per count, as a type so that kernels specialise on it.
private protocol CountWidth { static var words: Int { get } }
private enum Words1: CountWidth { static var words: Int { 1 } }
private enum Words2: CountWidth { static var words: Int { 2 } }
private enum Words3: CountWidth { static var words: Int { 3 } }
private enum Words4: CountWidth { static var words: Int { 4 } }
/// Any width, read at run time (n above about 260 players).
private enum WordsAny: CountWidth { static var words: Int { 0 } }

/// Steps 2–4 of ``CoalitionRule/votingPower()``: for each distinct positive weight, the swings
/// s(k) of one player of that weight for k = 0..<n, as `n × words` little-endian words.
/// Generic over the count width so that each of 1–4 words gets a specialised, unrolled copy.
private func swingCountsBySize<W: CountWidth>(weights w: [Int], quota q: Int, rows: Int, width: W.Type, words dynamicWords: Int) -> [Int: [UInt64]] {
    let words = W.words > 0 ? W.words : dynamicWords
    let n = w.count
    let rowCells = q * words
    var table = [UInt64](repeating: 0, count: rows * rowCells)
    // lo[k], hi[k]: lightest and heaviest k-subset of the players counted so far.
    var lo = [Int](repeating: Int.max / 2, count: rows), hi = [Int](repeating: Int.min / 2, count: rows)
    lo[0] = 0; hi[0] = 0
    table.withUnsafeMutableBufferPointer { c in
        c[0] = 1                                  // C[0][0] = 1: the empty coalition
        // Heaviest first: rows with many players leave the range below q soonest.
        for (j, wj) in w.sorted(by: >).enumerated() {
            var k = min(j + 1, rows - 1)
            while k >= 1 {
                let a = lo[k - 1] + wj, b = min(hi[k - 1] + wj, q - 1)
                if a <= b {
                    // C[k][x] += C[k−1][x − wj] for a ≤ x ≤ b (rows differ, so order is free).
                    var d = c.baseAddress! + (k * rowCells + a * words)
                    var s = c.baseAddress! + ((k - 1) * rowCells + (a - wj) * words)
                    for _ in a...b {
                        var carry: UInt64 = 0
                        for t in 0..<words {
                            let (x, o1) = d[t].addingReportingOverflow(s[t])
                            let (y, o2) = x.addingReportingOverflow(carry)
                            d[t] = y
                            carry = o1 || o2 ? 1 : 0
                        }
                        d += words; s += words
                    }
                }
                lo[k] = min(lo[k], lo[k - 1] + wj)
                hi[k] = max(hi[k], hi[k - 1] + wj)
                k -= 1
            }
        }
        // Inclusive prefix sums along each row: cell x becomes #{S : |S| = k, W(S) ≤ x}.
        for k in 0..<rows where lo[k] < q {
            var d = k * rowCells + (lo[k] + 1) * words
            for _ in (lo[k] + 1)..<max(q, lo[k] + 1) {
                var carry: UInt64 = 0
                for t in 0..<words {
                    let (x, o1) = c[d + t].addingReportingOverflow(c[d - words + t])
                    let (y, o2) = x.addingReportingOverflow(carry)
                    c[d + t] = y
                    carry = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                }
                d += words
            }
        }
    }
    var result: [Int: [UInt64]] = [:]
    table.withUnsafeBufferPointer { c in
        // F(k, t) = #{S : |S| = k, W(S) < t} lives at cell t − 1 of row k.
        @inline(__always) func fOffset(_ k: Int, _ t: Int) -> Int? {
            k < rows && t > 0 && t - 1 >= lo[k] ? k * rowCells + (t - 1) * words : nil
        }
        for wi in Set(w) where wi > 0 {
            let jmax = min(n, (q - 1) / wi)           // q − j·w > 0; g_j(k) matters for k ≤ n − j
            // next = g_{j+1}, cur = g_j, each n counts of `words` words.
            var next = [UInt64](repeating: 0, count: n * words), cur = next
            var j = jmax
            while j >= 0 {
                let t = q - j * wi
                cur.withUnsafeMutableBufferPointer { cur in
                    next.withUnsafeBufferPointer { next in
                        for k in 0..<min(n, n - j + 1) {
                            let out = k * words
                            guard let f = fOffset(k, t) else {
                                for u in 0..<words { cur[out + u] = 0 }
                                continue
                            }
                            if k == 0 {
                                for u in 0..<words { cur[out + u] = c[f + u] }
                                continue
                            }
                            let p = (k - 1) * words
                            var borrow: UInt64 = 0
                            for u in 0..<words {
                                let (x, o1) = c[f + u].subtractingReportingOverflow(next[p + u])
                                let (y, o2) = x.subtractingReportingOverflow(borrow)
                                cur[out + u] = y
                                borrow = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                            }
                            assert(borrow == 0, "F(k, t) ≥ G(k − 1, t − w) by construction")
                        }
                    }
                }
                if j > 0 { swap(&cur, &next) }
                j -= 1
            }
            // Here cur = g_0 and next = g_1 (zero when jmax = 0); s(k) = g_0(k) − g_1(k).
            var s = [UInt64](repeating: 0, count: n * words)
            for k in 0..<n {
                var borrow: UInt64 = 0
                for u in 0..<words {
                    let (x, o1) = cur[k * words + u].subtractingReportingOverflow(jmax == 0 ? 0 : next[k * words + u])
                    let (y, o2) = x.subtractingReportingOverflow(borrow)
                    s[k * words + u] = y
                    borrow = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                }
            }
            result[wi] = s
        }
    }
    return result
}
