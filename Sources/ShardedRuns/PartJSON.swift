internal import _JSONText
import GameFormats

/// A parsed part file with its source, for reading typed fields with `file:line:column` errors
/// (a part that is not a valid part is malformed input, exit status 65).
struct PartSource {
    let file: String
    let bytes: [UInt8]

    func error(_ node: JSONText.Node?, _ message: String) -> GameFormatError {
        let (line, column) = JSONText.location(of: node?.offset ?? 0, in: bytes)
        return GameFormatError(file: file, line: line, column: column, message: message)
    }

    func parse() throws(GameFormatError) -> JSONText.Node {
        do { return try JSONText.parse(bytes) } catch { throw self.error(JSONText.Node(kind: .null, offset: error.offset), error.message) }
    }

    func member(_ node: JSONText.Node, _ key: String) throws(GameFormatError) -> JSONText.Node {
        guard case .object = node.kind else { throw error(node, "expected an object") }
        guard let v = node.member(key) else { throw error(node, "not a part file: the member \"\(key)\" is missing (parts are written by a command with --shard i/k --format json)") }
        return v
    }

    func string(_ node: JSONText.Node) throws(GameFormatError) -> String {
        guard case .string(let s) = node.kind else { throw error(node, "expected a string, found \(node.typeName)") }
        return s
    }

    func numberText(_ node: JSONText.Node) throws(GameFormatError) -> String {
        guard case .number(let a, let b) = node.kind else { throw error(node, "expected a number, found \(node.typeName)") }
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }

    func int(_ node: JSONText.Node) throws(GameFormatError) -> Int {
        guard let v = Int(try numberText(node)) else { throw error(node, "expected an integer") }
        return v
    }

    func double(_ node: JSONText.Node) throws(GameFormatError) -> Double {
        guard let v = Double(try numberText(node)) else { throw error(node, "expected a number") }
        return v
    }

    func bool(_ node: JSONText.Node) throws(GameFormatError) -> Bool {
        guard case .bool(let b) = node.kind else { throw error(node, "expected true or false, found \(node.typeName)") }
        return b
    }

    func array(_ node: JSONText.Node) throws(GameFormatError) -> [JSONText.Node] {
        guard case .array(let items) = node.kind else { throw error(node, "expected an array, found \(node.typeName)") }
        return items
    }

    func object(_ node: JSONText.Node) throws(GameFormatError) -> [(key: String, keyOffset: Int, value: JSONText.Node)] {
        guard case .object(let members) = node.kind else { throw error(node, "expected an object, found \(node.typeName)") }
        return members
    }

    /// The node as a ``JSONValue`` (numbers keep their text).
    func value(_ node: JSONText.Node) -> JSONValue {
        switch node.kind {
        case .object(let members): return .object(members.map { ($0.key, value($0.value)) })
        case .array(let items): return .array(items.map(value))
        case .string(let s): return .string(s)
        case .number(let a, let b): return .number(String(decoding: bytes[a..<b], as: UTF8.self))
        case .bool(let b): return .bool(b)
        case .null: return .null
        }
    }
}
