import GameSolve
import Testing

/// Stage games with more than two actions: rock–paper–scissors (actions 0 R, 1 P, 2 S; a win 1,
/// a loss −1, a tie 0) played by the strategies defined for any number of actions.
@Suite("Repeated games: stage games larger than 2x2")
struct LargerStageGameTests {
    static let rps = try! SymmetricStageGame(actions: ["R", "P", "S"], payoffs: [[0, -1, 1], [1, 0, -1], [-1, 1, 0]])

    private func strategy(_ name: String) throws -> Strategy { try Strategy(parsing: name, stage: Self.rps) }

    private func actions(_ a: String, _ b: String, turns: Int) throws -> [[Int]] {
        try Match.actions(strategy(a), strategy(b), settings: MatchSettings(turns: turns), seed: 0).map { [$0.0, $0.1] }
    }

    @Test func movesOfEachStrategyByHand() throws {
        // cycler: 0, 1, 2, 0, ...; always:2 never moves.
        #expect(try actions("cycler", "always:2", turns: 4) == [[0, 2], [1, 2], [2, 2], [0, 2]])
        // best-response: R first, then what beats the opponent's last action (P beats R).
        #expect(try actions("best-response", "always:0", turns: 3) == [[0, 0], [1, 0], [1, 0]])
        // tit-for-tat copies; best-response beats the copy of its own move one round late.
        #expect(try actions("tit-for-tat", "best-response", turns: 6)
                == [[0, 0], [0, 1], [1, 1], [1, 2], [2, 2], [2, 0]])
    }

    @Test func scoresAndCountsOfAMatch() throws {
        let o = Match.play(try strategy("tit-for-tat"), try strategy("best-response"), settings: MatchSettings(turns: 6), seed: 0)
        #expect(o.counts.count == 9 && o.turns == 6)
        #expect(o.counts == [1, 1, 0, 0, 1, 1, 1, 0, 1])   // RR, RP, PP, PS, SS, SR
        #expect(o.scores(Self.rps) == [-3, 3])
        #expect(o.cooperationRates == [Rational(2, 6), Rational(2, 6)])   // action 0 (R) rates
    }

    /// tit-for-tat against cycler: after the first round tit-for-tat plays the cycler's previous
    /// action, which the cycler's next action beats, so the long-run payoffs are exactly −1, 1.
    @Test func exactLongRunPayoffsOfAThreeActionChain() throws {
        let r = try LongRunPayoff.compute(strategy("tit-for-tat"), strategy("cycler"), stage: Self.rps)
        #expect(r.payoffs == [-1, 1])
        #expect(r.cooperation == [Rational(1, 3), Rational(1, 3)])
        // Discounted, δ = 1/2: round 1 is a tie (R, R), every later round a loss for tit-for-tat.
        let d = try LongRunPayoff.compute(strategy("tit-for-tat"), strategy("cycler"), stage: Self.rps, discount: Rational(1, 2))
        #expect(d.payoffs == [Rational(-1, 2), Rational(1, 2)])
        // With noise every action is played with positive probability, and the zero-sum stage
        // keeps the sum of payoffs at 0 exactly.
        let n = try LongRunPayoff.compute(strategy("tit-for-tat"), strategy("best-response"), stage: Self.rps, noise: Rational(1, 10))
        #expect(n.payoffs[0] + n.payoffs[1] == 0)
    }

    /// A simulated long noisy match agrees with the exact chain (a statistical check with a
    /// 6-sigma margin on 200,000 turns: the per-turn payoff is in [−1, 1]).
    @Test func simulationAgreesWithTheExactChainUnderNoise() throws {
        let settings = MatchSettings(turns: 200_000, noise: Rational(1, 10), seed: 7)
        let o = Match.play(try strategy("tit-for-tat"), try strategy("best-response"), settings: settings, seed: 11)
        let exact = try LongRunPayoff.compute(strategy("tit-for-tat"), strategy("best-response"), stage: Self.rps, noise: Rational(1, 10))
        let simulated = o.scores(Self.rps)[0].doubleValue / 200_000
        #expect(abs(simulated - exact.payoffs[0].doubleValue) < 6 / 200_000.0.squareRoot())
    }

    @Test func roundRobinOnRockPaperScissors() throws {
        let names = ["tit-for-tat", "best-response", "cycler", "always:0", "random"]
        let t = try Tournament(strategies: names.map(strategy), stage: Self.rps,
                               settings: MatchSettings(turns: 30, noise: Rational(1, 20), repetitions: 4, seed: 3))
        let r = t.run()
        #expect(r.matches.count == 15)
        #expect(r.matches.allSatisfy { $0.outcomes.turns == 120 && $0.outcomes.counts.count == 9 })
        // Zero-sum stage: every pair's scores sum to 0, so the mean payoffs are antisymmetric.
        #expect(r.matches.allSatisfy { $0.outcomes.scores(Self.rps).reduce(.zero, +) == .zero })
        let m = r.meanPayoffMatrix
        for i in 0..<5 { for j in 0..<5 where i != j { #expect(m[i][j] == -m[j][i]) } }
        // Threads do not change the result.
        #expect(t.run(limits: SolverLimits(jobs: 1)).matches == t.run(limits: SolverLimits(jobs: 2)).matches)
    }

    @Test func twoByTwoOnlyStrategiesAreRefusedWithTheAlternatives() throws {
        for name in ["grudger", "win-stay-lose-shift", "memory-one:1,0,0,1", "zd-extort:3", "random:1/3"] {
            #expect(throws: RepeatedGameError.self) { try strategy(name) }
        }
        do { _ = try strategy("grudger"); Issue.record("accepted") } catch let error as RepeatedGameError {
            #expect(error.description.contains("defined for 2x2 stage games"))
            #expect(error.description.contains("best-response"))
        }
        #expect(throws: RepeatedGameError.stageGame("strategy 'always:3': this stage game has actions 0 to 2")) { try strategy("always:3") }
        #expect(throws: RepeatedGameError.self) { try Strategy(parsing: "no-such-strategy", stage: Self.rps) }
    }

    /// The strategies for any number of actions also play 2x2 games: always:1 is defector, and
    /// best-response in the prisoner's dilemma cooperates once and then defects.
    @Test func anyActionStrategiesOnThePrisonersDilemma() throws {
        let pd = SymmetricStageGame.prisonersDilemma
        let d = Match.moves(try Strategy(parsing: "always:1", stage: pd), try Strategy(parsing: "tit-for-tat", stage: pd), turns: 3)
        #expect(d.map { "\($0.0)\($0.1)" } == ["DC", "DD", "DD"])
        let b = Match.moves(try Strategy(parsing: "best-response", stage: pd), try Strategy(parsing: "cooperator", stage: pd), turns: 3)
        #expect(b.map { "\($0.0)\($0.1)" } == ["CC", "DC", "DC"])
    }

    @Test func stageGamesFromStrategicGames() throws {
        let g = Self.rps.normalForm
        #expect(g.strategyCounts == [3, 3])
        #expect(try SymmetricStageGame(g) == Self.rps)
        let asymmetric = try BimatrixGame(rowPayoffs: [[0, 1, 2], [0, 0, 0], [0, 0, 0]],
                                          columnPayoffs: [[0, 0, 0], [0, 0, 0], [0, 0, 0]]).normalForm
        #expect(throws: RepeatedGameError.self) { try SymmetricStageGame(asymmetric) }
    }
}
