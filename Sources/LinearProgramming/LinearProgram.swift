import ExactArithmetic

/// A linear program described in plain Swift values, 0-based, with exact rational data:
///
///     optimize  c·x   subject to   lᵣ ≤ aᵣ·x ≤ uᵣ (each row r),   lⱼ ≤ xⱼ ≤ uⱼ (each column j)
///
/// Only ``GLPKSolver`` turns it into GLPK calls; the description itself never touches GLPK.
public struct LinearProgram: Sendable {
    /// Minimise or maximise.
    public enum Direction: Sendable { case minimize, maximize }

    /// A bound on a row or a variable.
    public enum Bound: Sendable, Hashable {
        /// −∞ < value < ∞.
        case free
        /// value ≥ lower.
        case atLeast(Rational)
        /// value ≤ upper.
        case atMost(Rational)
        /// lower ≤ value ≤ upper (lower ≤ upper).
        case between(Rational, Rational)
        /// value = fixed.
        case equal(Rational)
    }

    /// One constraint row: a sparse linear form and its bound.
    public struct Constraint: Sendable {
        /// (variable index, coefficient) pairs; indices distinct.
        public var terms: [(index: Int, coefficient: Rational)]
        public var bound: Bound
        public init(terms: [(index: Int, coefficient: Rational)], bound: Bound) {
            self.terms = terms
            self.bound = bound
        }
        /// A dense row (zeros skipped).
        public init(dense: [Rational], bound: Bound) {
            self.terms = dense.enumerated().compactMap { $0.element.isZero ? nil : ($0.offset, $0.element) }
            self.bound = bound
        }
    }

    public var direction: Direction
    /// Objective coefficients, one per variable.
    public var objective: [Rational]
    /// A constant added to the objective.
    public var objectiveConstant: Rational
    /// Bounds of the variables, one per variable.
    public var variableBounds: [Bound]
    /// The constraint rows.
    public var constraints: [Constraint]

    /// Number of variables.
    public var variableCount: Int { objective.count }

    /// A program with `variableCount` variables, all ≥ 0 by default.
    public init(direction: Direction, objective: [Rational], objectiveConstant: Rational = .zero,
                variableBounds: [Bound]? = nil, constraints: [Constraint] = []) {
        self.direction = direction
        self.objective = objective
        self.objectiveConstant = objectiveConstant
        self.variableBounds = variableBounds ?? Array(repeating: .atLeast(.zero), count: objective.count)
        self.constraints = constraints
    }

    /// Appends a constraint.
    public mutating func add(_ terms: [(index: Int, coefficient: Rational)], _ bound: Bound) {
        constraints.append(Constraint(terms: terms, bound: bound))
    }
}

/// What an LP solve found. "Solver failed" is not a status: it is a thrown ``LPError``.
public enum LPStatus: String, Sendable, Codable {
    case optimal
    case infeasible
    case unbounded
}

/// A solution of a ``LinearProgram``.
public struct LPSolution: Sendable {
    public let status: LPStatus
    /// Objective value (including the constant), in floating point.
    public let objectiveValue: Double
    /// Variable values, in floating point.
    public let values: [Double]
    /// Row duals (shadow prices), one per constraint, in floating point.
    public let duals: [Double]
    /// Simplex iterations GLPK reported.
    public let iterations: Int

    public init(status: LPStatus, objectiveValue: Double, values: [Double], duals: [Double], iterations: Int) {
        self.status = status
        self.objectiveValue = objectiveValue
        self.values = values
        self.duals = duals
        self.iterations = iterations
    }
}

/// The LP solver itself failed (as opposed to the LP being infeasible or unbounded).
public enum LPError: Error, Equatable, CustomStringConvertible {
    /// The description is inconsistent (index out of range, inverted bounds, ...): caught before
    /// GLPK sees it, because GLPK aborts the process on such input.
    case invalidProgram(String)
    /// GLPK returned a non-zero code (singular basis, iteration limit, ...).
    case solverFailed(code: Int32, meaning: String)

    public var description: String {
        switch self {
        case .invalidProgram(let why): return "invalid linear program: \(why)"
        case .solverFailed(let code, let meaning): return "GLPK failed (code \(code)): \(meaning)"
        }
    }
}
