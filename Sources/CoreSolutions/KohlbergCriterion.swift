import BigInt
import CoalitionGames
import ExactArithmetic
import LinearProgramming

/// The outcome of an exact check of Kohlberg's criterion.
public struct KohlbergCertificate: Sendable {
    /// True when x was proved to be the (pre)nucleolus, exactly.
    public let verified: Bool
    /// Excess levels whose balancedness was certified.
    public let levelsChecked: Int
    /// Balancedness LPs solved.
    public let linearPrograms: Int
    /// Why verification failed (nil when verified).
    public let failure: String?
}

/// Kohlberg's criterion, checked exactly.
///
/// Source: E. Kohlberg, "On the nucleolus of a characteristic function game", SIAM J. Appl. Math.
/// 20 (1971) 62–66; the prenucleolus form and the "stop at full rank" simplification as in
/// Benedek, Fliege & Nguyen, Math. Programming 190 (2021) §4.
///
/// x (efficient; for the nucleolus an imputation) is the prenucleolus (nucleolus) iff for every
/// excess level α the collection D(α) = {S ∉ {∅, N} : e(S, x) ≥ α} is balanced (for the
/// nucleolus: there are λ_S > 0 on D(α) and μᵢ ≥ 0 on B₀ = {{i} : xᵢ = v(i)} with
/// Σ λ_S 1_S + Σ μᵢ e_i = 1_N). Once D(α) ∪ {N} has rank n, every lower level is balanced too
/// (a direction y with y(N) = 0 and y(S) ≥ 0 on D(α) must vanish on D(α), hence be 0).
///
/// A level whose new members lie in the (exact) linear span of the collection above it and 1_N
/// needs no LP: if Σ w_S 1_S + μ = 1_N with w > 0 and each new 1_T = Σ c_S 1_S + c_N 1_N, then
/// w + δ·Σ_T (e_T − c^T), rescaled by 1/(1 + δ·Σ_T c_N^T), is a positive balancing of the larger
/// collection for every small enough δ > 0 (μ unchanged).
///
/// Steps: exact excesses in scaled Int128 over the table; levels from the top down; for each
/// (other than the spanned ones above), one LP (GLPK, max t s.t. the balancing equations and λ_S ≥ t) proposes weights, which are then
/// made exact: a basis of columns is chosen greedily by weight (independence tested in floating
/// point; if the exact solve refutes that basis, the greedy choice is redone in rationals), the
/// other weights are rounded to multiples of 2⁻⁶⁰, the basic weights are solved for exactly and
/// checked for positivity. Only the exact solve decides: a floating choice can cost a retry, never
/// a wrong verdict.
///
/// - Complexity: O(2^n) per collection pass plus one LP and an O(n²·|D|) exact solve per level.
public enum KohlbergCriterion {
    /// Checks whether `x` is the prenucleolus (`nucleolus == false`) or nucleolus of `game`.
    /// - Parameter threshold: a hint: collect coalitions with excess ≥ this first (e.g. the last
    ///   settled level); lower levels are fetched when needed.
    /// A cost game c is checked as −x in the profit game −c (the criterion's excesses coincide);
    /// a `threshold` is then an excess level of c, which is the same number.
    public static func verify(_ game: TUGame, _ x: [Rational], nucleolus: Bool, threshold: Rational? = nil) -> KohlbergCertificate {
        if game.isCostGame { return verify(game.profitForm, x.map { -$0 }, nucleolus: nucleolus, threshold: threshold) }
        func fail(_ why: String, _ levels: Int = 0, _ lps: Int = 0) -> KohlbergCertificate {
            KohlbergCertificate(verified: false, levelsChecked: levels, linearPrograms: lps, failure: why)
        }
        let n = game.playerCount
        guard x.count == n else { return fail("the allocation has \(x.count) entries for \(n) players") }
        guard x.reduce(.zero, +) == game.value(game.grandCoalition) else { return fail("x(N) ≠ v(N)") }
        var b0: [Int] = []
        if nucleolus {
            for i in 0..<n {
                let vi = game.value(1 << i)
                if x[i] < vi { return fail("x is not an imputation: x\(i + 1) < v({\(i + 1)})") }
                if x[i] == vi { b0.append(i) }
            }
        }
        if n == 1 { return KohlbergCertificate(verified: true, levelsChecked: 0, linearPrograms: 0, failure: nil) }
        guard let ex = ExactExcess(game, x) else { return fail("the allocation's denominators are too large for the exact excess table") }
        let full = game.grandCoalition
        var tau: Int128
        if let threshold {
            let t = threshold * ex.scale
            tau = t.isInteger ? Int128(Int(t.description) ?? Int.min) : Int128(Int.min)
            if tau == Int128(Int.min) { tau = maxScaledExcess(ex, below: nil) }
        } else {
            tau = maxScaledExcess(ex, below: nil)
        }
        // Collected coalitions with excess ≥ tau, grouped by level (descending).
        var collected: [(Int, Int128)] = []
        for s in 1..<full where ex.scaledExcess(s) >= tau { collected.append((s, ex.scaledExcess(s))) }
        let cap = 200_000
        var rankEchelon = RationalEchelon(columns: n)
        rankEchelon.add(indicator(full, n), .zero)
        var union: [Int] = []
        var checked = 0, lps = 0
        var consumed = 0
        while true {
            collected.sort { $0.1 > $1.1 }
            while consumed < collected.count {
                let level = collected[consumed].1
                let rankBefore = rankEchelon.rank
                while consumed < collected.count && collected[consumed].1 == level {
                    let s = collected[consumed].0
                    union.append(s)
                    rankEchelon.add(indicator(s, n), .zero)
                    consumed += 1
                }
                if checked > 0 && rankEchelon.rank == rankBefore {
                    // The new members lie in the span of the certified collection and 1_N: it
                    // stays balanced (see the doc comment), no LP needed.
                    checked += 1
                } else {
                    lps += 1
                    switch balanced(union, b0: b0, n: n) {
                    case .failure(let why): return fail("excess level \(checked + 1) (excess \(ex.excess(union.last!))): \(why)", checked, lps)
                    case .certified: checked += 1
                    }
                }
                if rankEchelon.rank == n {
                    return KohlbergCertificate(verified: true, levelsChecked: checked, linearPrograms: lps, failure: nil)
                }
            }
            // Fetch the next lower level.
            let next = maxScaledExcess(ex, below: tau)
            if next == Int128.min { return fail("the excess levels do not reach full rank", checked, lps) }
            tau = next
            for s in 1..<full where ex.scaledExcess(s) == tau { collected.append((s, tau)) }
            if collected.count > cap { return fail("more than \(cap) coalitions in the top excess levels", checked, lps) }
        }
    }

    static func maxScaledExcess(_ ex: ExactExcess, below: Int128?) -> Int128 {
        var best = Int128.min
        for s in 1..<ex.game.grandCoalition {
            let e = ex.scaledExcess(s)
            if e > best && (below == nil || e < below!) { best = e }
        }
        return best
    }

    enum Balance { case certified, failure(String) }

    /// Is `members` (with weak singletons `b0`) balanced? Proved exactly, or a reason why not.
    ///
    /// The LP proposing the weights: maximise t s.t. Σ_c (t + s_c)·1_{S_c} + Σ_p μ_p·e_{b0[p]} = 1_N,
    /// s, μ ≥ 0, −1 ≤ t ≤ 1, i.e. λ_c = t + s_c ≥ t (λ_c ≥ t written as a substitution rather
    /// than m extra rows, so the LP has only n rows). The collection is balanced iff t* > 0.
    static func balanced(_ members: [Int], b0: [Int], n: Int) -> Balance {
        let m = members.count, k = b0.count
        // Variables: s (m), μ (k), t.
        let t = m + k
        var lp = LinearProgram(direction: .maximize, objective: Array(repeating: .zero, count: t) + [.one])
        lp.variableBounds[t] = .between(-1, 1)
        for j in 0..<n {
            var terms: [(index: Int, coefficient: Rational)] = []
            for (c, s) in members.enumerated() where s >> j & 1 == 1 { terms.append((c, .one)) }
            let containing = terms.count                  // members containing player j
            if containing > 0 { terms.append((t, Rational(containing))) }
            if let p = b0.firstIndex(of: j) { terms.append((m + p, .one)) }
            lp.add(terms, .equal(.one))
        }
        let solution: LPSolution
        do { solution = try GLPKSolver(simplex: .primal, pricing: .standard).solve(lp) } catch { return .failure("the balancedness LP failed: \(error)") }
        guard solution.status == .optimal else { return .failure("not balanced (the balancing equations have no non-negative solution)") }
        guard solution.values[t] > Tolerance.zero else { return .failure("not balanced (max min weight \(solution.values[t]))") }
        // Exact certificate. Column c is the indicator of members[c] (c < m) or of player b0[c − m].
        let masks = members + b0.map { 1 << $0 }
        func column(_ c: Int) -> [Rational] { indicator(masks[c], n) }
        let weights = (0..<(m + k)).map { $0 < m ? solution.values[$0] + solution.values[t] : solution.values[$0] }
        let order = (0..<(m + k)).sorted { weights[$0] > weights[$1] }
        // The basis is picked greedily by weight with a floating span test (cheap); the exact
        // solve below proves or refutes it, and the exact greedy choice runs only if it is refuted.
        var floatSpan = FloatSpan(dimension: n)
        var floatBasis: [Int] = []
        for c in order where floatBasis.count < n && !floatSpan.containsIndicator(masks[c]) {
            floatSpan.add(FloatSpan.indicator(masks[c], n))
            floatBasis.append(c)
        }
        let first = complete(floatBasis)
        if case .certified = first { return .certified }
        var basisEchelon = RationalEchelon(columns: n)
        var basis: [Int] = []
        for c in order where basisEchelon.add(column(c), .zero) == .independent { basis.append(c) }
        return basis == floatBasis ? first : complete(basis)

        /// Rounds the non-basic weights to dyadic rationals, solves for the basic ones exactly and
        /// checks their signs.
        func complete(_ basis: [Int]) -> Balance {
            let basisSet = Set(basis)
            var lambda = [Rational](repeating: .zero, count: m + k)
            // Non-basic weights rounded to multiples of 2⁻⁶⁰ (every weight is at most 1, so the
            // numerators fit in Int64 and each row's sum in Int128). A coarser grid fails on large
            // collections: with ~10⁵ members of weight ~10⁻⁵ each, rounding to 2⁻³⁰ moved the
            // right-hand side by more than the basic weights themselves (BNF type 5, n = 20).
            let one = Int128(1) << 60
            var rhsScaled = [Int128](repeating: one, count: n)
            var tiny: [Int] = []          // positive weights below the grid, taken exactly
            for c in 0..<(m + k) where !basisSet.contains(c) {
                let scaled = Int128(Int64((max(0, min(1, weights[c])) * 0x1p60).rounded()))
                if scaled > 0 {
                    lambda[c] = Rational(BigInt(scaled), BigInt(one))
                    for j in 0..<n where masks[c] >> j & 1 == 1 { rhsScaled[j] -= scaled }
                } else if c < m {
                    guard weights[c] > 0, let w = Rational(exactly: weights[c]) else {
                        return .failure("could not certify a positive weight")
                    }
                    lambda[c] = w
                    tiny.append(c)
                }
            }
            var rhs = rhsScaled.map { Rational(BigInt($0), BigInt(one)) }
            for c in tiny { for j in 0..<n where masks[c] >> j & 1 == 1 { rhs[j] -= lambda[c] } }
            var system = RationalEchelon(columns: basis.count)
            for j in 0..<n {
                if system.add(basis.map { masks[$0] >> j & 1 == 1 ? Rational.one : .zero }, rhs[j]) == .inconsistent {
                    return .failure("the rounded balancing weights admit no exact completion")
                }
            }
            guard let solved = system.solution() else { return .failure("the balancing basis is singular") }
            for (p, c) in basis.enumerated() {
                lambda[c] = solved[p]
                if c < m && lambda[c].signum <= 0 { return .failure("an exact balancing weight is not positive") }
                if c >= m && lambda[c].signum < 0 { return .failure("an exact singleton weight is negative") }
            }
            return .certified
        }
    }
}
