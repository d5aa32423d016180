import Testing
@testable import Equilibria
import GameSolve
import BigInt

@Suite struct RationalApproximationTests {
    @Test func bestApproximationsOfPi() {
        let pi = Rational(exactly: Double.pi)!
        #expect(pi.closestFraction(maxDenominator: 1) == Rational(3))
        #expect(pi.closestFraction(maxDenominator: 7) == Rational(22, 7))
        #expect(pi.closestFraction(maxDenominator: 113) == Rational(355, 113))
        #expect(pi.closestFraction(maxDenominator: 1000) == Rational(355, 113))
        #expect((-pi).closestFraction(maxDenominator: 7) == Rational(-22, 7))
    }

    @Test func semiconvergentBeatsConvergent() {
        // 0.4375 = 7/16 = [0; 2, 3, 2]; with denominators ≤ 5, 2/5 (a semiconvergent) is closer than 1/2? |7/16−2/5| = 3/80 < |7/16−1/2| = 1/16.
        #expect(Rational(7, 16).closestFraction(maxDenominator: 5) == Rational(2, 5))
    }

    @Test func fractionsWithinTheBoundComeBackExactly() {
        var rng = SplitMix64(seed: 12)
        for _ in 0..<200 {
            let q = rng.uniform(1...1000), p = rng.uniform(-2000...2000)
            let r = Rational(p, q)
            #expect(r.closestFraction(maxDenominator: 1000) == r)
            // From its nearest double too: the double is within 2^-53 of r, far closer than 1/(2·1000²).
            #expect(Rational(exactly: r.doubleValue)!.closestFraction(maxDenominator: 1000) == r)
        }
    }

    #if arch(x86_64) || arch(i386)
    @Test func extendedPrecisionValuesAreExact() {
        let x: Float80 = 1 / 3
        let r = Rational(exactlyExtended: x)!
        #expect(r.denominator == BigInt(1) << 65)
        #expect((r - Rational(1, 3)).magnitude < Rational(1, 1 << 60))
        #expect(Rational(exactlyExtended: Float80(-2.5)) == Rational(-5, 2))
        #expect(Rational(exactlyExtended: Float80.nan) == nil)
    }
    #endif
}

@Suite struct RegretCertificateTests {
    /// Three-player matching pennies (Jordan 1993): player 1 wants to match player 2, player 2
    /// to match player 3, player 3 to mismatch player 1. No pure equilibrium; the unique
    /// equilibrium is everyone mixing 1/2–1/2.
    static let pennies: NormalFormGame = {
        var payoffs = [[Rational]](repeating: [], count: 3)
        for k in 0..<8 {
            let a = k % 2, b = (k / 2) % 2, c = k / 4
            payoffs[0].append(a == b ? 1 : -1)
            payoffs[1].append(b == c ? 1 : -1)
            payoffs[2].append(c != a ? 1 : -1)
        }
        return try! NormalFormGame(players: NormalFormGame.defaultPlayers(strategyCounts: [2, 2, 2]), payoffs: payoffs)
    }()

    @Test func exactProfilesHaveZeroRegret() {
        let certifier = RegretCertifier(game: Self.pennies)
        let half = MixedStrategy.uniform(2)
        let c = certifier.certify(exact: [half, half, half])
        #expect(c?.isExact == true)
        #expect(c?.equilibrium.payoffs == [0, 0, 0])
        // A pure profile is not an equilibrium: regret 2 = the whole range, far above the ceiling.
        #expect(Self.pennies.regret([.pure(0, of: 2), .pure(0, of: 2), .pure(0, of: 2)]) == 2)
        #expect(certifier.certify(exact: [.pure(0, of: 2), .pure(0, of: 2), .pure(0, of: 2)]) == nil)
    }

    @Test func floatingProfilesRoundToTheRationalEquilibrium() {
        let certifier = RegretCertifier(game: Self.pennies)
        let c = certifier.certify([[0.5000000000001, 0.4999999999999], [0.5, 0.5], [0.49999999999, 0.50000000001]])
        #expect(c?.isExact == true)
        #expect(c?.equilibrium.strategies == [MixedStrategy.uniform(2), .uniform(2), .uniform(2)])
        // Far from the equilibrium: nothing to report.
        #expect(certifier.certify([[0.6, 0.4], [0.5, 0.5], [0.5, 0.5]]) == nil)
    }

    @Test func roundingKeepsTheSupportAndSumsToOne() {
        let exact: [[Rational]] = [[Rational(1, 1_000_000), Rational(999_999, 1_000_000)], [.one, .zero]]
        // Denominator 10 would round 1e-6 to 0, leaving the support: refused.
        #expect(RegretCertifier.round(exact, maxDenominator: 10) == nil)
        let r = RegretCertifier.round(exact, maxDenominator: 10_000_000)!
        #expect(r.allSatisfy { $0.isProbabilityVector })
        #expect(r[0].probabilities[0] == Rational(1, 1_000_000))
    }

    @Test func reportedRegretIsTheExactRegretOfThePrintedFractions() throws {
        let game = try Fixtures.game("catalog_journals_ijgt_nau2004_sec4.nfg")
        let result = try NPlayerSupportEnumeration().solve(game)
        #expect(result.equilibria.count == 1)   // unique, irrational (Nau et al. 2004, §4)
        let eq = try #require(result.equilibria.first)
        let regret = try #require(result.maxRegrets?.first)
        #expect(game.regret(eq.strategies) == regret)
        #expect(regret > .zero)   // irrational: the fractions cannot be exact
        #expect(regret <= Tolerance.certifiedRegret * game.payoffRange)
        #expect(eq.strategies.allSatisfy { $0.isProbabilityVector })
    }
}
