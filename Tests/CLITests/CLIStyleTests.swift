import Foundation
import Testing

/// One command-line style (issue 18): `--version`, usage errors as one `gamesolve: error:` line
/// with exit status 64 and nothing on standard output, options that do not apply rejected, and
/// every subcommand's `--help` compared with a committed golden file.
@Suite struct CLIStyleTests {
    /// Every subcommand; `gamesolve` itself is the root help.
    static let subcommands = [
        "gamesolve", "info", "convert", "nash", "minimax", "correlated", "generate", "bench", "shapley", "banzhaf",
        "power", "core", "least-core", "nucleolus", "prenucleolus", "tournament", "match", "repeated",
        "public-goods", "partition", "learn", "rank", "merge",
    ]

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The whole `--help` of each subcommand, at 80 columns, equals `Golden/help-<subcommand>.txt`.
    /// After an intended change to the help, regenerate the files with
    /// `GAMESOLVE_UPDATE_GOLDEN=1 swift test --skip-build --filter CLIStyleTests.helpMatchesGolden`
    /// and review the diff (`git diff Tests/CLITests/Golden`) before committing.
    @Test(arguments: subcommands)
    func helpMatchesGolden(subcommand: String) throws {
        let arguments = subcommand == "gamesolve" ? ["--help"] : [subcommand, "--help"]
        let run = try CLI.run(arguments, environment: ["COLUMNS": "80", "LINES": "24"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let file = Self.goldenDirectory.appendingPathComponent("help-\(subcommand).txt")
        if ProcessInfo.processInfo.environment["GAMESOLVE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(run.stdout.utf8).write(to: file)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        if run.stdout != golden {
            let got = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let want = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            Issue.record("""
            gamesolve \(arguments.joined(separator: " ")) differs from \(file.lastPathComponent) at line \(line + 1):
              got:    \(line < got.count ? String(got[line]) : "<end>")
              golden: \(line < want.count ? String(want[line]) : "<end>")
            (regenerate with GAMESOLVE_UPDATE_GOLDEN=1 if the change is intended)
            """)
        }
    }

    /// Help shows each default once, never as a struct dump (at 1000 columns each option's help
    /// is one line).
    @Test func helpShowsDefaultsOnce() throws {
        for subcommand in Self.subcommands where subcommand != "gamesolve" {
            let help = try CLI.run([subcommand, "--help"], environment: ["COLUMNS": "1000"]).stdout
            for line in help.split(separator: "\n") {
                let count = line.components(separatedBy: "default").count - 1
                #expect(count <= 1, "\(subcommand): \(line)")
                #expect(!line.contains("(sizes:"), "\(subcommand): \(line)")
            }
        }
    }

    @Test func version() throws {
        let run = try CLI.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("gamesolve "))
        #expect(run.stdout.split(separator: "\n").count == 1)
        let number = run.stdout.dropFirst("gamesolve ".count).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(number.split(separator: ".").count == 3 && number.split(separator: ".").allSatisfy { Int($0) != nil }, "\(run.stdout)")
    }

    @Test func helpStillExitsZero() throws {
        for arguments in [["--help"], ["nash", "--help"], ["help", "nash"], ["nash", "-h"]] {
            let run = try CLI.run(arguments)
            #expect(run.status == 0, "\(arguments)")
            #expect(run.stdout.contains("USAGE:"), "\(arguments)")
        }
    }

    /// Checks the one style of usage errors: exit 64, nothing on standard output, one line on
    /// standard error starting with `gamesolve: error: ` and containing each of `mentions`.
    static func expectUsageError(_ arguments: [String], mentions: [String], input: String? = nil,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try CLI.run(arguments, input: input)
        let label = "gamesolve \(arguments.joined(separator: " "))"
        #expect(run.status == 64, "\(label): status \(run.status), \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "\(label): stdout \(run.stdout)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("gamesolve: error: "), "\(label): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasSuffix("\n") && run.stderr.split(separator: "\n").count == 1, "\(label): \(run.stderr)",
                sourceLocation: sourceLocation)
        for m in mentions {
            #expect(run.stderr.contains(m), "\(label): '\(m)' not in \(run.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test func parserErrorsAreOneLine() throws {
        let bos = "Examples/battle-of-the-sexes.nfg"
        try Self.expectUsageError(["--bogus"], mentions: ["'--bogus'", "gamesolve --help"])
        try Self.expectUsageError(["nash", bos, "--bogus"], mentions: ["unknown option '--bogus'", "'gamesolve nash --help'"])
        try Self.expectUsageError(["nash", bos, "--jobs", "x"], mentions: ["'x'", "--jobs"])
        try Self.expectUsageError(["nash", bos, "--method", "magic"], mentions: ["'magic'", "--method"])
        try Self.expectUsageError(["nash"], mentions: ["<game>"])
        try Self.expectUsageError(["nash", bos, "--jobs"], mentions: ["--jobs"])
        try Self.expectUsageError(["no-such-command"], mentions: ["no-such-command"])
        try Self.expectUsageError(["help", "no-such-command"], mentions: ["'no-such-command'"])
        try Self.expectUsageError(["nash", bos, "--jobs", "0"], mentions: ["--jobs", "got 0"])
        try Self.expectUsageError(["generate", "random"], mentions: ["--size"])
    }

    @Test func outOfRangeArgumentsAreUsageErrors() throws {
        try Self.expectUsageError(["core", "-", "--allocation", "1,0"], mentions: ["--allocation 1,0", "3 players"],
                                  input: #"{"players": 3, "values": [0, 0, 1, 0, 1, 1, 2]}"#)
        try Self.expectUsageError(["correlated", "Examples/chicken.json", "--objective", "player", "4"],
                                  mentions: ["--objective player 4", "2 players"])
        try Self.expectUsageError(["nash", "Examples/battle-of-the-sexes.nfg", "--method", "lemke-howson", "--label", "9"],
                                  mentions: ["--label 9", "out of range", "0 to 3"])
        try Self.expectUsageError(["nash", "Examples/battle-of-the-sexes.nfg", "--method", "lemke-howson", "--label", "column:2"],
                                  mentions: ["--label column:2", "column:1"])
    }

    /// Options that do not apply to what was asked for, and exclusive pairs: usage errors,
    /// never silently ignored.
    @Test(arguments: [
        (["nash", "Examples/battle-of-the-sexes.nfg", "--method", "enumerate", "--label", "1"], ["--label 1", "lemke-howson", "enumerate"]),
        (["nash", "Examples/battle-of-the-sexes.nfg", "--label", "1"], ["--label 1", "lemke-howson"]),
        (["nash", "Examples/battle-of-the-sexes.nfg", "--all-labels"], ["--all-labels"]),
        (["nash", "Examples/battle-of-the-sexes.nfg", "--method", "pure", "--arithmetic", "double"], ["--arithmetic double"]),
        (["nash", "Examples/battle-of-the-sexes.nfg", "--method", "enumerate", "--equal-size-supports"], ["--equal-size-supports", "support-enumeration"]),
        (["nash", "Examples/battle-of-the-sexes.nfg", "--equal-size-supports"], ["--equal-size-supports"]),
        (["nash", "Examples/three-player-coordination.nfg", "--method", "support-enumeration", "--equal-size-supports"], ["--equal-size-supports", "3 players"]),
        (["nash", "Examples/battle-of-the-sexes.nfg", "--method", "support-enumeration", "--newton-starts", "4"], ["--newton-starts 4", "three or more"]),
        (["nash", "Examples/battle-of-the-sexes.nfg", "--max-support-profiles", "10"], ["--max-support-profiles 10"]),
        (["nash", "Examples/battle-of-the-sexes.nfg", "--method", "enumerate", "--lambda", "1"], ["--lambda 1", "logit"]),
        (["nash", "Examples/battle-of-the-sexes.nfg", "--method", "lemke-howson", "--jobs", "2"], ["--jobs 2", "lemke-howson"]),
        (["nash", "Examples/three-player-coordination.nfg", "--jobs", "2"], ["--jobs 2"]),
        (["nash", "Examples/battle-of-the-sexes.nfg", "--method", "lemke-howson", "--label", "1", "--all-labels"], ["--label 1", "--all-labels"]),
        (["shapley", "Examples/glove-1-left-2-right.json", "--samples", "100", "--error", "0.01"], ["--samples 100", "--error 0.01"]),
        (["banzhaf", "Examples/glove-1-left-2-right.json", "--samples", "100", "--confidence", "0.9"], ["--confidence 0.9", "--error"]),
        (["shapley", "Examples/glove-1-left-2-right.json", "--seed", "3"], ["--seed 3"]),
        (["shapley", "Examples/glove-1-left-2-right.json", "--samples", "100", "--jobs", "2"], ["--jobs 2"]),
        (["tournament", "--turns", "10", "--continuation", "0.9"], ["--turns 10", "--continuation 0.9"]),
        (["match", "tit-for-tat", "defector", "--turns", "10", "--continuation", "0.9"], ["--turns 10", "--continuation 0.9"]),
        (["tournament", "--selection", "1/2"], ["--selection 1/2", "--moran-population"]),
        (["tournament", "--input-format", "csv"], ["--input-format csv", "--game"]),
        (["tournament", "--payoffs", "3,0,5,1", "--game", "Examples/prisoners-dilemma.nfg"], ["--payoffs 3,0,5,1", "--game"]),
        (["rank", "Examples/battle-of-the-sexes.nfg", "--method", "nash-averaging", "--alpha", "10"], ["--alpha 10", "alpharank"]),
        (["rank", "Examples/battle-of-the-sexes.nfg", "--epsilon", "0.1"], ["--epsilon 0.1", "--alpha inf"]),
        (["rank", "Examples/battle-of-the-sexes.nfg", "--selection", "local"], ["--selection local", "one population"]),
        (["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "fictitious-play", "--temperature", "0.5"], ["--temperature 0.5", "fictitious-play"]),
        (["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "regret-matching", "--step-size", "0.1"], ["--step-size 0.1", "regret-matching"]),
        (["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "hedge", "--exploration", "0.1"], ["--exploration 0.1", "projected-replicator"]),
        (["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "hedge", "--seed", "3"], ["--seed 3"]),
        (["info", "Examples/battle-of-the-sexes.nfg", "--order", "lex"], ["--order lex", "TU"]),
        (["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "hedge", "--trace-every", "10"], ["--trace-every 10", "--format json or csv"]),
        (["generate", "random", "--size", "3", "--rho", "0.5"], ["--rho 0.5", "random"]),
        (["generate", "random", "--size", "3", "--decimals", "2", "--max", "9"], ["--decimals 2", "--min/--max"]),
        (["generate", "sandholm-gilpin-conitzer", "--size", "2", "--seed", "4"], ["--seed 4"]),
        (["generate", "tournament", "--size", "4", "--players", "4"], ["--players 4", "tournament"]),
        (["bench", "--solver", "pure", "--games", "Examples", "--family", "random"], ["--family random", "--games Examples"]),
        (["bench", "--solver", "pure", "--games", "Examples", "--max", "9"], ["--max 9", "--games Examples"]),
        (["bench", "--solver", "pure", "--rho", "0.5"], ["--rho 0.5", "random"]),
    ] as [([String], [String])])
    func optionsThatDoNotApply(arguments: [String], mentions: [String]) throws {
        try Self.expectUsageError(arguments, mentions: mentions)
    }

    /// The combinations that do apply still run.
    @Test func applyingOptionsStillWork() throws {
        let bos = "Examples/battle-of-the-sexes.nfg"
        for arguments in [
            ["nash", bos, "--method", "lemke-howson", "--label", "column:1", "--arithmetic", "fraction-free"],
            ["nash", bos, "--method", "support-enumeration", "--equal-size-supports", "--jobs", "2"],
            ["nash", bos, "--jobs", "2"],
            ["nash", "Examples/three-player-coordination.nfg", "--newton-starts", "8", "--max-support-profiles", "1000"],
            ["nash", bos, "--method", "logit", "--lambda", "1"],
            ["shapley", "Examples/glove-1-left-2-right.json", "--error", "0.5", "--confidence", "0.9", "--seed", "2"],
            ["shapley", "Examples/glove-1-left-2-right.json", "--jobs", "1"],
            ["tournament", "--strategies", "tit-for-tat,defector", "--continuation", "0.5"],
            ["rank", bos, "--alpha", "inf", "--epsilon", "0.1"],
            ["generate", "covariance", "--size", "3", "--rho", "0.5", "--decimals", "2"],
        ] {
            let run = try CLI.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
    }
}
