import GameSolve
import Testing

@Suite("Repeated games: matches and tournaments")
struct TournamentTests {
    private func strategies(_ names: [String]) throws -> [Strategy] { try names.map { try Strategy(parsing: $0) } }

    @Test func roundRobinScoresAreExactAndIncludeSelfPlay() throws {
        let t = try Tournament(strategies: strategies(["tit-for-tat", "defector", "cooperator"]),
                               stage: .prisonersDilemma, settings: MatchSettings(turns: 10))
        let r = t.run()
        #expect(r.matches.map(\.players) == [[0, 0], [0, 1], [0, 2], [1, 1], [1, 2], [2, 2]])
        let scores = r.matches.map { $0.outcomes.scores(.prisonersDilemma) }
        #expect(scores[0] == [30, 30])            // TFT twins cooperate
        #expect(scores[1] == [9, 14])             // 0 + 9·1 against 5 + 9·1
        #expect(scores[2] == [30, 30])
        #expect(scores[3] == [10, 10])
        #expect(scores[4] == [50, 0])
        #expect(r.matches[1].outcomes.cooperationRates == [Rational(1, 10), 0])
        // Mean score per turn, self-play counted on both sides (40 turns each):
        // TFT 30+30+9+30 = 99, cooperator 30+30+30+0 = 90, defector 14+10+10+50 = 84.
        let ranking = r.ranking
        #expect(ranking.map(\.strategy) == [0, 2, 1])
        #expect(ranking.map(\.meanScorePerTurn) == [Rational(99, 40), Rational(90, 40), Rational(84, 40)])
        let m = r.meanPayoffMatrix
        #expect(m[1][0] == Rational(14, 10) && m[0][1] == Rational(9, 10) && m[2][2] == 3)
        let g = r.symmetricGame
        #expect(g.payoff(player: 0, at: [1, 2]) == 5 && g.payoff(player: 1, at: [1, 2]) == 0)
    }

    @Test func seededResultsDoNotDependOnThreads() throws {
        let names = ["tit-for-tat", "random:1/2", "generous-tit-for-tat", "zd-extort:3", "win-stay-lose-shift"]
        let settings = MatchSettings(turns: 50, continuation: nil, noise: Rational(1, 20), repetitions: 20, seed: 42)
        let t = try Tournament(strategies: strategies(names), stage: .prisonersDilemma, settings: settings)
        let one = t.run(limits: SolverLimits(jobs: 1)).matches
        let two = t.run(limits: SolverLimits(jobs: 2)).matches
        let three = t.run(limits: SolverLimits(jobs: 3)).matches
        #expect(one == two && two == three)
        #expect(one.allSatisfy { $0.outcomes.turns == 50 * 20 && $0.repetitions == 20 })
        let other = try Tournament(strategies: strategies(names), stage: .prisonersDilemma,
                                   settings: MatchSettings(turns: 50, noise: Rational(1, 20), repetitions: 20, seed: 43)).run()
        #expect(other.matches != one)
    }

    @Test func continuationProbabilityGivesGeometricLengths() throws {
        // Mean length 1/(1 − w) = 10; 2000 matches: the sample mean is within 10% with
        // overwhelming probability (sd of the mean ≈ 0.21), and the seed fixes it anyway.
        let a = try Strategy(parsing: "cooperator")
        let s = MatchSettings(continuation: Rational(9, 10), repetitions: 2000, seed: 7)
        var total = 0
        for k in 0..<2000 { total += Match.play(a, a, settings: s, seed: s.matchSeed(k)).turns }
        let mean = Double(total) / 2000
        #expect(mean > 9 && mean < 11)
        let zero = MatchSettings(continuation: .zero)
        #expect(Match.play(a, a, settings: zero, seed: 1).turns == 1)
    }

    @Test func noiseFlipsMovesAtTheGivenRate() throws {
        let c = try Strategy(parsing: "cooperator")
        let s = MatchSettings(turns: 100_000, noise: Rational(1, 10))
        let o = Match.play(c, c, settings: s, seed: 3)
        let rate = o.cooperationRates[0].doubleValue
        #expect(abs(rate - 0.9) < 0.005)
    }

    @Test func badSettingsAreRejected() throws {
        let s = try strategies(["tit-for-tat"])
        #expect(throws: RepeatedGameError.self) { try Tournament(strategies: s, stage: .prisonersDilemma, settings: MatchSettings(turns: 0)) }
        #expect(throws: RepeatedGameError.self) { try Tournament(strategies: s, stage: .prisonersDilemma, settings: MatchSettings(continuation: 1)) }
        #expect(throws: RepeatedGameError.self) { try Tournament(strategies: s, stage: .prisonersDilemma, settings: MatchSettings(noise: 2)) }
        #expect(throws: RepeatedGameError.self) { try Tournament(strategies: [], stage: .prisonersDilemma, settings: MatchSettings()) }
    }

    @Test func stageGameFromAFile() throws {
        let pd = SymmetricStageGame.prisonersDilemma.normalForm
        #expect(try SymmetricStageGame(pd) == .prisonersDilemma)
        let asymmetric = try BimatrixGame(rowPayoffs: [[3, 0], [5, 1]], columnPayoffs: [[3, 5], [0, 2]]).normalForm
        #expect(throws: RepeatedGameError.self) { try SymmetricStageGame(asymmetric) }
    }
}
