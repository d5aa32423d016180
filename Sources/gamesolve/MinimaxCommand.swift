import ArgumentParser
import GameSolve

/// `gamesolve minimax GAME`: value and optimal strategies of a two-player constant-sum game.
struct MinimaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minimax",
        abstract: "Value and optimal strategies of a two-player zero-sum (or constant-sum) game, exactly.",
        discussion: """
        Solves one linear program with GLPK and certifies the answer in exact rationals (the \
        optimal basis is recomputed and checked: primal and dual feasibility, equal objectives), \
        then checks both strategies against the definition of the value. Games that are not \
        constant-sum have no value: use `gamesolve nash` for them.

        Example:
          gamesolve minimax Examples/matching-pennies.nfg --format json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }
    enum Start: String, ExpressibleByArgument, CaseIterable {
        /// Floating simplex, then certify its basis (glp_exact only if that fails).
        case floating
        /// GLPK's exact rational simplex from the start.
        case exact
    }

    @OptionGroup var input: GameInputOptions

    @Option(help: "LP start: floating (GLPK's float simplex, basis certified exactly) or exact (glp_exact throughout).")
    var lp: Start = .floating

    @Option(help: "Output format.")
    var format: Format = .table

    @OptionGroup var limit: LPTimeoutOptions

    func run() throws {
        let game = try input.load()
        let solution: MinimaxSolution
        do {
            solution = try game.minimax(start: lp == .exact ? .exactSimplex : .floatingBasis,
                                        timeLimit: limit.timeLimit)
        } catch let e as MinimaxError {
            throw CommandFailure(e.description)
        } catch LPError.timeLimitReached {
            throw limit.stopped
        } catch let e as LPError {
            throw CommandFailure(e.description)
        }
        switch format {
        case .json:
            let json = JSONValue.object([
                ("value", .string(solution.value.description)),
                ("columnValue", .string((solution.constantSum - solution.value).description)),
                ("constantSum", .string(solution.constantSum.description)),
                ("strategies", .array(solution.strategies.map { s in .array(s.probabilities.map { .string($0.description) }) })),
                ("status", .string(solution.status.rawValue)),
                ("iterations", .number("\(solution.iterations)")),
            ])
            print(json.rendered(), terminator: "")
        case .table:
            var out = "Value (\(game.players[0].name)): \(solution.value)\n"
            if !solution.constantSum.isZero {
                out += "Value (\(game.players[1].name)): \(solution.constantSum - solution.value) (constant-sum \(solution.constantSum))\n"
            }
            for (p, s) in zip(game.players, solution.strategies) {
                out += "\(p.name): " + zip(p.strategies, s.probabilities).filter { !$0.1.isZero }
                    .map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "\n"
            }
            out += "LP: \(solution.status.rawValue), \(solution.iterations) simplex iterations\n"
            print(out, terminator: "")
        }
    }
}
