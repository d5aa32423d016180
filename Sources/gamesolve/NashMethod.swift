import ArgumentParser
import GameSolve

/// The Nash-equilibrium methods of `gamesolve nash --method`.
///
/// To add a method: add a case here (its raw value is the command-line spelling), a line to
/// `help`, and an arm in ``solve(_:limits:)``, the one place that dispatches to the solvers.
enum NashMethod: String, ExpressibleByArgument, CaseIterable {
    /// Every pure-strategy equilibrium, any number of players (``PureStrategyEquilibria``).
    case pure
    /// Every extreme equilibrium of a two-player game, degenerate included, with its Nash
    /// subsets and components (``ExtremeEquilibria``).
    case enumerate
    /// One equilibrium per dropped label by complementary pivoting (``LemkeHowson``).
    case lemkeHowson = "lemke-howson"
    /// All equilibria of nondegenerate games from the indifference systems of support pairs
    /// (``SupportEnumeration``).
    case supportEnumeration = "support-enumeration"
    /// One equilibrium at the end of the logit quantal-response branch (``LogitTracing``).
    case logit

    /// One line per method for `--help`.
    var help: String {
        switch self {
        case .pure: return "pure: all pure-strategy equilibria, any number of players"
        case .enumerate: return "enumerate: every extreme equilibrium of a two-player game, degenerate games included, with components (the default for two players)"
        case .lemkeHowson: return "lemke-howson: one equilibrium per dropped label (--label, --all-labels), exact integer pivoting"
        case .logit: return "logit: one equilibrium by tracing the logit quantal-response branch from λ = 0 (any number of players), certified; --lambda also reports the QRE at given λ"
        case .supportEnumeration: return "support-enumeration: equilibria from the indifference systems of support pairs (--equal-size-supports), in parallel; with three or more players, Porter–Nudelman–Shoham order and Newton's method, certified (the default for three or more players)"
        }
    }

    /// Runs the method on `game`.
    /// - Throws: ``CommandFailure`` when the method cannot handle the game (e.g. a two-player
    ///   method on three players).
    func solve(_ game: NormalFormGame, limits: SolverLimits, options: NashMethodOptions = NashMethodOptions()) throws -> NashResult {
        switch self {
        case .pure:
            return try game.equilibria(using: .pure, limits: limits)
        case .enumerate:
            let bimatrix = try requireBimatrix(game)
            let vertices = ExtremeEquilibria.vertexBound(rows: bimatrix.rowCount, columns: bimatrix.columnCount)
            if vertices > 1e8 {
                // Exponential work states its size before it starts.
                Diagnostics.note("extreme-equilibrium enumeration of a \(bimatrix.rowCount)x\(bimatrix.columnCount) game: up to \(Self.scientific(vertices)) vertices of the smaller best-response polytope (upper bound theorem; most games have far fewer)\(Self.unboundedHint(limits))")
            }
            do {
                return try ExtremeEquilibria.solve(bimatrix, limits: limits)
            } catch let e as ExtremeEquilibriaError {
                throw CommandFailure(e.description)
            }
        case .lemkeHowson:
            let bimatrix = try requireBimatrix(game)
            var label: LemkeHowson.Label? = .row(0)
            if options.allLabels {
                label = nil
            } else if let text = options.label {
                let (m, n) = (bimatrix.rowCount, bimatrix.columnCount)
                label = NashMethodOptions.parseLabel(text, rowCount: m)
                let inRange: Bool
                switch label {
                case .row(let i)?: inRange = i < m
                case .column(let j)?: inRange = j < n
                case nil: inRange = false
                }
                guard inRange else {
                    throw ValidationError("--label \(text) is out of range: this \(m)x\(n) game has the labels row:0 to row:\(m - 1) and column:0 to column:\(n - 1), or 0 to \(m + n - 1)")
                }
            }
            do {
                return try LemkeHowson(label: label, arithmetic: options.arithmetic ?? .exact).solve(bimatrix, limits: limits)
            } catch let e as LemkeHowson.SolverError {
                throw CommandFailure(e.description)
            }
        case .logit:
            return LogitTracing(lambdas: options.lambdas).solve(game, limits: limits)
        case .supportEnumeration:
            if game.playerCount != 2 {
                let solver = NPlayerSupportEnumeration(newtonStarts: options.newtonStarts,
                                                       maxSupportProfiles: options.maxSupportProfiles)
                do {
                    return try solver.solve(game, limits: limits)
                } catch let e as NPlayerSolverError {
                    throw NashMethod.commandFailure(e)
                }
            }
            let bimatrix = try requireBimatrix(game)
            let pairs = SupportEnumeration.supportPairCount(rows: bimatrix.rowCount, columns: bimatrix.columnCount,
                                                            equalSizeOnly: options.equalSizeSupports)
            if pairs > 1e8 {
                // Exponential work states its size before it starts.
                let which = options.equalSizeSupports ? "equal-size support pairs" : "support pairs of all sizes"
                Diagnostics.note("support enumeration of a \(bimatrix.rowCount)x\(bimatrix.columnCount) game: up to \(Self.scientific(pairs)) \(which)\(Self.unboundedHint(limits))")
            }
            return SupportEnumeration(equalSizeOnly: options.equalSizeSupports).solveSynchronously(bimatrix, limits: limits)
        }
    }

    /// An N-player solver error in the command line's terms (its options rather than the
    /// library's parameters).
    static func commandFailure(_ error: NPlayerSolverError) -> CommandFailure {
        switch error {
        case .tooManySupports(let count, let limit):
            return CommandFailure("the game has \(count) support profiles, more than the limit of \(limit) for a complete search; "
                                  + "raise it with --max-support-profiles, or bound the run with --max-equilibria or --timeout")
        }
    }

    /// The end of a size note when neither a timeout nor a result limit bounds the run.
    static func unboundedHint(_ limits: SolverLimits) -> String {
        limits.timeout == nil && limits.maxResults == nil
            ? "; nothing bounds this run: add --timeout or --max-equilibria, or stop it with Ctrl-C (what was found is printed)"
            : ""
    }

    /// A count for a note: "1.4e11".
    static func scientific(_ x: Double) -> String {
        if x < 1e6 { return String(Int(x)) }
        var exponent = Int(x.exponent) * 30103 / 100_000
        while x >= Double("1e\(exponent + 1)")! { exponent += 1 }
        while x < Double("1e\(exponent)")! { exponent -= 1 }
        let mantissa = (x / Double("1e\(exponent)")! * 10).rounded() / 10
        return "\(mantissa)e\(exponent)"
    }

    /// The method used when `--method` is not given: `enumerate` for two players; otherwise
    /// `support-enumeration` (every equilibrium it can find, certified) when its search has at
    /// most `maxSupportProfiles` support profiles, else `logit` (one certified equilibrium).
    static func defaultMethod(for game: NormalFormGame, maxSupportProfiles: Int = 1_000_000) -> NashMethod {
        if game.playerCount == 2 { return .enumerate }
        return NPlayerSupportEnumeration.supportProfileCount(game) <= Double(maxSupportProfiles) ? .supportEnumeration : .logit
    }

    /// The two-player view of `game`, or a clear error naming this method.
    func requireBimatrix(_ game: NormalFormGame) throws -> BimatrixGame {
        guard let b = game.bimatrix else {
            throw CommandFailure("--method \(rawValue) needs a two-player game; this one has \(game.playerCount) players (try --method pure)")
        }
        return b
    }
}
