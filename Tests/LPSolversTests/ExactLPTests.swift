import Testing
import GameSolve
@testable import LinearProgramming

@Suite struct ExactLPTests {
    /// max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6: optimum (8/5, 6/5), value 14/5, duals (2/5, 1/5).
    static func smallLP() -> LinearProgram {
        var lp = LinearProgram(direction: .maximize, objective: [1, 1])
        lp.add([(0, 1), (1, 2)], .atMost(4))
        lp.add([(0, 3), (1, 1)], .atMost(6))
        return lp
    }

    @Test(arguments: GLPKSolver.ExactStart.allCases)
    func solvesASmallLPExactly(start: GLPKSolver.ExactStart) throws {
        let s = try GLPKSolver().solveExactly(Self.smallLP(), start: start)
        #expect(s.status == .optimal && s.isCertified)
        let exact = try #require(s.exact)
        #expect(exact.objectiveValue == Rational(14, 5))
        #expect(exact.values == [Rational(8, 5), Rational(6, 5)])
        #expect(exact.duals == [Rational(2, 5), Rational(1, 5)])
        #expect(exact.reducedCosts == [0, 0])
        #expect(s.rowStatus == [.atUpper, .atUpper] && s.columnStatus == [.basic, .basic])
    }

    @Test func floatingSolveReportsBasisAndReducedCosts() throws {
        let s = try GLPKSolver().solve(Self.smallLP())
        #expect(s.exact == nil && !s.isCertified)
        #expect(s.columnStatus == [.basic, .basic] && s.reducedCosts.count == 2)
    }

    /// Data that is not dyadic (1/3, 1/7) must still come out exact: min x/3 + y/7 s.t.
    /// x + y ≥ 1/3, x − y ≤ 1/10, x, y ≥ 0 → y = 1/3, x = 0, value 1/21.
    @Test func nonDyadicDataIsExact() throws {
        var lp = LinearProgram(direction: .minimize, objective: [Rational(1, 3), Rational(1, 7)])
        lp.add([(0, 1), (1, 1)], .atLeast(Rational(1, 3)))
        lp.add([(0, 1), (1, -1)], .atMost(Rational(1, 10)))
        let exact = try #require(try GLPKSolver().solveExactly(lp).exact)
        #expect(exact.objectiveValue == Rational(1, 21))
        #expect(exact.values == [0, Rational(1, 3)])
        #expect(exact.duals == [Rational(1, 7), 0])
    }

    @Test(arguments: GLPKSolver.ExactStart.allCases)
    func certifiesInfeasibleAndUnbounded(start: GLPKSolver.ExactStart) throws {
        var infeasible = LinearProgram(direction: .minimize, objective: [1, 1])
        infeasible.add([(0, 1), (1, 1)], .atMost(-1))
        let a = try GLPKSolver().solveExactly(infeasible, start: start)
        #expect(a.status == .infeasible && a.isCertified && a.exact == nil)
        var unbounded = LinearProgram(direction: .maximize, objective: [1, -1])
        unbounded.add([(0, 1), (1, -1)], .atLeast(-3))
        let b = try GLPKSolver().solveExactly(unbounded, start: start)
        #expect(b.status == .unbounded && b.isCertified)
    }

    @Test func emptyAndBoundedOnlyPrograms() throws {
        // No rows: min x − y with 1 ≤ x ≤ 2, y ≤ 5 → x = 1, y = 5, value −4.
        let lp = LinearProgram(direction: .minimize, objective: [1, -1],
                               variableBounds: [.between(1, 2), .atMost(5)])
        let exact = try #require(try GLPKSolver().solveExactly(lp).exact)
        #expect(exact.values == [1, 5] && exact.objectiveValue == -4)
        let none = LinearProgram(direction: .maximize, objective: [], objectiveConstant: 7)
        #expect(try GLPKSolver().solveExactly(none).exact?.objectiveValue == 7)
    }

    @Test func certificateRejectsAWrongBasis() {
        // The basis with both slacks basic (x = y = 0) is feasible but not optimal.
        let result = Self.smallLP().certifyBasis(rowStatus: [.basic, .basic], columnStatus: [.atLower, .atLower])
        guard case .failure = result else { Issue.record("a non-optimal basis was certified"); return }
        let wrongCount = Self.smallLP().certifyBasis(rowStatus: [.basic], columnStatus: [.basic, .basic])
        guard case .failure = wrongCount else { Issue.record("a malformed basis was certified"); return }
    }

    @Test func rejectsInvalidProgramsBeforeGLPK() {
        var duplicate = LinearProgram(direction: .minimize, objective: [1, 1])
        duplicate.add([(0, 1), (0, 2)], .atMost(1))
        #expect(throws: LPError.self) { try GLPKSolver().solveExactly(duplicate) }
        let inverted = LinearProgram(direction: .minimize, objective: [1], variableBounds: [.between(2, 1)])
        #expect(throws: LPError.self) { try GLPKSolver().solve(inverted) }
        let mismatched = LinearProgram(direction: .minimize, objective: [1, 2], variableBounds: [.free])
        #expect(throws: LPError.self) { try GLPKSolver().solve(mismatched) }
    }

    /// Random feasible bounded LPs (a box on x): both exact starts agree on the optimum and
    /// match the floating solve.
    @Test func randomLPsAgreeAcrossStarts() throws {
        for seed in UInt64(1)...12 {
            var rng = SplitMix64(seed: seed)
            let n = rng.uniform(2...8), m = rng.uniform(1...8)
            var lp = LinearProgram(direction: seed % 2 == 0 ? .maximize : .minimize,
                                   objective: (0..<n).map { _ in Rational(rng.uniform(-9...9), rng.uniform(1...4)) },
                                   variableBounds: Array(repeating: .between(-3, 5), count: n))
            for _ in 0..<m {
                let row = (0..<n).map { _ in Rational(rng.uniform(-5...5), rng.uniform(1...3)) }
                lp.constraints.append(.init(dense: row, bound: .between(-10, Rational(rng.uniform(1...20), 3))))
            }
            let a = try GLPKSolver().solveExactly(lp, start: .floatingBasis)
            let b = try GLPKSolver().solveExactly(lp, start: .exactSimplex)
            let f = try GLPKSolver(simplex: .dual).solve(lp)
            #expect(a.status == b.status && a.status == f.status, "seed \(seed)")
            if a.status == .optimal {
                #expect(a.exact?.objectiveValue == b.exact?.objectiveValue, "seed \(seed)")
                #expect(abs(f.objectiveValue - a.objectiveValue) < 1e-7, "seed \(seed)")
            }
        }
    }
}
