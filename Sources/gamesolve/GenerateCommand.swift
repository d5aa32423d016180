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
          gamesolve generate nplayer-random --players 4 --size 4 --seed 2 -o r4.nfg
          gamesolve generate public-goods --size 3 --multiplier 3/2
        """
    )

    @Argument(help: "The game family.")
    var family: GameFamily

    @Option(help: "The family's size (see the list above).")
    var size: Int

    @Option(name: .customLong("seed"), help: "The seed (default 1; not for families that draw nothing at random).")
    var seedOption: UInt64?
    var seed: UInt64 { seedOption ?? 1 }

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "The file format: nfg, json, csv or lrs (default: from the -o file's extension, else nfg).")
    var format: GameFormat?

    @OptionGroup(title: "Generator options")
    var generator: GeneratorOptions

    func validate() throws {
        try generator.checkApplies(to: family)
        if let s = seedOption, family.isDeterministic {
            throw ValidationError("--seed \(s) does not apply to \(family.rawValue) games: they depend on the size only")
        }
    }

    func run() throws {
        let generated: GeneratedGame
        do {
            generated = try family.generate(generator.parameters(size: size, seed: seed))
        } catch let error as GeneratorError {
            throw ValidationError(error.description)
        }
        let text: String
        switch generated {
        case .bimatrix(let g):
            let format = self.format ?? output.flatMap(GameFormat.init(fileName:)) ?? .nfg
            text = try GameFile.text(g.normalForm, format: format)
        case .strategic(let g):
            let format = self.format ?? output.flatMap(GameFormat.init(fileName:)) ?? .nfg
            text = try GameFile.text(g, format: format)
        case .coalitional, .coalitionRule:
            let f = format ?? output.flatMap(GameFormat.init(fileName:)) ?? .json
            if f == .csv, case .coalitional(let table) = generated {
                // The plain value vector (one value per line, bitmask order): compact and fast to read.
                text = TUGameJSON.plainVector(table)
            } else if f != .json {
                throw ValidationError("\(family.rawValue) games are coalitional (TU) games, written as JSON (--format json) or, for tables, as a plain value vector (--format csv)")
            } else {
                text = try TUGameJSON.text(generated)
            }
        }
        if let path = output, path != "-" {
            try GameFile.write(text, to: path)
        } else {
            print(text, terminator: "")
        }
    }
}

/// TU games as the JSON that the coalition commands read: a table
/// `{"players": [...], "order": "bitmask", "values": [v(1), v(2), v(12), ...]}` (coalition k is
/// the bitmask k, values for k = 1 ... 2^n − 1), or a rule `{"type": "weighted-voting", "quota":
/// q, "weights": [...]}` / `{"type": "bankruptcy", "estate": E, "claims": [...]}`. Integers are
/// written as JSON numbers, fractions as strings such as "3/4".
enum TUGameJSON {
    static func number(_ x: Rational) -> String { x.isInteger ? x.description : "\"\(x)\"" }
    static func list(_ xs: [Rational]) -> String { "[" + xs.map(number).joined(separator: ", ") + "]" }

    /// The plain value vector the TU reader accepts: v(1), v(2), ..., v(2^n − 1), one per line.
    static func plainVector(_ table: TUGame) -> String {
        var out = ""
        out.reserveCapacity(table.numerators.count * 12)
        for k in 1..<table.numerators.count { out += number(table.value(k)); out += "\n" }
        return out
    }

    static func text(_ game: GeneratedGame) throws -> String {
        switch game {
        case .coalitionRule(.weightedVoting(let quota, let weights)):
            return "{\"type\": \"weighted-voting\", \"quota\": \(number(quota)), \"weights\": \(list(weights))}\n"
        case .coalitionRule(.bankruptcy(let estate, let claims)):
            return "{\"type\": \"bankruptcy\", \"estate\": \(number(estate)), \"claims\": \(list(claims))}\n"
        default:
            guard let t = try game.table() else { throw CommandFailure("not a coalitional game") }
            return table(t)
        }
    }

    /// A table as `{"players": [...], "order": "bitmask", "values": [...]}`: integers as JSON
    /// numbers, fractions as strings.
    /// - Complexity: O(2^n) (integers are written without making a `Rational` each).
    static func table(_ t: TUGame) -> String {
        let names = t.playerNames.map(JSONValue.quote).joined(separator: ", ")
        var out = "{\"players\": [\(names)], \"order\": \"bitmask\", \"values\": ["
        out.reserveCapacity(out.utf8.count + t.numerators.count * 12)
        for k in 1..<t.numerators.count {
            if k > 1 { out += ", " }
            if t.denominator == 1 { out += String(t.numerators[k]) } else { out += number(t.value(k)) }
        }
        out += "]}\n"
        return out
    }
}
