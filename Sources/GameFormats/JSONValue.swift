/// A JSON value with object keys kept in order, for writing stable, readable JSON
/// (game files and `gamesolve --format json` results) without Foundation.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A number written exactly as given (e.g. `"3"`, `"-12"`).
    case number(String)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let x), .array(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// The text, indented by two spaces per level; arrays and objects that hold only scalars
    /// (and are short) stay on one line.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    private func inline() -> String {
        switch self {
        case .object(let members):
            return "{" + members.map { JSONValue.quote($0.0) + ": " + $0.1.inline() }.joined(separator: ", ") + "}"
        case .array(let items): return "[" + items.map { $0.inline() }.joined(separator: ", ") + "]"
        case .string(let s): return JSONValue.quote(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// True when the value fits on one line: scalars, or containers whose items are scalars or
    /// arrays of scalars, and short.
    private var fitsInline: Bool {
        func shallow(_ v: JSONValue, depth: Int) -> Bool {
            switch v {
            case .object(let m): return depth > 0 && m.allSatisfy { shallow($0.1, depth: depth - 1) }
            case .array(let a): return depth > 0 && a.allSatisfy { shallow($0, depth: depth - 1) }
            default: return true
            }
        }
        return shallow(self, depth: 2) && inline().count <= 100
    }

    private func write(into out: inout String, indent: Int) {
        if fitsInline { out += inline(); return }
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (k, (key, value)) in members.enumerated() {
                out += pad + JSONValue.quote(key) + ": "
                value.write(into: &out, indent: indent + 1)
                out += k + 1 < members.count ? ",\n" : "\n"
            }
            out += close + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1)
                out += k + 1 < items.count ? ",\n" : "\n"
            }
            out += close + "]"
        default:
            out += inline()
        }
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
