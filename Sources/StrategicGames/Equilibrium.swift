import ExactArithmetic

/// A Nash equilibrium found by a solver: one mixed strategy per player and the resulting
/// expected payoffs. Solvers in GameSolve only return equilibria they have checked exactly
/// with ``NormalFormGame/isNashEquilibrium(_:)`` (or its bimatrix counterpart).
public struct Equilibrium: Sendable, Hashable, Codable {
    /// One mixed strategy per player.
    public let strategies: MixedProfile
    /// Each player's expected payoff.
    public let payoffs: [Rational]

    public init(strategies: MixedProfile, payoffs: [Rational]) {
        self.strategies = strategies
        self.payoffs = payoffs
    }
}

extension NormalFormGame {
    /// Returns the profile as a verified ``Equilibrium``, or nil when it is not one (exact check).
    public func verifiedEquilibrium(_ profile: MixedProfile) -> Equilibrium? {
        guard isNashEquilibrium(profile) else { return nil }
        return Equilibrium(strategies: profile, payoffs: expectedPayoffs(profile))
    }
}

extension BimatrixGame {
    /// True when (x, y) is a Nash equilibrium, exactly: x and y are probability vectors, every
    /// pure strategy in x's support is a best response to y, and vice versa.
    /// - Complexity: O(m·n).
    public func isNashEquilibrium(row x: [Rational], column y: [Rational]) -> Bool {
        guard x.count == rowCount, y.count == columnCount,
              MixedStrategy(unchecked: x).isProbabilityVector, MixedStrategy(unchecked: y).isProbabilityVector else { return false }
        let ay = rowPayoffs(against: y)
        let bx = columnPayoffs(against: x)
        let bestRow = ay.max()!, bestColumn = bx.max()!
        for i in 0..<rowCount where !x[i].isZero && ay[i] != bestRow { return false }
        for j in 0..<columnCount where !y[j].isZero && bx[j] != bestColumn { return false }
        return true
    }

    /// Returns (x, y) as a verified ``Equilibrium``, or nil when it is not one.
    public func verifiedEquilibrium(row x: [Rational], column y: [Rational]) -> Equilibrium? {
        guard isNashEquilibrium(row: x, column: y) else { return nil }
        let ay = rowPayoffs(against: y)
        let bx = columnPayoffs(against: x)
        var u = Rational.zero, v = Rational.zero
        for i in 0..<rowCount where !x[i].isZero { u += x[i] * ay[i] }
        for j in 0..<columnCount where !y[j].isZero { v += y[j] * bx[j] }
        return Equilibrium(strategies: [MixedStrategy(unchecked: x), MixedStrategy(unchecked: y)], payoffs: [u, v])
    }
}
