import Testing
import GameSolve

@Suite("Properties on seeded random games")
struct PropertyTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func shapleyAxioms(seed: UInt64) throws {
        let n = 3 + Int(seed % 4)
        let g = randomGame(players: n, seed: seed)
        let phi = g.shapleyValue()
        // Efficiency.
        #expect(phi.reduce(.zero, +) == g.value(g.grandCoalition), "seed \(seed)")
        // Additivity: φ(v + w) = φ(v) + φ(w).
        let h = randomGame(players: n, seed: seed &+ 1000)
        let sum = try TUGame(playerNames: g.playerNames, numerators: zip(g.numerators, h.numerators).map { $0 + $1 })
        #expect(sum.shapleyValue() == zip(phi, h.shapleyValue()).map { $0 + $1 }, "seed \(seed)")
        // Null player: make player 0 null (v(S ∪ 0) = v(S)).
        var table = g.numerators
        for s in 0..<(1 << n) where s & 1 == 1 { table[s] = table[s ^ 1] }
        let nulled = try TUGame(playerNames: g.playerNames, numerators: table)
        #expect(nulled.shapleyValue()[0] == .zero, "seed \(seed)")
        #expect(nulled.banzhafValue()[0] == .zero, "seed \(seed)")
        // Symmetry: make players 0 and 1 symmetric (v(S ∪ 0) = v(S ∪ 1) for S without both).
        table = g.numerators
        for s in 0..<(1 << n) where s & 3 == 2 { table[s] = table[(s ^ 2) | 1] }
        let sym = try TUGame(playerNames: g.playerNames, numerators: table)
        let ps = sym.shapleyValue(), bs = sym.banzhafValue()
        #expect(ps[0] == ps[1] && bs[0] == bs[1], "seed \(seed)")
    }

    /// Convex games (random non-negative combinations of unanimity games) have non-empty cores:
    /// the nucleolus is in the core and equals the prenucleolus, both verified.
    @Test(arguments: [UInt64(11), 12, 13, 14, 15])
    func nucleolusInCore(seed: UInt64) throws {
        let n = 4 + Int(seed % 4)
        var rng = SplitMix64(seed: seed)
        var table = [Int](repeating: 0, count: 1 << n)
        for _ in 0..<6 {
            let t = rng.uniform(1...((1 << n) - 1)), c = rng.uniform(1...9)
            for s in 0..<(1 << n) where s & t == t { table[s] += c }
        }
        let g = try TUGame(playerNames: TUGame.defaultNames(n), numerators: table)
        #expect(g.isConvex && g.isSuperadditive && g.isMonotone)
        let nu = try SequentialNucleolus.nucleolus(g), pre = try SequentialNucleolus.prenucleolus(g)
        #expect(nu.verified && pre.verified, "seed \(seed)")
        #expect(try g.coreMembership(nu.allocation).inCore, "seed \(seed)")
        #expect(nu.allocation == pre.allocation, "seed \(seed)")
        // The Shapley value of a convex game is in the core too (Shapley 1971).
        #expect(try g.coreMembership(g.shapleyValue()).inCore, "seed \(seed)")
        #expect(try g.leastCore().coreNonEmpty)
    }

    /// Random games (cores often empty): prenucleolus verified; when the core is non-empty the
    /// nucleolus equals the prenucleolus and lies in the core.
    @Test(arguments: Array(UInt64(20)..<UInt64(30)))
    func randomGames(seed: UInt64) throws {
        let g = randomGame(players: 4 + Int(seed % 3), seed: seed, range: 0...30)
        let pre = try SequentialNucleolus.prenucleolus(g)
        #expect(pre.verified, "seed \(seed): \(pre.certificate.failure ?? "")")
        let lc = try g.leastCore()
        #expect(lc.verified)
        if g.hasImputations {
            let nu = try SequentialNucleolus.nucleolus(g)
            #expect(nu.verified, "seed \(seed): \(nu.certificate.failure ?? "")")
            if lc.coreNonEmpty {
                #expect(nu.allocation == pre.allocation)
                #expect(try g.coreMembership(nu.allocation).inCore)
            }
        }
    }

    /// A wrong allocation is rejected by the exact Kohlberg check.
    @Test func kohlbergRejectsWrongPoint() throws {
        let g = randomGame(players: 5, seed: 77, range: 0...30)
        var x = try SequentialNucleolus.prenucleolus(g).allocation
        x[0] += Rational(1, 1000); x[1] -= Rational(1, 1000)
        #expect(!KohlbergCriterion.verify(g, x, nucleolus: false).verified)
    }

    /// Kohlberg's check accepts the nucleolus of BNF games and rejects it moved by 10⁻⁶ between
    /// two players (both the LP levels and the levels certified by span without an LP run here;
    /// at least one game must take the span shortcut, so that path is exercised).
    @Test func kohlbergOnPerturbedNucleoli() throws {
        var shortcuts = 0
        for (players, seed) in [(9, UInt64(1)), (10, 2), (11, 3), (12, 4), (13, 5), (14, 1), (14, 4)] {
            let g = try TUGenerators.benedekFliegeNguyen(type: 1, players: players, seed: seed)
            let x = try SequentialNucleolus.nucleolus(g).allocation
            let cert = KohlbergCriterion.verify(g, x, nucleolus: true)
            #expect(cert.verified, "n \(players) seed \(seed): \(cert.failure ?? "")")
            if cert.levelsChecked > cert.linearPrograms { shortcuts += 1 }
            for (i, j) in [(0, 1), (1, players - 1), (players - 1, 2)] {
                var y = x
                y[i] += Rational(1, 1_000_000); y[j] -= Rational(1, 1_000_000)
                #expect(!KohlbergCriterion.verify(g, y, nucleolus: true).verified, "n \(players) seed \(seed) moved \(i)→\(j)")
            }
        }
        #expect(shortcuts > 0)
    }

    /// Larger random games use constraint generation (n > 11): still exact and verified.
    @Test func constraintGenerationN13() throws {
        let g = try TUGenerators.benedekFliegeNguyen(type: 1, players: 13, seed: 5)
        let r = try SequentialNucleolus.nucleolus(g)
        #expect(r.verified, "\(r.certificate.failure ?? "")")
        #expect(r.counters["scans"]! > 0)
    }

    /// Sampling intervals cover the exact value at about the stated rate (seeded, deterministic).
    @Test func samplingCoverage() throws {
        let rule = CoalitionRule.weightedVoting(quota: 9, weights: [5, 4, 3, 2, 1, 1, 1])
        let exact = try rule.votingPower()
        var covered = 0, total = 0
        for seed in UInt64(0)..<200 {
            let est = try ValueSampler.shapley(.rule(rule), stop: .samples(400), seed: seed)
            for i in 0..<7 {
                total += 1
                if abs(est.estimate[i] - exact.shapleyShubik[i].doubleValue) <= est.halfWidth[i] { covered += 1 }
            }
        }
        let rate = Double(covered) / Double(total)
        #expect(rate >= 0.92 && rate <= 0.985, "coverage \(rate)")
        // Banzhaf sampling and the table path agree with exact values within their intervals, mostly.
        let b = try ValueSampler.banzhaf(.table(try rule.table()), stop: .samples(4000), seed: 1)
        #expect(zip(b.estimate, exact.banzhafAbsolute).allSatisfy { abs($0 - $1.doubleValue) <= 4 * 0.5 / 63 + 0.05 })
        // Target-error stopping.
        let t = try ValueSampler.shapley(.rule(rule), stop: .targetError(0.01, confidence: 0.95, maxSamples: 1_000_000), seed: 3)
        #expect(t.halfWidth.allSatisfy { $0 <= 0.01 })
    }

    /// The voting-power DP (one table, players removed by deconvolution, grouped by weight)
    /// agrees with the table algorithms on random weighted voting games, including weight-0
    /// players, players who win alone, repeated weights and fractional weights.
    @Test(arguments: [UInt64(21), 22, 23, 24, 25, 26, 27, 28])
    func votingPowerMatchesTable(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let n = rng.uniform(1...9)
        let weights = (0..<n).map { _ in Rational(rng.uniform(0...12), seed % 3 == 0 ? 2 : 1) }
        let total = weights.reduce(.zero, +)
        let quota = max(Rational(1, 2), total * Rational(rng.uniform(1...9), 10))
        let rule = CoalitionRule.weightedVoting(quota: quota, weights: weights)
        let p = try rule.votingPower()
        let table = try rule.table()
        #expect(p.shapleyShubik == table.shapleyValue(), "seed \(seed)")
        #expect(p.banzhafAbsolute == table.banzhafValue(), "seed \(seed)")
        for (i, x) in weights.enumerated() where x == .zero { #expect(p.swings[i] == 0, "seed \(seed)") }
    }

    @Test func voting200() throws {
        let rule = TUGenerators.weightedVoting(players: 200, weights: 1...20, seed: 9)
        let p = try rule.votingPower()
        #expect(p.shapleyShubik.reduce(.zero, +) == .one)
        #expect(p.banzhaf.reduce(.zero, +) == .one)
    }

    @Test func tableLimit() {
        #expect(throws: TUGameError.tooManyPlayers(26)) { try CoalitionRule.majority(players: 26, quota: 14).table() }
    }
}

@Suite("TU game readers")
struct ReaderTests {
    /// Positions from the shared JSON parser count characters, not bytes ("é" is two bytes),
    /// on every line.
    @Test func jsonErrorColumnsCountCharacters() {
        for (text, line) in [("{\"players\": [\"é\"], \"values\": [1, true]}", 1), ("{\n\"players\": [\"é\"], \"values\": [1, true]}", 2)] {
            do {
                _ = try TUGameReader.read(text)
                Issue.record("accepted \(text)")
            } catch let e as TUGameFormatError {
                #expect(e.position == SourcePosition(line: line, column: line == 1 ? 34 : 33), "\(e)")
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func vectorCountError() {
        let text = (1...14).map(String.init).joined(separator: " ")
        #expect {
            try TUGameReader.read(text)
        } throws: { error in
            "\(error)".contains("expected 2^n − 1 = 15 values for n = 4 players, found 14") && "\(error)".hasPrefix("line 1")
        }
    }

    @Test func lexOrderAndJSON() throws {
        // Peleg–Sudhölter style: lex order, 3 players.
        let lex = try TUGameReader.readVector("0 0 0\n 1 2 3\n 6", order: .lex)
        #expect(lex.value(0b011) == 1 && lex.value(0b101) == 2 && lex.value(0b110) == 3)
        let json = try TUGameReader.read(#"{"players": ["A","B","C"], "order": "lex", "values": [0, 0, 0, 1, "2", "3/1", 6]}"#).table()
        #expect(json == lex.withNames(["A", "B", "C"]))
        let bad = #"{"players": 3, "values": [0, 0, 0,"#
        #expect { try TUGameReader.read(bad) } throws: { "\($0)".hasPrefix("line 1, column 3") }
        let rule = try TUGameReader.read("{\n \"type\": \"weighted-voting\", \"quota\": 5,\n \"weights\": [3, 2, 2]}")
        guard case .rule(let r, _) = rule else { Issue.record("expected a rule"); return }
        #expect(try r.votingPower().shapleyShubik == [Rational(2, 3), Rational(1, 6), Rational(1, 6)])
        #expect { try TUGameReader.read("{\n \"type\": \"voting\"}") } throws: { "\($0)".hasPrefix("line 2, column 10") }
    }

    @Test func rules() throws {
        let bank = try CoalitionRule.bankruptcy(estate: 200, claims: [100, 200, 300]).table()
        #expect(try SequentialNucleolus.nucleolus(bank).allocation == [50, 75, 75])
        let airport = try CoalitionRule.airport(costs: [1, 2, 3]).table()
        #expect(airport.shapleyValue() == [Rational(1, 3), Rational(5, 6), Rational(11, 6)])
        let glove = try CoalitionRule.glove(left: [true, false, false]).table()
        #expect(glove.shapleyValue() == [Rational(2, 3), Rational(1, 6), Rational(1, 6)])
        let u = try CoalitionRule.unanimity(players: 4, carrier: [0, 2], value: 6).table()
        #expect(u.shapleyValue() == [3, 0, 3, 0])
        let maj = try CoalitionRule.majority(players: 3, quota: 2).table()
        #expect(maj.isSuperadditive && !maj.isConvex && maj.isEssential && maj.isZeroNormalized)
    }
}

extension TUGame {
    func withNames(_ names: [String]) -> TUGame { try! TUGame(playerNames: names, numerators: numerators, denominator: denominator) }
}
