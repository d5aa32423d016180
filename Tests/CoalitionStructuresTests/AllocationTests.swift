import Testing
import GameSolve

@Suite struct StructureAllocationTests {
    @Test func aumannDrezeIsEfficientPerCoalitionAndShapleyForTheGrandCoalition() throws {
        for seed in UInt64(1)...5 {
            let game = try CoalitionValueDistribution.modifiedNormal.game(players: 7, seed: seed)
            let r = DynamicProgramming.solve(CoalitionValueTable(game))
            let a = try game.structureAllocation(r.coalitions, optimal: true, nucleolusLimit: 7, coreLimit: 7)
            for c in r.coalitions {
                #expect(TUGame.sum(a.aumannDreze, over: c) == game.value(c))
                #expect(TUGame.sum(a.nucleolus!, over: c) == game.value(c))
            }
            let grand = try game.structureAllocation([game.grandCoalition], optimal: false)
            #expect(grand.aumannDreze == game.shapleyValue())
            #expect(grand.inCoalitionStructureCore == nil)
        }
    }

    @Test func coalitionStructureCoreOfKnownGames() throws {
        // Majority of three: the best structures are a pair and a singleton; x(pair) = 1,
        // x(single) = 0 violates the other pairs, so the CS-core is empty.
        let majority = try CoalitionRule.majority(players: 3, quota: 2).table()
        let r = DynamicProgramming.solve(CoalitionValueTable(majority))
        let a = try majority.structureAllocation(r.coalitions, optimal: true)
        #expect(r.value == 1)
        #expect(a.inCoalitionStructureCore == false)
        #expect(a.leastCoreValue! > 0)
        // v(S) = |S|² is convex: the grand coalition is optimal and its core non-empty.
        let t = (0..<(1 << 5)).map { $0.nonzeroBitCount * $0.nonzeroBitCount }
        let convex = try TUGame(playerNames: TUGame.defaultNames(5), numerators: t)
        let b = try convex.structureAllocation([convex.grandCoalition], optimal: true)
        #expect(b.inCoalitionStructureCore == true)
        let x = try #require(b.corePoint)
        #expect(try convex.coreMembership(x).inCore)
    }

    @Test func subgameKeepsTheValuesOfTheSubcoalitions() throws {
        let game = try CoalitionValueDistribution.uniform.game(players: 6, seed: 2)
        let c = 0b101101
        let sub = game.subgame(c)
        let members = TUGame.members(c)
        #expect(sub.playerCount == 4)
        for t in 1..<(1 << 4) {
            let mask = TUGame.members(t).reduce(0) { $0 | 1 << members[$1] }
            #expect(sub.value(t) == game.value(mask))
        }
    }

    @Test func memoryRefusalNamesTheOverride() {
        #expect(!PartitionError.tooMuchMemory(needed: 40 << 30, available: 20 << 30).description.contains("--"))
    }
}
