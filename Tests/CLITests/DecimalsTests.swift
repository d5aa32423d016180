import Foundation
import Testing

/// `--decimals N` on every result command (issue 18): decimal renderings with N digits in the
/// table, CSV and Gambit/lrs output, and in JSON a numeric `...Decimal` key beside each exact one.
@Suite struct DecimalsTests {
    func run(_ arguments: [String], input: String? = nil) throws -> String {
        let r = try CLI.run(arguments, input: input)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return r.stdout
    }

    @Test func nashShowsDecimalsInEveryFormat() throws {
        let game = "Examples/battle-of-the-sexes.nfg"
        // The mixed equilibrium is (2/3, 1/3), (1/3, 2/3) with payoffs 2/3 each.
        let table = try run(["nash", game, "--decimals", "4"])
        #expect(table.contains("Opera=0.6667 Football=0.3333  Opera=0.3333 Football=0.6667  0.6667, 0.6667"), "\(table)")
        #expect(!table.contains("2/3"))
        #expect(try run(["nash", game, "--decimals", "4", "--format", "gambit"]).contains("NE,0.6667,0.3333,0.3333,0.6667\n"))
        #expect(try run(["nash", game, "--decimals", "4", "--format", "csv"]).contains("\n2,0.6667,0.3333,0.3333,0.6667,0.6667,0.6667\n"))
        #expect(try run(["nash", game, "--decimals", "4", "--format", "lrs"]).contains("1  0.6667  0.3333  0.6667 \n"))
        let json = try run(["nash", game, "--decimals", "4", "--format", "json"])
        #expect(json.contains(#""strategies": [["2/3", "1/3"], ["1/3", "2/3"]]"#))
        #expect(json.contains(#""strategiesDecimal": [[0.6667, 0.3333], [0.3333, 0.6667]]"#), "\(json)")
        #expect(json.contains(#""payoffsDecimal": [0.6667, 0.6667]"#))
        // Without --decimals the JSON keeps only the exact strings, and the table the fractions.
        #expect(!(try run(["nash", game, "--format", "json"])).contains("Decimal"))
        #expect(try run(["nash", game]).contains("Opera=2/3 Football=1/3"))
        // Out of range is a usage error naming the option.
        let bad = try CLI.run(["nash", game, "--decimals", "101"])
        #expect(bad.status == 64 && bad.stderr.contains("--decimals must be between 0 and 100, got 101"))
    }

    @Test func lpCommandsAndInfoShowDecimals() throws {
        // Chicken's welfare-maximising correlated equilibrium puts 9/11 on (Swerve, Swerve).
        let csv = try run(["correlated", "Examples/chicken.json", "--decimals", "4", "--format", "csv"])
        #expect(csv.contains("Swerve,Swerve,0.8182\n") && csv.contains("Straight,Swerve,0.0909\n"), "\(csv)")
        let minimax = try run(["minimax", "Examples/matching-pennies-zero-sum.csv", "--decimals", "3", "--format", "json"])
        #expect(minimax.contains(#""strategiesDecimal": [[0.500, 0.500], [0.500, 0.500]]"#), "\(minimax)")
        // Row's third strategy is dominated by the mix 1/2, 1/2 of the first two.
        let game = "NFG 1 R \"d\" { \"Row\" \"Col\" } { 3 2 }\n3 0 0 0 1 0 0 0 3 0 1 0\n"
        #expect(try run(["info", "-", "--decimals", "2"], input: game).contains("Row: 3 (dominated by 1=0.50, 2=0.50)"))
        let info = try run(["info", "-", "--decimals", "2", "--format", "json"], input: game)
        #expect(info.contains(#""dominatedBy": ["1/2", "1/2", "0"]"#) && info.contains(#""dominatedByDecimal": [0.50, 0.50, 0.00]"#), "\(info)")
        let tu = try run(["info", "Examples/three-partners.json", "--decimals", "3", "--format", "csv"])
        #expect(tu.hasSuffix(",true,0.000\n"), "\(tu)")
    }

    @Test func coalitionCommandsShowDecimals() throws {
        let glove = "Examples/glove-1-left-2-right.json"
        // Shapley value of the glove game: 2/3 for Lefty, 1/6 for each Righty.
        let table = try run(["shapley", glove, "--decimals", "4"])
        #expect(table.contains("Lefty     0.6667\nRighty 1  0.1667\nRighty 2  0.1667\n"), "\(table)")
        #expect(try run(["banzhaf", glove, "--decimals", "4", "--format", "csv"]).contains("Lefty,"))
        let json = try run(["shapley", glove, "--decimals", "4", "--format", "json"])
        #expect(json.contains(#""allocation": ["2/3", "1/6", "1/6"]"#) && json.contains(#""allocationDecimal": [0.6667, 0.1667, 0.1667]"#))
        let core = try run(["core", glove, "--allocation", "1/2,1/4,1/4", "--decimals", "3"])
        #expect(core.contains("Righty 1  0.250\n") && core.contains("maxExcess: 0.250\n") && core.contains("mostViolatedCoalition: {Lefty, Righty 1}"))
        let coreJSON = try run(["core", glove, "--allocation", "1/2,1/4,1/4", "--decimals", "3", "--format", "json"])
        #expect(coreJSON.contains(#""maxExcess": "1/4","#) && coreJSON.contains(#""maxExcessDecimal": 0.250"#))
        // UN Security Council: a permanent member's Shapley–Shubik index is 421/2145 = 0.19627...
        let power = try run(["power", "Examples/un-security-council.json", "--decimals", "4", "--format", "csv"])
        #expect(power.contains("China,0.1963,0.1669,0.0518,848\n"), "\(power)")
        let nucleolus = try run(["nucleolus", "Examples/talmud-200.json", "--decimals", "2", "--format", "json"])
        #expect(nucleolus.contains(#""allocationDecimal": [50.00, 75.00, 75.00]"#) && nucleolus.contains(#""leastCoreValueDecimal": -50.00"#), "\(nucleolus)")
        let leastCore = try run(["least-core", glove, "--decimals", "2"])
        #expect(leastCore.contains("Lefty     1.00\n"), "\(leastCore)")
        // Sampled estimates are rounded to N digits in the table; JSON has numbers, never strings.
        let sampled = try run(["shapley", glove, "--samples", "300", "--seed", "2", "--decimals", "2"])
        let lefty = try #require(sampled.split(separator: "\n").first { $0.hasPrefix("Lefty") })
        #expect(lefty.split(separator: " ").allSatisfy { !$0.contains(".") || $0.split(separator: ".").last!.count == 2 }, "\(sampled)")
        let sampledJSON = try run(["shapley", glove, "--samples", "300", "--seed", "2", "--format", "json"])
        #expect(sampledJSON.contains(#""allocation": [0."#) && !sampledJSON.contains(#""allocation": [""#))
    }

    @Test func newerCommandsTakeTheOneDecimalsOption() throws {
        let partition = try run(["partition", "Examples/three-partners.json", "--allocations", "--decimals", "2", "--format", "json"])
        #expect(partition.contains(#""valueDecimal": 120.00"#) && partition.contains(#""aumannDrezeDecimal": [45.00, 40.00, 35.00]"#), "\(partition)")
        let rank = try run(["rank", "Examples/rock-paper-scissors.nfg", "--decimals", "4"])
        #expect(rank.contains("Rock  0.3333"), "\(rank)")
        let learn = try run(["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "hedge", "--iterations", "10", "--decimals", "4", "--format", "json"])
        #expect(learn.contains(#""exploitability": "1/500000000""#) && learn.contains(#""exploitabilityDecimal": 0.0000,"#), "\(learn)")
        let repeated = try run(["repeated", "Examples/prisoners-dilemma.nfg", "--discount", "1/4", "--decimals", "4"])
        #expect(repeated.contains("(4.3333, 1.0000)"), "\(repeated)")
        let tournament = try run(["tournament", "--strategies", "tit-for-tat,defector", "--turns", "3", "--decimals", "3", "--format", "csv"])
        #expect(tournament.contains("tit-for-tat,defector,2.000,7.000,3,1,0.333,0.000\n"), "\(tournament)")
        let match = try run(["match", "tit-for-tat", "defector", "--turns", "3", "--decimals", "3"])
        #expect(match.contains("0.333"), "\(match)")
        // The same range check everywhere: one option, one message.
        for command in [["rank", "Examples/rock-paper-scissors.nfg"], ["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "hedge"],
                        ["partition", "Examples/three-partners.json"], ["shapley", "Examples/talmud-200.json"]] {
            let bad = try CLI.run(command + ["--decimals", "101"])
            #expect(bad.status == 64 && bad.stderr.contains("--decimals must be between 0 and 100, got 101"), "\(command): \(bad.stderr)")
        }
    }
}
