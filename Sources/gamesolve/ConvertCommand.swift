import ArgumentParser
import GameSolve

/// The formats `convert` writes: the strategic formats, and npy for TU game tables.
enum ConvertFormat: String, ExpressibleByArgument, CaseIterable {
    case nfg, json, csv, lrs, npy

    /// The format a file name's extension names, or nil.
    init?(fileName: String) {
        if fileExtension(fileName) == "npy" { self = .npy; return }
        guard let f = GameFormat(fileName: fileName) else { return nil }
        self.init(rawValue: f.rawValue)
    }

    /// The strategic-game format, nil for npy.
    var gameFormat: GameFormat? { GameFormat(rawValue: rawValue) }
}

/// `gamesolve convert GAME --to FORMAT [-o FILE]`: rewrite a game in another format.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a game between the nfg, json, csv and lrs formats, or a TU game between json and npy.",
        discussion: """
        Conversion is exact: reading the output back gives the same payoffs, as fractions. \
        nfg and json keep everything (title, comment, player and strategy names); csv keeps \
        player and strategy names; lrs (lrsnash's input) keeps only the payoffs. csv and lrs \
        hold two-player games only.

        TU (coalitional) games — a JSON table or rule, a .tu vector or a NumPy .npy array — are \
        written as a JSON table (--to json) or as an npy array (--to npy) of the 2^n values in \
        bitmask order, v(∅) = 0 first: dtype <i8 when every value is an integer, <f8 when every \
        value is exactly a double; other values (such as 1/3) are an error, never rounded.

        With -o the file is written atomically: a temporary file beside it is renamed over it, \
        so it never holds a half-written game. Without -o the game goes to standard output.

        Examples:
          gamesolve convert Examples/battle-of-the-sexes.nfg --to json
          gamesolve convert game.csv --to lrs -o game.lrs
          gamesolve convert Examples/three-partners.json -o three-partners.npy
        """
    )

    @OptionGroup var input: GameInputOptions

    @Option(help: "The output format (default: the one the -o file's extension names).")
    var to: ConvertFormat?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if to == nil && (output.flatMap(ConvertFormat.init(fileName:)) == nil) {
            throw ValidationError("give the output format with --to nfg|json|csv|lrs|npy")
        }
    }

    func run() throws {
        guard let format = to ?? output.flatMap(ConvertFormat.init(fileName:)) else { return }
        switch try loadEitherGame() {
        case .coalitional(let loaded):
            let table: TUGame
            do { table = try loaded.table() } catch let e as TUGameError { throw commandError(e) }
            switch format {
            case .npy:
                let bytes: [UInt8]
                do { bytes = try NPYFormat.write(table) } catch let e as TUGameError { throw commandError(e) }
                try GameFile.write(bytes: bytes, to: output ?? "-")
            case .json:
                let text = TUGameJSON.table(table)
                if let path = output, path != "-" { try GameFile.write(text, to: path) } else { print(text, terminator: "") }
            case .nfg, .csv, .lrs:
                throw CommandFailure("this is a coalitional (TU) game: it is written as json or npy, not \(format.rawValue)")
            }
        case .strategic(let game):
            guard let gameFormat = format.gameFormat else {
                throw CommandFailure("npy files hold TU game tables (coalition values) only; write this strategic game as nfg, json, csv or lrs")
            }
            let text = try GameFile.text(game, format: gameFormat)
            if let path = output, path != "-" {
                try GameFile.write(text, to: path)
            } else {
                print(text, terminator: "")
            }
        }
    }

    /// Reads GAME once: a TU game for a `.npy` or `.tu` file, input starting with npy's magic
    /// string, or JSON whose object has `"values"` or a rule `"type"`; a strategic game otherwise.
    func loadEitherGame() throws -> InfoCommand.EitherGame {
        let path = input.game
        let ext = fileExtension(path)
        if ext == "npy" || ext == "tu" { return .coalitional(try loadTUGame(path: path, order: .bitmask)) }
        let format = input.inputFormat ?? GameFormat(fileName: path)
        guard input.columnPayoffs == nil, format == .json || (format == nil && path == "-") else {
            return .strategic(try input.load())
        }
        let bytes = try GameFile.readBytes(path: path)
        if NPYFormat.hasMagic(bytes) { return .coalitional(try loadTUGame(path: path, order: .bitmask, bytes: bytes)) }
        let name = path == "-" ? "<stdin>" : path
        guard let sniffed = format ?? GameFormat(sniffing: bytes) else {
            throw GameInputError("cannot tell the format of standard input (it starts with neither 'NFG' nor '{')", reason: .unknownFormat)
        }
        if sniffed == .json {
            try GameFile.requireUTF8(bytes, fileName: name)
            if TUGameReader.looksLikeTUGameJSON(utf8: bytes) {
                return .coalitional(try loadTUGame(path: path, order: .bitmask, bytes: bytes))
            }
        }
        return .strategic(try GameFile.parse(bytes, format: sniffed, fileName: name))
    }
}
