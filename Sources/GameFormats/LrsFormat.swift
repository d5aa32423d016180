import ExactArithmetic
import StrategicGames

/// The input format of lrslib's `lrsnash` (Avis), read and written, so games can be handed to
/// lrslib and back:
///
///     2 3
///
///     1 0 2
///     0 3 1
///
///     0 1 1/2
///     2 0 1
///
/// The first two numbers are m (row strategies) and n (column strategies); then the m x n
/// matrix A of the row player's payoffs, row by row; then the column player's B. Entries are
/// integers or fractions (lrslib accepts `p/q`); this reader also accepts decimals. Whitespace
/// and line breaks are free-form. There are no names, so strategies are numbered.
public enum LrsFormat {
    /// Reads an lrsnash input file.
    /// - Complexity: O(file size).
    public static func read(_ bytes: [UInt8], fileName: String) throws(GameFormatError) -> BimatrixGame {
        var tokens = Tokenizer(SourceText(name: fileName, bytes: bytes))
        func dimension(_ what: String) throws(GameFormatError) -> Int {
            let t = try tokens.next()
            guard t.kind == .word, let v = Int(tokens.text(t)) else {
                throw tokens.error(t, "expected \(what) (a positive integer), found \(tokens.describe(t))")
            }
            guard v > 0 else { throw tokens.error(t, "strategy count must be positive: \(what) is \(v)") }
            return v
        }
        let m = try dimension("the number of row strategies m")
        let n = try dimension("the number of column strategies n")
        let (size, o) = m.multipliedReportingOverflow(by: n)
        guard !o, size <= Int(Int32.max) else {
            throw tokens.source.error(at: 0, "the game has more than 2^31 pure-strategy profiles, more than GameSolve will store")
        }
        func matrix(_ name: String) throws(GameFormatError) -> Matrix<Rational> {
            var values = [Rational]()
            values.reserveCapacity(min(size, bytes.count))   // a tiny file cannot claim a huge matrix's memory
            var lastEnd = tokens.position
            while values.count < size {
                let t = try tokens.next()
                if t.kind == .end {
                    throw tokens.source.error(at: lastEnd, "expected \(plural(size, "entry")) of the \(m)x\(n) matrix \(name), found \(values.count)")
                }
                guard t.kind == .word, let v = NumberParsing.parse(tokens.source.bytes, t.start, t.end) else {
                    if t.kind == .word, NumberParsing.isZeroDenominator(tokens.source.bytes, t.start, t.end) {
                        throw tokens.error(t, "division by zero in an entry of \(name): \(tokens.describe(t))")
                    }
                    throw tokens.error(t, "expected an entry of \(name) (an integer or fraction p/q), found \(tokens.describe(t))")
                }
                values.append(v)
                lastEnd = t.end
            }
            return Matrix(rows: m, columns: n, storage: values)
        }
        let a = try matrix("A")
        let b = try matrix("B")
        let extra = try tokens.next()
        guard extra.kind == .end else {
            throw tokens.error(extra, "expected the end of the file after the \(m)x\(n) matrices A and B, found \(tokens.describe(extra))")
        }
        do {
            return try BimatrixGame(rowPayoffs: a, columnPayoffs: b)
        } catch {
            throw tokens.source.error(at: 0, "\(error)")
        }
    }

    /// Writes the game in lrsnash's input format (names, title and comment are not kept).
    public static func write(_ game: BimatrixGame) -> String {
        var out = "\(game.rowCount) \(game.columnCount)\n"
        for m in [game.rowPayoffs, game.columnPayoffs] {
            out += "\n"
            for i in 0..<m.rows {
                out += (0..<m.columns).map { m[i, $0].description }.joined(separator: " ") + "\n"
            }
        }
        return out
    }
}
