import Foundation
import Testing

/// Sharded runs (issue 16): `CMD ... --shard i/k --format json > part_i` for every i, then
/// `gamesolve merge part_*` must print exactly what the unsharded `CMD ... --format json` prints
/// (same results in the same order, counters summed; only the wall time may differ), and
/// `merge` must refuse foreign, duplicate and missing parts, naming them.
@Suite struct ShardCommandTests {
    /// A fresh directory per test (tests run in parallel).
    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes the parts of `arguments` for k shards into `dir`; returns their paths.
    static func parts(_ arguments: [String], k: Int, in dir: URL, name: String = "part") throws -> [String] {
        var paths: [String] = []
        for i in 1...k {
            let run = try CLI.run(arguments + ["--shard", "\(i)/\(k)"])
            #expect(run.status == 0, "shard \(i)/\(k) of \(arguments): \(run.stderr)")
            let url = dir.appendingPathComponent("\(name)_\(i).json")
            try Data(run.stdout.utf8).write(to: url)
            paths.append(url.path)
        }
        return paths
    }

    /// The text without the `elapsedSeconds` line (wall time is the one thing allowed to differ).
    static func withoutTime(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"elapsedSeconds\"") }.joined(separator: "\n")
    }

    /// The walk counters of the extreme-equilibrium search: the sharded search is a reverse
    /// search (each shard walks its subtrees of a tree), the unsharded one a depth-first walk
    /// with a visited set, so they pivot differently, and a degenerate vertex (several bases)
    /// is visited by each shard that reaches one of its bases (bounds checked below);
    /// everything else must agree.
    static func withoutPivots(_ text: String) -> String {
        let walk = ["\"pivots\"", "\"verticesVisited\"", "\"faceSolves\"", "\"otherPolytopeBases\""]
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in !walk.contains { line.contains($0) } }.joined(separator: "\n")
    }

    static func generate(_ arguments: [String], in dir: URL, _ name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        let run = try CLI.run(["generate"] + arguments + ["-o", path])
        #expect(run.status == 0, "\(run.stderr)")
        return path
    }

    @Test(arguments: [
        ["random", "--size", "7", "--seed", "3"],
        ["random", "--size", "6", "--columns", "4", "--seed", "1"],
        ["unit-vector", "--size", "5", "--seed", "2"],
    ], [2, 3])
    func supportEnumerationMergesToTheUnshardedOutput(game: [String], k: Int) throws {
        let dir = try Self.directory()
        let path = try Self.generate(game, in: dir, "game.nfg")
        for extra in [[], ["--equal-size-supports"]] {
            let command = ["nash", path, "--method", "support-enumeration", "--format", "json"] + extra
            let whole = try CLI.run(command)
            #expect(whole.status == 0)
            let merged = try CLI.run(["merge"] + (try Self.parts(command, k: k, in: dir)))
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(Self.withoutTime(merged.stdout) == Self.withoutTime(whole.stdout), "support enumeration \(game) \(extra), k = \(k)")
        }
    }

    @Test(arguments: [
        ["random", "--size", "8", "--seed", "3"],
        ["random", "--size", "7", "--columns", "5", "--seed", "2"],
        ["unit-vector", "--size", "6", "--seed", "1"],
        ["ranking", "--size", "6", "--seed", "1"],
        // Pivots in 128-bit integers (Hadamard bound above 78 bits); degenerate vertices.
        ["random", "--size", "11", "--seed", "1"],
        ["random", "--size", "10", "--seed", "3"],
    ], [1, 3])
    func extremeEquilibriaMergeToTheUnshardedOutput(game: [String], k: Int) throws {
        let dir = try Self.directory()
        let path = try Self.generate(game, in: dir, "game.nfg")
        let command = ["nash", path, "--method", "enumerate", "--format", "json"]
        let whole = try CLI.run(command)
        let merged = try CLI.run(["merge"] + (try Self.parts(command, k: k, in: dir)))
        #expect(merged.status == 0, "\(merged.stderr)")
        // Same equilibria in the same order, components, Nash subsets, notes, and the summed
        // counters (bases, vertices, face solves, equilibria, ...) but for the pivots.
        #expect(Self.withoutPivots(Self.withoutTime(merged.stdout)) == Self.withoutPivots(Self.withoutTime(whole.stdout)), "enumerate \(game), k = \(k)")
        #expect(merged.stdout.contains("\"pivots\""))
    }

    @Test func extremeEquilibriaCountersSumOverShardCounts() throws {
        // The bases of the reverse-search tree are split, never repeated: summed over the shards
        // they are the unsharded bases, for every k. A degenerate vertex (several bases) can be
        // reached by two shards, so vertices and face solves may sum to more (this game has one).
        let dir = try Self.directory()
        let path = try Self.generate(["random", "--size", "9", "--seed", "11"], in: dir, "game.nfg")
        let command = ["nash", path, "--method", "enumerate", "--format", "json"]
        let whole = try CLI.run(command).stdout
        func line(_ text: String, _ key: String) -> String? { text.split(separator: "\n").first { $0.contains("\"\(key)\"") }.map(String.init) }
        for k in [2, 5, 8] {
            let merged = try CLI.run(["merge"] + (try Self.parts(command, k: k, in: dir, name: "k\(k)"))).stdout
            for key in ["bases", "equilibria", "components", "nashSubsets"] {
                #expect(line(merged, key) == line(whole, key), "\(key), k = \(k)")
            }
            func count(_ text: String, _ key: String) -> Int { Int(line(text, key)!.filter(\.isNumber))! }
            for key in ["verticesVisited", "faceSolves"] {
                #expect(count(merged, key) >= count(whole, key) && count(merged, key) <= count(whole, key) + k, "\(key), k = \(k)")
            }
        }
    }

    @Test(arguments: [
        ["Examples/mckelvey-mclennan-2x2x2.nfg"], ["Examples/three-player-coordination.nfg"],
        ["nplayer-random", "--players", "3", "--size", "3", "--seed", "2"],
        ["nplayer-random", "--players", "4", "--size", "2", "--seed", "5"],
    ])
    func nPlayerSupportEnumerationMergesToTheUnshardedOutput(game: [String]) throws {
        let dir = try Self.directory()
        let path = game.count == 1 ? game[0] : try Self.generate(game, in: dir, "game.nfg")
        let command = ["nash", path, "--method", "support-enumeration", "--format", "json"]
        let whole = try CLI.run(command)
        #expect(whole.status == 0)
        for k in [2, 3] {
            let merged = try CLI.run(["merge"] + (try Self.parts(command, k: k, in: dir, name: "k\(k)")))
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(Self.withoutTime(merged.stdout) == Self.withoutTime(whole.stdout), "\(game), k = \(k)")
        }
    }

    @Test(arguments: ["shapley", "banzhaf"])
    func exactValuesMergeToTheUnshardedOutput(command: String) throws {
        let dir = try Self.directory()
        let path = try Self.generate(["bnf-type-2", "--size", "9", "--seed", "4"], in: dir, "tu.json")
        let arguments = [command, path, "--format", "json"]
        let whole = try CLI.run(arguments)
        for k in [2, 3, 7] {
            let merged = try CLI.run(["merge"] + (try Self.parts(arguments, k: k, in: dir, name: "k\(k)")))
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(Self.withoutTime(merged.stdout) == Self.withoutTime(whole.stdout), "\(command), k = \(k)")
        }
    }

    @Test func sampledValuesMergeToTheSameStreamsUnsharded() throws {
        // k shards draw the k seeded streams of the unsharded --streams k run; the merge pools
        // means and variances exactly (Chan et al.), so the two agree bit for bit.
        let dir = try Self.directory()
        let path = try Self.generate(["bnf-type-1", "--size", "8", "--seed", "2"], in: dir, "tu.json")
        for command in ["shapley", "banzhaf"] {
            let arguments = [command, path, "--samples", "901", "--seed", "5", "--format", "json"]
            let whole = try CLI.run(arguments + ["--streams", "3"])
            #expect(whole.status == 0, "\(whole.stderr)")
            let merged = try CLI.run(["merge"] + (try Self.parts(arguments, k: 3, in: dir, name: command)))
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(Self.withoutTime(merged.stdout) == Self.withoutTime(whole.stdout))
            #expect(merged.stdout.contains("\"samples\": 901"))
            // One stream is the sampler of before: --streams 1 changes nothing.
            #expect(Self.withoutTime(try CLI.run(arguments + ["--streams", "1"]).stdout) == Self.withoutTime(try CLI.run(arguments).stdout))
        }
    }

    @Test func pooledIntervalIsThatOfAllSamples() throws {
        // Pooling is exact: the pooled mean is the mean of all samples, so with 2 streams of a
        // game whose marginal contributions are constant the half-width is 0 and the mean exact.
        let dir = try Self.directory()
        let path = dir.appendingPathComponent("additive.txt").path
        // v(S) = Σ_{i∈S} (i+1) in bitmask order: {1}, {2}, {1,2}, {3}, {1,3}, {2,3}, N.
        try Data("1 2 3 3 4 5 6\n".utf8).write(to: URL(fileURLWithPath: path))
        let arguments = ["shapley", path, "--samples", "40", "--format", "json"]
        let merged = try CLI.run(["merge"] + (try Self.parts(arguments, k: 2, in: dir)))
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("\"halfWidth\": [0, 0, 0]"), "\(merged.stdout)")
    }

    @Test func tournamentMergesToTheUnshardedOutput() throws {
        let dir = try Self.directory()
        let arguments = ["tournament", "--payoffs", "3,0,5,1", "--strategies", "tit-for-tat,grudger,defector,random,alternator",
                         "--turns", "30", "--repetitions", "7", "--noise", "1/20", "--seed", "9", "--format", "json"]
        let whole = try CLI.run(arguments)
        #expect(whole.status == 0, "\(whole.stderr)")
        for k in [2, 3, 40] {
            let merged = try CLI.run(["merge"] + (try Self.parts(arguments, k: k, in: dir, name: "k\(k)")))
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(Self.withoutTime(merged.stdout) == Self.withoutTime(whole.stdout), "tournament, k = \(k)")
        }
    }

    @Test func benchSweepMergesToTheUnshardedRuns() throws {
        // Times are measured per shard; everything else per size (runs, results, counters,
        // completed) must be the unsharded sweep's.
        let dir = try Self.directory()
        let arguments = ["bench", "--solver", "support-enumeration", "--sizes", "3...6", "--seeds", "3", "--format", "json"]
        func rows(_ text: String) throws -> [[String: String]] {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            return (object["rows"] as! [[String: Any]]).map { row in
                var kept: [String: String] = [:]
                for (key, value) in row where !key.hasSuffix("Seconds") && key != "growth" {
                    if let counters = value as? [String: Any] {
                        kept[key] = counters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                    } else {
                        kept[key] = "\(value)"
                    }
                }
                return kept
            }
        }
        let whole = try CLI.run(arguments)
        #expect(whole.status == 0)
        let merged = try CLI.run(["merge"] + (try Self.parts(arguments, k: 3, in: dir)))
        #expect(merged.status == 0, "\(merged.stderr)")
        let (a, b) = (try rows(whole.stdout), try rows(merged.stdout))
        #expect(a.count == 4)
        #expect(a == b)
    }

    @Test func mergeRefusesMissingDuplicateAndForeignParts() throws {
        let dir = try Self.directory()
        let game = try Self.generate(["random", "--size", "5", "--seed", "1"], in: dir, "a.nfg")
        let other = try Self.generate(["random", "--size", "5", "--seed", "2"], in: dir, "b.nfg")
        let command = ["nash", game, "--method", "support-enumeration", "--format", "json"]
        let p = try Self.parts(command, k: 3, in: dir)

        let missing = try CLI.run(["merge", p[0], p[2]])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("missing shard 2/3"), "\(missing.stderr)")
        #expect(missing.stdout.isEmpty)

        let twice = try CLI.run(["merge", p[0], p[1], p[1], p[2]])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("both shard 2/3"), "\(twice.stderr)")

        let foreignGame = try Self.parts(["nash", other, "--method", "support-enumeration", "--format", "json"], k: 3, in: dir, name: "other")
        let foreign = try CLI.run(["merge", p[0], p[1], foreignGame[2]])
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("other_3.json is a part of another game"), "\(foreign.stderr)")

        let otherParameters = try Self.parts(command + ["--equal-size-supports"], k: 3, in: dir, name: "equal")
        let parameters = try CLI.run(["merge", p[0], otherParameters[1], p[2]])
        #expect(parameters.status == 1)
        #expect(parameters.stderr.contains("equal_2.json was run with other parameters") && parameters.stderr.contains("equalSizeSupports"), "\(parameters.stderr)")

        let otherK = try Self.parts(command, k: 4, in: dir, name: "four")
        let counts = try CLI.run(["merge", p[0], p[1], otherK[2]])
        #expect(counts.status == 1)
        #expect(counts.stderr.contains("different shard counts"), "\(counts.stderr)")

        let otherMethod = try Self.parts(["nash", game, "--method", "enumerate", "--format", "json"], k: 3, in: dir, name: "enum")
        let method = try CLI.run(["merge", p[0], otherMethod[1], p[2]])
        #expect(method.status == 1)
        #expect(method.stderr.contains("parts of different runs"), "\(method.stderr)")
    }

    @Test func aFileThatIsNotAPartIsMalformedInput() throws {
        let dir = try Self.directory()
        let game = try Self.generate(["random", "--size", "3", "--seed", "1"], in: dir, "a.json")
        let notAPart = try CLI.run(["merge", game])
        #expect(notAPart.status == 65)
        #expect(notAPart.stderr.contains("a.json:1:1: not a part file"), "\(notAPart.stderr)")
        let broken = dir.appendingPathComponent("broken.json")
        try Data("{\"command\": \"nash\",\n  \"method\": 3}".utf8).write(to: broken)
        let run = try CLI.run(["merge", broken.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("broken.json:2:"), "\(run.stderr)")
        let nothing = try CLI.run(["merge"])
        #expect(nothing.status == 64)
    }

    @Test func shardWhereItDoesNotApplyIsAUsageError() throws {
        let cases: [[String]] = [
            ["nash", "Examples/battle-of-the-sexes.nfg", "--method", "lemke-howson", "--shard", "1/2", "--format", "json"],
            ["nash", "Examples/battle-of-the-sexes.nfg", "--method", "pure", "--shard", "1/2", "--format", "json"],
            ["nash", "Examples/battle-of-the-sexes.nfg", "--shard", "1/2"],
            ["nash", "Examples/battle-of-the-sexes.nfg", "--shard", "3/2", "--format", "json"],
            ["nash", "Examples/battle-of-the-sexes.nfg", "--shard", "x", "--format", "json"],
            ["nash", "Examples/battle-of-the-sexes.nfg", "--shard", "1/2", "--max-equilibria", "1", "--format", "json"],
            ["nash", "Examples/three-player-coordination.nfg", "--method", "logit", "--shard", "1/2", "--format", "json"],
            ["info", "Examples/battle-of-the-sexes.nfg", "--shard", "1/2"],
            ["minimax", "Examples/matching-pennies.csv", "--shard", "1/2"],
            ["nucleolus", "Examples/battle-of-the-sexes.nfg", "--shard", "1/2"],
            ["partition", "Examples/battle-of-the-sexes.nfg", "--shard", "1/2"],
            ["bench", "--solver", "pure", "--shard", "1/2", "--format", "json", "--compare"],
            ["shapley", "Examples/battle-of-the-sexes.nfg", "--error", "0.1", "--shard", "1/2", "--format", "json"],
            ["tournament", "--shard", "1/2", "--format", "json", "--moran-population", "10"],
            ["nash", "Examples/battle-of-the-sexes.nfg", "--shard", "auto", "--format", "json"],
            ["nash", "Examples/battle-of-the-sexes.nfg", "--shard", "auto", "--format", "json"],
        ]
        for (n, c) in cases.enumerated() {
            // The last case: a Kubernetes index without the count.
            let env = n == cases.count - 1 ? ["JOB_COMPLETION_INDEX": "0"] : [:]
            let run = try CLI.run(c, environment: env)
            #expect(run.status == 64, "\(c): \(run.status) \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(c)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(c): \(run.stderr)")
        }
    }

    @Test func shardAutoReadsSlurmAndKubernetesIndices() throws {
        let dir = try Self.directory()
        let command = ["shapley", "Examples/../Examples/battle-of-the-sexes.nfg"]
        _ = command
        let tu = dir.appendingPathComponent("tu.json")
        try Data(#"{"type": "glove", "left": 1, "right": 2}"#.utf8).write(to: tu)
        let arguments = ["shapley", tu.path, "--format", "json"]
        var paths: [String] = []
        for task in 4...6 {
            let run = try CLI.run(arguments + ["--shard", "auto"],
                                  environment: ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_MIN": "4", "SLURM_ARRAY_TASK_COUNT": "3"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("\"index\": \(task - 3)"))
            let url = dir.appendingPathComponent("slurm_\(task).json")
            try Data(run.stdout.utf8).write(to: url)
            paths.append(url.path)
        }
        #expect(Self.withoutTime(try CLI.run(["merge"] + paths).stdout) == Self.withoutTime(try CLI.run(arguments).stdout))
        let k8s = try CLI.run(arguments + ["--shard", "auto/3"], environment: ["JOB_COMPLETION_INDEX": "2"])
        #expect(k8s.status == 0)
        #expect(k8s.stdout.contains("\"index\": 3") && k8s.stdout.contains("\"count\": 3"))
    }
}
