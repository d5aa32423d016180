import Foundation
import _JSONText

/// A small JSON Schema (draft 2020-12) validator for the committed `Schemas/*.schema.json`: it
/// knows exactly the keywords those schemas use — `$ref` (to `#/$defs/...` in the same file or
/// `sibling.schema.json#/$defs/...`), `type` (a name or a list), `enum`, `const`, `properties`,
/// `required`, `additionalProperties` (false or a schema), `items`, `minimum`, `maximum`,
/// `pattern`, `oneOf`, `anyOf` — and refuses a schema with any other keyword, so a schema cannot
/// silently ask for a check that is not made.
struct SchemaValidator {
    /// A parsed JSON document with its bytes (numbers are kept as text).
    struct Document {
        let bytes: [UInt8]
        let root: JSONText.Node

        init(text: String) throws {
            bytes = Array(text.utf8)
            root = try JSONText.parse(bytes)
        }

        func numberText(_ node: JSONText.Node) -> String? {
            guard case .number(let start, let end) = node.kind else { return nil }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    struct SchemaError: Error, CustomStringConvertible {
        let description: String
    }

    /// Schema files by name (`nash.schema.json`).
    let schemas: [String: Document]

    static let known: Set<String> = ["$schema", "$id", "$defs", "title", "description", "$ref", "type", "enum", "const",
                                     "properties", "required", "additionalProperties", "items", "minimum", "maximum",
                                     "pattern", "oneOf", "anyOf"]

    /// Loads every `*.schema.json` in `directory`.
    init(directory: URL) throws {
        var schemas: [String: Document] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".schema.json") {
            schemas[name] = try Document(text: String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
        self.schemas = schemas
    }

    /// The problems of `text` against the schema file `schema` (empty: valid).
    func validate(_ text: String, against schema: String) throws -> [String] {
        let instance = try Document(text: text)
        guard let document = schemas[schema] else { throw SchemaError(description: "no schema \(schema)") }
        var errors: [String] = []
        try check(instance.root, in: instance, schema: document.root, file: schema, path: "$", errors: &errors)
        return errors
    }

    /// The node a JSON pointer (`/$defs/name/...`) names in a document.
    private func resolve(_ pointer: Substring, in node: JSONText.Node) throws -> JSONText.Node {
        var current = node
        for token in pointer.split(separator: "/") {
            guard let next = current.member(String(token)) else { throw SchemaError(description: "unresolvable pointer \(pointer)") }
            current = next
        }
        return current
    }

    private func typeMatches(_ type: String, _ node: JSONText.Node, _ instance: Document) -> Bool {
        switch (type, node.kind) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number):
            return true
        case ("integer", .number):
            return instance.numberText(node)!.allSatisfy { $0.isNumber || $0 == "-" }
        default:
            return false
        }
    }

    /// Whether two JSON values are equal (for `enum` and `const`).
    private func equal(_ a: JSONText.Node, _ aDocument: Document, _ b: JSONText.Node, _ bDocument: Document) -> Bool {
        switch (a.kind, b.kind) {
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        case (.number, .number): return Double(aDocument.numberText(a)!) == Double(bDocument.numberText(b)!)
        default: return false
        }
    }

    private func check(_ node: JSONText.Node, in instance: Document, schema: JSONText.Node, file: String, path: String,
                       errors: inout [String]) throws {
        guard case .object(let members) = schema.kind else { throw SchemaError(description: "\(file): a schema must be an object") }
        let document = schemas[file]!
        for m in members where !Self.known.contains(m.key) {
            throw SchemaError(description: "\(file): keyword \(m.key) is not supported by this validator")
        }
        if case .string(let ref) = schema.member("$ref")?.kind {
            let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let target = parts[0].isEmpty ? file : String(parts[0])
            guard let targetDocument = schemas[target] else { throw SchemaError(description: "\(file): unknown $ref \(ref)") }
            let resolved = try resolve(parts.count > 1 ? parts[1] : "", in: targetDocument.root)
            try check(node, in: instance, schema: resolved, file: target, path: path, errors: &errors)
        }
        if let type = schema.member("type") {
            var names: [String] = []
            if case .string(let t) = type.kind { names = [t] }
            if case .array(let items) = type.kind { names = items.compactMap { if case .string(let t) = $0.kind { return t } else { return nil } } }
            if !names.contains(where: { typeMatches($0, node, instance) }) {
                errors.append("\(path): \(node.typeName), expected \(names.joined(separator: " or "))")
                return
            }
        }
        if case .array(let options) = schema.member("enum")?.kind, !options.contains(where: { equal(node, instance, $0, document) }) {
            errors.append("\(path): not one of the allowed values")
        }
        if let c = schema.member("const"), !equal(node, instance, c, document) { errors.append("\(path): not the constant value") }
        if case .string(let pattern) = schema.member("pattern")?.kind, case .string(let s) = node.kind {
            // Unanchored, as in JSON Schema (the schemas anchor with ^ and $ themselves).
            if s.firstMatch(of: try Regex(pattern)) == nil {
                errors.append("\(path): \"\(s)\" does not match \(pattern)")
            }
        }
        if let text = instance.numberText(node), let x = Double(text) {
            if let m = schema.member("minimum"), let min = Double(document.numberText(m) ?? ""), x < min {
                errors.append("\(path): \(text) is below the minimum \(min)")
            }
            if let m = schema.member("maximum"), let max = Double(document.numberText(m) ?? ""), x > max {
                errors.append("\(path): \(text) is above the maximum \(max)")
            }
        }
        if case .object(let fields) = node.kind {
            if case .array(let required) = schema.member("required")?.kind {
                for r in required { if case .string(let key) = r.kind, node.member(key) == nil { errors.append("\(path): missing \"\(key)\"") } }
            }
            let properties = schema.member("properties")
            for field in fields {
                let sub = "\(path).\(field.key)"
                if let p = properties?.member(field.key) {
                    try check(field.value, in: instance, schema: p, file: file, path: sub, errors: &errors)
                } else if let additional = schema.member("additionalProperties") {
                    if case .bool(false) = additional.kind { errors.append("\(path): unexpected key \"\(field.key)\"") }
                    else if case .object = additional.kind {
                        try check(field.value, in: instance, schema: additional, file: file, path: sub, errors: &errors)
                    }
                }
            }
        }
        if case .array(let elements) = node.kind, let items = schema.member("items") {
            for (k, e) in elements.enumerated() { try check(e, in: instance, schema: items, file: file, path: "\(path)[\(k)]", errors: &errors) }
        }
        for keyword in ["oneOf", "anyOf"] {
            guard case .array(let options) = schema.member(keyword)?.kind else { continue }
            var passing = 0
            var firstErrors: [String] = []
            for option in options {
                var e: [String] = []
                try check(node, in: instance, schema: option, file: file, path: path, errors: &e)
                if e.isEmpty { passing += 1 } else if firstErrors.isEmpty || e.count < firstErrors.count { firstErrors = e }
            }
            if keyword == "oneOf" && passing != 1 || keyword == "anyOf" && passing == 0 {
                errors.append("\(path): matches \(passing) of the \(keyword) alternatives (closest: \(firstErrors.prefix(3).joined(separator: "; ")))")
            }
        }
    }
}
