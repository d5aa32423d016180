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
    /// Relative balance residual Σ|π_s·out(s) − in(s)| / Σ π_s·out(s) at which an iterative
    /// stationary-distribution solve (α-Rank's sparse Gauss–Seidel) stops.
    public static let stationaryResidual: Double = 1e-13
}
