import BigInt
import GameSolve
import Testing

/// A game found by the CLI property tests (Tests/CLITests/CommandSafetyPropertyTests.swift):
/// payoffs of magnitude 10^30, beyond Int but within Int128, where Lemke–Howson printed a
/// "certified" profile that is not an equilibrium.
@Suite struct HugePayoffRegressionTests {
    static let e30 = Rational(BigInt(10).power(30))
    static let game = try! BimatrixGame(
        rowPayoffs: [[1, -3, 3], [-1, 2, 0], [3, 3, -1]].map { $0.map { Rational($0) * e30 } },
        columnPayoffs: [[-2, 3, -3], [0, -1, -3], [2, 2, 2]].map { $0.map { Rational($0) * e30 } })

    @Test func lemkeHowsonPrintsOnlyEquilibria() throws {
        let result = try LemkeHowson(label: nil).solve(Self.game)
        #expect(!result.equilibria.isEmpty)
        for eq in result.equilibria {
            let x = eq.strategies[0].probabilities, y = eq.strategies[1].probabilities
            #expect(Self.game.isNashEquilibrium(row: x, column: y), "\(x) \(y)")
        }
    }

    /// The bordered indifference system of rows {1, 2} on columns {1, 2}: y = (1/2, 1/2), u = 10^30.
    @Test func fractionFreeSolveOnHugeEntries() throws {
        let e = BigInt(10).power(30)
        let m: [[BigInt]] = [[2 * e, 0, -1], [3 * e, -e, -1], [1, 1, 0]]
        let rhs: [BigInt] = [0, 0, 1]
        let s = try #require(FractionFreeSolve.solve(size: 3, entry: { m[$0][$1] }, rhs: { rhs[$0] }))
        let x = s.numerators.map { Rational($0, s.denominator) }
        #expect(x == [Rational(1, 2), Rational(1, 2), Self.e30])
    }
}

/// ``BigInt/exactInt128`` against values built without it.
@Suite struct ExactInt128Tests {
    @Test func roundTripsAndRefuses() {
        let cases: [Int128] = [0, 1, -1, Int128(Int.max) + 1, Int128(Int.min) - 1, Int128.max, Int128.min,
                               -1_000_000_000_000_000_000_000_000_000_000, 3_000_000_000_000_000_000_000_000_000_000]
        for v in cases {
            #expect(BigInt.fromInt128(v).exactInt128 == v, "\(v)")
        }
        #expect((BigInt.fromInt128(.max) + 1).exactInt128 == nil)
        #expect((BigInt.fromInt128(.min) - 1).exactInt128 == nil)
        #expect((BigInt(1) << 200).exactInt128 == nil)
    }
}

/// FuzzCSV: a fraction of a huge and a small decimal was reduced with BigInt's binary gcd, whose
/// time grows with the bits of the larger number times its words: "1e9444/144e4" (12 bytes) took
/// 0.2 s, a file of such cells minutes. Reduced with one Euclidean step first, it is immediate.
@Suite struct HugeFractionRegressionTests {
    @Test func hugeOverSmallReducesQuickly() throws {
        // Timed against the same huge number without the fraction (which costs the same power of
        // ten but no reduction), so that the bound holds in debug builds on a loaded machine:
        // before the fix the fraction took 9 times as long.
        let clock = ContinuousClock()
        func parse(_ cell: String) throws -> (NormalFormGame, Duration) {
            let start = clock.now
            let game = try GameFile.parse(Array((cell + "," + cell + "\n").utf8), format: .csv, fileName: "found.csv")
            return (game, clock.now - start)
        }
        // Exponents are now limited to ±999 (Rational.maximumDecimalExponent); 10^999 still has
        // 3,319 bits, enough for the binary gcd's cost to show.
        let (_, plain) = try parse("1e999")
        let (game, fraction) = try parse("1e999/144e4")
        #expect(fraction < plain * 3 + .milliseconds(50), "\(fraction) against \(plain)")
        let expected = Rational(BigInt(10).power(999), BigInt(1_440_000))
        #expect(game.payoffs[0] == [expected, expected])
        #expect(expected.denominator == 9)
        #expect(expected * Rational(144) == Rational(BigInt(10).power(995)))
    }

    /// The reduction is the same whichever of numerator and denominator is larger, and signs
    /// end on the numerator.
    @Test func reductionIsCanonical() {
        let big = BigInt(10).power(40) * 21
        #expect(Rational(big, BigInt(-14)) == Rational(BigInt(10).power(40) * -3, BigInt(2)))
        #expect(Rational(BigInt(-14), big) == Rational(BigInt(-2), BigInt(10).power(40) * 3))
        #expect(Rational(BigInt(0), BigInt(-5)) == .zero)
        #expect(Rational(big, big) == .one)
    }
}
