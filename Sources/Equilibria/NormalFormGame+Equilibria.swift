import StrategicGames

/// A Nash-equilibrium method for ``StrategicGames/NormalFormGame/equilibria(using:limits:)``:
/// each case runs one of the solvers of this module with its default options.
public enum EquilibriumMethod: String, Sendable, CaseIterable {
    /// Every pure-strategy equilibrium, any number of players: ``PureStrategyEquilibria``.
    case pure
    /// Every extreme equilibrium of a two-player game, degenerate games included, with their
    /// components: ``ExtremeEquilibria``.
    case enumerate
    /// One equilibrium of a two-player game by complementary pivoting, dropping the first row
    /// strategy's label: ``LemkeHowson``.
    case lemkeHowson
    /// Equilibria from the indifference systems of support pairs of all sizes (two players:
    /// ``SupportEnumeration``; three or more: ``NPlayerSupportEnumeration``).
    case supportEnumeration
    /// One equilibrium, any number of players, at the end of the logit quantal-response branch,
    /// certified by its exact regret: ``LogitTracing``.
    case logit
}

/// Why ``StrategicGames/NormalFormGame/equilibria(using:limits:)`` could not run a method.
public enum EquilibriumMethodError: Error, Equatable, CustomStringConvertible {
    /// The method solves two-player games only.
    case needsTwoPlayers(method: EquilibriumMethod, players: Int)

    public var description: String {
        switch self {
        case .needsTwoPlayers(let method, let players):
            return "the \(method.rawValue) method needs a two-player game; this one has \(players) players (the pure, supportEnumeration and logit methods take any number)"
        }
    }
}

extension NormalFormGame {
    /// The Nash equilibria of the game by `method`, each verified exactly (approximate ones of
    /// games with three or more players carry their exact maximum regret in
    /// ``NashResult/maxRegrets``).
    ///
    /// ```swift
    /// let game = try GameFile.read(path: "Examples/battle-of-the-sexes.nfg")
    /// for equilibrium in try game.equilibria(using: .enumerate).equilibria { print(equilibrium) }
    /// ```
    ///
    /// This is a shortcut: for a solver's own options (a Lemke–Howson label, equal-size supports,
    /// the arithmetic) create the solver itself.
    /// - Parameters:
    ///   - method: the solver; ``EquilibriumMethod/enumerate`` finds every extreme equilibrium of
    ///     a two-player game.
    ///   - limits: timeout, maximum number of equilibria and threads.
    /// - Throws: ``EquilibriumMethodError/needsTwoPlayers(method:players:)`` for a two-player
    ///   method on another game; what the solver throws (``ExtremeEquilibriaError``,
    ///   ``LemkeHowson/SolverError``, ``NPlayerSolverError``).
    public func equilibria(using method: EquilibriumMethod, limits: SolverLimits = .none) throws -> NashResult {
        switch method {
        case .pure:
            var result = NashResult(equilibria: PureStrategyEquilibria().equilibria(of: self),
                                    counters: ["profilesExamined": profileCount])
            if let max = limits.maxResults, result.equilibria.count > max {
                result.equilibria.removeLast(result.equilibria.count - max)
                result.stopReason = .maxResults
            }
            return result
        case .enumerate:
            return try ExtremeEquilibria.solve(twoPlayer(method), limits: limits)
        case .lemkeHowson:
            return try LemkeHowson().solve(twoPlayer(method), limits: limits)
        case .supportEnumeration:
            guard let bimatrix else { return try NPlayerSupportEnumeration().solve(self, limits: limits) }
            return SupportEnumeration(equalSizeOnly: false).solveSynchronously(bimatrix, limits: limits)
        case .logit:
            return LogitTracing().solve(self, limits: limits)
        }
    }

    private func twoPlayer(_ method: EquilibriumMethod) throws -> BimatrixGame {
        guard let bimatrix else { throw EquilibriumMethodError.needsTwoPlayers(method: method, players: playerCount) }
        return bimatrix
    }
}
