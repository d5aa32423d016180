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
        guard let format = format ?? GameFormat(fileName: path) else {
            throw GameInputError("cannot tell the format of '\(path)' from its name: use --input-format nfg|csv|json|lrs", reason: .unknownFormat)
        }
        let name = path == "-" ? "<stdin>" : path
        let bytes = try FileIO.readAll(path)
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
    public static func parse(_ bytes: [UInt8], format: GameFormat, fileName: String) throws(GameFormatError) -> NormalFormGame {
        switch format {
        case .nfg: return try NFGFormat.read(bytes, fileName: fileName)
        case .json: return try JSONGameFormat.read(bytes, fileName: fileName)
        case .csv: return try CSVFormat.read(bytes, fileName: fileName).normalForm
        case .lrs: return try LrsFormat.read(bytes, fileName: fileName).normalForm
        }
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
        try FileIO.writeAtomically(text, to: path)
    }
}
