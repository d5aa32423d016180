import Testing
import GameSolve

/// `NormalFormGame.equilibria(using:limits:)`: each method gives what its solver gives.
@Suite struct EquilibriaEntryPointTests {
    static let battle = ClassicGame.all[1]

    @Test func everyMethodOnBattleOfTheSexes() throws {
        let game = Self.battle.game.normalForm
        let all = try game.equilibria(using: .enumerate)
        #expect(Set(all.equilibria.map(profile)) == Self.battle.expected)
        #expect(all.components?.count == 3)
        let supports = try game.equilibria(using: .supportEnumeration)
        #expect(Set(supports.equilibria.map(profile)) == Self.battle.expected)
        let pure = try game.equilibria(using: .pure)
        #expect(pure.equilibria.map(profile) == [[[1, 0], [1, 0]], [[0, 1], [0, 1]]])
        #expect(pure.counters == ["profilesExamined": 4])
        let lemkeHowson = try game.equilibria(using: .lemkeHowson)
        #expect(lemkeHowson.equilibria.map(profile) == (try LemkeHowson().solve(Self.battle.game)).equilibria.map(profile))
        let logit = try game.equilibria(using: .logit)
        #expect(logit.equilibria.count == 1)
    }

    @Test func pureHonoursMaxResults() throws {
        let result = try Self.battle.game.normalForm.equilibria(using: .pure, limits: SolverLimits(maxResults: 1))
        #expect(result.equilibria.map(profile) == [[[1, 0], [1, 0]]])
        #expect(result.stopReason == .maxResults)
    }

    @Test func twoPlayerMethodsRejectThreePlayers() throws {
        let strategies = ["a", "b"]
        let game = try NormalFormGame(players: (1...3).map { Player(name: "P\($0)", strategies: strategies) },
                                      payoffs: (0..<3).map { p in (0..<8).map { Rational(($0 >> p) & 1) } })
        for method in [EquilibriumMethod.enumerate, .lemkeHowson] {
            #expect(throws: EquilibriumMethodError.needsTwoPlayers(method: method, players: 3)) {
                try game.equilibria(using: method)
            }
        }
        #expect(try game.equilibria(using: .pure).equilibria.count >= 1)
        #expect(EquilibriumMethodError.needsTwoPlayers(method: .enumerate, players: 3).description
            == "the enumerate method needs a two-player game; this one has 3 players (the pure, supportEnumeration and logit methods take any number)")
    }
}
