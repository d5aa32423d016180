import Testing
import ExactArithmetic
@testable import LinearProgramming

/// The two exact basis solvers (rational LU for small bases, fraction-free elimination for large
/// ones) give the same answers; the LP certificate is the same whichever path it takes.
@Suite struct BasisSolveTests {
    static func randomMatrix(_ k: Int, _ rng: inout SplitMix64) -> [Rational] {
        (0..<(k * k)).map { _ in
            rng.next() % 3 == 0 ? .zero : Rational(Int(rng.next() % 61) - 30, Int(rng.next() % 7) + 1)
        }
    }

    @Test func fractionFreeSolveMatchesRationalLU() {
        var rng = SplitMix64(seed: 4242)
        var solved = 0, singular = 0
        for _ in 0..<60 {
            let k = Int(rng.next() % 9) + 1
            var m = Self.randomMatrix(k, &rng)
            if k > 1 && rng.next() % 5 == 0 {   // a repeated row: singular
                for j in 0..<k { m[(k - 1) * k + j] = m[j] }
            }
            let b = (0..<k).map { _ in Rational(Int(rng.next() % 41) - 20, Int(rng.next() % 5) + 1) }
            let fractionFree = FractionFreeSolve.solve(size: k, matrix: m, rhs: b)
            guard let lu = RationalLU(size: k, matrix: m) else {
                #expect(fractionFree == nil)
                singular += 1
                continue
            }
            let x = lu.solve(b)
            #expect(fractionFree == x)
            // And x solves the system, checked directly.
            for i in 0..<k {
                #expect((0..<k).reduce(Rational.zero) { $0 + m[i * k + $1] * x[$1] } == b[i])
            }
            solved += 1
        }
        #expect(solved > 30 && singular > 3)
    }

    /// Random feasible LPs (max c·x, A·x ≤ b, x ≥ 0 with b > 0): GLPK's floating basis certified
    /// once with rational LU and once fraction-free gives the identical exact solution.
    @Test func certificateIsTheSameOnBothPaths() throws {
        var rng = SplitMix64(seed: 99)
        var certified = 0
        for _ in 0..<25 {
            let rows = Int(rng.next() % 8) + 2, columns = Int(rng.next() % 8) + 2
            var lp = LinearProgram(direction: .maximize,
                                   objective: (0..<columns).map { _ in Rational(Int(rng.next() % 20) + 1, Int(rng.next() % 3) + 1) })
            for _ in 0..<rows {
                let terms = (0..<columns).map { j in (index: j, coefficient: Rational(Int(rng.next() % 30) + 1, Int(rng.next() % 4) + 1)) }
                lp.add(terms, .atMost(Rational(Int(rng.next() % 50) + 1)))
            }
            let floating = try GLPKSolver().solve(lp)
            guard floating.status == .optimal else { continue }
            let lu = lp.certifyBasis(rowStatus: floating.rowStatus, columnStatus: floating.columnStatus, fractionFreeFrom: Int.max)
            let fractionFree = lp.certifyBasis(rowStatus: floating.rowStatus, columnStatus: floating.columnStatus, fractionFreeFrom: 0)
            switch (lu, fractionFree) {
            case (.success(let a), .success(let b)):
                #expect(a == b)
                #expect(a.reducedCosts == b.reducedCosts && a.rowActivities == b.rowActivities)
                #expect(b.commonValues.rationals == a.values && b.commonDuals.rationals == a.duals)
                // The floating images are roundings of the same exact numbers (by different
                // divisions: within two units in the last place of each other).
                func close(_ x: [Double], _ y: [Double]) -> Bool {
                    x.count == y.count && zip(x, y).allSatisfy { abs($0 - $1) <= 2 * max(abs($0), abs($1)).ulp }
                }
                #expect(close(a.doubleImages.values, b.doubleImages.values) && close(a.doubleImages.reducedCosts, b.doubleImages.reducedCosts))
                certified += 1
            case (.failure(let a), .failure(let b)):
                #expect(a.description == b.description)
            default:
                Issue.record("one path certified and the other did not: \(lu) / \(fractionFree)")
            }
        }
        #expect(certified > 15)
    }
}

/// A basis whose exact solution is infeasible fails on both paths with the same reason, and
/// the failure carries that exact point (what iterative refinement starts from).
@Suite struct InfeasibleBasisTests {
    @Test func theFailureCarriesTheExactPoint() throws {
        // max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6, x, y ≥ 0. The basis {x, y} with both rows tight
        // is optimal (x = 8/5, y = 6/5); the basis {x basic, row 2 basic} with row 1 tight and
        // y at 0 gives x = 4, violating row 2 (activity 12 > 6).
        var lp = LinearProgram(direction: .maximize, objective: [1, 1])
        lp.add([(0, 1), (1, 2)], .atMost(4))
        lp.add([(0, 3), (1, 1)], .atMost(6))
        for threshold in [Int.max, 0] {
            let result = lp.certifyBasis(rowStatus: [.atUpper, .basic], columnStatus: [.basic, .atLower], fractionFreeFrom: threshold)
            guard case .failure(let why) = result, let point = why.primal else {
                Issue.record("an infeasible basis was certified or carried no point (threshold \(threshold))")
                continue
            }
            #expect(why.description == "row 1 activity 12 violates its bound")
            #expect(point.values.rationals == [4, 0] && point.activities.rationals == [4, 12])
            #expect(point.activities.difference(6, minus: 1) == -6)
        }
    }
}

/// `GLPKSolver.timeLimit`: a limit that has already run out stops the call with
/// `LPError.timeLimitReached`; a generous one changes nothing.
@Suite struct TimeLimitTests {
    @Test func anExpiredLimitThrowsAndAGenerousOneDoesNot() throws {
        var lp = LinearProgram(direction: .maximize, objective: [1, 1])
        lp.add([(0, 1), (1, 2)], .atMost(4))
        lp.add([(0, 3), (1, 1)], .atMost(6))
        var solver = GLPKSolver()
        solver.timeLimit = .nanoseconds(1)
        #expect(throws: LPError.timeLimitReached) { try solver.solveExactly(lp) }
        #expect(throws: LPError.timeLimitReached) { try solver.solve(lp) }
        solver.timeLimit = .seconds(60)
        let solution = try solver.solveExactly(lp)
        #expect(solution.exact?.objectiveValue == Rational(14, 5))
    }
}
