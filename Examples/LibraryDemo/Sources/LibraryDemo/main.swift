// Nash equilibria, a minimax value and two coalition allocations with the GameSolve library.
// Usage: LibraryDemo [EXAMPLES-FOLDER] (default: the repository's Examples/ folder).
import GameSolve

let examples = CommandLine.arguments.dropFirst().first
    ?? #filePath.replacingOccurrences(of: "/LibraryDemo/Sources/LibraryDemo/main.swift", with: "")

// Every Nash equilibrium of a two-player game, exact.
let battle = try GameFile.read(path: "\(examples)/battle-of-the-sexes.nfg")
print("Nash equilibria of \(battle.title):")
for equilibrium in try battle.equilibria(using: .enumerate).equilibria {
    let profile = zip(battle.players, equilibrium.strategies).map { player, strategy in
        "\(player.name) \(strategy)"
    }
    print("  \(profile.joined(separator: ", ")); payoffs \(equilibrium.payoffs)")
}

// The value and optimal strategies of a zero-sum game, by linear programming, checked exactly.
let pennies = try GameFile.read(path: "\(examples)/matching-pennies.nfg")
let minimax = try pennies.minimax()
print("Value of \(pennies.title): \(minimax.value), strategies \(minimax.strategies)")

// Shapley value and nucleolus of a transferable-utility game.
let partners = try TUGameReader.read(GameFile.readText(path: "\(examples)/three-partners.json")).table()
print("Players: \(partners.playerNames)")
print("Shapley value: \(partners.shapleyValue())")
print("Nucleolus: \(try partners.nucleolus().allocation)")
