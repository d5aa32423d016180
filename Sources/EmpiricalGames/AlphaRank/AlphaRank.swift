import ExactArithmetic
import StrategicGames

/// α-Rank (Omidshafiei, Papadimitriou, Piliouras, Tuyls, Rowland, Lespiau, Czarnecki, Lanctot,
/// Perolat & Munos, "α-Rank: Multi-agent evaluation by evolution", Scientific Reports 9, 2019):
/// the stationary distribution of a Markov chain over strategy profiles in which one population at
/// a time tries a mutant strategy that fixes with the finite-population Fermi probability.
///
/// Multi-population (one population per player, K players): from profile s, population k's
/// mutant σ_k (others fixed) fixes with ρ = (1 − e^{−αΔ}) / (1 − e^{−mαΔ}), Δ = M_k(σ) − M_k(s)
/// (1/m when Δ = 0); the chain moves there with probability η·ρ, η = 1/Σ_k(|S_k| − 1).
/// Single population (a symmetric two-player game): states are strategies; mutant r invades
/// resident s with the Moran–Fermi fixation probability of ``MoranProcess`` (average payoffs over
/// the population, the paper's model), or with the "local" model that compares only M(r, s) with
/// M(s, r) (OpenSpiel's default); η = 1/(|S| − 1).
/// α → ∞ uses the paper's ε-perturbed limit chain: a strictly better mutant fixes with 1 − ε,
/// a worse one with ε, a tie with 1/2 (as OpenSpiel does).
///
/// π is found by GTH state reduction (dense, up to ``denseLimit`` states) or by Gauss–Seidel on
/// the sparse chain (each profile has Σ_k(|S_k| − 1) neighbours), never by an eigensolver: an
/// irreducible chain has one stationary distribution, and these methods return it.
public enum AlphaRank {
    /// States up to which the dense GTH solve is used by default.
    public static let denseLimit = 1000

    /// The selection intensity α.
    public enum Intensity: Sendable, Equatable {
        case finite(Double)
        /// α → ∞ with perturbation ε ∈ (0, 1/2).
        case infinite(epsilon: Double)
    }

    /// How a single population's fitness is computed.
    public enum Selection: String, Sendable, CaseIterable {
        /// Average payoff against the rest of the population (the paper's single-population model).
        case population
        /// Payoff against the one opponent strategy (OpenSpiel's `use_local_selection_model`).
        case local
    }

    public struct Configuration: Sendable {
        public var populationSize: Int
        public var intensity: Intensity
        public var selection: Selection
        /// nil: dense when the state count is at most ``denseLimit``, else sparse.
        public var solver: StationarySolver?
        public var maxSweeps: Int
        public init(populationSize: Int = 50, intensity: Intensity = .finite(100), selection: Selection = .population,
                    solver: StationarySolver? = nil, maxSweeps: Int = 100_000) {
            self.populationSize = populationSize
            self.intensity = intensity
            self.selection = selection
            self.solver = solver
            self.maxSweeps = maxSweeps
        }
    }

    public struct Result: Sendable {
        /// Strategies per population.
        public let strategyCounts: [Int]
        /// π over profiles, in the game's profile order (population 1's strategy fastest);
        /// for one population, over its strategies.
        public let stationaryDistribution: [Double]
        /// Each population's marginal mass per strategy.
        public let marginals: [[Double]]
        /// Each population's strategies by decreasing marginal mass (ties: lower index first).
        public let ranking: [[Int]]
        public let solver: StationarySolver
        /// Relative balance residual of π (computed for both solvers).
        public let residual: Double
        /// Gauss–Seidel sweeps (0 for the dense solve).
        public let sweeps: Int
        public let converged: Bool
        public let stopReason: StopReason

        /// The profile of state `index` (population 1 fastest).
        public func profile(at index: Int) -> [Int] {
            var rest = index
            return strategyCounts.map { n in defer { rest /= n }; return rest % n }
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalidParameter(String)
        case tooLarge(String)
        case reducible
        public var description: String {
            switch self {
            case .invalidParameter(let s), .tooLarge(let s): return s
            case .reducible:
                return "the Markov chain is reducible in floating point (transition probabilities underflow at this α; lower α or use the infinite-α limit, `.infinite(epsilon:)`)"
            }
        }
    }

    /// The largest number of stored transitions (states × neighbours) before ``rank(game:configuration:limits:)``
    /// refuses (about 1.6 GB of doubles and indices); callers name their override.
    public static let transitionLimit = 100_000_000

    /// Multi-population α-Rank of an N-player game, one population per player.
    /// - Complexity: dense O(P³/3) for P profiles; sparse O(P·D) per sweep with D = Σ(|S_k| − 1),
    ///   P·D exponentials to build the chain.
    public static func rank(game: NormalFormGame, configuration c: Configuration, limits: SolverLimits = .none,
                            transitionLimit: Int = transitionLimit) throws(Failure) -> Result {
        try validate(c)
        let counts = game.strategyCounts
        let populations = counts.count
        let states = game.profileCount
        let degree = counts.reduce(0) { $0 + $1 - 1 }
        if degree == 0 { return finish(counts, [1], solver: .dense, residual: 0, sweeps: 0, converged: true, stop: .completed) }
        let eta = 1 / Double(degree)
        let payoffs = game.payoffs.map { $0.map(\.doubleValue) }
        var strides = [Int](repeating: 1, count: populations)
        for k in 1..<max(populations, 1) { strides[k] = strides[k - 1] * counts[k - 1] }
        func fix(_ delta: Double) -> Double { fixation(delta, c) }
        let solver = c.solver ?? (states <= denseLimit ? .dense : .sparse)
        if solver == .dense {
            guard states <= 5000 else { throw .tooLarge("\(states) profiles are too many for the dense solver (at most 5000, 200 MB); use the sparse solver") }
            var p = [Double](repeating: 0, count: states * states)
            for s in 0..<states {
                for k in 0..<populations {
                    let own = (s / strides[k]) % counts[k]
                    for x in 0..<counts[k] where x != own {
                        let t = s + (x - own) * strides[k]
                        p[s * states + t] = eta * fix(payoffs[k][t] - payoffs[k][s])
                    }
                }
            }
            let chain = sparseChain(states: states, degree: degree, counts: counts, strides: strides) { s, k, t in
                eta * fix(payoffs[k][s] - payoffs[k][t])
            }
            guard let pi = StationaryDistribution.gth(&p, n: states) else { throw .reducible }
            let r = StationaryDistribution.residual(chain, pi)
            return finish(counts, pi, solver: .dense, residual: r, sweeps: 0, converged: true, stop: .completed)
        }
        let (product, overflow) = states.multipliedReportingOverflow(by: degree)
        guard !overflow, product <= transitionLimit else {
            throw .tooLarge("\(states) profiles × \(degree) neighbours = \(overflow ? "more than \(Int.max)" : "\(product)") transitions, more than the limit of \(transitionLimit)")
        }
        let chain = sparseChain(states: states, degree: degree, counts: counts, strides: strides) { s, k, t in
            eta * fix(payoffs[k][s] - payoffs[k][t])
        }
        let run = StationaryDistribution.gaussSeidel(chain, maxSweeps: c.maxSweeps, deadline: limits.deadline())
        let stop: StopReason = run.converged ? .completed : (limits.timeout != nil && run.sweeps < c.maxSweeps ? .timeout : .completed)
        return finish(counts, run.pi, solver: .sparse, residual: run.residual, sweeps: run.sweeps, converged: run.converged, stop: stop)
    }

    /// Single-population α-Rank of a symmetric game given by M[i][j] (payoff of i against j).
    /// - Complexity: O(n²·m) to build the chain (population model), O(n³/3) to solve it densely.
    public static func rank(singlePopulation m: [[Rational]], configuration c: Configuration) throws(Failure) -> Result {
        try validate(c)
        let n = m.count
        guard n >= 1, m.allSatisfy({ $0.count == n }) else { throw .invalidParameter("the evaluation matrix must be square and non-empty") }
        if n == 1 { return finish([1], [1], solver: .dense, residual: 0, sweeps: 0, converged: true, stop: .completed) }
        let eta = 1 / Double(n - 1)
        let size = c.populationSize
        let process = try? MoranProcess(payoffs: m, populationSize: size)
        let md = m.map { $0.map(\.doubleValue) }
        // ρ(r invades s).
        func rho(_ r: Int, _ s: Int) -> Double {
            switch c.intensity {
            case .infinite(let eps):
                let a = md[r][s], b = md[s][r]
                return a == b ? 0.5 : (a > b ? 1 - eps : eps)
            case .finite(let alpha):
                if c.selection == .local { return MoranProcess.constantFermiFixation(populationSize: size, alpha * (md[r][s] - md[s][r])) }
                let differences = (1..<size).map { i -> Double in
                    let (f, g) = process!.averagePayoffs(mutant: r, resident: s, mutants: i)
                    return (f - g).doubleValue
                }
                return MoranProcess.fermiFixation(populationSize: size, intensity: alpha) { differences[$0 - 1] }
            }
        }
        var p = [Double](repeating: 0, count: n * n)
        var rates = [Double](repeating: 0, count: n * n)
        for s in 0..<n { for r in 0..<n where r != s { rates[s * n + r] = eta * rho(r, s) } }
        p = rates
        let counts = [n]
        let chain = sparseChain(states: n, degree: n - 1, counts: counts, strides: [1]) { s, _, t in rates[t * n + s] }
        guard let pi = StationaryDistribution.gth(&p, n: n) else { throw .reducible }
        return finish(counts, pi, solver: .dense, residual: StationaryDistribution.residual(chain, pi), sweeps: 0, converged: true, stop: .completed)
    }

    /// The fixation probability of a mutant whose payoff exceeds the resident's by `delta`, in a
    /// population of m (multi-population: constant advantage).
    static func fixation(_ delta: Double, _ c: Configuration) -> Double {
        switch c.intensity {
        case .infinite(let eps): return delta == 0 ? 0.5 : (delta > 0 ? 1 - eps : eps)
        case .finite(let alpha): return MoranProcess.constantFermiFixation(populationSize: c.populationSize, alpha * delta)
        }
    }

    /// The chain's neighbour lists, inflow rates `rate(s, k, t)` (t → s, t differing from s in
    /// population k) and outflows.
    static func sparseChain(states: Int, degree: Int, counts: [Int], strides: [Int],
                            rate: (Int, Int, Int) -> Double) -> SparseChain {
        var neighbours = [Int32](repeating: 0, count: states * degree)
        var incoming = [Double](repeating: 0, count: states * degree)
        var outflow = [Double](repeating: 0, count: states)
        for s in 0..<states {
            var slot = s * degree
            for k in counts.indices {
                let own = (s / strides[k]) % counts[k]
                for x in 0..<counts[k] where x != own {
                    let t = s + (x - own) * strides[k]
                    neighbours[slot] = Int32(t)
                    let r = rate(s, k, t)
                    incoming[slot] = r
                    outflow[t] += r
                    slot += 1
                }
            }
        }
        return SparseChain(stateCount: states, degree: degree, neighbours: neighbours, incoming: incoming, outflow: outflow)
    }

    static func validate(_ c: Configuration) throws(Failure) {
        guard c.populationSize >= 2 else { throw .invalidParameter("the population size m must be at least 2") }
        switch c.intensity {
        case .finite(let a): guard a >= 0, a.isFinite else { throw .invalidParameter("α must be a non-negative number (or inf)") }
        case .infinite(let e): guard e > 0, e < 0.5 else { throw .invalidParameter("ε must be in (0, 1/2)") }
        }
        guard c.maxSweeps >= 1 else { throw .invalidParameter("the sweep limit must be at least 1") }
    }

    static func finish(_ counts: [Int], _ pi: [Double], solver: StationarySolver, residual: Double, sweeps: Int,
                       converged: Bool, stop: StopReason) -> Result {
        var marginals = counts.map { [Double](repeating: 0, count: $0) }
        for (index, mass) in pi.enumerated() {
            var rest = index
            for k in counts.indices { marginals[k][rest % counts[k]] += mass; rest /= counts[k] }
        }
        let ranking = marginals.map { m in m.indices.sorted { m[$0] != m[$1] ? m[$0] > m[$1] : $0 < $1 } }
        return Result(strategyCounts: counts, stationaryDistribution: pi, marginals: marginals, ranking: ranking,
                      solver: solver, residual: residual, sweeps: sweeps, converged: converged, stopReason: stop)
    }
}
