import ExactArithmetic
import StrategicGames

/// How a stationary distribution was computed.
public enum StationarySolver: String, Sendable, CaseIterable {
    /// Dense GTH state reduction (no subtractions; entrywise accurate even on stiff chains).
    case dense
    /// Sparse Gauss–Seidel sweeps on πQ = 0 with normalisation, to ``Tolerance/stationaryResidual``.
    case sparse
}

/// A continuous-time-like view of a Markov chain whose states each have `degree` neighbours:
/// `neighbour(state, t)` and `rate(from, to-slot)`. Used by α-Rank, whose chain moves between
/// strategy profiles that differ in one population's strategy.
struct SparseChain {
    let stateCount: Int
    let degree: Int
    /// `neighbours[s·degree + t]`: the t-th neighbour of s (the relation is symmetric).
    let neighbours: [Int32]
    /// `incoming[s·degree + t]`: the transition probability from the t-th neighbour of s into s.
    let incoming: [Double]
    /// Σ of the transition probabilities out of s (to other states).
    let outflow: [Double]
}

enum StationaryDistribution {
    /// The stationary distribution of an irreducible chain given by its off-diagonal transition
    /// probabilities, by the GTH algorithm (Grassmann, Taksar & Heyman, "Regenerative analysis
    /// and steady state distributions for Markov chains", Operations Research 1985).
    ///
    /// State reduction eliminates the states from the last down: every operation adds or
    /// multiplies non-negative numbers (the diagonal is never used; it is recomputed as the sum
    /// of the outflow to the remaining states), so no cancellation occurs and every entry of π
    /// comes out with small relative error even when transition probabilities span hundreds of
    /// orders of magnitude (O'Cinneide, "Entrywise perturbation theory and error analysis for
    /// Markov chains", Numer. Math. 1993). This is why it, not an eigensolver, answers where an
    /// eigenvalue test ("exactly one eigenvalue within 1e-10 of 1") cannot tell stiff from reducible.
    ///
    /// - Parameter p: row-major n×n, `p[i·n + j]` the probability of moving from i to j (i ≠ j);
    ///   the diagonal is ignored. Destroyed.
    /// - Returns: π, or nil when some state cannot reach the states before it (reducible chain,
    ///   or transition probabilities that underflowed to zero).
    /// - Complexity: n³/3 multiply-adds, n² memory.
    static func gth(_ p: inout [Double], n: Int) -> [Double]? {
        if n == 1 { return [1] }
        return p.withUnsafeMutableBufferPointer { a -> [Double]? in
            for k in stride(from: n - 1, through: 1, by: -1) {
                var s = 0.0
                for j in 0..<k { s += a[k * n + j] }
                guard s > 0 else { return nil }
                for i in 0..<k { a[i * n + k] /= s }
                for i in 0..<k {
                    let f = a[i * n + k]
                    if f == 0 { continue }
                    let rowI = i * n, rowK = k * n
                    for j in 0..<k { a[rowI + j] += f * a[rowK + j] }
                }
            }
            var pi = [Double](repeating: 0, count: n)
            pi[0] = 1
            var total = 1.0
            for k in 1..<n {
                var v = 0.0
                for i in 0..<k { v += pi[i] * a[i * n + k] }
                pi[k] = v
                total += v
            }
            for k in 0..<n { pi[k] /= total }
            return pi
        }
    }

    /// The stationary distribution of a sparse chain by Gauss–Seidel sweeps on the balance
    /// equations π_s·outflow(s) = Σ_t π_t·P(t → s), normalised after every sweep, until the
    /// relative residual Σ_s |π_s·outflow(s) − inflow(s)| / Σ_s π_s·outflow(s) is below
    /// ``Tolerance/stationaryResidual`` (Stewart, *Introduction to the Numerical Solution of
    /// Markov Chains*, Princeton 1994, §3.2).
    /// - Returns: π, the residual reached, the sweeps done, and whether it converged before
    ///   `maxSweeps` or the deadline.
    /// - Complexity: O(states·degree) per sweep.
    static func gaussSeidel(_ chain: SparseChain, maxSweeps: Int, deadline: ContinuousClock.Instant?)
        -> (pi: [Double], residual: Double, sweeps: Int, converged: Bool) {
        let n = chain.stateCount, d = chain.degree
        var pi = [Double](repeating: 1 / Double(n), count: n)
        var residual = Double.infinity
        var sweeps = 0
        while sweeps < maxSweeps {
            sweeps += 1
            chain.neighbours.withUnsafeBufferPointer { nb in
                chain.incoming.withUnsafeBufferPointer { inc in
                    pi.withUnsafeMutableBufferPointer { x in
                        for s in 0..<n {
                            var inflow = 0.0
                            let base = s * d
                            for t in 0..<d { inflow += x[Int(nb[base + t])] * inc[base + t] }
                            x[s] = inflow / chain.outflow[s]
                        }
                    }
                }
            }
            let total = pi.reduce(0, +)
            for s in 0..<n { pi[s] /= total }
            if sweeps % 5 == 0 || sweeps == maxSweeps {
                residual = Self.residual(chain, pi)
                if residual < Tolerance.stationaryResidual { return (pi, residual, sweeps, true) }
                if let deadline, ContinuousClock.now >= deadline { break }
            }
        }
        residual = Self.residual(chain, pi)
        return (pi, residual, sweeps, residual < Tolerance.stationaryResidual)
    }

    /// Σ_s |π_s·outflow(s) − Σ_t π_t·P(t → s)| / Σ_s π_s·outflow(s): the relative violation of balance.
    static func residual(_ chain: SparseChain, _ pi: [Double]) -> Double {
        let d = chain.degree
        var violation = 0.0, scale = 0.0
        for s in 0..<chain.stateCount {
            var inflow = 0.0
            for t in 0..<d { inflow += pi[Int(chain.neighbours[s * d + t])] * chain.incoming[s * d + t] }
            let out = pi[s] * chain.outflow[s]
            violation += abs(out - inflow)
            scale += out
        }
        return scale > 0 ? violation / scale : 0
    }
}
