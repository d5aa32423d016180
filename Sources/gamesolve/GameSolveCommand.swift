import ArgumentParser

@main
struct GameSolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gamesolve",
        abstract: "Equilibria and coalition allocations of games, exactly.",
        subcommands: [BenchCommand.self]
    )
}
