import BigInt
import ExactArithmetic
import StrategicGames

/// An approximate Nash equilibrium printed as exact fractions, with its exact maximum regret.
///
/// `maxRegret` is ``NormalFormGame/regret(_:)`` of `equilibrium.strategies`: the largest gain any
/// player could make by a pure deviation, computed in rational arithmetic from the very fractions
/// that are printed. Zero means an exact Nash equilibrium.
public struct CertifiedEquilibrium: Sendable, Hashable {
    /// The profile (exact probability vectors) and each player's exact expected payoff.
    public let equilibrium: Equilibrium
    /// The exact maximum regret of the profile (≥ 0).
    public let maxRegret: Rational
    /// True when the profile is an exact Nash equilibrium.
    public var isExact: Bool { maxRegret.isZero }
}

/// Turns floating-point equilibria into certified ones: rounds each probability to a fraction,
/// computes the exact regret of the result, and accepts it only when the regret is small
/// relative to the game's payoff range.
///
/// Rounding uses best rational approximations (``Rational/closestFraction(maxDenominator:)``)
/// with growing denominator bounds 1, 10, 10², ...: a rational equilibrium that the floating
/// point located accurately comes back with regret exactly 0, and an irrational one stops at the
/// first bound whose regret is at most `target · range`. Within each player's support the
/// largest probability is set to one minus the others, so every strategy sums to exactly 1.
///
/// The one exact regret computation is ``NormalFormGame/regret(_:)`` (the same function under
/// ``NormalFormGame/isNashEquilibrium(_:)``, which is the regret-zero case).
public struct RegretCertifier: Sendable {
    /// The game.
    public let game: NormalFormGame
    /// Largest minus smallest payoff over all players and profiles.
    public let payoffRange: Rational
    /// Regret to aim for: `Tolerance.certifiedRegret · range` by default.
    public let target: Rational
    /// Largest regret reported as an equilibrium: `Tolerance.reportableRegret · range`.
    public let ceiling: Rational

    /// Denominator bounds tried in turn.
    static let denominatorBounds: [BigInt] = [1, 10, 100, 1000, 10_000, 1_000_000, 100_000_000,
                                              10_000_000_000, 1_000_000_000_000, 100_000_000_000_000,
                                              BigInt(10).power(16), BigInt(10).power(18)]

    /// - Complexity: O(N·P) to find the payoff range, for N players and P pure profiles.
    public init(game: NormalFormGame, target: Rational = Tolerance.certifiedRegret) {
        self.game = game
        self.payoffRange = game.payoffRange
        self.target = target * payoffRange
        self.ceiling = max(target, Tolerance.reportableRegret) * payoffRange
    }

    /// The certified version of a floating-point profile (one probability vector per player;
    /// entries ≤ 0 count as outside the support), or nil when no rounding has regret within
    /// the ceiling.
    /// - Complexity: up to 12 exact regret computations, each O(N·P) rational operations on
    ///   fractions whose denominators grow with the bound.
    public func certify<T: BinaryFloatingPoint>(_ profile: [[T]]) -> CertifiedEquilibrium? {
        guard profile.count == game.playerCount,
              zip(profile, game.strategyCounts).allSatisfy({ $0.count == $1 }),
              profile.allSatisfy({ $0.allSatisfy(\.isFinite) && $0.contains { $0 > 0 } }) else { return nil }
        let exact: [[Rational]] = profile.map { row in row.map { Self.exactValue($0) } }
        var best: CertifiedEquilibrium?
        for bound in Self.denominatorBounds {
            guard let rounded = Self.round(exact, maxDenominator: bound) else { continue }
            let regret = game.regret(rounded)
            if best == nil || regret < best!.maxRegret {
                best = CertifiedEquilibrium(equilibrium: Equilibrium(strategies: rounded, payoffs: game.expectedPayoffs(rounded)),
                                            maxRegret: regret)
            }
            if regret <= target { break }
        }
        guard let b = best, b.maxRegret <= ceiling else { return nil }
        return b
    }

    /// Certifies an exact profile as it is (regret computed, no rounding); nil when it is not a
    /// profile of probability vectors or its regret exceeds the ceiling.
    public func certify(exact profile: MixedProfile) -> CertifiedEquilibrium? {
        guard profile.count == game.playerCount,
              zip(profile, game.strategyCounts).allSatisfy({ $0.probabilities.count == $1 && $0.isProbabilityVector }) else { return nil }
        let regret = game.regret(profile)
        guard regret <= ceiling else { return nil }
        return CertifiedEquilibrium(equilibrium: Equilibrium(strategies: profile, payoffs: game.expectedPayoffs(profile)), maxRegret: regret)
    }

    /// Each positive entry rounded to the closest fraction with denominator ≤ `maxDenominator`,
    /// entries ≤ 0 set to 0, and the largest entry replaced by one minus the others; nil when a
    /// positive entry would become zero or negative (the rounding keeps the support).
    static func round(_ profile: [[Rational]], maxDenominator: BigInt) -> MixedProfile? {
        var out = MixedProfile()
        for row in profile {
            var p = row.map { $0.signum > 0 ? $0.closestFraction(maxDenominator: maxDenominator) : .zero }
            guard let top = p.indices.max(by: { row[$0] < row[$1] }) else { return nil }
            var rest = Rational.zero
            for (k, v) in p.enumerated() where k != top {
                // The support is part of what is certified: a positive probability must stay positive.
                guard v.signum > 0 || row[k].signum <= 0 else { return nil }
                rest += v
            }
            p[top] = .one - rest
            guard p[top].signum > 0 else { return nil }
            out.append(MixedStrategy(unchecked: p))
        }
        return out
    }

    /// The exact value of a floating-point number (Float80 where the platform has it).
    static func exactValue<T: BinaryFloatingPoint>(_ x: T) -> Rational {
        #if arch(x86_64) || arch(i386)
        if let v = x as? Float80 { return Rational(exactlyExtended: v) ?? .zero }
        #endif
        return Rational(exactly: Double(x)) ?? .zero
    }
}

extension NormalFormGame {
    /// The largest payoff minus the smallest, over all players and profiles (0 for a game whose
    /// payoffs are all equal).
    /// - Complexity: O(N·P).
    public var payoffRange: Rational {
        var lo: Rational?, hi: Rational?
        for list in payoffs {
            for v in list {
                if lo == nil || v < lo! { lo = v }
                if hi == nil || v > hi! { hi = v }
            }
        }
        guard let l = lo, let h = hi else { return .zero }
        return h - l
    }
}
