import ExactArithmetic

/// A player of a strategic-form game: a name and the names of its pure strategies.
public struct Player: Sendable, Hashable, Codable {
    /// The player's name ("Player 1" when a file gives none).
    public let name: String
    /// One name per pure strategy (`"1"`, `"2"`, ... when a file gives none).
    public let strategies: [String]

    public init(name: String, strategies: [String]) {
        self.name = name
        self.strategies = strategies
    }
}

/// Why a game could not be constructed.
public enum GameModelError: Error, Equatable, CustomStringConvertible {
    case noPlayers
    case noStrategies(player: Int)
    case payoffCount(expected: Int, found: Int)
    case raggedMatrix(String)
    case tooLarge(profiles: String)

    public var description: String {
        switch self {
        case .noPlayers: return "a game needs at least one player"
        case .noStrategies(let p): return "strategy count must be positive (player \(p + 1) has none)"
        case .payoffCount(let e, let f): return "expected \(e) payoffs, found \(f)"
        case .raggedMatrix(let what): return what
        case .tooLarge(let p): return "the game has \(p) pure-strategy profiles, more than GameSolve will store (2^31)"
        }
    }
}

/// An N-player game in strategic (normal) form with exact rational payoffs.
///
/// Pure-strategy profiles are indexed as in Gambit's `.nfg` format: player 1's strategy varies
/// fastest, so the 0-based profile (s1, ..., sN) sits at s1 + n1·(s2 + n2·(s3 + ...)).
/// The game is immutable and validated at construction.
public struct NormalFormGame: Sendable, Hashable {
    /// A title (Gambit's first quoted string); may be empty.
    public let title: String
    /// A free-text comment; may be empty.
    public let comment: String
    /// The players, in order.
    public let players: [Player]
    /// `payoffs[i][k]` is player i's payoff at the profile with index k.
    public let payoffs: [[Rational]]

    /// Number of pure strategies of each player.
    public var strategyCounts: [Int] { players.map { $0.strategies.count } }
    /// Number of players.
    public var playerCount: Int { players.count }
    /// Number of pure-strategy profiles (the product of the strategy counts).
    public var profileCount: Int { payoffs.first?.count ?? 0 }

    /// Creates a game, checking that every player has a strategy and that each player's payoff
    /// list has one entry per pure profile (player 1's strategy varying fastest).
    public init(title: String = "", comment: String = "", players: [Player], payoffs: [[Rational]]) throws {
        guard !players.isEmpty else { throw GameModelError.noPlayers }
        var count = 1
        for (i, p) in players.enumerated() {
            guard !p.strategies.isEmpty else { throw GameModelError.noStrategies(player: i) }
            let (c, o) = count.multipliedReportingOverflow(by: p.strategies.count)
            guard !o, c <= Int(Int32.max) else {
                throw GameModelError.tooLarge(profiles: players.map { "\($0.strategies.count)" }.joined(separator: "x"))
            }
            count = c
        }
        guard payoffs.count == players.count else {
            throw GameModelError.payoffCount(expected: players.count * count, found: payoffs.reduce(0) { $0 + $1.count })
        }
        for list in payoffs where list.count != count {
            throw GameModelError.payoffCount(expected: count, found: list.count)
        }
        self.title = title
        self.comment = comment
        self.players = players
        self.payoffs = payoffs
    }

    /// Default player and strategy names for the given strategy counts.
    public static func defaultPlayers(strategyCounts: [Int]) -> [Player] {
        strategyCounts.enumerated().map { i, n in
            Player(name: "Player \(i + 1)", strategies: (0..<n).map { "\($0 + 1)" })
        }
    }

    /// The index of a pure profile (0-based strategies, player 1 fastest).
    @inlinable public func profileIndex(_ profile: [Int]) -> Int {
        var index = 0
        for i in stride(from: profile.count - 1, through: 0, by: -1) {
            index = index * players[i].strategies.count + profile[i]
        }
        return index
    }

    /// The pure profile with the given index.
    public func profile(at index: Int) -> [Int] {
        var rest = index
        return players.map { p in
            let s = rest % p.strategies.count
            rest /= p.strategies.count
            return s
        }
    }

    /// Player `player`'s payoff at a pure profile.
    public func payoff(player: Int, at profile: [Int]) -> Rational {
        payoffs[player][profileIndex(profile)]
    }

    /// The sum of all players' payoffs when it is the same at every profile (a constant-sum
    /// game; zero-sum when the constant is 0), else nil.
    public var constantSum: Rational? {
        guard profileCount > 0 else { return nil }
        func total(_ k: Int) -> Rational { payoffs.reduce(Rational.zero) { $0 + $1[k] } }
        let c = total(0)
        for k in 1..<profileCount where total(k) != c { return nil }
        return c
    }

    /// True when payoffs sum to zero at every profile.
    public var isZeroSum: Bool { constantSum == .zero }

    /// The two-player view, or nil when the game does not have exactly two players.
    public var bimatrix: BimatrixGame? {
        guard players.count == 2 else { return nil }
        let m = players[0].strategies.count, n = players[1].strategies.count
        var a = [Rational](), b = [Rational]()
        a.reserveCapacity(m * n); b.reserveCapacity(m * n)
        for i in 0..<m { for j in 0..<n { a.append(payoffs[0][i + m * j]); b.append(payoffs[1][i + m * j]) } }
        return try? BimatrixGame(title: title, comment: comment, players: players,
                                 rowPayoffs: Matrix(rows: m, columns: n, storage: a),
                                 columnPayoffs: Matrix(rows: m, columns: n, storage: b))
    }

    /// The game restricted to the given strategies of each player (indices into the original,
    /// each list non-empty and increasing).
    public func restricted(to kept: [[Int]]) -> NormalFormGame {
        precondition(kept.count == players.count && kept.allSatisfy { !$0.isEmpty })
        let newPlayers = zip(players, kept).map { p, k in Player(name: p.name, strategies: k.map { p.strategies[$0] }) }
        let newCounts = kept.map(\.count)
        var total = 1
        for c in newCounts { total *= c }
        var newPayoffs = [[Rational]](repeating: [], count: players.count)
        for i in newPayoffs.indices { newPayoffs[i].reserveCapacity(total) }
        var sub = [Int](repeating: 0, count: players.count)
        for _ in 0..<total {
            let original = profileIndex(zip(sub, kept).map { s, k in k[s] })
            for i in 0..<players.count { newPayoffs[i].append(payoffs[i][original]) }
            for i in 0..<sub.count {
                sub[i] += 1
                if sub[i] < newCounts[i] { break }
                sub[i] = 0
            }
        }
        // Restriction of a valid game is valid.
        return try! NormalFormGame(title: title, comment: comment, players: newPlayers, payoffs: newPayoffs)
    }
}
