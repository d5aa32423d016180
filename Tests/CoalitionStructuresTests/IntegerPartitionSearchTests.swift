import Synchronization
import Testing
import GameSolve

/// Collects the anytime reports of a search.
final class ReportLog: Sendable {
    let reports = Mutex<[AnytimeReport]>([])
    func add(_ r: AnytimeReport) { reports.withLock { $0.append(r) } }
    var all: [AnytimeReport] { reports.withLock { $0 } }
}

@Suite struct IntegerPartitionSearchTests {
    @Test func integerPartitionsAreCounted() {
        // p(n) for n = 1 ... 12.
        let p = [1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77]
        for n in 1...12 { #expect(IntegerPartitionSearch.integerPartitions(n).count == p[n - 1]) }
    }

    /// Every distribution, n = 1 ... 10: IP and IDP find the brute-force optimum over all Bell(n)
    /// partitions, and every anytime report brackets it.
    @Test(arguments: CoalitionValueDistribution.allCases)
    func everyDistributionMatchesBruteForce(distribution: CoalitionValueDistribution) throws {
        for n in 1...10 {
            let seed = UInt64(n) * 7919 + 13
            let game = try distribution.game(players: n, seed: seed)
            let table = CoalitionValueTable(game)
            let optimum = Rational("\(bruteForceBest(table).best)")!
            let log = ReportLog()
            let ip = IntegerPartitionSearch.solve(table, options: PartitionOptions(jobs: 2, report: { log.add($0) }))
            let dp = DynamicProgramming.solve(table, options: PartitionOptions(jobs: 2))
            #expect(ip.value == optimum, "\(distribution.rawValue) n \(n) seed \(seed)")
            #expect(dp.value == optimum, "\(distribution.rawValue) n \(n) seed \(seed)")
            #expect(CoalitionStructureSearch.solve(table, method: .auto).value == optimum)
            #expect(isPartition(ip.coalitions, players: n) && isPartition(dp.coalitions, players: n))
            #expect(ip.value == table.structureValue(ip.coalitions))
            #expect(ip.stopReason == .completed && ip.isOptimal)
            for r in log.all { #expect(r.best <= optimum && optimum <= r.bound, "report \(r.best) ≤ \(optimum) ≤ \(r.bound)") }
        }
    }

    @Test func negativeAndMixedValuesMatchBruteForce() {
        for n in 3...9 {
            for seed in UInt64(1)...4 {
                let table = randomTable(players: n, range: -1000...1000, seed: seed &* 31 &+ UInt64(n))
                let optimum = Rational("\(bruteForceBest(table).best)")!
                for budget in [0.0, 1.0, 100.0] {
                    let r = IntegerPartitionSearch.solve(table, options: PartitionOptions(jobs: 2), dpBudget: budget)
                    #expect(r.value == optimum, "n \(n) seed \(seed) budget \(budget)")
                    #expect(isPartition(r.coalitions, players: n))
                }
            }
        }
    }

    /// `auto` when the search runs out of its cap: IDP continues on the search's layers.
    @Test func autoFallsBackToIDPWhenTheSearchCapIsReached() throws {
        for n in 8...11 {
            for seed in UInt64(1)...3 {
                let table = randomTable(players: n, range: 0...1000, seed: seed &* 77 &+ UInt64(n))
                let r = CoalitionStructureSearch.solve(table, method: .auto, options: PartitionOptions(jobs: 2), searchCap: 0)
                let optimum = n <= 10 ? Rational("\(bruteForceBest(table).best)")! : DynamicProgramming.solve(table).value
                #expect(r.value == optimum, "n \(n) seed \(seed)")
                #expect(isPartition(r.coalitions, players: n) && r.isOptimal)
                #expect(r.value == table.structureValue(r.coalitions))
            }
        }
    }

    @Test func superadditiveGamesGiveTheGrandCoalition() throws {
        // v(S) = |S|² is strictly superadditive: (a+b)² > a² + b².
        for n in 1...9 {
            let t = (0..<(1 << n)).map { $0.nonzeroBitCount * $0.nonzeroBitCount }
            let table = try CoalitionValueTable(playerNames: TUGame.defaultNames(n), numerators: t)
            for method in PartitionMethod.allCases {
                let r = CoalitionStructureSearch.solve(table, method: method)
                #expect(r.coalitions == [(1 << n) - 1], "\(method) n \(n)")
                #expect(r.value == Rational(n * n))
            }
        }
    }

    @Test func additiveGamesGiveAnyStructureOfEqualValue() throws {
        // v(S) = Σ_{i∈S} w_i: every structure is worth Σ w_i.
        var rng = SplitMix64(seed: 5)
        for n in 1...9 {
            let w = (0..<n).map { _ in rng.uniform(-20...50) }
            let t = (0..<(1 << n)).map { c in TUGame.members(c).reduce(0) { $0 + w[$1] } }
            let table = try CoalitionValueTable(playerNames: TUGame.defaultNames(n), numerators: t)
            for method in PartitionMethod.allCases {
                let r = CoalitionStructureSearch.solve(table, method: method)
                #expect(isPartition(r.coalitions, players: n))
                #expect(r.value == Rational(w.reduce(0, +)), "\(method) n \(n)")
            }
        }
    }

    @Test func aStoppedSearchReportsAValidBound() throws {
        // Stop at the first report: the result is incomplete, its bound is at least the optimum.
        let game = try CoalitionValueDistribution.uniform.game(players: 11, seed: 3)
        let table = CoalitionValueTable(game)
        let optimum = DynamicProgramming.solve(table).value
        let stop = PartitionStopControl()
        let log = ReportLog()
        let r = IntegerPartitionSearch.solve(table, options: PartitionOptions(jobs: 2, stop: stop, report: { log.add($0); stop.requestStop() }))
        #expect(r.stopReason == .interrupted)
        #expect(isPartition(r.coalitions, players: 11))
        #expect(r.value <= optimum && optimum <= r.bound)
        #expect(r.value == table.structureValue(r.coalitions))
        for rep in log.all { #expect(rep.best <= optimum && optimum <= rep.bound) }
        // The dynamic programme stopped at once also gives a valid structure and bound.
        let stopped = PartitionStopControl()
        stopped.requestStop()
        let d = DynamicProgramming.solve(table, options: PartitionOptions(stop: stopped))
        #expect(d.stopReason == .interrupted && isPartition(d.coalitions, players: 11))
        #expect(d.value <= optimum && optimum <= d.bound)
    }

    @Test func costGamesMinimiseTheTotalCost() throws {
        // Airport-like cost: c(S) = max cost in S + 1 per member: the grand coalition is cheapest.
        let n = 5, costs = [3, 5, 2, 7, 4]
        let values = (1..<(1 << n)).map { c in Rational(TUGame.members(c).map { costs[$0] }.max()! + c.nonzeroBitCount) }
        let game = try TUGame(playerCount: n, values: values, isCostGame: true)
        let table = CoalitionValueTable(game)
        for method in PartitionMethod.allCases {
            let r = CoalitionStructureSearch.solve(table, method: method)
            #expect(r.coalitions == [(1 << n) - 1])
            #expect(r.value == Rational(7 + 5))
        }
    }
}
