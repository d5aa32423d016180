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
    /// True when the certificate proved the allocation correct. Always true for a returned
    /// result: ``SequentialNucleolus`` throws ``CoreSolutionError/notVerified(_:)`` instead of
    /// returning an allocation it could not prove.
    public var verified: Bool { certificate.verified }
    /// Work counters: "linearPrograms", "simplexIterations", "coalitionsGenerated", "scans", and
    /// "basisRepairs" (level LPs whose floating basis failed the exact certificate and were
    /// re-solved exactly).
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
    /// The allocation, computed with every level LP solved and settled exactly, was not proved
    /// correct by Kohlberg's criterion (or the least-core value not confirmed). Not expected on
    /// any game; if it happens it is reported, never returned as an answer.
    case notVerified(String)

    public var description: String {
        switch self {
        case .emptyImputationSet(let s, let v):
            return "the imputation set is empty (Σ v({i}) = \(s) > v(N) = \(v)), so the nucleolus is not defined; the prenucleolus is (use `prenucleolus`)"
        case .emptyCostImputationSet(let s, let c):
            return "the imputation set of the cost game is empty (Σ c({i}) = \(s) < c(N) = \(c)), so the nucleolus is not defined; the prenucleolus is (use `prenucleolus`)"
        case .solverFailed(let why): return "the nucleolus computation failed: \(why)"
        case .wrongAllocationSize(let e, let f): return "expected an allocation of \(e) numbers, found \(f)"
        case .notVerified(let why): return "the computed allocation could not be verified by Kohlberg's criterion, so no answer is given: \(why)"
        }
    }
}

extension TUGame {
    /// The nucleolus, exact and verified by Kohlberg's criterion:
    /// ``SequentialNucleolus/nucleolus(_:)`` on this game.
    ///
    /// ```swift
    /// let game = try TUGameReader.read(#"{"players": 3, "values": [0, 0, 90, 0, 80, 70, 120]}"#).table()
    /// print(try game.nucleolus().allocation)
    /// ```
    /// - Throws: ``CoreSolutionError/emptyImputationSet(singletonSum:grandCoalition:)`` when the
    ///   game has no imputation (its ``prenucleolus()`` still exists); ``CoreSolutionError`` when
    ///   the computation fails or cannot be verified (never an unverified answer).
    public func nucleolus() throws -> NucleolusResult {
        try SequentialNucleolus.nucleolus(self)
    }

    /// The prenucleolus (over preimputations), exact and verified:
    /// ``SequentialNucleolus/prenucleolus(_:)`` on this game.
    /// - Throws: ``CoreSolutionError`` when the computation fails or cannot be verified.
    public func prenucleolus() throws -> NucleolusResult {
        try SequentialNucleolus.prenucleolus(self)
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
/// 2. Each LP_t is solved through its dual (``solveLevel(_:equalities:pool:freeImputation:epsBound:)``):
///    n + 1 rows and one column per row of LP_t, so the simplex works on an (n + 1) × (n + 1)
///    basis whatever the pool size; x and ε are the dual's row duals. GLPK's floating simplex
///    proposes the basis, which is then recomputed and certified in rationals
///    (``solveLevelExactly(_:counters:)``; when GLPK's basis is not exactly optimal the LP is
///    re-solved exactly, counted as "basisRepairs").
/// 3. Constraint generation: all 2^n coalitions are checked at the exact x
///    (``exactViolations(_:_:_:n:margin:limit:excluded:)``: one O(2^n) floating pass with half
///    tables, then exact excesses for the candidates); the most violated join the pool and LP_t
///    is re-solved until no coalition is violated, exactly. The pool LP's exact optimum is then
///    optimal for LP_t over all coalitions. The pool starts with the singletons, their
///    complements and the coalitions of largest excess at the equal split (all coalitions when
///    n ≤ 6; else about 2^n/32 of them, 32 to 150 below n = 20 and up to 400 from n = 20:
///    ``initialPoolSize(players:)``).
/// 4. Settle only the coalitions with a positive exact dual: they are tight in *every* optimum (a
///    coalition tight in one optimum only must not be fixed — the classic error). Positive duals
///    of xᵢ ≥ v({i}) fix xᵢ = v({i}). ε_t is the exact optimum, and the settled rows
///    x(S) = v(S) − ε_t join the exact system.
/// 5. Coalitions whose indicator lies in the span of the settled ones have constant excess and
///    leave the pool (Maschler–Peleg–Shapley's reduction): the LPs shrink as the span grows. The
///    span test is screened in floating point and confirmed in rationals.
/// Stop when the settled rows have rank n; x is then the exact solution of the settled system,
/// and is verified by ``KohlbergCriterion``.
///
/// Never an unverified answer: every level is a proved step of the sequence (exact optimum,
/// exact feasibility, exact duals), and the result is checked by Kohlberg's criterion; if that
/// check still fails, ``CoreSolutionError/notVerified(_:)`` is thrown rather than an allocation
/// returned. (An earlier version settled the coalitions whose *floating* dual exceeded
/// ``Tolerance/zero``: GLPK accepts a basis whose reduced costs are within its relative
/// tolerance 10⁻⁷, and on BNF type-1, n = 22, seed 1 such a basis — one pool coalition violated
/// by 20/63581 — settled a coalition that is not tight in the true optimum, giving a wrong,
/// unverified allocation.)
///
/// - Complexity: at most n − 1 levels; each level solves a few LPs over the pool (simplex),
///   certifies each in O(n³) rational operations plus O(pool · n) for its reduced costs, and
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
        var counters = ["linearPrograms": 0, "simplexIterations": 0, "coalitionsGenerated": 0, "scans": 0, "basisRepairs": 0]
        if n == 1 {
            let cert = KohlbergCriterion.verify(game, [vN], nucleolus: imputations)
            guard cert.verified else { throw CoreSolutionError.notVerified(cert.failure ?? "") }
            return NucleolusResult(allocation: [vN], levels: [], settled: [], certificate: cert, counters: counters)
        }
        let scanner = ExcessScanner(game)
        var exact = RationalEchelon(columns: n)
        exact.add(indicator(full, n), vN)
        var span = FloatSpan(dimension: n)
        span.add(FloatSpan.indicator(full, n))
        /// In the span of the settled rows: screened in floating point, confirmed exactly (a
        /// floating "yes" alone would drop a coalition that still matters).
        func spanned(_ s: Int) -> Bool { span.containsIndicator(s) && exact.spans(indicator(s, n)) }
        var equalities: [(mask: Int, rhs: Rational)] = [(full, vN)]   // mask < 0 encodes player ~mask
        var marked = [UInt64](repeating: 0, count: (1 << n) / 64 + 1)
        func isMarked(_ s: Int) -> Bool { marked[s >> 6] >> UInt64(s & 63) & 1 == 1 }
        func mark(_ s: Int) { marked[s >> 6] |= 1 << UInt64(s & 63) }
        mark(full)
        var fixedPlayers = Set<Int>()
        let scale = Double(game.numerators.lazy.map(\.magnitude).max() ?? 1) / Double(game.denominator)
        let margin = Tolerance.excessScreen * max(1, scale)
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
            for c in scanner.violations(x0, above: threshold - Tolerance.zero, limit: size, excluded: isMarked) { addToPool(c.mask) }
        }

        var levels: [Rational] = [], settledLevels: [[Int]] = []
        while exact.rank < n {
            guard levels.count <= 2 * n else { throw CoreSolutionError.solverFailed("the LP sequence did not converge in \(2 * n) levels") }
            // Constraint generation until the pool LP's exact optimum is exactly feasible for every
            // coalition; it is then optimal for LP_t itself.
            var optimum: ExactLPSolution
            var freeImputation: [Int] = []
            while true {
                freeImputation = imputations ? (0..<n).filter { !fixedPlayers.contains($0) } : []
                let solution = try solveLevel(game, equalities: equalities, pool: pool, freeImputation: freeImputation, epsBound: epsBound)
                counters["linearPrograms"]! += 1
                counters["simplexIterations"]! += solution.iterations
                optimum = try solveLevelExactly(solution, counters: &counters)
                if n <= 6 { break }                       // the pool holds every coalition
                counters["scans"]! += 1
                var added = 0
                for s in exactViolations(game, scanner, optimum, n: n, margin: margin, limit: 4 * additionsPerRound,
                                         excluded: { isMarked($0) || inPool.contains($0) }) {
                    // A spanned coalition has the same excess at every remaining candidate x: it
                    // cannot change the order of the excess vectors, so it leaves the sequence.
                    if spanned(s) { mark(s); continue }
                    addToPool(s); added += 1
                    if added >= additionsPerRound { break }
                }
                counters["coalitionsGenerated"]! += added
                if added == 0 { break }
            }
            // Exact duals: a coalition (or a row xᵢ ≥ v({i})) with a positive weight is tight in
            // every optimum of LP_t (complementary slackness), and ε_t is the exact optimum.
            let e = equalities.count, p = pool.count, f = freeImputation.count
            guard optimum.values[e + p + f].isZero else {
                throw CoreSolutionError.solverFailed("ε reached the level LP's artificial bound −\(epsBound) at level \(levels.count + 1)")
            }
            let settleNow = pool.indices.filter { optimum.values[e + $0].signum > 0 }.map { pool[$0] }
            let fixNow = freeImputation.indices.filter { optimum.values[e + p + $0].signum > 0 }.map { freeImputation[$0] }
            let eps = optimum.duals[n]
            levels.append(eps)
            settledLevels.append(settleNow)
            func addExact(_ row: [Rational], _ rhs: Rational, _ code: Int, _ floatRow: [Double]) throws {
                switch exact.add(row, rhs) {
                case .independent:
                    equalities.append((code, rhs))
                    span.add(floatRow)
                case .dependent: break
                case .inconsistent:
                    // Impossible for a certified optimum (it satisfies every settled row); kept as a guard.
                    throw CoreSolutionError.solverFailed("the rows settled at level \(levels.count) contradict the earlier ones")
                }
            }
            for i in fixNow {
                fixedPlayers.insert(i)
                try addExact((0..<n).map { $0 == i ? Rational.one : .zero }, game.value(1 << i), ~i, (0..<n).map { $0 == i ? 1 : 0 })
            }
            for s in settleNow {
                mark(s)
                try addExact(indicator(s, n), game.value(s) - eps, s, FloatSpan.indicator(s, n))
            }
            // Drop settled and spanned coalitions from the pool.
            pool = pool.filter { s in
                if isMarked(s) { inPool.remove(s); return false }
                if spanned(s) { mark(s); inPool.remove(s); return false }
                return true
            }
        }
        guard let allocation = exact.solution() else { throw CoreSolutionError.solverFailed("the settled system is singular") }
        let hint = settledLevels.flatMap { $0 }.map { game.value($0) - TUGame.sum(allocation, over: $0) }.min()
        let cert = KohlbergCriterion.verify(game, allocation, nucleolus: imputations, threshold: hint)
        counters["linearPrograms"]! += cert.linearPrograms
        guard cert.verified else { throw CoreSolutionError.notVerified(cert.failure ?? "") }
        return NucleolusResult(allocation: allocation, levels: levels, settled: settledLevels, certificate: cert, counters: counters)
    }
}

extension SequentialNucleolus {
    /// GLPK's floating solve of one level's dual LP: the program and GLPK's final basis, which
    /// ``solveLevelExactly(_:counters:)`` certifies (or repairs) in rationals.
    struct LevelSolution {
        var program: LinearProgram, rowStatus: [LPBasisStatus], columnStatus: [LPBasisStatus], iterations: Int
    }

    /// The level's dual LP solved exactly, in three steps that stop at the first success:
    /// 1. GLPK's final floating basis, recomputed and certified in rationals
    ///    (``LinearProgram/certifyBasis(rowStatus:columnStatus:)``): one (n + 1) × (n + 1)
    ///    rational basis solve;
    /// 2. ``GLPKSolver/solveExactly(_:start:)`` from a floating basis: GLPK's simplex on the
    ///    integer-scaled rows, certified, and if that fails `glp_exact` warm-started from it;
    /// 3. `glp_exact` from GLPK's standard basis (every pivot in rationals).
    /// Each answer is certified (primal and dual feasible, equal objectives, all exact) before it
    /// is used; when none is, the level fails with ``CoreSolutionError/solverFailed(_:)``.
    /// - Complexity: step 1 is O(n³) rational operations plus O(nnz) for the certificate.
    static func solveLevelExactly(_ level: LevelSolution, counters: inout [String: Int]) throws -> ExactLPSolution {
        let why: String
        switch level.program.certifyBasis(rowStatus: level.rowStatus, columnStatus: level.columnStatus) {
        case .success(let optimum): return optimum
        case .failure(let failure): why = failure.description
        }
        counters["basisRepairs"]! += 1
        var failures = ["floating basis: \(why)"]
        for start in [GLPKSolver.ExactStart.floatingBasis, .exactSimplex] {
            do {
                let r = try GLPKSolver(simplex: .primal, pricing: .standard).solveExactly(level.program, start: start)
                counters["linearPrograms"]! += 1
                counters["simplexIterations"]! += r.iterations
                if let optimum = r.exact { return optimum }
                failures.append("\(start.rawValue): the dual LP is \(r.status.rawValue)")
            } catch {
                failures.append("\(start.rawValue): \(error)")
            }
        }
        throw CoreSolutionError.solverFailed("a level LP could not be solved exactly (\(failures.joined(separator: "; ")))")
    }

    /// Coalitions outside the pool that the exact optimum violates (e(S, x) > ε exactly), most
    /// violated first; empty exactly when there is none.
    ///
    /// A floating scan at x (rounded) screens the coalitions whose floating excess exceeds
    /// ε − `margin`; candidates are then checked exactly. The floating excess v(S) − x(S) is off
    /// by at most about n·2⁻⁵²·(|v(S)| + Σ|xᵢ|), many orders of magnitude below `margin`
    /// (``Tolerance/excessScreen`` times the game's scale), so no violated coalition is screened
    /// out. The `limit` candidates of largest floating excess are checked first; only when all
    /// of them are feasible and the screen passed more does a second pass check every candidate.
    /// - Complexity: one O(2^n) scan (two when many coalitions lie near ε) plus O(1) (scaled
    ///   Int128) or O(n) (rational) per candidate checked.
    static func exactViolations(_ game: TUGame, _ scanner: ExcessScanner, _ optimum: ExactLPSolution, n: Int,
                                margin: Double, limit: Int, excluded: (Int) -> Bool) -> [Int] {
        let x = Array(optimum.duals[0..<n]), eps = optimum.duals[n]
        let scaled = ExactExcess(game, x)
        // ε·M rounded down: an integer e(S)·M exceeds ε·M iff it exceeds this.
        var floorScaledEps: Int128? = nil
        if let scaled {
            let t = eps * scaled.scale
            var q = t.numerator / t.denominator
            if t.signum < 0 && q * t.denominator != t.numerator { q -= 1 }
            if let small = Int(exactly: q) { floorScaledEps = Int128(small) }
        }
        func isViolated(_ s: Int) -> Bool {
            if let scaled, let floorScaledEps { return scaled.scaledExcess(s) > floorScaledEps }
            return game.value(s) - TUGame.sum(x, over: s) > eps
        }
        let xd = x.map(\.doubleValue), screen = eps.doubleValue - margin
        // The `limit` candidates of largest floating excess, most violated first.
        let top = scanner.violations(xd, above: screen, limit: limit, excluded: excluded)
        let violated = top.map(\.mask).filter(isViolated)
        if !violated.isEmpty || top.count < limit { return violated }
        // All of them are exactly feasible but more candidates passed the screen (many coalitions
        // near ε, as in games with many equal values): floating order is only approximate, so
        // check every candidate exactly.
        var rest: [Int] = []
        scanner.forEach(xd, above: screen, excluded: excluded) { s in if isViolated(s) { rest.append(s) } }
        return rest
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
        return LevelSolution(program: lp, rowStatus: solution.rowStatus, columnStatus: solution.columnStatus,
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
