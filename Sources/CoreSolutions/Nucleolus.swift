import CoalitionGames
import ExactArithmetic
import LinearProgramming

/// The nucleolus or prenucleolus of a TU game, exact and verified.
public struct NucleolusResult: Sendable {
    /// The allocation, exactly, one entry per player.
    public let allocation: [Rational]
    /// The exact excess level ε_t of each LP round t = 1, 2, ... (ε₁ is the least-core value).
    /// ε₁ ≥ ε₂ ≥ ...: the sequence never increases, but it need not decrease strictly — a round
    /// settles only the coalitions with a positive dual, so when several independent coalitions
    /// share the worst excess, later rounds may settle more of them at the same level (e.g. the
    /// glove game with one left and two right gloves reports 0, 0). Entry t belongs to
    /// `settled[t]`. For a cost game the excess is x(S) − c(S) (the levels of −c).
    public let levels: [Rational]
    /// The coalitions (bitmasks) settled at each level.
    public let settled: [[Int]]
    /// Kohlberg's criterion, checked exactly on `allocation` (for a cost game c: on −allocation
    /// in the profit game −c, which is the same statement).
    public let certificate: KohlbergCertificate
    /// True when the certificate proved the allocation correct.
    public var verified: Bool { certificate.verified }
    /// Work counters: "linearPrograms", "simplexIterations", "coalitionsGenerated", "scans".
    public let counters: [String: Int]
}

/// Why a core-type solution could not be computed.
public enum CoreSolutionError: Error, Equatable, CustomStringConvertible {
    /// Σ v({i}) > v(N): there is no imputation, so no nucleolus (the prenucleolus still exists).
    case emptyImputationSet(singletonSum: Rational, grandCoalition: Rational)
    /// A cost game with Σ c({i}) < c(N): no imputation (xᵢ ≤ c({i}), x(N) = c(N)), so no nucleolus.
    case emptyCostImputationSet(singletonSum: Rational, grandCoalition: Rational)
    /// The LP solver failed or the sequence did not converge.
    case solverFailed(String)
    /// The allocation has the wrong number of entries.
    case wrongAllocationSize(expected: Int, found: Int)

    public var description: String {
        switch self {
        case .emptyImputationSet(let s, let v):
            return "the imputation set is empty (Σ v({i}) = \(s) > v(N) = \(v)), so the nucleolus is not defined; the prenucleolus is (use `prenucleolus`)"
        case .emptyCostImputationSet(let s, let c):
            return "the imputation set of the cost game is empty (Σ c({i}) = \(s) < c(N) = \(c)), so the nucleolus is not defined; the prenucleolus is (use `prenucleolus`)"
        case .solverFailed(let why): return "the nucleolus computation failed: \(why)"
        case .wrongAllocationSize(let e, let f): return "expected an allocation of \(e) numbers, found \(f)"
        }
    }
}

/// The (pre)nucleolus by the sequence of linear programs.
///
/// Sources: Kopelowitz (1967), "Computation of the kernels of simple games and the nucleolus of
/// n-person games"; Maschler, Peleg & Shapley (1979), "Geometric properties of the kernel,
/// nucleolus and related solution concepts", Math. Oper. Res. 4; the settling rule as corrected by
/// Guajardo & Jörnsten (2015), "Common mistakes in computing the nucleolus", EJOR 241.
///
/// Steps, level t = 1, 2, ...:
/// 1. LP_t: minimise ε s.t. x(N) = v(N); x(S) = v(S) − ε_r for the settled coalitions (only
///    those independent of each other); x(S) + ε ≥ v(S) for the coalitions in the working pool;
///    for the nucleolus also xᵢ ≥ v({i}).
/// 2. Constraint generation: scan all 2^n coalitions at the LP's x (one O(2^n) pass with half
///    tables); add the most violated ones to the pool and re-solve until none is violated. The
///    pool starts with the singletons, their complements and the coalitions of largest excess at
///    the equal split (all coalitions when n ≤ 6; else about 2^n/32 of them, 32 to 150 below
///    n = 20 and up to 400 from n = 20: ``initialPoolSize(players:)``). Each LP_t is solved
///    through its dual (``solveLevel(_:equalities:pool:freeImputation:epsBound:)``): n + 1 rows
///    and one column per row of LP_t, so the simplex works on an (n + 1) × (n + 1) basis
///    whatever the pool size; x and ε are read off as the dual's row duals.
/// 3. Settle only the coalitions with a positive dual: they are tight in *every* optimum (a
///    coalition tight in one optimum only must not be fixed — the classic error). Positive duals of
///    xᵢ ≥ v({i}) fix xᵢ = v({i}).
/// 4. ε_t is recovered exactly from the settled equalities (rational elimination on the columns
///    x, ε_t), and the settled rows x(S) = v(S) − ε_t join the exact system.
/// 5. Coalitions whose indicator lies in the span of the settled ones have constant excess and
///    leave the pool (Maschler–Peleg–Shapley's reduction): the LPs shrink as the span grows.
/// Stop when the settled rows have rank n; x is then the exact solution of the settled system,
/// and is verified by ``KohlbergCriterion``.
///
/// - Complexity: at most n − 1 levels; each level solves a few LPs over the pool (simplex) and
///   scans 2^n coalitions per LP; memory O(2^n) bits plus the pool.
/// Degenerate input: games with many equal excesses make the duals degenerate; only positive
/// duals are used, so progress is at least one rank per level. An empty imputation set throws
/// ``CoreSolutionError/emptyImputationSet(singletonSum:grandCoalition:)`` for the nucleolus.
///
/// Cost games (``TUGame/isCostGame``, e.g. the airport game): the (pre)nucleolus of a cost game
/// c lexicographically minimises the sorted excesses x(S) − c(S) over (pre)imputations with
/// xᵢ ≤ c({i}); with y = −x these are the excesses (−c)(S) − y(S) of the profit game −c, so it is
/// −(pre)nucleolus(−c) (Littlechild & Owen 1973 for airport games; Maschler, Peleg & Shapley 1979).
/// The levels are the same numbers.
public enum SequentialNucleolus {
    /// Coalitions in the first pool for large games (n ≥ 20).
    public static let initialPoolSize = 400
    /// Coalitions in the first pool for smaller games (7 ≤ n < 20).
    public static let smallGamePoolSize = 150

    /// The first pool's size besides singletons and their complements: about 2^n/32 coalitions,
    /// at least 32 and at most ``smallGamePoolSize`` (n < 20) or ``initialPoolSize``. Every pool
    /// coalition is a simplex column priced in every iteration, and small games settle from few
    /// coalitions, so a small first pool plus a constraint-generation round is cheaper than a
    /// large first LP; from n = 20 on each extra round costs a 2^n scan and the larger pool pays.
    public static func initialPoolSize(players n: Int) -> Int {
        min(n >= 20 ? initialPoolSize : smallGamePoolSize, max(32, ((1 << n) - 1) / 32))
    }
    /// Coalitions added per constraint-generation round.
    public static let additionsPerRound = 200

    /// The nucleolus (over imputations).
    public static func nucleolus(_ game: TUGame) throws -> NucleolusResult {
        try solve(game, imputations: true)
    }

    /// The prenucleolus (over preimputations).
    public static func prenucleolus(_ game: TUGame) throws -> NucleolusResult {
        try solve(game, imputations: false)
    }

    static func solve(_ game: TUGame, imputations: Bool) throws -> NucleolusResult {
        if game.isCostGame {
            if imputations && !game.hasImputations {
                let s = (0..<game.playerCount).reduce(Rational.zero) { $0 + game.value(1 << $1) }
                throw CoreSolutionError.emptyCostImputationSet(singletonSum: s, grandCoalition: game.value(game.grandCoalition))
            }
            let r = try solve(game.profitForm, imputations: imputations)
            return NucleolusResult(allocation: r.allocation.map { -$0 }, levels: r.levels, settled: r.settled,
                                   certificate: r.certificate, counters: r.counters)
        }
        let n = game.playerCount, full = game.grandCoalition
        let vN = game.value(full)
        if imputations && !game.hasImputations {
            let s = (0..<n).reduce(Rational.zero) { $0 + game.value(1 << $1) }
            throw CoreSolutionError.emptyImputationSet(singletonSum: s, grandCoalition: vN)
        }
        if n == 1 {
            let cert = KohlbergCriterion.verify(game, [vN], nucleolus: imputations)
            return NucleolusResult(allocation: [vN], levels: [], settled: [], certificate: cert, counters: [:])
        }
        var counters = ["linearPrograms": 0, "simplexIterations": 0, "coalitionsGenerated": 0, "scans": 0]
        let scanner = ExcessScanner(game)
        var exact = RationalEchelon(columns: n)
        exact.add(indicator(full, n), vN)
        var exactRows: [([Rational], Rational)] = [(indicator(full, n), vN)]
        var span = FloatSpan(dimension: n)
        span.add(FloatSpan.indicator(full, n))
        var equalities: [(mask: Int, rhs: Rational)] = [(full, vN)]   // mask < 0 encodes player ~mask
        var marked = [UInt64](repeating: 0, count: (1 << n) / 64 + 1)
        func isMarked(_ s: Int) -> Bool { marked[s >> 6] >> UInt64(s & 63) & 1 == 1 }
        func mark(_ s: Int) { marked[s >> 6] |= 1 << UInt64(s & 63) }
        mark(full)
        var fixedPlayers = Set<Int>()
        let scale = Double(game.numerators.lazy.map(\.magnitude).max() ?? 1) / Double(game.denominator)
        let tol = Tolerance.feasibility * max(1, scale)
        let epsBound = Rational(Int(min(1e15, 1e3 * (scale + 1) * Double(n)).rounded()))

        // Initial pool.
        var pool: [Int] = []
        var inPool = Set<Int>()
        func addToPool(_ s: Int) { if !isMarked(s) && inPool.insert(s).inserted { pool.append(s) } }
        if n <= 6 {
            for s in 1..<full { addToPool(s) }
        } else {
            for i in 0..<n { addToPool(1 << i); addToPool(full ^ (1 << i)) }
            let share = vN.doubleValue / Double(n)
            let x0 = [Double](repeating: share, count: n)
            // The excess at x0 (the equal split: x0(S) = |S|·v(N)/n) above which about `size`
            // coalitions lie: exact over all coalitions when there are at most 4096 of them, else
            // estimated from 4096 seeded samples.
            var rng = SplitMix64(seed: 0x6E75_636C_656F_6C75)
            let samples = min(4096, full - 1)
            var sample = [Double](repeating: 0, count: samples)
            for k in 0..<samples {
                let s = samples == full - 1 ? k + 1 : rng.uniform(1...(full - 1))
                sample[k] = game.doubleValue(s) - Double(s.nonzeroBitCount) * share
            }
            let size = initialPoolSize(players: n)
            let rank = min(samples - 1, max(0, Int(Double(samples * size) / Double(full - 1)) - 1))
            let threshold = largest(rank, in: &sample)
            counters["scans"]! += 1
            for c in scanner.violations(x0, above: threshold - 1e-9, limit: size, excluded: isMarked) { addToPool(c.mask) }
        }

        var levels: [Rational] = [], settledLevels: [[Int]] = []
        var lastX = [Double](repeating: 0, count: n)
        while exact.rank < n {
            guard levels.count <= 2 * n else { throw CoreSolutionError.solverFailed("the LP sequence did not converge in \(2 * n) levels") }
            // Constraint generation until the pool's optimum is feasible for all coalitions.
            var solution: LevelSolution
            var freeImputation: [Int] = []
            while true {
                freeImputation = imputations ? (0..<n).filter { !fixedPlayers.contains($0) } : []
                solution = try solveLevel(game, equalities: equalities, pool: pool, freeImputation: freeImputation, epsBound: epsBound)
                counters["linearPrograms"]! += 1
                counters["simplexIterations"]! += solution.iterations
                if n <= 6 { break }
                let x = solution.x, eps = solution.eps
                counters["scans"]! += 1
                var added = 0
                for c in scanner.violations(x, above: eps + tol, limit: 4 * additionsPerRound, excluded: { isMarked($0) || inPool.contains($0) }) {
                    if span.containsIndicator(c.mask) { mark(c.mask); continue }
                    addToPool(c.mask); added += 1
                    if added >= additionsPerRound { break }
                }
                counters["coalitionsGenerated"]! += added
                if added == 0 { break }
            }
            let x = solution.x, eps = solution.eps
            lastX = x
            let poolDuals = solution.poolWeights
            let impDuals = solution.imputationWeights
            var settleNow = pool.indices.filter { poolDuals[$0] > Tolerance.zero }.map { pool[$0] }
            let fixNow = freeImputation.indices.filter { impDuals[$0] > Tolerance.zero }.map { freeImputation[$0] }
            if settleNow.isEmpty {
                // Numerical fallback: the coalitions tight at this optimum.
                settleNow = pool.filter { s in
                    var xs = 0.0
                    for i in TUGame.members(s) { xs += x[i] }
                    return game.doubleValue(s) - xs >= eps - tol
                }
                if settleNow.isEmpty { throw CoreSolutionError.solverFailed("no coalition could be settled at level \(levels.count + 1)") }
            }
            // Exact ε_t from the settled equalities.
            var withEps = RationalEchelon(columns: n + 1)
            for (row, rhs) in exactRows { withEps.add(row + [.zero], rhs) }
            for i in fixNow { withEps.add((0..<n).map { $0 == i ? Rational.one : .zero } + [.zero], game.value(1 << i)) }
            for s in settleNow { withEps.add(indicator(s, n) + [.one], game.value(s)) }
            let epsExact = withEps.determinedValue(of: n) ?? (Rational(exactly: eps) ?? .zero)
            levels.append(epsExact)
            settledLevels.append(settleNow)
            func addExact(_ row: [Rational], _ rhs: Rational, _ code: Int, _ floatRow: [Double]) {
                if exact.add(row, rhs) == .independent {
                    exactRows.append((row, rhs))
                    equalities.append((code, rhs))
                    span.add(floatRow)
                }
            }
            for i in fixNow {
                fixedPlayers.insert(i)
                addExact((0..<n).map { $0 == i ? Rational.one : .zero }, game.value(1 << i), ~i, (0..<n).map { $0 == i ? 1 : 0 })
            }
            for s in settleNow {
                mark(s)
                addExact(indicator(s, n), game.value(s) - epsExact, s, FloatSpan.indicator(s, n))
            }
            // Drop settled and spanned coalitions from the pool.
            pool = pool.filter { s in
                if isMarked(s) { inPool.remove(s); return false }
                if span.containsIndicator(s) { mark(s); inPool.remove(s); return false }
                return true
            }
        }
        _ = lastX
        guard let allocation = exact.solution() else { throw CoreSolutionError.solverFailed("the settled system is singular") }
        let hint = settledLevels.flatMap { $0 }.map { game.value($0) - TUGame.sum(allocation, over: $0) }.min()
        let cert = KohlbergCriterion.verify(game, allocation, nucleolus: imputations, threshold: hint)
        counters["linearPrograms"]! += cert.linearPrograms
        return NucleolusResult(allocation: allocation, levels: levels, settled: settledLevels, certificate: cert, counters: counters)
    }
}

extension SequentialNucleolus {
    /// The optimum of one level's LP: x, ε, and the LP's dual weights of the pool rows and of the
    /// rows xᵢ ≥ v({i}).
    struct LevelSolution {
        var x: [Double], eps: Double, poolWeights: [Double], imputationWeights: [Double], iterations: Int
    }

    /// Solves LP_t  (min ε s.t. a_r·x = b_r for the equalities, x(S) + ε ≥ v(S) for the pool,
    /// xᵢ ≥ v({i}) for `freeImputation`, ε ≥ −B)  through its dual, which has only n + 1 rows:
    ///
    ///     max Σ b_r y_r + Σ v(S) λ_S + Σ v({i}) μᵢ − B ρ
    ///     s.t. Σ_r a_rj y_r + Σ_{S∋j} λ_S + μ_j = 0   (each player j)
    ///          Σ_S λ_S + ρ = 1                        (the column of ε)
    ///          y free, λ, μ, ρ ≥ 0,
    ///
    /// solved by GLPK's primal simplex (one column per row of LP_t, so each iteration works on an
    /// (n + 1) × (n + 1) basis instead of one of the size of the pool). By LP duality, x and ε are
    /// the row duals of the n + 1 rows (reduced cost v(S) − x(S) − ε ≤ 0 is exactly
    /// x(S) + ε ≥ v(S)), and the weights λ, μ are LP_t's dual values: positive weights mark the
    /// coalitions tight in every optimum of LP_t.
    /// - Complexity: one simplex run on n + 1 rows and |equalities| + |pool| + n + 1 columns.
    static func solveLevel(_ game: TUGame, equalities: [(mask: Int, rhs: Rational)], pool: [Int],
                           freeImputation: [Int], epsBound: Rational) throws -> LevelSolution {
        let n = game.playerCount
        let e = equalities.count, p = pool.count, f = freeImputation.count
        let columns = e + p + f + 1
        var objective = [Rational](repeating: .zero, count: columns)
        var bounds = [LinearProgram.Bound](repeating: .atLeast(.zero), count: columns)
        var rows = [[(index: Int, coefficient: Rational)]](repeating: [], count: n + 1)
        for (c, eq) in equalities.enumerated() {
            objective[c] = eq.rhs
            bounds[c] = .free
            if eq.mask < 0 { rows[~eq.mask].append((c, .one)) }
            else { for j in TUGame.members(eq.mask) { rows[j].append((c, .one)) } }
        }
        for (k, s) in pool.enumerated() {
            let c = e + k
            objective[c] = game.value(s)
            for j in TUGame.members(s) { rows[j].append((c, .one)) }
            rows[n].append((c, .one))
        }
        for (k, i) in freeImputation.enumerated() {
            let c = e + p + k
            objective[c] = game.value(1 << i)
            rows[i].append((c, .one))
        }
        objective[columns - 1] = -epsBound
        rows[n].append((columns - 1, .one))
        var lp = LinearProgram(direction: .maximize, objective: objective, variableBounds: bounds)
        for j in 0..<n { lp.add(rows[j], .equal(.zero)) }
        lp.add(rows[n], .equal(.one))
        let solution: LPSolution
        do { solution = try GLPKSolver(simplex: .primal, pricing: .standard).solve(lp) } catch { throw CoreSolutionError.solverFailed("\(error)") }
        guard solution.status == .optimal else {
            // ε ≥ −B keeps LP_t bounded, so a non-optimal dual (unbounded, or infeasible too)
            // means LP_t itself is infeasible.
            throw CoreSolutionError.solverFailed("a level LP is infeasible (its dual is \(solution.status.rawValue))")
        }
        return LevelSolution(x: Array(solution.duals[0..<n]), eps: solution.duals[n],
                             poolWeights: Array(solution.values[e..<(e + p)]),
                             imputationWeights: Array(solution.values[(e + p)..<(e + p + f)]),
                             iterations: solution.iterations)
    }
}

/// The (rank + 1)-th largest element (rank 0 is the maximum), by quickselect (Hoare 1961,
/// "Algorithm 65: FIND"); reorders `values`.
/// - Complexity: O(m) expected for m values (median-of-three pivots, deterministic).
private func largest(_ rank: Int, in values: inout [Double]) -> Double {
    var lo = 0, hi = values.count - 1
    while lo < hi {
        let mid = lo + (hi - lo) / 2
        let pivot = max(min(values[lo], values[mid]), min(max(values[lo], values[mid]), values[hi]))
        var i = lo, j = hi
        while i <= j {
            while values[i] > pivot { i += 1 }
            while values[j] < pivot { j -= 1 }
            if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
        }
        if rank <= j { hi = j } else if rank >= i { lo = i } else { return values[rank] }
    }
    return values[rank]
}
