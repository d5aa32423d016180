internal import _JSONText
import BigInt
import Equilibria
import ExactArithmetic
import GameFormats
import CoalitionGames
import RepeatedGames
import SolverBenchmarks
import Sharding
import StrategicGames

/// A part file: what one shard of a sharded run wrote (`--shard i/k --format json`), in the one
/// JSON envelope of the command line:
///
/// ```
/// { "command", "game", "method", "parameters", "stopReason",
///   "shard": {"index", "count", "gameHash", "split", "arguments"},
///   "part": {"kind", ...the shard's results...},
///   "counters", "notes", "elapsedSeconds" }
/// ```
///
/// `gameHash` identifies the game: SHA-256 of a strategic game's text (``strategicGameHash(_:)``),
/// a fast 128-bit hash of a TU game's table (``tuGameHash(_:)``);
/// `parameters` are the run's options that shape the answer, `arguments` the command line
/// without `--shard` (the merge renders with its output options). Parts of one run agree on
/// everything but `index` and their results.
public struct PartFile: Sendable {
    /// The file the part was read from (for messages).
    public var file: String
    public var command: String
    public var method: String
    public var game: JSONValue
    public var parameters: JSONValue
    public var stopReason: StopReason
    public var shard: Shard
    public var gameHash: String
    public var split: String
    public var arguments: [String]
    public var payload: ShardPayload
    public var counters: [(String, Int)]
    public var notes: [String]
    public var elapsedSeconds: Double

    public init(file: String = "-", command: String, method: String, game: JSONValue, parameters: JSONValue,
                stopReason: StopReason, shard: Shard, gameHash: String, split: String, arguments: [String],
                payload: ShardPayload, counters: [(String, Int)], notes: [String] = [], elapsedSeconds: Double = 0) {
        self.file = file; self.command = command; self.method = method; self.game = game; self.parameters = parameters
        self.stopReason = stopReason; self.shard = shard; self.gameHash = gameHash; self.split = split
        self.arguments = arguments; self.payload = payload; self.counters = counters; self.notes = notes
        self.elapsedSeconds = elapsedSeconds
    }

    /// The members a part adds to the envelope's result keys: `shard` and `part`.
    public var resultMembers: [(String, JSONValue)] {
        [("shard", .object([
            ("index", .number(String(shard.index))), ("count", .number(String(shard.count))),
            ("gameHash", .string(gameHash)), ("split", .string(split)),
            ("arguments", .array(arguments.map { .string($0) })),
        ])), ("part", payload.json)]
    }
}

/// The results of one shard, by solver.
public enum ShardPayload: Sendable {
    /// Two-player support enumeration; the game travels with the part (the merge verifies
    /// every equilibrium again and renders with the game's names).
    case supportEnumeration(SupportEnumerationPart, game: NormalFormGame, equalSizeOnly: Bool)
    /// N-player support enumeration (leaves of the support search).
    case nPlayerSupport(NPlayerSupportPart, game: NormalFormGame)
    /// Extreme equilibria (reverse-search subtrees).
    case extremeEquilibria(ExtremeEquilibriaPart, game: NormalFormGame)
    /// Exact Shapley/Banzhaf sums over a block of the coalition table.
    case coalitionSums(CoalitionSumsPart, players: [String])
    /// One seeded stream of a sampled Shapley/Banzhaf estimate.
    case sampled(SampledValue, players: [String], stream: Int)
    /// A block of a tournament's schedule: per pair, outcome counts and repetitions played.
    case tournament(matches: [(outcomes: MatchOutcomes, repetitions: Int)])
    /// A `bench` sweep's runs (round robin over the sweep's order).
    case bench(BenchShardPart)

    var kind: String {
        switch self {
        case .supportEnumeration: return "support-enumeration"
        case .nPlayerSupport: return "n-player-support-enumeration"
        case .extremeEquilibria: return "extreme-equilibria"
        case .coalitionSums: return "coalition-sums"
        case .sampled: return "sampled-stream"
        case .tournament: return "tournament-block"
        case .bench: return "bench-runs"
        }
    }

    static func rationals(_ v: [Rational]) -> JSONValue { .array(v.map { .string($0.description) }) }
    static func doubles(_ v: [Double]) -> JSONValue { .array(v.map { .number("\($0)") }) }
    static func gameValue(_ game: NormalFormGame) -> JSONValue {
        let text = JSONGameFormat.write(game)
        let bytes = Array(text.utf8)
        // The writer's own output always parses.
        return PartSource(file: "", bytes: bytes).value(try! JSONText.parse(bytes))
    }

    /// The `part` member.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("kind", .string(kind))]
        switch self {
        case .supportEnumeration(let p, let game, let equalSizeOnly):
            members.append(("equalSizeOnly", .bool(equalSizeOnly)))
            members.append(("found", .array(p.found.map { f in
                .object([("item", .number(String(f.item))), ("rank", .number(String(f.rank))),
                         ("degenerateWitness", .bool(f.degenerateWitness)),
                         ("strategies", .array(f.equilibrium.strategies.map { Self.rationals($0.probabilities) })),
                         ("payoffs", Self.rationals(f.equilibrium.payoffs))])
            })))
            members.append(("gameDefinition", Self.gameValue(game)))
        case .nPlayerSupport(let p, let game):
            members.append(("found", .array(p.found.map { f in
                .object([("leaf", .number(String(f.leaf))), ("support", .string(f.support)),
                         ("strategies", .array(f.equilibrium.equilibrium.strategies.map { Self.rationals($0.probabilities) })),
                         ("payoffs", Self.rationals(f.equilibrium.equilibrium.payoffs)),
                         ("maxRegret", .string(f.equilibrium.maxRegret.description)),
                         ("floating", .array(f.floating.map(Self.doubles)))])
            })))
            members.append(("gameDefinition", Self.gameValue(game)))
        case .extremeEquilibria(let p, let game):
            members.append(("degenerate", .bool(p.degenerate)))
            members.append(("arithmetic", .string(p.arithmetic.rawValue)))
            members.append(("equilibria", .array(p.pairs.map { .object([("row", Self.rationals($0.row)), ("column", Self.rationals($0.column))]) })))
            members.append(("gameDefinition", Self.gameValue(game)))
        case .coalitionSums(let p, let players):
            members.append(("players", .array(players.map { .string($0) })))
            members.append(("denominator", .number(String(p.denominator))))
            members.append(("masks", .array([.number(String(p.masks.lowerBound)), .number(String(p.masks.upperBound))])))
            let n = p.players
            members.append(("sums", .array((0..<n).map { i in .array((0...n).map { .string(String(p.sums[i * (n + 1) + $0])) }) })))
        case .sampled(let v, let players, let stream):
            members.append(("players", .array(players.map { .string($0) })))
            members.append(("stream", .number(String(stream))))
            members.append(("seed", .number(String(v.seed))))
            members.append(("samples", .number(String(v.samples))))
            members.append(("confidence", .number("\(v.confidence)")))
            members.append(("estimate", Self.doubles(v.estimate)))
            members.append(("standardDeviation", Self.doubles(v.standardDeviation)))
            members.append(("halfWidth", Self.doubles(v.halfWidth)))
        case .bench(let part):
            if let f = part.failure { members.append(("failure", .string(f))) }
            members.append(("runs", .array(part.runs.map { u, r in
                .object([("unit", .number(String(u))), ("size", .number(String(r.size))), ("label", .string(r.label)),
                         ("shape", .string(r.shape)), ("seconds", .number("\(r.seconds)")), ("results", .number(String(r.results))),
                         ("stopReason", .string(r.stopReason.rawValue)), ("exceededLimit", .bool(r.exceededLimit)),
                         ("counters", .object(r.counters.sorted { $0.key < $1.key }.map { ($0.key, .number(String($0.value))) }))])
            })))
        case .tournament(let matches):
            members.append(("matches", .array(matches.map { m in
                .object([("outcomes", .array(m.outcomes.counts.map { .number(String($0)) })),
                         ("repetitions", .number(String(m.repetitions)))])
            })))
        }
        return .object(members)
    }
}

/// The SHA-256 of a strategic-form game: of its text in GameSolve's JSON format (titles,
/// players, strategies and every payoff, exactly), so equal games hash alike whatever file
/// format they were read from.
public func strategicGameHash(_ game: NormalFormGame) -> String {
    "sha256:" + SHA256.hex(JSONGameFormat.write(game))
}

/// `mix128:` + the TU game's ``TUGame/contentHash`` (a fast 128-bit hash of the whole table).
public func tuGameHash(_ game: TUGame) -> String { "mix128:" + game.contentHash }

extension PartFile {
    /// Reads a part file.
    /// - Throws: ``GameFormatError`` (exit status 65) at the `file:line:column` of the first
    ///   problem when the bytes are not a part.
    public static func read(_ bytes: [UInt8], file: String) throws(GameFormatError) -> PartFile {
        let src = PartSource(file: file, bytes: bytes)
        let root = try src.parse()
        let command = try src.string(try src.member(root, "command"))
        let method = try src.string(try src.member(root, "method"))
        let shardNode = try src.member(root, "shard")
        let index = try src.int(try src.member(shardNode, "index")), count = try src.int(try src.member(shardNode, "count"))
        let shard: Shard
        do { shard = try Shard(index: index, count: count) } catch { throw src.error(shardNode, "not a valid shard: \(error)") }
        let stopNode = try src.member(root, "stopReason")
        guard let stop = StopReason(rawValue: try src.string(stopNode)) else { throw src.error(stopNode, "unknown stopReason") }
        var counters: [(String, Int)] = []
        for m in try src.object(try src.member(root, "counters")) { counters.append((m.key, try src.int(m.value))) }
        var notes: [String] = []
        for n in try src.array(try src.member(root, "notes")) { notes.append(try src.string(n)) }
        var arguments: [String] = []
        for a in try src.array(try src.member(shardNode, "arguments")) { arguments.append(try src.string(a)) }
        let elapsed = root.member("elapsedSeconds").flatMap { try? src.double($0) } ?? 0
        let payload = try readPayload(src, try src.member(root, "part"), counters: Dictionary(counters, uniquingKeysWith: { a, _ in a }), stop: stop)
        return PartFile(file: file, command: command, method: method, game: src.value(try src.member(root, "game")),
                        parameters: src.value(try src.member(root, "parameters")), stopReason: stop, shard: shard,
                        gameHash: try src.string(try src.member(shardNode, "gameHash")),
                        split: try src.string(try src.member(shardNode, "split")), arguments: arguments,
                        payload: payload, counters: counters, notes: notes, elapsedSeconds: elapsed)
    }

    static func readPayload(_ src: PartSource, _ node: JSONText.Node, counters: [String: Int], stop: StopReason) throws(GameFormatError) -> ShardPayload {
        let kindNode = try src.member(node, "kind")
        func rationals(_ n: JSONText.Node) throws(GameFormatError) -> [Rational] {
            var out: [Rational] = []
            for x in try src.array(n) {
                guard let r = Rational(try src.string(x)) else { throw src.error(x, "expected an exact number such as \"2/3\"") }
                out.append(r)
            }
            return out
        }
        func doubles(_ n: JSONText.Node) throws(GameFormatError) -> [Double] {
            var out: [Double] = []
            for x in try src.array(n) { out.append(try src.double(x)) }
            return out
        }
        func strings(_ n: JSONText.Node) throws(GameFormatError) -> [String] {
            var out: [String] = []
            for x in try src.array(n) { out.append(try src.string(x)) }
            return out
        }
        func game() throws(GameFormatError) -> NormalFormGame {
            let g = try src.member(node, "gameDefinition")
            let text = src.value(g).rendered()
            do { return try JSONGameFormat.read(Array(text.utf8), fileName: src.file) } catch {
                throw src.error(g, "the embedded game is not valid: \(error.message)")
            }
        }
        switch try src.string(kindNode) {
        case "support-enumeration":
            let g = try game()
            var found: [SupportEnumerationPart.Found] = []
            for f in try src.array(try src.member(node, "found")) {
                let strategies = try src.array(try src.member(f, "strategies"))
                guard strategies.count == 2 else { throw src.error(f, "expected two strategies") }
                let x = try rationals(strategies[0]), y = try rationals(strategies[1])
                let payoffs = try rationals(try src.member(f, "payoffs"))
                guard x.count == g.strategyCounts[0], y.count == g.strategyCounts[1], payoffs.count == 2 else {
                    throw src.error(f, "the equilibrium does not fit the game's size")
                }
                found.append(.init(item: try src.int(try src.member(f, "item")), rank: try src.int(try src.member(f, "rank")),
                                   equilibrium: Equilibrium(strategies: [MixedStrategy(unchecked: x), MixedStrategy(unchecked: y)], payoffs: payoffs),
                                   degenerateWitness: try src.bool(try src.member(f, "degenerateWitness"))))
            }
            return .supportEnumeration(SupportEnumerationPart(found: found, counters: counters, stopReason: stop), game: g,
                                       equalSizeOnly: try src.bool(try src.member(node, "equalSizeOnly")))
        case "n-player-support-enumeration":
            let g = try game()
            var found: [NPlayerSupportPart.Found] = []
            for f in try src.array(try src.member(node, "found")) {
                var strategies: [MixedStrategy] = []
                let sNode = try src.member(f, "strategies")
                for (player, x) in (try src.array(sNode)).enumerated() {
                    let p = try rationals(x)
                    guard player < g.playerCount, p.count == g.strategyCounts[player] else { throw src.error(x, "the profile does not fit the game's size") }
                    strategies.append(MixedStrategy(unchecked: p))
                }
                guard strategies.count == g.playerCount else { throw src.error(sNode, "expected one strategy per player") }
                var floating: [[Double]] = []
                for x in try src.array(try src.member(f, "floating")) { floating.append(try doubles(x)) }
                let regretNode = try src.member(f, "maxRegret")
                guard let regret = Rational(try src.string(regretNode)) else { throw src.error(regretNode, "expected an exact number") }
                let certified = CertifiedEquilibrium(stated: Equilibrium(strategies: strategies, payoffs: try rationals(try src.member(f, "payoffs"))),
                                                     maxRegret: regret)
                found.append(.init(leaf: try src.int(try src.member(f, "leaf")), equilibrium: certified, floating: floating,
                                   support: try src.string(try src.member(f, "support"))))
            }
            return .nPlayerSupport(NPlayerSupportPart(found: found, counters: counters, stopReason: stop), game: g)
        case "extreme-equilibria":
            let g = try game()
            var pairs: [(row: [Rational], column: [Rational])] = []
            for e in try src.array(try src.member(node, "equilibria")) {
                let x = try rationals(try src.member(e, "row")), y = try rationals(try src.member(e, "column"))
                guard x.count == g.strategyCounts[0], y.count == g.strategyCounts[1] else { throw src.error(e, "the equilibrium does not fit the game's size") }
                pairs.append((x, y))
            }
            let aNode = try src.member(node, "arithmetic")
            guard let arithmetic = ExtremeEquilibria.Arithmetic(rawValue: try src.string(aNode)) else { throw src.error(aNode, "unknown arithmetic") }
            return .extremeEquilibria(ExtremeEquilibriaPart(pairs: pairs, counters: counters, degenerate: try src.bool(try src.member(node, "degenerate")),
                                                            arithmetic: arithmetic, stopReason: stop), game: g)
        case "coalition-sums":
            let players = try strings(try src.member(node, "players"))
            let n = players.count
            let masksNode = try src.member(node, "masks")
            let masks = try src.array(masksNode)
            guard masks.count == 2 else { throw src.error(masksNode, "expected [first, end]") }
            let lo = try src.int(masks[0]), hi = try src.int(masks[1])
            guard n >= 1, n < 63, 0 <= lo, lo <= hi, hi <= 1 << n else { throw src.error(masksNode, "the mask range does not fit \(n) players") }
            var sums: [Int128] = []
            let rows = try src.array(try src.member(node, "sums"))
            guard rows.count == n else { throw src.error(node, "expected one row of sums per player") }
            for r in rows {
                let items = try src.array(r)
                guard items.count == n + 1 else { throw src.error(r, "expected \(n + 1) sums") }
                for x in items {
                    guard let v = Int128(try src.string(x)) else { throw src.error(x, "expected an integer as a string") }
                    sums.append(v)
                }
            }
            let d = try src.int(try src.member(node, "denominator"))
            guard d >= 1 else { throw src.error(node, "the denominator must be positive") }
            return .coalitionSums(CoalitionSumsPart(players: n, denominator: d, masks: lo..<hi, sums: sums), players: players)
        case "sampled-stream":
            let players = try strings(try src.member(node, "players"))
            let seedNode = try src.member(node, "seed")
            guard let seed = UInt64(try src.numberText(seedNode)) else { throw src.error(seedNode, "expected a seed (unsigned 64-bit integer)") }
            let estimate = try doubles(try src.member(node, "estimate")), sd = try doubles(try src.member(node, "standardDeviation"))
            let hw = try doubles(try src.member(node, "halfWidth"))
            guard estimate.count == players.count, sd.count == players.count, hw.count == players.count else {
                throw src.error(node, "expected one estimate, standard deviation and half-width per player")
            }
            let samples = try src.int(try src.member(node, "samples"))
            guard samples >= 2 else { throw src.error(node, "a stream has at least 2 samples") }
            let value = SampledValue(estimate: estimate, standardDeviation: sd, halfWidth: hw,
                                     confidence: try src.double(try src.member(node, "confidence")), samples: samples, seed: seed)
            return .sampled(value, players: players, stream: try src.int(try src.member(node, "stream")))
        case "bench-runs":
            var runs: [(unit: Int, run: BenchRun)] = []
            for r in try src.array(try src.member(node, "runs")) {
                var counters: [String: Int] = [:]
                for c in try src.object(try src.member(r, "counters")) { counters[c.key] = try src.int(c.value) }
                let stopNode = try src.member(r, "stopReason")
                guard let runStop = StopReason(rawValue: try src.string(stopNode)) else { throw src.error(stopNode, "unknown stopReason") }
                runs.append((try src.int(try src.member(r, "unit")),
                             BenchRun(stated: try src.int(try src.member(r, "size")), label: try src.string(try src.member(r, "label")),
                                      shape: try src.string(try src.member(r, "shape")), seconds: try src.double(try src.member(r, "seconds")),
                                      results: try src.int(try src.member(r, "results")), stopReason: runStop, counters: counters,
                                      exceededLimit: try src.bool(try src.member(r, "exceededLimit")))))
            }
            let failure = try node.member("failure").map { n throws(GameFormatError) in try src.string(n) }
            return .bench(BenchShardPart(runs: runs, failure: failure))
        case "tournament-block":
            var matches: [(outcomes: MatchOutcomes, repetitions: Int)] = []
            for m in try src.array(try src.member(node, "matches")) {
                let oNode = try src.member(m, "outcomes")
                let counts = try src.array(oNode)
                guard counts.count == 4 else { throw src.error(oNode, "expected the counts of CC, CD, DC, DD") }
                var c: [Int] = []
                for x in counts {
                    let v = try src.int(x)
                    guard v >= 0 else { throw src.error(x, "a count cannot be negative") }
                    c.append(v)
                }
                matches.append((MatchOutcomes(counts: c), try src.int(try src.member(m, "repetitions"))))
            }
            return .tournament(matches: matches)
        case let other:
            throw src.error(kindNode, "unknown part kind '\(other)'")
        }
    }
}
