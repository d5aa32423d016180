import ExactArithmetic
import StrategicGames
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A learning rule or evolutionary dynamics that `learn` runs on a strategic-form game.
///
/// Every rule updates all players (or the one symmetric population) once per iteration from the
/// vector of pure-strategy payoffs u against the others' current strategies (their time-averages
/// for the fictitious-play family). Ties between best responses go to the lowest strategy index.
public enum Dynamics: String, Sendable, CaseIterable {
    /// Simultaneous fictitious play (Robinson, "An iterative method of solving a game", Annals of
    /// Mathematics 1951): every player best-responds to the empirical frequencies of the others'
    /// past plays; the average is those frequencies (the initial strategy counts as one play).
    case fictitiousPlay = "fictitious-play"
    /// Alternating fictitious play (Brown, "Iterative solution of games by fictitious play", 1951):
    /// players update in turn, each against the others' frequencies including this round's plays.
    case alternatingFictitiousPlay = "alternating-fictitious-play"
    /// Stochastic fictitious play (Fudenberg & Kreps 1993; Fudenberg & Levine, *The Theory of
    /// Learning in Games*, 1998, ch. 4): each player draws its play (seeded) from the logit response
    /// exp(u/τ) to the others' frequencies; the last iterate is that logit response.
    case stochasticFictitiousPlay = "stochastic-fictitious-play"
    /// Regret matching (Hart & Mas-Colell, "A simple adaptive procedure leading to correlated
    /// equilibrium", Econometrica 2000), in expectation: play proportionally to positive
    /// cumulative regret (uniform when none is positive); uniform time-average.
    case regretMatching = "regret-matching"
    /// Regret matching+ (Tammelin, "Solving large imperfect information games using CFR+", 2014):
    /// cumulative regrets clipped at zero after every update; linearly weighted average (weight t).
    case regretMatchingPlus = "regret-matching-plus"
    /// Hedge / multiplicative weights (Freund & Schapire, "Adaptive game playing using
    /// multiplicative weights", GEB 1999): σ ∝ exp(η·Σ past u); uniform time-average.
    case hedge
    /// Optimistic Hedge (Syrgkanis, Agarwal, Luo & Schapire, "Fast convergence of regularized
    /// learning in games", NeurIPS 2015): σ ∝ exp(η·(Σ past u + last u)).
    case optimisticHedge = "optimistic-hedge"
    /// Best-response dynamics (Gilboa & Matsui, "Social stability and equilibrium", Econometrica
    /// 1991), Euler steps σ ← σ + h·(BR(σ) − σ).
    case bestResponse = "best-response"
    /// Logit dynamics (Fudenberg & Levine 1998, ch. 4), Euler steps σ ← σ + h·(logit_τ(u) − σ).
    case logit
    /// Discrete-time replicator dynamics (Taylor & Jonker, "Evolutionarily stable strategies and
    /// game dynamics", Math. Biosci. 1978): σ_s ← σ_s·f_s / σ·f with fitness f = 1 + h·(u − min
    /// payoff), so fitness stays positive.
    case replicator
    /// Continuous-time replicator dynamics σ̇_s = σ_s·(u_s − σ·u) (Taylor & Jonker 1978),
    /// integrated by classical fourth-order Runge–Kutta with step h.
    case continuousReplicator = "continuous-replicator"
    /// Projected replicator dynamics (Lanctot et al., "A Unified Game-Theoretic Approach to
    /// Multiagent Reinforcement Learning", NeurIPS 2017): an Euler replicator step, then the
    /// Euclidean projection onto {σ ∈ Δ : σ_s ≥ γ/(n+1)} (γ = exploration).
    case projectedReplicator = "projected-replicator"

    /// Whether the rule has a step size or learning rate.
    public var usesStepSize: Bool {
        switch self {
        case .hedge, .optimisticHedge, .bestResponse, .logit, .replicator, .continuousReplicator, .projectedReplicator: return true
        default: return false
        }
    }

    /// Whether the rule has a logit temperature.
    public var usesTemperature: Bool { self == .stochasticFictitiousPlay || self == .logit }

    /// Whether the rule is driven by the others' time-averages (the fictitious-play family).
    var respondsToAverages: Bool {
        self == .fictitiousPlay || self == .alternatingFictitiousPlay || self == .stochasticFictitiousPlay
    }
}

/// How the initial strategies are chosen.
public enum InitialStrategies: Sendable, Equatable {
    /// Every player uniform.
    case uniform
    /// Seeded random points of each simplex (uniform on the simplex: normalised exponentials).
    case random
    /// Given strategies, one per player (one in total for a single population).
    case given([[Rational]])
}

/// The parameters of one learning run.
public struct LearningConfiguration: Sendable {
    public var dynamics: Dynamics
    public var iterations: Int
    /// The step size h (Euler/RK4 dynamics, discrete replicator) or learning rate η (Hedge); nil
    /// for the default of ``defaultStepSize(range:players:)``.
    public var stepSize: Double?
    /// The logit temperature τ (stochastic fictitious play, logit dynamics); nil for 1/20 of the
    /// payoff range.
    public var temperature: Double?
    /// The exploration γ of projected replicator dynamics.
    public var exploration: Double
    public var initial: InitialStrategies
    public var seed: UInt64
    /// Record a trajectory point every this many iterations (nil: only the final one).
    public var traceEvery: Int?
    /// Run one population for a symmetric two-player game (B = Aᵀ) instead of one per player.
    public var singlePopulation: Bool
    /// Printed strategies are probabilities rounded to multiples of 10^−digits (largest
    /// remainder, so they sum to exactly 1).
    public var digits: Int

    public init(dynamics: Dynamics, iterations: Int, stepSize: Double? = nil, temperature: Double? = nil,
                exploration: Double = 1e-6, initial: InitialStrategies = .uniform, seed: UInt64 = 0,
                traceEvery: Int? = nil, singlePopulation: Bool = false, digits: Int = 9) {
        self.dynamics = dynamics
        self.iterations = iterations
        self.stepSize = stepSize
        self.temperature = temperature
        self.exploration = exploration
        self.initial = initial
        self.seed = seed
        self.traceEvery = traceEvery
        self.singlePopulation = singlePopulation
        self.digits = digits
    }

    /// The default step size for a game whose payoffs span `range` (> 0) and whose largest
    /// player has `maxStrategies` strategies after `iterations` iterations: Hedge's
    /// η = √(8 ln n / T) / range (Cesa-Bianchi & Lugosi 2006, Thm 2.2); 0.1/range for the
    /// Euler and Runge–Kutta dynamics; 1/range for the discrete replicator.
    public func defaultStepSize(range: Double, maxStrategies: Int) -> Double {
        switch dynamics {
        case .hedge, .optimisticHedge:
            return (8 * log(Double(max(maxStrategies, 2))) / Double(max(iterations, 1))).squareRoot() / range
        case .replicator: return 1 / range
        case .bestResponse, .logit: return 0.01
        case .continuousReplicator, .projectedReplicator: return 0.1 / range
        default: return 0
        }
    }
}

/// One recorded point of a trajectory.
public struct TracePoint: Sendable {
    public let iteration: Int
    /// The rationalised time-average and last iterate, one strategy per player.
    public let average: MixedProfile
    public let last: MixedProfile
    /// Their exact NashConv.
    public let averageExploitability: Rational
    public let lastExploitability: Rational
}

/// What a learning run found.
public struct LearningResult: Sendable {
    public let configuration: LearningConfiguration
    /// The step size and temperature actually used.
    public let stepSize: Double
    public let temperature: Double
    public let iterations: Int
    public let stopReason: StopReason
    /// The time-average and the last iterate, rounded to the decimal grid (one strategy per
    /// player; for a single population, the same strategy twice).
    public let average: MixedProfile
    public let last: MixedProfile
    /// Exact NashConv of the printed average and last iterate.
    public let averageExploitability: Rational
    public let lastExploitability: Rational
    /// The largest of the players' payoff ranges (max − min of a player's payoffs): the unit of
    /// relative exploitability.
    public let payoffRange: Rational
    public let trajectory: [TracePoint]
}

/// Why a learning run could not start.
public enum LearningError: Error, Equatable, CustomStringConvertible {
    case invalidInitial(String)
    case notSymmetric
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .invalidInitial(let why): return "bad initial strategies: \(why)"
        case .notSymmetric: return "a single population needs a symmetric two-player game (square, column payoffs the transpose of the row payoffs)"
        case .invalidParameter(let why): return why
        }
    }
}
