import Foundation
import Testing
@testable import GameGenerators
import GameSolve

/// Defining properties of each bimatrix family, over several seeds (a failure names its seed).
@Suite struct GeneratorPropertyTests {
    static let seeds: [UInt64] = [0, 1, 2, 7, 42, 12345]

    @Test(arguments: seeds) func uniformIntegersStayInRange(seed: UInt64) throws {
        let g = try BimatrixGenerators.uniformRandom(rows: 4, columns: 6, payoffs: .integers(-3...5), seed: seed)
        #expect(g.rowCount == 4 && g.columnCount == 6)
        for x in g.rowPayoffs.storage + g.columnPayoffs.storage {
            #expect(x.isInteger && x >= Rational(-3) && x <= Rational(5), "seed \(seed): \(x)")
        }
    }

    @Test(arguments: seeds) func uniformDecimalsAreOnTheGrid(seed: UInt64) throws {
        let g = try BimatrixGenerators.uniformRandom(rows: 5, columns: 5, payoffs: .decimals(digits: 2), seed: seed)
        for x in g.rowPayoffs.storage + g.columnPayoffs.storage {
            #expect(x >= .zero && x < .one)
            #expect((x * Rational(100)).isInteger, "seed \(seed): \(x) is not a multiple of 1/100")
        }
    }

    @Test(arguments: seeds) func zeroSumIsZeroSum(seed: UInt64) throws {
        let g = try BimatrixGenerators.zeroSum(rows: 5, columns: 3, seed: seed)
        #expect(g.isZeroSum, "seed \(seed)")
    }

    @Test(arguments: seeds) func covarianceExtremesAreZeroSumAndCommonInterest(seed: UInt64) throws {
        let opposed = try BimatrixGenerators.covariance(rows: 6, columns: 6, correlation: -1, seed: seed)
        #expect(opposed.isZeroSum, "seed \(seed): rho = -1 must give B = -A")
        let common = try BimatrixGenerators.covariance(rows: 6, columns: 6, correlation: 1, seed: seed)
        #expect(common.rowPayoffs.storage == common.columnPayoffs.storage, "seed \(seed): rho = 1 must give B = A")
        // Same seed, same row payoffs whatever rho is: the first draw of each cell is A's.
        #expect(opposed.rowPayoffs.storage == common.rowPayoffs.storage)
    }

    @Test(arguments: [-0.5, 0.0, 0.5]) func covarianceHasTheRequestedCorrelation(rho: Double) throws {
        let g = try BimatrixGenerators.covariance(rows: 60, columns: 60, correlation: rho, decimals: 4, seed: 99)
        let a = g.rowPayoffs.storage.map(\.doubleValue), b = g.columnPayoffs.storage.map(\.doubleValue)
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        let va = a.reduce(0) { $0 + ($1 - ma) * ($1 - ma) } / n
        let vb = b.reduce(0) { $0 + ($1 - mb) * ($1 - mb) } / n
        let cov = zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) } / n
        // 3600 samples: the standard error of each estimate is below 0.03.
        #expect(abs(ma) < 0.1 && abs(mb) < 0.1)
        #expect(abs(va - 1) < 0.1 && abs(vb - 1) < 0.1)
        #expect(abs(cov / (va * vb).squareRoot() - rho) < 0.1, "sample correlation \(cov / (va * vb).squareRoot()) for rho \(rho)")
    }

    @Test func portableLogAgreesWithTheMathLibrary() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<2000 {
            let x = rng.unitDouble() * 10 + 1e-9
            let ours = Sampling.portableLog(x), theirs = Foundation.log(x)
            #expect(abs(ours - theirs) <= 4e-16 * max(1, abs(theirs)), "log(\(x)): \(ours) vs \(theirs)")
        }
    }

    @Test(arguments: [2, 3, 4]) func sandholmGilpinConitzerHasTheDescribedEquilibrium(k: Int) throws {
        let g = try BimatrixGenerators.sandholmGilpinConitzer(k: k)
        let n = 4 * k - 1, m = 2 * k - 1
        #expect(g.rowCount == n && g.columnCount == n)
        let uniform = (0..<n).map { $0 < m ? Rational(1, m) : .zero }
        let eq = try #require(g.verifiedEquilibrium(row: uniform, column: uniform))
        #expect(eq.payoffs == [Rational(3, 4), Rational(3, 4)])
        // Every payoff lies in [0, 1] with both ends attained.
        let all = g.rowPayoffs.storage + g.columnPayoffs.storage
        #expect(all.min() == .zero && all.max() == .one)
        // No pure equilibrium: the unique equilibrium has support size 2k-1.
        #expect(PureStrategyEquilibria().equilibria(of: g.normalForm).isEmpty)
    }

    /// k = 2 (7x7): every support pair of equal size (127² pairs) checked by solving the
    /// indifference equations exactly; only the described equilibrium exists.
    @Test func sandholmGilpinConitzerEquilibriumIsUnique() throws {
        let g = try BimatrixGenerators.sandholmGilpinConitzer(k: 2)
        let found = SmallSupportEnumeration.equilibria(of: g)
        let third = Rational(1, 3)
        #expect(found.count == 1)
        #expect(found.first?.0 == [third, third, third, 0, 0, 0, 0])
        #expect(found.first?.1 == [third, third, third, 0, 0, 0, 0])
    }

    @Test(arguments: seeds) func unitVectorColumnsAreUnitVectors(seed: UInt64) throws {
        for avoid in [false, true] {
            let g = try BimatrixGenerators.unitVector(size: 6, avoidPureNash: avoid, seed: seed)
            for j in 0..<6 {
                let column = g.rowPayoffs.column(j)
                #expect(column.filter { $0 == .one }.count == 1 && column.filter { $0 == .zero }.count == 5, "seed \(seed) column \(j)")
            }
            #expect(g.columnPayoffs.storage.allSatisfy { $0 >= .zero && $0 < .one })
            if avoid {
                #expect(PureStrategyEquilibria().equilibria(of: g.normalForm).isEmpty, "seed \(seed): a pure equilibrium survived")
            }
        }
    }

    @Test(arguments: seeds) func tournamentIsAWinLoseGameOnATournament(seed: UInt64) throws {
        let n = 6
        let g = try BimatrixGenerators.tournament(nodes: n, subsetSize: 1, seed: seed)
        #expect(g.rowCount == n && g.columnCount == n)
        // With k = 1 column c is the subset {c}: A[i][c] = 1 iff i beats c; exactly one of each pair wins.
        for i in 0..<n {
            #expect(g.rowPayoffs[i, i] == .zero && g.columnPayoffs[i, i] == .one)
            for j in 0..<n where j != i {
                #expect(g.rowPayoffs[i, j] + g.rowPayoffs[j, i] == .one, "seed \(seed): pair \(i),\(j)")
            }
        }
        let g2 = try BimatrixGenerators.tournament(nodes: 7, subsetSize: 3, seed: seed)
        #expect(g2.columnCount == 35)
        for c in 0..<35 {
            let members = (0..<7).filter { g2.columnPayoffs[$0, c] == .one }
            #expect(members.count == 3)
            for i in 0..<7 where g2.rowPayoffs[i, c] == .one { #expect(!members.contains(i)) }
            #expect((g2.rowPayoffs.storage + g2.columnPayoffs.storage).allSatisfy { $0 == .zero || $0 == .one })
        }
        // Colexicographic order of the subsets.
        #expect((0..<7).filter { g2.columnPayoffs[$0, 0] == .one } == [0, 1, 2])
        #expect((0..<7).filter { g2.columnPayoffs[$0, 1] == .one } == [0, 1, 3])
        #expect((0..<7).filter { g2.columnPayoffs[$0, 34] == .one } == [4, 5, 6])
    }

    @Test(arguments: seeds) func rankingPayoffsArePrizeMinusIncreasingCost(seed: UInt64) throws {
        let n = 7
        let g = try BimatrixGenerators.ranking(size: n, steps: 10, seed: seed)
        let s = Matrix(rows: n, columns: n, storage: zip(g.rowPayoffs.storage, g.columnPayoffs.storage).map { $0 + $1 })
        // The prizes sum to 1, so A + B = 1 - cost1(i) - cost2(j), additive in i and j.
        for i in 0..<n { for j in 0..<n { #expect(s[i, j] - s[i, 0] - s[0, j] + s[0, 0] == .zero) } }
        #expect(s[0, 0] == .one)
        let rowCosts = (0..<n).map { Rational.one - s[$0, 0] }
        #expect(zip(rowCosts, rowCosts.dropFirst()).allSatisfy { $0 < $1 }, "seed \(seed): costs must increase")
        #expect(rowCosts.last! <= .one)
        // Each player's prize is 0, 1/2 or 1.
        for i in 0..<n { for j in 0..<n {
            let prize = g.rowPayoffs[i, j] + rowCosts[i]
            #expect(prize == .zero || prize == Rational(1, 2) || prize == .one)
        } }
    }

    @Test func badParametersThrow() {
        #expect(throws: GeneratorError.self) { try BimatrixGenerators.uniformRandom(rows: 0, columns: 3, seed: 1) }
        #expect(throws: GeneratorError.self) { try BimatrixGenerators.covariance(rows: 3, columns: 3, correlation: 1.5, seed: 1) }
        #expect(throws: GeneratorError.self) { try BimatrixGenerators.sandholmGilpinConitzer(k: 1) }
        #expect(throws: GeneratorError.self) { try BimatrixGenerators.tournament(nodes: 4, subsetSize: 5, seed: 1) }
        #expect(throws: GeneratorError.self) { try BimatrixGenerators.tournament(nodes: 60, subsetSize: 30, seed: 1) }
        #expect(throws: GeneratorError.self) { try BimatrixGenerators.unitVector(size: 1, avoidPureNash: true, seed: 1) }
        #expect(throws: GeneratorError.self) { try BimatrixGenerators.uniformRandom(rows: 3, columns: 3, payoffs: .decimals(digits: 12), seed: 1) }
        #expect(throws: GeneratorError.self) { try BimatrixGenerators.uniformRandom(rows: 100_000, columns: 100_000, seed: 1) }
    }
}
