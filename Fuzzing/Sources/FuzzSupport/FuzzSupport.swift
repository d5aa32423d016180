// What the fuzz targets share. A reader may reject its input (any thrown error is fine); what it
// must never do is trap, allocate without bound, hang, or accept text and then mean something
// else by it. So a game that was read is also written back and read again, and must come back
// the same; a TU game that was read is put through the cheap computations on it (guarded by
// size, so a valid but huge game does not count as a hang).
import CoalitionGames
import ExactArithmetic
import GameFormats
import StrategicGames

public enum FuzzSupport {
    /// Largest table (players) whose properties and values the TU targets compute.
    public static let tablePlayers = 8
    /// Largest weighted voting game whose voting power the rules target computes.
    public static let votingPlayers = 12

    /// Parses `bytes` as a strategic game in `format`; when that succeeds, writes the game in
    /// `format` (when the format holds it) and in JSON, and reads both back: the players'
    /// strategy counts and every payoff must be unchanged.
    public static func strategic(_ bytes: UnsafeRawBufferPointer, format: GameFormat) {
        let input = Array(bytes.bindMemory(to: UInt8.self))
        guard let game = try? GameFile.parse(input, format: format, fileName: "fuzz.\(format.rawValue)") else { return }
        for target in Set([format, .json]) where target.canHold(players: game.playerCount) {
            let text: String
            do { text = try GameFile.text(game, format: target) } catch {
                fatalError("\(target.rawValue) cannot write a game it holds: \(error)")
            }
            let again: NormalFormGame
            do { again = try GameFile.parse(Array(text.utf8), format: target, fileName: "again.\(target.rawValue)") } catch {
                fatalError("\(format.rawValue) → \(target.rawValue) round trip does not read back: \(error)\n\(text)")
            }
            guard again.strategyCounts == game.strategyCounts, again.payoffs == game.payoffs else {
                fatalError("\(format.rawValue) → \(target.rawValue) round trip changed the game:\n\(text)")
            }
        }
    }

    /// Reads `bytes` (UTF-8 only: other bytes are rejected the way the CLI rejects them) as a TU
    /// game in `order`, then exercises what was read.
    public static func tu(_ bytes: UnsafeRawBufferPointer, order: CoalitionOrder) {
        guard let text = String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self) else { return }
        guard let input = try? TUGameReader.read(text, order: order) else { return }
        exercise(input)
    }

    /// The cheap computations on a TU game: its properties and values for small tables, the
    /// value of the empty and grand coalitions for every rule, the table of small rules and the
    /// voting power of small weighted voting games.
    public static func exercise(_ input: TUGameInput) {
        switch input {
        case .table(let game):
            exercise(game)
        case .rule(let rule, _):
            let n = rule.playerCount
            _ = rule.value(members: Array(repeating: false, count: n))
            _ = rule.value(members: Array(repeating: true, count: n))
            if n <= tablePlayers, let game = try? input.table() {
                guard game.playerCount == n else { fatalError("a rule of \(n) players gave a table of \(game.playerCount)") }
                exercise(game)
            }
            if case .weightedVoting = rule, n <= votingPlayers {
                if let power = try? rule.votingPower(), power.shapleyShubik.count != n {
                    fatalError("voting power of \(n) players has \(power.shapleyShubik.count) entries")
                }
            }
        }
    }

    static func exercise(_ game: TUGame) {
        guard game.playerCount <= tablePlayers else { return }
        _ = (game.isSuperadditive, game.isConvex, game.isMonotone, game.isSubadditive, game.isConcave)
        _ = (game.isEssential, game.isZeroNormalized, game.hasImputations)
        let values = game.shapleyAndBanzhaf(jobs: 1)
        // Efficiency of the Shapley value: it shares out exactly v(N).
        let total = values.shapley.reduce(Rational.zero, +)
        guard total == game.value(game.grandCoalition) else {
            fatalError("Shapley value sums to \(total), not v(N) = \(game.value(game.grandCoalition))")
        }
    }
}
