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

    @Test(arguments: [2, 4, 6, 8, 10])
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

    @Test func doublePathLengthsMatchAtTwelve() throws {
        let d = 12
        let game = try SavaniVonStengel(d: d).game()
        let solver = LemkeHowson(arithmetic: .double)
        var lengths = [Int]()
        for k in 0..<(2 * d) {
            let path = try solver.path(game, label: LemkeHowson.Label(index: k, rowCount: d))
            #expect(path.equilibrium != nil && path.arithmeticUsed == "double", "label \(k)")
            lengths.append(path.pivots)
        }
        #expect(lengths == Self.pathLengths[d]!)
    }
}
