import ExactArithmetic
internal import _JSONText

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
    /// True when the file is well formed but asks for more than a stated limit (players, table
    /// size): the command line reports it as a usage problem (exit status 64), not a malformed file.
    public var exceedsLimit: Bool
    public init(_ position: SourcePosition, _ message: String, exceedsLimit: Bool = false) {
        self.position = position; self.message = message; self.exceedsLimit = exceedsLimit
    }
    public var description: String { "\(position): \(message)" }
}

/// Reads JSON text with the package's one JSON parser (`_JSONText`, shared with GameFormats) and
/// gives its nodes line and column positions for the TU reader's messages.
enum JSONParser {
    /// - Throws: ``TUGameFormatError`` at the line and column of the first problem.
    /// - Complexity: O(length of the text) (positions by binary search over line starts).
    static func parse(_ text: String) throws -> JSONNode {
        let bytes = Array(text.utf8)
        let lines = JSONText.LineIndex(bytes)
        func position(_ offset: Int) -> SourcePosition {
            let (line, column) = lines.location(of: offset)
            return SourcePosition(line: line, column: column)
        }
        let root: JSONText.Node
        do { root = try JSONText.parse(bytes) } catch { throw TUGameFormatError(position(error.offset), error.message) }
        func convert(_ node: JSONText.Node) throws -> JSONNode {
            let p = position(node.offset)
            switch node.kind {
            case .object(let members):
                var out: [(key: String, value: JSONNode)] = []
                out.reserveCapacity(members.count)
                for m in members { out.append((m.key, try convert(m.value))) }
                return .object(out, p)
            case .array(let items):
                var out: [JSONNode] = []
                out.reserveCapacity(items.count)
                for item in items { out.append(try convert(item)) }
                return .array(out, p)
            case .string(let s): return .string(s, p)
            case .number(let start, let end):
                guard bytes.withUnsafeBufferPointer({ Rational.parse(utf8: $0, from: start, to: end) }) != nil else {
                    throw TUGameFormatError(p, "expected a number, found '\(String(decoding: bytes[start..<end], as: UTF8.self))'")
                }
                return .number(String(decoding: bytes[start..<end], as: UTF8.self), p)
            case .bool(let b): return .bool(b, p)
            case .null: return .null(p)
            }
        }
        return try convert(root)
    }
}
