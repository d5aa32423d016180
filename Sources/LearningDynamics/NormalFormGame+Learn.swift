import ExactArithmetic
import StrategicGames
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NormalFormGame {
    /// Runs a learning rule (see ``Dynamics``, each case cites its source) for
    /// `configuration.iterations` iterations and reports the last iterate and the time-average,
    /// rounded to the decimal grid of ``ProbabilityGrid``, each with its exact NashConv
    /// (``nashConv(_:)``) computed from those printed strategies.
    ///
    /// The iteration itself runs in doubles over preallocated arrays (``PayoffKernel``); nothing is
    /// allocated per iteration except at trajectory points. The run is deterministic: the only
    /// randomness (random initial strategies, stochastic fictitious play's draws) comes from
    /// ``SplitMix64`` seeded with `configuration.seed`, and best-response ties go to the lowest index.
    ///
    /// - Throws: ``LearningError`` for bad initial strategies, parameters, or a single population
    ///   on a game that is not symmetric.
    /// - Complexity: O(T·C) for T iterations, where C is one evaluation of every player's payoff
    ///   vector (O(m·n) for an m×n bimatrix, less on sparse strategies; O(P·N²) for N players and P
    ///   profiles; four of them per continuous-replicator step), plus one exact NashConv per
    ///   trajectory point.
    public func learn(_ configuration: LearningConfiguration, limits: SolverLimits = .none) throws(LearningError) -> LearningResult {
        let c = configuration
        guard c.iterations >= 1 else { throw .invalidParameter("the number of iterations must be at least 1") }
        if let k = c.traceEvery, k < 1 { throw .invalidParameter("the trace interval must be at least 1") }
        guard (1...15).contains(c.digits) else { throw .invalidParameter("digits must be between 1 and 15") }
        if let h = c.stepSize, !(h > 0 && h.isFinite) { throw .invalidParameter("the step size must be a positive number") }
        if let t = c.temperature, !(t > 0 && t.isFinite) { throw .invalidParameter("the temperature must be a positive number") }
        guard c.exploration >= 0, c.exploration < 1 else { throw .invalidParameter("the exploration must be in [0, 1)") }
        if c.singlePopulation { guard isSymmetricTwoPlayer else { throw .notSymmetric } }

        // The payoff range: the largest of the players' own ranges (max − min of their payoffs).
        var range = Rational.zero
        for list in payoffs {
            var low = list[0], high = low
            for v in list { if v < low { low = v }; if v > high { high = v } }
            if high - low > range { range = high - low }
        }
        let rangeD = range.isZero ? 1 : range.doubleValue
        let counts = c.singlePopulation ? [strategyCounts[0]] : strategyCounts
        let kernel = PayoffKernel(self)
        let step = c.stepSize ?? c.defaultStepSize(range: rangeD, maxStrategies: counts.max()!)
        let tau = c.temperature ?? rangeD / 20
        var rng = SplitMix64(seed: c.seed)
        var engine = LearningEngine(kernel: kernel, counts: counts, symmetric: c.singlePopulation, dynamics: c.dynamics,
                                    step: step, tau: tau, exploration: c.exploration,
                                    minimumPayoffs: payoffs.map { $0.map(\.doubleValue).min()! },
                                    initial: try initialStrategies(c, counts: counts, rng: &rng))

        let start = ContinuousClock.now
        let deadline = limits.deadline(from: start)
        var lastReport = start
        var trajectory = [TracePoint]()
        var stop = StopReason.completed
        var done = 0
        func point(_ t: Int) -> TracePoint {
            let avg = expand(ProbabilityGrid.profile(engine.averageStrategies(), digits: c.digits))
            let last = expand(ProbabilityGrid.profile(engine.sigma, digits: c.digits))
            return TracePoint(iteration: t, average: avg, last: last,
                              averageExploitability: nashConv(avg), lastExploitability: nashConv(last))
        }
        for t in 1...c.iterations {
            engine.iterate(t, rng: &rng)
            done = t
            if let k = c.traceEvery, t % k == 0, t != c.iterations { trajectory.append(point(t)) }
            if t & 63 == 0 {
                let now = ContinuousClock.now
                if let reason = limits.stop(at: now, deadline: deadline) { stop = reason; break }
                if let progress = limits.progress, now - lastReport >= .milliseconds(250) {
                    lastReport = now
                    progress(ProgressSnapshot(done: t, total: c.iterations, unit: "iterations", results: 0, elapsed: now - start))
                }
            }
        }
        let final = point(done)
        trajectory.append(final)
        return LearningResult(configuration: c, stepSize: step, temperature: tau, iterations: done, stopReason: stop,
                              average: final.average, last: final.last,
                              averageExploitability: final.averageExploitability,
                              lastExploitability: final.lastExploitability,
                              payoffRange: range, trajectory: trajectory)
    }

    /// True for a two-player game with a square matrix and B = Aᵀ.
    public var isSymmetricTwoPlayer: Bool {
        guard players.count == 2, strategyCounts[0] == strategyCounts[1] else { return false }
        let n = strategyCounts[0]
        for i in 0..<n { for j in 0..<n where payoffs[1][i + n * j] != payoffs[0][j + n * i] { return false } }
        return true
    }

    /// One population's strategy repeated for both players.
    private func expand(_ profile: MixedProfile) -> MixedProfile {
        profile.count == players.count ? profile : [profile[0], profile[0]]
    }

    private func initialStrategies(_ c: LearningConfiguration, counts: [Int], rng: inout SplitMix64) throws(LearningError) -> [[Double]] {
        switch c.initial {
        case .uniform:
            return counts.map { Array(repeating: 1 / Double($0), count: $0) }
        case .random:
            return counts.map { n in
                let e = (0..<n).map { _ in -log(1 - rng.unitDouble()) }
                let s = e.reduce(0, +)
                return e.map { $0 / s }
            }
        case .given(let given):
            guard given.count == counts.count else {
                throw .invalidInitial("expected \(counts.count) strateg\(counts.count == 1 ? "y" : "ies"), found \(given.count)")
            }
            for (p, s) in given.enumerated() {
                guard s.count == counts[p] else { throw .invalidInitial("strategy \(p + 1) needs \(counts[p]) probabilities, found \(s.count)") }
                guard MixedStrategy(s) != nil else { throw .invalidInitial("strategy \(p + 1) is not a probability vector (non-negative, summing to 1)") }
            }
            return given.map { $0.map(\.doubleValue) }
        }
    }
}

/// The floating-point state of a run: current strategies, cumulative quantities, averages.
/// All arrays are allocated once; ``iterate(_:rng:)`` only writes into them.
struct LearningEngine {
    let kernel: PayoffKernel
    let counts: [Int]
    let symmetric: Bool
    let dynamics: Dynamics
    let step: Double
    let tau: Double
    let exploration: Double
    let minimumPayoffs: [Double]
    /// Current strategies (the last iterate).
    var sigma: [[Double]]
    /// Regrets, payoff sums, or play counts.
    var cumulative: [[Double]]
    /// Weighted sum of iterates and the total weight.
    var averageSum: [[Double]]
    var averageWeight = 0.0
    /// The others' empirical frequencies (fictitious-play family).
    var beliefs: [[Double]]
    var u: [[Double]]
    var previousU: [[Double]]
    /// Runge–Kutta stages.
    var stage: [[[Double]]]
    var base: [[Double]]

    init(kernel: PayoffKernel, counts: [Int], symmetric: Bool, dynamics: Dynamics, step: Double, tau: Double,
         exploration: Double, minimumPayoffs: [Double], initial: [[Double]]) {
        self.kernel = kernel
        self.counts = counts
        self.symmetric = symmetric
        self.dynamics = dynamics
        self.step = step
        self.tau = tau
        self.exploration = exploration
        self.minimumPayoffs = minimumPayoffs
        sigma = initial
        let zeros = counts.map { [Double](repeating: 0, count: $0) }
        cumulative = dynamics.respondsToAverages ? initial : zeros
        averageSum = zeros
        beliefs = initial
        u = kernel.counts.map { [Double](repeating: 0, count: $0) }
        previousU = u
        stage = dynamics == .continuousReplicator ? Array(repeating: zeros, count: 4) : []
        base = dynamics == .continuousReplicator ? zeros : []
    }

    /// The time-average (the others' frequencies for the fictitious-play family).
    func averageStrategies() -> [[Double]] {
        if dynamics.respondsToAverages { return beliefs }
        guard averageWeight > 0 else { return sigma }
        return averageSum.map { $0.map { $0 / averageWeight } }
    }

    private mutating func utilities(of strategies: [[Double]]) {
        kernel.utilities(strategies, into: &u, symmetric: symmetric)
    }

    private func bestResponse(_ values: [Double]) -> Int {
        var best = 0
        for s in 1..<values.count where values[s] > values[best] { best = s }
        return best
    }

    /// out = softmax(values / temperature) (shifted by the maximum for stability).
    private static func logit(_ values: [Double], temperature: Double, into out: inout [Double]) {
        let top = values.max()!
        var total = 0.0
        for s in values.indices { let e = exp((values[s] - top) / temperature); out[s] = e; total += e }
        for s in values.indices { out[s] /= total }
    }

    private mutating func accumulateAverage(weight: Double) {
        averageWeight += weight
        for p in counts.indices {
            for s in 0..<counts[p] { averageSum[p][s] += weight * sigma[p][s] }
        }
    }

    private mutating func refreshBelief(_ p: Int) {
        let total = cumulative[p].reduce(0, +)
        for s in 0..<counts[p] { beliefs[p][s] = cumulative[p][s] / total }
    }

    mutating func iterate(_ t: Int, rng: inout SplitMix64) {
        let pops = counts.count
        switch dynamics {
        case .fictitiousPlay, .stochasticFictitiousPlay:
            kernel.utilities(beliefs, into: &u, symmetric: symmetric)
            for p in 0..<pops { respondInFictitiousPlay(p, rng: &rng) }
            for p in 0..<pops { refreshBelief(p) }
        case .alternatingFictitiousPlay:
            for p in 0..<pops {
                kernel.utilities(beliefs, into: &u, symmetric: symmetric)
                respondInFictitiousPlay(p, rng: &rng)
                refreshBelief(p)
            }
        case .regretMatching, .regretMatchingPlus:
            let plus = dynamics == .regretMatchingPlus
            accumulateAverage(weight: plus ? Double(t) : 1)
            utilities(of: sigma)
            for p in 0..<pops {
                let n = counts[p]
                var value = 0.0
                for s in 0..<n { value += sigma[p][s] * u[p][s] }
                var positive = 0.0
                for s in 0..<n {
                    var r = cumulative[p][s] + u[p][s] - value
                    if plus && r < 0 { r = 0 }
                    cumulative[p][s] = r
                    if r > 0 { positive += r }
                }
                if positive > 0 {
                    for s in 0..<n { sigma[p][s] = cumulative[p][s] > 0 ? cumulative[p][s] / positive : 0 }
                } else {
                    for s in 0..<n { sigma[p][s] = 1 / Double(n) }
                }
            }
        case .hedge, .optimisticHedge:
            accumulateAverage(weight: 1)
            utilities(of: sigma)
            for p in 0..<pops {
                let n = counts[p]
                for s in 0..<n {
                    cumulative[p][s] += u[p][s]
                    previousU[p][s] = step * (cumulative[p][s] + (dynamics == .optimisticHedge ? u[p][s] : 0))
                }
                Self.logit(previousU[p], temperature: 1, into: &sigma[p])
            }
        case .bestResponse, .logit:
            accumulateAverage(weight: 1)
            utilities(of: sigma)
            for p in 0..<pops {
                let n = counts[p]
                if dynamics == .bestResponse {
                    let b = bestResponse(u[p])
                    for s in 0..<n { sigma[p][s] += step * ((s == b ? 1 : 0) - sigma[p][s]) }
                } else {
                    Self.logit(u[p], temperature: tau, into: &previousU[p])
                    for s in 0..<n { sigma[p][s] += step * (previousU[p][s] - sigma[p][s]) }
                }
            }
        case .replicator:
            accumulateAverage(weight: 1)
            utilities(of: sigma)
            for p in 0..<pops {
                let n = counts[p], low = minimumPayoffs[p]
                var total = 0.0
                for s in 0..<n { sigma[p][s] *= 1 + step * (u[p][s] - low); total += sigma[p][s] }
                for s in 0..<n { sigma[p][s] /= total }
            }
        case .continuousReplicator:
            accumulateAverage(weight: 1)
            rungeKuttaStep()
        case .projectedReplicator:
            accumulateAverage(weight: 1)
            utilities(of: sigma)
            for p in 0..<pops {
                let n = counts[p]
                var value = 0.0
                for s in 0..<n { value += sigma[p][s] * u[p][s] }
                for s in 0..<n { sigma[p][s] += step * sigma[p][s] * (u[p][s] - value) }
                Self.projectOntoTruncatedSimplex(&sigma[p], lower: exploration / Double(n + 1), scratch: &previousU[p])
            }
        }
    }

    /// The fictitious-play family's response of population p to `u[p]` (computed against the
    /// others' frequencies): count one play of the best response (lowest index on ties), or of a
    /// seeded draw from the logit response.
    private mutating func respondInFictitiousPlay(_ p: Int, rng: inout SplitMix64) {
        let n = counts[p]
        let play: Int
        if dynamics == .stochasticFictitiousPlay {
            Self.logit(u[p], temperature: tau, into: &sigma[p])
            let r = rng.unitDouble()
            var acc = 0.0
            var chosen = n - 1
            for s in 0..<n {
                acc += sigma[p][s]
                if r < acc { chosen = s; break }
            }
            play = chosen
        } else {
            play = bestResponse(u[p])
            for s in 0..<n { sigma[p][s] = s == play ? 1 : 0 }
        }
        cumulative[p][play] += 1
    }

    /// One classical Runge–Kutta step of σ̇ = σ⊙(u(σ) − σ·u(σ)) for every population.
    private mutating func rungeKuttaStep() {
        let pops = counts.count
        for p in 0..<pops { base[p] = sigma[p] }
        let weights = [0.5, 0.5, 1.0]
        for k in 0..<4 {
            if k > 0 {
                for p in 0..<pops { for s in 0..<counts[p] { sigma[p][s] = base[p][s] + step * weights[k - 1] * stage[k - 1][p][s] } }
            }
            utilities(of: sigma)
            for p in 0..<pops {
                var value = 0.0
                for s in 0..<counts[p] { value += sigma[p][s] * u[p][s] }
                for s in 0..<counts[p] { stage[k][p][s] = sigma[p][s] * (u[p][s] - value) }
            }
        }
        for p in 0..<pops {
            var total = 0.0
            for s in 0..<counts[p] {
                let v = base[p][s] + step / 6 * (stage[0][p][s] + 2 * stage[1][p][s] + 2 * stage[2][p][s] + stage[3][p][s])
                sigma[p][s] = max(v, 0)
                total += sigma[p][s]
            }
            for s in 0..<counts[p] { sigma[p][s] /= total }
        }
    }

    /// Euclidean projection of x onto {y : Σy = 1, y ≥ lower} (Duchi, Shalev-Shwartz, Singer &
    /// Chandra, ICML 2008, on x − lower with mass 1 − n·lower).
    /// - Complexity: O(n log n).
    static func projectOntoTruncatedSimplex(_ x: inout [Double], lower: Double, scratch: inout [Double]) {
        let n = x.count
        let mass = 1 - Double(n) * lower
        for s in 0..<n { scratch[s] = x[s] - lower }
        scratch.sort(by: >)
        var cumulative = 0.0, theta = 0.0
        for k in 0..<n {
            cumulative += scratch[k]
            let candidate = (cumulative - mass) / Double(k + 1)
            if scratch[k] - candidate > 0 { theta = candidate }
        }
        for s in 0..<n { x[s] = max(x[s] - lower - theta, 0) + lower }
    }
}
