import GameSolve
import Testing

@Suite("Repeated games: exact long-run payoffs")
struct LongRunTests {
    let pd = SymmetricStageGame.prisonersDilemma

    @Test func deterministicCyclesAndClasses() throws {
        let tft = try Strategy(parsing: "tit-for-tat"), stft = try Strategy(parsing: "suspicious-tit-for-tat")
        // TFT vs STFT alternate DC / CD forever: mean (5 + 0)/2 each; periodic chain.
        let r = try LongRunPayoff.compute(tft, stft, stage: pd)
        #expect(r.payoffs == [Rational(5, 2), Rational(5, 2)])
        #expect(r.recurrentClasses == 1)
        // Discounted: TFT earns 0, 5, 0, 5, ... → (1 − δ)·5δ/(1 − δ²) = 5δ/(1 + δ).
        let d = try LongRunPayoff.compute(tft, stft, stage: pd, discount: Rational(1, 2))
        #expect(d.payoffs == [Rational(5, 3), Rational(10, 3)])
        // Prober vs cooperator: after three rounds, D forever against C.
        let prober = try Strategy(parsing: "prober"), coop = try Strategy(parsing: "cooperator")
        #expect(try LongRunPayoff.compute(prober, coop, stage: pd).payoffs == [5, 0])
    }

    @Test func noisyTitForTatIsFairAndMixesAllOutcomes() throws {
        // TFT vs TFT with noise: the chain is irreducible and symmetric, each outcome 1/4 of the time.
        let tft = try Strategy(parsing: "tit-for-tat")
        let r = try LongRunPayoff.compute(tft, tft, stage: pd, noise: Rational(1, 10))
        #expect(r.payoffs == [Rational(9, 4), Rational(9, 4)])
        #expect(r.cooperation == [Rational(1, 2), Rational(1, 2)])
    }

    @Test func startDecidesBetweenRecurrentClasses() throws {
        // memory-one (1, 0, 0, 1) starting with C vs grudger: CC forever. Starting with D: grudger
        // defects forever and WSLS alternates C, D: two classes, reached from different starts.
        let wsls = try Strategy(parsing: "memory-one:1,0,0,1"), grudger = try Strategy(parsing: "grudger")
        #expect(try LongRunPayoff.compute(wsls, grudger, stage: pd).payoffs == [3, 3])
        let late = try Strategy(parsing: "memory-one:1,0,0,1,0")
        #expect(try LongRunPayoff.compute(late, grudger, stage: pd).payoffs == [Rational(1, 2), 3])
        // A random first move splits between the two classes: weights 1/2 and 1/2.
        let coin = try Strategy(parsing: "memory-one:1,0,0,1,1/2")
        let r = try LongRunPayoff.compute(coin, grudger, stage: pd)
        #expect(r.recurrentClasses == 2)
        #expect(r.payoffs == [(3 + Rational(1, 2)) / 2, 3])
    }

    /// Press & Dyson (2012): against every opponent Y, an extortionate ZD strategy X enforces
    /// s_X − P = χ(s_Y − P), a generous one s_X − R = χ(s_Y − R), exactly.
    @Test func pressDysonRelationsHoldExactly() throws {
        var rng = SplitMix64(seed: 2012)
        func randomProbability() -> Rational { Rational(rng.uniform(0...12), 12) }
        for chi in [Rational(2), Rational(3), Rational(5, 2)] {
            let extort = try Strategy(parsing: "zd-extort:\(chi)")
            let generous = try Strategy(parsing: "zd-generous:\(chi)")
            for trial in 0..<12 {
                let p = (0..<4).map { _ in randomProbability() }
                let spec = "memory-one:" + p.map(\.description).joined(separator: ",")
                let y = trial < 6 ? try Strategy(parsing: spec) : try Strategy(parsing: Strategy.deterministicNames.filter { $0 != "go-by-majority" }[trial])
                let e = try LongRunPayoff.compute(extort, y, stage: pd)
                #expect(e.payoffs[0] - pd.punishment == chi * (e.payoffs[1] - pd.punishment), "extort \(chi) vs \(y.name)")
                let g = try LongRunPayoff.compute(generous, y, stage: pd)
                #expect(g.payoffs[0] - pd.reward == chi * (g.payoffs[1] - pd.reward), "generous \(chi) vs \(y.name)")
            }
        }
    }

    @Test func simulationAgreesWithTheExactValue() throws {
        let x = try Strategy(parsing: "zd-extort:3"), y = try Strategy(parsing: "generous-tit-for-tat")
        let exact = try LongRunPayoff.compute(x, y, stage: pd).payoffs.map(\.doubleValue)
        let o = Match.play(x, y, settings: MatchSettings(turns: 200_000), seed: 11)
        let simulated = o.scores(pd).map { $0.doubleValue / Double(o.turns) }
        #expect(abs(simulated[0] - exact[0]) < 0.02 && abs(simulated[1] - exact[1]) < 0.02)
    }

    @Test func unboundedMemoryIsRejected() throws {
        let m = try Strategy(parsing: "go-by-majority"), t = try Strategy(parsing: "tit-for-tat")
        #expect(throws: RepeatedGameError.self) { try LongRunPayoff.compute(m, t, stage: pd) }
    }
}
