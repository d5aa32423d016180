import BigInt
import ExactArithmetic
import LinearProgramming
import StrategicGames

/// The value and optimal (maximin / minimax) strategies of a two-player constant-sum game.
public struct MinimaxSolution: Sendable, Hashable {
    /// The row player's guaranteed payoff (the column player's is `constantSum − value`).
    public let value: Rational
    /// An optimal strategy for each player: row player first, then column player.
    public let strategies: [MixedStrategy]
    /// The constant A + B (0 for a zero-sum game).
    public let constantSum: Rational
    /// LP status (always optimal for a game: the LP is feasible and bounded).
    public let status: LPStatus
    /// Simplex iterations GLPK reported.
    public let iterations: Int
    /// Rounds of iterative refinement before the basis certified (0: GLPK's first basis did).
    public var refinementRounds = 0
}

/// A floating-point minimax solution, for speed studies: GLPK's doubles, not certified, but
/// checked: ``gap`` is computed exactly from the printed doubles.
public struct FloatingMinimaxSolution: Sendable {
    public let value: Double
    public let strategies: [[Double]]
    public let status: LPStatus
    public let iterations: Int
    /// The exact duality gap of the doubles as they are (each normalised to sum to 1):
    /// max over rows of (A·y)ᵢ − min over columns of (xᵀ·A)ⱼ ≥ 0, zero exactly when both are
    /// optimal. The row player can lose at most this much against a best response, compared
    /// with the value, and likewise the column player. Nil when the LP was not solved to optimality.
    public let gap: Rational?
}

/// Why a minimax solution could not be computed.
public enum MinimaxError: Error, Equatable, CustomStringConvertible {
    /// The game is not constant-sum, so it has no single value.
    case notConstantSum
    /// The game does not have two players.
    case notTwoPlayer(players: Int)
    /// The LP's answer failed the exact check against the definition (a bug if it happens).
    case verificationFailed(String)

    public var description: String {
        switch self {
        case .notConstantSum:
            return "the game is not constant-sum (the players' payoffs do not add up to the same number at every profile), so it has no minimax value; its Nash equilibria are found by NormalFormGame.equilibria(using:)"
        case .notTwoPlayer(let p):
            return "minimax needs a two-player game; this one has \(p) players (its Nash equilibria are found by NormalFormGame.equilibria(using:), an optimal correlated equilibrium by correlatedEquilibrium(maximizing:))"
        case .verificationFailed(let why): return "minimax solution failed verification: \(why)"
        }
    }
}

extension BimatrixGame {
    /// The value of the game and an optimal strategy for each player, exactly (von Neumann's
    /// minimax theorem, 1928; the LP formulation of Dantzig, 1951, in the form of e.g. Luce &
    /// Raiffa, *Games and Decisions*, 1957, App. 5).
    ///
    /// Steps: (1) check the game is constant-sum, A + B = c; (2) shift A by s so every entry is at
    /// least 1 (A′ = A + s, so the shifted value is positive); (3) solve the column player's LP
    /// `max Σⱼ wⱼ s.t. Σⱼ A′[i][j]·wⱼ ≤ 1 for every row i, w ≥ 0` exactly (GLPK proposes a basis,
    /// which is recomputed and certified in rationals; the right-hand side is scaled by R = max A′ for
    /// floating accuracy). Its optimum W = Σⱼ wⱼ gives the value R/W − s and
    /// the column strategy y = w/W; the row duals u (≥ 0, with R·Σu = W by strong duality) give
    /// the row strategy x = u/Σu. The LP is feasible at w = 0 and bounded, and far less degenerate than
    /// `max v s.t. Aᵀx ≥ v`, on which GLPK's primal simplex stalls for minutes at 200 x 200;
    /// (4) verify both strategies against the definition, exactly: x guarantees at least v against
    /// every column and y concedes at most v against every row.
    ///
    /// - Parameters:
    ///   - start: how the exact LP starts (floating basis then certify, or `glp_exact`).
    ///   - simplex: the floating simplex variant GLPK runs.
    ///   - timeLimit: give up (``LPError/timeLimitReached``) after this long; nil: no limit.
    /// - Returns: the value for the row player and both strategies; for a constant-sum game with
    ///   constant c the column player's value is c − v.
    /// - Throws: ``MinimaxError/notConstantSum`` when A + B is not constant (pointing to
    ///   `NormalFormGame.equilibria(using:limits:)` of Equilibria); ``LPError`` when the LP layer fails or cannot certify.
    /// - Complexity: one LP with n variables and m rows (simplex; polynomial on average), plus
    ///   O(k³) exact operations for the k x k basis core (k = size of the column strategy's
    ///   support) and O(m·n) for the checks. Degenerate games (several optimal strategies)
    ///   return one of them, the one at the basis found.
    public func minimax(start: GLPKSolver.ExactStart = .floatingBasis, simplex: GLPKSolver.Simplex = .primal,
                        timeLimit: Duration? = nil) throws -> MinimaxSolution {
        guard let c = constantSum else { throw MinimaxError.notConstantSum }
        let (program, shift, scale) = minimaxProgram()
        var solver = GLPKSolver(simplex: simplex)
        solver.timeLimit = timeLimit
        let solution = try solver.solveExactly(program, start: start)
        guard solution.status == .optimal, let exact = solution.exact, exact.objectiveValue > .zero else {
            throw MinimaxError.verificationFailed("the minimax LP was reported \(solution.status)")
        }
        let total = exact.objectiveValue
        // Strong duality: Σz = R·Σu, so the row strategy u/Σu is u·R/Σz; the column strategy is
        // w/Σw. Both stay over common denominators (no gcd) until they are checked and reduced.
        let (w, u) = (exact.commonValues, exact.commonDuals)
        let y = CommonDenominatorVector(numerators: w.numerators.map { $0 * total.denominator },
                                        denominator: w.denominator * total.numerator)
        let xFactor = scale.numerator * total.denominator
        let x = CommonDenominatorVector(numerators: u.numerators.map { $0 * xFactor },
                                        denominator: u.denominator * scale.denominator * total.numerator)
        let v = scale / total - shift
        try verifyMinimax(x: x, y: y, value: v)
        var result = MinimaxSolution(value: v, strategies: [MixedStrategy(unchecked: x.rationals), MixedStrategy(unchecked: y.rationals)],
                                     constantSum: c, status: .optimal, iterations: solution.iterations)
        result.refinementRounds = solution.refinementRounds
        return result
    }

    /// The same LP in floating point only, not certified: for speed studies against other
    /// floating solvers. Its answer is still checked: ``FloatingMinimaxSolution/gap`` is the
    /// exact duality gap of the returned doubles.
    /// - Complexity: the floating simplex, plus O(m·n) exact multiply-adds for the gap.
    public func floatingMinimax(simplex: GLPKSolver.Simplex = .primal, timeLimit: Duration? = nil) throws -> FloatingMinimaxSolution {
        guard constantSum != nil else { throw MinimaxError.notConstantSum }
        let (program, shift, scale) = minimaxProgram()
        var solver = GLPKSolver(simplex: simplex)
        solver.timeLimit = timeLimit
        let s = try solver.solve(program)
        let total = s.objectiveValue
        let x = s.duals.map { max(0, $0) * scale.doubleValue / total }, y = s.values.map { max(0, $0) / total }
        return FloatingMinimaxSolution(value: scale.doubleValue / total - shift.doubleValue, strategies: [x, y],
                                       status: s.status, iterations: s.iterations,
                                       gap: s.status == .optimal ? dualityGap(x: x, y: y) : nil)
    }

    /// max over rows of (A·ỹ)ᵢ − min over columns of (x̃ᵀ·A)ⱼ, exactly, for x̃ = x/Σx and ỹ = y/Σy
    /// (the doubles read as the dyadic rationals they are); nil when a strategy is all zeros or
    /// not finite. Every row sum shares one denominator, so the extremes are integer comparisons.
    /// - Complexity: O(m·n) big-integer multiply-adds.
    public func dualityGap(x: [Double], y: [Double]) -> Rational? {
        guard x.count == rowCount, y.count == columnCount, rowCount > 0, columnCount > 0 else { return nil }
        var xs = [Rational](), ys = [Rational]()
        for v in x { guard v >= 0, let q = Rational(exactly: v) else { return nil }; xs.append(q) }
        for v in y { guard v >= 0, let q = Rational(exactly: v) else { return nil }; ys.append(q) }
        let cx = CommonDenominatorVector(xs), cy = CommonDenominatorVector(ys)
        let sx = cx.numerators.reduce(BigInt(0), +), sy = cy.numerators.reduce(BigInt(0), +)
        guard !sx.isZero, !sy.isZero else { return nil }
        let a = CommonDenominatorVector(rowPayoffs.storage)
        let m = rowCount, n = columnCount
        var best: BigInt? = nil, worst: BigInt? = nil
        for i in 0..<m {
            var sum = BigInt(0)
            for j in 0..<n where !cy.numerators[j].isZero && !a.numerators[i * n + j].isZero { sum += a.numerators[i * n + j] * cy.numerators[j] }
            if best == nil || sum > best! { best = sum }
        }
        for j in 0..<n {
            var sum = BigInt(0)
            for i in 0..<m where !cx.numerators[i].isZero && !a.numerators[i * n + j].isZero { sum += cx.numerators[i] * a.numerators[i * n + j] }
            if worst == nil || sum < worst! { worst = sum }
        }
        // (A·y)ᵢ/Σy over a.d: the common denominators of y cancel in ỹ = y/Σy.
        return Rational(best!, a.denominator * sy) - Rational(worst!, a.denominator * sx)
    }

    /// True when x guarantees at least v against every column and y concedes at most v against
    /// every row (so v is the value and both are optimal), exactly.
    /// - Complexity: O(m·n).
    public func isMinimaxSolution(row x: [Rational], column y: [Rational], value v: Rational) -> Bool {
        (try? verifyMinimax(x: x, y: y, value: v)) != nil
    }

    func verifyMinimax(x: [Rational], y: [Rational], value v: Rational) throws {
        guard x.count == rowCount, y.count == columnCount else {
            throw MinimaxError.verificationFailed("a strategy has the wrong number of entries")
        }
        try verifyMinimax(x: CommonDenominatorVector(x), y: CommonDenominatorVector(y), value: v)
    }

    /// The check by the definition, with both strategies and the payoffs over common
    /// denominators: a column's guarantee is one integer dot product compared with v by one
    /// cross-multiplication (no gcd per term, whatever the lengths of the denominators).
    /// - Complexity: O(m·n) big-integer multiply-adds.
    func verifyMinimax(x: CommonDenominatorVector, y: CommonDenominatorVector, value v: Rational) throws {
        guard x.count == rowCount, x.isProbabilityVector else {
            throw MinimaxError.verificationFailed("row strategy is not a probability vector")
        }
        guard y.count == columnCount, y.isProbabilityVector else {
            throw MinimaxError.verificationFailed("column strategy is not a probability vector")
        }
        let a = CommonDenominatorVector(rowPayoffs.storage)
        let n = columnCount
        for j in 0..<n {
            var sum = BigInt(0)
            for i in 0..<rowCount where !x.numerators[i].isZero && !a.numerators[i * n + j].isZero {
                sum += x.numerators[i] * a.numerators[i * n + j]
            }
            guard CommonDenominatorVector.sign(of: sum, over: a.denominator * x.denominator, minus: v) >= 0 else {
                throw MinimaxError.verificationFailed("row strategy guarantees less than \(v)")
            }
        }
        for i in 0..<rowCount {
            var sum = BigInt(0)
            for j in 0..<n where !y.numerators[j].isZero && !a.numerators[i * n + j].isZero {
                sum += a.numerators[i * n + j] * y.numerators[j]
            }
            guard CommonDenominatorVector.sign(of: sum, over: a.denominator * y.denominator, minus: v) <= 0 else {
                throw MinimaxError.verificationFailed("column strategy concedes more than \(v)")
            }
        }
    }

    /// The column player's LP on A′ = A + shift (every entry ≥ 1): max Σⱼ wⱼ s.t. A′·w ≤ R, w ≥ 0,
    /// with R = the largest entry of A′ so that w, the duals and the optimum are of order 1
    /// (with R = 1 they are of order 1/R and GLPK's absolute tolerances blur the value).
    func minimaxProgram() -> (LinearProgram, shift: Rational, scale: Rational) {
        let m = rowCount, n = columnCount
        let smallest = rowPayoffs.storage.min() ?? .zero
        let shift = Rational.one - smallest
        let scale = (rowPayoffs.storage.max() ?? .zero) + shift
        var lp = LinearProgram(direction: .maximize, objective: Array(repeating: .one, count: n))
        lp.constraints.reserveCapacity(m)
        for i in 0..<m {
            var terms: [(index: Int, coefficient: Rational)] = []
            terms.reserveCapacity(n)
            for j in 0..<n {
                let a = rowPayoffs[i, j] + shift
                if !a.isZero { terms.append((j, a)) }
            }
            lp.add(terms, .atMost(scale))
        }
        return (lp, shift, scale)
    }
}

extension NormalFormGame {
    /// ``BimatrixGame/minimax(start:simplex:)`` for a two-player game in N-player form.
    /// - Throws: ``MinimaxError/notTwoPlayer(players:)`` unless there are two players.
    public func minimax(start: GLPKSolver.ExactStart = .floatingBasis, simplex: GLPKSolver.Simplex = .primal,
                        timeLimit: Duration? = nil) throws -> MinimaxSolution {
        guard let b = bimatrix else { throw MinimaxError.notTwoPlayer(players: playerCount) }
        return try b.minimax(start: start, simplex: simplex, timeLimit: timeLimit)
    }
}
