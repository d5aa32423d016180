import CoalitionGames
import CoreSolutions
import ExactArithmetic

/// How the worth of each coalition of a structure is divided, and whether the structure is stable.
///
/// Sources: R. J. Aumann & J. H. Drèze, "Cooperative games with coalition structures",
/// International Journal of Game Theory 3 (1974) 217–237: the Aumann–Drèze value gives each
/// player her Shapley value in the subgame (C, v|C) of her coalition C; the coalition-structure
/// core of 𝒫 is {x : x(C) = v(C) for C ∈ 𝒫, x(S) ≥ v(S) for all S}. It is non-empty only for
/// an optimal 𝒫, and then it equals the core of the game v′ with v′(N) = Σ_{C∈𝒫} v(C) and
/// v′(S) = v(S) otherwise (x(C) ≥ v(C) for each part and x(N) = Σ v(C) force x(C) = v(C)),
/// which is how it is decided here, by the existing exact least-core solver. The nucleolus of
/// each subgame (Schmeidler 1969) comes from ``SequentialNucleolus``.
public struct StructureAllocation: Sendable {
    /// The Aumann–Drèze value, one exact entry per player of the game.
    public let aumannDreze: [Rational]
    /// The nucleolus of each coalition's subgame, one entry per player; nil when a coalition has
    /// more than the nucleolus limit of players, or (possible only for a structure that is not
    /// optimal) a coalition worth less than its members alone, whose subgame has no imputation.
    public let nucleolus: [Rational]?
    /// Whether the coalition-structure core is non-empty; nil when not decided (more players
    /// than the core limit, or a structure not proven optimal).
    public let inCoalitionStructureCore: Bool?
    /// A point of the coalition-structure core (the prenucleolus of v′) when it is non-empty.
    public let corePoint: [Rational]?
    /// The least-core value ε* of v′ (≤ 0 exactly when the CS-core is non-empty).
    public let leastCoreValue: Rational?
}

extension TUGame {
    /// The subgame on `coalition`'s players (in increasing order), with the same denominator.
    /// - Complexity: O(2^|coalition|).
    public func subgame(_ coalition: Int) -> TUGame {
        let members = TUGame.members(coalition)
        let k = members.count
        var table = [Int](repeating: 0, count: 1 << k)
        // masks[t]: the coalition of t = that of t without its lowest bit, plus that member.
        var masks = [Int](repeating: 0, count: 1 << k)
        for t in 1..<(1 << k) {
            let low = t.trailingZeroBitCount
            masks[t] = masks[t & (t - 1)] | (1 << members[low])
            table[t] = numerators[masks[t]]
        }
        return try! TUGame(playerNames: members.map { playerNames[$0] }, numerators: table, denominator: denominator, isCostGame: isCostGame)
    }

    /// The Aumann–Drèze value, the nucleolus per coalition and the coalition-structure core of
    /// `coalitions` (a partition of the players; see ``StructureAllocation``).
    /// - Parameters:
    ///   - optimal: whether the structure is proven optimal (the CS-core is decided only then).
    ///   - nucleolusLimit: largest coalition whose subgame nucleolus is computed.
    ///   - coreLimit: largest n for which the CS-core is decided (an LP over 2^n coalitions).
    /// - Complexity: Σ_C O(|C|·2^|C|) for the value; the nucleolus and the core are LP sequences
    ///   over 2^|C| and 2^n constraints.
    public func structureAllocation(_ coalitions: [Int], optimal: Bool, nucleolusLimit: Int = 12,
                                    coreLimit: Int = 14) throws -> StructureAllocation {
        let n = playerCount
        var ad = [Rational](repeating: .zero, count: n)
        var nuc: [Rational]? = [Rational](repeating: .zero, count: n)
        for c in coalitions {
            let sub = subgame(c)
            let members = TUGame.members(c)
            for (i, x) in zip(members, sub.shapleyValue(jobs: 1)) { ad[i] = x }
            if members.count > nucleolusLimit { nuc = nil; continue }
            if nuc != nil {
                do {
                    let r = try SequentialNucleolus.nucleolus(sub)
                    for (i, x) in zip(members, r.allocation) { nuc![i] = x }
                } catch CoreSolutionError.emptyImputationSet, CoreSolutionError.emptyCostImputationSet {
                    nuc = nil   // only for a structure that is not optimal (splitting C into singletons is better)
                }
            }
        }
        var inCore: Bool?, point: [Rational]?, epsilon: Rational?
        if optimal && n <= coreLimit {
            var table = numerators
            var total = 0
            for c in coalitions { total += numerators[c] }
            table[grandCoalition] = total
            if let v = try? TUGame(playerNames: playerNames, numerators: table, denominator: denominator, isCostGame: isCostGame) {
                let lc = try v.leastCore()
                inCore = lc.coreNonEmpty
                epsilon = lc.value
                point = lc.coreNonEmpty ? lc.point : nil
            }
        }
        return StructureAllocation(aumannDreze: ad, nucleolus: nuc, inCoalitionStructureCore: inCore, corePoint: point, leastCoreValue: epsilon)
    }
}
