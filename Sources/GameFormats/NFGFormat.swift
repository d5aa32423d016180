import ExactArithmetic
import StrategicGames

/// Gambit's strategic-game file format (`.nfg`), read and written.
///
/// Specification: Gambit's documentation, "The strategic game (.nfg) file format, payoff version"
/// and "... outcome version" (`doc/formats.nfgpay.rst`, `doc/formats.nfgout.rst`):
///
///     NFG 1 R "title" { "Player 1" "Player 2" } { 3 2 } "optional comment"
///     1 1 0 2 0 2 1 1 0 3 2 0
///
/// The prologue is `NFG`, the version `1`, `R` (or the obsolete `D`), a quoted title, the quoted
/// player names in braces, then either the strategy counts in braces or one brace list of quoted
/// strategy names per player, then an optional quoted comment. The body is either
/// - a flat list of payoffs, all players' payoffs for one profile after another, or
/// - a brace list of outcomes `{ "name" u1, u2, ... }` (commas optional) followed by one outcome
///   number per profile, where outcome 0 is the null outcome (everyone gets 0).
///
/// Profiles are ordered with player 1's strategy varying fastest. Numbers are integers,
/// decimals or fractions `p/q`, read exactly.
public enum NFGFormat {
    /// Reads a game from `.nfg` text.
    /// - Parameters:
    ///   - bytes: the file's contents (UTF-8).
    ///   - fileName: the name used in error messages.
    /// - Throws: ``GameFormatError`` naming the line and column of the first problem.
    /// - Complexity: O(file size).
    public static func read(_ bytes: [UInt8], fileName: String) throws(GameFormatError) -> NormalFormGame {
        var reader = NFGReader(Tokenizer(SourceText(name: fileName, bytes: bytes)))
        return try reader.readGame()
    }

    /// Writes `game` in the payoff-list version of the format, with strategy names, one line per
    /// profile. Reading the output back gives an identical game.
    /// - Complexity: O(players · profiles).
    public static func write(_ game: NormalFormGame) -> String {
        var out = "NFG 1 R \(quote(game.title)) { "
        out += game.players.map { quote($0.name) }.joined(separator: " ")
        out += " }\n\n{\n"
        for p in game.players {
            out += "{ " + p.strategies.map(quote).joined(separator: " ") + " }\n"
        }
        out += "}\n"
        out += quote(game.comment) + "\n\n"
        for k in 0..<game.profileCount {
            out += game.payoffs.map { $0[k].description }.joined(separator: " ")
            out += "\n"
        }
        return out
    }

    /// A Gambit string literal: quotes and backslashes escaped.
    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s {
            if ch == "\"" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        out.append("\"")
        return out
    }
}

/// Recursive-descent reader for ``NFGFormat``.
struct NFGReader {
    var tokens: Tokenizer

    init(_ tokens: Tokenizer) { self.tokens = tokens }

    mutating func readGame() throws(GameFormatError) -> NormalFormGame {
        // Prologue: NFG 1 R "title"
        let magic = try tokens.next()
        guard magic.kind == .word, tokens.text(magic) == "NFG" else {
            throw tokens.error(magic, "expected 'NFG' at the start of a Gambit strategic game file, found \(tokens.describe(magic))")
        }
        let version = try tokens.next()
        guard version.kind == .word, tokens.text(version) == "1" else {
            throw tokens.error(version, "expected version number 1 after 'NFG', found \(tokens.describe(version))")
        }
        let kind = try tokens.next()
        guard kind.kind == .word, ["R", "D"].contains(tokens.text(kind)) else {
            throw tokens.error(kind, "expected 'R' (or 'D') after the version number, found \(tokens.describe(kind))")
        }
        let titleToken = try tokens.next()
        guard case .string(let title) = titleToken.kind else {
            throw tokens.error(titleToken, "expected the game's title as a quoted string, found \(tokens.describe(titleToken))")
        }

        // Players.
        let open = try tokens.next()
        guard open.kind == .openBrace else {
            throw tokens.error(open, "expected '{' to open the list of player names, found \(tokens.describe(open))")
        }
        var playerNames = [String]()
        while true {
            let t = try tokens.next()
            if t.kind == .closeBrace { break }
            guard case .string(let name) = t.kind else {
                throw tokens.error(t, "expected a player name in quotes or '}', found \(tokens.describe(t))")
            }
            playerNames.append(name)
        }
        guard !playerNames.isEmpty else { throw tokens.error(open, "a game needs at least one player: the player list is empty") }

        // Strategies: counts `{ 3 2 }` or names `{ { "a" "b" } { "c" } }`.
        let strategiesOpen = try tokens.next()
        guard strategiesOpen.kind == .openBrace else {
            throw tokens.error(strategiesOpen, "expected '{' to open the strategy counts or strategy names, found \(tokens.describe(strategiesOpen))")
        }
        var strategyNames = [[String]]()
        var counts = [Int]()   // strategies per player (names made later for the `{ 3 2 }` form)
        if try tokens.peek().kind == .openBrace {
            while true {
                let t = try tokens.next()
                if t.kind == .closeBrace { break }
                guard t.kind == .openBrace else {
                    throw tokens.error(t, "expected '{' to open player \(strategyNames.count + 1)'s strategy names or '}', found \(tokens.describe(t))")
                }
                var names = [String]()
                while true {
                    let s = try tokens.next()
                    if s.kind == .closeBrace { break }
                    guard case .string(let name) = s.kind else {
                        throw tokens.error(s, "expected a strategy name in quotes or '}', found \(tokens.describe(s))")
                    }
                    names.append(name)
                }
                guard !names.isEmpty else {
                    throw tokens.error(t, "strategy count must be positive: player \(strategyNames.count + 1) has an empty strategy list")
                }
                strategyNames.append(names)
                counts.append(names.count)
            }
        } else {
            while true {
                let t = try tokens.next()
                if t.kind == .closeBrace { break }
                guard t.kind == .word, let n = Int(tokens.text(t)) else {
                    throw tokens.error(t, "expected a strategy count (a positive integer) or '}', found \(tokens.describe(t))")
                }
                guard n > 0 else { throw tokens.error(t, "strategy count must be positive, found \(n)") }
                // Numbered names are made once the payoffs are read: a count is only a claim
                // until the file holds that many profiles (FuzzNFG: `{ 9223372036854775807 }`).
                strategyNames.append([])
                counts.append(n)
            }
        }
        guard strategyNames.count == playerNames.count else {
            throw tokens.error(strategiesOpen, "expected \(playerNames.count) strategy lists (one per player), found \(strategyNames.count)")
        }
        var profiles = 1
        for count in counts {
            let (p, o) = profiles.multipliedReportingOverflow(by: count)
            guard !o, p <= Int(Int32.max) else {
                throw tokens.error(strategiesOpen, "the game has more than 2^31 pure-strategy profiles, more than GameSolve will store")
            }
            profiles = p
        }

        // Optional comment.
        var comment = ""
        if case .string(let c) = try tokens.peek().kind {
            comment = c
            _ = try tokens.next()
        }

        let payoffs: [[Rational]]
        if try tokens.peek().kind == .openBrace {
            payoffs = try readOutcomeBody(players: playerNames.count, profiles: profiles)
        } else {
            payoffs = try readPayoffBody(players: playerNames.count, profiles: profiles)
        }
        let players = zip(playerNames, zip(strategyNames, counts)).map { name, strategies in
            Player(name: name, strategies: strategies.0.isEmpty ? (1...strategies.1).map { "\($0)" } : strategies.0)
        }
        do {
            return try NormalFormGame(title: title, comment: comment, players: players, payoffs: payoffs)
        } catch {
            throw tokens.source.error(at: 0, "\(error)")
        }
    }

    /// A number token's exact value.
    mutating func readNumber(_ what: String) throws(GameFormatError) -> Rational {
        let t = try tokens.next()
        return try number(t, what)
    }

    func number(_ t: Token, _ what: String) throws(GameFormatError) -> Rational {
        guard t.kind == .word else { throw tokens.error(t, "expected \(what), found \(tokens.describe(t))") }
        guard let v = NumberParsing.parse(tokens.source.bytes, t.start, t.end) else {
            if NumberParsing.isZeroDenominator(tokens.source.bytes, t.start, t.end) {
                throw tokens.error(t, "division by zero in \(what) \(tokens.describe(t))")
            }
            throw tokens.error(t, "expected \(what) (an integer, decimal or fraction p/q), found \(tokens.describe(t))")
        }
        return v
    }

    mutating func readPayoffBody(players: Int, profiles: Int) throws(GameFormatError) -> [[Rational]] {
        var payoffs = [[Rational]](repeating: [], count: players)
        for i in 0..<players { payoffs[i].reserveCapacity(min(profiles, tokens.source.bytes.count)) }
        let expected = players * profiles
        var found = 0
        var lastEnd = tokens.position
        while found < expected {
            let t = try tokens.next()
            if t.kind == .end {
                // Point just past the last payoff read.
                throw tokens.source.error(at: lastEnd, "expected \(plural(expected, "payoff")), found \(found)")
            }
            payoffs[found % players].append(try number(t, "a payoff"))
            lastEnd = t.end
            found += 1
        }
        let extra = try tokens.next()
        if extra.kind != .end {
            var count = expected + 1
            while try tokens.next().kind != .end { count += 1 }
            throw tokens.error(extra, "expected \(plural(expected, "payoff")), found \(count)")
        }
        return payoffs
    }

    mutating func readOutcomeBody(players: Int, profiles: Int) throws(GameFormatError) -> [[Rational]] {
        _ = try tokens.next()   // the outcome list's opening brace
        var outcomes = [[Rational]]()
        while true {
            let t = try tokens.next()
            if t.kind == .closeBrace { break }
            guard t.kind == .openBrace else {
                throw tokens.error(t, "expected '{' to open outcome \(outcomes.count + 1) or '}' to close the outcome list, found \(tokens.describe(t))")
            }
            let nameToken = try tokens.next()
            guard case .string = nameToken.kind else {
                throw tokens.error(nameToken, "expected outcome \(outcomes.count + 1)'s name in quotes, found \(tokens.describe(nameToken))")
            }
            var values = [Rational]()
            while true {
                let v = try tokens.next()
                if v.kind == .closeBrace { break }
                if v.kind == .comma { continue }
                if v.kind == .end {
                    throw tokens.error(t, "unterminated outcome \(outcomes.count + 1): no closing '}'")
                }
                guard values.count < players else {
                    throw tokens.error(v, "expected \(plural(players, "payoff")) in outcome \(outcomes.count + 1) (one per player), found more")
                }
                values.append(try number(v, "a payoff"))
            }
            guard values.count == players else {
                throw tokens.error(t, "expected \(plural(players, "payoff")) in outcome \(outcomes.count + 1) (one per player), found \(values.count)")
            }
            outcomes.append(values)
        }
        var payoffs = [[Rational]](repeating: [], count: players)
        for i in 0..<players { payoffs[i].reserveCapacity(min(profiles, tokens.source.bytes.count)) }
        var found = 0
        var firstExtra: Token?
        var lastEnd = tokens.position
        while true {
            let t = try tokens.next()
            if t.kind == .end { break }
            lastEnd = t.end
            guard t.kind == .word, let index = Int(tokens.text(t)), index >= 0 else {
                throw tokens.error(t, "expected an outcome number (a non-negative integer), found \(tokens.describe(t))")
            }
            guard index <= outcomes.count else {
                throw tokens.error(t, "outcome \(index) does not exist: the file defines \(plural(outcomes.count, "outcome"))")
            }
            found += 1
            if found > profiles { if firstExtra == nil { firstExtra = t }; continue }   // counted for the message below
            for i in 0..<players { payoffs[i].append(index == 0 ? .zero : outcomes[index - 1][i]) }
        }
        guard found == profiles else {
            throw tokens.source.error(at: firstExtra?.start ?? lastEnd, "expected \(plural(profiles, "outcome number")) (one per strategy profile), found \(found)")
        }
        return payoffs
    }
}
