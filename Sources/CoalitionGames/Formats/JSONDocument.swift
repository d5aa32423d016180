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
    /// - Complexity: O(length of the text).
    static func parse(_ text: String) throws -> JSONNode {
        try parse(Array(text.utf8), streaming: nil, into: { _ in }, atStreamed: {}).root
    }

    /// Parses `bytes`; when `key` is given, the array value of that top-level member goes to
    /// `sink` element by element (see ``JSONText/parse(_:streamingArrayOf:into:)``) and stands in
    /// the tree as an empty array. `atStreamed` runs when the conversion of numbers, which goes in
    /// document order, reaches that array: it throws the first out-of-range number the sink saw
    /// there, so errors come in the same order as for a tree parsed whole.
    /// - Throws: ``TUGameFormatError`` at the line and column of the first problem.
    /// - Complexity: O(length of the text); positions are found by one forward scan, since nodes
    ///   are converted in the order they start.
    static func parse(_ bytes: [UInt8], streaming key: String?, into sink: (JSONText.StreamedElement) -> Void,
                      atStreamed: () throws -> Void) throws -> (root: JSONNode, streamedOffset: Int?) {
        var cursor = ForwardLocation(bytes)
        let root: JSONText.Node, streamed: Int?
        do {
            if let key {
                (root, streamed) = try JSONText.parse(bytes, streamingArrayOf: key, into: sink)
            } else {
                (root, streamed) = (try JSONText.parse(bytes), nil)
            }
        } catch {
            throw TUGameFormatError(cursor.position(error.offset), error.message)
        }
        func convert(_ node: JSONText.Node) throws -> JSONNode {
            let p = cursor.position(node.offset)
            switch node.kind {
            case .object(let members):
                var out: [(key: String, value: JSONNode)] = []
                out.reserveCapacity(members.count)
                for m in members { out.append((m.key, try convert(m.value))) }
                return .object(out, p)
            case .array(let items):
                if node.offset == streamed { try atStreamed() }
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
        return (try convert(root), streamed)
    }
}

/// Line and column of byte offsets asked for mostly in increasing order: each answer continues
/// from the last one, so a whole document costs one pass (an offset before the last one starts
/// again from the top).
struct ForwardLocation {
    let bytes: [UInt8]
    var offset = 0, line = 1, column = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// - Complexity: O(distance from the previous offset asked for).
    mutating func position(_ target: Int) -> SourcePosition {
        let target = min(max(target, 0), bytes.count)
        if target < offset { offset = 0; line = 1; column = 1 }
        while offset < target {
            let b = bytes[offset]
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return SourcePosition(line: line, column: column)
    }
}
