import Foundation
import Testing
import GameSolve

/// Tests of ``ExtremeEquilibria``: published games with known equilibrium sets, seeded random
/// degenerate games against a brute-force reference, limits, and (when installed) lrsnash.
@Suite struct ExtremeEquilibriaTests {
    typealias Pair = [[Rational]]

    static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }

    static func game(_ a: [[Int]], _ b: [[Int]]) throws -> BimatrixGame {
        try BimatrixGame(rowPayoffs: a.map { $0.map { Rational($0) } }, columnPayoffs: b.map { $0.map { Rational($0) } })
    }

    /// The (row, column) pairs of a result, after checking each one exactly.
    static func verifiedPairs(_ result: NashResult, _ game: BimatrixGame) -> Set<Pair> {
        var out = Set<Pair>()
        for e in result.equilibria {
            let x = e.strategies[0].probabilities, y = e.strategies[1].probabilities
            #expect(game.isNashEquilibrium(row: x, column: y), "not an equilibrium: \(x) \(y)")
            out.insert([x, y])
        }
        #expect(out.count == result.equilibria.count, "duplicate equilibria")
        return out
    }

    // MARK: Published games

    struct Known: Sendable, CustomStringConvertible {
        let name: String
        let a: [[Int]]
        let b: [[Int]]
        let equilibria: [Pair]
        let componentSizes: [Int]
        var description: String { name }
    }

    static let known: [Known] = [
        // von Stengel, "Equilibrium computation for two-player games in strategic and extensive
        // form" (AGT 2007, ch. 3), degenerate 3x2 example.
        Known(name: "von Stengel 3x2 degenerate", a: [[3, 3], [2, 5], [0, 6]], b: [[3, 3], [2, 6], [3, 1]],
              equilibria: [[[1, 0, 0], [1, 0]], [[1, 0, 0], [r(2, 3), r(1, 3)]], [[0, r(1, 3), r(2, 3)], [r(1, 3), r(2, 3)]]],
              componentSizes: [2, 1]),
        // Its non-degenerate twin (B[0][1] = 2).
        Known(name: "von Stengel 3x2", a: [[3, 3], [2, 5], [0, 6]], b: [[3, 2], [2, 6], [3, 1]],
              equilibria: [[[1, 0, 0], [1, 0]], [[r(4, 5), r(1, 5), 0], [r(2, 3), r(1, 3)]], [[0, r(1, 3), r(2, 3)], [r(1, 3), r(2, 3)]]],
              componentSizes: [1, 1, 1]),
        Known(name: "matching pennies", a: [[1, -1], [-1, 1]], b: [[-1, 1], [1, -1]],
              equilibria: [[[r(1, 2), r(1, 2)], [r(1, 2), r(1, 2)]]], componentSizes: [1]),
        Known(name: "battle of the sexes", a: [[2, 0], [0, 1]], b: [[1, 0], [0, 2]],
              equilibria: [[[1, 0], [1, 0]], [[0, 1], [0, 1]], [[r(2, 3), r(1, 3)], [r(1, 3), r(2, 3)]]],
              componentSizes: [1, 1, 1]),
        Known(name: "prisoners' dilemma", a: [[3, 0], [5, 1]], b: [[3, 5], [0, 1]],
              equilibria: [[[0, 1], [0, 1]]], componentSizes: [1]),
        // All payoffs equal: the whole product of simplices, whose vertices are the pure profiles.
        Known(name: "all-zero 2x3", a: [[0, 0, 0], [0, 0, 0]], b: [[0, 0, 0], [0, 0, 0]],
              equilibria: [[[1, 0], [1, 0, 0]], [[1, 0], [0, 1, 0]], [[1, 0], [0, 0, 1]],
                           [[0, 1], [1, 0, 0]], [[0, 1], [0, 1, 0]], [[0, 1], [0, 0, 1]]],
              componentSizes: [6]),
        // Rock-paper-scissors: the unique uniform equilibrium.
        Known(name: "rock-paper-scissors", a: [[0, -1, 1], [1, 0, -1], [-1, 1, 0]], b: [[0, 1, -1], [-1, 0, 1], [1, -1, 0]],
              equilibria: [[[r(1, 3), r(1, 3), r(1, 3)], [r(1, 3), r(1, 3), r(1, 3)]]], componentSizes: [1]),
        // A row player indifferent between rows: a segment of equilibria along x.
        Known(name: "indifferent row player", a: [[1, 1], [1, 1]], b: [[2, 0], [0, 1]],
              equilibria: [[[1, 0], [1, 0]], [[0, 1], [0, 1]], [[r(1, 3), r(2, 3)], [1, 0]], [[r(1, 3), r(2, 3)], [0, 1]]],
              componentSizes: [4]),
    ]

    @Test(arguments: known)
    func publishedEquilibria(_ k: Known) throws {
        let g = try Self.game(k.a, k.b)
        for jobs in [1, 2] {
            let report = try ExtremeEquilibria.report(g, limits: SolverLimits(jobs: jobs), parallelFromDimension: 1)
            #expect(report.result.stopReason == .completed)
            #expect(Self.verifiedPairs(report.result, g) == Set(k.equilibria))
            let sizes = (report.result.components ?? []).map(\.count).sorted(by: >)
            #expect(sizes == k.componentSizes.sorted(by: >))
            // Every Nash subset is a biclique of equilibria and lies in one component.
            for s in report.nashSubsets {
                #expect(s.equilibria.count == s.rowVertices.count * s.columnVertices.count)
                let comp = Set(report.result.components![s.component])
                #expect(Set(s.equilibria).isSubset(of: comp))
            }
        }
        // The transposed game has the transposed equilibria.
        let t = try BimatrixGame(rowPayoffs: g.columnPayoffs.transposed, columnPayoffs: g.rowPayoffs.transposed)
        let tr = try ExtremeEquilibria.solve(t)
        #expect(Self.verifiedPairs(tr, t) == Set(k.equilibria.map { [$0[1], $0[0]] }))
    }

    /// The upper bound theorem's counts: a quadrilateral (2x2: d = 2, f = 4), the cube (3x3:
    /// d = 3, f = 6), the dual of the cyclic polytope C(8, 4) (4x4: 20 vertices), and the
    /// smaller side deciding the dimension (5x2: a polygon with f = 7 edges has 7 vertices).
    @Test func vertexBoundIsTheUpperBoundTheorem() {
        #expect(ExtremeEquilibria.vertexBound(rows: 2, columns: 2) == 4)
        #expect(ExtremeEquilibria.vertexBound(rows: 3, columns: 3) == 8)
        #expect(ExtremeEquilibria.vertexBound(rows: 4, columns: 4) == 20)
        #expect(ExtremeEquilibria.vertexBound(rows: 5, columns: 2) == 7)
        #expect(ExtremeEquilibria.vertexBound(rows: 1, columns: 9) == 2)
        // von Stengel's 6x6 game with 75 equilibria stays below the bound of its polytope.
        #expect(ExtremeEquilibria.vertexBound(rows: 6, columns: 6) == 112)
    }

    @Test func vonStengelSegmentIsOneNashSubset() throws {
        let g = try Self.game([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]])
        let report = try ExtremeEquilibria.report(g)
        let segment = try #require(report.nashSubsets.first { $0.dimension == 1 })
        #expect(segment.rowVertices.count == 1 && segment.columnVertices.count == 2)
        #expect(report.rowVertices[segment.rowVertices[0]].probabilities == [1, 0, 0])
        let ys = Set(segment.columnVertices.map { report.columnVertices[$0].probabilities })
        #expect(ys == [[1, 0], [Self.r(2, 3), Self.r(1, 3)]])
        #expect(report.result.notes.contains { $0.contains("a segment of equilibria") })
        #expect(report.nashSubsets.count == 2)
    }

    /// von Stengel (1999), "New maximal numbers of equilibria in bimatrix games", DCG 21: a
    /// non-degenerate 6x6 game with 75 equilibria (payoffs as in Gambit's catalogue file).
    @Test func vonStengel6x6Has75Equilibria() throws {
        let g = try Self.vonStengel6x6()
        let result = try ExtremeEquilibria.solve(g)
        #expect(Self.verifiedPairs(result, g).count == 75)
        #expect(result.components?.count == 75)
        let parallel = try ExtremeEquilibria.solve(g, limits: SolverLimits(jobs: 2), parallelFromDimension: 1)
        #expect(parallel.equilibria == result.equilibria)
    }

    /// The parallel walk (threads sharing subtrees) finds the same output as the sequential
    /// one, in the same order, on degenerate games; more threads than cores forces hand-overs.
    @Test func parallelWalkMatchesSequential() throws {
        for seed in UInt64(200)...UInt64(211) {
            var rng = SplitMix64(seed: seed)
            let m = rng.uniform(4...7), n = rng.uniform(4...7)
            let range = seed % 2 == 0 ? 0...2 : 0...30
            let a = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(range) } }
            let b = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(range) } }
            let g = try Self.game(a, b)
            let one = try ExtremeEquilibria.solve(g, limits: SolverLimits(jobs: 1))
            // The payoffs (summed in integers) are the game's expected payoffs.
            for e in one.equilibria {
                let check = g.verifiedEquilibrium(row: e.strategies[0].probabilities, column: e.strategies[1].probabilities)
                #expect(check?.payoffs == e.payoffs, "seed \(seed)")
            }
            for jobs in [2, 4] {
                let many = try ExtremeEquilibria.solve(g, limits: SolverLimits(jobs: jobs), parallelFromDimension: 1)
                #expect(many.equilibria == one.equilibria, "seed \(seed), \(jobs) jobs")
                #expect(many.components == one.components, "seed \(seed), \(jobs) jobs")
                #expect(many.counters["bases"] == one.counters["bases"], "seed \(seed), \(jobs) jobs")
                #expect(many.counters["verticesVisited"] == one.counters["verticesVisited"], "seed \(seed), \(jobs) jobs")
            }
        }
    }

    /// The walk that pivots back (no memory for kept tableaux, or a window too small for its
    /// depth) and the one that swaps kept tableaux back in visit the same bases and find the
    /// same equilibria, in every arithmetic.
    @Test func pivotingBackMatchesKeptTableaux() throws {
        for seed in UInt64(300)...UInt64(311) {
            var rng = SplitMix64(seed: seed)
            let m = rng.uniform(3...7), n = rng.uniform(3...7)
            let range = seed % 2 == 0 ? 0...2 : 0...999
            let a = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(range) } }
            let b = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(range) } }
            let g = try Self.game(a, b)
            for arithmetic in [ExtremeEquilibria.Arithmetic.automatic, .arbitrary] {
                let kept = try ExtremeEquilibria.report(g, limits: SolverLimits(jobs: 1), arithmetic: arithmetic).result
                #expect(!kept.equilibria.isEmpty, "seed \(seed)")
                // 0: always pivot back; a few kilobytes: a window of one to a few kept
                // tableaux, the shallower frames evicted and pivoting back.
                for bytes in [0, 2_000, 6_000] {
                    let back = try ExtremeEquilibria.report(g, limits: SolverLimits(jobs: 1), arithmetic: arithmetic,
                                                            keptTableauBytes: bytes).result
                    #expect(back.equilibria == kept.equilibria, "seed \(seed), \(arithmetic), \(bytes) bytes")
                    #expect(back.components == kept.components, "seed \(seed), \(arithmetic), \(bytes) bytes")
                    #expect(back.counters["bases"] == kept.counters["bases"], "seed \(seed), \(arithmetic), \(bytes) bytes")
                }
            }
        }
    }

    static func vonStengel6x6() throws -> BimatrixGame {
        // Payoff pairs per profile, player 1's strategy varying fastest (Gambit .nfg order).
        let text = """
        9504 72336 -111771 -461736 397584 1227336 171204 -1718376 1303104 1303104 737154 -453420 -660 48081 31680 -300036 -113850 774576 -45936 -1039236 -453420 737154 -227040 -227040 19976 29216 -130944 -178761 451176 451176 208626 -586476 1227336 397584 774576 -113850 -20526 14124 168124 -84436 -586476 208626 -263076 -263076 -1718376 171204 -1039236 -45936 1776 1776 -8514 -8976 29216 19976 14124 -20526 72336 9504 48081 -660 -8976 -8514 52764 52764 -178761 -130944 -84436 168124 -461736 -111771 -300036 31680
        """
        let v = text.split(separator: " ").map { Int($0)! }
        #expect(v.count == 72)
        var a = [[Int]](repeating: [Int](repeating: 0, count: 6), count: 6), b = a
        for k in 0..<36 { a[k % 6][k / 6] = v[2 * k]; b[k % 6][k / 6] = v[2 * k + 1] }
        return try game(a, b)
    }

    // MARK: Random degenerate games against a brute-force reference

    @Test func randomTiedGamesMatchBruteForce() throws {
        for seed in UInt64(1)...UInt64(120) {
            var rng = SplitMix64(seed: seed)
            let m = rng.uniform(1...4), n = rng.uniform(1...5)
            let range = seed % 3 == 0 ? 0...1 : (seed % 3 == 1 ? 0...2 : -3...3)
            let a = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(range) } }
            let b = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(range) } }
            let g = try Self.game(a, b)
            let jobs = seed % 2 == 0 ? 1 : 2
            let result = try ExtremeEquilibria.solve(g, limits: SolverLimits(jobs: jobs), parallelFromDimension: 1)
            let ours = Self.verifiedPairs(result, g)
            let reference = BruteForceExtremeEquilibria.equilibria(a, b)
            #expect(ours == reference, "seed \(seed): \(m)x\(n) A=\(a) B=\(b)")
            #expect(result.stopReason == .completed)
            let covered = (result.components ?? []).flatMap { $0 }.sorted()
            #expect(covered == Array(0..<result.equilibria.count), "seed \(seed): components do not partition the equilibria")
        }
    }

    @Test func randomRationalGamesMatchBruteForce() throws {
        for seed in UInt64(500)...UInt64(530) {
            var rng = SplitMix64(seed: seed)
            let m = rng.uniform(2...5), n = rng.uniform(2...4)
            let a = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(-20...20) } }
            let b = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(-20...20) } }
            // Scale the row player's payoffs by 1/7 and shift: equilibria are unchanged.
            let g = try BimatrixGame(rowPayoffs: a.map { $0.map { Rational($0, 7) + Rational(1, 3) } },
                                     columnPayoffs: b.map { $0.map { Rational($0) } })
            let ours = Self.verifiedPairs(try ExtremeEquilibria.solve(g), g)
            #expect(ours == BruteForceExtremeEquilibria.equilibria(a, b), "seed \(seed)")
        }
    }

    // MARK: Limits

    @Test func maxResultsStopsEarly() throws {
        let g = try Self.vonStengel6x6()
        let result = try ExtremeEquilibria.solve(g, limits: SolverLimits(maxResults: 5))
        #expect(result.stopReason == .maxResults)
        #expect(result.equilibria.count == 5)
        _ = Self.verifiedPairs(result, g)
        #expect((result.counters["verticesVisited"] ?? 0) > 0 && (result.counters["pivots"] ?? 0) > 0)
    }

    @Test func zeroTimeoutStops() throws {
        var rng = SplitMix64(seed: 99)
        let a = (0..<9).map { _ in (0..<9).map { _ in rng.uniform(0...999) } }
        let b = (0..<9).map { _ in (0..<9).map { _ in rng.uniform(0...999) } }
        let result = try ExtremeEquilibria.solve(try Self.game(a, b), limits: SolverLimits(timeout: .zero))
        #expect(result.stopReason == .timeout)
    }

    @Test func largePayoffsUseWideArithmetic() throws {
        // Payoffs near 10^15 overflow 64-bit pivoting; the result must still be exact.
        var rng = SplitMix64(seed: 7)
        let big = 1_000_000_000_000_000
        let a = (0..<4).map { _ in (0..<4).map { _ in rng.uniform(0...9) * big + rng.uniform(0...999) } }
        let b = (0..<4).map { _ in (0..<4).map { _ in rng.uniform(0...9) * big + rng.uniform(0...999) } }
        let g = try Self.game(a, b)
        let result = try ExtremeEquilibria.solve(g)
        #expect(Self.verifiedPairs(result, g) == BruteForceExtremeEquilibria.equilibria(a, b))
        #expect(result.notes.contains { $0.contains("256-bit") })
        let arbitrary = try ExtremeEquilibria.solve(g, arithmetic: .arbitrary)
        #expect(arbitrary.equilibria == result.equilibria)
        // Forcing 64-bit words overflows and widens (restarting), with the same answer.
        let widened = try ExtremeEquilibria.solve(g, arithmetic: .word64)
        #expect(widened.equilibria == result.equilibria)
        #expect(!widened.notes.contains { $0.contains("64-bit") })
    }

    /// Every integer type gives the same equilibria (forced start types; overflow widens).
    @Test func arithmeticTiersAgree() throws {
        for seed in UInt64(40)...UInt64(46) {
            var rng = SplitMix64(seed: seed)
            let m = rng.uniform(2...7), n = rng.uniform(2...7)
            let range = seed % 2 == 0 ? 0...999 : 0...4
            let a = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(range) } }
            let b = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(range) } }
            let g = try Self.game(a, b)
            let reference = try ExtremeEquilibria.solve(g, arithmetic: .arbitrary)
            _ = Self.verifiedPairs(reference, g)
            for tier in [ExtremeEquilibria.Arithmetic.word64, .word128, .word256, .automatic] {
                let r = try ExtremeEquilibria.solve(g, arithmetic: tier)
                #expect(r.equilibria == reference.equilibria, "seed \(seed), \(tier)")
                #expect(r.counters["bases"] == reference.counters["bases"], "seed \(seed), \(tier)")
            }
        }
    }

    // MARK: lrsnash (optional)

    static let lrsnash = "/usr/bin/lrsnash"
    static let lrsnashInstalled = FileManager.default.isExecutableFile(atPath: lrsnash)

    @Test(.enabled(if: lrsnashInstalled, "lrsnash (Debian package lrslib) is not installed: skipping the comparison with lrslib"))
    func agreesWithLrsnash() throws {
        for seed in UInt64(1000)...UInt64(1015) {
            var rng = SplitMix64(seed: seed)
            let m = rng.uniform(2...6), n = rng.uniform(2...6)
            let range = seed % 2 == 0 ? 0...3 : 0...99
            let a = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(range) } }
            let b = (0..<m).map { _ in (0..<n).map { _ in rng.uniform(range) } }
            let g = try Self.game(a, b)
            let ours = Self.verifiedPairs(try ExtremeEquilibria.solve(g), g)
            let theirs = try Self.runLrsnash(a, b)
            #expect(ours == theirs, "seed \(seed): \(m)x\(n) A=\(a) B=\(b)")
        }
    }

    static func runLrsnash(_ a: [[Int]], _ b: [[Int]]) throws -> Set<Pair> {
        let m = a.count, n = a[0].count
        var text = "\(m) \(n)\n\n"
        for row in a { text += row.map(String.init).joined(separator: " ") + "\n" }
        text += "\n"
        for row in b { text += row.map(String.init).joined(separator: " ") + "\n" }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-lrs-\(UUID().uuidString).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lrsnash)
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var out = Set<Pair>()
        var ys: [[Rational]] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let t = line.split(separator: " ")
            guard let first = t.first else { continue }
            if first == "2" { ys.append(t[1...n].map { Rational(String($0))! }) }
            if first == "1" {
                let x = t[1...m].map { Rational(String($0))! }
                for y in ys { out.insert([x, y]) }
                ys = []
            }
        }
        return out
    }
}

/// An independent exact reference: every vertex of each best-response polytope by trying every
/// set of d tight constraints (Gaussian elimination in rationals), then all completely labelled
/// pairs. O(C(m+n, m)·m³ + C(m+n, n)·n³); only for tiny games.
enum BruteForceExtremeEquilibria {
    static func equilibria(_ a: [[Int]], _ b: [[Int]]) -> Set<[[Rational]]> {
        let m = a.count, n = a[0].count
        let lowA = a.flatMap { $0 }.min()!, lowB = b.flatMap { $0 }.min()!
        let pa = a.map { $0.map { Rational($0 - lowA + 1) } }
        let pb = b.map { $0.map { Rational($0 - lowB + 1) } }
        // P: x ≥ 0 (labels 0..<m), Bᵀx ≤ 1 (labels m+j).
        let bt = (0..<n).map { j in (0..<m).map { i in pb[i][j] } }
        let xs = vertices(bt, dimension: m).map { v in (Set(v.tight), v.point) }
        // Q: y ≥ 0 (labels m+j), Ay ≤ 1 (labels i).
        let ys = vertices(pa, dimension: n).map { v in (Set(v.tight.map { $0 < n ? m + $0 : $0 - n }), v.point) }
        var out = Set<[[Rational]]>()
        for (lx, x) in xs where x.contains(where: { !$0.isZero }) {
            for (ly, y) in ys where y.contains(where: { !$0.isZero }) && lx.union(ly).count == m + n {
                out.insert([normalise(x), normalise(y)])
            }
        }
        return out
    }

    static func normalise(_ v: [Rational]) -> [Rational] {
        let s = v.reduce(Rational.zero, +)
        return v.map { $0 / s }
    }

    /// Vertices of {z ≥ 0, C z ≤ 1}; constraint k < d is z_k ≥ 0, k ≥ d is row k − d of C.
    static func vertices(_ c: [[Rational]], dimension d: Int) -> [(tight: [Int], point: [Rational])] {
        let total = d + c.count
        func row(_ k: Int) -> ([Rational], Rational) {
            k < d ? ((0..<d).map { $0 == k ? Rational.one : .zero }, .zero) : (c[k - d], .one)
        }
        var seen = Set<[Rational]>()
        var out: [(tight: [Int], point: [Rational])] = []
        func visit(_ chosen: [Int], _ next: Int) {
            if chosen.count == d {
                guard let z = solve(chosen.map(row)) else { return }
                var tight: [Int] = []
                for k in 0..<total {
                    let (coef, rhs) = row(k)
                    let lhs = zip(coef, z).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
                    if k < d ? lhs < rhs : lhs > rhs { return }
                    if lhs == rhs { tight.append(k) }
                }
                if seen.insert(z).inserted { out.append((tight, z)) }
                return
            }
            guard next < total else { return }
            visit(chosen + [next], next + 1)
            visit(chosen, next + 1)
        }
        visit([], 0)
        return out
    }

    /// The unique solution of a square system, or nil when singular.
    static func solve(_ rows: [([Rational], Rational)]) -> [Rational]? {
        let d = rows.count
        var m = rows.map { $0.0 + [$0.1] }
        for col in 0..<d {
            guard let p = (col..<d).first(where: { !m[$0][col].isZero }) else { return nil }
            m.swapAt(col, p)
            for r in 0..<d where r != col && !m[r][col].isZero {
                let f = m[r][col] / m[col][col]
                for k in col...d { m[r][k] -= f * m[col][k] }
            }
        }
        return (0..<d).map { m[$0][d] / m[$0][$0] }
    }
}
