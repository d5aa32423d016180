import BigInt
import Testing
@testable import ExactArithmetic

/// The verified floating filter never contradicts the exact solution, and decides most
/// components of well-conditioned systems.
@Suite struct VerifiedLinearSystemTests {
    /// Random integer systems, well and badly conditioned (rows nearly equal, as in the
    /// Savani–von Stengel games): every sign the filter proves is the exact sign.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func provenSignsAreExactSigns(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var decided = 0, total = 0
        for trial in 0..<200 {
            let n = 2 + Int(rng.next() % 9)
            let nearlyEqual = trial % 2 == 1
            let base = (0..<n).map { _ in Int(rng.next() % 4_000_000_000) + 1 }
            var m = [Int](repeating: 0, count: n * n)
            for i in 0..<n {
                for j in 0..<n {
                    m[i * n + j] = nearlyEqual ? base[j] + Int(rng.next() % 1000) : Int(rng.next() % 2001) - 1000
                }
            }
            let b = (0..<n).map { _ in Int(rng.next() % 21) - 10 }
            guard let exact = FractionFreeSolve.solve(size: n, entry: { BigInt(m[$0 * n + $1]) }, rhs: { BigInt(b[$0]) }) else { continue }
            guard let signs = VerifiedLinearSystem.signs(size: n, matrix: m.map(Double.init), rhs: b.map(Double.init)) else { continue }
            for j in 0..<n {
                total += 1
                let s = exact.numerators[j].signum()
                switch signs[j] {
                case .positive: #expect(s > 0, "seed \(seed) trial \(trial) component \(j)"); decided += 1
                case .negative: #expect(s < 0, "seed \(seed) trial \(trial) component \(j)"); decided += 1
                case .undecided: break
                }
            }
        }
        // Well-conditioned half: almost everything is decided.
        #expect(decided * 2 > total, "decided \(decided) of \(total)")
    }

    @Test func singularSystemsAreNotVerified() {
        #expect(VerifiedLinearSystem.signs(size: 2, matrix: [1, 2, 2, 4], rhs: [1, 1]) == nil)
    }
}
