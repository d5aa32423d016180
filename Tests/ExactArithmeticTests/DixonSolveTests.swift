import BigInt
import Testing
@testable import ExactArithmetic

/// p-adic lifting gives exactly the solution of fraction-free elimination.
@Suite struct DixonSolveTests {
    /// Random nonsingular systems of several sizes and magnitudes (including nearly equal rows
    /// and entries near 2⁶²): the same rationals as Bareiss elimination, and A·x = b exactly.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func agreesWithElimination(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for trial in 0..<6 {
            let n = [1, 2, 5, 13, 30, 45][trial]
            let magnitude: Int64 = [3, 1000, 1_000_000, Int64(1) << 40, Int64(1) << 62, 7][Int(rng.next() % 6)]
            func draw() -> Int64 { Int64(bitPattern: rng.next()) % magnitude }
            let base = (0..<n).map { _ in draw() }
            let a = (0..<(n * n)).map { k -> Int64 in trial % 2 == 1 ? base[k % n] / 2 + draw() / 4 : draw() }
            let b = (0..<n).map { _ in draw() }
            // Nonsingular modulo p implies nonsingular, so the rational elimination below succeeds.
            guard let dixon = DixonSolve.solve(size: n, matrix: a, rhs: b) else { continue }
            let bareiss = eliminate(n, a, b)
            #expect(dixon.denominator > 0)
            for j in 0..<n {
                #expect(Rational(dixon.numerators[j], dixon.denominator) == Rational(bareiss.numerators[j], bareiss.denominator),
                        "seed \(seed) n \(n) component \(j)")
            }
            for i in 0..<n {
                var s = BigInt(0)
                for j in 0..<n { s += BigInt(a[i * n + j]) * dixon.numerators[j] }
                #expect(s == BigInt(b[i]) * dixon.denominator)
            }
        }
    }

    /// Bareiss elimination, the reference.
    func eliminate(_ n: Int, _ a: [Int64], _ b: [Int64]) -> (numerators: [BigInt], denominator: BigInt) {
        FractionFreeSolve.eliminate(size: n, entry: { BigInt(a[$0 * n + $1]) }, rhs: { BigInt(b[$0]) })!
    }

    @Test func singularModuloPIsNil() {
        #expect(DixonSolve.solve(size: 2, matrix: [1, 2, 2, 4], rhs: [1, 1]) == nil)
        #expect(DixonSolve.solve(size: 1, matrix: [2_147_483_647], rhs: [1]) == nil)
    }
}
