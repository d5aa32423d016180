import ExactArithmetic

/// A transferable-utility (TU) game in characteristic-function form, stored as a dense table.
///
/// Coalition `S` is the bitmask `Σ 2^i` over its players `i` (0-based), so the table has `2^n`
/// entries with `v(∅) = 0` at index 0 and `v(N)` at index `2^n − 1`.
///
/// **Storage (decision).** Every value is kept exactly as an integer numerator over one common
/// denominator: `v(S) = numerators[S] / denominator`. This costs 8 bytes per coalition — the same
/// as a table of doubles, so the n = 25 table is 256 MB — while staying exact, and it lets the
/// O(n·2^n) algorithms run in integer arithmetic. Values whose common-denominator form does not
/// fit in 62 bits are refused with ``TUGameError/valuesTooLarge(_:)``.
/// Tables above ``maximumTablePlayers`` players are refused *before* anything is allocated;
/// rule-given games (``CoalitionRule``) of any size are handled by sampling and by the
/// pseudo-polynomial voting-power algorithm instead.
///
/// **Cost games.** A game may be a *cost* game c (``isCostGame``; e.g. the airport game), where
/// c(S) is what coalition S would pay alone. Its solutions are defined with the inequalities
/// reversed: the core is {x : x(N) = c(N), x(S) ≤ c(S)}, the excess of S at x is x(S) − c(S),
/// imputations have xᵢ ≤ c({i}). Each equals the negated solution of the profit game −c
/// (``profitForm``), which is how the solvers compute them. Linear values (Shapley, Banzhaf) need
/// no change: they are cost shares of c directly.
public struct TUGame: Sendable, Equatable {
    /// The largest table GameSolve allocates (2^25 entries, 256 MB).
    public static let maximumTablePlayers = 25

    /// Player names, in player order (player `i` is bit `i`).
    public let playerNames: [String]
    /// `numerators[S] = v(S) · denominator`; `numerators[0] == 0`.
    public let numerators: [Int]
    /// The common positive denominator of all values.
    public let denominator: Int
    /// True when v(S) is a cost to be shared (see the type's documentation), false for a profit
    /// (worth) to be divided.
    public let isCostGame: Bool

    /// Number of players n.
    @inlinable public var playerCount: Int { playerNames.count }
    /// The grand coalition N as a bitmask.
    @inlinable public var grandCoalition: Int { (1 << playerNames.count) - 1 }

    /// Default names "1", "2", ... n.
    public static func defaultNames(_ n: Int) -> [String] { (1...max(n, 1)).prefix(n).map { String($0) } }

    /// Checks that an `n`-player table may be allocated.
    /// - Throws: ``TUGameError/tooManyPlayers(_:)`` (with a pointer to sampling) when `n` is above
    ///   ``maximumTablePlayers``; ``TUGameError/noPlayers`` when `n < 1`.
    public static func checkTableSize(_ n: Int) throws {
        guard n >= 1 else { throw TUGameError.noPlayers }
        guard n <= maximumTablePlayers else { throw TUGameError.tooManyPlayers(n) }
    }

    /// A game from exact values of the non-empty coalitions `1 ..< 2^n` in bitmask order.
    /// - Throws: ``TUGameError`` when the count is not `2^n − 1` or the values are too large.
    /// - Complexity: O(2^n) (plus one lcm per distinct denominator).
    public init(playerNames: [String], values: [Rational], isCostGame: Bool = false) throws {
        let n = playerNames.count
        try Self.checkTableSize(n)
        let size = 1 << n
        guard values.count == size - 1 else { throw TUGameError.wrongValueCount(expected: size - 1, found: values.count, players: n) }
        var common = 1
        for v in values {
            guard let (_, d) = v.smallParts else { throw TUGameError.valuesTooLarge("\(v)") }
            if common % d != 0 {
                let g = greatestCommonDivisor(common, d)
                let (l, o) = (common / g).multipliedReportingOverflow(by: d)
                guard !o, l < (1 << 62) else { throw TUGameError.valuesTooLarge("the common denominator of the values") }
                common = l
            }
        }
        var table = [Int](repeating: 0, count: size)
        for (k, v) in values.enumerated() {
            let (num, d) = v.smallParts!
            let (scaled, o) = num.multipliedReportingOverflow(by: common / d)
            guard !o, scaled.magnitude < (1 << 62) else { throw TUGameError.valuesTooLarge("\(v)") }
            table[k + 1] = scaled
        }
        self.playerNames = playerNames
        self.numerators = table
        self.denominator = common
        self.isCostGame = isCostGame
    }

    /// A game with default player names from bitmask-ordered values of coalitions `1 ..< 2^n`.
    public init(playerCount: Int, values: [Rational], isCostGame: Bool = false) throws {
        try self.init(playerNames: Self.defaultNames(playerCount), values: values, isCostGame: isCostGame)
    }

    /// A game from a full integer table (index 0 must be 0) over a common denominator.
    /// - Throws: ``TUGameError`` on a wrong size, `v(∅) ≠ 0`, a non-positive denominator or
    ///   entries of 2^62 or more in magnitude.
    public init(playerNames: [String], numerators: [Int], denominator: Int = 1, isCostGame: Bool = false) throws {
        let n = playerNames.count
        try Self.checkTableSize(n)
        guard numerators.count == 1 << n else {
            throw TUGameError.wrongValueCount(expected: (1 << n) - 1, found: numerators.count - 1, players: n)
        }
        guard numerators[0] == 0 else { throw TUGameError.nonZeroEmptyCoalition }
        guard denominator > 0 else { throw TUGameError.valuesTooLarge("denominator \(denominator)") }
        guard numerators.allSatisfy({ $0.magnitude < (1 << 62) }) else { throw TUGameError.valuesTooLarge("a table entry") }
        // Reduce the common denominator.
        var g = denominator
        for x in numerators where g != 1 { g = greatestCommonDivisor(g, x) }
        self.playerNames = playerNames
        self.numerators = g == 1 ? numerators : numerators.map { $0 / g }
        self.denominator = denominator / g
        self.isCostGame = isCostGame
    }

    /// A table already checked and reduced (the readers build their tables in this form).
    init(unchecked playerNames: [String], numerators: [Int], denominator: Int, isCostGame: Bool) {
        self.playerNames = playerNames
        self.numerators = numerators
        self.denominator = denominator
        self.isCostGame = isCostGame
    }

    /// The profit game whose solutions are this game's, negated: −c for a cost game c (its core,
    /// least core, (pre)nucleolus are the negatives of those of −c, and the excesses
    /// x(S) − c(S) = (−c)(S) − (−x)(S) coincide); the game itself for a profit game.
    /// - Complexity: O(2^n) for a cost game, O(1) otherwise.
    public var profitForm: TUGame {
        guard isCostGame else { return self }
        return TUGame(unchecked: playerNames, numerators: numerators.map { -$0 }, denominator: denominator, isCostGame: false)
    }

    /// The same table read as a cost game (`true`) or a profit game (`false`).
    public func withCostGame(_ isCost: Bool) -> TUGame {
        TUGame(unchecked: playerNames, numerators: numerators, denominator: denominator, isCostGame: isCost)
    }

    /// v(S), exactly.
    @inlinable public func value(_ coalition: Int) -> Rational {
        Rational(numerators[coalition], denominator)
    }

    /// v(S) as the nearest double.
    @inlinable public func doubleValue(_ coalition: Int) -> Double {
        Double(numerators[coalition]) / Double(denominator)
    }

    /// The values of the non-empty coalitions in bitmask order (2^n − 1 of them).
    public var values: [Rational] { (1..<numerators.count).map(value) }

    /// The player indices in `coalition`, ascending.
    public static func members(_ coalition: Int) -> [Int] {
        var out: [Int] = [], m = coalition
        while m != 0 { out.append(m.trailingZeroBitCount); m &= m - 1 }
        return out
    }

    /// Sum of `x` over the players of `coalition`.
    public static func sum(_ x: [Rational], over coalition: Int) -> Rational {
        var s = Rational.zero, m = coalition
        while m != 0 { s += x[m.trailingZeroBitCount]; m &= m - 1 }
        return s
    }
}

/// A malformed or too large TU game.
public enum TUGameError: Error, Equatable, CustomStringConvertible {
    case noPlayers
    case tooManyPlayers(Int)
    /// A rule-given game with more than ``CoalitionRule/maximumPlayers`` players.
    case tooManyRulePlayers(Int)
    case wrongValueCount(expected: Int, found: Int, players: Int)
    case nonZeroEmptyCoalition
    case valuesTooLarge(String)
    case invalidRule(String)
    /// A format cannot hold the values exactly (e.g. 1/3 in an npy array); never rounded.
    case notRepresentable(String)

    /// True for sizes beyond a stated limit (rather than a malformed game).
    public var exceedsLimit: Bool {
        switch self {
        case .tooManyPlayers, .tooManyRulePlayers: return true
        default: return false
        }
    }

    /// The methods that work without a table, as ``tooManyPlayers(_:)`` names them (a
    /// command-line tool may name its options instead).
    public static let largeGameMethods = "sampling (ValueSampler) or voting power (CoalitionRule.votingPower())"

    public var description: String {
        switch self {
        case .noPlayers: return "a game needs at least one player"
        case .tooManyPlayers(let n):
            return "a table of 2^\(n) coalition values is too large (the limit is \(TUGame.maximumTablePlayers) players, 2^25 values, 256 MB); "
                + "for larger games give the game by its rule (weighted voting, bankruptcy, ...) and use \(Self.largeGameMethods)"
        case .tooManyRulePlayers(let n):
            return "a rule-given game with \(n) players is beyond the limit of \(CoalitionRule.maximumPlayers) players (every solver needs at least O(n) memory per coalition or permutation)"
        case .wrongValueCount(let e, let f, let n): return "expected 2^n − 1 = \(e) values for n = \(n) players, found \(f)"
        case .nonZeroEmptyCoalition: return "the empty coalition must have value 0"
        case .valuesTooLarge(let what): return "\(what) is too large for the exact table (numerators over a common denominator must stay below 2^62)"
        case .invalidRule(let why): return "invalid game rule: \(why)"
        case .notRepresentable(let why): return why
        }
    }
}
