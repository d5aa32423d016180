import BigInt
import ExactArithmetic
import StrategicGames

/// The Lemke–Howson algorithm: one Nash equilibrium of a bimatrix game per dropped label, found by
/// complementary pivoting on the two best-response polytopes.
///
/// Source: C. E. Lemke and J. T. Howson, "Equilibrium points of bimatrix games", SIAM J. Appl.
/// Math. 12, 1964; in the tableau form of B. von Stengel, "Computing equilibria for two-person
/// games", Handbook of Game Theory vol. 3, ch. 45, 2002, and Nisan et al., *Algorithmic Game
/// Theory*, 2007, Algorithm 3.6.
///
/// Steps:
/// 1. Shift the payoffs to be positive (≥ 1) and scale each matrix to integers; this changes no
///    equilibrium. Set up P = {x ≥ 0 : Bᵀx ≤ 1} and Q = {y ≥ 0 : Ay ≤ 1} as two tableaux
///    `s + Bᵀx = 1`, `r + Ay = 1`, starting at the artificial equilibrium (0, 0).
/// 2. Drop label k: the variable with label k (x_k or y_{k−m}) enters the basis of its system.
/// 3. The minimum-ratio test (lexicographic, so degenerate games cannot cycle) picks the leaving
///    variable; if its label is k the path ends, otherwise its complement enters the other system.
/// 4. The final basis gives (x, y), solved and checked exactly.
///
/// Arithmetic: `.exact` (and `.double`, the same route) walks the path in floating point on the
/// shifted, unscaled payoffs (Gauss–Jordan on the compact tableaux, any positive entry a pivot
/// candidate, relative tie test, lexicographic tie-break on the initial slack columns, as
/// QuantEcon's `_lemke_howson_tbl` minus its absolute pivot tolerance), then solves the
/// equilibrium of the final basis exactly — the supports' indifference systems, once, in
/// rationals — and checks it exactly (``BasisCertificate``). A certified endpoint is an exact
/// answer whatever rounding happened on the way; the reported pivot count is the floating
/// path's (tests check it equals the exact path's on the Savani–von Stengel games and random
/// games). Degenerate steps — ties that the floating ratio test cannot separate, normal on games
/// with repeated payoffs — are decided by the exact lexicographic test at their basis
/// (``ExactTieBreak``, O(k³) in the support size), so the floating path follows the exact
/// lexicographic path through them. If the certificate fails, the path is rerun fraction-free. `.fractionFree` pivots
/// fraction-free only (Edmonds; every entry an integer, the common denominator the previous
/// pivot element) in `Int` with overflow detection, continuing in `Int128` from the pivot that
/// overflowed and in `BigInt` from the pivot that overflows Int128.
///
/// Degenerate games: the lexicographic rule keeps every path finite and well defined; the path
/// ends at an equilibrium, but different labels may reach equilibria of the same component.
///
/// - Complexity: each pivot costs O(m·n) arithmetic operations (O(max(m, n)²) for the system it
///   touches); paths can be exponentially long (Savani & von Stengel 2006), typically short on
///   random games.
public struct LemkeHowson: Sendable {
    /// A label of the game: a row strategy or a column strategy (0-based).
    public enum Label: Hashable, Sendable, Comparable, CustomStringConvertible {
        case row(Int)
        case column(Int)

        /// The label's index among all m + n labels (rows first).
        public func index(rowCount m: Int) -> Int {
            switch self { case .row(let i): return i; case .column(let j): return m + j }
        }

        /// The label with index k among m + n labels.
        public init(index k: Int, rowCount m: Int) { self = k < m ? .row(k) : .column(k - m) }

        public var description: String {
            switch self { case .row(let i): return "row:\(i)"; case .column(let j): return "column:\(j)" }
        }
    }

    /// Number type of the pivoting, and how the answer is certified.
    public enum Arithmetic: String, Sendable, CaseIterable {
        /// A certified exact answer by the fastest sound route: the path is walked in floating
        /// point (Double, then Float80), steps the floating data cannot decide are decided by the
        /// exact lexicographic rule at their basis, the equilibrium at the final basis is solved
        /// in integers or rationals (the supports' indifference system, once) and checked exactly;
        /// only when that fails is the path rerun in fraction-free integer arithmetic. The route
        /// taken is reported per path.
        case exact
        /// The floating-point path (the same route as `.exact`, kept as the name for speed studies
        /// of the floating path; its endpoint is certified the same way).
        case double
        /// Pure fraction-free integer pivoting (Int, then Int128, then BigInt on overflow), for studies
        /// of the exact path itself: every decision of the path is exact.
        case fractionFree = "fraction-free"
        /// The floating path in extended precision only (`Float80`, 64-bit significand; x86 only,
        /// elsewhere the same as `.double`), endpoint certified the same way. For studies of
        /// paths too long or too ill-conditioned for `Double` (Savani–von Stengel d ≥ 16).
        case extended
    }

    /// The label to drop; nil runs every label (see ``solve(_:limits:)``).
    public var label: Label?
    public var arithmetic: Arithmetic

    /// A solver dropping `label` (nil: every label, de-duplicated).
    public init(label: Label? = .row(0), arithmetic: Arithmetic = .exact) {
        self.label = label
        self.arithmetic = arithmetic
    }

    /// A solver running every label.
    public static func allLabels(arithmetic: Arithmetic = .exact) -> LemkeHowson {
        LemkeHowson(label: nil, arithmetic: arithmetic)
    }

    /// One Lemke–Howson path and where it ended.
    public struct Path: Sendable {
        public let label: Label
        /// Pivots from the artificial equilibrium to the end of the path.
        public let pivots: Int
        /// The verified equilibrium at the end (nil only if the run timed out).
        public let equilibrium: Equilibrium?
        /// How the path was computed and its endpoint certified: "double+certificate" (floating
        /// path, equilibrium solved at its final basis in rationals and checked exactly),
        /// "int", "int128" or "bigint" (fraction-free; Int128 from the first Int overflow,
        /// BigInt from the first Int128 overflow), or "double→int" etc. (the floating-point endpoint failed its exact check; the path was rerun
        /// fraction-free).
        public let arithmeticUsed: String
        public let stopReason: StopReason
        /// Degenerate steps of the floating path (ties the floating ratio test could not separate)
        /// that were decided by the exact lexicographic test at their basis (``ExactTieBreak``).
        public var exactTieBreaks: Int = 0
    }

    public enum SolverError: Error, CustomStringConvertible {
        case labelOutOfRange(Label, rows: Int, columns: Int)
        case noLeavingVariable(Label)
        case verificationFailed(Label)
        public var description: String {
            switch self {
            case .labelOutOfRange(let l, let m, let n): return "label \(l) is out of range for a \(m)x\(n) game"
            case .noLeavingVariable(let l): return "Lemke–Howson path for label \(l) found an unbounded ray (internal error)"
            case .verificationFailed(let l): return "Lemke–Howson endpoint for label \(l) failed the exact equilibrium check (internal error)"
            }
        }
    }

    // MARK: Solving

    /// The path dropping `label`.
    public func path(_ game: BimatrixGame, label: Label, limits: SolverLimits = .none) throws -> Path {
        let setup = Prepared(game)
        return try runPath(game, setup: setup, label: label, deadline: limits.deadline(), progress: limits.progress,
                           start: .now)
    }

    /// Equilibria of `game`: for one label, the end of its path; for all labels, every distinct
    /// endpoint in order of first discovery, with `details[k]` (``EquilibriumDetails/lemkeHowson(labels:pivots:)``)
    /// listing the labels that reached equilibrium k and their path lengths.
    /// Counters: `pivots` (total), `paths`, `certifiedFromDoublePath` (paths whose floating-point
    /// endpoint was certified exactly), `fractionFreePaths` (of which `int128Paths` and `bigIntegerPaths` left Int after an overflow),
    /// `doubleRecomputed`
    /// (floating endpoints that failed the check and were rerun), `degeneratePathsRerun` (floating
    /// paths that met a degenerate step the exact tie-break could not decide, rerun fraction-free),
    /// `exactTieBreaks` (degenerate floating steps decided by the exact lexicographic test).
    public func solve(_ game: BimatrixGame, limits: SolverLimits = .none) throws -> NashResult {
        let m = game.rowCount, n = game.columnCount
        let labels = label.map { [$0] } ?? (0..<(m + n)).map { Label(index: $0, rowCount: m) }
        let setup = Prepared(game)
        let start = ContinuousClock.now
        let deadline = limits.deadline(from: start)
        var equilibria: [Equilibrium] = []
        var reached: [[Path]] = []
        var index: [Equilibrium: Int] = [:]
        var counters = ["pivots": 0, "paths": 0, "certifiedFromDoublePath": 0, "certifiedFromExtendedPath": 0, "fractionFreePaths": 0,
                        "int128Paths": 0, "bigIntegerPaths": 0, "degeneratePathsRerun": 0, "doubleRecomputed": 0,
                        "exactTieBreaks": 0]
        var stop = StopReason.completed
        var notes: [String] = []
        for l in labels {
            let p = try runPath(game, setup: setup, label: l, deadline: deadline, progress: limits.progress, start: start)
            counters["pivots", default: 0] += p.pivots
            counters["paths", default: 0] += 1
            counters["exactTieBreaks", default: 0] += p.exactTieBreaks
            if p.arithmeticUsed == "double+certificate" { counters["certifiedFromDoublePath", default: 0] += 1 }
            if p.arithmeticUsed == "float80+certificate" { counters["certifiedFromExtendedPath", default: 0] += 1 }
            if p.arithmeticUsed.hasPrefix("double→") || p.arithmeticUsed.hasPrefix("float80") { counters["doubleRecomputed", default: 0] += 1 }
            if p.arithmeticUsed.hasPrefix("degenerate→") { counters["degeneratePathsRerun", default: 0] += 1 }
            let tier = p.arithmeticUsed.split(separator: "→").last.map(String.init) ?? ""
            if ["int", "int128", "bigint"].contains(tier) { counters["fractionFreePaths", default: 0] += 1 }
            if tier == "int128" { counters["int128Paths", default: 0] += 1 }
            if tier == "bigint" { counters["bigIntegerPaths", default: 0] += 1 }
            guard let eq = p.equilibrium else { stop = p.stopReason; break }
            if let k = index[eq] {
                reached[k].append(p)
            } else {
                index[eq] = equilibria.count
                equilibria.append(eq)
                reached.append([p])
                if let cap = limits.maxResults, equilibria.count >= cap, l != labels.last {
                    stop = .maxResults
                    break
                }
            }
        }
        if stop == .timeout { notes.append("stopped at the timeout after \(counters["paths"]! - 1) complete paths") }
        if counters["doubleRecomputed"]! > 0 {
            notes.append("\(counters["doubleRecomputed"]!) double-precision path(s) were not certified (endpoint not an equilibrium, or too many steps the doubles could not decide) and were recomputed in extended precision or exactly")
        }
        if counters["degeneratePathsRerun"]! > 0 {
            notes.append("\(counters["degeneratePathsRerun"]!) floating-point path(s) met a degenerate step that the exact tie-break could not decide and were rerun fraction-free")
        }
        if counters["exactTieBreaks"]! > 0 {
            notes.append("\(counters["exactTieBreaks"]!) degenerate step(s) of floating-point paths (ties in the ratio test) were decided by the exact lexicographic rule at their basis")
        }
        if arithmetic != .fractionFree, counters["paths"]! > 0 {
            notes.append("certified by: \(counters["certifiedFromDoublePath"]!) double and \(counters["certifiedFromExtendedPath"]!) extended-precision floating-point path(s) with the endpoint solved and checked in exact rationals, \(counters["fractionFreePaths"]!) fraction-free path(s)")
        }
        let details = reached.map { paths in EquilibriumDetails.lemkeHowson(labels: paths.map(\.label), pivots: paths.map(\.pivots)) }
        return NashResult(equilibria: equilibria, stopReason: stop, counters: counters, notes: notes, details: details)
    }

    // MARK: Implementation

    enum WalkStatus {
        case finished
        case overflow(row: Int, failedRow: Int, entering: Int)
        case timedOut
        case unbounded
        /// A degenerate floating step that the exact tie-break could not decide.
        case undecided
        /// Too many steps the floating data could not decide (see ``tieBreakBudgetRatio``): the
        /// walk is left to the next, more precise, floating type.
        case imprecise
    }

    /// A `Double` walk that needs an exact tie-break on more than 1 step in 64 (after the first 64)
    /// is abandoned for the `Float80` walk: on the Savani–von Stengel games from d = 18 the
    /// `Double` data leaves about 2% of the steps undecided (each an O(k³) big-integer solve,
    /// 7.3 s at d = 18), while the 64-bit significand decides them all (0.84 s). A speed policy
    /// only: every route's decisions on undecided steps are exact and every endpoint is certified.
    static let tieBreakBudgetRatio = 64

    /// Walks the path from `entering` until a variable with label `label` leaves.
    static func walk<T: PivotScalar>(_ tab: inout LemkeHowsonTableau<T>, label: Int, entering start: Int, pivots: inout Int,
                                     zero: T, deadline: ContinuousClock.Instant?, progress: (@Sendable (ProgressSnapshot) -> Void)?,
                                     clockStart: ContinuousClock.Instant, tieBreaks setup: Prepared? = nil,
                                     budgeted: Bool = false) -> WalkStatus {
        let big = tab.m + tab.n
        var entering = start
        var lastReport = clockStart
        // Floating-point pivoting can make wrong decisions and revisit a basis (an exact path never
        // does): hash each basis (Zobrist: XOR of per-variable keys) and detect a repeat with
        // Brent's cycle finding (O(1) memory, no per-pivot allocation; a cycle is seen within
        // twice its start plus length). A hash collision would only cost an exact rerun.
        let detectCycles = T.self is any FloatingPivotScalar.Type
        var keys = [UInt64]()
        var hash: UInt64 = 0
        var saved: UInt64 = 0, power = 1, steps = 0
        if detectCycles {
            var rng = SplitMix64(seed: 0x5eed)
            keys = (0..<(2 * big)).map { _ in rng.next() }
            for v in tab.basic[0] + tab.basic[1] { hash ^= keys[v] }
            saved = hash
        }
        while true {
            if pivots & 4095 == 4095 {
                let now = ContinuousClock.now
                if let deadline, now >= deadline { return .timedOut }
                if let progress, now - lastReport >= .milliseconds(250) {
                    lastReport = now
                    progress(ProgressSnapshot(done: pivots, total: nil, unit: "pivots", results: 0, elapsed: now - clockStart))
                }
            }
            let s = tab.system(of: entering)
            let c = -1 - tab.location[entering]
            guard var r = tab.leavingRow(system: s, column: c, zero: zero) else { return .unbounded }
            if T.isFloatingPoint, tab.ambiguousRows.count > 1, let setup {
                // A step the floating data cannot decide: take the exact lexicographic choice.
                guard let exact = setup.tieBreak.leavingRow(system: s, entering: entering, candidates: tab.ambiguousRows,
                                                      basic: tab.basic[s]) else { return .undecided }
                r = exact
                tab.exactTieBreaks += 1
                if budgeted, tab.exactTieBreaks > tieBreakBudgetRatio, tab.exactTieBreaks * tieBreakBudgetRatio > pivots {
                    return .imprecise
                }
            }
            let leaving = tab.basic[s][r]
            if let failed = tab.pivot(entering: entering, row: r) {
                return .overflow(row: r, failedRow: failed, entering: entering)
            }
            pivots += 1
            let leavingLabel = leaving < big ? leaving : leaving - big
            if leavingLabel == label { return .finished }
            if detectCycles {
                hash ^= keys[entering] ^ keys[leaving]
                if hash == saved { return .unbounded }
                steps += 1
                if steps == power { saved = hash; power <<= 1; steps = 0 }
            }
            entering = tab.complement(of: leaving)
        }
    }

    func runPath(_ game: BimatrixGame, setup: Prepared, label l: Label, deadline: ContinuousClock.Instant?,
                 progress: (@Sendable (ProgressSnapshot) -> Void)?, start: ContinuousClock.Instant) throws -> Path {
        let m = game.rowCount, n = game.columnCount
        if case .row(let i) = l, i >= m || i < 0 { throw SolverError.labelOutOfRange(l, rows: m, columns: n) }
        if case .column(let j) = l, j >= n || j < 0 { throw SolverError.labelOutOfRange(l, rows: m, columns: n) }
        var tryDouble = arithmetic != .extended
        #if !(arch(x86_64) || arch(i386))
        tryDouble = true
        #endif
        if arithmetic != .fractionFree {
            var degenerate = false
            #if arch(x86_64) || arch(i386)
            let hasExtended = true
            #else
            let hasExtended = false
            #endif
            if tryDouble {
                let payoffs = setup.floating
                switch floatingPath(game, a: payoffs.a, b: payoffs.b, shiftA: payoffs.shiftA, shiftB: payoffs.shiftB, setup: setup,
                                    label: l, name: "double", budgeted: hasExtended,
                                    deadline: deadline, progress: progress, start: start) {
                case .done(let path): return path
                case .degenerate: degenerate = true
                case .inconclusive, .imprecise: break
                }
            }
            #if arch(x86_64) || arch(i386)
            // Second try: the same path with a 64-bit significand (x87 extended precision).
            switch floatingPath(game, a: setup.extendedA, b: setup.extendedB, setup: setup, label: l, name: "float80",
                                deadline: deadline, progress: progress, start: start) {
            case .done(let path): return path
            case .degenerate: degenerate = true
            case .inconclusive, .imprecise: break
            }
            #endif
            let exact = try fractionFreePath(game, setup: setup.integral, label: l, deadline: deadline, progress: progress, start: start)
            return Path(label: l, pivots: exact.pivots, equilibrium: exact.equilibrium,
                        arithmeticUsed: (degenerate ? "degenerate→" : "double→") + exact.arithmeticUsed,
                        stopReason: exact.stopReason)
        }
        return try fractionFreePath(game, setup: setup.integral, label: l, deadline: deadline, progress: progress, start: start)
    }

    /// What one floating-point walk of a label ended with.
    enum FloatingPathOutcome {
        /// A certified path, or one stopped by the deadline.
        case done(Path)
        /// The walk met a degenerate step (ratio tie or zero basic value) that the exact tie-break
        /// could not decide (a singular or infeasible basis: the floating path had already gone wrong).
        case degenerate
        /// No certified endpoint (unbounded ray, cycle, or the endpoint failed its exact check).
        case inconclusive
        /// The walk was abandoned for a more precise one (too many undecided steps).
        case imprecise
    }

    /// Walks label `l` in floating point of type `T` and certifies the endpoint exactly: the final
    /// basis is solved in integers and checked for Nash (``BasisCertificate``).
    func floatingPath<T: FloatingPivotScalar>(_ game: BimatrixGame, a: [T], b: [T], shiftA: T? = nil, shiftB: T? = nil,
                                              setup: Prepared, label l: Label, name: String, budgeted: Bool = false,
                                              deadline: ContinuousClock.Instant?,
                                              progress: (@Sendable (ProgressSnapshot) -> Void)?,
                                              start: ContinuousClock.Instant) -> FloatingPathOutcome {
        let k = l.index(rowCount: game.rowCount)
        var tab = LemkeHowsonTableau<T>(m: game.rowCount, n: game.columnCount, a: a, b: b, zero: 0, shiftA: shiftA, shiftB: shiftB)
        var pivots = 0
        switch Self.walk(&tab, label: k, entering: k, pivots: &pivots, zero: 0, deadline: deadline, progress: progress, clockStart: start,
                         tieBreaks: setup, budgeted: budgeted) {
        case .finished:
            guard let eq = BasisCertificate.equilibrium(game, basicQ: tab.basic[0], basicP: tab.basic[1]) else { return .inconclusive }
            return .done(Path(label: l, pivots: pivots, equilibrium: eq, arithmeticUsed: name + "+certificate", stopReason: .completed,
                              exactTieBreaks: tab.exactTieBreaks))
        case .timedOut:
            return .done(Path(label: l, pivots: pivots, equilibrium: nil, arithmeticUsed: name, stopReason: .timeout,
                              exactTieBreaks: tab.exactTieBreaks))
        case .undecided:
            return .degenerate
        case .imprecise:
            return .imprecise
        case .unbounded, .overflow:
            return .inconclusive
        }
    }

    /// The path in fraction-free integer arithmetic (Int; Int128 from the first overflowing pivot;
    /// BigInt from the first pivot that overflows Int128).
    func fractionFreePath(_ game: BimatrixGame, setup: IntegerPayoffs, label l: Label, deadline: ContinuousClock.Instant?,
                          progress: (@Sendable (ProgressSnapshot) -> Void)?, start: ContinuousClock.Instant) throws -> Path {
        let m = game.rowCount, n = game.columnCount
        let k = l.index(rowCount: m)
        var pivots = 0
        if let a = setup.intA, let b = setup.intB {
            var tab = LemkeHowsonTableau<Int>(m: m, n: n, a: a, b: b, zero: 0)
            switch Self.walk(&tab, label: k, entering: k, pivots: &pivots, zero: 0, deadline: deadline, progress: progress, clockStart: start) {
            case .finished:
                return try finish(game, tab, label: l, pivots: pivots, used: "int")
            case .timedOut:
                return Path(label: l, pivots: pivots, equilibrium: nil, arithmeticUsed: "int", stopReason: .timeout)
            case .unbounded, .undecided, .imprecise:
                throw SolverError.noLeavingVariable(l)
            case .overflow(let row, let failedRow, let entering):
                // Finish the interrupted pivot in Int128, then continue the path there.
                var wide = tab.converted({ Int128($0) }, zero: Int128(0))
                return try resumeWide(game, &wide, label: l, row: row, failedRow: failedRow, entering: entering, pivots: pivots,
                                      deadline: deadline, progress: progress, start: start)
            }
        }
        var bigTab = LemkeHowsonTableau<BigInt>(m: m, n: n, a: setup.bigA, b: setup.bigB, zero: BigInt(0))
        return try continueBig(game, &bigTab, label: l, entering: k, pivots: 0, deadline: deadline, progress: progress, start: start)
    }

    /// Finishes a pivot interrupted by an Int overflow in Int128 (from `failedRow`), then walks on in
    /// Int128; a further overflow moves the run to BigInt the same way.
    private func resumeWide(_ game: BimatrixGame, _ tab: inout LemkeHowsonTableau<Int128>, label l: Label, row: Int, failedRow: Int,
                            entering: Int, pivots: Int, deadline: ContinuousClock.Instant?,
                            progress: (@Sendable (ProgressSnapshot) -> Void)?, start: ContinuousClock.Instant) throws -> Path {
        var pivots = pivots
        let left = tab.basic[tab.system(of: entering)][row]
        if let again = tab.pivot(entering: entering, row: row, from: failedRow) {
            var big = tab.converted({ BigInt($0) }, zero: BigInt(0))
            return try resumeBig(game, &big, label: l, row: row, failedRow: again, entering: entering, pivots: pivots,
                                 deadline: deadline, progress: progress, start: start)
        }
        pivots += 1
        let k = l.index(rowCount: game.rowCount), big = tab.m + tab.n
        if (left < big ? left : left - big) == k { return try finish(game, tab, label: l, pivots: pivots, used: "int128") }
        switch Self.walk(&tab, label: k, entering: tab.complement(of: left), pivots: &pivots, zero: Int128(0), deadline: deadline,
                         progress: progress, clockStart: start) {
        case .finished: return try finish(game, tab, label: l, pivots: pivots, used: "int128")
        case .timedOut: return Path(label: l, pivots: pivots, equilibrium: nil, arithmeticUsed: "int128", stopReason: .timeout)
        case .unbounded, .undecided, .imprecise: throw SolverError.noLeavingVariable(l)
        case .overflow(let r, let failed, let e):
            var bigTab = tab.converted({ BigInt($0) }, zero: BigInt(0))
            return try resumeBig(game, &bigTab, label: l, row: r, failedRow: failed, entering: e, pivots: pivots,
                                 deadline: deadline, progress: progress, start: start)
        }
    }

    /// Finishes a pivot interrupted by an overflow in BigInt, then walks on in BigInt.
    private func resumeBig(_ game: BimatrixGame, _ tab: inout LemkeHowsonTableau<BigInt>, label l: Label, row: Int, failedRow: Int,
                           entering: Int, pivots: Int, deadline: ContinuousClock.Instant?,
                           progress: (@Sendable (ProgressSnapshot) -> Void)?, start: ContinuousClock.Instant) throws -> Path {
        let s = tab.system(of: entering)
        let leaving = tab.basic[s][row]
        _ = tab.pivot(entering: entering, row: row, from: failedRow)
        let big = tab.m + tab.n
        if (leaving < big ? leaving : leaving - big) == l.index(rowCount: game.rowCount) {
            return try finish(game, tab, label: l, pivots: pivots + 1, used: "bigint")
        }
        return try continueBig(game, &tab, label: l, entering: tab.complement(of: leaving), pivots: pivots + 1,
                               deadline: deadline, progress: progress, start: start)
    }

    private func continueBig(_ game: BimatrixGame, _ tab: inout LemkeHowsonTableau<BigInt>, label l: Label, entering: Int,
                             pivots: Int, deadline: ContinuousClock.Instant?,
                             progress: (@Sendable (ProgressSnapshot) -> Void)?, start: ContinuousClock.Instant) throws -> Path {
        var pivots = pivots
        switch Self.walk(&tab, label: l.index(rowCount: game.rowCount), entering: entering, pivots: &pivots, zero: BigInt(0),
                         deadline: deadline, progress: progress, clockStart: start) {
        case .finished: return try finish(game, tab, label: l, pivots: pivots, used: "bigint")
        case .timedOut: return Path(label: l, pivots: pivots, equilibrium: nil, arithmeticUsed: "bigint", stopReason: .timeout)
        case .unbounded, .overflow, .undecided, .imprecise: throw SolverError.noLeavingVariable(l)
        }
    }

    private func finish<T: PivotScalar & ExactPivotScalar>(_ game: BimatrixGame, _ tab: LemkeHowsonTableau<T>, label l: Label,
                                                          pivots: Int, used: String) throws -> Path {
        let (x, y) = tab.basicValues(zero: T.zeroValue)
        func normalised(_ v: [T]) -> [Rational] {
            let big = v.map(\.bigValue)
            let total = big.reduce(BigInt(0), +)
            return big.map { $0.isZero ? .zero : Rational($0, total) }
        }
        guard let eq = game.verifiedEquilibrium(row: normalised(x), column: normalised(y)) else {
            throw SolverError.verificationFailed(l)
        }
        return Path(label: l, pivots: pivots, equilibrium: eq, arithmeticUsed: used, stopReason: .completed)
    }
}

/// Exact tableau scalars convert to BigInt for the final rational strategy.
protocol ExactPivotScalar {
    var bigValue: BigInt { get }
    static var zeroValue: Self { get }
}
// `bigValue` for Int and BigInt is declared once, with the pivot integers (PivotInteger.swift).
extension Int: ExactPivotScalar {
    static var zeroValue: Int { 0 }
}
extension BigInt: ExactPivotScalar {
    static var zeroValue: BigInt { BigInt(0) }
}

/// Per-game setup shared by the paths of one call: floating payoffs, and the integer payoffs of
/// the fraction-free path built only when a path needs them.
final class Prepared {
    let game: BimatrixGame
    init(_ game: BimatrixGame) { self.game = game }
    lazy var floating = FloatingPayoffs(game)
    lazy var integral = IntegerPayoffs(game)
    /// Built on the first degenerate floating step only (an O(m·n) scan for the shift and scale).
    lazy var tieBreak = ExactTieBreak(game)
    #if arch(x86_64) || arch(i386)
    lazy var extendedA: [Float80] = Prepared.extended(game.rowPayoffs)
    lazy var extendedB: [Float80] = Prepared.extended(game.columnPayoffs)

    /// Payoffs as Float80, shifted so the smallest is 1 (Int fractions convert exactly-rounded).
    static func extended(_ m: Matrix<Rational>) -> [Float80] {
        var v = m.storage.map { r -> Float80 in
            if let (p, q) = r.smallParts { return Float80(p) / Float80(q) }
            return Float80(r.doubleValue)
        }
        let low = v.min() ?? 1
        if low < 1 { let c = 1 - low; for k in v.indices { v[k] += c } }
        return v
    }
    #endif
}

/// The game's payoffs shifted to be ≥ 1 and scaled to integers (each matrix by the lcm of its
/// denominators), as Int when every entry fits, always as BigInt, as Double (shifted, not scaled) and as Double scaled to [1, 2].
struct IntegerPayoffs: Sendable {
    let intA: [Int]?
    let intB: [Int]?
    let bigA: [BigInt]
    let bigB: [BigInt]
    let doubleA: [Double]
    let doubleB: [Double]
    let unitA: [Double]
    let unitB: [Double]

    init(_ game: BimatrixGame) {
        func integral(_ m: Matrix<Rational>) -> ([BigInt], [Double], [Double]) {
            let low = m.storage.min()!, high = m.storage.max()!
            let shifted = m.storage.map { $0 - low + .one }
            var lcm = BigInt(1)
            for v in shifted {
                let d = v.denominator
                if d != 1 { lcm = lcm / lcm.greatestCommonDivisor(with: d) * d }
            }
            let ints = shifted.map { $0.numerator * (lcm / $0.denominator) }
            // Doubles: v − low + 1 ≥ 1, unscaled, so the smallest entries keep their relative precision.
            let doubles = shifted.map(\.doubleValue)
            // Support enumeration's filters use (v − low) / (high − low) + 1 ∈ [1, 2] so that its
            // absolute tolerances mean the same on every game.
            let range = high - low
            let unit = m.storage.map { range.isZero ? 1 : ((($0 - low) / range).doubleValue + 1) }
            return (ints, doubles, unit)
        }
        (bigA, doubleA, unitA) = integral(game.rowPayoffs)
        (bigB, doubleB, unitB) = integral(game.columnPayoffs)
        func small(_ v: [BigInt]) -> [Int]? {
            var out = [Int]()
            out.reserveCapacity(v.count)
            for x in v { guard let s = Int(exactly: x) else { return nil }; out.append(s) }
            return out
        }
        intA = small(bigA)
        intB = small(bigB)
    }
}
// `bigValue` for Int128 is declared with the wide pivot integers (WidePivotIntegers.swift).
extension Int128: ExactPivotScalar {
    static var zeroValue: Int128 { 0 }
}
