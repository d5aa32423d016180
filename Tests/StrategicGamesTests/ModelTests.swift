import Testing
import ExactArithmetic
import StrategicGames
import Equilibria

@Suite struct ModelTests {
    /// Battle of the sexes: two pure equilibria and the mixed one ((2/3,1/3),(1/3,2/3)).
    @Test func battleOfTheSexes() throws {
        let g = try BimatrixGame(rowPayoffs: [[2, 0], [0, 1]], columnPayoffs: [[1, 0], [0, 2]])
        #expect(g.isNashEquilibrium(row: [1, 0], column: [1, 0]))
        #expect(g.isNashEquilibrium(row: [Rational(2, 3), Rational(1, 3)], column: [Rational(1, 3), Rational(2, 3)]))
        #expect(!g.isNashEquilibrium(row: [Rational(1, 2), Rational(1, 2)], column: [Rational(1, 2), Rational(1, 2)]))
        let nf = g.normalForm
        let mixed: MixedProfile = [MixedStrategy([Rational(2, 3), Rational(1, 3)])!, MixedStrategy([Rational(1, 3), Rational(2, 3)])!]
        #expect(nf.isNashEquilibrium(mixed))
        #expect(nf.expectedPayoffs(mixed) == [Rational(2, 3), Rational(2, 3)])
        #expect(nf.bimatrix == g)
        let pure = PureStrategyEquilibria().equilibria(of: nf)
        #expect(pure.map { $0.strategies.map(\.support) } == [[[0], [0]], [[1], [1]]])
    }

    @Test func regretIsExact() throws {
        let g = try BimatrixGame(zeroSum: [[1, -1], [-1, 1]]).normalForm
        #expect(g.isZeroSum)
        let p: MixedProfile = [.pure(0, of: 2), .uniform(2)]
        #expect(g.regret(p) == Rational(1))
        #expect(g.regret([.uniform(2), .uniform(2)]) == .zero)
    }

    @Test func strictDominanceSolvesThePrisonersDilemma() throws {
        let g = try BimatrixGame(rowPayoffs: [[3, 0], [5, 1]], columnPayoffs: [[3, 5], [0, 1]]).normalForm
        let r = StrictDominance().eliminate(g)
        #expect(r.surviving == [[1], [1]])
        #expect(r.eliminated.count == 2)
    }
}
