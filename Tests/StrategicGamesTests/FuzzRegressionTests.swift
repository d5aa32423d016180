import Foundation
import GameSolve
import Testing

/// Inputs the libFuzzer targets (Fuzzing/, scripts/fuzz.sh) found to crash or hang a reader,
/// each kept as it was found. Every one must now read, or fail with one located error, quickly.
@Suite struct FuzzRegressionTests {
    static func parse(_ text: String, _ format: GameFormat) throws(GameFormatError) -> NormalFormGame {
        try GameFile.parse(Array(text.utf8), format: format, fileName: "found.\(format.rawValue)")
    }

    /// FuzzNFG: strategy counts were turned into that many names before anything checked them, so
    /// `{ 4 4000000 }` took seconds and a count near Int.max aborted allocating 7·10^16 bytes.
    /// Every profile needs at least one byte of the file, so the count is now refused at once.
    @Test(arguments: [
        #"NFG 1 D "Harsanyi (Mable 1" { "Player 1" "Player 2" } { 4 4000000 -15.100000"#,
        #"NFG 1 R "" { "A" } { 9223372036854775807 } 1 2 3"#,
        #"NFG 1 R "" { "A" "B" } { 3 4444444444444444 } 1 2"#,
    ])
    func nfgStrategyCountBeyondTheFile(text: String) {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let game = try Self.parse(text, .nfg)
            Issue.record("expected an error, read \(game)")
        } catch {
            #expect(error.line == 1)
            let token = String(text.split(separator: " ").first { ($0.count > 6) && $0.allSatisfy(\.isNumber) }!)
            let column = text.distance(from: text.startIndex, to: text.range(of: " " + token + " ")!.lowerBound) + 2
            #expect(error.column == column)
            #expect(error.message.hasPrefix("strategy count \(token) gives more pure-strategy profiles than this"))
        }
        #expect(clock.now - start < .seconds(1))
    }

    /// The limit is the file's size, not a fixed number: a game whose payoffs are all there reads.
    @Test func nfgStrategyCountWithinTheFile() throws {
        let game = try Self.parse(#"NFG 1 R "" { "A" } { 5 } 1 2 3 4 5"#, .nfg)
        #expect(game.strategyCounts == [5])
        #expect(game.payoffs == [[1, 2, 3, 4, 5]])
    }
}
