/// The entry point of coalition structure generation: dispatches to the method.
public enum CoalitionStructureSearch {
    /// The optimal (or, when stopped, the best found and a bound) coalition structure.
    /// - Complexity: that of the method (``DynamicProgramming``, ``IntegerPartitionSearch``).
    public static func solve(_ table: CoalitionValueTable, method: PartitionMethod, options: PartitionOptions = PartitionOptions()) -> CoalitionStructureResult {
        switch method {
        case .idp: return DynamicProgramming.solve(table, options: options)
        case .ip: return IntegerPartitionSearch.solve(table, options: options)
        }
    }
}
