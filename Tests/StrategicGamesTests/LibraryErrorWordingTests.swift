import Testing
import GameSolve

/// Library errors speak of the library (its types and parameters), never of the command line's
/// options; the `gamesolve` tool adds its own options when it prints them (CLITests).
@Suite struct LibraryErrorWordingTests {
    @Test func unknownFormatNamesGameFormat() {
        do {
            _ = try GameFile.read(path: "/no-such-directory/game.txt")
            Issue.record("expected an error")
        } catch let error as GameInputError {
            #expect(error.reason == .unknownFormat)
            #expect(error.message == "cannot tell the format of '/no-such-directory/game.txt' from its name")
            #expect(error.description == "cannot tell the format of '/no-such-directory/game.txt' from its name: pass the format as a GameFormat (nfg, csv, json or lrs)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func noCommandLineOptionsInLibraryMessages() {
        let messages = [
            TUGameError.tooManyPlayers(40).description,
            NPlayerSolverError.tooManySupports(count: "2e9", limit: 1_000_000).description,
            MinimaxError.notConstantSum.description,
            MinimaxError.notTwoPlayer(players: 3).description,
            PartitionError.tooMuchMemory(needed: 40 << 30, available: 20 << 30).description,
            AlphaRank.Failure.reducible.description,
        ]
        for message in messages {
            #expect(!message.contains("--"), "\(message)")
            #expect(!message.contains("gamesolve"), "\(message)")
        }
        #expect(messages[0].hasSuffix("use \(TUGameError.largeGameMethods)"))
        #expect(messages[1].hasSuffix("raise maxSupportProfiles, or bound the run with SolverLimits (maxResults or timeout)"))
    }
}
