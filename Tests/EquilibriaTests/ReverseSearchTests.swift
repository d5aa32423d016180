import BigInt
import Testing
@testable import Equilibria
@testable import GameSolve

/// The reverse search behind sharded extreme-equilibrium enumeration visits exactly the
/// lexicographically feasible bases the depth-first walk visits, each once, in every integer
/// type of the pivoting (the double shortcuts of its child test must never decide wrongly).
@Suite struct ReverseSearchTests {
    static func bases<Z: PivotInteger>(_: Z.Type, _ game: BimatrixGame, depth: Int = 0, k: Int = 1) throws -> (dfs: Set<String>, reverse: [String]) {
        let a = ExtremeEquilibria.smallPositiveIntegers(game.rowPayoffs.storage)!
        let b = ExtremeEquilibria.smallPositiveIntegers(game.columnPayoffs.storage)!
        let bound = max(ExtremeEquilibria.hadamardLog2(b.map { Double($0) }, rows: game.rowCount, columns: game.columnCount, transposed: true),
                        ExtremeEquilibria.hadamardLog2(a.map { Double($0) }, rows: game.rowCount, columns: game.columnCount, transposed: false))
        let engine = ExtremeEquilibriaEngine<Z>(small: a, b: b, m: game.rowCount, n: game.columnCount, bound: Int(bound.rounded(.up)))
        var dfs = engine.rowPolytopeSearch()
        var keys = Set<String>()
        _ = try dfs.run { s in keys.insert("\(s.basisKey)"); return true }
        var visited: [String] = []
        for i in 0..<k {
            var walker = ReverseSearchWalker(search: engine.rowPolytopeSearch())
            try walker.walk(splitDepth: depth, owns: { $0 % k == i }, ownsPrefix: i == 0) { s in visited.append("\(s.basisKey)"); return true }
        }
        return (keys, visited)
    }

    @Test(arguments: [(10, 2), (11, 1), (9, 4)])
    func reverseSearchVisitsEveryBasisOnce(size: Int, seed: UInt64) throws {
        guard case .bimatrix(let game) = try GameFamily.random.generate(GeneratorParameters(size: size, seed: seed)) else {
            Issue.record("not a bimatrix game"); return
        }
        for (name, result) in [("Int", try Self.bases(Int.self, game)), ("Int128", try Self.bases(Int128.self, game)),
                               ("Int256", try Self.bases(Int256.self, game)), ("BigInt", try Self.bases(BigInt.self, game))] {
            #expect(result.reverse.count == result.dfs.count, "\(name): \(result.reverse.count) bases vs \(result.dfs.count)")
            #expect(Set(result.reverse) == result.dfs, "\(name)")
        }
        // Split at depth 4 into round-robin subtrees over 3 walks: each basis once.
        let split = try Self.bases(Int.self, game, depth: 4, k: 3)
        #expect(split.reverse.count == split.dfs.count)
        #expect(Set(split.reverse) == split.dfs)
    }
}
