import Testing
import GameSolve
@testable import LinearProgramming

@Suite struct GLPKLinkTests {
    /// max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6, x, y ≥ 0: optimum (8/5, 6/5), value 14/5.
    @Test func solvesASmallLP() throws {
        var lp = LinearProgram(direction: .maximize, objective: [1, 1])
        lp.add([(0, 1), (1, 2)], .atMost(4))
        lp.add([(0, 3), (1, 1)], .atMost(6))
        let s = try GLPKSolver().solve(lp)
        #expect(s.status == .optimal)
        #expect(abs(s.objectiveValue - 2.8) < 1e-9)
        #expect(abs(s.values[0] - 1.6) < 1e-9 && abs(s.values[1] - 1.2) < 1e-9)
        #expect(abs(s.duals[0] - 0.4) < 1e-9 && abs(s.duals[1] - 0.2) < 1e-9)
    }

    @Test func reportsInfeasibleAndUnbounded() throws {
        var infeasible = LinearProgram(direction: .minimize, objective: [1])
        infeasible.add([(0, 1)], .atMost(-1))
        #expect(try GLPKSolver().solve(infeasible).status == .infeasible)
        let unbounded = LinearProgram(direction: .maximize, objective: [1])
        #expect(try GLPKSolver().solve(unbounded).status == .unbounded)
    }

    @Test func rejectsBadIndicesBeforeGLPKSeesThem() {
        var lp = LinearProgram(direction: .minimize, objective: [1])
        lp.add([(3, 1)], .atMost(1))
        #expect(throws: LPError.self) { try GLPKSolver().solve(lp) }
    }
}
