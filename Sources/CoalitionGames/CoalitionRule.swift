import ExactArithmetic

/// A TU game given by a rule instead of a table, so that large games need no 2^n memory.
///
/// Every rule can evaluate a coalition given as a membership array (any n), evaluate the
/// marginal contributions along a permutation in O(n) (for sampling), and — for at most
/// ``TUGame/maximumTablePlayers`` players — expand into a ``TUGame`` table.
public enum CoalitionRule: Sendable, Equatable {
    /// Weighted voting [q; w₁..wₙ]: v(S) = 1 when w(S) ≥ q, else 0. Weights ≥ 0, quota > 0.
    case weightedVoting(quota: Rational, weights: [Rational])
    /// Bankruptcy (O'Neill 1982): v(S) = max(0, E − Σ_{i∉S} cᵢ).
    case bankruptcy(estate: Rational, claims: [Rational])
    /// Airport / cost game (Littlechild & Owen 1973): v(S) = max_{i∈S} cᵢ (a *cost* game).
    case airport(costs: [Rational])
    /// Glove game: v(S) = min(|S ∩ L|, |S ∩ R|); `left[i]` says whether player i holds a left glove.
    case glove(left: [Bool])
    /// Unanimity game u_T scaled by `value`: v(S) = value when T ⊆ S, else 0.
    case unanimity(players: Int, carrier: [Int], value: Rational)
    /// Majority game: v(S) = 1 when |S| ≥ quota (default ⌊n/2⌋ + 1).
    case majority(players: Int, quota: Int)

    /// The most players a rule-given game may have (checked before anything of size n is
    /// allocated): sampling and voting power cost at least O(n) per permutation or coalition size.
    public static let maximumPlayers = 100_000

    /// The rule's JSON `"type"` (as read by ``TUGameReader``).
    public var typeName: String {
        switch self {
        case .weightedVoting: return "weighted-voting"
        case .bankruptcy: return "bankruptcy"
        case .airport: return "airport"
        case .glove: return "glove"
        case .unanimity: return "unanimity"
        case .majority: return "majority"
        }
    }

    /// Whether v(S) is a cost to share (the airport game) rather than a worth to divide.
    public var isCostGame: Bool {
        if case .airport = self { return true }
        return false
    }

    /// Number of players.
    public var playerCount: Int {
        switch self {
        case .weightedVoting(_, let w): return w.count
        case .bankruptcy(_, let c): return c.count
        case .airport(let c): return c.count
        case .glove(let l): return l.count
        case .unanimity(let n, _, _): return n
        case .majority(let n, _): return n
        }
    }

    /// Checks the parameters.
    /// - Throws: ``TUGameError/invalidRule(_:)`` describing the problem.
    public func validate() throws {
        guard playerCount >= 1 else { throw TUGameError.noPlayers }
        guard playerCount <= Self.maximumPlayers else { throw TUGameError.tooManyRulePlayers(playerCount) }
        switch self {
        case .weightedVoting(let q, let w):
            guard q.signum > 0 else { throw TUGameError.invalidRule("the quota must be positive, got \(q)") }
            if let i = w.firstIndex(where: { $0.signum < 0 }) { throw TUGameError.invalidRule("weight \(i + 1) is negative (\(w[i]))") }
        case .bankruptcy(let e, let c):
            guard e.signum >= 0 else { throw TUGameError.invalidRule("the estate must be non-negative") }
            if let i = c.firstIndex(where: { $0.signum < 0 }) { throw TUGameError.invalidRule("claim \(i + 1) is negative") }
        case .airport(let c):
            if let i = c.firstIndex(where: { $0.signum < 0 }) { throw TUGameError.invalidRule("cost \(i + 1) is negative") }
        case .glove: break
        case .unanimity(let n, let t, _):
            guard !t.isEmpty else { throw TUGameError.invalidRule("the carrier of a unanimity game must not be empty") }
            if let i = t.first(where: { $0 < 0 || $0 >= n }) { throw TUGameError.invalidRule("carrier player \(i + 1) is not among the \(n) players") }
        case .majority(let n, let q):
            guard q >= 1 && q <= n else { throw TUGameError.invalidRule("the majority quota must be between 1 and \(n), got \(q)") }
        }
    }

    /// v(S) for a coalition given by membership flags, exactly.
    /// - Complexity: O(n).
    public func value(members: [Bool]) -> Rational {
        switch self {
        case .weightedVoting(let q, let w):
            var s = Rational.zero
            for (i, inS) in members.enumerated() where inS { s += w[i] }
            return s >= q ? 1 : 0
        case .bankruptcy(let e, let c):
            var out = Rational.zero
            for (i, inS) in members.enumerated() where !inS { out += c[i] }
            let r = e - out
            return r.signum > 0 ? r : 0
        case .airport(let c):
            var m = Rational.zero
            for (i, inS) in members.enumerated() where inS && c[i] > m { m = c[i] }
            return m
        case .glove(let left):
            var l = 0, r = 0
            for (i, inS) in members.enumerated() where inS { if left[i] { l += 1 } else { r += 1 } }
            return Rational(min(l, r))
        case .unanimity(_, let t, let value):
            return t.allSatisfy { members[$0] } ? value : 0
        case .majority(_, let q):
            return members.lazy.filter { $0 }.count >= q ? 1 : 0
        }
    }

    /// The table of this game (bitmask order).
    /// - Throws: ``TUGameError/tooManyPlayers(_:)`` before allocating when n is above the table limit.
    /// - Complexity: O(2^n) integer operations (running sums over the bitmask order).
    public func table(playerNames: [String]? = nil) throws -> TUGame {
        try validate()
        let n = playerCount
        try TUGame.checkTableSize(n)
        let names = playerNames ?? TUGame.defaultNames(n)
        let size = 1 << n
        var table = [Int](repeating: 0, count: size)
        var denominator = 1
        func scaled(_ xs: [Rational]) throws -> ([Int], Int) {
            var d = 1
            for x in xs {
                guard let (_, xd) = x.smallParts else { throw TUGameError.valuesTooLarge("\(x)") }
                let (l, o) = (d / greatestCommonDivisor(d, xd)).multipliedReportingOverflow(by: xd)
                guard !o, l < (1 << 40) else { throw TUGameError.valuesTooLarge("the common denominator of the rule's numbers") }
                d = l
            }
            var out: [Int] = []
            for x in xs {
                let (num, xd) = x.smallParts!
                let (v, o) = num.multipliedReportingOverflow(by: d / xd)
                guard !o, v.magnitude < (1 << 56) >> n else { throw TUGameError.valuesTooLarge("\(x)") }
                out.append(v)
            }
            return (out, d)
        }
        // sums[S] built incrementally: sums[S] = sums[S without lowest bit] + a[lowest bit].
        func subsetSums(_ a: [Int]) -> [Int] {
            var s = [Int](repeating: 0, count: size)
            for mask in 1..<size { s[mask] = s[mask & (mask - 1)] &+ a[mask.trailingZeroBitCount] }
            return s
        }
        switch self {
        case .weightedVoting(let q, let w):
            let (ints, _) = try scaled(w + [q])
            let qi = ints[n]
            let sums = subsetSums(Array(ints[0..<n]))
            for mask in 1..<size { table[mask] = sums[mask] >= qi ? 1 : 0 }
        case .bankruptcy(let e, let c):
            let (ints, d) = try scaled(c + [e])
            denominator = d
            let total = ints[0..<n].reduce(0, +), estate = ints[n]
            let sums = subsetSums(Array(ints[0..<n]))
            for mask in 1..<size { table[mask] = max(0, estate - (total - sums[mask])) }
        case .airport(let c):
            let (ints, d) = try scaled(c)
            denominator = d
            for mask in 1..<size { table[mask] = max(table[mask & (mask - 1)], ints[mask.trailingZeroBitCount]) }
        case .glove(let left):
            var leftMask = 0
            for (i, l) in left.enumerated() where l { leftMask |= 1 << i }
            for mask in 1..<size {
                table[mask] = min((mask & leftMask).nonzeroBitCount, (mask & ~leftMask).nonzeroBitCount)
            }
        case .unanimity(_, let t, let value):
            let (ints, d) = try scaled([value])
            denominator = d
            let tm = t.reduce(0) { $0 | (1 << $1) }
            for mask in 1..<size where mask & tm == tm { table[mask] = ints[0] }
        case .majority(_, let q):
            for mask in 1..<size { table[mask] = mask.nonzeroBitCount >= q ? 1 : 0 }
        }
        return try TUGame(playerNames: names, numerators: table, denominator: denominator, isCostGame: isCostGame)
    }

    /// Marginal contributions `v(P ∪ {i}) − v(P)` along `order` (P = predecessors of i), as
    /// doubles, written to `out[i]`. Used by permutation sampling.
    /// - Complexity: O(n).
    public func permutationMarginals(order: [Int], doubles p: DoubleParameters, into out: inout [Double]) {
        switch self {
        case .weightedVoting:
            var s = 0.0
            for i in order {
                let before = s >= p.threshold ? 1.0 : 0.0
                s += p.numbers[i]
                out[i] = (s >= p.threshold ? 1.0 : 0.0) - before
            }
        case .bankruptcy:
            // v(P) = max(0, E − (total − c(P))).
            var inside = 0.0
            for i in order {
                let before = max(0, p.threshold - (p.total - inside))
                inside += p.numbers[i]
                out[i] = max(0, p.threshold - (p.total - inside)) - before
            }
        case .airport:
            var m = 0.0
            for i in order { let nm = max(m, p.numbers[i]); out[i] = nm - m; m = nm }
        case .glove(let left):
            var l = 0, r = 0
            for i in order {
                let before = min(l, r)
                if left[i] { l += 1 } else { r += 1 }
                out[i] = Double(min(l, r) - before)
            }
        case .unanimity(_, let t, _):
            var missing = t.count
            var inT = [Bool](repeating: false, count: playerCount)
            for j in t { inT[j] = true }
            for i in order {
                if inT[i] { missing -= 1; out[i] = missing == 0 ? p.threshold : 0 } else { out[i] = 0 }
            }
        case .majority(_, let q):
            for (k, i) in order.enumerated() { out[i] = k + 1 == q ? 1 : 0 }
        }
    }

    /// The rule's numbers as doubles, prepared once for ``permutationMarginals(order:doubles:into:)``.
    public struct DoubleParameters: Sendable {
        public var numbers: [Double]
        public var threshold: Double
        public var total: Double
    }

    /// Doubles for the sampling fast path.
    public var doubleParameters: DoubleParameters {
        switch self {
        case .weightedVoting(let q, let w): return .init(numbers: w.map(\.doubleValue), threshold: q.doubleValue, total: 0)
        case .bankruptcy(let e, let c):
            return .init(numbers: c.map(\.doubleValue), threshold: e.doubleValue, total: c.reduce(.zero, +).doubleValue)
        case .airport(let c): return .init(numbers: c.map(\.doubleValue), threshold: 0, total: 0)
        case .unanimity(_, _, let v): return .init(numbers: [], threshold: v.doubleValue, total: 0)
        case .glove, .majority: return .init(numbers: [], threshold: 0, total: 0)
        }
    }
}
