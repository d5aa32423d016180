import Testing
import GameSolve

/// The one-call solution concepts on a TU game: `nucleolus()`, `prenucleolus()` and
/// `shapleyValue()` give what their solvers give.
@Suite struct TUGameEntryPointTests {
    /// Examples/three-partners.json: v(AB) = 90, v(AC) = 80, v(BC) = 70, v(N) = 120.
    static let partners = #"{"players": ["Ann", "Bob", "Cy"], "order": "lex", "values": [0, 0, 0, 90, 80, 70, 120]}"#

    @Test func nucleolusAndShapleyValueOfThreePartners() throws {
        let game = try TUGameReader.read(Self.partners).table()
        let nucleolus = try game.nucleolus()
        // The core is the single point (50, 40, 30), so it is the nucleolus.
        #expect(nucleolus.allocation == [50, 40, 30])
        #expect(nucleolus.verified)
        #expect(nucleolus.allocation == (try SequentialNucleolus.nucleolus(game)).allocation)
        #expect(try game.prenucleolus().allocation == [50, 40, 30])
        #expect(game.shapleyValue() == [45, 40, 35])
    }

    @Test func nucleolusNeedsImputations() throws {
        let game = try TUGame(playerNames: ["A", "B"], values: [2, 2, 3])
        #expect(throws: CoreSolutionError.emptyImputationSet(singletonSum: 4, grandCoalition: 3)) { try game.nucleolus() }
        #expect(try game.prenucleolus().allocation == [Rational(3, 2), Rational(3, 2)])
    }
}
