import BigInt
import CoalitionGames
import ExactArithmetic

/// Excesses e(S, x) = v(S) − x(S) over a whole table, without a 2^n array of x(S): x(S) is the
/// sum of a low-bits part and a high-bits part looked up in two tables of 2^{⌈n/2⌉} entries.
///
/// - Complexity: O(2^n) per scan, O(2^{n/2}) memory.
struct ExcessScanner {
    let game: TUGame
    let n: Int
    let lowBits: Int
    init(_ game: TUGame) {
        self.game = game
        n = game.playerCount
        lowBits = (n + 1) / 2
    }

    func halfSums<T: AdditiveArithmetic>(_ x: [T], from: Int, count: Int) -> [T] {
        var s = [T](repeating: .zero, count: 1 << count)
        for m in 1..<(1 << count) { s[m] = s[m & (m - 1)] + x[from + m.trailingZeroBitCount] }
        return s
    }

    /// Coalitions S ∉ {∅, N}, not excluded, with e(S, x) > threshold (doubles), best first, at most `limit`.
    func violations(_ x: [Double], above threshold: Double, limit: Int, excluded: (Int) -> Bool) -> [(mask: Int, excess: Double)] {
        let low = halfSums(x, from: 0, count: lowBits), high = halfSums(x, from: lowBits, count: n - lowBits)
        let inv = 1 / Double(game.denominator)
        let full = game.grandCoalition
        var found: [(Int, Double)] = []
        var t = threshold
        game.numerators.withUnsafeBufferPointer { v in
            let lowCount = 1 << lowBits
            for h in 0..<(1 << (n - lowBits)) {
                let hs = high[h], base = h << lowBits
                for l in 0..<lowCount {
                    let s = base | l
                    let e = Double(v[s]) * inv - (hs + low[l])
                    if e > t && s != 0 && s != full && !excluded(s) {
                        found.append((s, e))
                        if found.count >= 8 * limit + 1024 {
                            found.sort { $0.1 > $1.1 }
                            found.removeLast(found.count - limit)
                            t = max(t, found.last!.1)
                        }
                    }
                }
            }
        }
        found.sort { $0.1 > $1.1 }
        if found.count > limit { found.removeLast(found.count - limit) }
        return found.map { (mask: $0.0, excess: $0.1) }
    }
}

extension ExcessScanner {
    /// Calls `body` for every coalition S ∉ {∅, N}, not excluded, with floating excess
    /// e(S, x) > threshold, in increasing order of S (nothing is stored).
    /// - Complexity: O(2^n).
    func forEach(_ x: [Double], above threshold: Double, excluded: (Int) -> Bool, _ body: (Int) -> Void) {
        let low = halfSums(x, from: 0, count: lowBits), high = halfSums(x, from: lowBits, count: n - lowBits)
        let inv = 1 / Double(game.denominator)
        let full = game.grandCoalition
        game.numerators.withUnsafeBufferPointer { v in
            let lowCount = 1 << lowBits
            for h in 0..<(1 << (n - lowBits)) {
                let hs = high[h], base = h << lowBits
                for l in 0..<lowCount {
                    let s = base | l
                    if Double(v[s]) * inv - (hs + low[l]) > threshold && s != 0 && s != full && !excluded(s) { body(s) }
                }
            }
        }
    }
}

/// Exact excesses in scaled integers: e(S)·M = v(S)·M − x(S)·M with M the common denominator of
/// the game and of x. Int128 throughout; nil when x's scaled entries do not fit.
struct ExactExcess {
    let game: TUGame
    let scale: Rational          // M
    let p: [Int128]              // xᵢ·M
    let factor: Int128           // M / D
    let lowBits: Int
    let low: [Int128], high: [Int128]

    init?(_ game: TUGame, _ x: [Rational]) {
        self.game = game
        let mInt = BigIntLCM.lcm(game.denominator, x)
        guard mInt != Int.max else { return nil }
        scale = Rational(mInt)
        var ps: [Int128] = []
        for xi in x {
            let v = xi * Rational(mInt)
            guard v.isInteger, let i = Int(v.description) else { return nil }
            ps.append(Int128(i))
        }
        p = ps
        factor = Int128(mInt / game.denominator)
        let n = game.playerCount
        lowBits = (n + 1) / 2
        func sums(_ from: Int, _ count: Int) -> [Int128] {
            var s = [Int128](repeating: 0, count: 1 << count)
            for k in 1..<(1 << count) { s[k] = s[k & (k - 1)] + ps[from + k.trailingZeroBitCount] }
            return s
        }
        low = sums(0, lowBits); high = sums(lowBits, n - lowBits)
    }

    /// e(S)·M.
    @inline(__always) func scaledExcess(_ s: Int) -> Int128 {
        Int128(game.numerators[s]) * factor - (low[s & ((1 << lowBits) - 1)] + high[s >> lowBits])
    }

    func excess(_ s: Int) -> Rational {
        Rational(BigInt(scaledExcess(s))) / scale
    }
}

enum BigIntLCM {
    /// lcm of d and the denominators of xs, or nil-equivalent 0 when it exceeds 2^62.
    static func lcm(_ d: Int, _ xs: [Rational]) -> Int {
        var l = d
        for x in xs {
            guard let (_, xd) = x.smallParts else { return Int.max }
            let g = greatestCommonDivisor(l, xd)
            let (r, o) = (l / g).multipliedReportingOverflow(by: xd)
            if o || r > (1 << 62) { return Int.max }
            l = r
        }
        return l
    }
}
