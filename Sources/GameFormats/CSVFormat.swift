import ExactArithmetic
import StrategicGames

/// Two-player games as comma-separated values, read and written.
///
/// A file is a matrix with one row per row strategy and one column per column strategy.
/// - **Bimatrix, one file**: every cell holds both payoffs, either quoted `"3,2"` or as `3;2`
///   (row player's payoff first).
/// - **Zero-sum, one file**: every cell holds one number, the row player's payoff a; the column
///   player gets −a.
/// - **Bimatrix, two files**: the row player's matrix A and the column player's matrix B, each a
///   one-number-per-cell file of the same shape (see ``read(rowFile:rowName:columnFile:columnName:)``).
///
/// Optional headers: a first row of column-strategy names and a first column of row-strategy
/// names. A first row is a header when any of its cells after the first is not a payoff (or the
/// matrix has a single column whose first cell is not a payoff); a first column is a
/// header when any of its cells below the header row is not a payoff, or when the top-left cell
/// is empty or has the form `Row player \ Column player` (which also names the players; this is
/// what the writer produces). Strategy names that look like numbers therefore need that
/// top-left cell. Fields may be quoted with `"`, a quote inside doubled (`""`). Blank lines are
/// ignored; spaces around a cell are trimmed. Numbers are integers, decimals or fractions `p/q`,
/// read exactly.
public enum CSVFormat {
    /// Reads a one-file CSV game (bimatrix with paired cells, or zero-sum).
    /// - Complexity: O(file size); about 0.1 s for a 1000x1000 bimatrix in a release build.
    public static func read(_ bytes: [UInt8], fileName: String) throws(GameFormatError) -> BimatrixGame {
        let table = try CSVTable(SourceText(name: fileName, bytes: bytes), expecting: .any)
        let b: Matrix<Rational>
        if let second = table.second {
            b = second
        } else {
            b = table.first.map { -$0 }
        }
        return try table.makeGame(columnPayoffs: b)
    }

    /// Reads a bimatrix game from two CSV files: A (the row player's payoffs) and B (the column
    /// player's), of the same shape, one number per cell. Strategy names come from whichever file
    /// has headers (A's first).
    public static func read(rowFile: [UInt8], rowName: String, columnFile: [UInt8], columnName: String) throws(GameFormatError) -> BimatrixGame {
        let a = try CSVTable(SourceText(name: rowName, bytes: rowFile), expecting: .single)
        let b = try CSVTable(SourceText(name: columnName, bytes: columnFile), expecting: .single)
        guard a.first.rows == b.first.rows, a.first.columns == b.first.columns else {
            throw b.source.error(at: b.firstDataOffset, "expected a \(a.first.rows)x\(a.first.columns) matrix like \(a.source.name), found \(b.first.rows)x\(b.first.columns)")
        }
        let names = a.hasNames ? a : b
        return try names.makeGame(columnPayoffs: b.first, rowPayoffs: a.first)
    }

    /// Writes a two-player game as one CSV file with paired cells `a;b`, a header row of column
    /// strategies and a header column of row strategies; the top-left cell names the players as
    /// `Row \ Column`. Reading it back gives the same players, strategies and payoffs (CSV has no
    /// place for the title and comment).
    public static func write(_ game: BimatrixGame) -> String {
        var out = field(game.players[0].name + " \\ " + game.players[1].name)
        for name in game.players[1].strategies { out += "," + field(name) }
        out += "\n"
        for i in 0..<game.rowCount {
            out += field(game.players[0].strategies[i])
            for j in 0..<game.columnCount {
                out += ",\(game.rowPayoffs[i, j]);\(game.columnPayoffs[i, j])"
            }
            out += "\n"
        }
        return out
    }

    /// Writes one matrix (e.g. a zero-sum game's A) as CSV, one number per cell, without headers.
    public static func write(matrix: Matrix<Rational>) -> String {
        var out = ""
        for i in 0..<matrix.rows {
            out += (0..<matrix.columns).map { matrix[i, $0].description }.joined(separator: ",")
            out += "\n"
        }
        return out
    }

    /// A CSV field, quoted when it contains a separator (`,` or `;`), a quote, a line break or
    /// surrounding spaces.
    public static func field(_ s: String) -> String {
        let needsQuotes = s.isEmpty ? false : s.contains(where: { ",;\"\n\r".contains($0) }) || s.first == " " || s.last == " "
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrencesOfQuote() + "\""
    }
}

extension String {
    fileprivate func replacingOccurrencesOfQuote() -> String {
        var out = ""
        for ch in self {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out
    }
}

/// One parsed CSV file: payoff matrix (or two), optional names.
struct CSVTable {
    enum Expectation { case any, single }

    let source: SourceText
    var first: Matrix<Rational>
    var second: Matrix<Rational>?
    var rowNames: [String]?
    var columnNames: [String]?
    var playerNames: [String]?
    var firstDataOffset = 0
    var hasNames: Bool { rowNames != nil || columnNames != nil || playerNames != nil }

    /// A field of a record: byte range of its content (inside the quotes when quoted).
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
        var hasEscapedQuotes: Bool
    }

    init(_ source: SourceText, expecting: Expectation) throws(GameFormatError) {
        self.source = source
        let bytes = source.bytes
        let n = bytes.count
        // Pass 1: split into records of fields.
        var records = [[Field]]()
        var pos = 0
        var fields = [Field]()
        while pos <= n {
            // Parse one field starting at pos.
            var field: Field
            // Skip leading spaces/tabs.
            var p = pos
            while p < n && (bytes[p] == 32 || bytes[p] == 9) { p += 1 }
            if p < n && bytes[p] == UInt8(ascii: "\"") {
                let open = p
                p += 1
                let contentStart = p
                var escaped = false
                while true {
                    guard p < n else {
                        throw source.error(at: open, "unterminated quoted field: no closing '\"' before the end of the file")
                    }
                    if bytes[p] == UInt8(ascii: "\"") {
                        if p + 1 < n && bytes[p + 1] == UInt8(ascii: "\"") { escaped = true; p += 2; continue }
                        break
                    }
                    p += 1
                }
                field = Field(start: contentStart, end: p, quoted: true, hasEscapedQuotes: escaped)
                p += 1
                while p < n && (bytes[p] == 32 || bytes[p] == 9 || bytes[p] == 13) { p += 1 }
                if p < n && bytes[p] != UInt8(ascii: ",") && bytes[p] != 10 {
                    throw source.error(at: p, "expected ',' or the end of the line after a quoted field, found '\(source.snippet(p..<p + 1))'")
                }
            } else {
                let s = p
                while p < n && bytes[p] != UInt8(ascii: ",") && bytes[p] != 10 { p += 1 }
                var e = p
                while e > s && (bytes[e - 1] == 32 || bytes[e - 1] == 9 || bytes[e - 1] == 13) { e -= 1 }
                field = Field(start: s, end: e, quoted: false, hasEscapedQuotes: false)
            }
            fields.append(field)
            if p < n && bytes[p] == UInt8(ascii: ",") {
                pos = p + 1
                continue
            }
            // End of record (newline or end of file).
            let blank = fields.count == 1 && !fields[0].quoted && fields[0].start == fields[0].end
            if !blank { records.append(fields) }
            fields.removeAll(keepingCapacity: true)
            pos = p + 1
        }
        guard !records.isEmpty else {
            throw source.error(at: 0, "expected a matrix of payoffs, found an empty file")
        }

        func text(_ f: Field) -> String {
            var s = String(decoding: bytes[f.start..<f.end], as: UTF8.self)
            if f.hasEscapedQuotes { s = s.replacing("\"\"", with: "\"") }
            return f.quoted ? s : s.trimmingSpaces()
        }
        func isPayoffCell(_ f: Field) -> Bool {
            guard f.end > f.start else { return false }
            return CSVTable.parseCell(bytes, f) != nil
        }
        /// A payoff cell, or a cell shaped like one: a number with an exponent out of range
        /// (`1e1000`), or one that starts like a number and holds a pair separator (`1;x`,
        /// `1e99999;2`, `1;2;3`). Such a cell is never read as a strategy name:
        /// a typo in a payoff must be an error, not a different game.
        func isPayoffShaped(_ f: Field) -> Bool {
            if isPayoffCell(f) { return true }
            // A number whose exponent is out of range (1e1000) is a payoff that cannot be read.
            if NumberParsing.hasOutOfRangeExponent(bytes, f.start, f.end) { return true }
            guard CSVTable.pairSeparator(bytes, f) != nil else { return false }
            var i = f.start
            while i < f.end && (bytes[i] == 32 || bytes[i] == 9) { i += 1 }
            guard i < f.end else { return false }
            let c = bytes[i]
            return (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
        }

        // Headers. A header row (column) is read only when every candidate cell is a name, never
        // on a guess from some of them: a mixed row or column is payoffs, and its first
        // non-number is reported with its line and column.
        let topLeft = records[0][0]
        let topLeftText = text(topLeft)
        let topLeftNamesPlayers = topLeft.end == topLeft.start || topLeftText.contains(" \\ ")
        let hasHeaderRow = topLeftNamesPlayers
            || (records[0].count > 1 && records[0].dropFirst().allSatisfy { !isPayoffShaped($0) })
            || (records[0].count == 1 && !isPayoffShaped(records[0][0]) && records.count > 1 && records[1].count == 1)
        let dataRecords = hasHeaderRow ? records.dropFirst() : records[...]
        guard let firstData = dataRecords.first else {
            throw source.error(at: records[0][0].start, "expected rows of payoffs after the header row, found none")
        }
        let hasHeaderColumn = (hasHeaderRow && topLeftNamesPlayers) || dataRecords.allSatisfy { !isPayoffShaped($0[0]) }
        let skip = hasHeaderColumn ? 1 : 0
        let width = firstData.count - skip
        guard width > 0 else {
            throw source.error(at: firstData[0].start, "expected payoffs after the strategy name, found none")
        }
        if hasHeaderRow {
            let header = records[0]
            guard header.count == width + skip else {
                throw source.error(at: header[0].start, "the header row has \(plural(header.count, "cell")), expected \(width + skip) like the rows of payoffs")
            }
            columnNames = header.dropFirst(skip).map(text)
            if hasHeaderColumn && topLeftText.contains(" \\ ") {
                let parts = topLeftText.split(separator: " \\ ", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
                if parts.count == 2 { playerNames = parts }
            }
        }
        if hasHeaderColumn { rowNames = dataRecords.map { text($0[0]) } }
        firstDataOffset = firstData[skip].start

        // Payoffs.
        let rows = dataRecords.count
        var a = [Rational](), b = [Rational]()
        a.reserveCapacity(rows * width)
        let pairs: Bool
        switch expecting {
        case .single: pairs = false
        case .any: pairs = CSVTable.pairSeparator(bytes, firstData[skip]) != nil
        }
        if pairs { b.reserveCapacity(rows * width) }
        var rowNumber = 0
        for record in dataRecords {
            rowNumber += 1
            guard record.count == width + skip else {
                throw source.error(at: record[0].start, "row \(rowNumber) of the matrix has \(plural(record.count - skip, "payoff cell")), expected \(width) like the first row")
            }
            for k in skip..<record.count {
                let f = record[k]
                if let sep = CSVTable.pairSeparator(bytes, f) {
                    guard pairs else {
                        if expecting == .single {
                            throw source.error(at: f.start, "expected one payoff per cell in a matrix of one player's payoffs, found the pair '\(source.snippet(f.start..<f.end))'")
                        }
                        throw source.error(at: f.start, "expected one payoff per cell like the first cell, found the pair '\(source.snippet(f.start..<f.end))'")
                    }
                    guard let x = number(f.start, sep), let y = number(sep + 1, f.end) else {
                        throw cellError(f, pair: true)
                    }
                    a.append(x); b.append(y)
                } else {
                    if pairs {
                        throw source.error(at: f.start, "expected a payoff pair 'a;b' or \"a,b\" like the first cell, found '\(source.snippet(f.start..<f.end))'")
                    }
                    guard let x = number(f.start, f.end) else { throw cellError(f, pair: false) }
                    a.append(x)
                }
            }
        }
        first = Matrix(rows: rows, columns: width, storage: a)
        second = pairs ? Matrix(rows: rows, columns: width, storage: b) : nil

        func number(_ s: Int, _ e: Int) -> Rational? {
            var s = s, e = e
            while s < e && (bytes[s] == 32 || bytes[s] == 9) { s += 1 }
            while e > s && (bytes[e - 1] == 32 || bytes[e - 1] == 9) { e -= 1 }
            return bytes.withUnsafeBufferPointer { NumberParsing.parse($0, s, e) }
        }
        func cellError(_ f: Field, pair: Bool) -> GameFormatError {
            if f.start == f.end { return source.error(at: f.start, "expected a payoff, found an empty cell") }
            if NumberParsing.isZeroDenominator(bytes, f.start, f.end) {
                return source.error(at: f.start, "division by zero in payoff '\(source.snippet(f.start..<f.end))'")
            }
            let separators = bytes[f.start..<f.end].filter { $0 == UInt8(ascii: ";") || (f.quoted && $0 == UInt8(ascii: ",")) }.count
            if separators > 1 {
                return source.error(at: f.start, "expected two payoffs 'a;b' in a cell of a two-player game, found \(separators + 1) in '\(source.snippet(f.start..<f.end))'")
            }
            if NumberParsing.hasOutOfRangeExponent(bytes, f.start, f.end) {
                return source.error(at: f.start, "number out of range in '\(source.snippet(f.start..<f.end))': exponents are limited to ±\(Rational.maximumDecimalExponent)")
            }
            return source.error(at: f.start, "expected \(pair ? "two payoffs 'a;b'" : "a payoff") (integers, decimals or fractions p/q), found '\(source.snippet(f.start..<f.end))'")
        }
    }

    /// Offset of the `;` or `,` inside a cell, if it is a pair.
    static func pairSeparator(_ bytes: [UInt8], _ f: Field) -> Int? {
        var i = f.start
        while i < f.end {
            let c = bytes[i]
            if c == UInt8(ascii: ";") || (f.quoted && c == UInt8(ascii: ",")) { return i }
            i += 1
        }
        return nil
    }

    /// The cell as one or two numbers, or nil.
    static func parseCell(_ bytes: [UInt8], _ f: Field) -> [Rational]? {
        func num(_ s: Int, _ e: Int) -> Rational? {
            var s = s, e = e
            while s < e && (bytes[s] == 32 || bytes[s] == 9) { s += 1 }
            while e > s && (bytes[e - 1] == 32 || bytes[e - 1] == 9) { e -= 1 }
            return NumberParsing.parse(bytes, s, e)
        }
        if let sep = pairSeparator(bytes, f) {
            guard let x = num(f.start, sep), let y = num(sep + 1, f.end) else { return nil }
            return [x, y]
        }
        return num(f.start, f.end).map { [$0] }
    }

    func makeGame(columnPayoffs b: Matrix<Rational>, rowPayoffs a: Matrix<Rational>? = nil) throws(GameFormatError) -> BimatrixGame {
        let a = a ?? first
        let names = playerNames ?? ["Player 1", "Player 2"]
        let players = [
            Player(name: names[0], strategies: rowNames ?? (1...a.rows).map { "\($0)" }),
            Player(name: names[1], strategies: columnNames ?? (1...a.columns).map { "\($0)" }),
        ]
        do {
            return try BimatrixGame(players: players, rowPayoffs: a, columnPayoffs: b)
        } catch {
            throw source.error(at: firstDataOffset, "\(error)")
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}
