import CoalitionGames
import ExactArithmetic

/// Whether an allocation lies in the core, with the most violated coalition.
///
/// The excess e(S, x) is v(S) − x(S) for a profit game and x(S) − c(S) for a cost game (what S
/// pays above its stand-alone cost); either way a positive excess means S blocks x.
public struct CoreMembership: Sendable {
    /// x(N) = v(N).
    public let efficient: Bool
    /// Efficient and e(S, x) ≤ 0 for every coalition.
    public let inCore: Bool
    /// The coalition (bitmask) with the largest excess over S ∉ {∅, N}.
    public let mostViolated: Int
    /// Its excess (positive when the coalition blocks x).
    public let maxExcess: Rational
}

/// The least core: ε* = min over preimputations of max_{S ∉ {∅,N}} e(S, x), and a point in it.
/// For a cost game c the excess is x(S) − c(S), so the least core is
/// {x : x(N) = c(N), x(S) ≤ c(S) + ε*}: the negated least core of −c, with the same ε*.
public struct LeastCore: Sendable {
    /// ε*, exactly. The core is non-empty iff ε* ≤ 0.
    public let value: Rational
    /// A least-core point: the prenucleolus (which lies in the least core), exact.
    public let point: [Rational]
    /// ε* ≤ 0.
    public var coreNonEmpty: Bool { value.signum <= 0 }
    /// The point's max excess equals ε* exactly and the prenucleolus was verified by Kohlberg's
    /// criterion (which proves ε* minimal). Always true: ``TUGame/leastCore()`` throws
    /// ``CoreSolutionError/notVerified(_:)`` rather than return an unverified answer.
    public let verified: Bool
}

extension TUGame {
    /// Core membership of `x`, exactly: x(N) = v(N) and v(S) − x(S) ≤ 0 for a profit game;
    /// x(N) = c(N) and x(S) − c(S) ≤ 0 for a cost game (computed as −x in the core of −c).
    /// - Throws: ``CoreSolutionError/wrongAllocationSize(expected:found:)``.
    /// - Complexity: O(2^n) scaled-integer operations.
    public func coreMembership(_ x: [Rational]) throws -> CoreMembership {
        guard x.count == playerCount else { throw CoreSolutionError.wrongAllocationSize(expected: playerCount, found: x.count) }
        if isCostGame { return try profitForm.coreMembership(x.map { -$0 }) }
        let efficient = x.reduce(.zero, +) == value(grandCoalition)
        var best = 1, bestValue: Rational
        if playerCount == 1 { return CoreMembership(efficient: efficient, inCore: efficient, mostViolated: 0, maxExcess: .zero) }
        if let ex = ExactExcess(self, x) {
            var b = Int128.min
            for s in 1..<grandCoalition { let e = ex.scaledExcess(s); if e > b { b = e; best = s } }
            bestValue = ex.excess(best)
        } else {
            bestValue = value(1) - x[0]
            for s in 1..<grandCoalition {
                let e = value(s) - TUGame.sum(x, over: s)
                if e > bestValue { bestValue = e; best = s }
            }
        }
        return CoreMembership(efficient: efficient, inCore: efficient && bestValue.signum <= 0, mostViolated: best, maxExcess: bestValue)
    }

    /// The least-core value and a least-core point (the prenucleolus), exact. For a cost game c
    /// both come from −c: the same ε*, the point negated.
    /// - Throws: ``CoreSolutionError`` when the prenucleolus fails, or
    ///   ``CoreSolutionError/notVerified(_:)`` when ε* is not proved (never an unverified answer).
    public func leastCore() throws -> LeastCore {
        if isCostGame {
            let lc = try profitForm.leastCore()
            return LeastCore(value: lc.value, point: lc.point.map { -$0 }, verified: lc.verified)
        }
        let pre = try SequentialNucleolus.prenucleolus(self)
        let m = try coreMembership(pre.allocation)
        let value = playerCount == 1 ? Rational.zero : m.maxExcess
        let first = pre.levels.first ?? value
        guard pre.verified && first == value else {
            throw CoreSolutionError.notVerified("the prenucleolus's largest excess \(value) differs from the first level \(first)")
        }
        return LeastCore(value: value, point: pre.allocation, verified: true)
    }
}
