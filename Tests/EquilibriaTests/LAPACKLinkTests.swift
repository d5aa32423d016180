import Testing
import Equilibria

@Suite struct LAPACKLinkTests {
    @Test func solvesADenseSystem() throws {
        // 2x + y = 5, x + 3y = 10  →  x = 1, y = 3.
        let x = try #require(lapackSolve([[2, 1], [1, 3]], [5, 10]))
        #expect(abs(x[0] - 1) < 1e-12 && abs(x[1] - 3) < 1e-12)
        #expect(lapackSolve([[1, 2], [2, 4]], [1, 2]) == nil)
    }
}
