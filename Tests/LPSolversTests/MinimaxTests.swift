import Testing
import GameSolve

@Suite struct MinimaxTests {
    struct Fixture: Sendable, CustomTestStringConvertible {
        let name: String
        let a: [[Rational]]
        let value: Rational
        let row: [Rational]?
        let column: [Rational]?
        var testDescription: String { name }
    }

    static let fixtures: [Fixture] = [
        Fixture(name: "matching pennies", a: [[1, -1], [-1, 1]], value: 0,
                row: [Rational(1, 2), Rational(1, 2)], column: [Rational(1, 2), Rational(1, 2)]),
        Fixture(name: "rock-paper-scissors", a: [[0, -1, 1], [1, 0, -1], [-1, 1, 0]], value: 0,
                row: Array(repeating: Rational(1, 3), count: 3), column: Array(repeating: Rational(1, 3), count: 3)),
        Fixture(name: "[[3,-1],[-2,1]]", a: [[3, -1], [-2, 1]], value: Rational(1, 7),
                row: [Rational(3, 7), Rational(4, 7)], column: [Rational(2, 7), Rational(5, 7)]),
        // A saddle point: row 1 / column 0 (value 2).
        Fixture(name: "saddle point", a: [[1, 5], [2, 3]], value: 2, row: [0, 1], column: [1, 0]),
        // 2 x 3 with a dominated third column; value 1/2.
        Fixture(name: "2x3", a: [[2, -1, 5], [-1, 2, 6]], value: Rational(1, 2),
                row: [Rational(1, 2), Rational(1, 2)], column: [Rational(1, 2), Rational(1, 2), 0]),
        Fixture(name: "1x3", a: [[4, Rational(7, 3), 9]], value: Rational(7, 3), row: [1], column: [0, 1, 0]),
    ]

    /// `--lp floating`: GLPK's doubles with their exact duality gap; the gap of exact optimal
    /// strategies is 0 and that of pure strategies in matching pennies is 2.
    @Test(arguments: fixtures)
    func floatingAnswersCarryTheirExactGap(f: Fixture) throws {
        let game = try BimatrixGame(zeroSum: f.a)
        let s = try game.floatingMinimax()
        #expect(s.status == .optimal)
        #expect(abs(s.value - f.value.doubleValue) < 1e-9)
        let gap = try #require(s.gap)
        #expect(gap >= 0 && gap < Rational(1, 1_000_000))
        if let row = f.row, let column = f.column, (row + column).allSatisfy({ Rational(exactly: $0.doubleValue) == $0 }) {
            #expect(game.dualityGap(x: row.map(\.doubleValue), y: column.map(\.doubleValue)) == 0)
        }
    }

    @Test func dualityGapOfPureStrategiesInMatchingPennies() throws {
        let game = try BimatrixGame(zeroSum: [[1, -1], [-1, 1]])
        #expect(game.dualityGap(x: [1, 0], y: [1, 0]) == 2)
        #expect(game.dualityGap(x: [0.5, 0.5], y: [0.5, 0.5]) == 0)
        // Unnormalised weights are normalised: (2, 2) is the uniform strategy.
        #expect(game.dualityGap(x: [2, 2], y: [3, 3]) == 0)
        #expect(game.dualityGap(x: [0, 0], y: [1, 0]) == nil)
        #expect(game.dualityGap(x: [-1, 2], y: [1, 0]) == nil)
    }

    /// Large dense games take the common-denominator certificate and check: the answer is the
    /// same as the definition says (checked again here by `isMinimaxSolution`, over fractions).
    @Test func largeGameIsCertifiedOverCommonDenominators() throws {
        var rng = SplitMix64(seed: 7)
        let a = (0..<40).map { _ in (0..<40).map { _ in Rational(Int(rng.next() % 100)) } }
        let game = try BimatrixGame(zeroSum: a)
        let s = try game.minimax()
        #expect(game.isMinimaxSolution(row: s.strategies[0].probabilities, column: s.strategies[1].probabilities, value: s.value))
        let floating = try game.floatingMinimax()
        #expect(abs(floating.value - s.value.doubleValue) < 1e-9)
        #expect(try #require(floating.gap) < Rational(1, 1_000_000))
    }

    @Test(arguments: fixtures)
    func knownGames(f: Fixture) throws {
        let game = try BimatrixGame(zeroSum: f.a)
        for start in GLPKSolver.ExactStart.allCases {
            let s = try game.minimax(start: start)
            #expect(s.value == f.value, "\(start)")
            if let row = f.row { #expect(s.strategies[0].probabilities == row, "\(start)") }
            if let column = f.column { #expect(s.strategies[1].probabilities == column, "\(start)") }
            #expect(game.isMinimaxSolution(row: s.strategies[0].probabilities, column: s.strategies[1].probabilities, value: s.value))
            #expect(s.constantSum == 0 && s.status == .optimal)
        }
    }

    @Test func constantSumIsDetected() throws {
        // A + B = 10 everywhere: matching pennies shifted by 5.
        let game = try BimatrixGame(rowPayoffs: [[6, 4], [4, 6]], columnPayoffs: [[4, 6], [6, 4]])
        let s = try game.minimax()
        #expect(s.constantSum == 10 && s.value == 5)
        #expect(s.strategies[0].probabilities == [Rational(1, 2), Rational(1, 2)])
    }

    @Test func nonConstantSumIsRejectedWithAPointer() throws {
        let game = try BimatrixGame(rowPayoffs: [[3, 0], [0, 2]], columnPayoffs: [[2, 0], [0, 3]])
        #expect(throws: MinimaxError.notConstantSum) { try game.minimax() }
        #expect(MinimaxError.notConstantSum.description.contains("NormalFormGame.equilibria(using:)"))
        let three = try NormalFormGame(players: NormalFormGame.defaultPlayers(strategyCounts: [1, 1, 1]), payoffs: [[0], [0], [0]])
        #expect(throws: MinimaxError.notTwoPlayer(players: 3)) { try three.minimax() }
    }

    /// Seeded random zero-sum games of many shapes, with fractional payoffs: the value and both
    /// strategies are checked exactly against the definition, and against the floating solve.
    @Test func randomZeroSumGames() throws {
        for seed in UInt64(100)..<130 {
            var rng = SplitMix64(seed: seed)
            let m = rng.uniform(1...9), n = rng.uniform(1...9)
            let a = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(-20...20), rng.uniform(1...6)) } }
            let game = try BimatrixGame(zeroSum: a)
            let s = try game.minimax()
            let x = s.strategies[0].probabilities, y = s.strategies[1].probabilities
            // The definition, written out here independently of the library's checker.
            #expect(x.allSatisfy { $0 >= 0 } && x.reduce(0, +) == 1, "seed \(seed)")
            #expect(y.allSatisfy { $0 >= 0 } && y.reduce(0, +) == 1, "seed \(seed)")
            for j in 0..<n {
                let guaranteed = (0..<m).reduce(Rational.zero) { $0 + x[$1] * a[$1][j] }
                #expect(guaranteed >= s.value, "seed \(seed) column \(j)")
            }
            for i in 0..<m {
                let conceded = (0..<n).reduce(Rational.zero) { $0 + y[$1] * a[i][$1] }
                #expect(conceded <= s.value, "seed \(seed) row \(i)")
            }
            // A minimax pair is a Nash equilibrium of the zero-sum game.
            #expect(game.isNashEquilibrium(row: x, column: y), "seed \(seed)")
            let f = try game.floatingMinimax(simplex: .dual)
            #expect(abs(f.value - s.value.doubleValue) < 1e-7, "seed \(seed)")
        }
    }
}
