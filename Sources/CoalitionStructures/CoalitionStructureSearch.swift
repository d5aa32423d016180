/// The entry point of coalition structure generation: dispatches to the method.
public enum CoalitionStructureSearch {
    /// The optimal (or, when stopped, the best found and a bound) coalition structure.
    ///
    /// `auto` (the hybrid): the branch and bound (``IntegerPartitionSearch``) runs first with a
    /// cap of ``DynamicProgramming/splitCount(players:)``/16 candidate coalitions enumerated; if the cap is reached
    /// its work is dropped and ``DynamicProgramming`` solves the table. Measured on ODP-IP's
    /// distributions (Benchmarks/partition): value distributions where bounds prune (uniform)
    /// finish in the branch and bound, 10–25x faster than the dynamic programme; the others cost
    /// at most about 1/16 more than the dynamic programme alone.
    /// - Complexity: that of the method; `auto` at most O(3^n) plus the capped search.
    public static func solve(_ table: CoalitionValueTable, method: PartitionMethod, options: PartitionOptions = PartitionOptions()) -> CoalitionStructureResult {
        switch method {
        case .idp: return DynamicProgramming.solve(table, options: options)
        case .ip: return IntegerPartitionSearch.solve(table, options: options)
        case .auto:
            let cap = max(1 << 16, DynamicProgramming.splitCount(players: table.playerCount) / 16)
            if let r = IntegerPartitionSearch.solve(table, options: options, dpBudget: 1, nodeBudget: cap) {
                return r.withMethod(.auto)
            }
            return DynamicProgramming.solve(table, options: options).withMethod(.auto)
        }
    }
}

extension CoalitionStructureResult {
    func withMethod(_ m: PartitionMethod) -> CoalitionStructureResult {
        CoalitionStructureResult(coalitions: coalitions, value: value, bound: bound, stopReason: stopReason, method: m,
                                 usedInt64: usedInt64, counters: counters)
    }
}
