/// A maximal Nash subset of a two-player game: the convex hull of some extreme row strategies
/// times the convex hull of some extreme column strategies, every point of which is an
/// equilibrium (a maximal biclique of extreme equilibria).
public struct NashSubset: Sendable, Hashable, Codable {
    /// Indices into the distinct extreme row strategies (``ExtremeEquilibriaReport/rowVertices``).
    public let rowVertices: [Int]
    /// Indices into the distinct extreme column strategies.
    public let columnVertices: [Int]
    /// Indices of the extreme equilibria it contains (all row × column pairs).
    public let equilibria: [Int]
    /// The component (connected union of maximal Nash subsets) it belongs to.
    public let component: Int

    /// The subset's dimension as a product of simplices: (rows − 1) + (columns − 1).
    public var dimension: Int { rowVertices.count + columnVertices.count - 2 }
}

/// Maximal Nash subsets and components of the extreme equilibria of a bimatrix game.
///
/// Source: Avis, Rosenberg, Savani & von Stengel, "Enumeration of Nash equilibria for two-player
/// games", Economic Theory 42 (2010), §5: the extreme equilibria form a bipartite graph between
/// extreme row and column strategies (an edge per equilibrium); a product of convex hulls is a
/// Nash subset exactly when it is a biclique, the maximal Nash subsets are the maximal bicliques,
/// and the (topologically connected) components of the equilibrium set are the unions of
/// maximal Nash subsets that share a vertex — the connected components of the graph.
///
/// Steps: neighbourhoods N(x) as bit sets; the maximal bicliques are the pairs
/// (X(Y'), Y') where Y' runs over the non-empty intersections of neighbourhoods (closed sets of
/// the Galois connection) and X(Y') = {x : N(x) ⊇ Y'}; components by union–find over edges.
///
/// - Complexity: O(K · R · C/64) for R row vertices, C column vertices and K maximal bicliques;
///   K can be exponential in the worst case (the paper's clique algorithm shares this bound), so
///   `maxSubsets` caps it.
public enum NashSubsets {
    /// - Parameters:
    ///   - edges: the extreme equilibria as (row vertex, column vertex) index pairs.
    ///   - rowCount, columnCount: the numbers of distinct row and column vertices.
    ///   - maxSubsets: stop collecting bicliques beyond this many (returns `truncated = true`).
    /// - Returns: the maximal Nash subsets (sorted by component, then size descending, then
    ///   vertices) and the components as sorted lists of edge indices, in order of their
    ///   smallest edge.
    public static func compute(edges: [(row: Int, column: Int)], rowCount: Int, columnCount: Int,
                               maxSubsets: Int = 100_000) -> (subsets: [NashSubset], components: [[Int]], truncated: Bool) {
        // Components by union–find over vertices (rows 0..<R, columns R..<R+C).
        var parent = Array(0..<(rowCount + columnCount))
        func find(_ v: Int) -> Int {
            var v = v
            while parent[v] != v { parent[v] = parent[parent[v]]; v = parent[v] }
            return v
        }
        for e in edges {
            let a = find(e.row), b = find(rowCount + e.column)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var componentOfRoot: [Int: Int] = [:]
        var components: [[Int]] = []
        for (k, e) in edges.enumerated() {
            let root = find(e.row)
            if let c = componentOfRoot[root] { components[c].append(k) } else {
                componentOfRoot[root] = components.count
                components.append([k])
            }
        }

        // Neighbourhoods as bit sets over column vertices.
        let words = (columnCount + 63) / 64
        var neighbours = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: rowCount)
        var edgeIndex: [Int: Int] = [:]
        for (k, e) in edges.enumerated() {
            neighbours[e.row][e.column / 64] |= 1 << UInt64(e.column % 64)
            edgeIndex[e.row * columnCount + e.column] = k
        }
        // Closed column sets: all non-empty intersections of neighbourhoods.
        var closed = Set<[UInt64]>()
        var order: [[UInt64]] = []
        var truncated = false
        for x in 0..<rowCount where neighbours[x].contains(where: { $0 != 0 }) {
            var fresh: [[UInt64]] = []
            if !closed.contains(neighbours[x]) { fresh.append(neighbours[x]) }
            for z in order {
                let w = zip(z, neighbours[x]).map { $0 & $1 }
                if w.contains(where: { $0 != 0 }) && !closed.contains(w) && !fresh.contains(w) { fresh.append(w) }
            }
            for f in fresh {
                if order.count >= maxSubsets { truncated = true; break }
                closed.insert(f); order.append(f)
            }
            if truncated { break }
        }
        var subsets: [NashSubset] = []
        for ys in order {
            let rows = (0..<rowCount).filter { x in zip(neighbours[x], ys).allSatisfy { $0 & $1 == $1 } }
            var cols: [Int] = []
            for c in 0..<columnCount where ys[c / 64] & (1 << UInt64(c % 64)) != 0 { cols.append(c) }
            var eqs: [Int] = []
            for r in rows { for c in cols { if let k = edgeIndex[r * columnCount + c] { eqs.append(k) } } }
            eqs.sort()
            let comp = componentOfRoot[find(rows[0])]!
            subsets.append(NashSubset(rowVertices: rows, columnVertices: cols, equilibria: eqs, component: comp))
        }
        subsets.sort { a, b in
            if a.component != b.component { return a.component < b.component }
            if a.equilibria.count != b.equilibria.count { return a.equilibria.count > b.equilibria.count }
            return a.equilibria.lexicographicallyPrecedes(b.equilibria)
        }
        return (subsets, components, truncated)
    }
}
