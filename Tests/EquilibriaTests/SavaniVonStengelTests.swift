import Testing
import GameSolve

/// Lemke–Howson path lengths on the Savani–von Stengel hard games, label by label.
///
/// Source of the table: /work/shared/data/savani-von-stengel.md ("Lemke–Howson path lengths
/// (pivots), starting from the artificial equilibrium", dropped labels 0..2d−1, row strategies
/// first), which follows R. Savani and B. von Stengel, "Hard-to-solve bimatrix games",
/// Econometrica 74(2), 2006. The longest path is F(3d/2 + 2) − 1 (F(1) = F(2) = 1).
@Suite struct SavaniVonStengelTests {
    static let pathLengths: [Int: [Int]] = [
        2: [4, 4, 4, 4],
        4: [20, 8, 8, 20, 10, 10, 10, 10],
        6: [88, 24, 24, 24, 24, 88, 36, 36, 16, 16, 36, 36],
        8: [376, 92, 92, 40, 40, 92, 92, 376, 146, 146, 42, 42, 42, 42, 146, 146],
        10: [1596, 380, 380, 108, 108, 108, 108, 380, 380, 1596, 612, 612, 152, 152, 68, 68, 152, 152, 612, 612],
        12: [6764, 1600, 1600, 396, 396, 176, 176, 396, 396, 1600, 1600, 6764,
             2586, 2586, 618, 618, 178, 178, 178, 178, 618, 618, 2586, 2586],
    ]

    static func fibonacci(_ k: Int) -> Int {
        var (a, b) = (1, 1)
        for _ in 2..<k { (a, b) = (b, a + b) }
        return k <= 2 ? 1 : b
    }

    @Test func tableLongestPathsAreFibonacci() {
        for (d, lengths) in Self.pathLengths {
            #expect(lengths.max() == Self.fibonacci(3 * d / 2 + 2) - 1, "d = \(d)")
        }
    }

    @Test(arguments: [2, 4, 6])
    func fractionFreePathLengthsMatchLabelByLabel(d: Int) throws {
        let game = try SavaniVonStengel(d: d).game()
        let solver = LemkeHowson(arithmetic: .fractionFree)
        var lengths = [Int]()
        var endpoints = Set<Equilibrium>()
        for k in 0..<(2 * d) {
            let path = try solver.path(game, label: LemkeHowson.Label(index: k, rowCount: d))
            lengths.append(path.pivots)
            #expect(["int", "int128", "bigint"].contains(path.arithmeticUsed))
            if let eq = path.equilibrium { endpoints.insert(eq) }
        }
        #expect(lengths == Self.pathLengths[d]!)
        // The game has a unique, completely mixed equilibrium.
        #expect(endpoints.count == 1)
        #expect(endpoints.first.map { $0.strategies.allSatisfy { $0.support.count == d } } == true)
        // The certified route (floating path, exact endpoint) reaches the same equilibrium along
        // paths of the same lengths.
        let certified = try LemkeHowson.allLabels(arithmetic: .exact).solve(game)
        #expect(Set(certified.equilibria) == endpoints)
        #expect(certified.details?.first?.pivots == lengths)
    }

    /// Exact (certified) mode up to d = 12: every label's floating-point path has the exact
    /// path's length (the table), and its endpoint is certified in rationals without a
    /// fraction-free rerun. The old double path (payoffs squeezed into [1, 2], absolute floor in
    /// the ratio tie test) went wrong from d = 10.
    /// d = 12 runs in release builds only (the debug build's unspecialised pivoting is slow).
    #if DEBUG
    static let certifiedSizes = [8, 10]
    #else
    static let certifiedSizes = [8, 10, 12]
    #endif

    @Test(arguments: certifiedSizes)
    func certifiedPathLengthsMatchLabelByLabel(d: Int) throws {
        let game = try SavaniVonStengel(d: d).game()
        let result = try LemkeHowson.allLabels(arithmetic: .exact).solve(game)
        #expect(result.equilibria.count == 1)
        #expect(result.counters["certifiedFromDoublePath"] == 2 * d)
        #expect(result.counters["doubleRecomputed"] == 0)
        #expect(result.counters["fractionFreePaths"] == 0)
        let details = try #require(result.details?.first)
        let labels = try #require(details.labels)
        let pivots = try #require(details.pivots)
        #expect(labels == (0..<(2 * d)).map { LemkeHowson.Label(index: $0, rowCount: d) })
        #expect(pivots == Self.pathLengths[d]!)
        #expect(result.counters["pivots"] == Self.pathLengths[d]!.reduce(0, +))
        let eq = try #require(result.equilibria.first)
        #expect(game.isNashEquilibrium(row: eq.strategies[0].probabilities, column: eq.strategies[1].probabilities))
    }

    #if !DEBUG
    /// d = 8 and 10 in pure fraction-free arithmetic (big integers: about a second in release
    /// builds, too slow for debug builds, so these run with `swift test -c release`): the
    /// fraction-free path lengths equal the certified route's.
    @Test(arguments: [8, 10])
    func fractionFreePathLengthsMatchLabelByLabelLarge(d: Int) throws {
        let game = try SavaniVonStengel(d: d).game()
        let result = try LemkeHowson.allLabels(arithmetic: .fractionFree).solve(game)
        #expect(result.equilibria.count == 1)
        let pivots = try #require(result.details?.first?.pivots)
        #expect(pivots == Self.pathLengths[d]!)
    }

    /// d = 14: the longest path, F(23) − 1 = 28,656 pivots (checked against a rational
    /// Lemke–Howson run outside this package), certified from the floating-point path.
    @Test func certifiedLongestPathAtFourteen() throws {
        let game = try SavaniVonStengel(d: 14).game()
        let path = try LemkeHowson(arithmetic: .exact).path(game, label: .row(0))
        #expect(path.pivots == Self.fibonacci(3 * 14 / 2 + 2) - 1)
        #expect(path.arithmeticUsed == "double+certificate")
        #expect(path.equilibrium != nil)
    }
    #endif
}
