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
}

/// A floating-point minimax solution (unverified): for speed comparisons only.
public struct FloatingMinimaxSolution: Sendable {
    public let value: Double
    public let strategies: [[Double]]
    public let status: LPStatus
    public let iterations: Int
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
            return "the game is not constant-sum (the players' payoffs do not add up to the same number at every profile), so it has no minimax value; use `gamesolve nash` for its Nash equilibria"
        case .notTwoPlayer(let p):
            return "minimax needs a two-player game; this one has \(p) players (use `gamesolve nash` or `gamesolve correlated`)"
        case .verificationFailed(let why): return "minimax solution failed verification: \(why)"
        }
    }
}

extension BimatrixGame {
    /// The value of the game and an optimal strategy for each player, exactly (von Neumann's
    /// minimax theorem, 1928; the LP formulation of Dantzig, 1951).
    ///
    /// Steps: (1) check the game is constant-sum, A + B = c; (2) solve the row player's LP
    /// `max v s.t. Σᵢ xᵢ·A[i][j] ≥ v for every column j, Σ xᵢ = 1, x ≥ 0` exactly (GLPK proposes a
    /// basis, which is recomputed and certified in rationals); (3) the column player's optimal
    /// strategy is the vector of duals of the column constraints (LP duality); (4) verify both
    /// against the definition, exactly: x guarantees at least v against every column and y
    /// concedes at most v against every row.
    ///
    /// - Parameter start: how the exact LP starts (floating basis then certify, or `glp_exact`).
    /// - Returns: the value for the row player and both strategies; for a constant-sum game with
    ///   constant c the column player's value is c − v.
    /// - Throws: ``MinimaxError/notConstantSum`` when A + B is not constant (pointing to
    ///   `gamesolve nash`); ``LPError`` when the LP layer fails or cannot certify.
    /// - Complexity: one LP with m + 1 variables and n + 1 rows (simplex; polynomial on average),
    ///   plus O(k³) exact operations for the k x k basis core and O(m·n) for the checks.
    ///   Degenerate games (several optimal strategies) return one of them, the one at the basis found.
    public func minimax(start: GLPKSolver.ExactStart = .floatingBasis, simplex: GLPKSolver.Simplex = .primal) throws -> MinimaxSolution {
        guard let c = constantSum else { throw MinimaxError.notConstantSum }
        let m = rowCount, n = columnCount
        let solution = try GLPKSolver(simplex: simplex).solveExactly(minimaxProgram(), start: start)
        guard solution.status == .optimal, let exact = solution.exact else {
            throw MinimaxError.verificationFailed("the minimax LP was reported \(solution.status)")
        }
        let x = Array(exact.values[0..<m])
        let v = exact.values[m]
        // Row j's dual is ≤ 0 in a maximisation with a ≥ row; the column strategy is its magnitude.
        let y = (0..<n).map { -exact.duals[$0] }
        try verifyMinimax(x: x, y: y, value: v)
        return MinimaxSolution(value: v, strategies: [MixedStrategy(unchecked: x), MixedStrategy(unchecked: y)],
                               constantSum: c, status: .optimal, iterations: solution.iterations)
    }

    /// The same LP in floating point only, unverified: for timing against other floating solvers.
    public func floatingMinimax(simplex: GLPKSolver.Simplex = .primal) throws -> FloatingMinimaxSolution {
        guard constantSum != nil else { throw MinimaxError.notConstantSum }
        let s = try GLPKSolver(simplex: simplex).solve(minimaxProgram())
        return FloatingMinimaxSolution(value: s.values.last ?? .nan,
                                       strategies: [Array(s.values.dropLast()), s.duals.prefix(columnCount).map { -$0 }],
                                       status: s.status, iterations: s.iterations)
    }

    /// True when x guarantees at least v against every column and y concedes at most v against
    /// every row (so v is the value and both are optimal), exactly.
    /// - Complexity: O(m·n).
    public func isMinimaxSolution(row x: [Rational], column y: [Rational], value v: Rational) -> Bool {
        (try? verifyMinimax(x: x, y: y, value: v)) != nil
    }

    func verifyMinimax(x: [Rational], y: [Rational], value v: Rational) throws {
        guard x.count == rowCount, MixedStrategy(unchecked: x).isProbabilityVector else {
            throw MinimaxError.verificationFailed("row strategy is not a probability vector")
        }
        guard y.count == columnCount, MixedStrategy(unchecked: y).isProbabilityVector else {
            throw MinimaxError.verificationFailed("column strategy is not a probability vector")
        }
        var xa = [Rational](repeating: .zero, count: columnCount)
        for i in 0..<rowCount where !x[i].isZero {
            for j in 0..<columnCount { xa[j] += x[i] * rowPayoffs[i, j] }
        }
        guard xa.allSatisfy({ $0 >= v }) else { throw MinimaxError.verificationFailed("row strategy guarantees less than \(v)") }
        guard rowPayoffs(against: y).allSatisfy({ $0 <= v }) else {
            throw MinimaxError.verificationFailed("column strategy concedes more than \(v)")
        }
    }

    /// max v s.t. Σᵢ xᵢ·A[i][j] − v ≥ 0 (j = 0..<n), Σ xᵢ = 1; variables x₀…x_{m−1} ≥ 0, v free.
    func minimaxProgram() -> LinearProgram {
        let m = rowCount, n = columnCount
        var lp = LinearProgram(direction: .maximize,
                               objective: Array(repeating: .zero, count: m) + [.one],
                               variableBounds: Array(repeating: .atLeast(.zero), count: m) + [.free])
        lp.constraints.reserveCapacity(n + 1)
        for j in 0..<n {
            var terms: [(index: Int, coefficient: Rational)] = []
            terms.reserveCapacity(m + 1)
            for i in 0..<m where !rowPayoffs[i, j].isZero { terms.append((i, rowPayoffs[i, j])) }
            terms.append((m, -1))
            lp.add(terms, .atLeast(.zero))
        }
        lp.add((0..<m).map { ($0, Rational.one) }, .equal(.one))
        return lp
    }
}

extension NormalFormGame {
    /// ``BimatrixGame/minimax(start:simplex:)`` for a two-player game in N-player form.
    /// - Throws: ``MinimaxError/notTwoPlayer(players:)`` unless there are two players.
    public func minimax(start: GLPKSolver.ExactStart = .floatingBasis, simplex: GLPKSolver.Simplex = .primal) throws -> MinimaxSolution {
        guard let b = bimatrix else { throw MinimaxError.notTwoPlayer(players: playerCount) }
        return try b.minimax(start: start, simplex: simplex)
    }
}
