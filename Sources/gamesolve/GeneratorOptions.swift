import ArgumentParser
import Foundation
import GameSolve

extension GameFamily: ExpressibleByArgument {}
extension BenchmarkedSolver: ExpressibleByArgument {}

/// Options of the game generators, shared by `generate` and `bench`. Each applies to some
/// families only (``uses(_:)``); giving one to a family that ignores it is a usage error.
struct GeneratorOptions: ParsableArguments {
    @Option(help: "Column strategies, for rectangular random, zero-sum and covariance games (default: square).")
    var columns: Int?

    @Option(name: .customLong("min"), help: "Integer payoffs: the smallest value (random, zero-sum, nplayer-random; default 0).")
    var minOption: Int?

    @Option(name: .customLong("max"), help: "Integer payoffs: the largest value (random, zero-sum, nplayer-random; default 99).")
    var maxOption: Int?

    @Option(help: "Decimal payoffs in [0, 1) with this many digits instead of integers (random, zero-sum, nplayer-random; not with --min/--max); digits of real payoffs (covariance, nplayer-covariance, unit-vector; default 3).")
    var decimals: Int?

    @Option(name: .customLong("rho"), parsing: .unconditional, help: "Correlation rho in [-1, 1] of the payoffs at each profile (covariance, nplayer-covariance; -1 zero-sum, 1 common interest; default 0).")
    var rhoOption: Double?

    @Option(name: .customLong("k"), help: "Subset size of the column player's strategies (tournament; default 2).")
    var subsetSizeOption: Int?

    @Option(name: .customLong("steps"), help: "Bound on the random score and cost steps (ranking; default 10).")
    var stepsOption: Int?

    @Flag(help: "Place the units so that the game has no pure equilibrium (unit-vector).")
    var avoidPureNash = false

    @Option(name: .customLong("players"), help: "Players of the N-player families whose size is a strategy count (nplayer-random, nplayer-covariance, minimum-effort, cournot; default 3).")
    var playersOption: Int?

    @Option(name: .customLong("multiplier"), help: ArgumentHelp("The multiplier r of the public goods game, an exact number such as 3/2 or 1.5 (public-goods; default 3/2).", valueName: "r"))
    var multiplierOption: String?

    var min: Int { minOption ?? 0 }
    var max: Int { maxOption ?? 99 }
    var rho: Double { rhoOption ?? 0 }
    var subsetSize: Int { subsetSizeOption ?? 2 }
    var steps: Int { stepsOption ?? 10 }
    var players: Int { playersOption ?? 3 }
    var multiplier: String { multiplierOption ?? "3/2" }

    func validate() throws {
        guard players >= 2 else { throw ValidationError("--players must be at least 2, got \(players)") }
        guard let r = Rational(multiplier), r.signum > 0 else { throw ValidationError("--multiplier must be a positive number such as 3/2, got '\(multiplier)'") }
        guard min <= max else { throw ValidationError("--min \(min) must not exceed --max \(max)") }
        guard (-1...1).contains(rho) else { throw ValidationError("--rho must be in [-1, 1], got \(rho)") }
        if let d = decimals, minOption != nil || maxOption != nil {
            throw ValidationError("--decimals \(d) and --min/--max exclude each other: payoffs are decimals in [0, 1) or integers from --min to --max")
        }
    }

    /// The options given on the command line, with the value typed.
    var given: [(option: String, value: String)] {
        var out: [(String, String?)] = [
            ("--columns", columns.map { "\($0)" }), ("--min", minOption.map { "\($0)" }), ("--max", maxOption.map { "\($0)" }),
            ("--decimals", decimals.map { "\($0)" }), ("--rho", rhoOption.map { "\($0)" }), ("--k", subsetSizeOption.map { "\($0)" }),
            ("--steps", stepsOption.map { "\($0)" }), ("--players", playersOption.map { "\($0)" }), ("--multiplier", multiplierOption),
        ]
        if avoidPureNash { out.append(("--avoid-pure-nash", "")) }
        return out.compactMap { o in o.1.map { (o.0, $0) } }
    }

    /// Whether `family`'s generator reads `option` (see ``GameFamily/generate(_:)``).
    static func uses(_ family: GameFamily, _ option: String) -> Bool {
        switch option {
        case "--columns": return [.random, .zeroSum, .covariance].contains(family)
        case "--min", "--max": return [.random, .zeroSum, .nplayerRandom].contains(family)
        case "--decimals": return [.random, .zeroSum, .nplayerRandom, .covariance, .nplayerCovariance, .unitVector].contains(family)
        case "--rho": return [.covariance, .nplayerCovariance].contains(family)
        case "--k": return family == .tournament
        case "--steps": return family == .ranking
        case "--avoid-pure-nash": return family == .unitVector
        case "--players": return [.nplayerRandom, .nplayerCovariance, .minimumEffort, .cournot].contains(family)
        case "--multiplier": return family == .publicGoods
        default: return true
        }
    }

    /// Throws when an option was given that `family` does not read.
    func checkApplies(to family: GameFamily) throws {
        if let o = given.first(where: { !Self.uses(family, $0.option) }) {
            let families = GameFamily.allCases.filter { Self.uses($0, o.option) }.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("\(o.option)\(o.value.isEmpty ? "" : " " + o.value) does not apply to \(family.rawValue) games (only to \(families))")
        }
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

    /// Runs of consecutive sizes as `a...b`, the others listed: "2...6", "4,6,8".
    var description: String {
        var parts: [String] = []
        var i = 0
        while i < sizes.count {
            var j = i
            while j + 1 < sizes.count && sizes[j + 1] == sizes[j] + 1 { j += 1 }
            parts.append(j - i >= 2 ? "\(sizes[i])...\(sizes[j])" : (i...j).map { "\(sizes[$0])" }.joined(separator: ","))
            i = j + 1
        }
        return parts.joined(separator: ",")
    }

    /// How `--help` shows the default ("2...6", not the struct).
    var defaultValueDescription: String { description }
}
