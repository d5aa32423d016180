import ExactArithmetic
import StrategicGames
internal import _JSONText

/// GameSolve's own JSON schema for N-player strategic games, read and written.
///
///     {
///       "title": "Battle of the sexes",
///       "comment": "",
///       "players": [
///         {"name": "Alice", "strategies": ["Opera", "Football"]},
///         {"name": "Bob", "strategies": ["Opera", "Football"]}
///       ],
///       "payoffs": [
///         [[2, 1], [0, 0]],
///         [[0, 0], [1, 2]]
///       ]
///     }
///
/// - `title`, `comment`: optional strings.
/// - `players`: non-empty array; each has a `name` (optional string) and `strategies`, either an
///   array of names or a positive count (names "1", "2", ...).
/// - `payoffs`: nested arrays indexed by the players' strategies in player order, so
///   `payoffs[s1][s2]...[sN]` is the array of the N players' payoffs at that profile. For two
///   players `payoffs[i][j]` is `[row payoff, column payoff]`.
/// - A payoff is a JSON number (read exactly from its text: `0.1` is 1/10) or a string holding an
///   integer, decimal or fraction (`"1/3"`). The writer uses numbers for integers and strings for
///   other values, so files round-trip exactly.
///
/// Other keys are ignored (so files may carry metadata such as `"format": "gamesolve-game"`).
public enum JSONGameFormat {
    /// Reads a game from JSON text.
    /// - Throws: ``GameFormatError`` at the line and column of the first problem.
    /// - Complexity: O(file size).
    public static func read(_ bytes: [UInt8], fileName: String) throws(GameFormatError) -> NormalFormGame {
        let source = SourceText(name: fileName, bytes: bytes)
        let root = try JSONParser(source).parseDocument()
        guard case .object = root.kind else {
            throw source.error(at: root.offset, "expected a JSON object with \"players\" and \"payoffs\", found \(root.typeName)")
        }
        func string(_ key: String, in node: JSONNode) throws(GameFormatError) -> String? {
            guard let v = node.member(key) else { return nil }
            guard case .string(let s) = v.kind else {
                throw source.error(at: v.offset, "expected \"\(key)\" to be a string, found \(v.typeName)")
            }
            return s
        }
        let title = try string("title", in: root) ?? ""
        let comment = try string("comment", in: root) ?? ""

        guard let playersNode = root.member("players") else {
            throw source.error(at: root.offset, "expected the key \"players\" (an array of {\"name\", \"strategies\"})")
        }
        guard case .array(let playerNodes) = playersNode.kind else {
            throw source.error(at: playersNode.offset, "expected \"players\" to be an array, found \(playersNode.typeName)")
        }
        guard !playerNodes.isEmpty else {
            throw source.error(at: playersNode.offset, "a game needs at least one player: \"players\" is empty")
        }
        var players = [Player]()
        for (i, p) in playerNodes.enumerated() {
            guard case .object = p.kind else {
                throw source.error(at: p.offset, "expected player \(i + 1) to be an object with \"name\" and \"strategies\", found \(p.typeName)")
            }
            let name = try string("name", in: p) ?? "Player \(i + 1)"
            guard let s = p.member("strategies") else {
                throw source.error(at: p.offset, "expected the key \"strategies\" for player \(i + 1)")
            }
            var names = [String]()
            switch s.kind {
            case .array(let items):
                for item in items {
                    guard case .string(let n) = item.kind else {
                        throw source.error(at: item.offset, "expected a strategy name (a string), found \(item.typeName)")
                    }
                    names.append(n)
                }
            case .number(let a, let b):
                guard let n = Int(String(decoding: source.bytes[a..<b], as: UTF8.self)) else {
                    throw source.error(at: s.offset, "expected a strategy count (a positive integer), found \(source.snippet(a..<b))")
                }
                guard n > 0 else { throw source.error(at: s.offset, "strategy count must be positive, found \(n)") }
                guard n <= Int(Int32.max) else { throw source.error(at: s.offset, "strategy count \(n) is too large") }
                names = (1...n).map { "\($0)" }
            default:
                throw source.error(at: s.offset, "expected \"strategies\" to be an array of names or a count, found \(s.typeName)")
            }
            guard !names.isEmpty else {
                throw source.error(at: s.offset, "strategy count must be positive: player \(i + 1) has an empty strategy list")
            }
            players.append(Player(name: name, strategies: names))
        }
        let counts = players.map(\.strategies.count)
        var total = 1
        for c in counts {
            let (t, o) = total.multipliedReportingOverflow(by: c)
            guard !o, t <= Int(Int32.max) else {
                throw source.error(at: playersNode.offset, "the game has more than 2^31 pure-strategy profiles, more than GameSolve will store")
            }
            total = t
        }

        guard let payoffsNode = root.member("payoffs") else {
            throw source.error(at: root.offset, "expected the key \"payoffs\" (nested arrays indexed by strategies)")
        }
        let n = players.count
        // Payoffs in the file's nesting order (player 1's strategy slowest); rearranged into
        // Gambit order once the file has shown it holds them all, so that a tiny file claiming a
        // huge game fails on its first short array instead of allocating memory for the claim.
        var flat = [Rational]()
        // Walk the nesting: level i is player i's strategy; strides follow Gambit's order.
        var strides = [Int](repeating: 1, count: n)
        for i in 1..<max(n, 1) where i < n { strides[i] = strides[i - 1] * counts[i - 1] }
        func visit(_ node: JSONNode, level: Int, index: Int, path: [Int]) throws(GameFormatError) {
            guard case .array(let items) = node.kind else {
                throw source.error(at: node.offset, "expected an array at payoffs\(path.map { "[\($0)]" }.joined()), found \(node.typeName)")
            }
            if level == n {
                guard items.count == n else {
                    throw source.error(at: node.offset, "expected \(plural(n, "payoff")) (one per player) at payoffs\(path.map { "[\($0)]" }.joined()), found \(items.count)")
                }
                for item in items { flat.append(try payoff(item)) }
                return
            }
            guard items.count == counts[level] else {
                let where_ = path.isEmpty ? "\"payoffs\"" : "payoffs" + path.map { "[\($0)]" }.joined()
                throw source.error(at: node.offset, "expected \(plural(counts[level], "entry")) in \(where_), one per strategy of \(players[level].name), found \(items.count)")
            }
            for (s, item) in items.enumerated() {
                try visit(item, level: level + 1, index: index + s * strides[level], path: path + [s])
            }
        }
        func payoff(_ node: JSONNode) throws(GameFormatError) -> Rational {
            switch node.kind {
            case .number(let a, let b):
                if let v = NumberParsing.parse(source.bytes, a, b) { return v }
                throw source.error(at: node.offset, "expected a payoff, found \(source.snippet(a..<b))")
            case .string(let s):
                if let v = NumberParsing.parse(s) { return v }
                throw source.error(at: node.offset, "expected a payoff (an integer, decimal or fraction p/q), found \"\(s)\"")
            default:
                throw source.error(at: node.offset, "expected a payoff (a number or a string like \"1/3\"), found \(node.typeName)")
            }
        }
        try visit(payoffsNode, level: 0, index: 0, path: [])
        var payoffs = [[Rational]](repeating: [Rational](repeating: .zero, count: total), count: n)
        var profile = [Int](repeating: 0, count: n)   // odometer with the last player fastest
        for k in 0..<total {
            var index = 0
            for i in 0..<n { index += profile[i] * strides[i] }
            for i in 0..<n { payoffs[i][index] = flat[k * n + i] }
            var level = n - 1
            while level >= 0 {
                profile[level] += 1
                if profile[level] < counts[level] { break }
                profile[level] = 0
                level -= 1
            }
        }
        do {
            return try NormalFormGame(title: title, comment: comment, players: players, payoffs: payoffs)
        } catch {
            throw source.error(at: root.offset, "\(error)")
        }
    }

    /// The game as a ``JSONValue`` in this schema.
    public static func value(_ game: NormalFormGame) -> JSONValue {
        let counts = game.strategyCounts
        func exact(_ r: Rational) -> JSONValue { r.isInteger ? .number(r.description) : .string(r.description) }
        func nest(level: Int, index: Int, stride: Int) -> JSONValue {
            if level == counts.count {
                return .array(game.payoffs.map { exact($0[index]) })
            }
            return .array((0..<counts[level]).map { s in
                nest(level: level + 1, index: index + s * stride, stride: stride * counts[level])
            })
        }
        return .object([
            ("title", .string(game.title)),
            ("comment", .string(game.comment)),
            ("players", .array(game.players.map { p in
                .object([("name", .string(p.name)), ("strategies", .array(p.strategies.map { .string($0) }))])
            })),
            ("payoffs", nest(level: 0, index: 0, stride: 1)),
        ])
    }

    /// Writes the game in this schema; reading it back gives an identical game.
    public static func write(_ game: NormalFormGame) -> String { value(game).rendered() }
}
