import ArgumentParser
import Foundation
import GameSolve

// Options shared by `tournament` and `match` (the stage game, the match settings, rendering).

/// The symmetric stage game: `--payoffs R,S,T,P` (2x2) or `--game FILE` (any symmetric k x k
/// game; for 2x2 the first strategy is C).
struct StageGameOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The stage game as R,S,T,P (reward, sucker, temptation, punishment); default 3,0,5,1.", valueName: "R,S,T,P"))
    var payoffs: String?

    @Option(help: ArgumentHelp("A symmetric two-player game file, k x k (instead of --payoffs); in a 2x2 game the first strategy is C. With k ≠ 2 the strategies are those for any number of actions: tit-for-tat, always:i, best-response, cycler, random.", valueName: "file"))
    var game: String?

    @Option(name: .customLong("input-format"), help: "The game file's format, when its extension does not tell it.")
    var inputFormat: GameFormat?

    func validate() throws {
        if let p = payoffs, let g = game { throw ValidationError("--payoffs \(p) and --game \(g) exclude each other: give the stage game one way") }
        if let p = payoffs { _ = try Self.parsePayoffs(p) }
        if let f = inputFormat, game == nil { throw ValidationError("--input-format \(f.rawValue) applies only with --game FILE") }
        if game == "-" && inputFormat == nil { throw ValidationError("reading standard input needs --input-format nfg|csv|json|lrs") }
    }

    static func parsePayoffs(_ text: String) throws -> SymmetricStageGame {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Rational(String($0).trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let r = parts[0], let s = parts[1], let t = parts[2], let p = parts[3] else {
            throw ValidationError("--payoffs needs four numbers R,S,T,P (e.g. 3,0,5,1), got '\(text)'")
        }
        return SymmetricStageGame(reward: r, sucker: s, temptation: t, punishment: p)
    }

    /// The stage game (a file that is not a symmetric game is a command failure, exit 1).
    func load() throws -> SymmetricStageGame {
        if let path = game {
            let g = try GameFile.read(path: path, format: inputFormat)
            do { return try SymmetricStageGame(g) } catch { throw CommandFailure("\(path): \(error.description)") }
        }
        return try payoffs.map(Self.parsePayoffs) ?? .prisonersDilemma
    }
}

/// Turns, continuation probability, noise, repetitions and seed.
struct MatchSettingsOptions: ParsableArguments {
    @Option(name: .customLong("turns"), help: ArgumentHelp("Turns per match (default 200; not with --continuation).", valueName: "n"))
    var turnsOption: Int?

    /// `--turns`, or its default.
    var turns: Int { turnsOption ?? 200 }

    @Option(help: ArgumentHelp("Continuation probability w in [0, 1): each match lasts a geometric number of turns (mean 1/(1 − w)), drawn from the seed.", valueName: "w"))
    var continuation: String?

    @Option(help: ArgumentHelp("Each move is flipped with this probability.", valueName: "p"))
    var noise: String = "0"

    @Option(help: ArgumentHelp("Times each pair plays.", valueName: "n"))
    var repetitions: Int = 1

    @Option(help: ArgumentHelp("Seed of the match randomness; results do not depend on --jobs.", valueName: "n"))
    var seed: UInt64 = 0

    func validate() throws {
        if let n = turnsOption, let c = continuation {
            throw ValidationError("--turns \(n) and --continuation \(c) exclude each other: a match has a fixed number of turns or a geometric length")
        }
        _ = try settings()
    }

    func settings() throws -> MatchSettings {
        var continuationValue: Rational?
        if let c = continuation {
            guard let w = Rational(c) else { throw ValidationError("--continuation needs a number, got '\(c)'") }
            continuationValue = w
        }
        guard let p = Rational(noise) else { throw ValidationError("--noise needs a number, got '\(noise)'") }
        let s = MatchSettings(turns: turns, continuation: continuationValue, noise: p, repetitions: repetitions, seed: seed)
        do { try s.validate() } catch { throw ValidationError(error.description) }
        return s
    }

    var parameters: [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        if let c = continuation, let w = Rational(c) { out.append(("continuation", .string(w.description))) } else { out.append(("turns", .number(String(turns)))) }
        out.append(("noise", .string(Rational(noise)?.description ?? noise)))
        out.append(("repetitions", .number(String(repetitions))))
        out.append(("seed", .number(String(seed))))
        return out
    }
}


/// Splits `--strategies` at commas, keeping the numeric parameters of `memory-one:1,0,0,1`
/// with their strategy: a piece that is a number continues the previous strategy's parameters.
func splitStrategyList(_ text: String) -> [String] {
    var out: [String] = []
    for piece in text.split(separator: ",", omittingEmptySubsequences: false).map({ String($0).trimmingCharacters(in: .whitespaces) }) {
        if let last = out.last, last.contains(":"), Rational(piece) != nil {
            out[out.count - 1] = last + "," + piece
        } else {
            out.append(piece)
        }
    }
    return out
}

/// A JSON number for an integral exact value, else its exact string.
func integerOrExact(_ x: Rational) -> JSONValue { x.isInteger ? .number(x.description) : .string(x.description) }

/// The strategies named on the command line. `validate()` calls this with the stage game of
/// `--payoffs` (nil when the stage comes from `--game`: then the names are checked against the
/// prisoner's dilemma, and only unknown names and bad parameters count), so those are usage
/// errors (exit 64); `run()` calls it again with the stage game read from the file, where a
/// strategy that does not fit that game is a command failure (exit 1).
func parseStrategies(_ names: [String], stage: SymmetricStageGame?, usage: Bool) throws -> [Strategy] {
    var out: [Strategy] = []
    for name in names {
        do { out.append(try Strategy(parsing: name, stage: stage ?? .prisonersDilemma)) } catch {
            // Without the file's game only the name and its parameters can be judged here.
            var judged = stage != nil
            if case .badStrategy = error { judged = true }
            guard judged else { continue }
            if usage { throw ValidationError(error.description) } else { throw CommandFailure(error.description) }
        }
    }
    return out
}

extension StageGameOptions {
    /// The stage game known without reading a file (for `validate()`); nil when it comes from
    /// `--game`.
    var stageForValidation: SymmetricStageGame? {
        game != nil ? nil : (try? payoffs.map(Self.parsePayoffs)) ?? .prisonersDilemma
    }
}
