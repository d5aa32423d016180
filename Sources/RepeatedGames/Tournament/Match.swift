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
    /// the flipped move).
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
    /// Counts of CC, CD, DC, DD (first player's move first).
    public var counts: [Int] = [0, 0, 0, 0]

    public init(counts: [Int] = [0, 0, 0, 0]) { self.counts = counts }

    public var turns: Int { counts[0] + counts[1] + counts[2] + counts[3] }

    /// Total scores of the two players, exactly.
    public func scores(_ stage: SymmetricStageGame) -> [Rational] {
        let t = stage.table
        let c = counts.map { Rational($0) }
        return [t[0] * c[0] + t[1] * c[1] + t[2] * c[2] + t[3] * c[3],
                t[0] * c[0] + t[2] * c[1] + t[1] * c[2] + t[3] * c[3]]
    }

    /// Fractions of turns in which each player cooperated (0 for an empty record).
    public var cooperationRates: [Rational] {
        guard turns > 0 else { return [.zero, .zero] }
        return [Rational(counts[0] + counts[1], turns), Rational(counts[0] + counts[2], turns)]
    }

    public static func += (a: inout MatchOutcomes, b: MatchOutcomes) {
        for k in 0..<4 { a.counts[k] += b.counts[k] }
    }
}

/// A strategy prepared for fast play: probabilities as doubles, moves of deterministic states
/// precomputed, the transition table as 32-bit integers.
struct CompiledStrategy: Sendable {
    /// Per state: 0 plays C, 1 plays D, −1 draws.
    let fixed: [Int8]
    let probability: [Double]
    let next: [Int32]
    let initial: Int32
    /// `go-by-majority`: the state is the opponent's cooperations minus defections.
    let majority: Bool

    init(_ strategy: Strategy) {
        if let m = strategy.machine {
            fixed = m.cooperation.map { $0 == .one ? 0 : ($0.isZero ? 1 : -1) }
            probability = m.cooperation.map(\.doubleValue)
            next = m.next.map { Int32($0) }
            initial = Int32(m.initial)
            majority = false
        } else {
            fixed = []
            probability = []
            next = []
            initial = 0
            majority = true
        }
    }

    @inline(__always) func move(_ state: Int32, _ rng: inout SplitMix64) -> Int {
        if majority { return state >= 0 ? 0 : 1 }
        let f = fixed[Int(state)]
        if f >= 0 { return Int(f) }
        return rng.unitDouble() < probability[Int(state)] ? 0 : 1
    }

    @inline(__always) func step(_ state: Int32, own: Int, opponent: Int) -> Int32 {
        if majority { return state &+ (opponent == 0 ? 1 : -1) }
        return next[Int(state) &* 4 &+ own &* 2 &+ opponent]
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
    public static func moves(_ a: Strategy, _ b: Strategy, settings: MatchSettings, seed: UInt64) -> [(Move, Move)] {
        var out: [(Move, Move)] = []
        _ = run(CompiledStrategy(a), CompiledStrategy(b), settings: PreparedSettings(settings), seed: seed) { out.append((Move(rawValue: $0)!, Move(rawValue: $1)!)) }
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
