import GameSolve
import Testing

@Suite("Repeated games: N-player public goods")
struct PublicGoodsTests {
    private func players(_ names: [String]) throws -> [PublicGoodsStrategy] { try names.map { try PublicGoodsStrategy(parsing: $0) } }

    @Test func freeRiderEarnsMoreThanContributors() throws {
        // 4 players, r = 2, 10 rounds: three contributors and one free rider. Every round 3
        // contribute: shared 2·3/4 = 3/2 per player; contributors pay 1.
        let r = try PublicGoodsGame.play(players(["always-contribute", "always-contribute", "always-contribute", "never-contribute"]),
                                         multiplier: 2, rounds: 10)
        #expect(r.payoffs == [5, 5, 5, 15])
        #expect(r.contributions == [10, 10, 10, 0])
    }

    @Test func conditionalCooperationUnravelsAfterAFreeRider() throws {
        // Round 1: the three cooperators contribute. Round 2: each conditional:3 saw only 2 others
        // (< 3) and keeps; threshold-grim:2 saw 2 others and contributes. Round 3: the grim player
        // saw 0 others (< 2) and stops forever; nobody contributes again.
        let r = try PublicGoodsGame.play(players(["conditional:3", "conditional:3", "threshold-grim:2", "never-contribute"]),
                                         multiplier: 2, rounds: 5)
        #expect(r.contributions == [1, 1, 2, 0])
        // Contributors: round 1: 3, round 2: 1 → shared 2·4/4 = 2.
        #expect(r.payoffs == [1, 1, 0, 2])
    }

    @Test func fullCooperationIsStableWithoutNoise() throws {
        let r = try PublicGoodsGame.play(players(["conditional:2", "conditional:2", "threshold-grim:2"]), multiplier: Rational(3, 2), rounds: 7)
        #expect(r.contributions == [7, 7, 7])
        #expect(r.payoffs == [Rational(7, 2), Rational(7, 2), Rational(7, 2)])    // (3/2 − 1)·7
    }

    @Test func badInputIsRejected() throws {
        #expect(throws: RepeatedGameError.self) { try PublicGoodsStrategy(parsing: "conditional") }
        #expect(throws: RepeatedGameError.self) { try PublicGoodsStrategy(parsing: "sometimes") }
        #expect(throws: RepeatedGameError.self) { try PublicGoodsGame.play([.alwaysContribute], multiplier: 2, rounds: 3) }
    }
}
