internal import _JSONText
/// A malformed game file: where (file, line, column, all 1-based) and what was expected.
///
/// Its description has the compiler-like form `file:line:column: what went wrong`, which is what
/// `gamesolve` prints on standard error (exit status 65) for any malformed input.
public struct GameFormatError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file name as the user gave it (`<stdin>` for standard input).
    public let file: String
    /// 1-based line of the offending text.
    public let line: Int
    /// 1-based column (in characters) of the offending text.
    public let column: Int
    /// What was expected or what is wrong, e.g. "expected 12 payoffs, found 11".
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A game file that could not be read at all (missing, unreadable, unknown format).
public struct GameInputError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What kind of problem it is.
    public enum Reason: Sendable, Equatable {
        /// The file could not be opened, read or written.
        case io
        /// The format was not given and neither the file name nor the text tells it; the
        /// ``GameInputError/description`` says to pass a ``GameFormat`` (a command-line tool
        /// names its own option instead, after ``GameInputError/message``).
        case unknownFormat
        /// The request cannot be carried out (e.g. a 3-player game written as CSV).
        case unsupported
    }
    /// What went wrong (for ``Reason/unknownFormat``: without the remedy).
    public let message: String
    public let reason: Reason
    public init(_ message: String, reason: Reason = .unsupported) {
        self.message = message
        self.reason = reason
    }
    /// The message; for ``Reason/unknownFormat`` followed by what to do in library terms.
    public var description: String {
        reason == .unknownFormat ? "\(message): pass the format as a GameFormat (nfg, csv, json or lrs)" : message
    }
}

/// The text of one input file as bytes, with the means to turn a byte offset into a line and a
/// column only when an error needs them (so reading stays at memory speed).
struct SourceText {
    let name: String
    let bytes: [UInt8]

    init(name: String, bytes: [UInt8]) {
        self.name = name
        // Skip a UTF-8 byte-order mark so it is never mistaken for text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            self.bytes = Array(bytes.dropFirst(3))
        } else {
            self.bytes = bytes
        }
    }

    /// 1-based line and column (counting UTF-8 scalars, a tab as one) of `offset`.
    /// - Complexity: O(offset).
    func location(of offset: Int) -> (line: Int, column: Int) {
        JSONText.location(of: offset, in: bytes)
    }

    func error(at offset: Int, _ message: String) -> GameFormatError {
        let (l, c) = location(of: offset)
        return GameFormatError(file: name, line: l, column: c, message: message)
    }

    /// Text of `bytes[range]` for messages, shortened.
    func snippet(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<bytes.count)
        var s = String(decoding: bytes[r], as: UTF8.self)
        if s.count > 30 { s = String(s.prefix(27)) + "..." }
        return s
    }
}

/// Describes a count with its noun: `1 payoff`, `3 payoffs`.
func plural(_ n: Int, _ noun: String) -> String {
    if n == 1 { return "1 \(noun)" }
    if noun.hasSuffix("y") { return "\(n) \(noun.dropLast())ies" }
    return "\(n) \(noun)s"
}
