/// A token of Gambit-style text: braces, quoted strings, commas and bare words (numbers, `NFG`).
struct Token {
    enum Kind: Equatable {
        case openBrace, closeBrace, comma
        case string(String)
        case word
        case end
    }
    let kind: Kind
    /// Byte offset of the token's first character.
    let start: Int
    /// Byte offset just past the token.
    let end: Int
}

/// Splits a Gambit `.nfg` (or lrs) text into tokens, remembering each token's byte offset so that
/// errors can name the line and column.
///
/// Whitespace separates tokens; `{`, `}` and `,` are tokens of their own; a string runs between
/// double quotes, where `\"` stands for a quote and `\\` for a backslash (any other backslash is
/// kept as it is). Everything else up to the next separator is a word.
///
/// - Complexity: O(1) amortized per byte.
struct Tokenizer {
    let source: SourceText
    private(set) var position = 0
    private var peeked: Token?

    init(_ source: SourceText) { self.source = source }

    /// The next token without consuming it.
    mutating func peek() throws(GameFormatError) -> Token {
        if let t = peeked { return t }
        let t = try scan()
        peeked = t
        return t
    }

    /// Consumes and returns the next token.
    mutating func next() throws(GameFormatError) -> Token {
        if let t = peeked { peeked = nil; return t }
        return try scan()
    }

    /// Describes a token for an error message: `'}'`, `"Player 1"`, `'abc'`, `end of file`.
    func describe(_ t: Token) -> String {
        switch t.kind {
        case .openBrace: return "'{'"
        case .closeBrace: return "'}'"
        case .comma: return "','"
        case .string(let s): return "\"\(s.count > 30 ? String(s.prefix(27)) + "..." : s)\""
        case .word: return "'\(source.snippet(t.start..<t.end))'"
        case .end: return "end of file"
        }
    }

    func error(_ t: Token, _ message: String) -> GameFormatError { source.error(at: t.start, message) }

    /// The text of a word token.
    func text(_ t: Token) -> String { String(decoding: source.bytes[t.start..<t.end], as: UTF8.self) }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 32 || b == 9 || b == 10 || b == 13 || b == 11 || b == 12
    }

    private mutating func scan() throws(GameFormatError) -> Token {
        let bytes = source.bytes
        while position < bytes.count && Tokenizer.isSpace(bytes[position]) { position += 1 }
        let start = position
        guard position < bytes.count else { return Token(kind: .end, start: start, end: start) }
        switch bytes[position] {
        case UInt8(ascii: "{"): position += 1; return Token(kind: .openBrace, start: start, end: position)
        case UInt8(ascii: "}"): position += 1; return Token(kind: .closeBrace, start: start, end: position)
        case UInt8(ascii: ","): position += 1; return Token(kind: .comma, start: start, end: position)
        case UInt8(ascii: "\""):
            position += 1
            var text = [UInt8]()
            while true {
                guard position < bytes.count else {
                    throw source.error(at: start, "unterminated string: no closing '\"' before the end of the file")
                }
                let b = bytes[position]
                if b == UInt8(ascii: "\"") { position += 1; break }
                if b == UInt8(ascii: "\\"), position + 1 < bytes.count,
                   bytes[position + 1] == UInt8(ascii: "\"") || bytes[position + 1] == UInt8(ascii: "\\") {
                    text.append(bytes[position + 1])
                    position += 2
                    continue
                }
                text.append(b)
                position += 1
            }
            return Token(kind: .string(String(decoding: text, as: UTF8.self)), start: start, end: position)
        default:
            while position < bytes.count {
                let b = bytes[position]
                if Tokenizer.isSpace(b) || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
                    || b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") { break }
                position += 1
            }
            return Token(kind: .word, start: start, end: position)
        }
    }
}
