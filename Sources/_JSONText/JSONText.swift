// The one JSON reader of GameSolve, shared by GameFormats (strategic games) and CoalitionGames
// (TU games). Internal to the package (the leading underscore): its types are public only so that
// those modules can use them; they import it with `internal import` and expose none of it.

/// A strict JSON parser (RFC 8259) over bytes, with byte offsets for error messages.
public enum JSONText {
    /// A parsed JSON value and the byte offset where it starts.
    public struct Node: Sendable {
        public enum Kind: Sendable {
            case object([(key: String, keyOffset: Int, value: Node)])
            case array([Node])
            case string(String)
            /// The byte range of the number's text (kept as text so numbers are read exactly).
            case number(Int, Int)
            case bool(Bool)
            case null
        }
        public let kind: Kind
        public let offset: Int

        public init(kind: Kind, offset: Int) { self.kind = kind; self.offset = offset }

        /// "an object", "an array", "a string", "a number", "a boolean" or "null", for messages.
        public var typeName: String {
            switch kind {
            case .object: return "an object"
            case .array: return "an array"
            case .string: return "a string"
            case .number: return "a number"
            case .bool: return "a boolean"
            case .null: return "null"
            }
        }

        /// The member `key` of an object.
        public func member(_ key: String) -> Node? {
            guard case .object(let members) = kind else { return nil }
            return members.first { $0.key == key }?.value
        }
    }

    /// Malformed JSON: the byte offset of the problem and what was expected.
    public struct Error: Swift.Error, Equatable, Sendable {
        public let offset: Int
        public let message: String
        public init(offset: Int, message: String) { self.offset = offset; self.message = message }
    }

    /// Parses one JSON document (surrounding white space allowed).
    ///
    /// Numbers are not converted to `Double`: their text is kept so that `0.1` can be read as
    /// exactly 1/10. Duplicate keys are rejected. Strings decode every escape, including UTF-16
    /// surrogate pairs.
    /// - Throws: ``Error`` at the first problem.
    /// - Complexity: O(length of the text); nesting depth is limited to 512 to keep the stack
    ///   bounded.
    public static func parse(_ bytes: [UInt8]) throws(JSONText.Error) -> Node {
        var parser = Parser(bytes)
        return try parser.parseDocument()
    }

    /// One element of an array handed to a streaming sink (see
    /// ``parse(_:streamingArrayOf:into:)``) instead of being kept as a ``Node``.
    public enum StreamedElement: Sendable {
        /// A number: the byte range of its text, which is also where it starts.
        case number(start: Int, end: Int)
        /// A string, decoded, and the byte offset of its opening quote.
        case string(String, offset: Int)
        /// Any other value (an object, array, boolean or null), as a node.
        case other(Node)
    }

    /// Parses one JSON document like ``parse(_:)``, except that the array value of the member
    /// `key` of the top-level object is not built as nodes: each of its elements goes to `sink`,
    /// in order, and the member's node is an empty array (at the array's offset) so that
    /// duplicate keys and the member's position are still seen. Every syntax rule is checked
    /// exactly as by ``parse(_:)``; a syntax error anywhere throws, even after elements were
    /// handed to `sink`.
    ///
    /// Used by the TU game reader, whose `"values"` array has up to 2^25 numbers: a node per
    /// number would cost more than the numbers themselves.
    /// - Returns: the document, and the byte offset of the streamed array (nil when the
    ///   top-level value is not an object or has no such member holding an array).
    /// - Complexity: O(length of the text); memory O(nodes outside the streamed array).
    public static func parse(_ bytes: [UInt8], streamingArrayOf key: String,
                             into sink: (StreamedElement) -> Void) throws(JSONText.Error) -> (root: Node, streamedOffset: Int?) {
        try withoutActuallyEscaping(sink) { (sink) throws(JSONText.Error) -> (root: Node, streamedOffset: Int?) in
            var parser = Parser(bytes)
            parser.streamKey = key
            parser.sink = sink
            let root = try parser.parseDocument()
            return (root, parser.streamedOffset)
        }
    }

    /// 1-based line and column (counting UTF-8 scalars, a tab as one) of byte `offset` in `bytes`.
    /// - Complexity: O(offset).
    public static func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        let end = min(offset, bytes.count)
        var i = 0
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                line += 1; column = 1
            } else if b & 0xC0 != 0x80 {   // not a UTF-8 continuation byte
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// Line starts of a text, for many position look-ups: O(log lines) each after O(length).
    public struct LineIndex: Sendable {
        let bytes: [UInt8]
        let starts: [Int]
        /// No multi-byte characters: a column is then a byte distance.
        let asciiOnly: Bool

        public init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var starts = [0], ascii = true
            for (i, b) in bytes.enumerated() {
                if b == UInt8(ascii: "\n") { starts.append(i + 1) } else if b >= 0x80 { ascii = false }
            }
            self.starts = starts
            self.asciiOnly = ascii
        }

        /// The same answer as ``JSONText/location(of:in:)``.
        /// - Complexity: O(log lines) for ASCII text, plus the length of the line otherwise.
        public func location(of offset: Int) -> (line: Int, column: Int) {
            let offset = min(max(offset, 0), bytes.count)
            var lo = 0, hi = starts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            if asciiOnly { return (lo + 1, offset - starts[lo] + 1) }
            var column = 1
            for i in starts[lo]..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
            return (lo + 1, column)
        }
    }
}

/// The recursive-descent parser behind ``JSONText/parse(_:)``.
struct Parser {
    let bytes: [UInt8]
    var pos = 0
    var depth = 0
    /// The top-level member whose array goes to ``sink`` (see
    /// ``JSONText/parse(_:streamingArrayOf:into:)``).
    var streamKey: String?
    var sink: ((JSONText.StreamedElement) -> Void)?
    var streamedOffset: Int?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func fail(_ offset: Int, _ message: String) -> JSONText.Error { JSONText.Error(offset: offset, message: message) }

    /// Text of `bytes[range]` for messages, shortened.
    func snippet(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<bytes.count)
        var s = String(decoding: bytes[r], as: UTF8.self)
        if s.count > 30 { s = String(s.prefix(27)) + "..." }
        return s
    }

    mutating func parseDocument() throws(JSONText.Error) -> JSONText.Node {
        skipSpace()
        guard pos < bytes.count else { throw fail(pos, "expected a JSON value, found an empty file") }
        let v = try parseValue()
        skipSpace()
        guard pos == bytes.count else {
            throw fail(pos, "expected the end of the file after the JSON value, found '\(snippet(pos..<pos + 1))'")
        }
        return v
    }

    private mutating func skipSpace() {
        let b = bytes
        while pos < b.count, b[pos] == 32 || b[pos] == 9 || b[pos] == 10 || b[pos] == 13 { pos += 1 }
    }

    private func found() -> String {
        pos < bytes.count ? "'\(snippet(pos..<pos + 1))'" : "the end of the file"
    }

    private mutating func parseValue() throws(JSONText.Error) -> JSONText.Node {
        skipSpace()
        let b = bytes
        guard pos < b.count else { throw fail(pos, "expected a JSON value, found the end of the file") }
        let start = pos
        switch b[pos] {
        case UInt8(ascii: "{"):
            depth += 1
            guard depth <= 512 else { throw fail(pos, "JSON nested more than 512 levels deep") }
            defer { depth -= 1 }
            pos += 1
            var members = [(key: String, keyOffset: Int, value: JSONText.Node)]()
            // Duplicate keys: a linear scan for small objects, a set once an object grows (keeps
            // parsing linear in the text).
            var keys = Set<String>()
            skipSpace()
            if pos < b.count && b[pos] == UInt8(ascii: "}") { pos += 1; return JSONText.Node(kind: .object(members), offset: start) }
            while true {
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: "\"") else {
                    throw fail(pos, "expected a key in double quotes, found \(found())")
                }
                let keyOffset = pos
                let key = try parseString()
                if members.count < 16 ? members.contains(where: { $0.key == key }) : keys.contains(key) {
                    throw fail(keyOffset, "duplicate key \"\(key)\"")
                }
                if members.count >= 15 {
                    if keys.isEmpty { keys = Set(members.map(\.key)) }
                    keys.insert(key)
                }
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: ":") else {
                    throw fail(pos, "expected ':' after the key \"\(key)\", found \(found())")
                }
                pos += 1
                let value: JSONText.Node
                if depth == 1, let streamKey, key == streamKey, let sink, nextIsArray() {
                    value = try parseStreamedArray(sink)
                    streamedOffset = value.offset
                } else {
                    value = try parseValue()
                }
                members.append((key, keyOffset, value))
                skipSpace()
                guard pos < b.count else { throw fail(start, "unterminated object: no closing '}'") }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "}") { pos += 1; break }
                throw fail(pos, "expected ',' or '}' in an object, found \(found())")
            }
            return JSONText.Node(kind: .object(members), offset: start)
        case UInt8(ascii: "["):
            depth += 1
            guard depth <= 512 else { throw fail(pos, "JSON nested more than 512 levels deep") }
            defer { depth -= 1 }
            pos += 1
            var items = [JSONText.Node]()
            skipSpace()
            if pos < b.count && b[pos] == UInt8(ascii: "]") { pos += 1; return JSONText.Node(kind: .array(items), offset: start) }
            while true {
                items.append(try parseValue())
                skipSpace()
                guard pos < b.count else { throw fail(start, "unterminated array: no closing ']'") }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "]") { pos += 1; break }
                throw fail(pos, "expected ',' or ']' in an array, found \(found())")
            }
            return JSONText.Node(kind: .array(items), offset: start)
        case UInt8(ascii: "\""):
            return JSONText.Node(kind: .string(try parseString()), offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            return JSONText.Node(kind: .number(start, pos), offset: start)
        default:
            for (word, kind) in [("true", JSONText.Node.Kind.bool(true)), ("false", .bool(false)), ("null", .null)]
            where b[pos...].starts(with: word.utf8) {
                pos += word.utf8.count
                return JSONText.Node(kind: kind, offset: start)
            }
            throw fail(pos, "expected a JSON value (object, array, string, number, true, false or null), found \(found())")
        }
    }

    /// Moves past one number that starts at `pos` (a '-' or a digit), checking RFC 8259's syntax.
    /// - Complexity: O(length of the number).
    @inline(__always)
    private mutating func scanNumber() throws(JSONText.Error) {
        let b = bytes
        let start = pos
        if b[pos] == UInt8(ascii: "-") { pos += 1 }
        func digits() -> Int {
            let s = pos
            while pos < b.count, b[pos] >= 48, b[pos] <= 57 { pos += 1 }
            return pos - s
        }
        let intStart = pos
        guard digits() > 0 else { throw fail(start, "expected digits in a number, found \(found())") }
        if b[intStart] == UInt8(ascii: "0") && pos - intStart > 1 {
            throw fail(intStart, "a JSON number may not start with a leading zero ('\(snippet(start..<pos))'); RFC 8259")
        }
        if pos < b.count && b[pos] == UInt8(ascii: ".") {
            pos += 1
            guard digits() > 0 else { throw fail(pos, "expected digits after the decimal point, found \(found())") }
        }
        if pos < b.count && (b[pos] == UInt8(ascii: "e") || b[pos] == UInt8(ascii: "E")) {
            pos += 1
            if pos < b.count && (b[pos] == UInt8(ascii: "+") || b[pos] == UInt8(ascii: "-")) { pos += 1 }
            guard digits() > 0 else { throw fail(pos, "expected digits in the exponent, found \(found())") }
        }
    }

    /// Whether the next non-space byte opens an array (the position is left at it).
    private mutating func nextIsArray() -> Bool {
        skipSpace()
        return pos < bytes.count && bytes[pos] == UInt8(ascii: "[")
    }

    /// The array at `pos`, its elements handed to `sink` instead of kept: the same syntax checks
    /// and messages as the array case of ``parseValue()``. Returns an empty array node at the
    /// array's offset.
    /// - Complexity: O(length of the array's text).
    private mutating func parseStreamedArray(_ sink: (JSONText.StreamedElement) -> Void) throws(JSONText.Error) -> JSONText.Node {
        let b = bytes
        let start = pos
        depth += 1
        guard depth <= 512 else { throw fail(pos, "JSON nested more than 512 levels deep") }
        defer { depth -= 1 }
        pos += 1
        skipSpace()
        if pos < b.count && b[pos] == UInt8(ascii: "]") { pos += 1; return JSONText.Node(kind: .array([]), offset: start) }
        while true {
            skipSpace()
            guard pos < b.count else { throw fail(pos, "expected a JSON value, found the end of the file") }
            let c = b[pos]
            let elementStart = pos
            if c == UInt8(ascii: "-") || (c >= 48 && c <= 57) {
                try scanNumber()
                sink(.number(start: elementStart, end: pos))
            } else if c == UInt8(ascii: "\"") {
                sink(.string(try parseString(), offset: elementStart))
            } else {
                sink(.other(try parseValue()))
            }
            skipSpace()
            guard pos < b.count else { throw fail(start, "unterminated array: no closing ']'") }
            if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if b[pos] == UInt8(ascii: "]") { pos += 1; break }
            throw fail(pos, "expected ',' or ']' in an array, found \(found())")
        }
        return JSONText.Node(kind: .array([]), offset: start)
    }

    private mutating func parseString() throws(JSONText.Error) -> String {
        let b = bytes
        let start = pos
        pos += 1
        var out = [UInt8]()
        while true {
            guard pos < b.count else { throw fail(start, "unterminated string: no closing '\"' before the end of the file") }
            let c = b[pos]
            if c == UInt8(ascii: "\"") { pos += 1; break }
            if c < 0x20 { throw fail(pos, "control character in a string: write it as an escape such as \\n") }
            if c == UInt8(ascii: "\\") {
                pos += 1
                guard pos < b.count else { throw fail(start, "unterminated string: no closing '\"' before the end of the file") }
                let e = b[pos]
                switch e {
                case UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "\\"): out.append(e)
                case UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    var code = try hex4(pos + 1)
                    pos += 4
                    if code >= 0xD800 && code < 0xDC00, pos + 2 < b.count, b[pos + 1] == UInt8(ascii: "\\"), b[pos + 2] == UInt8(ascii: "u") {
                        let low = try hex4(pos + 3)
                        if low >= 0xDC00 && low < 0xE000 {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            pos += 6
                        }
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw fail(pos - 1, "invalid escape '\\\(snippet(pos..<pos + 1))' in a string")
                }
                pos += 1
                continue
            }
            out.append(c)
            pos += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw fail(start, "a string that is not valid UTF-8 (JSON text must be UTF-8; RFC 8259)")
        }
        return text
    }

    private func hex4(_ at: Int) throws(JSONText.Error) -> UInt32 {
        let b = bytes
        guard at + 4 <= b.count else { throw fail(at - 2, "expected four hex digits after \\u") }
        var v: UInt32 = 0
        for i in at..<at + 4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: throw fail(at - 2, "expected four hex digits after \\u")
            }
            v = v * 16 + d
        }
        return v
    }
}
