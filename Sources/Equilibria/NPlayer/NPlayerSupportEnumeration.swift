#if canImport(Glibc)
import Glibc
#endif
import ExactArithmetic
import StrategicGames
import Sharding

/// Why an N-player solver refused to run.
public enum NPlayerSolverError: Error, Equatable, CustomStringConvertible {
    /// The support search is larger than the stated limit (and no timeout or result limit bounds it).
    case tooManySupports(count: String, limit: Int)

    public var description: String {
        switch self {
        case .tooManySupports(let count, let limit):
            return "the game has \(count) support profiles, more than the limit of \(limit) for a complete search; "
                + "raise maxSupportProfiles, or bound the run with SolverLimits (maxResults or timeout)"
        }
    }
}

/// Nash equilibria of an N-player game by support enumeration in the order of Porter, Nudelman &
/// Shoham, "Simple search methods for finding a Nash equilibrium", *Games and Economic Behavior*
/// 63 (2008) 642–662, Algorithm 2.
///
/// Steps:
/// 1. Support-size profiles (x₁, ..., x_N), 1 ≤ xᵢ ≤ nᵢ, are visited in increasing order of
///    balance (maxᵢ xᵢ − minᵢ xᵢ), then of total size Σxᵢ (small, balanced supports first).
/// 2. For each, supports are chosen player by player by recursive backtracking; after fixing
///    player i's support Sᵢ, iterated removal of *conditionally* strictly dominated strategies
///    (IRSDS: a strategy a of player j is removed when some a′ ∈ A_j is strictly better against
///    every profile of the others' current domains) shrinks the later players' domains, and the
///    branch is cut when a strategy of a fixed support is dominated or a domain becomes smaller
///    than its size.
/// 3. At a leaf, the support's indifference system (``IndifferenceSystem``: every support strategy
///    earns vᵢ, probabilities sum to 1; polynomial of degree N − 1) is solved by Newton's method
///    from several deterministic starts (the centroid, then points drawn by ``SplitMix64`` from a
///    seed fixed per support). A root is kept when its support probabilities are positive and no
///    strategy outside the support earns more than vᵢ (Feasibility Program 1's inequalities).
/// 4. Each kept root is polished in extended precision and certified (``RegretCertifier``): the
///    printed fractions' exact maximum regret must be at most `Tolerance.reportableRegret` times
///    the payoff range.
///
/// Completeness: when no support system has three or more players mixing, every system is linear
/// (each player's indifference conditions are linear in the single other mixing player's
/// probabilities), Newton solves it exactly in one step, and every equilibrium with a
/// nonsingular system (every equilibrium of a nondegenerate game) is found. With three or more
/// mixing players the systems are genuinely polynomial and Newton from finitely many starts may
/// miss a root; the result's notes say so. Continua of equilibria (singular systems) yield some of
/// their points.
///
/// Deterministic: the order, the starts and the rounding do not depend on time or threads.
///
/// - Complexity: Π(2^{nᵢ} − 1) support profiles in the worst case, each costing O(K·I·|S|·N³)
///   for K starts, I Newton iterations and |S| = Π|Sᵢ| support profiles, plus the dominance
///   checks, O(N·n²·P) per node for P pure profiles.
public struct NPlayerSupportEnumeration: Sendable {
    /// Newton starts per support with three or more mixing players (nil: 8 + 4·d for d free
    /// probabilities, at most 64).
    public var newtonStarts: Int?
    /// Refuse a complete search of more support profiles than this unless a timeout or result
    /// limit bounds the run.
    public var maxSupportProfiles: Int

    public init(newtonStarts: Int? = nil, maxSupportProfiles: Int = 1_000_000) {
        self.newtonStarts = newtonStarts
        self.maxSupportProfiles = maxSupportProfiles
    }

    /// Π(2^{nᵢ} − 1), the number of support profiles, as a Double (it overflows Int quickly).
    public static func supportProfileCount(_ game: NormalFormGame) -> Double {
        game.strategyCounts.reduce(1.0) { $0 * (pow2($1) - 1) }
    }

    private static func pow2(_ n: Int) -> Double { Double(sign: .plus, exponent: n, significand: 1) }

    /// The certified equilibria, in search order.
    /// - Throws: ``NPlayerSolverError/tooManySupports(count:limit:)`` when the search is larger
    ///   than ``maxSupportProfiles`` and neither a timeout nor a result limit is set.
    public func solve(_ game: NormalFormGame, limits: SolverLimits = .none) throws -> NashResult {
        let count = Self.supportProfileCount(game)
        if count > Double(maxSupportProfiles) && limits.timeout == nil && limits.maxResults == nil {
            throw NPlayerSolverError.tooManySupports(count: count < 1e18 ? String(Int(count)) : "\(count)",
                                                     limit: maxSupportProfiles)
        }
        var search = Search(game: game, starts: newtonStarts, budget: RunBudget(limits, unit: "supports"))
        search.run()
        return Self.result(found: search.found.map { ($0.equilibrium, $0.supportText) }, stop: search.stop, counters: search.counters)
    }

    /// The supports of a support text `{0,1}x{0,1}x{1}` (as stored in part files), 0-based.
    static func supports(parsing text: String) -> [[Int]] {
        text.split(separator: "x").map { player in
            player.filter { $0 != "{" && $0 != "}" }.split(separator: ",").compactMap { Int($0) }
        }
    }

    /// The result of a search (or of the merge of its shards) from what it found and counted.
    static func result(found: [(CertifiedEquilibrium, String)], stop: StopReason, counters c: [String: Int]) -> NashResult {
        var result = NashResult(equilibria: found.map(\.0.equilibrium), stopReason: stop,
                                counters: ["supportsExamined": c["supportsExamined"] ?? 0, "branchesPruned": c["branchesPruned"] ?? 0,
                                           "newtonStarts": c["newtonStarts"] ?? 0, "newtonSteps": c["newtonSteps"] ?? 0,
                                           "rootsRejected": c["rootsRejected"] ?? 0],
                                maxRegrets: found.map(\.0.maxRegret))
        result.details = found.map { .supports(Self.supports(parsing: $0.1)) }
        let polynomial = c["polynomialSupports"] ?? 0, singular = c["singularSupports"] ?? 0
        if stop == .completed {
            if polynomial == 0 && singular == 0 {
                result.notes.append("complete: every support system was linear and nonsingular, so every equilibrium was found")
            } else if polynomial > 0 {
                result.notes.append("\(Self.systems(polynomial)) had three or more players mixing; Newton's method from several starts may miss an isolated equilibrium there (no completeness guarantee)")
            }
            if singular > 0 {
                result.notes.append("\(Self.systems(singular)) had roots with a singular Jacobian (a degenerate game): equilibria may form continua, of which only some points are reported")
            }
        }
        return result
    }

    /// "1 support system", "3 support systems".
    static func systems(_ n: Int) -> String { n == 1 ? "1 support system" : "\(n) support systems" }

    /// One run's state.
    struct Search {
        let game: NormalFormGame
        let payoffs: ScaledPayoffs
        let certifier: RegretCertifier
        let starts: Int?
        var budget: RunBudget
        var newton = IndifferenceNewton()
        var found: [(equilibrium: CertifiedEquilibrium, floating: [[Double]], supportText: String)] = []
        var stop = StopReason.completed
        var leaves = 0, pruned = 0, startsTried = 0, rejected = 0
        var polynomialSupports = 0, singularSupports = 0
        var sizes: [Int] = []
        /// The shard whose leaves (support profiles, numbered in search order) this search solves
        /// (see ``NPlayerSupportEnumeration/solveShard(_:shard:limits:)``); nil for all. A
        /// sharded search keeps every certified root with its leaf number (``foundLeaf``) and
        /// leaves removing duplicates across leaves to the merge.
        var shard: Shard?
        var leafNumber = 0
        var foundLeaf: [Int] = []

        var counters: [String: Int] {
            ["supportsExamined": leaves, "branchesPruned": pruned, "newtonStarts": startsTried, "newtonSteps": newton.steps,
             "rootsRejected": rejected, "polynomialSupports": polynomialSupports, "singularSupports": singularSupports]
        }

        init(game: NormalFormGame, starts: Int?, budget: RunBudget) {
            self.game = game
            self.payoffs = ScaledPayoffs(game)
            self.certifier = RegretCertifier(game: game)
            self.starts = starts
            self.budget = budget
        }

        var stopped: Bool { stop != .completed }

        mutating func run() {
            let counts = game.strategyCounts
            let n = counts.count
            var sizeProfiles: [[Int]] = [[]]
            for c in counts { sizeProfiles = sizeProfiles.flatMap { p in (1...c).map { p + [$0] } } }
            sizeProfiles.sort { a, b in
                let ba = a.max()! - a.min()!, bb = b.max()! - b.min()!
                if ba != bb { return ba < bb }
                let sa = a.reduce(0, +), sb = b.reduce(0, +)
                if sa != sb { return sa < sb }
                return a.lexicographicallyPrecedes(b)
            }
            let full = counts.map { Array(0..<$0) }
            for x in sizeProfiles {
                sizes = x
                guard let domains = irsds(full, fixedThrough: -1) else { continue }
                var chosen = [[Int]](repeating: [], count: n)
                backtrack(0, &chosen, domains)
                if stopped { return }
            }
        }

        mutating func backtrack(_ i: Int, _ chosen: inout [[Int]], _ domains: [[Int]]) {
            if stopped { return }
            if i == domains.count {
                solveLeaf(chosen)
                return
            }
            forEachSubset(of: domains[i], size: sizes[i]) { subset in
                if stopped { return }
                chosen[i] = subset
                var d = domains
                d[i] = subset
                if let pruned = irsds(d, fixedThrough: i) {
                    backtrack(i + 1, &chosen, pruned)
                } else {
                    self.pruned += 1
                }
            }
        }

        /// Iterated removal of conditionally strictly dominated strategies (PNS 2008, procedure
        /// IRSDS). Players 0...fixedThrough have fixed supports: if one of their strategies is
        /// dominated the branch fails (nil). The others' domains shrink; a domain smaller than
        /// its support size also fails. Comparisons use the scaled payoffs, whose rounding is
        /// monotone, so a strategy is only removed when it is dominated exactly.
        func irsds(_ start: [[Int]], fixedThrough: Int) -> [[Int]]? {
            var d = start
            let n = d.count
            var changed = true
            while changed {
                changed = false
                for j in 0..<n {
                    let bases = otherProfileBases(d, excluding: j)
                    let stride = payoffs.strides[j], u = payoffs.values[j]
                    var keep = [Int]()
                    for a in d[j] {
                        let dominated = (0..<payoffs.counts[j]).contains { b in
                            b != a && bases.allSatisfy { u[$0 + b * stride] > u[$0 + a * stride] }
                        }
                        if dominated {
                            if j <= fixedThrough { return nil }
                            changed = true
                        } else {
                            keep.append(a)
                        }
                    }
                    if keep.count < sizes[j] { return nil }
                    d[j] = keep
                }
            }
            return d
        }

        /// Profile indices with player `j` at strategy 0, over the others' domains.
        func otherProfileBases(_ d: [[Int]], excluding j: Int) -> [Int] {
            var bases = [0]
            for i in 0..<d.count where i != j {
                let s = payoffs.strides[i]
                bases = bases.flatMap { b in d[i].map { b + $0 * s } }
            }
            return bases
        }

        mutating func solveLeaf(_ supports: [[Int]]) {
            defer { leafNumber += 1 }
            if let shard, !shard.owns(leafNumber) { return }
            leaves += 1
            budget.report(done: leaves, total: nil, results: found.count)
            if let reason = budget.stopReason { stop = reason; return }
            let system = IndifferenceSystem(payoffs: payoffs, supports: supports)
            let mixing = supports.filter { $0.count > 1 }.count
            let freeProbabilities = supports.reduce(0) { $0 + $1.count - 1 }
            let startCount: Int
            if mixing <= 2 {
                startCount = 1
            } else {
                polynomialSupports += 1
                startCount = starts ?? min(64, 8 + 4 * freeProbabilities)
            }
            var rng = SplitMix64(seed: Self.seed(supports))
            var roots: [[Double]] = []
            var sawSingular = false
            for k in 0..<startCount {
                if k > 0, let reason = budget.stopReason { stop = reason; return }
                startsTried += 1
                let x: [[Double]] = supports.map { s in
                    if k == 0 { return [Double](repeating: 1 / Double(s.count), count: s.count) }
                    let e = s.map { _ in -log(1 - rng.unitDouble()) }
                    let t = e.reduce(0, +)
                    return e.map { $0 / t }
                }
                guard let z = newton.solve(system, from: system.start(x)) else { continue }
                // A root where the Jacobian is singular lies on a continuum of solutions (or is
                // a multiple root): a degenerate game.
                if mixing > 0 && lapackSolve(system.residualAndJacobian(z).1, [Double](repeating: 0, count: system.dimension)) == nil {
                    sawSingular = true
                }
                if roots.contains(where: { r in zip(r, z).allSatisfy { abs($0 - $1) <= Tolerance.sameRoot } }) { continue }
                roots.append(z)
                accept(system, z)
                if stopped { return }
            }
            if sawSingular { singularSupports += 1 }
        }

        /// Keeps a root that is a (floating-point) equilibrium, after polishing and certifying.
        mutating func accept(_ system: IndifferenceSystem, _ z: [Double]) {
            guard system.isEquilibrium(z) else {
                rejected += 1
                return
            }
            let floating = system.profile(z)
            if shard == nil && NPlayerSupportEnumeration.isDuplicate(floating, of: found.map(\.floating)) { return }
            let polished = newton.polish(system, z)
            guard let certified = certifier.certify(polished) else {
                rejected += 1
                return
            }
            if shard == nil && found.contains(where: { $0.equilibrium.equilibrium.strategies == certified.equilibrium.strategies }) { return }
            let text = system.supports.map { "{" + $0.map(String.init).joined(separator: ",") + "}" }.joined(separator: "x")
            found.append((certified, floating, text))
            foundLeaf.append(leafNumber)
            if budget.full(found.count) { stop = .maxResults }
        }

        /// A seed fixed by the support (FNV-1a over its strategy indices).
        static func seed(_ supports: [[Int]]) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for s in supports {
                for a in s + [-1] {
                    h ^= UInt64(bitPattern: Int64(a))
                    h &*= 0x100_0000_01b3
                }
            }
            return h
        }
    }
}

/// Calls `body` with every `size`-element subset of `items`, in lexicographic order of positions.
func forEachSubset(of items: [Int], size: Int, _ body: ([Int]) -> Void) {
    guard size <= items.count, size > 0 else { return }
    var idx = Array(0..<size)
    while true {
        body(idx.map { items[$0] })
        var k = size - 1
        while k >= 0 && idx[k] == items.count - size + k { k -= 1 }
        if k < 0 { return }
        idx[k] += 1
        for l in (k + 1)..<size { idx[l] = idx[l - 1] + 1 }
    }
}
