import Foundation
import GameSolve

/// The fixture games (Gambit samples with three or more players, copied from the Gambit
/// repository's `contrib/games`, `catalog` and `tests/test_games`).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".nfg") }.sorted()
    }

    static func game(_ name: String) throws -> NormalFormGame {
        try GameFile.read(path: directory.appendingPathComponent(name).path)
    }
}

/// A random game with integer payoffs in -9...9, from a seed.
func randomGame(_ counts: [Int], seed: UInt64) -> NormalFormGame {
    var rng = SplitMix64(seed: seed)
    let total = counts.reduce(1, *)
    let payoffs = counts.map { _ in (0..<total).map { _ in Rational(rng.uniform(-9...9)) } }
    return try! NormalFormGame(players: NormalFormGame.defaultPlayers(strategyCounts: counts), payoffs: payoffs)
}
