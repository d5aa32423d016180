/// The version `gamesolve --version` prints ("gamesolve 0.4.0"): the one place it is set.
enum GameSolveVersion {
    static let current = "0.4.0"
}
