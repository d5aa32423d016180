import BigInt
import ExactArithmetic
import StrategicGames

/// The payoffs as the floating-point Lemke–Howson path uses them: row-major doubles, each matrix
/// shifted by a constant so that its smallest entry is 1 (only when some entry is below 1).
///
/// A constant shift changes no best response, hence no equilibrium and no Lemke–Howson path
/// (the polytopes {x ≥ 0 : Bᵀx ≤ 1} before and after are projectively equivalent, with the same
/// labels). The payoffs are *not* rescaled to [1, 2]: on the Savani–von Stengel games
/// (payoffs 1..~1e10 at d = 12) mapping to [1, 2] adds a constant of the size of the informative
/// part of every entry, makes the constraints nearly parallel and costs the digits that the
/// ratio tests need (the old `.double` path went wrong from d = 10 because of it, together with
/// an absolute term in the ratio tie test).
///
/// - Complexity: O(m·n) double operations, no rational arithmetic.
struct FloatingPayoffs: Sendable {
    /// The model's doubles (``BimatrixGame/rowPayoffDoubles``), shared, not copied.
    let a: [Double]
    let b: [Double]
    /// The shifts to add (1 − min when the min is below 1), applied while the tableaux are filled.
    let shiftA: Double?
    let shiftB: Double?

    init(_ game: BimatrixGame) {
        func shift(_ v: [Double]) -> Double? {
            let low = v.withUnsafeBufferPointer { p -> Double in
                // Four running minima (the loop vectorises; the values are finite).
                var m0 = Double.infinity, m1 = m0, m2 = m0, m3 = m0
                var k = 0
                while k + 4 <= p.count {
                    m0 = p[k] < m0 ? p[k] : m0
                    m1 = p[k + 1] < m1 ? p[k + 1] : m1
                    m2 = p[k + 2] < m2 ? p[k + 2] : m2
                    m3 = p[k + 3] < m3 ? p[k + 3] : m3
                    k += 4
                }
                while k < p.count { m0 = p[k] < m0 ? p[k] : m0; k += 1 }
                return Swift.min(Swift.min(m0, m1), Swift.min(m2, m3))
            }
            return low < 1 ? 1 - low : nil
        }
        a = game.rowPayoffDoubles
        b = game.columnPayoffDoubles
        shiftA = shift(a)
        shiftB = shift(b)
    }
}

/// Exact reconstruction and certification of the equilibrium at a Lemke–Howson basis.
///
/// The basis of a completely labelled vertex pair names, in the Q-system, the basic y_j (the
/// column player's support J) and the nonbasic slacks r_i (the rows I that are best responses);
/// |I| = |J| because Q has m basic variables. The same holds in the P-system. The strategy y is
/// the solution of the indifference system A[I, J]·y_J = u·1, Σ y_J = 1, solved once in exact
/// rationals with the game's own payoffs (no shift, no scaling), and likewise x from B. The pair
/// is then checked by the library's one exact Nash test,
/// ``BimatrixGame/verifiedEquilibrium(row:column:)``: every row in x's support attains
/// max_i (A·y)_i and every column in y's support attains max_j (xᵀB)_j, using only the supports
/// (A·y needs the |J| columns of A in y's support). The big-integer route first rejects cheaply
/// with a floating filter of proven error (``bestResponseCheck``); it never accepts without the
/// exact test.
///
/// A floating-point basis that is wrong (a pivot misjudged) gives a singular or infeasible system,
/// or a profile that fails the check: nil, never a wrong answer.
///
/// Routes, cheapest first: all in Int128 with overflow detection (``fixedWidthCertificate``);
/// big integers for the square systems with a floating filter for the best-response check
/// (``integerCertificate``); rationals (fractional payoffs).
///
/// - Complexity: O(k³) integer (or rational) operations for supports of size k, plus O((m + n)·k)
///   for the exact Nash check; no O(m·n) rational work.
enum BasisCertificate {
    /// The certified equilibrium at `tab`'s basis, or nil.
    static func equilibrium(_ game: BimatrixGame, basicQ: [Int], basicP: [Int]) -> Equilibrium? {
        let m = game.rowCount, n = game.columnCount, big = m + n
        // Q: basic y_j (m ≤ v < m+n) form J; rows i whose slack r_i (= big + i) is nonbasic form I.
        var columnsJ = [Int](), tightRows = [Bool](repeating: true, count: m)
        for v in basicQ {
            if v >= m && v < big { columnsJ.append(v - m) } else if v >= big { tightRows[v - big] = false }
        }
        var rowsI = [Int](), tightColumns = [Bool](repeating: true, count: n)
        for v in basicP {
            if v < m { rowsI.append(v) } else if v >= big + m { tightColumns[v - big - m] = false }
        }
        let iQ = (0..<m).filter { tightRows[$0] }
        let jP = (0..<n).filter { tightColumns[$0] }
        guard iQ.count == columnsJ.count, jP.count == rowsI.count, !columnsJ.isEmpty, !rowsI.isEmpty else { return nil }
        columnsJ.sort(); rowsI.sort()
        let a = game.rowPayoffs, b = game.columnPayoffs
        switch fixedWidthCertificate(game, rowsI: rowsI, columnsJ: columnsJ, tightRows: iQ, tightColumns: jP) {
        case .equilibrium(let eq): return eq
        case .notAnEquilibrium: return nil
        case .outOfRange: break
        }
        if let eq = integerCertificate(game, rowsI: rowsI, columnsJ: columnsJ, tightRows: iQ, tightColumns: jP) { return eq }
        // y: A[i, J]·y − u = 0 for i ∈ I_Q, Σ y = 1.
        guard let ySolution = indifference(size: columnsJ.count, entry: { r, c in a[iQ[r], columnsJ[c]] }) else { return nil }
        // x: B[I, j]ᵀ·x − v = 0 for j ∈ J_P, Σ x = 1.
        guard let xSolution = indifference(size: rowsI.count, entry: { r, c in b[rowsI[c], jP[r]] }) else { return nil }
        var x = [Rational](repeating: .zero, count: m), y = [Rational](repeating: .zero, count: n)
        for (k, i) in rowsI.enumerated() { x[i] = xSolution[k] }
        for (k, j) in columnsJ.enumerated() { y[j] = ySolution[k] }
        return game.verifiedEquilibrium(row: x, column: y)
    }

    /// The certificate in integers, when every payoff involved is an integer (the usual case): the
    /// indifference systems are solved fraction-free (Bareiss elimination and fraction-free back
    /// substitution: no gcd until the final strategy is written as rationals), and the Nash check
    /// compares integer payoff sums over the common denominator (``bestResponseCheck``: a
    /// floating filter with a proven error bound, exact sums where it cannot decide). Nil when some
    /// payoff is not an integer (the caller then uses rationals) or when the check fails (the
    /// caller's rational route then fails too, so this is only a shortcut). Tried after
    /// ``fixedWidthCertificate`` (all in Int128) reports that Int128 does not suffice.
    /// - Complexity: O(k³) big-integer operations (the first elimination steps in Int128),
    ///   O((m + n)·k) double operations for the filter, O(k) big-integer operations per strategy
    ///   it leaves undecided.
    static func integerCertificate(_ game: BimatrixGame, rowsI: [Int], columnsJ: [Int], tightRows: [Int], tightColumns: [Int]) -> Equilibrium? {
        let m = game.rowCount, n = game.columnCount
        let a = game.rowPayoffs, b = game.columnPayoffs
        func integer(_ r: Rational) -> BigInt? {
            if let (p, q) = r.smallParts { return q == 1 ? BigInt.fromInt(p) : nil }
            return r.isInteger ? r.numerator : nil
        }
        // The square systems only: A[tight rows, J] and B[I, tight columns] as big integers.
        let k = columnsJ.count, l = rowsI.count
        var mY = [BigInt](), mX = [BigInt]()
        mY.reserveCapacity(k * k); mX.reserveCapacity(l * l)
        for r in 0..<k { for c in 0..<k { guard let v = integer(a[tightRows[r], columnsJ[c]]) else { return nil }; mY.append(v) } }
        for r in 0..<l { for c in 0..<l { guard let v = integer(b[rowsI[c], tightColumns[r]]) else { return nil }; mX.append(v) } }
        guard let (ny, dy) = bareissIndifference(size: k, entry: { r, c in mY[r * k + c] }),
              let (nx, dx) = bareissIndifference(size: l, entry: { r, c in mX[r * l + c] }) else { return nil }
        // Probability vectors: numerators ≥ 0 (denominators made positive), summing to the denominator.
        guard ny.allSatisfy({ $0.signum() >= 0 }), nx.allSatisfy({ $0.signum() >= 0 }),
              ny.reduce(BigInt(0), +) == dy, nx.reduce(BigInt(0), +) == dx else { return nil }
        // Best responses: every row attains at most the tight rows' payoff dy·u (A·y over J), with
        // equality on x's support; likewise for columns. Decided by a floating filter with a proven
        // error bound, exact big-integer sums only where the filter cannot decide.
        guard let u = bestResponseCheck(count: m, support: columnsJ, weights: ny, denominator: dy, tight: tightRows,
                                        mustAttain: rowsI.enumerated().filter { !nx[$0.offset].isZero }.map(\.element),
                                        exact: { i, c in integer(a[i, columnsJ[c]]) },
                                        approximate: { i, c in a[i, columnsJ[c]] }),
              let v = bestResponseCheck(count: n, support: rowsI, weights: nx, denominator: dx, tight: tightColumns,
                                        mustAttain: columnsJ.enumerated().filter { !ny[$0.offset].isZero }.map(\.element),
                                        exact: { j, r in integer(b[rowsI[r], j]) },
                                        approximate: { j, r in b[rowsI[r], j] })
        else { return nil }
        var x = [Rational](repeating: .zero, count: m), y = [Rational](repeating: .zero, count: n)
        for (r, i) in rowsI.enumerated() where !nx[r].isZero { x[i] = Rational(nx[r], dx) }
        for (c, j) in columnsJ.enumerated() where !ny[c].isZero { y[j] = Rational(ny[c], dy) }
        // The filter above rejects cheaply; what it accepts still passes the one exact Nash test.
        guard let eq = game.verifiedEquilibrium(row: x, column: y) else { return nil }
        assert(eq.payoffs == [Rational(u, dy), Rational(v, dx)])
        return eq
    }

    /// The exact best-response check of one player: with p = weights / denominator (a probability
    /// vector over the opponent's `support`) and g_i = Σ_c payoff(i, c)·weights[c] (the payoff of
    /// pure strategy i times the denominator), returns g_t for the `tight` strategies when every
    /// g_i ≤ g_t and every strategy in `mustAttain` has g_i = g_t, else nil. The tight strategies
    /// are the rows of the indifference system that `weights` solves exactly, so their g_i are
    /// all equal by construction: one exact sum gives g_t, and they need no further check.
    ///
    /// Floating filter (a proven bound, not a tolerance): with p̂_c = weights[c] ≈ / denominator ≈
    /// (each big integer rounded to a double with relative error ≤ 2⁻⁵², the quotient rounded
    /// once), |p̂_c − p_c| ≤ 4ε·p̂_c (ε = 2⁻⁵²), a payoff's double is within ε/2 relative of it,
    /// and the recursive sum ĝ_i of k products has error ≤ γ_k·Σ|payoff|·p̂ (γ_k ≤ 1.01·k·ε/2).
    /// So |ĝ_i − g_i/denominator| ≤ (k + 5)·ε·S_i with
    /// S_i = Σ_c |payoff(i, c)|·p̂_c; the check uses twice that plus 4ε·(|ĝ_i| + |ĝ_tight|) for the
    /// rounding of the bound and the comparison. Strategies whose ĝ_i is below ĝ_tight by more
    /// than the two bounds are certainly not better; the others get an exact big-integer sum.
    /// - Complexity: O(count·k) double operations plus O(k) big-integer operations per strategy
    ///   that is undecided by the filter or must attain the maximum.
    static func bestResponseCheck(count: Int, support: [Int], weights: [BigInt], denominator: BigInt, tight tightSet: [Int],
                                  mustAttain: [Int], exact: (Int, Int) -> BigInt?,
                                  approximate: (Int, Int) -> Rational) -> BigInt? {
        let k = support.count
        func exactValue(_ i: Int) -> BigInt? {
            var total = BigInt(0)
            for c in 0..<k where !weights[c].isZero { guard let v = exact(i, c) else { return nil }; total += v * weights[c] }
            return total
        }
        let tight = tightSet[0]
        guard let top = exactValue(tight) else { return nil }
        var decided = [Bool](repeating: false, count: count)
        for i in tightSet { decided[i] = true }
        // Floating filter (skipped when a weight or a payoff is not representable).
        let den = approximateDouble(denominator)
        let p = weights.map { approximateDouble($0) / den }
        let eps = Double.ulpOfOne
        if den.isFinite && den > 0 && p.allSatisfy(\.isFinite) {
            // A payoff p/q with |p|, q ≤ 2⁵³ (Int fast path) as a double: exact for integers, one
            // rounding (relative ≤ ε/2) for fractions; anything else leaves the strategy to the
            // exact sum.
            func estimate(_ i: Int) -> (value: Double, bound: Double)? {
                var g = 0.0, size = 0.0
                for c in 0..<k {
                    guard let (num, q) = approximate(i, c).smallParts, num.magnitude <= 1 << 53, q <= 1 << 53 else { return nil }
                    let a = q == 1 ? Double(num) : Double(num) / Double(q)
                    g += a * p[c]
                    size += Swift.abs(a) * p[c]
                }
                return (g, 2 * Double(k + 5) * eps * size)
            }
            if let t = estimate(tight) {
                for i in 0..<count where !decided[i] {
                    guard let e = estimate(i) else { continue }
                    let margin = e.bound + t.bound + 4 * eps * (Swift.abs(e.value) + Swift.abs(t.value))
                    if t.value - e.value > margin { decided[i] = true }
                }
            }
        }
        var inSystem = [Bool](repeating: false, count: count)
        for i in tightSet { inSystem[i] = true }
        for i in mustAttain where !inSystem[i] {
            guard let g = exactValue(i), g == top else { return nil }
            decided[i] = true
        }
        for i in 0..<count where !decided[i] {
            guard let g = exactValue(i), g <= top else { return nil }
        }
        return top
    }

    /// A big integer as a double with relative error ≤ 2⁻⁵² (the top 64 bits rounded once, the
    /// rest truncated), ±infinity when out of range.
    static func approximateDouble(_ v: BigInt) -> Double {
        if let small = Int(exactly: v) { return Double(small) }
        let magnitude = v.magnitude
        let width = magnitude.bitWidth
        let topBits = UInt64(truncatingIfNeeded: magnitude >> (width - 64))
        let value = Double(sign: .plus, exponent: width - 64, significand: Double(topBits))
        return v.signum() < 0 ? -value : value
    }

    enum FixedWidthOutcome {
        case equilibrium(Equilibrium)
        /// Decided exactly: the basis gives no equilibrium (singular, infeasible or not best responses).
        case notAnEquilibrium
        /// A payoff is not an Int-sized integer, or a product overflowed Int128: use big integers.
        case outOfRange
    }

    /// ``integerCertificate(_:rowsI:columnsJ:tightRows:tightColumns:)`` in fixed-width integers:
    /// payoffs read through Rational's Int fast path, Bareiss elimination in `Int128` with
    /// overflow detection, then the one exact Nash test (itself in `Int128` for such strategies).
    /// Every operation is exact or reports `.outOfRange`, so a verdict here is the same as the
    /// big-integer one (the usual case on payoffs of a few digits and supports of up to about ten
    /// strategies).
    /// - Complexity: O(k³ + (m + n)·k) Int128 operations, no allocation per entry.
    static func fixedWidthCertificate(_ game: BimatrixGame, rowsI: [Int], columnsJ: [Int], tightRows: [Int],
                                      tightColumns: [Int]) -> FixedWidthOutcome {
        let m = game.rowCount, n = game.columnCount
        let a = game.rowPayoffs.storage, b = game.columnPayoffs.storage
        let k = columnsJ.count, l = rowsI.count
        // The square systems first (they decide whether Int128 suffices), read straight from the
        // rationals' Int fast path.
        var integral = true
        func payoff(_ v: Rational) -> Int128 {
            if let (p, q) = v.smallParts, q == 1 { return Int128(p) }
            integral = false
            return 0
        }
        let ySolved = bareissIndifference128(size: k) { r, c in payoff(a[tightRows[r] * n + columnsJ[c]]) }
        guard integral else { return .outOfRange }
        guard case .solved(let ny, let dy) = ySolved else { return ySolved == .singular ? .notAnEquilibrium : .outOfRange }
        let xSolved = bareissIndifference128(size: l) { r, c in payoff(b[rowsI[c] * n + tightColumns[r]]) }
        guard integral else { return .outOfRange }
        guard case .solved(let nx, let dx) = xSolved else { return xSolved == .singular ? .notAnEquilibrium : .outOfRange }
        // Probability vectors: numerators ≥ 0 summing to the (positive) denominator.
        func isDistribution(_ num: [Int128], _ den: Int128) -> Bool? {
            var sum: Int128 = 0
            for v in num {
                guard v >= 0 else { return false }
                let (s2, o) = sum.addingReportingOverflow(v)
                if o { return nil }
                sum = s2
            }
            return sum == den
        }
        guard let yOK = isDistribution(ny, dy), let xOK = isDistribution(nx, dx) else { return .outOfRange }
        guard yOK && xOK else { return .notAnEquilibrium }
        func rational(_ p: Int128, _ q: Int128) -> Rational {
            if let p64 = Int(exactly: p), let q64 = Int(exactly: q) { return Rational(p64, q64) }
            return Rational(BigInt.fromInt128(p), BigInt.fromInt128(q))
        }
        var x = [Rational](repeating: .zero, count: m), y = [Rational](repeating: .zero, count: n)
        for (r, i) in rowsI.enumerated() where nx[r] != 0 { x[i] = rational(nx[r], dx) }
        for (c, j) in columnsJ.enumerated() where ny[c] != 0 { y[j] = rational(ny[c], dy) }
        // The library's one exact Nash test (in Int128 too for these strategies).
        guard let eq = game.verifiedEquilibrium(row: x, column: y) else { return .notAnEquilibrium }
        return .equilibrium(eq)
    }

    /// ``bareissIndifference(size:entry:)`` in Int128 with overflow detection
    /// (``FractionFreeSolve/solve128(size:entry:rhs:)`` on the bordered system).
    /// - Complexity: O(k³) Int128 operations.
    static func bareissIndifference128(size k: Int, entry: (Int, Int) -> Int128) -> FractionFreeSolve.Solved128 {
        switch FractionFreeSolve.solve128(size: k + 1,
                                          entry: { r, c in r < k ? (c < k ? entry(r, c) : -1) : (c < k ? 1 : 0) },
                                          rhs: { r in r < k ? 0 : 1 }) {
        case .solved(let numerators, let denominator): return .solved(numerators: Array(numerators[0..<k]), denominator: denominator)
        case let other: return other
        }
    }

    /// Solves M·p − u·1 = 0, Σ p = 1 (M integer, k x k) fraction-free (``FractionFreeSolve``, on
    /// the bordered (k + 1) x (k + 1) system). Returns (numerators of p, denominator > 0), or nil
    /// when singular.
    /// - Complexity: O(k³) big-integer operations (the first elimination steps in Int128).
    static func bareissIndifference(size k: Int, entry: (Int, Int) -> BigInt) -> ([BigInt], BigInt)? {
        let minusOne = BigInt(-1), one = BigInt(1), zero = BigInt(0)
        guard let (numerators, denominator) = FractionFreeSolve.solve(
            size: k + 1,
            entry: { r, c in r < k ? (c < k ? entry(r, c) : minusOne) : (c < k ? one : zero) },
            rhs: { r in r < k ? zero : one }) else { return nil }
        return (Array(numerators[0..<k]), denominator)
    }

    /// Solves M·p − u·1 = 0, Σ p = 1 for the k x k matrix M (entry(row, column)); nil when the
    /// system is singular. The rational elimination of ``ExactIndifference``.
    /// - Complexity: O(k³) rational operations.
    static func indifference(size k: Int, entry: (Int, Int) -> Rational) -> [Rational]? {
        ExactIndifference.solve(equations: Array(0..<k), support: Array(0..<k), coefficient: entry).map { Array($0.prefix(k)) }
    }
}
