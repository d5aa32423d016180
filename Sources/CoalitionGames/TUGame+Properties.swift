import ExactArithmetic

/// Structural properties of a TU game, each decided exactly over the table.
///
/// Superadditivity, convexity and monotonicity are properties of the table as given; for a cost
/// game the natural ones are ``isSubadditive`` and ``isConcave`` (c is subadditive/concave iff the
/// profit game −c is superadditive/convex). ``isEssential`` and ``hasImputations`` follow the
/// game's kind (``TUGame/isCostGame``).
extension TUGame {
    /// Superadditive: v(S ∪ T) ≥ v(S) + v(T) for all disjoint S, T.
    /// - Complexity: O(3^n) (every pair of disjoint coalitions); returns false at the first failure.
    public var isSuperadditive: Bool {
        let full = grandCoalition
        for s in 1...full {
            // T ranges over the non-empty subsets of the complement of S with T > S (each pair once).
            let rest = full & ~s
            var t = rest
            while t > 0 {
                if t > s && numerators[s | t] < numerators[s] + numerators[t] { return false }
                t = (t - 1) & rest
            }
        }
        return true
    }

    /// Convex (supermodular): v(S ∪ {i}) − v(S) ≤ v(S ∪ {i, j}) − v(S ∪ {j}) for all S, i, j ∉ S
    /// (equivalent to supermodularity, Shapley 1971).
    /// - Complexity: O(n²·2^n).
    public var isConvex: Bool {
        let n = playerCount
        for s in 0...grandCoalition {
            for i in 0..<n where s & (1 << i) == 0 {
                for j in (i + 1)..<max(i + 1, n) where s & (1 << j) == 0 {
                    let si = s | 1 << i, sj = s | 1 << j, sij = si | 1 << j
                    if numerators[si] - numerators[s] > numerators[sij] - numerators[sj] { return false }
                }
            }
        }
        return true
    }

    /// Monotone: S ⊆ T implies v(S) ≤ v(T) (checked on single-player steps, which suffices).
    /// - Complexity: O(n·2^n).
    public var isMonotone: Bool {
        for s in 1...grandCoalition {
            var m = s
            while m != 0 {
                let low = m & -m
                if numerators[s ^ low] > numerators[s] { return false }
                m &= m - 1
            }
        }
        return true
    }

    /// Subadditive: v(S ∪ T) ≤ v(S) + v(T) for all disjoint S, T (cooperation saves costs).
    /// - Complexity: O(3^n), plus an O(2^n) negated copy of the table.
    public var isSubadditive: Bool { withCostGame(true).profitForm.isSuperadditive }

    /// Concave (submodular): v(S ∪ {i}) − v(S) ≥ v(S ∪ {i, j}) − v(S ∪ {j}) for all S, i, j ∉ S.
    /// A concave cost game has a non-empty core containing its Shapley value (Shapley 1971).
    /// - Complexity: O(n²·2^n), plus an O(2^n) negated copy of the table.
    public var isConcave: Bool { withCostGame(true).profitForm.isConvex }

    /// Essential: the imputation set is more than one point: v(N) > Σ v({i}) for a profit game,
    /// c(N) < Σ c({i}) for a cost game.
    public var isEssential: Bool {
        isCostGame ? Int128(numerators[grandCoalition]) < singletonSum : Int128(numerators[grandCoalition]) > singletonSum
    }

    /// Zero-normalised: v({i}) = 0 for every player.
    public var isZeroNormalized: Bool { (0..<playerCount).allSatisfy { numerators[1 << $0] == 0 } }

    /// The imputation set {x : x(N) = v(N), xᵢ ≥ v({i})} is non-empty: v(N) ≥ Σ v({i}). For a
    /// cost game it is {x : x(N) = c(N), xᵢ ≤ c({i})}, non-empty iff c(N) ≤ Σ c({i}).
    public var hasImputations: Bool {
        isCostGame ? Int128(numerators[grandCoalition]) <= singletonSum : Int128(numerators[grandCoalition]) >= singletonSum
    }

    /// Σ v({i}) · denominator, in 128 bits: n values below 2^62 cannot overflow it.
    var singletonSum: Int128 { (0..<playerCount).reduce(Int128(0)) { $0 + Int128(numerators[1 << $1]) } }
}
