import ExactArithmetic
import Sharding
import StrategicGames

extension Tournament {
    /// One shard of the tournament.
    ///
    /// Split rule: the schedule's matches k = 0 ..< pairs·repetitions (pair ⌊k / repetitions⌋,
    /// randomness from ``MatchSettings/matchSeed(_:)`` of k, so a match's result depends on k
    /// only) are cut into k contiguous blocks; shard i plays block ``Shard/block(of:)``. Its
    /// result lists every pair with the repetitions it played of it (zero for pairs outside its
    /// block), and ``merge(_:)`` adds the outcome counts: the unsharded tournament, exactly.
    ///
    /// - Complexity: 1/k of the unsharded run's matches.
    public func runShard(_ shard: Shard, limits: SolverLimits = .none) -> TournamentResult {
        run(limits: limits, schedule: shard.block(of: pairs.count * settings.repetitions))
    }

    /// The parts' outcome counts and repetitions added pair by pair; the stop reason is the
    /// first part's that did not complete (else completed).
    /// - Precondition: the parts are results of this tournament (same strategies and settings).
    public func merge(_ parts: [TournamentResult]) -> TournamentResult {
        let pairs = self.pairs
        var outcomes = [MatchOutcomes](repeating: MatchOutcomes(), count: pairs.count)
        var played = [Int](repeating: 0, count: pairs.count)
        var stop = StopReason.completed
        for part in parts {
            for (p, m) in part.matches.enumerated() where p < pairs.count {
                outcomes[p] += m.outcomes
                played[p] += m.repetitions
            }
            if part.stopReason != .completed && stop == .completed { stop = part.stopReason }
        }
        if played.contains(where: { $0 != settings.repetitions }) && stop == .completed { stop = .timeout }
        let matches = pairs.indices.map { p in
            TournamentResult.PairResult(players: [pairs[p].0, pairs[p].1], outcomes: outcomes[p], repetitions: played[p])
        }
        return TournamentResult(strategies: strategies, stage: stage, settings: settings, matches: matches, stopReason: stop)
    }

    /// A shard's result as read back from a part file: per pair (schedule order) its outcome
    /// counts and repetitions played.
    public func shardResult(matches: [(outcomes: MatchOutcomes, repetitions: Int)], stopReason: StopReason) -> TournamentResult? {
        let pairs = self.pairs
        guard matches.count == pairs.count, matches.allSatisfy({ $0.repetitions >= 0 && $0.repetitions <= settings.repetitions }) else { return nil }
        return TournamentResult(strategies: strategies, stage: stage, settings: settings,
                                matches: pairs.indices.map { .init(players: [pairs[$0].0, pairs[$0].1], outcomes: matches[$0].outcomes, repetitions: matches[$0].repetitions) },
                                stopReason: stopReason)
    }
}
