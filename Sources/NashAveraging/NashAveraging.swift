import BigInt
import ExactArithmetic
import LPSolvers
import StrategicGames

/// Nash averaging (Balduzzi, Tuyls, Perolat & Graepel, "Re-evaluating evaluation", NeurIPS 2018)
/// of an agent-vs-agent evaluation matrix, exactly, for games whose equilibrium is unique.
///
/// Steps: (1) the antisymmetric part A = (M − Mᵀ)/2 (for win rates with M + Mᵀ = 1 this is
/// M − 1/2), a symmetric zero-sum game of value 0; (2) an optimal strategy p by the exact minimax
/// LP (GLPK, certified in rationals); (3) uniqueness, certified exactly: every agent outside the
/// support S of p does strictly worse against p, (A p)_i < 0, and the bordered system
/// [A_SS 1; 1ᵀ 0] is nonsingular (fraction-free Bareiss). Then every equilibrium has support in
/// S and solves A_SS x = 0, Σx = 1, so p is the only equilibrium, hence the maximum-entropy one
/// (the entropy maximiser over a one-point set); (4) the Nash-averaged skills A·p (0 on the
/// support, negative off it).
///
/// When the certificate fails (several equilibria), no answer is given: selecting the
/// maximum-entropy point of a larger equilibrium polytope needs a convex program, not implemented.
///
/// - Complexity: one n x n LP, O(n²) exact checks, and a (k+1)-square fraction-free solve for a
///   support of size k.
public enum NashAveraging {
    public struct Result: Sendable {
        /// A = (M − Mᵀ)/2.
        public let antisymmetric: [[Rational]]
        /// The maximum-entropy (here: unique) Nash equilibrium, one probability per agent.
        public let maxEntropyNash: [Rational]
        /// (A·p)_i: each agent's payoff against the Nash mixture.
        public let skills: [Rational]
        public let support: [Int]
        /// Exact NashConv of (p, p) in the game (A, −A): zero.
        public let regret: Rational
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notSquare
        case notUnique(String)
        case solver(String)
        public var description: String {
            switch self {
            case .notSquare: return "Nash averaging needs a square agent-vs-agent evaluation matrix"
            case .notUnique(let why):
                return "the meta-game's equilibrium is not certified unique (\(why)); the maximum-entropy selection among several equilibria is not implemented"
            case .solver(let why): return why
            }
        }
    }

    /// Nash averaging of the agent-vs-agent matrix M (M[i][j]: agent i's score against agent j).
    public static func agentVsAgent(_ m: [[Rational]]) throws(Failure) -> Result {
        let n = m.count
        guard n >= 1, m.allSatisfy({ $0.count == n }) else { throw .notSquare }
        let half = Rational(1, 2)
        let a = (0..<n).map { i in (0..<n).map { j in (m[i][j] - m[j][i]) * half } }
        let game: BimatrixGame
        let solution: MinimaxSolution
        do {
            game = try BimatrixGame(zeroSum: a)
            solution = try game.minimax()
        } catch {
            throw .solver("the minimax LP failed: \(error)")
        }
        let p = solution.strategies[0]
        // Skills (A·p)ᵢ over common denominators: A = Â/d_A and p = p̂/d_p with integer Â and p̂,
        // so each skill is one integer dot product and one fraction (O(n²) integer operations,
        // where term-by-term fractions would take a gcd per term).
        let scaledA = CommonDenominatorVector(a.flatMap { $0 })
        let scaledP = CommonDenominatorVector(p.probabilities)
        let skillDenominator = scaledA.denominator * scaledP.denominator
        let skills = (0..<n).map { i -> Rational in
            var sum = BigInt(0)
            for j in 0..<n where !scaledP.numerators[j].isZero && !scaledA.numerators[i * n + j].isZero {
                sum += scaledA.numerators[i * n + j] * scaledP.numerators[j]
            }
            return Rational(sum, skillDenominator)
        }
        // NashConv of (p, p) in (A, −A): with A antisymmetric, pᵀAp = 0 and the column player's
        // payoffs against p are (A·p)ⱼ too, so NashConv = 2·maxᵢ (A·p)ᵢ, exactly.
        let regret = skills.max()! * 2
        guard regret.isZero, solution.value.isZero else { throw .solver("internal error: the minimax strategy is not an exact equilibrium") }
        let support = p.support
        let inSupport = Set(support)
        for i in 0..<n where !inSupport.contains(i) && skills[i] >= .zero {
            throw .notUnique("agent \(i) is outside the support yet does as well as the equilibrium against it")
        }
        // Bordered system over a common denominator: rows i ∈ S: D·A_SS x + D·v = 0; last row Σx = 1.
        let k = support.count
        let d = CommonDenominatorVector(support.flatMap { i in support.map { j in a[i][j] } }).denominator
        func entry(_ r: Int, _ c: Int) -> BigInt {
            if r == k { return c == k ? 0 : 1 }
            if c == k { return d }
            let q = a[support[r]][support[c]]
            return q.numerator * (d / q.denominator)
        }
        guard let solved = FractionFreeSolve.solve(size: k + 1, entry: entry, rhs: { $0 == k ? 1 : 0 }) else {
            throw .notUnique("the equilibrium conditions on the support have more than one solution")
        }
        for (r, i) in support.enumerated() where Rational(solved.numerators[r], solved.denominator) != p.probabilities[i] {
            throw .solver("internal error: the support system disagrees with the LP's equilibrium")
        }
        return Result(antisymmetric: a, maxEntropyNash: p.probabilities, skills: skills, support: support, regret: regret)
    }
}
