import BigInt
import Testing
import ExactArithmetic
@testable import Equilibria

/// The Lemke–Howson certificate's best-response check decides most strategies with a floating
/// filter whose error bound is proven, and the rest with exact big-integer sums. These cases sit
/// far below double precision: a strategy that beats the tight one by one part in 2^150 must be
/// caught, one that equals it must pass, one that falls short by that much must pass.
@Suite struct BestResponseFilterTests {
    /// Weights with about 150-bit entries over a 160-bit denominator (a probability vector).
    static func weights(_ k: Int, _ rng: inout SplitMix64) -> (weights: [BigInt], denominator: BigInt) {
        var w = (0..<k).map { _ in
            (0..<3).reduce(BigInt(1)) { acc, _ in acc * BigInt(Int(rng.next() % (1 << 50)) + 1) }
        }
        w[k - 1] = BigInt(1)   // the smallest weight: moving its payoff by 1 changes g by 1
        return (w, w.reduce(0, +))
    }

    @Test func decisionsBeyondDoublePrecisionAreExact() {
        var rng = SplitMix64(seed: 31)
        for trial in 0..<20 {
            let k = 2 + trial % 5
            let (w, den) = Self.weights(k, &rng)
            let base = (0..<k).map { _ in Int(rng.next() % 1000) }
            // Row 0 is the tight row; row 1 copies it with +1 on the last column (better by
            // 1/den), row 2 with −1 (worse by 1/den), row 3 is equal, row 4 clearly worse.
            let rows: [[Int]] = [base, base.enumerated().map { $0.offset == k - 1 ? $0.element + 1 : $0.element },
                                 base.enumerated().map { $0.offset == k - 1 ? $0.element - 1 : $0.element },
                                 base, base.map { $0 - 500 }]
            func check(_ count: Int, mustAttain: [Int] = []) -> BigInt? {
                BasisCertificate.bestResponseCheck(count: count, support: Array(0..<k), weights: w, denominator: den,
                                                   tight: [0], mustAttain: mustAttain,
                                                   exact: { i, c in BigInt(rows[i][c]) },
                                                   approximate: { i, c in Rational(rows[i][c]) })
            }
            let top = zip(base, w).reduce(BigInt(0)) { $0 + BigInt($1.0) * $1.1 }
            #expect(check(1) == top, "trial \(trial)")
            #expect(check(2) == nil, "trial \(trial): a row better by one part in 2^150 must be caught")
            // Without row 1: rows 2 (worse by 1/den), 3 (equal) and 4 pass; row 3 may be required
            // to attain the maximum, row 2 may not.
            let withoutBetter: (Int, Int) -> Int = { i, c in rows[i == 1 ? 4 : i][c] }
            let passing = BasisCertificate.bestResponseCheck(count: 5, support: Array(0..<k), weights: w, denominator: den,
                                                             tight: [0], mustAttain: [3],
                                                             exact: { i, c in BigInt(withoutBetter(i, c)) },
                                                             approximate: { i, c in Rational(withoutBetter(i, c)) })
            #expect(passing == top, "trial \(trial)")
            let mustAttainWorse = BasisCertificate.bestResponseCheck(count: 5, support: Array(0..<k), weights: w, denominator: den,
                                                                     tight: [0], mustAttain: [2],
                                                                     exact: { i, c in BigInt(withoutBetter(i, c)) },
                                                                     approximate: { i, c in Rational(withoutBetter(i, c)) })
            #expect(mustAttainWorse == nil, "trial \(trial): a support strategy short by 1/den is not a best response")
        }
    }
}
