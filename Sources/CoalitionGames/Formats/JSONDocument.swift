import ExactArithmetic

/// A parsed JSON value that remembers where it started (1-based line and column), so readers
/// can say exactly where a file is wrong. Numbers keep their source text (read exactly later).
public indirect enum JSONNode: Sendable {
    case object([(key: String, value: JSONNode)], SourcePosition)
    case array([JSONNode], SourcePosition)
    case string(String, SourcePosition)
    case number(String, SourcePosition)
    case bool(Bool, SourcePosition)
    case null(SourcePosition)

    public var position: SourcePosition {
        switch self {
        case .object(_, let p), .array(_, let p), .string(_, let p), .number(_, let p), .bool(_, let p), .null(let p): return p
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONNode? {
        if case .object(let members, _) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    var kind: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// A 1-based line and column in a text file.
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public var description: String { "line \(line), column \(column)" }
}

/// A malformed game file: where and what was expected.
public struct TUGameFormatError: Error, Equatable, CustomStringConvertible {
    public var position: SourcePosition
    public var message: String
    public init(_ position: SourcePosition, _ message: String) { self.position = position; self.message = message }
    public var description: String { "\(position): \(message)" }
}

/// A small strict JSON parser (RFC 8259) with positions.
/// - Complexity: O(length of the text).
struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    static func parse(_ text: String) throws -> JSONNode {
        var p = JSONParser(text)
        p.skipSpace()
        let v = try p.value()
        p.skipSpace()
        if p.index < p.bytes.count { throw p.error("expected the end of the document") }
        return v
    }

    private var position: SourcePosition { SourcePosition(line: line, column: index - lineStart + 1) }
    private func error(_ message: String) -> TUGameFormatError {
        let found = index < bytes.count ? "'\(Character(Unicode.Scalar(bytes[index])))'" : "the end of the file"
        return TUGameFormatError(position, "\(message), found \(found)")
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: index += 1; line += 1; lineStart = index
            default: return
            }
        }
    }

    private mutating func value() throws -> JSONNode {
        guard index < bytes.count else { throw error("expected a value") }
        let start = position
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1; skipSpace()
            var members: [(String, JSONNode)] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, start) }
            while true {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the member name") }
                index += 1; skipSpace()
                members.append((key, try value()))
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1; skipSpace(); continue }
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, start) }
                throw error("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            index += 1; skipSpace()
            var items: [JSONNode] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items, start) }
            while true {
                items.append(try value())
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1; skipSpace(); continue }
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items, start) }
                throw error("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try string(), start)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true, start)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false, start)
        case UInt8(ascii: "n"): try literal("null"); return .null(start)
        default:
            let begin = index
            while index < bytes.count, let c = Optional(bytes[index]),
                  (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
                    || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { index += 1 }
            guard index > begin else { throw error("expected a value") }
            let text = String(decoding: bytes[begin..<index], as: UTF8.self)
            guard Rational(text) != nil else { index = begin; throw TUGameFormatError(start, "expected a number, found '\(text)'") }
            return .number(text, start)
        }
    }

    private mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else { throw error("expected a value") }
        index += w.count
    }

    private mutating func string() throws -> String {
        index += 1  // opening quote
        var out: [UInt8] = []
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") { index += 1; return String(decoding: out, as: UTF8.self) }
            if c == 0x0A { throw error("expected '\"' before the end of the line") }
            if c == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard index + 4 < bytes.count, let code = UInt32(String(decoding: bytes[index + 1...index + 4], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw error("expected four hex digits after \\u") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    index += 4
                default: out.append(bytes[index])
                }
                index += 1
                continue
            }
            out.append(c); index += 1
        }
        throw error("expected '\"' to close the string")
    }
}
