import Foundation
import ExactArithmetic
import StrategicGames
import GameFormats

/// Where the fixture files live (next to this source file).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let gambitGames = directory.appendingPathComponent("gambit-games")

    /// The names of the Gambit fixture files, sorted.
    static var gambitFileNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: gambitGames.path)) ?? [])
            .filter { $0.hasSuffix(".nfg") }.sorted()
    }

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    static func gambit(_ name: String) throws -> NormalFormGame {
        try NFGFormat.read(try bytes(gambitGames.appendingPathComponent(name)), fileName: name)
    }
}

/// Reads `text` in `format`; the error's message, line and column when it fails.
func parse(_ text: String, _ format: GameFormat, name: String = "game") throws(GameFormatError) -> NormalFormGame {
    try GameFile.parse(Array(text.utf8), format: format, fileName: name)
}

extension Rational {
    /// A random rational with small numerator and denominator (seeded tests).
    static func random(using g: inout SplitMix64, bigChance: Bool = false) -> Rational {
        let n = g.uniform(-20...20)
        let d = g.uniform(1...6)
        if bigChance && g.uniform(0...9) == 0 {
            return BigIntLiteral.big + Rational(n, d)
        }
        return Rational(n, d)
    }
}

enum BigIntLiteral {
    /// 2^80 + 1, beyond Int.
    static let big = Rational("1208925819614629174706177")!
}
