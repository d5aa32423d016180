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
    /// Names are now made only after the payoffs are read; the counts meet the usual checks first.
    @Test(arguments: [
        (#"NFG 1 D "Harsanyi (Mable 1" { "Player 1" "Player 2" } { 4 4000000 -15.100000"#,
         "expected a strategy count (a positive integer) or '}', found '-15.100000'", 67),
        (#"NFG 1 R "" { "A" } { 9223372036854775807 } 1 2 3"#,
         "the game has more than 2^31 pure-strategy profiles, more than GameSolve will store", 20),
        (#"NFG 1 R "" { "A" "B" } { 3 4444444444444444 } 1 2"#,
         "the game has more than 2^31 pure-strategy profiles, more than GameSolve will store", 24),
        (#"NFG 1 R "" { "A" "B" } { 4 4000000 } 1 2"#, "expected 32000000 payoffs, found 2", 41),
    ])
    func nfgStrategyCountBeyondTheFile(text: String, message: String, column: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let game = try Self.parse(text, .nfg)
            Issue.record("expected an error, read \(game)")
        } catch {
            #expect(error.message == message)
            #expect(error.line == 1)
            #expect(error.column == column)
        }
        #expect(clock.now - start < .seconds(1))
    }

    /// Counts without names still give numbered strategies.
    @Test func nfgStrategyCountWithinTheFile() throws {
        let game = try Self.parse(#"NFG 1 R "" { "A" } { 5 } 1 2 3 4 5"#, .nfg)
        #expect(game.strategyCounts == [5])
        #expect(game.payoffs == [[1, 2, 3, 4, 5]])
    }
}
