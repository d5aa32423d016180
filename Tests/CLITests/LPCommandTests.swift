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
        // The one envelope: command, game with names, method, counters.
        #expect(r.stdout.contains(#""command": "minimax""#) && r.stdout.contains(#""method": "minimax-lp""#))
        #expect(r.stdout.contains(#""strategies": ["Rock", "Paper", "Scissors"]"#))
        #expect(r.stdout.contains(#""strategiesDecimal": [[0.333, 0.333, 0.333], [0.333, 0.333, 0.333]]"#) == false)
        #expect(r.stdout.contains(#""simplexIterations""#) && r.stdout.contains(#""elapsedSeconds""#))
        let d = try CLI.run(["minimax", "Examples/rock-paper-scissors.nfg", "--format", "json", "--decimals", "3"])
        #expect(d.stdout.contains(#""strategiesDecimal": [[0.333, 0.333, 0.333], [0.333, 0.333, 0.333]]"#))
    }

    /// `--lp floating`: doubles, said to be uncertified, with the exact duality gap of the printed
    /// numbers; `--lp exact` (GLPK's exact simplex from the start) is gone: a usage error.
    @Test func floatingMinimaxSaysWhatItIs() throws {
        let r = try CLI.run(["minimax", "Examples/rock-paper-scissors.nfg", "--lp", "floating"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(floating point, not certified)") && r.stdout.contains("Exact duality gap of these numbers: "))
        let j = try CLI.run(["minimax", "Examples/rock-paper-scissors.nfg", "--lp", "floating", "--format", "json"])
        #expect(j.stdout.contains(#""method": "minimax-lp-floating""#) && j.stdout.contains(#""gap": ""#))
        let e = try CLI.run(["minimax", "Examples/rock-paper-scissors.nfg", "--lp", "exact"])
        #expect(e.status == 64 && e.stdout == "")
        #expect(e.stderr.hasPrefix("gamesolve: error: the value 'exact' is invalid for '--lp <mode>'"))
    }

    /// CSV carries the answer: every strategy's probability with its player's value.
    @Test func minimaxCSV() throws {
        let r = try CLI.run(["minimax", "Examples/matching-pennies-zero-sum.csv", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "player,strategy,probability,value\nPlayer 1,Heads,1/2,0\nPlayer 1,Tails,1/2,0\nPlayer 2,Heads,1/2,0\nPlayer 2,Tails,1/2,0\n")
    }

    @Test func correlatedCSVAndDecimals() throws {
        let r = try CLI.run(["correlated", "Examples/chicken.json", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Driver 1,Driver 2,probability\nSwerve,Swerve,9/11\nStraight,Swerve,1/11\nSwerve,Straight,1/11\n")
        let t = try CLI.run(["correlated", "Examples/chicken.json", "--decimals", "4"])
        #expect(t.stdout.contains("(Swerve, Swerve): 0.8182"))
    }

    @Test func minimaxRejectsNonConstantSum() throws {
        let r = try CLI.run(["minimax", "Examples/battle-of-the-sexes.nfg"])
        #expect(r.status == 1 && r.stdout == "")
        #expect(r.stderr.contains("gamesolve nash"))
    }

    @Test func correlatedOnThreePlayers() throws {
        let r = try CLI.run(["correlated", "Examples/three-player-coordination.nfg", "--objective", "player", "2", "--format", "json"])
        #expect(r.status == 0 && r.stderr == "")
        #expect(r.stdout.contains(#""objective": {"player": 1}"#) && r.stdout.contains(#""distribution""#))
        #expect(r.stdout.contains(#""profileIndices""#) && r.stdout.contains(#""command": "correlated""#))
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
