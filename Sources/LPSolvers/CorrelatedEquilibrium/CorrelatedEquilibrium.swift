import BigInt
import ExactArithmetic
import LinearProgramming
import StrategicGames

/// What a correlated equilibrium is chosen to maximise.
public enum CorrelatedObjective: Sendable, Hashable, CustomStringConvertible {
    /// The sum of all players' expected payoffs (utilitarian welfare).
    case welfare
    /// One player's expected payoff (0-based player index).
    case player(Int)

    public var description: String {
        switch self {
        case .welfare: return "welfare"
        case .player(let i): return "player \(i + 1)"
        }
    }
}

/// A correlated equilibrium: a probability distribution over pure-strategy profiles.
public struct CorrelatedEquilibrium: Sendable, Hashable {
    /// Probability of each pure profile, indexed like ``NormalFormGame/payoffs`` (player 1 fastest).
    public let distribution: [Rational]
    /// Each player's expected payoff.
    public let payoffs: [Rational]
    /// What was maximised and its optimal value.
    public let objective: CorrelatedObjective
    public let objectiveValue: Rational
    /// LP status (always optimal: the set of correlated equilibria is a non-empty polytope).
    public let status: LPStatus
    /// Simplex iterations GLPK reported.
    public let iterations: Int
    /// Rounds of iterative refinement before the basis certified (0: GLPK's first basis did).
    public var refinementRounds = 0

    /// The profiles of positive probability, with their probabilities, in profile order.
    public func support(in game: NormalFormGame) -> [(profile: [Int], probability: Rational)] {
        distribution.indices.filter { !distribution[$0].isZero }.map { (game.profile(at: $0), distribution[$0]) }
    }
}

/// Why no correlated equilibrium was returned.
public enum CorrelatedEquilibriumError: Error, Equatable, CustomStringConvertible {
    case noSuchPlayer(Int, players: Int)
    case verificationFailed(String)

    public var description: String {
        switch self {
        case .noSuchPlayer(let p, let n): return "player \(p + 1) does not exist (the game has \(n) players)"
        case .verificationFailed(let why): return "correlated equilibrium failed verification: \(why)"
        }
    }
}

extension NormalFormGame {
    /// A correlated equilibrium maximising `objective`, exactly (Aumann 1974, "Subjectivity and
    /// correlation in randomized strategies"; the LP of Papadimitriou & Roughgarden 2008,
    /// "Computing correlated equilibria in multi-player games", J. ACM 55(3)).
    ///
    /// Steps: (1) one variable p(s) ≥ 0 per pure profile s, Σ p = 1; (2) for each player i and each
    /// ordered pair of its strategies (a, b), a ≠ b, the incentive constraint
    /// Σ_{s: sᵢ = a} p(s)·(uᵢ(b, s₋ᵢ) − uᵢ(a, s₋ᵢ)) ≤ 0 — told to play a, player i gains nothing
    /// by playing b; (3) maximise Σ p(s)·(objective payoff at s); (4) solve exactly (certified
    /// basis), then check every incentive constraint and the distribution again in rationals.
    ///
    /// - Parameters:
    ///   - objective: total payoff, or one player's payoff.
    ///   - start: how the exact LP starts.
    ///   - timeLimit: give up (``LPError/timeLimitReached``) after this long; nil: no limit.
    /// - Returns: an optimal correlated equilibrium (one vertex of the optimal face when several
    ///   distributions tie).
    /// - Throws: ``CorrelatedEquilibriumError`` for a bad player index; ``LPError`` when the LP
    ///   layer fails or cannot certify.
    /// - Complexity: one LP with P variables (P = number of pure profiles) and Σᵢ nᵢ(nᵢ − 1) + 1
    ///   rows with P·Σᵢ(nᵢ − 1) non-zeros; simplex plus an exact basis solve.
    public func correlatedEquilibrium(maximizing objective: CorrelatedObjective = .welfare,
                                      start: GLPKSolver.ExactStart = .floatingBasis,
                                      timeLimit: Duration? = nil) throws -> CorrelatedEquilibrium {
        if case .player(let p) = objective, !(0..<playerCount).contains(p) {
            throw CorrelatedEquilibriumError.noSuchPlayer(p, players: playerCount)
        }
        let P = profileCount
        let weights: [Rational]
        switch objective {
        case .welfare: weights = (0..<P).map { k in payoffs.reduce(Rational.zero) { $0 + $1[k] } }
        case .player(let p): weights = payoffs[p]
        }
        var lp = LinearProgram(direction: .maximize, objective: weights)
        for row in incentiveRows() { lp.add(row.3, .atMost(.zero)) }
        lp.add((0..<P).map { ($0, Rational.one) }, .equal(.one))
        // Dual simplex first (about 10x fewer iterations than the primal on these LPs); if its
        // basis fails the exact certificate, iterative refinement from that basis (on 40x40
        // games GLPK's basis is infeasible by about 1e-6 and two rounds of a few dual pivots
        // repair it), then the primal simplex from scratch.
        var solver = GLPKSolver(simplex: .dual)
        solver.retryWithPrimal = true
        solver.timeLimit = timeLimit
        let solution = try solver.solveExactly(lp, start: start)
        guard solution.status == .optimal, let exact = solution.exact else {
            throw CorrelatedEquilibriumError.verificationFailed("the LP was reported \(solution.status)")
        }
        // The check and the expected payoffs over common denominators (the distribution of a
        // large basis has one long denominator: a gcd per term was most of the time at 20x20).
        let common = exact.commonValues
        guard isCorrelatedEquilibrium(common) else {
            throw CorrelatedEquilibriumError.verificationFailed("an incentive constraint is violated")
        }
        let p = exact.values
        let expected = payoffs.map { u -> Rational in
            let cu = CommonDenominatorVector(u)
            var sum = BigInt(0)
            for k in 0..<P where !common.numerators[k].isZero && !cu.numerators[k].isZero { sum += common.numerators[k] * cu.numerators[k] }
            return Rational(sum, common.denominator * cu.denominator)
        }
        var result = CorrelatedEquilibrium(distribution: p, payoffs: expected, objective: objective,
                                           objectiveValue: exact.objectiveValue, status: .optimal,
                                           iterations: solution.iterations)
        result.refinementRounds = solution.refinementRounds
        return result
    }

    /// True when `distribution` (one probability per pure profile) is a probability vector and
    /// satisfies every incentive constraint of a correlated equilibrium, exactly.
    /// - Complexity: O(P·Σᵢ(nᵢ − 1)).
    public func isCorrelatedEquilibrium(_ distribution: [Rational]) -> Bool {
        distribution.count == profileCount && isCorrelatedEquilibrium(CommonDenominatorVector(distribution))
    }

    /// The same check for a distribution over one common
    /// denominator: every incentive constraint is one integer sum (payoffs over their own common
    /// denominator), compared with 0; no fraction is formed.
    /// - Complexity: O(P·Σᵢ(nᵢ − 1)) big-integer multiply-adds.
    public func isCorrelatedEquilibrium(_ p: CommonDenominatorVector) -> Bool {
        guard p.count == profileCount, p.isProbabilityVector else { return false }
        let counts = strategyCounts
        var stride = 1
        for i in 0..<playerCount {
            let n = counts[i], u = CommonDenominatorVector(payoffs[i]).numerators
            for a in 0..<n {
                for b in 0..<n where b != a {
                    // Profiles with sᵢ = a: blocks of `stride` consecutive indices every stride·n.
                    var gain = BigInt(0)
                    for block in Swift.stride(from: 0, to: profileCount, by: stride * n) {
                        for offset in 0..<stride {
                            let k = block + a * stride + offset
                            if p.numerators[k].isZero { continue }
                            let c = u[block + b * stride + offset] - u[k]
                            if !c.isZero { gain += c * p.numerators[k] }
                        }
                    }
                    if signOf(gain) > 0 { return false }
                }
            }
            stride *= n
        }
        return true
    }

    /// The incentive rows (player, recommended a, deviation b, sparse terms over profiles).
    func incentiveRows() -> [(Int, Int, Int, [(index: Int, coefficient: Rational)])] {
        var rows: [(Int, Int, Int, [(index: Int, coefficient: Rational)])] = []
        let counts = strategyCounts
        var stride = 1
        for i in 0..<playerCount {
            let n = counts[i], u = payoffs[i]
            for a in 0..<n {
                for b in 0..<n where b != a {
                    var terms: [(index: Int, coefficient: Rational)] = []
                    // Profiles with sᵢ = a: blocks of `stride` consecutive indices every stride·n.
                    for block in Swift.stride(from: 0, to: profileCount, by: stride * n) {
                        for offset in 0..<stride {
                            let k = block + a * stride + offset
                            let c = u[block + b * stride + offset] - u[k]
                            if !c.isZero { terms.append((k, c)) }
                        }
                    }
                    rows.append((i, a, b, terms))
                }
            }
            stride *= n
        }
        return rows
    }
}
