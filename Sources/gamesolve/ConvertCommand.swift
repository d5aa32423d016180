import ArgumentParser
import GameSolve

/// `gamesolve convert GAME --to FORMAT [-o FILE]`: rewrite a game in another format.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a game between the nfg, json, csv and lrs formats.",
        discussion: """
        Conversion is exact: reading the output back gives the same payoffs, as fractions. \
        nfg and json keep everything (title, comment, player and strategy names); csv keeps \
        player and strategy names; lrs (lrsnash's input) keeps only the payoffs. csv and lrs \
        hold two-player games only.

        With -o the file is written atomically: a temporary file beside it is renamed over it, \
        so it never holds a half-written game. Without -o the game goes to standard output.

        Examples:
          gamesolve convert Examples/battle-of-the-sexes.nfg --to json
          gamesolve convert game.csv --to lrs -o game.lrs
        """
    )

    @OptionGroup var input: GameInputOptions

    @Option(help: "The output format (default: the one the -o file's extension names).")
    var to: GameFormat?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if to == nil && (output.flatMap(GameFormat.init(fileName:)) == nil) {
            throw ValidationError("give the output format with --to nfg|json|csv|lrs")
        }
    }

    func run() throws {
        let game = try input.load()
        guard let format = to ?? output.flatMap(GameFormat.init(fileName:)) else { return }
        let text = try GameFile.text(game, format: format)
        if let path = output, path != "-" {
            try GameFile.write(text, to: path)
        } else {
            print(text, terminator: "")
        }
    }
}
