import Testing
import GameSolve

@Suite struct NashAveragingTests {
    static let rps: [[Rational]] = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]

    @Test func rockPaperScissorsIsUniformWithZeroSkills() throws {
        let r = try NashAveraging.agentVsAgent(Self.rps)
        #expect(r.maxEntropyNash == [Rational(1, 3), Rational(1, 3), Rational(1, 3)])
        #expect(r.skills == [0, 0, 0] && r.regret == 0)
    }

    /// Win rates (M + Mᵀ = 1): rock–paper–scissors plus an agent that every other agent beats
    /// 70% of the time. The weak agent leaves the support and gets a negative skill.
    @Test func aWeakAgentGetsNegativeSkill() throws {
        let w = Rational(7, 10), l = Rational(3, 10), h = Rational(1, 2)
        let m: [[Rational]] = [[h, 0, 1, w], [1, h, 0, w], [0, 1, h, w], [l, l, l, h]]
        let r = try NashAveraging.agentVsAgent(m)
        #expect(r.maxEntropyNash == [Rational(1, 3), Rational(1, 3), Rational(1, 3), 0])
        #expect(r.skills[3] == -Rational(1, 5) && r.skills[0...2].allSatisfy { $0 == 0 })
        #expect(r.antisymmetric[3][0] == -Rational(1, 5))
    }

    /// A transitive (Elo-like) population: the best agent is the unique equilibrium.
    @Test func transitiveWinRatesPickTheBestAgent() throws {
        let m: [[Rational]] = [[Rational(1, 2), Rational(6, 10), Rational(8, 10)],
                               [Rational(4, 10), Rational(1, 2), Rational(7, 10)],
                               [Rational(2, 10), Rational(3, 10), Rational(1, 2)]]
        let r = try NashAveraging.agentVsAgent(m)
        #expect(r.maxEntropyNash == [1, 0, 0] && r.support == [0])
    }

    /// A redundant copy of an agent makes the equilibrium set a segment (Balduzzi et al.'s
    /// invariance example): the maximum-entropy selection would be needed, and is refused.
    @Test func redundantCopiesAreRefusedNotGuessed() throws {
        let m: [[Rational]] = [[0, -1, 1, 1], [1, 0, -1, -1], [-1, 1, 0, 0], [-1, 1, 0, 0]]
        #expect(throws: NashAveraging.Failure.self) { try NashAveraging.agentVsAgent(m) }
        #expect(throws: NashAveraging.Failure.notSquare) { try NashAveraging.agentVsAgent([[1, 2]]) }
    }

    /// Seeded random antisymmetric games have a unique equilibrium: exact, certified, and every
    /// agent in the support has skill 0.
    @Test(arguments: [UInt64(1), 2, 3])
    func randomMetaGames(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let n = 25
        var m = [[Rational]](repeating: [Rational](repeating: 0, count: n), count: n)
        for i in 0..<n { for j in (i + 1)..<n { let v = Rational(rng.uniform(-50...50), 10); m[i][j] = v; m[j][i] = -v } }
        let r = try NashAveraging.agentVsAgent(m)
        #expect(r.maxEntropyNash.reduce(0, +) == 1)
        for i in r.support { #expect(r.skills[i] == 0) }
        #expect(r.skills.allSatisfy { $0 <= 0 })
    }
}
