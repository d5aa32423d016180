import Testing
import GameSolve

@Suite struct DynamicProgrammingTests {
    @Test func bruteForceCountsBellNumbers() {
        for n in 1...8 {
            #expect(bruteForceBest(randomTable(players: n, range: 0...9, seed: 1)).partitions == bellNumbers[n])
        }
    }

    @Test(arguments: 1...10) func idpMatchesBruteForce(n: Int) {
        for seed in UInt64(1)...3 {
            let table = randomTable(players: n, range: -50...100, seed: seed * 100 + UInt64(n))
            let r = DynamicProgramming.solve(table, options: PartitionOptions(jobs: 2))
            let brute = bruteForceBest(table).best
            #expect(isPartition(r.coalitions, players: n), "seed \(seed)")
            #expect(r.value == Rational("\(brute)")!, "n \(n) seed \(seed)")
            #expect(r.value == table.structureValue(r.coalitions))
            #expect(r.stopReason == .completed && r.isOptimal)
            #expect(r.counters.splitsExamined == DynamicProgramming.splitCount(players: n))
        }
    }

    @Test func int128PathMatchesInt64Path() {
        // Values near 2^61: n·max|v| overflows Int64, so the search must take the Int128 path.
        let n = 6
        var rng = SplitMix64(seed: 9)
        var t = [Int](repeating: 0, count: 1 << n)
        for c in 1..<t.count { t[c] = (1 << 61) - rng.uniform(0...(1 << 40)) * Int(c.nonzeroBitCount % 3 + 1) }
        let table = try! CoalitionValueTable(playerNames: TUGame.defaultNames(n), numerators: t)
        #expect(!table.sumsFitInt64)
        let r = DynamicProgramming.solve(table)
        #expect(!r.usedInt64)
        #expect(r.value == Rational("\(bruteForceBest(table).best)")!)
    }
}
