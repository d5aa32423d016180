import Equilibria
import ExactArithmetic
import SolverSupport
import StrategicGames
import Synchronization

/// A round-robin tournament (Axelrod 1980, "Effective choice in the prisoner's dilemma", Journal of
/// Conflict Resolution 24): every pair of strategies plays, each strategy also meets its own twin,
/// and strategies are ranked by their mean score per turn over all their matches.
///
/// The schedule is the unordered pairs (i, j), i ≤ j, in order, each repeated `repetitions` times;
/// match k of the schedule (pair ⌊k / repetitions⌋) draws its randomness from
/// ``MatchSettings/matchSeed(_:)``, so the results are the same for every number of threads.
/// The matches run in parallel on `limits.jobs` threads (all cores by default), each thread
/// summing outcome counts per pair; memory is O(pairs · threads), independent of turns and
/// repetitions.
///
/// - Complexity: O(n² · repetitions · turns) time for n strategies (expected turns 1/(1 − w) with
///   a continuation probability); O(n² · threads) memory.
public struct Tournament: Sendable {
    public let strategies: [Strategy]
    public let stage: SymmetricStageGame
    public let settings: MatchSettings

    public init(strategies: [Strategy], stage: SymmetricStageGame, settings: MatchSettings) throws(RepeatedGameError) {
        guard !strategies.isEmpty else { throw .badStrategy("a tournament needs at least one strategy") }
        for s in strategies where (s.machine?.actionCount ?? 2) != stage.actionCount {
            throw .stageGame("strategy '\(s.name)' is for a stage game with \(s.machine?.actionCount ?? 2) actions, this one has \(stage.actionCount)")
        }
        try settings.validate()
        self.strategies = strategies
        self.stage = stage
        self.settings = settings
    }

    /// The unordered pairs (i, j), i ≤ j, in schedule order.
    public var pairs: [(Int, Int)] {
        var out: [(Int, Int)] = []
        for i in strategies.indices { for j in i..<strategies.count { out.append((i, j)) } }
        return out
    }

    /// Plays the whole schedule (stops early at `limits.timeout` or on `limits.cancellation`,
    /// reporting how many repetitions of each pair were played). `schedule`, when given, plays
    /// only the matches k in that range of the schedule (one shard's block, see ``runShard(_:limits:)``).
    public func run(limits: SolverLimits = .none, schedule: Range<Int>? = nil) -> TournamentResult {
        let pairs = self.pairs
        let reps = settings.repetitions
        let range = schedule ?? 0..<(pairs.count * reps)
        let total = range.count
        let compiled = strategies.map { CompiledStrategy($0) }
        let prepared = Match.PreparedSettings(settings)
        let settings = self.settings
        let jobs = max(1, min(limits.jobs ?? Machine.processorCount, total))
        let start = ContinuousClock.now
        let deadline = limits.deadline(from: start)
        let progress = limits.progress
        // Chunks small enough to balance two threads, large enough to amortise the atomic.
        let chunk = max(1, min(256, total / (jobs * 64)))
        let nextTask = Atomic<Int>(range.lowerBound)
        let finished = Atomic<Int>(0)
        let stopped = Atomic<Bool>(false)
        let lastReport = Atomic<Int>(0)
        let shares = Mutex<[([MatchOutcomes], [Int])]>([])
        runOnThreads(jobs) { _ in
            var outcomes = [MatchOutcomes](repeating: MatchOutcomes(actions: stage.actionCount), count: pairs.count)
            var played = [Int](repeating: 0, count: pairs.count)
            while !stopped.load(ordering: .relaxed) {
                let first = nextTask.add(chunk, ordering: .relaxed).oldValue
                if first >= range.upperBound { break }
                for k in first..<min(first + chunk, range.upperBound) {
                    let p = k / reps
                    let (i, j) = pairs[p]
                    outcomes[p] += Match.play(compiled[i], compiled[j], settings: prepared, seed: settings.matchSeed(k))
                    played[p] += 1
                }
                let done = finished.add(min(chunk, range.upperBound - first), ordering: .relaxed).newValue
                if limits.isCancelled { stopped.store(true, ordering: .relaxed) }
                if deadline != nil || progress != nil {
                    let now = ContinuousClock.now
                    if let d = deadline, now >= d { stopped.store(true, ordering: .relaxed) }
                    if let report = progress {
                        let ms = Int((now - start) / .milliseconds(1))
                        let last = lastReport.load(ordering: .relaxed)
                        if ms - last >= 250, lastReport.compareExchange(expected: last, desired: ms, ordering: .relaxed).exchanged {
                            report(ProgressSnapshot(done: done, total: total, unit: "matches", results: 0, elapsed: now - start))
                        }
                    }
                }
            }
            shares.withLock { $0.append((outcomes, played)) }
        }
        var outcomes = [MatchOutcomes](repeating: MatchOutcomes(actions: stage.actionCount), count: pairs.count)
        var played = [Int](repeating: 0, count: pairs.count)
        for (o, n) in shares.withLock({ $0 }) {
            for p in pairs.indices { outcomes[p] += o[p]; played[p] += n[p] }
        }
        let matches = pairs.indices.map { p in
            TournamentResult.PairResult(players: [pairs[p].0, pairs[p].1], outcomes: outcomes[p], repetitions: played[p])
        }
        let complete = played.reduce(0, +) == total
        return TournamentResult(strategies: strategies, stage: stage, settings: settings, matches: matches,
                                stopReason: complete ? .completed : limits.isCancelled ? .interrupted : .timeout)
    }
}

/// The outcome of a ``Tournament``.
public struct TournamentResult: Sendable {
    /// One pair of the round robin, summed over its repetitions.
    public struct PairResult: Sendable, Hashable {
        /// Strategy indices, first ≤ second (equal for self-play).
        public let players: [Int]
        /// Outcome counts over all repetitions, from the first player's point of view.
        public let outcomes: MatchOutcomes
        /// Repetitions played (fewer than asked when stopped by a timeout).
        public let repetitions: Int
    }

    /// A strategy's place in the ranking.
    public struct Standing: Sendable, Hashable {
        public let strategy: Int
        /// Total score over all its matches (both sides of its self-play match count).
        public let score: Rational
        /// Turns it played (self-play counted twice, once per side).
        public let turns: Int
        /// score / turns (zero when it played no turn).
        public var meanScorePerTurn: Rational { turns == 0 ? .zero : score / Rational(turns) }
    }

    public let strategies: [Strategy]
    public let stage: SymmetricStageGame
    public let settings: MatchSettings
    public let matches: [PairResult]
    public let stopReason: StopReason

    /// Strategies by mean score per turn, best first (ties keep the input order).
    public var ranking: [Standing] {
        var score = [Rational](repeating: .zero, count: strategies.count)
        var turns = [Int](repeating: 0, count: strategies.count)
        for m in matches {
            let s = m.outcomes.scores(stage)
            let (i, j) = (m.players[0], m.players[1])
            score[i] += s[0]; turns[i] += m.outcomes.turns
            score[j] += s[1]; turns[j] += m.outcomes.turns
        }
        let standings = strategies.indices.map { Standing(strategy: $0, score: score[$0], turns: turns[$0]) }
        return standings.enumerated().sorted { a, b in
            let (x, y) = (a.element.meanScorePerTurn, b.element.meanScorePerTurn)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// `matrix[i][j]`: strategy i's mean payoff per turn against strategy j (for self-play, the
    /// mean of both sides), exactly. The payoff matrix of Axelrod's ecological tournament.
    public var meanPayoffMatrix: [[Rational]] {
        let n = strategies.count
        var m = [[Rational]](repeating: [Rational](repeating: .zero, count: n), count: n)
        for r in matches where r.outcomes.turns > 0 {
            let s = r.outcomes.scores(stage)
            let t = Rational(r.outcomes.turns)
            let (i, j) = (r.players[0], r.players[1])
            if i == j {
                m[i][i] = (s[0] + s[1]) / (2 * t)
            } else {
                m[i][j] = s[0] / t
                m[j][i] = s[1] / t
            }
        }
        return m
    }

    /// The tournament as a symmetric two-player game: both players choose a strategy, and the
    /// payoffs are ``meanPayoffMatrix`` (row) and its transpose (column).
    public var symmetricGame: NormalFormGame {
        let m = meanPayoffMatrix
        let names = strategies.map(\.name)
        let n = names.count
        let column = (0..<n).map { i in (0..<n).map { j in m[j][i] } }
        let b = try! BimatrixGame(rowPayoffs: m, columnPayoffs: column)
        return try! NormalFormGame(title: "Tournament mean payoffs per turn", comment: "",
                                   players: [Player(name: "1", strategies: names), Player(name: "2", strategies: names)],
                                   payoffs: b.normalForm.payoffs)
    }
}
