import ExactArithmetic
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the matches of a tournament are played.
public struct MatchSettings: Sendable, Hashable {
    /// Fixed number of turns per match (used when `continuation` is nil).
    public var turns: Int
    /// Continuation probability w: after every turn the match goes on with probability w, so its
    /// length is geometric with mean 1/(1 − w), drawn from the match's seed. nil: fixed `turns`.
    public var continuation: Rational?
    /// Each move is flipped with this probability (after the strategy chose it; both players see
    /// the flipped move). With k > 2 actions a flipped move becomes one of the k − 1 others,
    /// uniformly.
    public var noise: Rational
    /// How many times each pair plays (each repetition with its own seed).
    public var repetitions: Int
    /// The tournament's seed; match k of the schedule uses the k-th output of SplitMix64(seed).
    public var seed: UInt64

    public init(turns: Int = 200, continuation: Rational? = nil, noise: Rational = .zero, repetitions: Int = 1, seed: UInt64 = 0) {
        self.turns = turns
        self.continuation = continuation
        self.noise = noise
        self.repetitions = repetitions
        self.seed = seed
    }

    /// Rejects values a match cannot use.
    public func validate() throws(RepeatedGameError) {
        if continuation == nil && turns < 1 { throw .badStrategy("the number of turns must be at least 1") }
        if let w = continuation, !(w >= .zero && w < .one) { throw .badStrategy("the continuation probability must be in [0, 1), got \(w)") }
        if !(noise >= .zero && noise <= .one) { throw .badStrategy("the noise must be a probability in [0, 1], got \(noise)") }
        if repetitions < 1 { throw .badStrategy("the number of repetitions must be at least 1") }
    }

    /// The seed of match `index` of the schedule: the index-th output of SplitMix64(seed), so a
    /// match's randomness depends on (seed, index) only, never on which thread plays it.
    public func matchSeed(_ index: Int) -> UInt64 {
        var g = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        return g.next()
    }
}

/// What one match (or several repetitions of it) produced: how often each outcome occurred, from
/// the first player's point of view. Scores follow exactly from these counts.
public struct MatchOutcomes: Sendable, Hashable {
    /// Counts of the outcomes (first player's action · k + second player's action): CC, CD, DC,
    /// DD for a 2x2 game.
    public var counts: [Int]

    /// No outcomes yet, for a stage game with `actions` actions.
    public init(actions: Int = 2) { counts = [Int](repeating: 0, count: actions * actions) }

    public init(counts: [Int]) { self.counts = counts }

    public var turns: Int { counts.reduce(0, +) }

    /// Total scores of the two players, exactly.
    public func scores(_ stage: SymmetricStageGame) -> [Rational] {
        let k = stage.actionCount
        var first = Rational.zero, second = Rational.zero
        for a in 0..<k {
            for b in 0..<k where counts[a * k + b] != 0 {
                let c = Rational(counts[a * k + b])
                first += stage.payoff(own: a, opponent: b) * c
                second += stage.payoff(own: b, opponent: a) * c
            }
        }
        return [first, second]
    }

    /// Fractions of turns in which each player cooperated, i.e. played action 0 (0 for an empty
    /// record).
    public var cooperationRates: [Rational] {
        guard turns > 0 else { return [.zero, .zero] }
        let k = Int(Double(counts.count).squareRoot().rounded())
        let first = (0..<k).reduce(0) { $0 + counts[$1] }
        let second = (0..<k).reduce(0) { $0 + counts[$1 * k] }
        return [Rational(first, turns), Rational(second, turns)]
    }

    public static func += (a: inout MatchOutcomes, b: MatchOutcomes) {
        for k in a.counts.indices { a.counts[k] += b.counts[k] }
    }
}

/// A strategy prepared for fast play: probabilities as cumulative doubles, moves of
/// deterministic states precomputed, the transition table as 32-bit integers.
struct CompiledStrategy: Sendable {
    /// The number of actions k.
    let actions: Int
    /// Per state: the action it plays, or −1 when it draws.
    let fixed: [Int8]
    /// Per state, k cumulative probabilities (the draw u plays the first action a with
    /// u < cumulative[k·s + a]; the last action otherwise). For k = 2 this is "C when u < P(C)".
    let cumulative: [Double]
    let next: [Int32]
    let initial: Int32
    /// `go-by-majority`: the state is the opponent's cooperations minus defections.
    let majority: Bool

    init(_ strategy: Strategy, actions k: Int = 2) {
        if let m = strategy.machine {
            actions = m.actionCount
            fixed = m.plays.map { p in Int8(p.firstIndex(of: .one) ?? -1) }
            cumulative = m.plays.flatMap { p in
                var total = 0.0
                return p.map { total += $0.doubleValue; return total }
            }
            next = m.next.map { Int32($0) }
            initial = Int32(m.initial)
            majority = false
        } else {
            actions = k
            fixed = []
            cumulative = []
            next = []
            initial = 0
            majority = true
        }
    }

    @inline(__always) func move(_ state: Int32, _ rng: inout SplitMix64) -> Int {
        if majority { return state >= 0 ? 0 : 1 }
        let f = fixed[Int(state)]
        if f >= 0 { return Int(f) }
        let u = rng.unitDouble(), base = Int(state) &* actions
        for a in 0..<(actions - 1) where u < cumulative[base &+ a] { return a }
        return actions - 1
    }

    @inline(__always) func step(_ state: Int32, own: Int, opponent: Int) -> Int32 {
        if majority { return state &+ (opponent == 0 ? 1 : -1) }
        return next[(Int(state) &* actions &+ own) &* actions &+ opponent]
    }
}

/// Plays matches between two strategies, streaming: two states and four counters, whatever the
/// number of turns.
public enum Match {
    /// One match between `a` and `b` with the randomness of `seed` (its length when
    /// `settings.continuation` is set, the strategies' draws, the noise).
    /// - Complexity: O(turns) time, O(1) memory.
    public static func play(_ a: Strategy, _ b: Strategy, settings: MatchSettings, seed: UInt64) -> MatchOutcomes {
        play(CompiledStrategy(a), CompiledStrategy(b), settings: PreparedSettings(settings), seed: seed)
    }

    /// The moves of a match, for inspection and tests: the same draws in the same order as
    /// ``play(_:_:settings:seed:)`` with the same seed (so the same match), but it stores the
    /// history: use it for short matches only.
    /// For 2x2 stage games (C and D); ``actions(_:_:settings:seed:)`` for any number of actions.
    public static func moves(_ a: Strategy, _ b: Strategy, settings: MatchSettings, seed: UInt64) -> [(Move, Move)] {
        actions(a, b, settings: settings, seed: seed).map { (Move(rawValue: min($0.0, 1))!, Move(rawValue: min($0.1, 1))!) }
    }

    /// The actions played in a match (numbers 0 to k − 1), with the same draws as
    /// ``play(_:_:settings:seed:)``; stores the history, so for short matches only.
    public static func actions(_ a: Strategy, _ b: Strategy, settings: MatchSettings, seed: UInt64) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        _ = run(CompiledStrategy(a), CompiledStrategy(b), settings: PreparedSettings(settings), seed: seed) { out.append(($0, $1)) }
        return out
    }

    /// The moves of a noiseless match of `turns` turns.
    public static func moves(_ a: Strategy, _ b: Strategy, turns: Int) -> [(Move, Move)] {
        moves(a, b, settings: MatchSettings(turns: turns), seed: 0)
    }

    struct PreparedSettings: Sendable {
        let turns: Int
        let logContinuation: Double?     // ln w, nil for fixed turns; -inf for w = 0
        let noise: Double
        init(_ s: MatchSettings) {
            turns = s.turns
            logContinuation = s.continuation.map { w in w.isZero ? -Double.infinity : Double.log(w.doubleValue) }
            noise = s.noise.doubleValue
        }
    }

    static func play(_ x: CompiledStrategy, _ y: CompiledStrategy, settings: PreparedSettings, seed: UInt64) -> MatchOutcomes {
        run(x, y, settings: settings, seed: seed, observe: nil)
    }

    /// The match loop; `observe` (tests and `--moves` only) sees every pair of moves.
    @inline(__always)
    static func run(_ x: CompiledStrategy, _ y: CompiledStrategy, settings: PreparedSettings, seed: UInt64,
                    observe: ((Int, Int) -> Void)?) -> MatchOutcomes {
        var rng = SplitMix64(seed: seed)
        var turns = settings.turns
        if let logW = settings.logContinuation {
            // P(length > n) = wⁿ: length = 1 + ⌊ln U / ln w⌋ with U uniform in (0, 1].
            let u = 1 - rng.unitDouble()
            let extra = logW == -.infinity ? 0 : (Double.log(u) / logW).rounded(.down)
            turns = 1 + Int(min(extra, Double(Int32.max)))
        }
        let k = x.actions
        precondition(y.actions == k, "both strategies are for the same stage game")
        if k == 2 {
            // The 2x2 loop keeps its four counters in registers.
            var counts = (0, 0, 0, 0)
            var (sa, sb) = (x.initial, y.initial)
            let flip = settings.noise
            for _ in 0..<turns {
                var ma = x.move(sa, &rng), mb = y.move(sb, &rng)
                if flip > 0 {
                    if rng.unitDouble() < flip { ma = 1 - ma }
                    if rng.unitDouble() < flip { mb = 1 - mb }
                }
                switch ma &* 2 &+ mb {
                case 0: counts.0 &+= 1
                case 1: counts.1 &+= 1
                case 2: counts.2 &+= 1
                default: counts.3 &+= 1
                }
                if let observe { observe(ma, mb) }
                sa = x.step(sa, own: ma, opponent: mb)
                sb = y.step(sb, own: mb, opponent: ma)
            }
            return MatchOutcomes(counts: [counts.0, counts.1, counts.2, counts.3])
        }
        // k actions: noise replaces a move by one of the k − 1 others, uniformly.
        var counts = [Int](repeating: 0, count: k * k)
        var (sa, sb) = (x.initial, y.initial)
        let flip = settings.noise
        func other(_ move: Int) -> Int { (move + 1 + Int(rng.next() % UInt64(k - 1))) % k }
        for _ in 0..<turns {
            var ma = x.move(sa, &rng), mb = y.move(sb, &rng)
            if flip > 0 && k > 1 {
                if rng.unitDouble() < flip { ma = other(ma) }
                if rng.unitDouble() < flip { mb = other(mb) }
            }
            counts[ma &* k &+ mb] &+= 1
            if let observe { observe(ma, mb) }
            sa = x.step(sa, own: ma, opponent: mb)
            sb = y.step(sb, own: mb, opponent: ma)
        }
        return MatchOutcomes(counts: counts)
    }
}

extension Double {
    @inline(__always) static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
        return Glibc.log(x)
        #else
        return Darwin.log(x)
        #endif
    }
}
