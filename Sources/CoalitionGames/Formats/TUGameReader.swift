import ExactArithmetic
internal import _JSONText

/// Coalition order of a value vector.
public enum CoalitionOrder: String, Sendable, CaseIterable {
    /// Coalition S at position Σ_{i∈S} 2^(i−1) − 1 (MatTuGames, the BNF code, coopgame).
    case bitmask
    /// By size, then lexicographically: {1},{2},{3},{1,2},{1,3},{2,3},{1,2,3} (R CoopGame, TUGlab).
    case lex

    /// The bitmask of each coalition in this order (length 2^n − 1).
    public func masks(players n: Int) -> [Int] {
        switch self {
        case .bitmask: return Array(1..<(1 << n))
        case .lex:
            var out: [Int] = []
            out.reserveCapacity((1 << n) - 1)
            for k in 1...n {
                // Combinations of size k in lexicographic order.
                var c = Array(0..<k)
                while true {
                    out.append(c.reduce(0) { $0 | 1 << $1 })
                    var i = k - 1
                    while i >= 0 && c[i] == n - k + i { i -= 1 }
                    if i < 0 { break }
                    c[i] += 1
                    for j in (i + 1)..<k { c[j] = c[j - 1] + 1 }
                }
            }
            return out
        }
    }
}

/// What a TU game file describes: a table or a rule (which may be too large for a table).
public enum TUGameInput: Sendable {
    case table(TUGame)
    case rule(CoalitionRule, playerNames: [String])

    /// Player names.
    public var playerNames: [String] {
        switch self { case .table(let g): return g.playerNames; case .rule(_, let names): return names }
    }

    /// The table (expanding a rule).
    /// - Throws: ``TUGameError/tooManyPlayers(_:)`` for rules above the table limit.
    public func table() throws -> TUGame {
        switch self {
        case .table(let g): return g
        case .rule(let r, let names): return try r.table(playerNames: names)
        }
    }
}

/// Reads TU games from JSON or from a plain vector of 2^n − 1 numbers.
///
/// JSON: `{"players": ["A", "B"] or n, "order": "bitmask"|"lex", "values": [...]}`; or a rule:
/// `{"type": "weighted-voting", "quota": q, "weights": [...]}`, `{"type": "bankruptcy",
/// "estate": E, "claims": [...]}`, `{"type": "airport", "costs": [...]}`, `{"type": "glove",
/// "left": L, "right": R}`, `{"type": "unanimity", "players": n, "carrier": [1-based players],
/// "value": c}`, `{"type": "majority", "players": n, "quota": k}`. Rules may carry `"names"`.
/// Numbers may be JSON numbers or strings ("1/3", "0.25"), read exactly.
public enum TUGameReader {
    /// Parses a file's text; JSON when it starts with `{`, otherwise a plain vector.
    /// - Throws: ``TUGameFormatError`` with line and column, or ``TUGameError``.
    public static func read(_ text: String, order: CoalitionOrder = .bitmask) throws -> TUGameInput {
        try read(utf8: Array(text.utf8), order: order)
    }

    /// Parses a file's UTF-8 bytes (checked to be UTF-8 by the caller); JSON when they start with
    /// `{`, otherwise a plain vector. The values are read straight into the compact table: see
    /// ``readJSON(utf8:)`` and ``readVector(_:order:playerNames:)``.
    /// - Throws: ``TUGameFormatError`` with line and column, or ``TUGameError``.
    /// - Complexity: O(length of the text) time; memory O(2^n) beyond the bytes.
    public static func read(utf8 bytes: [UInt8], order: CoalitionOrder = .bitmask) throws -> TUGameInput {
        var i = 0
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 9 || bytes[i] == 13 { i += 1 }
        if i < bytes.count && bytes[i] == UInt8(ascii: "{") { return try readJSON(utf8: bytes) }
        return .table(try bytes.withUnsafeBufferPointer { try readVector($0, order: order, playerNames: nil) })
    }

    /// Whether `text` is a JSON object with a `"values"` or `"type"` member, i.e. a TU game
    /// rather than a strategic game (whose JSON has `"payoffs"`). Malformed JSON gives false.
    /// - Complexity: O(length of text) (one syntax pass; numbers are not converted).
    public static func looksLikeTUGameJSON(_ text: String) -> Bool { looksLikeTUGameJSON(utf8: Array(text.utf8)) }

    /// ``looksLikeTUGameJSON(_:)`` on bytes. A `"values"` array is checked but not kept.
    /// - Complexity: O(length of the text); memory O(nodes outside the values array).
    public static func looksLikeTUGameJSON(utf8 bytes: [UInt8]) -> Bool {
        guard let (root, _) = try? JSONText.parse(bytes, streamingArrayOf: "values", into: { _ in }),
              case .object = root.kind else { return false }
        return root.member("values") != nil || root.member("type") != nil
    }

    /// A plain vector: numbers separated by whitespace, commas or semicolons (`#` starts a
    /// comment to the end of the line), 2^n − 1 of them.
    ///
    /// Reads bytes, not `Character`s, and parses plain integers straight into the compact table
    /// (`Int` numerators), so a table of 2^24 values reads at disk speed; anything else
    /// (decimals, fractions, huge integers) goes through ``Rational/parse(_:)``.
    /// - Complexity: O(length of the text); memory 8 bytes per value.
    public static func readVector(_ text: String, order: CoalitionOrder, playerNames: [String]? = nil) throws -> TUGame {
        var text = text
        return try text.withUTF8 { try readVector($0, order: order, playerNames: playerNames) }
    }

    static func readVector(_ bytes: UnsafeBufferPointer<UInt8>, order: CoalitionOrder,
                           playerNames: [String]?) throws -> TUGame {
        var values = CompactValues()
        // Positions are kept only where an error can point: value k with k + 1 a power of two
        // (the first value past a complete table of n players).
        var positions: [Int: SourcePosition] = [:]
        var line = 1, lineStart = bytes.startIndex
        var i = bytes.startIndex
        let end = bytes.endIndex
        func column(_ at: Int) -> Int {
            // Characters, not bytes: count the bytes that start a UTF-8 scalar.
            var c = 1
            var k = lineStart
            while k < at { if bytes[k] & 0xC0 != 0x80 { c += 1 }; k += 1 }
            return c
        }
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") { line += 1; i += 1; lineStart = i; continue }
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: ",") || b == UInt8(ascii: "\r") || b == UInt8(ascii: ";") {
                i += 1; continue
            }
            if b == UInt8(ascii: "#") {
                while i < end && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            let start = i
            while i < end {
                let c = bytes[i]
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: ",") || c == UInt8(ascii: "\r")
                    || c == UInt8(ascii: ";") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "#") { break }
                i += 1
            }
            let k = values.count
            if (k + 1) & k == 0 { positions[k] = SourcePosition(line: line, column: column(start)) }
            if let v = plainInteger(bytes, start, i) {
                values.append(v)
            } else {
                guard let r = Rational.parse(utf8: bytes, from: start, to: i) else {
                    let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    throw TUGameFormatError(SourcePosition(line: line, column: column(start)), "expected a number, found '\(token)'")
                }
                values.append(r)
            }
        }
        let endPosition = SourcePosition(line: line, column: column(end))
        return try makeTable(&values, positions: { positions[$0] ?? endPosition }, order: order, names: playerNames,
                             players: nil, at: endPosition)
    }

    /// An optionally signed run of at most 18 decimal digits, as `Int`; nil for anything else.
    @inline(__always)
    static func plainInteger<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ start: Int, _ end: Int) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var k = start
        var negative = false
        if k < end && (bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+")) { negative = bytes[k] == UInt8(ascii: "-"); k += 1 }
        guard k < end, end - k <= 18 else { return nil }
        var v = 0
        while k < end {
            let d = bytes[k] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
            k += 1
        }
        return negative ? -v : v
    }

    /// The table of `values` (listed in `order`) for `players` players, or as many as the count
    /// of values says.
    /// - Parameter positions: where value k stands in the file (asked only for error messages).
    /// - Throws: ``TUGameFormatError``: no values, more than 25 players (marked as a limit), a
    ///   count other than 2^n − 1 (at the first value too many, or at `end`), values too large
    ///   for the table (at the first value).
    /// - Complexity: O(2^n).
    static func makeTable(_ values: inout CompactValues, positions: (Int) -> SourcePosition, order: CoalitionOrder, names: [String]?,
                          players: Int?, at end: SourcePosition) throws -> TUGame {
        var n = players ?? 0
        if players == nil { while (1 << n) - 1 < values.count && n < 62 { n += 1 } }
        guard n >= 1 else { throw TUGameFormatError(end, "expected at least one coalition value, found none") }
        guard n <= TUGame.maximumTablePlayers else {
            throw TUGameFormatError(end, TUGameError.tooManyPlayers(n).description, exceedsLimit: true)
        }
        let expected = (1 << n) - 1
        guard values.count == expected else {
            let pos = values.count > expected ? positions(expected) : end
            throw TUGameFormatError(pos, "expected 2^n − 1 = \(expected) values for n = \(n) players, found \(values.count)")
        }
        do {
            return try values.table(players: n, order: order, names: names ?? TUGame.defaultNames(n))
        } catch let e as TUGameError {
            throw TUGameFormatError(positions(0), e.description)
        }
    }

    /// JSON game (table or rule).
    public static func readJSON(_ text: String) throws -> TUGameInput { try readJSON(utf8: Array(text.utf8)) }

    /// JSON game (table or rule) from UTF-8 bytes.
    ///
    /// The `"values"` array of a table is read in one pass straight into the compact table (see
    /// ``TUGame``): integers of up to 18 digits go to `Int` numerators without allocating, other
    /// numbers and strings through ``Rational``; no JSON node is made per value. Errors are the
    /// ones a whole-tree reading gives, in the same order: syntax anywhere first, then numbers
    /// out of range in document order, then the members' meaning.
    /// - Throws: ``TUGameFormatError`` at the line and column of the first problem.
    /// - Complexity: O(length of the text) time; memory 8 bytes per value (slots grow in powers
    ///   of two, so a table of 2^n slots fills them exactly) plus O(nodes outside the values).
    public static func readJSON(utf8 bytes: [UInt8]) throws -> TUGameInput {
        var values = CompactValues()
        // Offsets of value k where k + 1 is a power of two (where count errors point).
        var offsets: [Int] = []
        var valueError: TUGameFormatError?
        var outOfRange: (offset: Int, text: String)?
        let (root, streamed) = try bytes.withUnsafeBufferPointer { buffer in
            try JSONParser.parse(bytes, streaming: "values", into: { element in
                let k = values.count
                switch element {
                case .number(let start, let end):
                    if (k + 1) & k == 0 { offsets.append(start) }
                    if let v = plainInteger(buffer, start, end) {
                        values.append(v)
                    } else if let r = Rational.parse(utf8: buffer, from: start, to: end) {
                        values.append(r)
                    } else {
                        if outOfRange == nil { outOfRange = (start, String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)) }
                        values.append(0)
                    }
                case .string(let s, let offset):
                    if (k + 1) & k == 0 { offsets.append(offset) }
                    if let r = Rational(s) {
                        values.append(r)
                    } else {
                        if valueError == nil {
                            valueError = TUGameFormatError(SourcePosition(line: 0, column: offset),
                                                           "expected a coalition value (a number or a string like \"1/3\"), found \"\(s)\"")
                        }
                        values.append(0)
                    }
                case .other(let node):
                    if (k + 1) & k == 0 { offsets.append(node.offset) }
                    if valueError == nil {
                        valueError = TUGameFormatError(SourcePosition(line: 0, column: node.offset), "expected a coalition value (a number), found \(node.typeName)")
                    }
                    // Numbers inside it are still checked, as in a tree read whole.
                    if outOfRange == nil, let bad = firstNumberOutOfRange(node, buffer) {
                        outOfRange = (bad.start, String(decoding: UnsafeBufferPointer(rebasing: buffer[bad.start..<bad.end]), as: UTF8.self))
                    }
                    values.append(0)
                }
            }, atStreamed: {
                if let outOfRange {
                    var at = ForwardLocation(bytes)
                    throw TUGameFormatError(at.position(outOfRange.offset), "expected a number, found '\(outOfRange.text)'")
                }
            })
        }
        // Stored errors carry a byte offset in `column` (line 0) until they are thrown.
        func located(_ e: TUGameFormatError) -> TUGameFormatError {
            var at = ForwardLocation(bytes)
            return TUGameFormatError(at.position(e.position.column), e.message, exceedsLimit: e.exceedsLimit)
        }
        guard case .object = root else { throw TUGameFormatError(root.position, "expected a JSON object, found \(root.kind)") }
        if let type = root["type"] {
            guard case .string(let t, _) = type else { throw TUGameFormatError(type.position, "expected the rule type as a string, found \(type.kind)") }
            return try readRule(t, root)
        }
        guard let valuesNode = root["values"] else { throw TUGameFormatError(root.position, "expected a \"values\" member (or a rule \"type\")") }
        var order = CoalitionOrder.bitmask
        if let o = root["order"] {
            guard case .string(let s, _) = o, let parsed = CoalitionOrder(rawValue: s) else {
                throw TUGameFormatError(o.position, "expected \"order\" to be \"bitmask\" or \"lex\"")
            }
            order = parsed
        }
        var names: [String]? = nil, players: Int? = nil
        if let p = root["players"] ?? root["n"] {
            switch p {
            case .array(let items, _):
                names = try items.map { item in
                    guard case .string(let s, _) = item else { throw TUGameFormatError(item.position, "expected a player name string, found \(item.kind)") }
                    return s
                }
                players = names!.count
            case .number:
                players = try integer(p, "the number of players")
                guard players! >= 1 else { throw TUGameFormatError(p.position, "expected at least one player") }
            default: throw TUGameFormatError(p.position, "expected \"players\" as a list of names or a count, found \(p.kind)")
            }
        }
        guard case .array(let items, let pos) = valuesNode else {
            throw TUGameFormatError(valuesNode.position, "expected \"values\" to be an array, found \(valuesNode.kind)")
        }
        if let players, players > TUGame.maximumTablePlayers {
            throw TUGameFormatError(pos, TUGameError.tooManyPlayers(players).description, exceedsLimit: true)
        }
        if let valueError { throw located(valueError) }
        // A top-level "values" array is always streamed: its node stands empty.
        assert(streamed != nil && items.isEmpty)
        var at = ForwardLocation(bytes)
        return .table(try makeTable(&values, positions: { k in
            let slot = (k + 1).trailingZeroBitCount
            return slot < offsets.count ? at.position(offsets[slot]) : pos
        }, order: order, names: names, players: players, at: pos))
    }

    /// The first number in `node` (in document order) that ``Rational`` cannot read.
    static func firstNumberOutOfRange(_ node: JSONText.Node, _ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int)? {
        switch node.kind {
        case .number(let start, let end):
            return Rational.parse(utf8: bytes, from: start, to: end) == nil ? (start, end) : nil
        case .array(let items):
            for item in items { if let bad = firstNumberOutOfRange(item, bytes) { return bad } }
        case .object(let members):
            for m in members { if let bad = firstNumberOutOfRange(m.value, bytes) { return bad } }
        case .string, .bool, .null: break
        }
        return nil
    }

    static func readRule(_ type: String, _ root: JSONNode) throws -> TUGameInput {
        func member(_ key: String) throws -> JSONNode {
            guard let m = root[key] else { throw TUGameFormatError(root.position, "expected a \"\(key)\" member for a \(type) game") }
            return m
        }
        func numbers(_ key: String) throws -> [Rational] {
            let node = try member(key)
            guard case .array(let items, _) = node else { throw TUGameFormatError(node.position, "expected \"\(key)\" to be an array, found \(node.kind)") }
            return try items.map { try number($0, "a number in \"\(key)\"") }
        }
        let rule: CoalitionRule
        switch type {
        case "weighted-voting", "weighted_voting", "wvg":
            rule = .weightedVoting(quota: try number(try member("quota"), "the quota"), weights: try numbers("weights"))
        case "bankruptcy":
            rule = .bankruptcy(estate: try number(try member("estate"), "the estate"), claims: try numbers("claims"))
        case "airport", "cost":
            rule = .airport(costs: try numbers("costs"))
        case "glove":
            let l = try integer(try member("left"), "the number of left gloves")
            let r = try integer(try member("right"), "the number of right gloves")
            guard l >= 0, r >= 0 else { throw TUGameFormatError(root.position, "expected non-negative glove counts, found left \(l) and right \(r)") }
            let (players, overflow) = l.addingReportingOverflow(r)
            guard !overflow, players <= CoalitionRule.maximumPlayers else {
                throw TUGameFormatError(root.position, TUGameError.tooManyRulePlayers(overflow ? Int.max : players).description + (overflow ? " (left + right overflows)" : ""), exceedsLimit: true)
            }
            guard players >= 1 else { throw TUGameFormatError(root.position, "expected at least one glove") }
            rule = .glove(left: Array(repeating: true, count: l) + Array(repeating: false, count: r))
        case "unanimity":
            let n = try integer(try member("players"), "the number of players")
            let carrier = try numbers("carrier").map { x -> Int in
                guard x.isInteger, let i = Int(x.description) else { throw TUGameFormatError(root.position, "expected player numbers in \"carrier\"") }
                return i - 1
            }
            let value = try root["value"].map { try number($0, "the value") } ?? 1
            rule = .unanimity(players: n, carrier: carrier, value: value)
        case "majority":
            let n = try integer(try member("players"), "the number of players")
            let q = try root["quota"].map { try integer($0, "the quota") } ?? n / 2 + 1
            rule = .majority(players: n, quota: q)
        default:
            throw TUGameFormatError(root["type"]!.position,
                                    "expected a rule type: weighted-voting, bankruptcy, airport, glove, unanimity or majority; found \"\(type)\"")
        }
        do { try rule.validate() } catch let e as TUGameError { throw TUGameFormatError(root.position, e.description, exceedsLimit: e.exceedsLimit) }
        var names = TUGame.defaultNames(rule.playerCount)
        if let nn = root["names"] {
            guard case .array(let items, let p) = nn, items.count == rule.playerCount else {
                throw TUGameFormatError(nn.position, "expected \"names\" to list \(rule.playerCount) player names")
            }
            names = try items.map { item in
                guard case .string(let s, _) = item else { throw TUGameFormatError(p, "expected a player name string") }
                return s
            }
        }
        return .rule(rule, playerNames: names)
    }

    static func number(_ node: JSONNode, _ what: String) throws -> Rational {
        switch node {
        case .number(let s, let p):
            guard let r = Rational(s) else { throw TUGameFormatError(p, "\(what) \(s) is out of range (exponents are limited to ±\(Rational.maximumDecimalExponent))") }
            return r
        case .string(let s, let p):
            guard let r = Rational(s) else { throw TUGameFormatError(p, "expected \(what) (a number or a string like \"1/3\"), found \"\(s)\"") }
            return r
        default: throw TUGameFormatError(node.position, "expected \(what) (a number), found \(node.kind)")
        }
    }

    static func integer(_ node: JSONNode, _ what: String) throws -> Int {
        let r = try number(node, what)
        guard r.isInteger, let i = Int(r.description) else { throw TUGameFormatError(node.position, "expected \(what) as an integer, found \(r)") }
        return i
    }
}
