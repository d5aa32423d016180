/// A parsed JSON value that remembers where it started in the file, for error messages.
struct JSONNode {
    enum Kind {
        case object([(key: String, keyOffset: Int, value: JSONNode)])
        case array([JSONNode])
        case string(String)
        /// The byte range of the number's text (kept as text so payoffs are read exactly).
        case number(Int, Int)
        case bool(Bool)
        case null
    }
    let kind: Kind
    let offset: Int

    var typeName: String {
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
    func member(_ key: String) -> JSONNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// A strict JSON parser (RFC 8259) over bytes that reports the line and column of any error.
///
/// Numbers are not converted to `Double`: their text is kept so that `0.1` can be read as
/// exactly 1/10. Duplicate keys are rejected.
///
/// - Complexity: O(file size); nesting depth is limited to 512 to keep the stack bounded.
struct JSONParser {
    let source: SourceText
    var pos = 0
    var depth = 0

    init(_ source: SourceText) { self.source = source }

    mutating func parseDocument() throws(GameFormatError) -> JSONNode {
        skipSpace()
        guard pos < source.bytes.count else { throw source.error(at: pos, "expected a JSON value, found an empty file") }
        let v = try parseValue()
        skipSpace()
        guard pos == source.bytes.count else {
            throw source.error(at: pos, "expected the end of the file after the JSON value, found '\(source.snippet(pos..<pos + 1))'")
        }
        return v
    }

    private mutating func skipSpace() {
        let b = source.bytes
        while pos < b.count, b[pos] == 32 || b[pos] == 9 || b[pos] == 10 || b[pos] == 13 { pos += 1 }
    }

    private func found() -> String {
        pos < source.bytes.count ? "'\(source.snippet(pos..<pos + 1))'" : "the end of the file"
    }

    private mutating func parseValue() throws(GameFormatError) -> JSONNode {
        skipSpace()
        let b = source.bytes
        guard pos < b.count else { throw source.error(at: pos, "expected a JSON value, found the end of the file") }
        let start = pos
        switch b[pos] {
        case UInt8(ascii: "{"):
            depth += 1
            guard depth <= 512 else { throw source.error(at: pos, "JSON nested more than 512 levels deep") }
            defer { depth -= 1 }
            pos += 1
            var members = [(key: String, keyOffset: Int, value: JSONNode)]()
            skipSpace()
            if pos < b.count && b[pos] == UInt8(ascii: "}") { pos += 1; return JSONNode(kind: .object(members), offset: start) }
            while true {
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: "\"") else {
                    throw source.error(at: pos, "expected a key in double quotes, found \(found())")
                }
                let keyOffset = pos
                let key = try parseString()
                if members.contains(where: { $0.key == key }) {
                    throw source.error(at: keyOffset, "duplicate key \"\(key)\"")
                }
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: ":") else {
                    throw source.error(at: pos, "expected ':' after the key \"\(key)\", found \(found())")
                }
                pos += 1
                let value = try parseValue()
                members.append((key, keyOffset, value))
                skipSpace()
                guard pos < b.count else { throw source.error(at: start, "unterminated object: no closing '}'") }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "}") { pos += 1; break }
                throw source.error(at: pos, "expected ',' or '}' in an object, found \(found())")
            }
            return JSONNode(kind: .object(members), offset: start)
        case UInt8(ascii: "["):
            depth += 1
            guard depth <= 512 else { throw source.error(at: pos, "JSON nested more than 512 levels deep") }
            defer { depth -= 1 }
            pos += 1
            var items = [JSONNode]()
            skipSpace()
            if pos < b.count && b[pos] == UInt8(ascii: "]") { pos += 1; return JSONNode(kind: .array(items), offset: start) }
            while true {
                items.append(try parseValue())
                skipSpace()
                guard pos < b.count else { throw source.error(at: start, "unterminated array: no closing ']'") }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "]") { pos += 1; break }
                throw source.error(at: pos, "expected ',' or ']' in an array, found \(found())")
            }
            return JSONNode(kind: .array(items), offset: start)
        case UInt8(ascii: "\""):
            return JSONNode(kind: .string(try parseString()), offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if b[pos] == UInt8(ascii: "-") { pos += 1 }
            func digits() -> Int {
                let s = pos
                while pos < b.count, b[pos] >= 48, b[pos] <= 57 { pos += 1 }
                return pos - s
            }
            guard digits() > 0 else { throw source.error(at: start, "expected digits in a number, found \(found())") }
            if pos < b.count && b[pos] == UInt8(ascii: ".") {
                pos += 1
                guard digits() > 0 else { throw source.error(at: pos, "expected digits after the decimal point, found \(found())") }
            }
            if pos < b.count && (b[pos] == UInt8(ascii: "e") || b[pos] == UInt8(ascii: "E")) {
                pos += 1
                if pos < b.count && (b[pos] == UInt8(ascii: "+") || b[pos] == UInt8(ascii: "-")) { pos += 1 }
                guard digits() > 0 else { throw source.error(at: pos, "expected digits in the exponent, found \(found())") }
            }
            return JSONNode(kind: .number(start, pos), offset: start)
        default:
            for (word, kind) in [("true", JSONNode.Kind.bool(true)), ("false", .bool(false)), ("null", .null)]
            where b[pos...].starts(with: word.utf8) {
                pos += word.utf8.count
                return JSONNode(kind: kind, offset: start)
            }
            throw source.error(at: pos, "expected a JSON value (object, array, string, number, true, false or null), found \(found())")
        }
    }

    private mutating func parseString() throws(GameFormatError) -> String {
        let b = source.bytes
        let start = pos
        pos += 1
        var out = [UInt8]()
        while true {
            guard pos < b.count else { throw source.error(at: start, "unterminated string: no closing '\"' before the end of the file") }
            let c = b[pos]
            if c == UInt8(ascii: "\"") { pos += 1; break }
            if c < 0x20 { throw source.error(at: pos, "control character in a string: write it as an escape such as \\n") }
            if c == UInt8(ascii: "\\") {
                pos += 1
                guard pos < b.count else { throw source.error(at: start, "unterminated string: no closing '\"' before the end of the file") }
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
                    throw source.error(at: pos - 1, "invalid escape '\\\(source.snippet(pos..<pos + 1))' in a string")
                }
                pos += 1
                continue
            }
            out.append(c)
            pos += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func hex4(_ at: Int) throws(GameFormatError) -> UInt32 {
        let b = source.bytes
        guard at + 4 <= b.count else { throw source.error(at: at - 2, "expected four hex digits after \\u") }
        var v: UInt32 = 0
        for i in at..<at + 4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: throw source.error(at: at - 2, "expected four hex digits after \\u")
            }
            v = v * 16 + d
        }
        return v
    }
}
