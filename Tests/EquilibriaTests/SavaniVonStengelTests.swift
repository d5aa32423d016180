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
    func exactPathLengthsMatchLabelByLabel(d: Int) throws {
        let game = try SavaniVonStengel(d: d).game()
        let solver = LemkeHowson(arithmetic: .exact)
        var lengths = [Int]()
        var endpoints = Set<Equilibrium>()
        for k in 0..<(2 * d) {
            let path = try solver.path(game, label: LemkeHowson.Label(index: k, rowCount: d))
            lengths.append(path.pivots)
            if let eq = path.equilibrium { endpoints.insert(eq) }
        }
        #expect(lengths == Self.pathLengths[d]!)
        // The game has a unique, completely mixed equilibrium.
        #expect(endpoints.count == 1)
        #expect(endpoints.first.map { $0.strategies.allSatisfy { $0.support.count == d } } == true)
    }

    /// d = 8 in double mode (fast in debug builds); the endpoint is still solved and checked
    /// exactly. From d = 10 on, floating-point pivoting goes wrong on these games (it revisits a
    /// basis); the solver detects that and recomputes exactly — checked below.
    @Test func doublePathLengthsMatchLabelByLabelAtEight() throws {
        let d = 8
        let game = try SavaniVonStengel(d: d).game()
        let result = try LemkeHowson.allLabels(arithmetic: .double).solve(game)
        #expect(result.equilibria.count == 1)
        #expect(result.counters["doubleRecomputed"] == 0)
        let details = try #require(result.details?.first)
        let labels = details["labels"]!.split(separator: " ").map(String.init)
        let pivots = details["pivots"]!.split(separator: " ").map { Int($0)! }
        #expect(labels == (0..<(2 * d)).map { LemkeHowson.Label(index: $0, rowCount: d).description })
        #expect(pivots == Self.pathLengths[d]!)
        #expect(result.counters["pivots"] == Self.pathLengths[d]!.reduce(0, +))
    }

    #if !DEBUG
    /// d = 10 and 12 in exact arithmetic (big integers: a few seconds in release builds, too slow
    /// for debug builds, so these run with `swift test -c release`).
    @Test(arguments: [10, 12])
    func exactPathLengthsMatchLabelByLabelLarge(d: Int) throws {
        let game = try SavaniVonStengel(d: d).game()
        let result = try LemkeHowson.allLabels(arithmetic: .exact).solve(game)
        #expect(result.equilibria.count == 1)
        let pivots = try #require(result.details?.first?["pivots"]).split(separator: " ").map { Int($0)! }
        #expect(pivots == Self.pathLengths[d]!)
    }

    @Test func doubleModeRecoversWhenFloatingPointFails() throws {
        let game = try SavaniVonStengel(d: 10).game()
        let path = try LemkeHowson(arithmetic: .double).path(game, label: .row(0))
        #expect(path.pivots == 1596)
        #expect(path.equilibrium != nil)
    }
    #endif
}
