import ArgumentParser
import Foundation
import GameSolve

extension GameFamily: ExpressibleByArgument {}
extension BenchmarkedSolver: ExpressibleByArgument {}

/// Options of the game generators, shared by `generate` and `bench`.
struct GeneratorOptions: ParsableArguments {
    @Option(help: "Column strategies, for rectangular random, zero-sum and covariance games (default: square).")
    var columns: Int?

    @Option(help: "Integer payoffs: the smallest value (random, zero-sum).")
    var min: Int = 0

    @Option(help: "Integer payoffs: the largest value (random, zero-sum).")
    var max: Int = 99

    @Option(help: "Decimal payoffs in [0, 1) with this many digits instead of integers (random, zero-sum); digits of real payoffs (covariance, unit-vector).")
    var decimals: Int?

    @Option(parsing: .unconditional, help: "Correlation rho in [-1, 1] of the two payoffs at each profile (covariance; -1 zero-sum, 1 common interest).")
    var rho: Double = 0

    @Option(name: .customLong("k"), help: "Subset size of the column player's strategies (tournament).")
    var subsetSize: Int = 2

    @Option(help: "Bound on the random score and cost steps (ranking).")
    var steps: Int = 10

    @Flag(help: "Place the units so that the game has no pure equilibrium (unit-vector).")
    var avoidPureNash = false

    @Option(help: "Players of the N-player families whose size is a strategy count (nplayer-random, nplayer-covariance, minimum-effort, cournot).")
    var players: Int = 3

    @Option(help: ArgumentHelp("The multiplier r of the public goods game, an exact number such as 3/2 or 1.5.", valueName: "r"))
    var multiplier: String = "3/2"

    func validate() throws {
        guard players >= 2 else { throw ValidationError("--players must be at least 2") }
        guard let r = Rational(multiplier), r.signum > 0 else { throw ValidationError("--multiplier must be a positive number such as 3/2 (got '\(multiplier)')") }
        guard min <= max else { throw ValidationError("--min must not exceed --max") }
        guard (-1...1).contains(rho) else { throw ValidationError("--rho must be in [-1, 1]") }
    }

    func parameters(size: Int, seed: UInt64) -> GeneratorParameters {
        GeneratorParameters(size: size, columns: columns, seed: seed,
                            payoffs: decimals.map { .decimals(digits: $0) } ?? .integers(min...max),
                            correlation: rho, decimals: decimals ?? 3, subsetSize: subsetSize, steps: steps,
                            avoidPureNash: avoidPureNash, players: players, multiplier: Rational(multiplier) ?? Rational(3, 2))
    }
}

/// A list of sizes: "4...14", "4..<15", "4,6,8" or a mix ("4...8,10,12").
struct SizeList: ExpressibleByArgument {
    var sizes: [Int]

    init?(argument: String) {
        var result: [Int] = []
        for item in argument.split(separator: ",") {
            let text = item.trimmingCharacters(in: .whitespaces)
            if let r = text.range(of: "...") {
                guard let a = Int(text[..<r.lowerBound]), let b = Int(text[r.upperBound...]), a <= b else { return nil }
                result += Array(a...b)
            } else if let r = text.range(of: "..<") {
                guard let a = Int(text[..<r.lowerBound]), let b = Int(text[r.upperBound...]), a < b else { return nil }
                result += Array(a..<b)
            } else if let n = Int(text) {
                result.append(n)
            } else {
                return nil
            }
        }
        guard !result.isEmpty, result.allSatisfy({ $0 >= 1 }) else { return nil }
        sizes = Array(Set(result)).sorted()
    }
}
