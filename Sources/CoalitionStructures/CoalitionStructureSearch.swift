import SolverSupport
/// The entry point of coalition structure generation: dispatches to the method.
public enum CoalitionStructureSearch {
    /// The optimal (or, when stopped, the best found and a bound) coalition structure.
    ///
    /// `auto` (the hybrid, after ODP-IP's idea of feeding the dynamic programme's layers to IP):
    /// IDP's layers 2 ... n/2 − 1 (about 9% of its splits; for sizes ≤ n/2 IDP compares every
    /// split, so these values are exact), then the branch and bound (``IntegerPartitionSearch``)
    /// on them with a cap of ``DynamicProgramming/splitCount(players:)``/16 enumerated candidates.
    /// If the cap is reached the search's work is dropped and IDP continues from layer n/2 on the
    /// same table. So a distribution where bounds prune finishes early, and any other costs at
    /// most about 1/16 more than IDP alone (Benchmarks/partition has the measurements).
    /// - Complexity: that of the method; `auto` at most O(3^n) plus the capped search.
    /// - Parameter searchCap: `auto`'s cap on enumerated candidates (nil: splitCount/16).
    public static func solve(_ table: CoalitionValueTable, method: PartitionMethod, options: PartitionOptions = PartitionOptions(),
                             searchCap: Int? = nil) -> CoalitionStructureResult {
        switch method {
        case .idp: return DynamicProgramming.solve(table, options: options)
        case .ip: return IntegerPartitionSearch.solve(table, options: options)
        case .auto:
            guard table.sumsFitInt64, table.playerCount >= 4 else { return DynamicProgramming.solve(table, options: options).withMethod(.auto) }
            let n = table.playerCount
            let workers = max(1, options.jobs ?? Machine.processorCount)
            let cap = searchCap ?? max(1 << 16, DynamicProgramming.splitCount(players: n) / 16)
            switch IntegerPartitionSearch.solve(table, options: options, layers: n / 2 - 1, nodeBudget: cap) {
            case .done(let r): return r.withMethod(.auto)
            case .overBudget(var g, let completed, var counters):
                // Layers 2 ... n/2 − 1 are exact in g (for those sizes IDP compares every split too):
                // IDP goes on from there.
                let (last, stopped) = DynamicProgramming.layers(&g, players: n, from: completed + 1, through: n - 1, workers: workers,
                                                                 options: options, counters: &counters)
                return DynamicProgramming.finish(table, f: g, completedLayer: last, stopped: stopped, workers: workers,
                                                 counters: counters, method: .auto)
            }
        }
    }
}

extension CoalitionStructureResult {
    func withMethod(_ m: PartitionMethod) -> CoalitionStructureResult {
        CoalitionStructureResult(coalitions: coalitions, value: value, bound: bound, stopReason: stopReason, method: m,
                                 usedInt64: usedInt64, counters: counters)
    }
}
