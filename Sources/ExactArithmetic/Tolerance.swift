/// The one place where GameSolve's floating-point tolerances live.
///
/// Exact answers never depend on these: a floating-point solver (a `Double` Lemke–Howson run, an
/// LP solved by GLPK's double simplex) only *proposes* a support or a basis; the answer is then
/// recomputed in rationals and checked exactly, and a candidate that fails the exact check is
/// discarded or recomputed exactly. The tolerances only decide what floating point proposes.
public enum Tolerance {
    /// A floating value with |x| ≤ this is treated as zero when reading off a support or a
    /// basis (pivot elements, probabilities) from a floating-point computation.
    public static let zero: Double = 1e-9
    /// The largest violation of a constraint a floating-point candidate may show before it is
    /// rejected without an exact check (saves exact work on obviously wrong candidates).
    public static let feasibility: Double = 1e-7
    /// Ratio-test tie threshold for floating-point pivoting (relative).
    public static let pivot: Double = 1e-11
    /// A floating pass that screens coalitions for an exact excess check (the nucleolus's
    /// constraint generation) keeps every coalition whose floating excess is within this times
    /// the game's scale (its largest |v(S)|, at least 1) of the threshold. The floating excess is
    /// off by about n·2⁻⁵² of that scale, so nothing the exact check would flag is screened out;
    /// a larger margin only costs exact checks of near-ties.
    public static let excessScreen: Double = 1e-7

    // MARK: Certified equilibria of games with three or more players (issue 12)
    //
    // Equilibria of N-player games are in general irrational. A floating-point solver proposes a
    // profile; it is polished by Newton's method, rounded to fractions, and its maximum regret is
    // then computed exactly from those fractions. These constants say what is good enough.

    /// The regret a certified equilibrium aims for, relative to the game's payoff range (largest
    /// minus smallest payoff): rounding stops at the first denominators that reach
    /// `certifiedRegret · range`.
    public static let certifiedRegret = Rational(1, 1_000_000_000_000)
    /// The largest regret, relative to the payoff range, with which a profile is still reported
    /// as an equilibrium; a profile whose exact regret exceeds `reportableRegret · range` is
    /// never reported.
    public static let reportableRegret = Rational(1, 1_000_000_000)
    /// Newton's method on an indifference system (payoffs scaled to [0, 1]) has converged when
    /// every residual is at most this.
    public static let newtonResidual: Double = 1e-12
    /// Two floating-point equilibria closer than this (largest probability difference) are the
    /// same root found from different starts.
    public static let sameRoot: Double = 1e-7
    /// Logit path following: the traced point is handed to Newton's method and certified once
    /// its regret is at most this fraction of the payoff range.
    public static let qreRegret: Double = 1e-2
    /// Logit path following: the support read off a quantal response is the strategies whose
    /// probability is at least this fraction of the player's largest (tried in turn).
    public static let qreSupport: [Double] = [1e-3, 1e-6, 1e-9]
    /// Relative balance residual Σ|π_s·out(s) − in(s)| / Σ π_s·out(s) at which an iterative
    /// stationary-distribution solve (α-Rank's sparse Gauss–Seidel) stops.
    public static let stationaryResidual: Double = 1e-13
}
