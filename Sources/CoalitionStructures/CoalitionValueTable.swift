import BigInt
import CoalitionGames
import ExactArithmetic

/// The coalition values a coalition-structure search reads: one 64-bit integer numerator per
/// coalition over one common denominator, indexed by bitmask (`v(∅) = 0` at index 0).
///
/// This is the compact table of `gamesolve partition`: 8 bytes per coalition, so 2^25 values
/// take 256 MB and 2^28 take 2 GB. It shares the storage of a ``TUGame``'s table (no copy) and
/// can also be built directly from numerators, without ``TUGame``'s 25-player table limit.
/// A cost game is searched as its profit form −c (the cheapest structure is the one of largest
/// −c); ``isCostGame`` tells the renderer to negate the reported value back.
public struct CoalitionValueTable: Sendable {
    /// Player names, player `i` is bit `i`.
    public let playerNames: [String]
    /// `numerators[S] = w(S) · denominator` where w is the value maximised (v, or −c for a cost game).
    public let numerators: [Int]
    /// The common positive denominator.
    public let denominator: Int
    /// True when the source game was a cost game (values were negated for the search).
    public let isCostGame: Bool

    /// The largest number of players this type accepts (2^30 values, 8 GB).
    public static let maximumPlayers = 30

    /// Number of players.
    @inlinable public var playerCount: Int { playerNames.count }
    /// The grand coalition's bitmask.
    @inlinable public var grandCoalition: Int { (1 << playerNames.count) - 1 }

    /// The table of a TU game (its profit form for a cost game).
    /// - Complexity: O(1) for a profit game (the table is shared), O(2^n) for a cost game.
    public init(_ game: TUGame) {
        let profit = game.profitForm
        playerNames = game.playerNames
        numerators = profit.numerators
        denominator = profit.denominator
        isCostGame = game.isCostGame
    }

    /// A table from numerators (index 0 must be 0) over a positive denominator.
    /// - Throws: ``TUGameError`` on a wrong length, a non-zero empty coalition, a non-positive
    ///   denominator or more than ``maximumPlayers`` players.
    public init(playerNames: [String], numerators: [Int], denominator: Int = 1) throws {
        let n = playerNames.count
        guard n >= 1 else { throw TUGameError.noPlayers }
        guard n <= Self.maximumPlayers else { throw TUGameError.tooManyPlayers(n) }
        guard numerators.count == 1 << n else {
            throw TUGameError.wrongValueCount(expected: (1 << n) - 1, found: numerators.count - 1, players: n)
        }
        guard numerators[0] == 0 else { throw TUGameError.nonZeroEmptyCoalition }
        guard denominator > 0 else { throw TUGameError.valuesTooLarge("denominator \(denominator)") }
        self.playerNames = playerNames
        self.numerators = numerators
        self.denominator = denominator
        self.isCostGame = false
    }

    /// w(S) exactly (the maximised value: −c(S) for a cost game).
    public func value(_ coalition: Int) -> Rational { Rational(numerators[coalition], denominator) }

    /// The exact value of a set of numerator sums over the denominator, in the user's sign
    /// (a cost for a cost game).
    func userValue(_ numeratorSum: Int128) -> Rational {
        let r = Rational(BigInt.fromInt128(numeratorSum), BigInt(denominator))
        return isCostGame ? -r : r
    }

    /// The largest |numerator|, for choosing the accumulator width.
    var maximumMagnitude: UInt {
        var m: UInt = 0
        for x in numerators { m = max(m, x.magnitude) }
        return m
    }

    /// True when every sum of at most n numerators fits in `Int64` (the fast path).
    /// - Complexity: O(2^n).
    public var sumsFitInt64: Bool {
        let (p, o) = maximumMagnitude.multipliedReportingOverflow(by: UInt(playerCount))
        return !o && p < UInt(Int64.max)
    }

    /// Bytes the dynamic programme needs besides this table: one accumulator per coalition.
    public func dynamicProgrammingBytes() -> Int { (1 << playerCount) * (sumsFitInt64 ? 8 : 16) }

    /// The values of the coalitions of a structure, summed exactly (user's sign).
    public func structureValue(_ coalitions: [Int]) -> Rational {
        var s: Int128 = 0
        for c in coalitions { s += Int128(numerators[c]) }
        return userValue(s)
    }
}
