import ArgumentParser
import GameSolve

/// `gamesolve generate FAMILY --size N --seed S [-o FILE] [--format nfg|json|csv|lrs]`.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a game of a family, deterministically from a seed.",
        discussion: """
        The same family, size, seed and options give the same game on every machine (exact \
        payoffs; real-valued payoffs are rounded to --decimals digits and kept as fractions). \
        Without -o the game goes to standard output.

        Families and what --size means:
        \(GameFamily.allCases.map { "  \($0.rawValue): \($0.summary); size = \($0.sizeMeaning)" }.joined(separator: "\n"))

        Examples:
          gamesolve generate random --size 6 --seed 1
          gamesolve generate covariance --size 8 --rho -0.5 --seed 3 --format json
          gamesolve generate sandholm-gilpin-conitzer --size 3 -o sgc.nfg
        """
    )

    @Argument(help: "The game family.")
    var family: GameFamily

    @Option(help: "The family's size (see the list above).")
    var size: Int

    @Option(help: "The seed.")
    var seed: UInt64 = 1

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "The file format: nfg, json, csv or lrs (default: from the -o file's extension, else nfg).")
    var format: GameFormat?

    @OptionGroup(title: "Generator options")
    var generator: GeneratorOptions

    func run() throws {
        let generated: GeneratedGame
        do {
            generated = try family.generate(generator.parameters(size: size, seed: seed))
        } catch let error as GeneratorError {
            throw ValidationError(error.description)
        }
        let format = self.format ?? output.flatMap(GameFormat.init(fileName:)) ?? .nfg
        let text: String
        switch generated {
        case .bimatrix(let g): text = try GameFile.text(g.normalForm, format: format)
        }
        if let path = output, path != "-" {
            try GameFile.write(text, to: path)
        } else {
            print(text, terminator: "")
        }
    }
}
