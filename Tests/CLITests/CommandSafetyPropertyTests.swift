import Foundation
import GameSolve
import Testing

/// Issue 17, "every command is safe on every input the parsers accept": small games generated
/// from a seeded stream (1 to 3 players, 1 to 3 strategies, all-equal payoffs, magnitudes 1e30 and
/// 1e-30, zeros and negatives) are written in every format that holds them and put through every
/// command that applies, with `--format json`. Whatever a command makes of a game, it must
///  - exit with 0, 1, 64, 65, 66 or 75;
///  - on 0, print one complete JSON document (and nothing after it);
///  - otherwise print exactly one `gamesolve: error:` line and nothing on standard output (a run
///    stopped by `--timeout`, 75, may instead print a complete JSON document of what it found);
///  - and every equilibrium `nash` prints is a Nash equilibrium of the generated game, checked
///    exactly from the printed fractions.
@Suite struct CommandSafetyPropertyTests {
    static let strategicCases = 24
    static let tuCases = 24
    static let allowedStatus: Set<Int32> = [0, 1, 64, 65, 66, 75]

    // MARK: Generators

    /// A payoff style: what the numbers of one generated game look like.
    enum Style: CaseIterable { case small, allEqual, huge, tiny, zeros, fractions }

    static let tenTo30 = Rational("1000000000000000000000000000000")!

    static func number(_ style: Style, _ rng: inout SplitMix64, constant: Rational) -> Rational {
        switch style {
        case .small: return Rational(rng.uniform(-5...5))
        case .allEqual: return constant
        case .huge: return Rational(rng.uniform(-3...3)) * tenTo30
        case .tiny: return Rational(rng.uniform(-3...3)) / tenTo30
        case .zeros: return .zero
        case .fractions: return Rational(rng.uniform(-9...9), rng.uniform(1...7))
        }
    }

    /// Game `k` of the seeded stream.
    static func strategicGame(_ k: Int) throws -> NormalFormGame {
        var rng = SplitMix64(seed: 0x5EED_0017 &+ UInt64(k))
        let players = [1, 2, 2, 2, 3][rng.uniform(0...4)]
        let counts = (0..<players).map { _ in rng.uniform(1...3) }
        let style = Style.allCases[k % Style.allCases.count]
        let constant = [Rational(7), .zero, Rational(-2), tenTo30, Rational.one / tenTo30][rng.uniform(0...4)]
        let profiles = counts.reduce(1, *)
        let payoffs = (0..<players).map { _ in (0..<profiles).map { _ in number(style, &rng, constant: constant) } }
        let roster = counts.enumerated().map { i, m in
            Player(name: "P\(i + 1)", strategies: (0..<m).map { "s\($0 + 1)" })
        }
        return try NormalFormGame(title: "case \(k)", players: roster, payoffs: payoffs)
    }

    /// TU game `k` of the seeded stream, as the text of a file and the arguments that read it
    /// (plain vectors need their order).
    static func tuGame(_ k: Int) -> (text: String, extraArguments: [String], isVoting: Bool) {
        var rng = SplitMix64(seed: 0x7060_0017 &+ UInt64(k))
        let n = rng.uniform(1...4)
        let style = Style.allCases[k % Style.allCases.count]
        let constant = [Rational(3), .zero, Rational(-1), tenTo30, Rational.one / tenTo30][rng.uniform(0...4)]
        func numbers(_ count: Int) -> [Rational] { (0..<count).map { _ in number(style, &rng, constant: constant) } }
        func list(_ xs: [Rational]) -> String { xs.map { "\"\($0)\"" }.joined(separator: ", ") }
        func nonNegative(_ count: Int) -> [Rational] { numbers(count).map { $0 < .zero ? Rational.zero - $0 : $0 } }
        switch k % 8 {
        case 0, 1:
            let order = k % 2 == 0 ? "bitmask" : "lex"
            return (#"{"players": \#(n), "order": "\#(order)", "values": [\#(list(numbers((1 << n) - 1)))]}"#, [], false)
        case 2, 3:
            let order = k % 2 == 0 ? "bitmask" : "lex"
            return (numbers((1 << n) - 1).map(\.description).joined(separator: " ") + "\n", ["--order", order], false)
        case 4:
            let weights = nonNegative(n)
            let quota = nonNegative(1)[0] + (rng.uniform(0...1) == 0 ? .zero : .one)
            return (#"{"type": "weighted-voting", "quota": "\#(quota)", "weights": [\#(list(weights))]}"#, [], true)
        case 5:
            return (#"{"type": "bankruptcy", "estate": "\#(nonNegative(1)[0])", "claims": [\#(list(nonNegative(n)))]}"#, [], false)
        case 6:
            return (#"{"type": "airport", "costs": [\#(list(nonNegative(n)))]}"#, [], false)
        default:
            switch rng.uniform(0...2) {
            case 0: return (#"{"type": "glove", "left": \#(rng.uniform(0...2)), "right": \#(rng.uniform(0...2))}"#, [], false)
            case 1:
                let carrier = (1...n).filter { _ in rng.uniform(0...1) == 1 }
                return (#"{"type": "unanimity", "players": \#(n), "carrier": \#(carrier), "value": "\#(numbers(1)[0])"}"#, [], false)
            default: return (#"{"type": "majority", "players": \#(n), "quota": \#(rng.uniform(1...n))}"#, [], false)
            }
        }
    }

    // MARK: Checks

    /// Writes `text` to a fresh file named `name` and returns its path.
    static func file(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-safety-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(UUID().uuidString + "-" + name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs one command and checks the contract; returns the parsed JSON on status 0.
    @discardableResult
    static func check(_ arguments: [String], _ what: String) throws -> Any? {
        let r = try CLI.run(arguments)
        let label = "\(what): gamesolve \(arguments.joined(separator: " "))"
        #expect(allowedStatus.contains(r.status), "\(label): exit \(r.status)\n\(r.stderr)")
        func json() -> Any? {
            try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8), options: [.fragmentsAllowed])
        }
        if r.status == 0 {
            let parsed = json()
            #expect(parsed != nil, "\(label): standard output is not one JSON document:\n\(r.stdout)")
            return parsed
        }
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 1 && lines[0].hasPrefix("gamesolve: error: "), "\(label): exit \(r.status), standard error:\n\(r.stderr)")
        if r.status == 75 && !r.stdout.isEmpty {
            #expect(json() != nil, "\(label): stopped, and printed a half-written document:\n\(r.stdout)")
        } else {
            #expect(r.stdout.isEmpty, "\(label): exit \(r.status), yet standard output holds:\n\(r.stdout)")
        }
        return nil
    }

    /// The equilibria of a `nash --format json` document, as mixed profiles.
    static func equilibria(_ document: Any) -> [MixedProfile]? {
        guard let root = document as? [String: Any] else { return nil }
        let container = (root["result"] as? [String: Any]) ?? root
        guard let list = container["equilibria"] as? [[String: Any]] else { return nil }
        var out: [MixedProfile] = []
        for e in list {
            guard let strategies = e["strategies"] as? [[String]] else { return nil }
            var profile: MixedProfile = []
            for s in strategies {
                let ps = s.compactMap(Rational.init)
                guard ps.count == s.count else { return nil }
                profile.append(MixedStrategy(unchecked: ps))
            }
            out.append(profile)
        }
        return out
    }

    /// The printed `maxRegret` of each equilibrium of a `nash --format json` document, when
    /// every equilibrium has one (games of three or more players).
    static func regretBounds(_ document: Any) -> [Rational]? {
        guard let root = document as? [String: Any] else { return nil }
        let container = (root["result"] as? [String: Any]) ?? root
        guard let list = container["equilibria"] as? [[String: Any]] else { return nil }
        let bounds = list.compactMap { ($0["maxRegret"] as? String).flatMap(Rational.init) }
        return bounds.count == list.count ? bounds : nil
    }

    // MARK: Tests

    @Test func strategicCommandsOnGeneratedGames() throws {
        var formatsSeen = Set<GameFormat>(), methodsRun = 0, equilibriaVerified = 0
        for k in 0..<Self.strategicCases {
            let game = try Self.strategicGame(k)
            let formats = GameFormat.allCases.filter { $0.canHold(players: game.playerCount) }
            // Every format is read by `info`; one (in turn) feeds the solvers.
            var paths: [GameFormat: String] = [:]
            for format in formats {
                paths[format] = try Self.file("case\(k).\(format.rawValue)", try GameFile.text(game, format: format))
                try Self.check(["info", paths[format]!, "--format", "json"], "case \(k)")
                formatsSeen.insert(format)
            }
            let format = formats[k % formats.count]
            let path = paths[format]!
            let what = "case \(k) (\(game.strategyCounts), \(format.rawValue))"
            if let converted = try Self.check(["convert", path, "--to", "json"], what) as? [String: Any] {
                #expect(converted["payoffs"] != nil, "\(what): convert --to json printed no payoffs")
            }
            for method in ["pure", "enumerate", "lemke-howson", "support-enumeration"] {
                let document = try Self.check(["nash", path, "--method", method, "--format", "json", "--timeout", "5"], what + " \(method)")
                methodsRun += 1
                guard let document else { continue }
                let found = Self.equilibria(document)
                #expect(found != nil, "\(what) \(method): no readable equilibria in the JSON")
                let bounds = Self.regretBounds(document)
                for (index, profile) in (found ?? []).enumerated() {
                    if game.playerCount <= 2 || bounds == nil {
                        #expect(game.isNashEquilibrium(profile), "\(what) \(method): printed \(profile), not an equilibrium")
                    } else {
                        // Three or more players: equilibria may be irrational, so each is printed
                        // with a bound on its regret; the exact regret of the printed fractions
                        // must be within that bound, and the bound within the reportable one.
                        let regret = game.regret(profile), bound = bounds![index]
                        let range = game.payoffRange
                        #expect(regret <= bound, "\(what) \(method): \(profile) has regret \(regret) above its printed bound \(bound)")
                        #expect(bound <= Tolerance.reportableRegret * range, "\(what) \(method): printed bound \(bound) is not reportable")
                    }
                    equilibriaVerified += 1
                }
            }
            try Self.check(["minimax", path, "--format", "json", "--timeout", "5"], what)
            try Self.check(["correlated", path, "--format", "json", "--timeout", "5"], what)
        }
        #expect(formatsSeen == Set(GameFormat.allCases))
        #expect(methodsRun == 4 * Self.strategicCases)
        #expect(equilibriaVerified > Self.strategicCases, "too few equilibria printed to say anything")
    }

    @Test func coalitionCommandsOnGeneratedGames() throws {
        var solved = 0
        for k in 0..<Self.tuCases {
            let (text, extra, isVoting) = Self.tuGame(k)
            let path = try Self.file("tu\(k).\(text.hasPrefix("{") ? "json" : "txt")", text)
            let what = "TU case \(k): \(text.trimmingCharacters(in: .newlines))"
            var commands = [["info", "--tu"], ["shapley"], ["banzhaf"], ["core"], ["least-core"], ["nucleolus"], ["prenucleolus"]]
            if isVoting { commands.append(["power"]) }
            for command in commands {
                if try Self.check(command + [path, "--format", "json"] + extra, what) != nil { solved += 1 }
            }
        }
        #expect(solved > Self.tuCases, "too few TU commands succeeded to say anything")
    }
}
