import ExactArithmetic
import StrategicGames

/// The file formats GameSolve reads and writes.
public enum GameFormat: String, Sendable, CaseIterable {
    /// Gambit's strategic-game format (payoff or outcome version): ``NFGFormat``.
    case nfg
    /// Two-player games as a CSV matrix: ``CSVFormat``.
    case csv
    /// GameSolve's JSON schema: ``JSONGameFormat``.
    case json
    /// lrslib's `lrsnash` input format: ``LrsFormat``.
    case lrs

    /// The format a file name's extension names (`.nfg`, `.csv`, `.json`, `.lrs`/`.lrsnash`), or nil.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "nfg": self = .nfg
        case "csv": self = .csv
        case "json": self = .json
        case "lrs", "lrsnash", "ine": self = .lrs
        default: return nil
        }
    }

    /// The format that text starts like, for standard input read without a given format: `NFG`
    /// (after white space) is Gambit's, `{` is JSON; anything else is not guessed.
    public init?(sniffing bytes: [UInt8]) {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
        if bytes[i...].starts(with: Array("NFG".utf8)) { self = .nfg }
        else if i < bytes.count && bytes[i] == UInt8(ascii: "{") { self = .json }
        else { return nil }
    }

    /// Whether the format can hold games with `players` players.
    public func canHold(players: Int) -> Bool {
        switch self {
        case .nfg, .json: return true
        case .csv, .lrs: return players == 2
        }
    }
}

/// Reading and writing games in any ``GameFormat``, from files or standard input (`-`).
public enum GameFile {
    /// Reads the game at `path` (`-` = standard input) in `format`, or the format its extension
    /// names. `columnPayoffsPath` names a second CSV file with the column player's payoffs (the
    /// two-file bimatrix form); it requires CSV.
    /// - Throws: ``GameFormatError`` for malformed text; ``GameInputError`` when a file cannot be
    ///   read or its format is unknown.
    public static func read(path: String, format: GameFormat? = nil, columnPayoffsPath: String? = nil) throws -> NormalFormGame {
        let name = path == "-" ? "<stdin>" : path
        if format == nil && GameFormat(fileName: path) == nil && path != "-" {
            throw GameInputError("cannot tell the format of '\(path)' from its name", reason: .unknownFormat)
        }
        let bytes = try FileIO.readAll(path)
        guard let format = format ?? GameFormat(fileName: path) ?? GameFormat(sniffing: bytes) else {
            throw GameInputError("cannot tell the format of standard input (it starts with neither 'NFG' nor '{')", reason: .unknownFormat)
        }
        if let second = columnPayoffsPath {
            guard format == .csv else {
                throw GameInputError("a separate file of column payoffs is only read for CSV games, not \(format.rawValue)")
            }
            let other = try FileIO.readAll(second)
            return try CSVFormat.read(rowFile: bytes, rowName: name, columnFile: other,
                                      columnName: second == "-" ? "<stdin>" : second).normalForm
        }
        return try parse(bytes, format: format, fileName: name)
    }

    /// Parses `bytes` in `format`.
    /// - Throws: ``GameFormatError`` for malformed text, including text that is not UTF-8.
    public static func parse(_ bytes: [UInt8], format: GameFormat, fileName: String) throws(GameFormatError) -> NormalFormGame {
        try requireUTF8(bytes, fileName: fileName)
        switch format {
        case .nfg: return try NFGFormat.read(bytes, fileName: fileName)
        case .json: return try JSONGameFormat.read(bytes, fileName: fileName)
        case .csv: return try CSVFormat.read(bytes, fileName: fileName).normalForm
        case .lrs: return try LrsFormat.read(bytes, fileName: fileName).normalForm
        }
    }

    /// The text of a file (`-` = standard input), checked to be UTF-8: the readers of other
    /// kinds of games (TU games) use this, so every text file is read one way.
    /// - Throws: ``GameInputError`` when the file cannot be read, ``GameFormatError`` at the first
    ///   byte that is not UTF-8.
    public static func readText(path: String) throws -> String {
        let bytes = try FileIO.readAll(path)
        try requireUTF8(bytes, fileName: path == "-" ? "<stdin>" : path)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// All bytes of a file (`-` = standard input), unchecked: for binary formats (`.npy`) and
    /// for readers that check UTF-8 with ``requireUTF8(_:fileName:)`` once they know it is text.
    /// - Throws: ``GameInputError`` when the file cannot be read.
    /// - Complexity: O(file size); memory the file size.
    public static func readBytes(path: String) throws -> [UInt8] {
        try FileIO.readAll(path)
    }

    /// Runs `body` with the file's size (nil unless it is a regular file) and a function that
    /// reads the next bytes of the file at `path` (`-` = standard input) into a buffer and returns
    /// how many it read (0 at the end): for readers that stream a binary file into their own
    /// storage without holding the whole file.
    /// - Throws: ``GameInputError`` when the file cannot be opened or read; what `body` throws.
    public static func withStream<T>(path: String, _ body: (Int?, (UnsafeMutableRawBufferPointer) throws -> Int) throws -> T) throws -> T {
        try FileIO.withStream(path, body)
    }

    /// Throws at the first byte of `bytes` that does not start or continue a well-formed UTF-8
    /// sequence (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
    /// - Complexity: O(bytes.count).
    public static func requireUTF8(_ bytes: [UInt8], fileName: String) throws(GameFormatError) {
        if let bad = firstInvalidUTF8(bytes) {
            throw SourceText(name: fileName, bytes: bytes).error(at: bad, "the file is not UTF-8 text (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad))")
        }
    }

    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let length: Int, low: UInt8, high: UInt8   // allowed range of the second byte
            switch c {
            case 0xC2...0xDF: length = 2; low = 0x80; high = 0xBF
            case 0xE0: length = 3; low = 0xA0; high = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; low = 0x80; high = 0xBF
            case 0xED: length = 3; low = 0x80; high = 0x9F
            case 0xF0: length = 4; low = 0x90; high = 0xBF
            case 0xF1...0xF3: length = 4; low = 0x80; high = 0xBF
            case 0xF4: length = 4; low = 0x80; high = 0x8F
            default: return i
            }
            guard i + length <= n, b[i + 1] >= low, b[i + 1] <= high else { return i }
            for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The game's text in `format`.
    /// - Throws: ``GameInputError`` when the format cannot hold the game (CSV and lrs hold two
    ///   players only).
    public static func text(_ game: NormalFormGame, format: GameFormat) throws -> String {
        switch format {
        case .nfg: return NFGFormat.write(game)
        case .json: return JSONGameFormat.write(game)
        case .csv, .lrs:
            guard let b = game.bimatrix else {
                throw GameInputError("\(format.rawValue) files hold two-player games; this game has \(game.playerCount) players (use nfg or json)")
            }
            return format == .csv ? CSVFormat.write(b) : LrsFormat.write(b)
        }
    }

    /// Writes `text` to `path` atomically: the text goes to a temporary file in the same folder,
    /// which is then renamed over `path`, so `path` never holds a half-written game. `-` writes
    /// to standard output.
    public static func write(_ text: String, to path: String) throws {
        try FileIO.writeAtomically(Array(text.utf8), to: path)
    }

    /// Writes `bytes` (a binary file such as `.npy`) to `path` atomically, as ``write(_:to:)``.
    public static func write(bytes: [UInt8], to path: String) throws {
        try FileIO.writeAtomically(bytes, to: path)
    }
}
