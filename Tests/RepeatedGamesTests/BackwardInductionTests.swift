import GameSolve
import Testing

@Suite("Repeated games: finitely repeated games unravel")
struct BackwardInductionTests {
    /// Rational players defect in every round of a finitely repeated prisoner's dilemma, though
    /// tit-for-tat pairs earn R per round in the same T rounds.
    @Test(arguments: [1, 2, 10, 200])
    func prisonersDilemmaUnravels(rounds: Int) throws {
        let stage = SymmetricStageGame.prisonersDilemma
        let result = try BackwardInduction.solve(stage: stage.normalForm, rounds: rounds)
        #expect(result.play == Array(repeating: [1, 1], count: rounds))
        #expect(result.totals == [Rational(rounds), Rational(rounds)])
        let tft = try Strategy(parsing: "tit-for-tat")
        let cooperative = Match.play(tft, tft, settings: MatchSettings(turns: rounds), seed: 0).scores(stage)
        #expect(cooperative == [Rational(3 * rounds), Rational(3 * rounds)])
    }

    @Test func gamesWithSeveralEquilibriaAreRefused() throws {
        let coordination = try BimatrixGame(rowPayoffs: [[2, 0], [0, 1]], columnPayoffs: [[1, 0], [0, 2]]).normalForm
        #expect(throws: RepeatedGameError.self) { try BackwardInduction.solve(stage: coordination, rounds: 3) }
        #expect(throws: RepeatedGameError.self) { try BackwardInduction.solve(stage: coordination, rounds: 0) }
    }
}
