import Testing
import GameSolve

/// Cost games: the airport game of Littlechild & Owen (1973), c(S) = max_{i∈S} cᵢ, with the
/// core {x : x(N) = c(N), x(S) ≤ c(S)}, excess x(S) − c(S) and (pre)nucleolus −(pre)nucleolus(−c).
@Suite("Cost games (airport)")
struct CostGameTests {
    /// Costs 1, 2, 3: c({1}) = 1, c({2}) = c({1,2}) = 2, every coalition with player 3 costs 3.
    static func airport123() throws -> TUGame { try CoalitionRule.airport(costs: [1, 2, 3]).table() }

    /// Sorted (descending) cost-game excesses x(S) − c(S) over S ∉ {∅, N}, from the definition.
    static func sortedExcesses(_ c: TUGame, _ x: [Rational]) -> [Rational] {
        (1..<c.grandCoalition).map { TUGame.sum(x, over: $0) - c.value($0) }.sorted(by: >)
    }

    /// Lexicographic a < b for equal-length vectors.
    static func lexLess(_ a: [Rational], _ b: [Rational]) -> Bool {
        for (p, q) in zip(a, b) where p != q { return p < q }
        return false
    }

    @Test func theAirportGameIsACostGame() throws {
        let c = try Self.airport123()
        #expect(c.isCostGame)
        #expect(c.values == [1, 2, 2, 3, 3, 3, 3])
        #expect(c.isSubadditive && c.isConcave && c.isMonotone)
        // Σ c({i}) = 6 ≥ c(N) = 3: imputations exist (xᵢ ≤ c({i})), and more than one.
        #expect(c.hasImputations && c.isEssential)
        // Read as a profit game, the same table has no imputations (Σ v({i}) = 6 > v(N) = 3).
        #expect(!c.withCostGame(false).hasImputations)
        #expect(c.profitForm.values == [-1, -2, -2, -3, -3, -3, -3] && !c.profitForm.isCostGame)
        #expect(try CoalitionRule.bankruptcy(estate: 200, claims: [100, 200, 300]).table().isCostGame == false)
    }

    /// The nucleolus of the airport game with costs 1, 2, 3, by hand from the definition:
    /// with x₃ = 3 − x₁ − x₂ the excesses x(S) − c(S) are x₁ − 1, x₂ − 2, −x₁ − x₂, x₁ + x₂ − 2,
    /// −x₂ ({1,3}) and −x₁ ({2,3}). The largest is minimised first: −x₁ ≤ ε and x₁ − 1 ≤ ε force
    /// ε ≥ −1/2, reached only at x₁ = 1/2 (level 1 settles {1} and {2,3}). Then
    /// max(x₂ − 3/2, −x₂) is least at x₂ = 3/4 (level 2: {1,2} and {1,3} at −3/4), so x₃ = 7/4.
    /// It agrees with Littlechild's (1974) sequential formula for airport games (costs ascending),
    /// xᵢ = min_{i≤k<n} (cₖ − Σ_{j<i} xⱼ)/(k − i + 2) and xₙ the rest: x₁ = min(1/2, 2/3) = 1/2,
    /// x₂ = (2 − 1/2)/2 = 3/4, x₃ = 3 − 5/4 = 7/4.
    @Test func nucleolusOfTheAirportGame() throws {
        let c = try Self.airport123()
        let expected: [Rational] = [Rational(1, 2), Rational(3, 4), Rational(7, 4)]
        let nucleolus = try SequentialNucleolus.nucleolus(c)
        #expect(nucleolus.allocation == expected)
        #expect(nucleolus.verified, "\(nucleolus.certificate.failure ?? "")")
        #expect(nucleolus.levels == [Rational(-1, 2), Rational(-3, 4)])
        // The core is non-empty, so the prenucleolus is the nucleolus.
        let pre = try SequentialNucleolus.prenucleolus(c)
        #expect(pre.allocation == expected && pre.verified)
        // The definition, checked independently: an imputation (xᵢ ≤ c({i}), x(N) = c(N)), and no
        // nearby imputation x + t·d (d on a grid of directions with d(N) = 0) has lexicographically
        // smaller sorted excesses. The sorted-excess map is piecewise linear, so small steps show
        // every direction of improvement.
        #expect(expected.reduce(.zero, +) == c.value(c.grandCoalition))
        #expect((0..<3).allSatisfy { expected[$0] <= c.value(1 << $0) })
        let base = Self.sortedExcesses(c, expected)
        for d1 in -2...2 {
            for d2 in -2...2 where d1 != 0 || d2 != 0 {
                let t = Rational(1, 64)
                let y = [expected[0] + t * Rational(d1), expected[1] + t * Rational(d2), expected[2] - t * Rational(d1 + d2)]
                guard (0..<3).allSatisfy({ y[$0] <= c.value(1 << $0) }) else { continue }
                #expect(!Self.lexLess(Self.sortedExcesses(c, y), base), "direction (\(d1), \(d2))")
            }
        }
        // The profit game −c has the negated nucleolus.
        #expect(try SequentialNucleolus.nucleolus(c.profitForm).allocation == expected.map { -$0 })
    }

    @Test func coreAndLeastCoreOfTheAirportGame() throws {
        let c = try Self.airport123()
        // Concave cost game: the Shapley value (1/3, 5/6, 11/6) lies in the core (Shapley 1971).
        let shapley = c.shapleyValue()
        #expect(shapley == [Rational(1, 3), Rational(5, 6), Rational(11, 6)])
        let m = try c.coreMembership(shapley)
        #expect(m.inCore && m.efficient)
        // Its largest excess x(S) − c(S), computed from the definition.
        let maxExcess = (1..<c.grandCoalition).map { TUGame.sum(shapley, over: $0) - c.value($0) }.max()!
        #expect(m.maxExcess == maxExcess && maxExcess == Rational(-1, 3))
        // Paying more than a coalition's stand-alone cost is blocked: {1} pays 2 > c({1}) = 1.
        let blocked = try c.coreMembership([2, Rational(1, 2), Rational(1, 2)])
        #expect(!blocked.inCore && blocked.mostViolated == 1 && blocked.maxExcess == 1)
        // Everyone paying nothing but player 3 paying all: in the core (x(S) ≤ c(S) everywhere).
        #expect(try c.coreMembership([0, 0, 3]).inCore)
        // Least core: ε* = −1/2 (see the nucleolus derivation), the point the prenucleolus.
        let lc = try c.leastCore()
        #expect(lc.value == Rational(-1, 2) && lc.coreNonEmpty && lc.verified)
        #expect(lc.point == [Rational(1, 2), Rational(3, 4), Rational(7, 4)])
    }

    @Test func costGameWithoutImputations() throws {
        // c({i}) = 1 each, c(N) = 4 > Σ c({i}) = 3: no x with xᵢ ≤ 1 pays 4.
        let c = try TUGame(playerCount: 3, values: [1, 1, 2, 1, 2, 2, 4], isCostGame: true)
        #expect(!c.hasImputations)
        #expect(throws: CoreSolutionError.emptyCostImputationSet(singletonSum: 3, grandCoalition: 4)) {
            try SequentialNucleolus.nucleolus(c)
        }
        // The prenucleolus still exists: by symmetry (4/3, 4/3, 4/3).
        let pre = try SequentialNucleolus.prenucleolus(c)
        #expect(pre.allocation == [Rational(4, 3), Rational(4, 3), Rational(4, 3)] && pre.verified)
    }
}
