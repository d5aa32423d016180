import GameSolve
import Testing

/// Moves of a short noiseless match as a string "CD,DC,..." (first player's move first).
private func play(_ a: String, _ b: String, turns: Int) throws -> String {
    let x = try Strategy(parsing: a), y = try Strategy(parsing: b)
    return Match.moves(x, y, turns: turns).map { "\($0.0)\($0.1)" }.joined(separator: ",")
}

/// Score of both players over a noiseless match (R, S, T, P = 3, 0, 5, 1).
private func score(_ a: String, _ b: String, turns: Int) throws -> [Rational] {
    let x = try Strategy(parsing: a), y = try Strategy(parsing: b)
    return Match.play(x, y, settings: MatchSettings(turns: turns), seed: 0).scores(.prisonersDilemma)
}

@Suite("Repeated games: strategies, hand-checked")
struct StrategyTests {
    // Each expectation was worked out by hand from the strategy's definition.
    @Test func alwaysStrategies() throws {
        #expect(try play("cooperator", "defector", turns: 3) == "CD,CD,CD")
        #expect(try score("cooperator", "defector", turns: 3) == [0, 15])
        #expect(try score("cooperator", "cooperator", turns: 4) == [12, 12])
    }

    @Test func titForTatFamily() throws {
        // TFT copies: C first, then D after the defector's D.
        #expect(try play("tit-for-tat", "defector", turns: 4) == "CD,DD,DD,DD")
        #expect(try score("tit-for-tat", "defector", turns: 4) == [3, 8])
        // Suspicious TFT against TFT: they alternate out of phase forever.
        #expect(try play("suspicious-tit-for-tat", "tit-for-tat", turns: 5) == "DC,CD,DC,CD,DC")
        #expect(try score("suspicious-tit-for-tat", "tit-for-tat", turns: 4) == [10, 10])
        // TF2T forgives a single D: against the alternator it never defects.
        #expect(try play("tit-for-two-tats", "alternator", turns: 5) == "CC,CD,CC,CD,CC")
        #expect(try play("tit-for-two-tats", "defector", turns: 4) == "CD,CD,DD,DD")
        // 2TFT punishes twice.
        #expect(try play("two-tits-for-tat", "cycler-ccd", turns: 7) == "CC,CC,CD,DC,DC,CD,DC")
        #expect(try score("two-tits-for-tat", "cycler-ccd", turns: 7) == [21, 16])   // 3+3+0+5+5+0+5, 3+3+5+0+0+5+0
        // Hard TFT remembers a D for three rounds.
        #expect(try play("hard-tit-for-tat", "cycler-ccd", turns: 7) == "CC,CC,CD,DC,DC,DD,DC")
    }

    @Test func grudgerAndPavlov() throws {
        #expect(try play("grudger", "alternator", turns: 5) == "CC,CD,DC,DD,DC")
        #expect(try score("grudger", "alternator", turns: 5) == [14, 9])   // 3+0+5+1+5, 3+5+0+1+0
        // WSLS: CC stay C; CD shift to D; DD shift back to C (same moves); DC stay D? no: DC differ → D.
        #expect(try play("win-stay-lose-shift", "defector", turns: 4) == "CD,DD,CD,DD")
        #expect(try play("win-stay-lose-shift", "alternator", turns: 5) == "CC,CD,DC,DD,CC")
    }

    @Test func alternatorBullyCycler() throws {
        #expect(try play("alternator", "cooperator", turns: 4) == "CC,DC,CC,DC")
        #expect(try play("bully", "cooperator", turns: 3) == "DC,DC,DC")
        #expect(try play("bully", "defector", turns: 3) == "DD,CD,CD")
        // Bully against TFT: a four-round cycle DC, DD, CD, CC.
        #expect(try play("bully", "tit-for-tat", turns: 6) == "DC,DD,CD,CC,DC,DD")
        #expect(try score("bully", "tit-for-tat", turns: 4) == [9, 9])   // 5+1+0+3, 0+1+5+3
        #expect(try play("cycler-ccd", "defector", turns: 6) == "CD,CD,DD,CD,CD,DD")
    }

    @Test func goByMajorityAndProber() throws {
        // Majority: C while the opponent's C count ≥ D count.
        #expect(try play("go-by-majority", "alternator", turns: 6) == "CC,CD,CC,CD,CC,CD")
        #expect(try play("go-by-majority", "cycler-ccd", turns: 6) == "CC,CC,CD,CC,CC,CD")
        #expect(try play("go-by-majority", "defector", turns: 3) == "CD,DD,DD")
        // Prober against a cooperator: D, C, C, then (cooperated in rounds 2 and 3) D forever.
        #expect(try play("prober", "cooperator", turns: 6) == "DC,CC,CC,DC,DC,DC")
        // Against TFT: TFT answers round 1's D in round 2, so prober falls back to TFT.
        #expect(try play("prober", "tit-for-tat", turns: 6) == "DC,CD,CC,CC,CC,CC")
        #expect(try score("prober", "tit-for-tat", turns: 6) == [17, 17])   // 5+0+3·4, 0+5+3·4
    }

    @Test func parameterisedStrategies() throws {
        let g = try Strategy(parsing: "generous-tit-for-tat")
        #expect(g.name == "generous-tit-for-tat:1/3")        // min(1 − 2/3, 2/4) for 3, 0, 5, 1
        // Press & Dyson's extortionate example for χ = 3, Stewart & Plotkin's Extort-2 and ZDGTFT-2.
        #expect(try Strategy(parsing: "zd-extort:3").machine!.cooperation == [1, Rational(11, 13), Rational(1, 2), Rational(7, 26), 0])
        #expect(try Strategy(parsing: "zd-extort:2").machine!.cooperation == [1, Rational(8, 9), Rational(1, 2), Rational(1, 3), 0])
        #expect(try Strategy(parsing: "zd-generous:2,1/8").machine!.cooperation == [1, 1, Rational(1, 8), 1, Rational(1, 4)])
        #expect(try Strategy(parsing: "memory-one:1,0,0,1").machine!.cooperation == [1, 1, 0, 0, 1])
        #expect(try Strategy(parsing: "random:0.25").name == "random:1/4")
    }

    @Test func badSpecificationsAreRejected() {
        #expect(throws: RepeatedGameError.self) { try Strategy(parsing: "tit-for-tatt") }
        #expect(throws: RepeatedGameError.self) { try Strategy(parsing: "random:2") }
        #expect(throws: RepeatedGameError.self) { try Strategy(parsing: "memory-one:1,0,0") }
        #expect(throws: RepeatedGameError.self) { try Strategy(parsing: "zd-extort:1/2") }
        #expect(throws: RepeatedGameError.self) { try Strategy(parsing: "zd-extort:3,1") }   // φ too large
        #expect(throws: RepeatedGameError.self) { try Strategy(parsing: "tit-for-tat:1") }
        let stag = SymmetricStageGame(reward: 4, sucker: 0, temptation: 3, punishment: 2)
        #expect(throws: RepeatedGameError.self) { try Strategy(parsing: "zd-extort:2", stage: stag) }
    }

    @Test func everyDeterministicStrategyParsesAndIsDeterministic() throws {
        for name in Strategy.deterministicNames {
            let s = try Strategy(parsing: name)
            #expect(s.name == name)
            #expect(s.isDeterministic)
        }
    }
}
