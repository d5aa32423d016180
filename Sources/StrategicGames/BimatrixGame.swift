import ExactArithmetic

/// A two-player game given by the row player's payoff matrix A and the column player's B
/// (both m x n): at pure profile (i, j) the row player gets A[i, j] and the column player B[i, j].
public struct BimatrixGame: Sendable, Hashable {
    public let title: String
    public let comment: String
    /// The two players (row first).
    public let players: [Player]
    /// The row player's payoffs A.
    public let rowPayoffs: Matrix<Rational>
    /// The column player's payoffs B.
    public let columnPayoffs: Matrix<Rational>
    /// A and B as the nearest doubles, row-major (entry (i, j) at i·n + j), converted once when the
    /// game is made: floating-point solvers read these instead of converting the rationals on
    /// every call (which was about 40% of a short Lemke–Howson run on a 100x100 game). Derived
    /// data: not part of equality or hashing. Exact work must use `rowPayoffs`/`columnPayoffs`.
    public let rowPayoffDoubles: [Double]
    /// B as the nearest doubles, row-major (see ``rowPayoffDoubles``).
    public let columnPayoffDoubles: [Double]

    /// Number of row strategies m.
    public var rowCount: Int { rowPayoffs.rows }
    /// Number of column strategies n.
    public var columnCount: Int { rowPayoffs.columns }

    /// Creates a bimatrix game; both matrices must be non-empty and of the same shape.
    public init(title: String = "", comment: String = "", players: [Player]? = nil,
                rowPayoffs: Matrix<Rational>, columnPayoffs: Matrix<Rational>) throws {
        guard rowPayoffs.rows > 0 else { throw GameModelError.noStrategies(player: 0) }
        guard rowPayoffs.columns > 0 else { throw GameModelError.noStrategies(player: 1) }
        guard rowPayoffs.rows == columnPayoffs.rows, rowPayoffs.columns == columnPayoffs.columns else {
            throw GameModelError.raggedMatrix("the row player's matrix is \(rowPayoffs.rows)x\(rowPayoffs.columns) but the column player's is \(columnPayoffs.rows)x\(columnPayoffs.columns)")
        }
        let ps = players ?? NormalFormGame.defaultPlayers(strategyCounts: [rowPayoffs.rows, rowPayoffs.columns])
        guard ps.count == 2, ps[0].strategies.count == rowPayoffs.rows, ps[1].strategies.count == rowPayoffs.columns else {
            throw GameModelError.raggedMatrix("strategy names do not match the matrix shape")
        }
        self.title = title
        self.comment = comment
        self.players = ps
        self.rowPayoffs = rowPayoffs
        self.columnPayoffs = columnPayoffs
        rowPayoffDoubles = Self.doubles(rowPayoffs)
        columnPayoffDoubles = Self.doubles(columnPayoffs)
    }

    /// The entries of `m` as the nearest doubles (the Int fast path of `Rational` inline; one
    /// allocation, no intermediate arrays).
    /// - Complexity: O(m·n).
    static func doubles(_ m: Matrix<Rational>) -> [Double] {
        m.storage.withUnsafeBufferPointer { src in
            [Double](unsafeUninitializedCapacity: src.count) { buffer, count in
                for k in 0..<src.count {
                    if let (p, q) = src[k].smallParts {
                        buffer[k] = q == 1 ? Double(p) : Double(p) / Double(q)
                    } else {
                        buffer[k] = src[k].doubleValue
                    }
                }
                count = src.count
            }
        }
    }

    public static func == (lhs: BimatrixGame, rhs: BimatrixGame) -> Bool {
        lhs.title == rhs.title && lhs.comment == rhs.comment && lhs.players == rhs.players
            && lhs.rowPayoffs == rhs.rowPayoffs && lhs.columnPayoffs == rhs.columnPayoffs
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(comment)
        hasher.combine(players)
        hasher.combine(rowPayoffs)
        hasher.combine(columnPayoffs)
    }

    /// Convenience: payoffs as nested arrays.
    public init(rowPayoffs: [[Rational]], columnPayoffs: [[Rational]]) throws {
        guard !rowPayoffs.isEmpty, !rowPayoffs[0].isEmpty else { throw GameModelError.noStrategies(player: rowPayoffs.isEmpty ? 0 : 1) }
        for r in rowPayoffs + columnPayoffs where r.count != rowPayoffs[0].count {
            throw GameModelError.raggedMatrix("payoff rows have different lengths")
        }
        try self.init(rowPayoffs: Matrix(rowPayoffs), columnPayoffs: Matrix(columnPayoffs))
    }

    /// A zero-sum game from the row player's matrix (B = −A).
    public init(zeroSum a: [[Rational]]) throws {
        try self.init(rowPayoffs: a, columnPayoffs: a.map { $0.map { -$0 } })
    }

    /// The N-player view (player 1 = row player, strategies varying fastest).
    public var normalForm: NormalFormGame {
        let m = rowCount, n = columnCount
        // Profile (i, j) sits at i + m*j: column-major order of the matrices.
        var a = [Rational](), b = [Rational]()
        a.reserveCapacity(m * n); b.reserveCapacity(m * n)
        for j in 0..<n { for i in 0..<m { a.append(rowPayoffs[i, j]); b.append(columnPayoffs[i, j]) } }
        return try! NormalFormGame(title: title, comment: comment, players: players, payoffs: [a, b])
    }

    /// A + B is constant.
    public var constantSum: Rational? {
        let c = rowPayoffs.storage[0] + columnPayoffs.storage[0]
        for k in rowPayoffs.storage.indices where rowPayoffs.storage[k] + columnPayoffs.storage[k] != c { return nil }
        return c
    }

    /// B = −A.
    public var isZeroSum: Bool { constantSum == .zero }

    /// Row player's expected payoff of each pure strategy against the column mix y: A·y.
    public func rowPayoffs(against y: [Rational]) -> [Rational] {
        (0..<rowCount).map { i in
            var s = Rational.zero
            for j in 0..<columnCount where !y[j].isZero { s += rowPayoffs[i, j] * y[j] }
            return s
        }
    }

    /// Column player's expected payoff of each pure strategy against the row mix x: xᵀ·B.
    public func columnPayoffs(against x: [Rational]) -> [Rational] {
        (0..<columnCount).map { j in
            var s = Rational.zero
            for i in 0..<rowCount where !x[i].isZero { s += columnPayoffs[i, j] * x[i] }
            return s
        }
    }
}
