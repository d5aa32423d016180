import CoalitionGames
import ExactArithmetic
import StrategicGames

/// A generated game: a bimatrix game, a TU game given by its table, or a TU game given by a
/// rule (weighted voting, bankruptcy), whose table is built only when asked for.
public enum GeneratedGame: Sendable {
    case bimatrix(BimatrixGame)
    case coalitional(TUGame)
    case coalitionRule(CoalitionRule)
    /// A strategic-form game with any number of players (the N-player families).
    case strategic(NormalFormGame)

    /// The N-player game, when this is one.
    public var normalForm: NormalFormGame? {
        if case .strategic(let g) = self { return g }
        return nil
    }

    /// The two-player game, when this is one.
    public var bimatrix: BimatrixGame? {
        if case .bimatrix(let g) = self { return g }
        return nil
    }

    /// The rule, when the game was generated as one.
    public var rule: CoalitionRule? {
        if case .coalitionRule(let r) = self { return r }
        return nil
    }

    /// The TU game's table (built from the rule when needed), or nil for a bimatrix game.
    /// - Throws: ``TUGameError`` when the table would be too large.
    public func table() throws -> TUGame? {
        switch self {
        case .bimatrix, .strategic: return nil
        case .coalitional(let g): return g
        case .coalitionRule(let r): return try r.table()
        }
    }

    /// "m x n" for a bimatrix game, "n players" for a TU game.
    public var shape: String {
        switch self {
        case .bimatrix(let g): return "\(g.rowCount)x\(g.columnCount)"
        case .coalitional(let g): return "\(g.playerCount)p"
        case .coalitionRule(let r): return "\(r.playerCount)p"
        case .strategic(let g): return g.strategyCounts.map(String.init).joined(separator: "x")
        }
    }
}

/// Parameters shared by every family; each family reads the ones it needs (see
/// ``GameFamily/sizeMeaning``).
public struct GeneratorParameters: Sendable, Hashable {
    /// The family's size: strategies per player, nodes, k or players (see ``GameFamily/sizeMeaning``).
    public var size: Int
    /// Column strategies for families that allow rectangular games (random, zero-sum,
    /// covariance); nil for square.
    public var columns: Int?
    /// The seed; the same seed gives the same game on every machine.
    public var seed: UInt64
    /// Payoffs of the uniform random and zero-sum families.
    public var payoffs: PayoffDistribution
    /// ρ of the covariance family, in [−1, 1].
    public var correlation: Double
    /// Decimal digits of real-valued payoffs (covariance, unit-vector), 1...9.
    public var decimals: Int
    /// k of the tournament family (size of the column player's subsets).
    public var subsetSize: Int
    /// Step bound of the ranking family.
    public var steps: Int
    /// Unit-vector family: place the units so that no pure equilibrium exists.
    public var avoidPureNash: Bool
    /// Players of the N-player families whose size is a strategy count.
    public var players: Int
    /// r of the public goods family.
    public var multiplier: Rational

    public init(size: Int, columns: Int? = nil, seed: UInt64 = 0, payoffs: PayoffDistribution = .standard,
                correlation: Double = 0, decimals: Int = 3, subsetSize: Int = 2, steps: Int = 10,
                avoidPureNash: Bool = false, players: Int = 3, multiplier: Rational = Rational(3, 2)) {
        self.players = players
        self.multiplier = multiplier
        self.size = size
        self.columns = columns
        self.seed = seed
        self.payoffs = payoffs
        self.correlation = correlation
        self.decimals = decimals
        self.subsetSize = subsetSize
        self.steps = steps
        self.avoidPureNash = avoidPureNash
    }
}

/// The registry of game families, by their kebab-case command-line names.
public enum GameFamily: String, CaseIterable, Sendable {
    case random
    case covariance
    case zeroSum = "zero-sum"
    case savaniVonStengel = "savani-von-stengel"
    case sandholmGilpinConitzer = "sandholm-gilpin-conitzer"
    case tournament
    case unitVector = "unit-vector"
    case ranking
    case bnfType1 = "bnf-type-1"
    case bnfType2 = "bnf-type-2"
    case bnfType3 = "bnf-type-3"
    case bnfType4 = "bnf-type-4"
    case bnfType5 = "bnf-type-5"
    case weightedVoting = "weighted-voting"
    case bankruptcy
    // Coalition-value distributions of coalition structure generation (ODP-IP's benchmarks).
    case csgUniform = "csg-uniform"
    case csgNormal = "csg-normal"
    case csgExponential = "csg-exponential"
    case csgBeta = "csg-beta"
    case csgGamma = "csg-gamma"
    case csgNDCS = "csg-ndcs"
    case csgAgentBasedUniform = "csg-agent-based-uniform"
    case csgAgentBasedNormal = "csg-agent-based-normal"
    case csgModifiedUniform = "csg-modified-uniform"
    case csgModifiedNormal = "csg-modified-normal"

    /// The coalition-value distribution of a `csg-` family.
    public var coalitionValueDistribution: CoalitionValueDistribution? {
        guard rawValue.hasPrefix("csg-") else { return nil }
        return CoalitionValueDistribution(rawValue: String(rawValue.dropFirst(4)))
    }
    case nplayerRandom = "nplayer-random"
    case nplayerCovariance = "nplayer-covariance"
    case publicGoods = "public-goods"
    case volunteersDilemma = "volunteers-dilemma"
    case minimumEffort = "minimum-effort"
    case minority
    case chicken
    case cournot

    /// What kind of game the family produces.
    public enum Kind: String, Sendable { case bimatrix, coalitional, strategic }

    public var kind: Kind {
        switch self {
        case .random, .covariance, .zeroSum, .savaniVonStengel, .sandholmGilpinConitzer, .tournament, .unitVector, .ranking:
            return .bimatrix
        case .bnfType1, .bnfType2, .bnfType3, .bnfType4, .bnfType5, .weightedVoting, .bankruptcy:
            return .coalitional
        case .csgUniform, .csgNormal, .csgExponential, .csgBeta, .csgGamma, .csgNDCS, .csgAgentBasedUniform, .csgAgentBasedNormal,
             .csgModifiedUniform, .csgModifiedNormal:
            return .coalitional
        case .nplayerRandom, .nplayerCovariance, .publicGoods, .volunteersDilemma, .minimumEffort, .minority, .chicken, .cournot:
            return .strategic
        }
    }

    /// One line for `--help` and listings.
    public var summary: String {
        switch self {
        case .random: return "uniform random payoffs (integers or decimals)"
        case .covariance: return "Rinott-Scarsini covariance game, correlation rho in [-1, 1]"
        case .zeroSum: return "uniform random zero-sum game"
        case .savaniVonStengel: return "Savani-von Stengel hard games for Lemke-Howson (d even)"
        case .sandholmGilpinConitzer: return "Sandholm-Gilpin-Conitzer game, unique equilibrium with large support"
        case .tournament: return "tournament win-lose game (Anbalagan et al.)"
        case .unitVector: return "unit-vector game (Savani-von Stengel)"
        case .ranking: return "ranking game (Goldberg et al.)"
        case .bnfType1, .bnfType2, .bnfType3, .bnfType4, .bnfType5: return "random TU game of Benedek-Fliege-Nguyen type \(rawValue.last!)"
        case .weightedVoting: return "weighted voting game with random weights"
        case .bankruptcy: return "bankruptcy game with random claims"
        case .csgUniform, .csgNormal, .csgExponential, .csgBeta, .csgGamma, .csgNDCS, .csgAgentBasedUniform, .csgAgentBasedNormal,
             .csgModifiedUniform, .csgModifiedNormal:
            return "coalition values of ODP-IP's \(rawValue.dropFirst(4)) distribution, integers (value x 10^8, rounded)"
        case .nplayerRandom: return "N-player uniform random payoffs (GAMUT RandomGame), --players N"
        case .nplayerCovariance: return "N-player covariance game (Rinott-Scarsini), correlation rho in [-1/(N-1), 1], --players N"
        case .publicGoods: return "linear public goods game, multiplier --multiplier r (Isaac-Walker-Thomas)"
        case .volunteersDilemma: return "volunteer's dilemma, benefit 2, cost 1 (Diekmann 1985)"
        case .minimumEffort: return "minimum-effort coordination (Van Huyck-Battalio-Beil 1990), --players N"
        case .minority: return "minority game / binary El Farol (Challet-Zhang 1997)"
        case .chicken: return "N-player chicken: straight pays 1 if all others swerve, else -10"
        case .cournot: return "discretised Cournot tragedy of the commons, --players N"
        }
    }

    /// What `size` means for this family.
    public var sizeMeaning: String {
        switch self {
        case .random, .covariance, .zeroSum: return "strategies per player (n x n, or rows with --columns)"
        case .unitVector, .ranking: return "strategies per player (n x n)"
        case .savaniVonStengel: return "dimension d (even)"
        case .sandholmGilpinConitzer: return "k: the game is (4k-1) x (4k-1)"
        case .tournament: return "nodes n: the game is n x C(n, k)"
        case .bnfType1, .bnfType2, .bnfType3, .bnfType4, .bnfType5, .weightedVoting, .bankruptcy: return "players"
        case .csgUniform, .csgNormal, .csgExponential, .csgBeta, .csgGamma, .csgNDCS, .csgAgentBasedUniform, .csgAgentBasedNormal,
             .csgModifiedUniform, .csgModifiedNormal:
            return "players"
        case .publicGoods, .volunteersDilemma, .minority, .chicken: return "players"
        case .nplayerRandom, .nplayerCovariance: return "strategies per player (with --players N)"
        case .minimumEffort: return "effort levels (with --players N)"
        case .cournot: return "quantity levels 0...size-1 (with --players N)"
        }
    }

    /// Generates the family's game for the parameters.
    /// - Throws: ``GeneratorError`` for parameters out of range or a generator not in this build.
    public func generate(_ p: GeneratorParameters) throws -> GeneratedGame {
        switch self {
        case .random:
            return .bimatrix(try BimatrixGenerators.uniformRandom(rows: p.size, columns: p.columns ?? p.size, payoffs: p.payoffs, seed: p.seed))
        case .zeroSum:
            return .bimatrix(try BimatrixGenerators.zeroSum(rows: p.size, columns: p.columns ?? p.size, payoffs: p.payoffs, seed: p.seed))
        case .covariance:
            return .bimatrix(try BimatrixGenerators.covariance(rows: p.size, columns: p.columns ?? p.size, correlation: p.correlation,
                                                               decimals: p.decimals, seed: p.seed))
        case .sandholmGilpinConitzer:
            return .bimatrix(try BimatrixGenerators.sandholmGilpinConitzer(k: p.size))
        case .tournament:
            return .bimatrix(try BimatrixGenerators.tournament(nodes: p.size, subsetSize: p.subsetSize, seed: p.seed))
        case .unitVector:
            return .bimatrix(try BimatrixGenerators.unitVector(size: p.size, avoidPureNash: p.avoidPureNash, decimals: p.decimals, seed: p.seed))
        case .ranking:
            return .bimatrix(try BimatrixGenerators.ranking(size: p.size, steps: p.steps, seed: p.seed))
        case .savaniVonStengel:
            do {
                return .bimatrix(try SavaniVonStengel(d: p.size).game())
            } catch let e as SavaniVonStengel.GeneratorError {
                throw GeneratorError.invalidParameter(e.description)
            }
        case .bnfType1, .bnfType2, .bnfType3, .bnfType4, .bnfType5:
            guard p.size >= 1 else { throw GeneratorError.invalidParameter("a TU game needs at least one player (got \(p.size))") }
            let type = Int(String(rawValue.last!))!
            do {
                return .coalitional(try TUGenerators.benedekFliegeNguyen(type: type, players: p.size, seed: p.seed))
            } catch let e as TUGameError {
                throw GeneratorError.invalidParameter(e.description)
            }
        case .weightedVoting:
            guard p.size >= 1 else { throw GeneratorError.invalidParameter("a TU game needs at least one player (got \(p.size))") }
            return .coalitionRule(TUGenerators.weightedVoting(players: p.size, seed: p.seed))
        case .bankruptcy:
            guard p.size >= 1 else { throw GeneratorError.invalidParameter("a TU game needs at least one player (got \(p.size))") }
            return .coalitionRule(TUGenerators.bankruptcy(players: p.size, seed: p.seed))
        case .csgUniform, .csgNormal, .csgExponential, .csgBeta, .csgGamma, .csgNDCS, .csgAgentBasedUniform, .csgAgentBasedNormal,
             .csgModifiedUniform, .csgModifiedNormal:
            guard p.size >= 1 else { throw GeneratorError.invalidParameter("a TU game needs at least one player (got \(p.size))") }
            do {
                return .coalitional(try coalitionValueDistribution!.game(players: p.size, seed: p.seed))
            } catch let e as TUGameError {
                throw GeneratorError.invalidParameter(e.description)
            }
        case .nplayerRandom:
            return .strategic(try NPlayerGenerators.uniformRandom(players: p.players, strategies: p.size, payoffs: p.payoffs, seed: p.seed))
        case .nplayerCovariance:
            return .strategic(try NPlayerGenerators.covariance(players: p.players, strategies: p.size, correlation: p.correlation,
                                                               decimals: p.decimals, seed: p.seed))
        case .publicGoods: return .strategic(try NPlayerGenerators.publicGoods(players: p.size, multiplier: p.multiplier))
        case .volunteersDilemma: return .strategic(try NPlayerGenerators.volunteersDilemma(players: p.size))
        case .minimumEffort: return .strategic(try NPlayerGenerators.minimumEffort(players: p.players, levels: p.size))
        case .minority: return .strategic(try NPlayerGenerators.minority(players: p.size))
        case .chicken: return .strategic(try NPlayerGenerators.chicken(players: p.size))
        case .cournot: return .strategic(try NPlayerGenerators.cournot(players: p.players, levels: p.size))
        }
    }

    /// True when the family ignores the seed (its game depends on the size only).
    public var isDeterministic: Bool {
        switch self {
        case .sandholmGilpinConitzer, .savaniVonStengel, .bnfType5, .publicGoods, .volunteersDilemma, .minimumEffort, .minority, .chicken, .cournot:
            return true
        default:
            return false
        }
    }
}
