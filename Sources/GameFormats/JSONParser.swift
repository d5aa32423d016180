internal import _JSONText

// JSON game files are parsed by the package's one JSON parser (`_JSONText`, shared with the TU
// game reader in CoalitionGames); this file turns its byte offsets into file:line:column errors.

/// A parsed JSON value that remembers where it started in the file, for error messages.
typealias JSONNode = JSONText.Node

/// Reads one JSON document from a source file.
///
/// Strict RFC 8259: numbers keep their text (so `0.1` is read as exactly 1/10), duplicate keys are
/// rejected, nesting is limited to 512 levels.
/// - Complexity: O(file size).
struct JSONParser {
    let source: SourceText

    init(_ source: SourceText) { self.source = source }

    /// - Throws: ``GameFormatError`` at the line and column of the first problem.
    func parseDocument() throws(GameFormatError) -> JSONNode {
        do {
            return try JSONText.parse(source.bytes)
        } catch {
            throw source.error(at: error.offset, error.message)
        }
    }
}
