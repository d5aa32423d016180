import ExactArithmetic
import LinearProgramming
import StrategicGames

/// Iterated elimination of pure strategies strictly dominated by a mixed strategy, exactly.
///
/// Strategy s of player i is strictly dominated by the mixed strategy σ (over i's other remaining
/// strategies) when Σₜ σₜ·uᵢ(t, s₋ᵢ) > uᵢ(s, s₋ᵢ) for every profile s₋ᵢ of the others' remaining
/// strategies. Such a σ exists iff the LP
///
///     max ε  s.t.  Σₜ σₜ·uᵢ(t, s₋ᵢ) − ε ≥ uᵢ(s, s₋ᵢ)  for every s₋ᵢ,   Σₜ σₜ = 1,  σ ≥ 0,  ε free
///
/// has a positive optimum (the standard test, e.g. Myerson, *Game Theory*, 1991, §1.8 and
/// Gilboa, Kalai & Zemel 1993 on the complexity of iterated dominance). In two-player games these
/// are exactly the strategies that are never a best response (Pearce 1984); the order of
/// elimination does not change what survives.
///
/// Steps: repeat until nothing changes — for each player and each of its remaining strategies
/// (when it has at least two): skip it if it is a best response to some pure profile of the
/// others (then no mix beats it there); otherwise solve the LP in floating point and, if the
/// strategy is a best response to the LP's dual distribution over the others' profiles (checked
/// exactly), keep it; otherwise solve the LP exactly (certified basis); if ε > 0, check the
/// dominance exactly with the LP's σ and remove the strategy.
///
/// - Complexity: at most Σᵢ nᵢ eliminations; each round solves up to Σᵢ nᵢ LPs, each with up to
///   nᵢ variables and P/nᵢ rows (P = remaining pure profiles). Degenerate input (strategies with
///   identical payoffs) is not eliminated: weak dominance is not strict.
public struct MixedStrategyDominance: Sendable {
    /// One eliminated strategy and the mixed strategy that dominates it.
    public struct Elimination: Sendable, Hashable {
        public let player: Int
        /// The eliminated strategy (original index).
        public let strategy: Int
        /// The dominating mix over the player's original strategies (zero outside those remaining).
        public let dominatedBy: MixedStrategy
        /// The smallest payoff advantage of the mix over the strategy, across remaining profiles.
        public let margin: Rational
    }

    /// What survives and what was removed.
    public struct Result: Sendable {
        /// For each player, the original indices of the surviving strategies.
        public let surviving: [[Int]]
        /// The eliminations in the order they were made.
        public let eliminated: [Elimination]
        /// The game restricted to the surviving strategies.
        public let reducedGame: NormalFormGame
        /// LPs solved.
        public let linearPrograms: Int
        /// Strategy checks answered without an LP: the strategy is a best response to a pure
        /// profile of the others, so no mix can strictly dominate it.
        public let bestResponsesSkipped: Int
    }

    /// Screens each strategy before its exact LP: skip best responses to pure profiles, and
    /// strategies that are best responses to the floating LP's dual distribution (both checked
    /// exactly). Off: every remaining strategy gets the exact, certified LP (for cross-checks).
    public var screens: Bool

    public init(screens: Bool = true) { self.screens = screens }

    /// Runs the elimination to a fixed point.
    /// - Throws: ``LPError`` if the LP layer fails or cannot certify.
    public func eliminate(_ game: NormalFormGame) throws -> Result {
        var kept = game.strategyCounts.map { Array(0..<$0) }
        var eliminated = [Elimination]()
        var solved = 0, skipped = 0
        var changed = true
        var sub = game   // the game restricted to `kept`, rebuilt only after an elimination
        while changed {
            changed = false
            for player in 0..<game.playerCount {
                // A best response to some pure profile of the others cannot be strictly dominated;
                // removing the player's own strategies keeps a best response one.
                var isBestResponse = screens ? Self.bestResponseFlags(player: player, in: sub)
                    : [Bool](repeating: false, count: kept[player].count)
                var s = 0
                while s < kept[player].count && kept[player].count > 1 {
                    if isBestResponse[s] { s += 1; skipped += 1; continue }
                    solved += 1
                    if let (mix, margin) = try dominatingMix(player: player, strategy: s, in: sub) {
                        var full = [Rational](repeating: .zero, count: game.strategyCounts[player])
                        for (t, p) in mix.enumerated() { full[kept[player][t]] = p }
                        eliminated.append(Elimination(player: player, strategy: kept[player][s],
                                                      dominatedBy: MixedStrategy(unchecked: full), margin: margin))
                        kept[player].remove(at: s)
                        isBestResponse.remove(at: s)
                        sub = game.restricted(to: kept)
                        changed = true
                    } else {
                        s += 1
                    }
                }
            }
        }
        return Result(surviving: kept, eliminated: eliminated, reducedGame: game.restricted(to: kept), linearPrograms: solved,
                      bestResponsesSkipped: skipped)
    }

    /// For each strategy of `player`, whether it is a best response to at least one pure profile
    /// of the other players' strategies (exact comparisons).
    /// - Complexity: O(P), P the number of pure profiles of `game`.
    static func bestResponseFlags(player: Int, in game: NormalFormGame) -> [Bool] {
        let n = game.strategyCounts[player]
        var stride = 1
        for i in 0..<player { stride *= game.strategyCounts[i] }
        let u = game.payoffs[player]
        var flags = [Bool](repeating: false, count: n)
        for block in Swift.stride(from: 0, to: game.profileCount, by: stride * n) {
            for base in block..<(block + stride) {
                var best = u[base]
                for t in 1..<max(n, 1) where u[base + t * stride] > best { best = u[base + t * stride] }
                for t in 0..<n where u[base + t * stride] == best { flags[t] = true }
            }
        }
        return flags
    }

    /// Whether `strategy` is a best response to the distribution over opponent profiles given by
    /// the non-negative `weights` (rounded to multiples of 2⁻³⁰, then normalised exactly). Exact
    /// comparisons; false when the rounded weights are all zero.
    /// - Complexity: O(n·k), k the number of profiles with a positive weight.
    static func isBestResponse(_ strategy: Int, to weights: [Double], profiles: [Int], strategies n: Int,
                               stride: Int, payoffs u: [Rational]) -> Bool {
        let scale = Double(1 << 30)
        var support: [(base: Int, weight: Rational)] = []
        for (k, w) in weights.enumerated() where w.isFinite {
            let q = Int((w * scale).rounded())
            if q > 0 { support.append((profiles[k], Rational(q))) }   // common factor 2⁻³⁰ dropped
        }
        guard !support.isEmpty else { return false }
        func value(_ t: Int) -> Rational {
            var v = Rational.zero
            for (base, w) in support { v += w * u[base + t * stride] }
            return v
        }
        let own = value(strategy)
        for t in 0..<n where t != strategy && value(t) > own { return false }
        return true
    }

    /// A mixed strategy of `player` (over its strategies in `game`, zero on `strategy`) that
    /// strictly dominates `strategy`, with its margin; nil when none exists. Checked exactly.
    public func dominatingMix(player: Int, strategy: Int, in game: NormalFormGame) throws -> ([Rational], Rational)? {
        let n = game.strategyCounts[player]
        guard n > 1 else { return nil }
        var stride = 1
        for i in 0..<player { stride *= game.strategyCounts[i] }
        let u = game.payoffs[player]
        let others = (0..<n).filter { $0 != strategy }
        // Variables: σ over `others`, then ε.
        var lp = LinearProgram(direction: .maximize,
                               objective: Array(repeating: .zero, count: others.count) + [.one],
                               variableBounds: Array(repeating: .atLeast(.zero), count: others.count) + [.free])
        var opponentProfiles: [Int] = []   // index of the profile with player's strategy 0
        for block in Swift.stride(from: 0, to: game.profileCount, by: stride * n) {
            for offset in 0..<stride { opponentProfiles.append(block + offset) }
        }
        for base in opponentProfiles {
            var terms: [(index: Int, coefficient: Rational)] = []
            for (q, t) in others.enumerated() where !u[base + t * stride].isZero { terms.append((q, u[base + t * stride])) }
            terms.append((others.count, -1))
            lp.add(terms, .atLeast(u[base + strategy * stride]))
        }
        lp.add(others.indices.map { ($0, Rational.one) }, .equal(.one))
        // Floating solve first: its duals are a distribution y over the others' profiles. If
        // `strategy` is a best response to y (checked exactly on a rounded y), no mix dominates it
        // and the exact LP is not needed; otherwise the exact, certified LP decides.
        if screens {
            let floating = try GLPKSolver().solve(lp)
            if floating.status == .optimal, floating.duals.count >= opponentProfiles.count,
               Self.isBestResponse(strategy, to: floating.duals.prefix(opponentProfiles.count).map { abs($0) },
                                   profiles: opponentProfiles, strategies: n, stride: stride, payoffs: u) {
                return nil
            }
        }
        let solution = try GLPKSolver().solveExactly(lp)
        guard solution.status == .optimal, let exact = solution.exact, exact.objectiveValue > .zero else { return nil }
        var mix = [Rational](repeating: .zero, count: n)
        let values = exact.values
        for (q, t) in others.enumerated() { mix[t] = values[q] }
        // Exact check of strict dominance, independent of the LP.
        guard MixedStrategy(unchecked: mix).isProbabilityVector else { return nil }
        var margin: Rational? = nil
        for base in opponentProfiles {
            var value = Rational.zero
            for t in others where !mix[t].isZero { value += mix[t] * u[base + t * stride] }
            let gap = value - u[base + strategy * stride]
            guard gap > .zero else { return nil }
            margin = margin.map { Swift.min($0, gap) } ?? gap
        }
        return (mix, margin ?? exact.objectiveValue)
    }
}
