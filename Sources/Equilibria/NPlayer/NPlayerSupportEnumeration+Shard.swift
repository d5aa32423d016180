import ExactArithmetic
import Sharding
import StrategicGames

/// What one shard of an ``NPlayerSupportEnumeration`` found: every certified root of its leaves
/// with the leaf's number in the search order, and its work counters.
public struct NPlayerSupportPart: Sendable {
    public struct Found: Sendable {
        /// The support profile's number in the sequential search order.
        public var leaf: Int
        public var equilibrium: CertifiedEquilibrium
        /// The floating-point root before polishing (the sequential search drops a root within
        /// `Tolerance.sameRoot` of an earlier one; the merge does the same).
        public var floating: [[Double]]
        public var support: String
        public init(leaf: Int, equilibrium: CertifiedEquilibrium, floating: [[Double]], support: String) {
            self.leaf = leaf; self.equilibrium = equilibrium; self.floating = floating; self.support = support
        }
    }
    public var found: [Found]
    /// `supportsExamined` (this shard's leaves), `newtonStarts`, `newtonSteps`, `rootsRejected`,
    /// `polynomialSupports`, `singularSupports` (summed by the merge) and `branchesPruned` (the
    /// whole tree's, which every shard walks: taken once).
    public var counters: [String: Int]
    public var stopReason: StopReason
    public init(found: [Found], counters: [String: Int], stopReason: StopReason) {
        self.found = found; self.counters = counters; self.stopReason = stopReason
    }
}

extension NPlayerSupportEnumeration {
    /// One shard of the N-player support enumeration.
    ///
    /// Split rule: every shard walks the same backtracking tree over support profiles (the
    /// conditional-dominance pruning is cheap next to Newton's method); the leaves — support
    /// profiles whose indifference system is solved — are numbered in the sequential search
    /// order, and leaf u is solved by shard u mod k + 1. Newton's starts are seeded by the
    /// support alone, so a leaf's roots do not depend on the shard.
    ///
    /// - Complexity: the tree walk (shared) plus 1/k of the leaves' Newton solves.
    public func solveShard(_ game: NormalFormGame, shard: Shard, limits: SolverLimits = .none) throws -> NPlayerSupportPart {
        let count = Self.supportProfileCount(game)
        if count > Double(maxSupportProfiles) && limits.timeout == nil && limits.maxResults == nil {
            throw NPlayerSolverError.tooManySupports(count: count < 1e18 ? String(Int(count)) : "\(count)", limit: maxSupportProfiles)
        }
        var search = Search(game: game, starts: newtonStarts, budget: RunBudget(limits, unit: "supports"))
        search.shard = shard
        search.run()
        let found = zip(search.found, search.foundLeaf).map { f, leaf in
            NPlayerSupportPart.Found(leaf: leaf, equilibrium: f.equilibrium, floating: f.floating, support: f.supportText)
        }
        return NPlayerSupportPart(found: found, counters: search.counters, stopReason: search.stop)
    }

    /// The unsharded result from the parts of all shards (in shard order): roots in leaf order,
    /// duplicates dropped as the sequential search drops them, every kept equilibrium certified
    /// again exactly on `game`; counters summed (`branchesPruned` taken once).
    /// - Throws: ``NPlayerSupportMergeError`` when a part's equilibrium does not certify.
    public static func merge(_ game: NormalFormGame, parts: [NPlayerSupportPart]) throws(NPlayerSupportMergeError) -> NashResult {
        var all: [(part: Int, position: Int, found: NPlayerSupportPart.Found)] = []
        for (p, part) in parts.enumerated() { all += part.found.enumerated().map { (p, $0.offset, $0.element) } }
        all.sort { ($0.found.leaf, $0.position) < ($1.found.leaf, $1.position) }  // a leaf's roots keep their order
        let certifier = RegretCertifier(game: game)
        var kept: [(CertifiedEquilibrium, [[Double]], String)] = []
        for (p, _, f) in all {
            if isDuplicate(f.floating, of: kept.map(\.1)) { continue }
            if kept.contains(where: { $0.0.equilibrium.strategies == f.equilibrium.equilibrium.strategies }) { continue }
            guard let again = certifier.certify(exact: f.equilibrium.equilibrium.strategies), again.maxRegret == f.equilibrium.maxRegret else {
                throw NPlayerSupportMergeError(part: p, message: "the profile of support \(f.support) does not certify with the regret the part states")
            }
            kept.append((again, f.floating, f.support))
        }
        var counters: [String: Int] = [:]
        var stop = StopReason.completed
        for part in parts {
            for (key, value) in part.counters where key != "branchesPruned" { counters[key, default: 0] += value }
            if part.stopReason != .completed { stop = part.stopReason }
        }
        counters["branchesPruned"] = parts.first?.counters["branchesPruned"] ?? 0
        return result(found: kept.map { ($0.0, $0.2) }, stop: stop, counters: counters)
    }

    /// True when `floating` is within `Tolerance.sameRoot` of one of `earlier`, entry by entry.
    static func isDuplicate(_ floating: [[Double]], of earlier: [[[Double]]]) -> Bool {
        earlier.contains { f in zip(f, floating).allSatisfy { zip($0, $1).allSatisfy { abs($0 - $1) <= Tolerance.sameRoot } } }
    }
}

/// A part whose content does not certify on its game.
public struct NPlayerSupportMergeError: Error, Sendable {
    public let part: Int
    public let message: String
}

extension CertifiedEquilibrium {
    /// A certified equilibrium as read back from a part file (certify again before trusting it).
    public init(stated equilibrium: Equilibrium, maxRegret: Rational) {
        self.init(equilibrium: equilibrium, maxRegret: maxRegret)
    }
}
