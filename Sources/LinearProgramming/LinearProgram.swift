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

/// Where a variable sits in a simplex basis (GLPK's `GLP_BS`, `GLP_NL`, ...).
public enum LPBasisStatus: String, Sendable, Codable, Hashable {
    /// Basic: its value is determined by the basis system.
    case basic
    /// Non-basic at its lower bound.
    case atLower
    /// Non-basic at its upper bound.
    case atUpper
    /// Non-basic free variable (value 0).
    case free
    /// Non-basic fixed variable (lower = upper).
    case fixed
}

/// An optimal solution in exact rationals, recovered from an optimal basis and certified:
/// `values` is primal feasible, (`duals`, `reducedCosts`) is dual feasible, and both objectives
/// are equal, all checked in exact arithmetic. By weak duality the solution is then optimal.
public struct ExactLPSolution: Sendable, Hashable {
    /// Objective value c·x + constant.
    public let objectiveValue: Rational
    /// Variable values x (from a large basis' certificate: reduced to lowest terms on each
    /// access; bind it once).
    public var values: [Rational] { valuesStored ?? common!.values.rationals }
    /// Row duals y (GLPK's convention: the reduced cost of the row's auxiliary variable aᵣ·x);
    /// like ``values``, computed on each access for large bases.
    public var duals: [Rational] { dualsStored ?? common!.duals.rationals }
    private let valuesStored: [Rational]?
    private let dualsStored: [Rational]?
    /// The vectors as the certificate of a large basis computed them, over common denominators
    /// (nil for solutions built from fractions).
    private struct Common: Sendable {
        let values, duals, reducedCosts, rowActivities: CommonDenominatorVector
    }
    private let common: Common?
    private let reducedStored: [Rational]
    private let activitiesStored: [Rational]

    /// x over one common denominator (for clients that go on computing with x, such as minimax's
    /// strategies and their check: sums without a gcd per term).
    public var commonValues: CommonDenominatorVector { common?.values ?? CommonDenominatorVector(values) }
    /// y over one common denominator.
    public var commonDuals: CommonDenominatorVector { common?.duals ?? CommonDenominatorVector(duals) }
    /// Reduced costs d = c − Aᵀy of the variables.
    public var reducedCosts: [Rational] { common?.reducedCosts.rationals ?? reducedStored }
    /// Row activities aᵣ·x.
    public var rowActivities: [Rational] { common?.rowActivities.rationals ?? activitiesStored }

    /// Values, duals and reduced costs rounded to doubles (no reduction to lowest terms).
    public var doubleImages: (values: [Double], duals: [Double], reducedCosts: [Double]) {
        if let common {
            return (common.values.doubleValues, common.duals.doubleValues, common.reducedCosts.doubleValues)
        }
        return (values.map(\.doubleValue), duals.map(\.doubleValue), reducedStored.map(\.doubleValue))
    }

    public init(objectiveValue: Rational, values: [Rational], duals: [Rational], reducedCosts: [Rational],
                rowActivities: [Rational]) {
        self.objectiveValue = objectiveValue
        valuesStored = values
        dualsStored = duals
        common = nil
        reducedStored = reducedCosts
        activitiesStored = rowActivities
    }

    /// A solution whose vectors are over common denominators (the certificate of large bases):
    /// nothing is reduced to lowest terms until it is read (minimax, for one, never reads x and y
    /// as fractions: it derives its strategies from the common forms).
    public init(objectiveValue: Rational, values: CommonDenominatorVector, duals: CommonDenominatorVector,
                reducedCosts: CommonDenominatorVector, rowActivities: CommonDenominatorVector) {
        self.objectiveValue = objectiveValue
        valuesStored = nil
        dualsStored = nil
        common = Common(values: values, duals: duals, reducedCosts: reducedCosts, rowActivities: rowActivities)
        reducedStored = []
        activitiesStored = []
    }

    public static func == (a: ExactLPSolution, b: ExactLPSolution) -> Bool {
        a.objectiveValue == b.objectiveValue && a.values == b.values && a.duals == b.duals
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(objectiveValue)
        hasher.combine(values)
        hasher.combine(duals)
    }
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
    /// Simplex iterations GLPK reported (summed over every GLPK call the solve made).
    public let iterations: Int
    /// Reduced costs of the variables, in floating point (empty when not reported).
    public let reducedCosts: [Double]
    /// Basis status of each constraint row's auxiliary variable (empty when not reported).
    public let rowStatus: [LPBasisStatus]
    /// Basis status of each variable (empty when not reported).
    public let columnStatus: [LPBasisStatus]
    /// The certified exact optimum: present exactly when the solve was asked to be exact and the
    /// status is ``LPStatus/optimal``. An exact solve never returns an uncertified answer.
    public let exact: ExactLPSolution?
    /// True when the status itself was certified in exact arithmetic (every exact solve).
    public let isCertified: Bool
    /// Rounds of iterative refinement an exact solve needed before its basis certified (0 when
    /// the floating basis certified at once).
    public var refinementRounds = 0

    public init(status: LPStatus, objectiveValue: Double, values: [Double], duals: [Double], iterations: Int) {
        self.init(status: status, objectiveValue: objectiveValue, values: values, duals: duals,
                  iterations: iterations, reducedCosts: [], rowStatus: [], columnStatus: [], exact: nil,
                  isCertified: false)
    }

    public init(status: LPStatus, objectiveValue: Double, values: [Double], duals: [Double], iterations: Int,
                reducedCosts: [Double], rowStatus: [LPBasisStatus], columnStatus: [LPBasisStatus],
                exact: ExactLPSolution?, isCertified: Bool) {
        self.status = status
        self.objectiveValue = objectiveValue
        self.values = values
        self.duals = duals
        self.iterations = iterations
        self.reducedCosts = reducedCosts
        self.rowStatus = rowStatus
        self.columnStatus = columnStatus
        self.exact = exact
        self.isCertified = isCertified
    }
}

/// The LP solver itself failed (as opposed to the LP being infeasible or unbounded).
public enum LPError: Error, Equatable, CustomStringConvertible {
    /// The description is inconsistent (index out of range, inverted bounds, ...): caught before
    /// GLPK sees it, because GLPK aborts the process on such input.
    case invalidProgram(String)
    /// GLPK returned a non-zero code (singular basis, iteration limit, ...).
    case solverFailed(code: Int32, meaning: String)
    /// An exact solve could not certify its answer (the basis GLPK found, recomputed in
    /// rationals, was not optimal for the exact data, and the exact simplex did not repair it).
    case notCertified(String)
    /// ``GLPKSolver/timeLimit`` ran out before the LP was solved (no partial answer exists).
    case timeLimitReached

    public var description: String {
        switch self {
        case .invalidProgram(let why): return "invalid linear program: \(why)"
        case .solverFailed(let code, let meaning): return "GLPK failed (code \(code)): \(meaning)"
        case .notCertified(let why): return "exact LP answer could not be certified: \(why)"
        case .timeLimitReached: return "the time limit ran out before the linear program was solved"
        }
    }
}
