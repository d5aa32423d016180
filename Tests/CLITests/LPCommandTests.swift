import Testing
import GameSolve

/// `gamesolve minimax` and `gamesolve correlated`, run as a user would.
@Suite struct LPCommandTests {
    @Test func minimaxJSON() throws {
        let r = try CLI.run(["minimax", "Examples/rock-paper-scissors.nfg", "--format", "json"])
        #expect(r.status == 0 && r.stderr == "")
        #expect(r.stdout.contains(#""value": "0""#))
        #expect(r.stdout.contains(#""strategies": [["1/3", "1/3", "1/3"], ["1/3", "1/3", "1/3"]]"#))
        #expect(r.stdout.contains(#""status": "optimal""#))
    }

    @Test func minimaxRejectsNonConstantSum() throws {
        let r = try CLI.run(["minimax", "Examples/battle-of-the-sexes.nfg"])
        #expect(r.status == 1 && r.stdout == "")
        #expect(r.stderr.contains("gamesolve nash"))
    }

    @Test func correlatedOnThreePlayers() throws {
        let r = try CLI.run(["correlated", "Examples/three-player-coordination.nfg", "--objective", "player", "2", "--format", "json"])
        #expect(r.status == 0 && r.stderr == "")
        #expect(r.stdout.contains(#""objective": "player 2""#) && r.stdout.contains(#""distribution""#))
        let bad = try CLI.run(["correlated", "Examples/chicken.json", "--objective", "nobody"])
        #expect(bad.status == 64)
    }

    /// An LP has no partial answer: when --timeout runs out, nothing goes to standard output, the
    /// message says so, and the exit status is 75.
    @Test(arguments: ["minimax", "correlated"])
    func timeoutPrintsNothingAndExits75(command: String) throws {
        let r = try CLI.run([command, "Examples/matching-pennies.nfg", "--timeout", "0.000000001"])
        #expect(r.status == 75, "\(r.stderr)")
        #expect(r.stdout == "")
        #expect(r.stderr.contains("--timeout"))
        let ok = try CLI.run([command, "Examples/matching-pennies.nfg", "--timeout", "60"])
        #expect(ok.status == 0, "\(ok.stderr)")
    }
}
