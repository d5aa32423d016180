import Testing
import GameSolve

/// Classic 2x2 and 3x3 games with their complete, published sets of equilibria.
struct ClassicGame: Sendable, CustomStringConvertible {
    let name: String
    let a: [[Rational]]
    let b: [[Rational]]
    /// Every equilibrium as (x, y).
    let equilibria: [([Rational], [Rational])]
    var description: String { name }

    var game: BimatrixGame { try! BimatrixGame(rowPayoffs: a, columnPayoffs: b) }
    var expected: Set<[[Rational]]> { Set(equilibria.map { [$0.0, $0.1] }) }

    static let all: [ClassicGame] = [
        ClassicGame(name: "prisoner's dilemma", a: [[3, 0], [5, 1]], b: [[3, 5], [0, 1]],
                    equilibria: [([0, 1], [0, 1])]),
        ClassicGame(name: "battle of the sexes", a: [[2, 0], [0, 1]], b: [[1, 0], [0, 2]],
                    equilibria: [([1, 0], [1, 0]), ([0, 1], [0, 1]),
                                 ([Rational(2, 3), Rational(1, 3)], [Rational(1, 3), Rational(2, 3)])]),
        ClassicGame(name: "matching pennies", a: [[1, -1], [-1, 1]], b: [[-1, 1], [1, -1]],
                    equilibria: [([Rational(1, 2), Rational(1, 2)], [Rational(1, 2), Rational(1, 2)])]),
        ClassicGame(name: "rock-paper-scissors", a: [[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
                    b: [[0, 1, -1], [-1, 0, 1], [1, -1, 0]],
                    equilibria: [([Rational(1, 3), Rational(1, 3), Rational(1, 3)], [Rational(1, 3), Rational(1, 3), Rational(1, 3)])]),
        ClassicGame(name: "stag hunt", a: [[4, 0], [3, 2]], b: [[4, 3], [0, 2]],
                    equilibria: [([1, 0], [1, 0]), ([0, 1], [0, 1]),
                                 ([Rational(2, 3), Rational(1, 3)], [Rational(2, 3), Rational(1, 3)])]),
        ClassicGame(name: "chicken", a: [[0, -1], [1, -10]], b: [[0, 1], [-1, -10]],
                    equilibria: [([1, 0], [0, 1]), ([0, 1], [1, 0]),
                                 ([Rational(9, 10), Rational(1, 10)], [Rational(9, 10), Rational(1, 10)])]),
    ]
}

func profile(_ eq: Equilibrium) -> [[Rational]] { eq.strategies.map(\.probabilities) }

@Suite struct ClassicGamesTests {
    @Test(arguments: ClassicGame.all)
    func supportEnumerationFindsExactlyThePublishedEquilibria(_ c: ClassicGame) async {
        let result = await SupportEnumeration().solve(c.game, limits: SolverLimits(jobs: 2))
        #expect(Set(result.equilibria.map(profile)) == c.expected)
        #expect(result.equilibria.count == c.equilibria.count)
        #expect(result.stopReason == .completed)
        for eq in result.equilibria {
            #expect(c.game.isNashEquilibrium(row: eq.strategies[0].probabilities, column: eq.strategies[1].probabilities))
        }
    }

    @Test(arguments: ClassicGame.all)
    func allSupportPairsAgreeOnNondegenerateGames(_ c: ClassicGame) {
        let result = SupportEnumeration(equalSizeOnly: false).solveSynchronously(c.game, limits: SolverLimits(jobs: 1))
        #expect(Set(result.equilibria.map(profile)) == c.expected)
    }

    @Test(arguments: ClassicGame.all, [LemkeHowson.Arithmetic.exact, .double])
    func lemkeHowsonEndpointsArePublishedEquilibria(_ c: ClassicGame, arithmetic: LemkeHowson.Arithmetic) throws {
        let result = try LemkeHowson.allLabels(arithmetic: arithmetic).solve(c.game)
        #expect(!result.equilibria.isEmpty)
        #expect(Set(result.equilibria.map(profile)).isSubset(of: c.expected))
        // Every label reached one of the endpoints.
        let labels = result.details!.flatMap { $0.labels! }
        #expect(labels.count == c.game.rowCount + c.game.columnCount)
        #expect(result.counters["pivots"]! > 0)
    }

    @Test func battleOfTheSexesLabelsReachKnownEndpoints() throws {
        // Dropping row 0 from the artificial equilibrium: x_0 enters, column 0 is the best
        // response, and row 0 is the best response to column 0 — the path ends at ((1,0),(1,0)).
        let bos = ClassicGame.all[1]
        let path = try LemkeHowson(label: .row(0)).path(bos.game, label: .row(0))
        #expect(path.equilibrium.map(profile) == [[1, 0], [1, 0]])
        #expect(path.pivots == 2)
    }

    @Test func labelOutOfRangeThrows() {
        let pd = ClassicGame.all[0].game
        #expect(throws: LemkeHowson.SolverError.self) { try LemkeHowson(label: .column(2)).solve(pd) }
        #expect(throws: LemkeHowson.SolverError.self) { try LemkeHowson(label: .row(-1)).solve(pd) }
    }

    @Test func dominatedStrategiesAreRemovedAndReported() async {
        let pd = ClassicGame.all[0].game
        let result = await SupportEnumeration().solve(pd)
        #expect(result.counters["strategiesRemovedByDominance"] == 2)
        #expect(result.notes.contains { $0.contains("removed strictly dominated strategies") })
        #expect(result.equilibria.map(profile) == [[[0, 1], [0, 1]]])
    }

    @Test func degenerateGameIsReported() async throws {
        // Nisan et al. 2007, §3.4 (von Stengel): the top row has two pure best responses; the
        // equilibria ((1,0,0), (y_0, 1 − y_0)) with y_0 ≥ 2/3 form a continuum.
        let game = try BimatrixGame(rowPayoffs: [[3, 3], [2, 5], [0, 6]], columnPayoffs: [[3, 3], [2, 6], [3, 1]])
        let all = await SupportEnumeration(equalSizeOnly: false).solve(game)
        #expect(all.notes.contains { $0.contains("degenerate") })
        #expect(!all.equilibria.isEmpty)
        for eq in all.equilibria {
            #expect(game.isNashEquilibrium(row: eq.strategies[0].probabilities, column: eq.strategies[1].probabilities))
        }
        let lh = try LemkeHowson.allLabels().solve(game)
        for eq in lh.equilibria {
            #expect(game.isNashEquilibrium(row: eq.strategies[0].probabilities, column: eq.strategies[1].probabilities))
        }
    }
}
