import Testing
import ExactArithmetic
import StrategicGames
import Equilibria

@Suite struct ModelTests {
    /// The Nash test in fractions, written out here as the reference for the library's test
    /// (which decides integer games in 128-bit integers).
    static func referenceNashTest(_ g: BimatrixGame, _ x: [Rational], _ y: [Rational]) -> Bool {
        guard MixedStrategy(unchecked: x).isProbabilityVector, MixedStrategy(unchecked: y).isProbabilityVector else { return false }
        let ay = g.rowPayoffs(against: y), bx = g.columnPayoffs(against: x)
        let bestRow = ay.max()!, bestColumn = bx.max()!
        return (0..<g.rowCount).allSatisfy { x[$0].isZero || ay[$0] == bestRow }
            && (0..<g.columnCount).allSatisfy { y[$0].isZero || bx[$0] == bestColumn }
    }

    /// Integer games: the verdict on true equilibria (fractions with large denominators), on
    /// them slightly perturbed, on vectors that are not probability vectors and on
    /// denominators too large for 128 bits equals the reference computed in fractions.
    @Test func integerGameNashTestMatchesFractions() throws {
        var checked = 0, equilibria = 0
        for seed in UInt64(1)...UInt64(16) {
            var rng = SplitMix64(seed: seed)
            let m = rng.uniform(2...4), n = rng.uniform(2...4)
            let range = seed % 2 == 0 ? -3...3 : 0...999_999
            let a = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(range)) } }
            let b = (0..<m).map { _ in (0..<n).map { _ in Rational(rng.uniform(range)) } }
            let g = try BimatrixGame(rowPayoffs: a, columnPayoffs: b)
            var candidates: [([Rational], [Rational])] = []
            for e in try ExtremeEquilibria.solve(g).equilibria {
                let x = e.strategies[0].probabilities, y = e.strategies[1].probabilities
                candidates.append((x, y))
                // Move a tiny mass between two coordinates (still a probability vector when
                // the donor is positive), scale (sum ≠ 1), negate one entry.
                let eps = Rational(1, 1 << 40) * Rational(1, 1 << 40) * Rational(rng.uniform(1...7))
                var x2 = x
                if let donor = x2.indices.first(where: { x2[$0] > eps }) {
                    x2[donor] = x2[donor] - eps
                    x2[(donor + 1) % m] = x2[(donor + 1) % m] + eps
                    candidates.append((x2, y))
                }
                candidates.append((x.map { $0 * Rational(2) }, y))
                var y3 = y
                y3[0] = y3[0] - Rational(1)
                y3[1 % n] = y3[1 % n] + Rational(1)
                candidates.append((x, y3))
                // Denominators beyond 2^100: the fallback path.
                let huge = Rational(1, 1 << 62) * Rational(1, 1 << 62)
                var x4 = x
                if let donor = x4.indices.first(where: { x4[$0] > huge }) {
                    x4[donor] = x4[donor] - huge
                    x4[(donor + 1) % m] = x4[(donor + 1) % m] + huge
                    candidates.append((x4, y))
                }
            }
            for (x, y) in candidates {
                let expected = Self.referenceNashTest(g, x, y)
                #expect(g.isNashEquilibrium(row: x, column: y) == expected, "seed \(seed)")
                checked += 1
                if expected { equilibria += 1 }
            }
        }
        #expect(equilibria > 16 && checked > 3 * equilibria)
    }

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
