import ExactArithmetic

/// A move of the repeated prisoner's dilemma: C (cooperate, stage strategy 0) or D (defect, 1).
public enum Move: Int, Sendable, Hashable, CustomStringConvertible {
    case cooperate = 0
    case defect = 1
    public var description: String { self == .cooperate ? "C" : "D" }
}

/// A strategy of the repeated 2x2 game, as a finite-state machine (Rubinstein 1986; Miller 1996):
/// each state has a probability of playing C, and the next state depends on the state and on the
/// moves both players actually made (after noise). A match then streams: it keeps one small
/// integer per player and never stores a history.
///
/// `go-by-majority` is the one strategy of the catalogue with unbounded memory: its state is a
/// counter (the opponent's cooperations minus defections), so it has no finite machine and is
/// rejected by the exact Markov-chain computations.
///
/// The catalogue (`Strategy(parsing:stage:)`, names exactly as typed on the command line; "history"
/// means the opponent's moves unless said):
/// - `cooperator`: always C.
/// - `defector`: always D.
/// - `tit-for-tat`: C first, then the opponent's last move.
/// - `suspicious-tit-for-tat`: D first, then the opponent's last move.
/// - `tit-for-two-tats`: D only if the opponent's last two moves were both D.
/// - `two-tits-for-tat`: D if the opponent played D in either of its last two moves.
/// - `grudger`: C until the opponent plays D once, then D forever.
/// - `win-stay-lose-shift`: C first; then C if both players made the same move last round, else D
///   (Nowak & Sigmund 1993, "Pavlov"; the memory-one strategy (1, 0, 0, 1)).
/// - `alternator`: C first, then the opposite of its own last move (C, D, C, D, ... without noise;
///   with noise it alternates from the move it actually made, as in the Axelrod library).
/// - `bully`: D first, then the opposite of the opponent's last move.
/// - `go-by-majority`: C while the opponent has cooperated at least as often as it defected
///   (so C first), else D.
/// - `cycler-ccd`: C, C, D, C, C, D, ... whatever the opponent does.
/// - `hard-tit-for-tat`: C first; D if the opponent played D in any of its last three moves.
/// - `prober`: D, C, C; then D forever if the opponent cooperated in rounds 2 and 3, else
///   tit-for-tat.
/// - `random:p`: C with probability p each round (p = 1/2 when omitted).
/// - `generous-tit-for-tat[:g]`: C first; C after the opponent's C, and C with probability g after
///   its D (the memory-one strategy (1, g, 1, g)); by default g = min(1 − (T − R)/(R − S),
///   (R − P)/(T − P)) (Nowak & Sigmund 1992, "Tit for tat in heterogeneous populations"; 1/3 for
///   R, S, T, P = 3, 0, 5, 1). Needs T > R > P > S.
/// - `memory-one:pCC,pCD,pDC,pDD[,p0]`: C with probability pXY after a round in which it played X
///   and the opponent Y; C with probability p0 (default 1) in the first round (Press & Dyson 2012).
/// - `zd-extort:χ[,φ]`: the extortionate zero-determinant strategy of Press & Dyson (2012, "Iterated
///   prisoner's dilemma contains strategies that dominate any evolutionary opponent", PNAS 109)
///   that enforces s_X − P = χ·(s_Y − P) against every opponent Y: the memory-one strategy with
///   p − (1, 1, 0, 0) = φ·[(S_X − P·1) − χ·(S_Y − P·1)], S_X = (R, S, T, P), S_Y = (R, T, S, P).
///   χ ≥ 1; φ defaults to half the largest value that keeps every pXY in [0, 1] (this gives Press
///   & Dyson's example (11/13, 1/2, 7/26, 0) for χ = 3 and Stewart & Plotkin's Extort-2
///   (8/9, 1/2, 1/3, 0) for χ = 2). Needs T > R > P > S.
/// - `zd-generous:χ[,φ]`: the generous zero-determinant strategy of Stewart & Plotkin (2012, "Extortion
///   and cooperation in the prisoner's dilemma", PNAS 109) enforcing s_X − R = χ·(s_Y − R), the
///   same formula with R in place of P; `zd-generous:2,1/8` is their ZDGTFT-2 (1, 1/8, 1, 1/4).
///
/// Stage games with k ≠ 2 actions (actions numbered 0 to k − 1, 0 playing the part of C) take
/// the strategies whose definition does not rest on C and D; these work on 2x2 games too:
/// - `tit-for-tat`: action 0 first, then the opponent's last action.
/// - `always:i`: action i every round (`always:0` is `cooperator` in a 2x2 game).
/// - `best-response`: action 0 first, then a best response to the opponent's last action (the
///   lowest-numbered one when several tie): Cournot's adjustment process.
/// - `cycler`: actions 0, 1, ..., k − 1, 0, 1, ... whatever the opponent does.
/// - `random`: every action with probability 1/k each round (`random:p` is for 2x2 games).
public struct Strategy: Sendable, Hashable, CustomStringConvertible {
    /// The name as the catalogue spells it, with its parameters (`tit-for-tat`, `zd-extort:3`).
    public let name: String
    /// The finite-state machine, or nil for `go-by-majority` (a counter).
    public let machine: StrategyMachine?

    public var description: String { name }

    /// A strategy from its catalogue name (see the type's documentation).
    public init(parsing spec: String, stage: SymmetricStageGame = .prisonersDilemma) throws(RepeatedGameError) {
        let trimmed = spec.trimmingWhitespace
        let parts = trimmed.split(separator: ":", maxSplits: 1).map(String.init)
        let base = parts.first ?? ""
        let params: [Rational]
        if parts.count == 2 {
            var values: [Rational] = []
            for text in parts[1].split(separator: ",", omittingEmptySubsequences: false) {
                guard let v = Rational(String(text).trimmingWhitespace) else {
                    throw .badStrategy("strategy '\(trimmed)': '\(text)' is not a number")
                }
                values.append(v)
            }
            params = values
        } else {
            params = []
        }
        func expectParams(_ allowed: ClosedRange<Int>) throws(RepeatedGameError) {
            guard allowed.contains(params.count) else {
                let what = allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)" : "\(allowed.lowerBound) to \(allowed.upperBound)"
                throw .badStrategy("strategy '\(base)' takes \(what) parameter(s), got \(params.count) in '\(trimmed)'")
            }
        }
        func probability(_ p: Rational, _ what: String) throws(RepeatedGameError) -> Rational {
            guard p >= .zero && p <= .one else { throw .badStrategy("strategy '\(trimmed)': \(what) \(p) is not a probability in [0, 1]") }
            return p
        }
        let k = stage.actionCount
        switch base {
        case "always":
            try expectParams(1...1)
            guard let (i, one) = params[0].smallParts, one == 1, i >= 0 else {
                throw .badStrategy("strategy '\(trimmed)': the action must be a number 0, 1, ... (got \(params[0]))")
            }
            guard i < k else { throw .stageGame("strategy '\(trimmed)': this stage game has actions 0 to \(k - 1)") }
            self.init(name: "always:\(i)", machine: .general(actions: k, plays: [i]) { _, _, _ in 0 })
            return
        case "cycler":
            try expectParams(0...0)
            self.init(name: base, machine: .general(actions: k, plays: Array(0..<k)) { s, _, _ in (s + 1) % k })
            return
        case "best-response":
            try expectParams(0...0)
            // State 0: the first round; state 1 + o: the opponent last played o.
            let reply = (0..<k).map { o in (0..<k).max { a, b in
                let (x, y) = (stage.payoff(own: a, opponent: o), stage.payoff(own: b, opponent: o))
                return x != y ? x < y : a > b
            }! }
            self.init(name: base, machine: .general(actions: k, plays: [0] + reply) { _, _, opp in 1 + opp })
            return
        case "tit-for-tat" where k != 2:
            self.init(name: base, machine: .general(actions: k, plays: Array(0..<k)) { _, _, opp in opp })
            return
        case "random" where k != 2:
            guard params.isEmpty else {
                throw .stageGame("strategy '\(trimmed)': random:p is for 2x2 stage games; with \(k) actions, random plays each with probability 1/\(k)")
            }
            let uniform = [Rational](repeating: Rational(1, k), count: k)
            self.init(name: base, machine: StrategyMachine(actions: k, plays: [uniform], next: [Int](repeating: 0, count: k * k), initial: 0))
            return
        default:
            break
        }
        guard k == 2 else {
            let known = Strategy.catalogueNames.contains(base) || Strategy.catalogueNames.contains { $0.hasPrefix(base + ":") || $0.hasPrefix(base + "[") }
            if known {
                throw .stageGame("strategy '\(base)' is defined for 2x2 stage games (C and D); with \(k) actions use \(Strategy.anyActionNames.joined(separator: ", "))")
            }
            throw .badStrategy("unknown strategy '\(trimmed)' (known: \(Strategy.catalogueNames.joined(separator: ", ")))")
        }
        if let deterministic = StrategyMachine.deterministic[base] {
            try expectParams(0...0)
            self.init(name: base, machine: deterministic)
            return
        }
        switch base {
        case "go-by-majority":
            try expectParams(0...0)
            self.init(name: base, machine: nil)
        case "random":
            try expectParams(0...1)
            let p = try probability(params.first ?? Rational(1, 2), "p")
            self.init(name: params.isEmpty ? "random:1/2" : "random:\(p)",
                      machine: StrategyMachine(cooperation: [p], next: [0, 0, 0, 0], initial: 0))
        case "generous-tit-for-tat":
            try expectParams(0...1)
            let g: Rational
            if let given = params.first {
                g = try probability(given, "generosity g")
            } else {
                guard stage.isPrisonersDilemma else {
                    throw .stageGame("generous-tit-for-tat's default generosity needs a prisoner's dilemma (T > R > P > S); give it as generous-tit-for-tat:g")
                }
                let (r, s, t, p) = (stage.reward, stage.sucker, stage.temptation, stage.punishment)
                let candidate = min(.one - (t - r) / (r - s), (r - p) / (t - p))
                guard candidate >= .zero else {
                    throw .stageGame("generous-tit-for-tat: min(1 − (T − R)/(R − S), (R − P)/(T − P)) = \(candidate) is negative for these payoffs; give g as generous-tit-for-tat:g")
                }
                g = candidate
            }
            self.init(name: "generous-tit-for-tat:\(g)", machine: .memoryOne([.one, g, .one, g], first: .one))
        case "memory-one":
            try expectParams(4...5)
            var p: [Rational] = []
            for (k, label) in ["pCC", "pCD", "pDC", "pDD"].enumerated() { p.append(try probability(params[k], label)) }
            let first = try probability(params.count == 5 ? params[4] : .one, "p0")
            let text = p.map(\.description).joined(separator: ",") + (params.count == 5 ? ",\(first)" : "")
            self.init(name: "memory-one:\(text)", machine: .memoryOne(p, first: first))
        case "zd-extort", "zd-generous":
            try expectParams(1...2)
            guard stage.isPrisonersDilemma else {
                throw .stageGame("\(base) needs a prisoner's dilemma (T > R > P > S)")
            }
            let chi = params[0]
            guard chi >= .one else { throw .badStrategy("\(base): χ must be at least 1 (got \(chi))") }
            let kappa = base == "zd-extort" ? stage.punishment : stage.reward
            let (vector, phi) = try Strategy.zeroDeterminant(stage: stage, chi: chi, kappa: kappa,
                                                             phi: params.count == 2 ? params[1] : nil, name: base)
            let text = params.count == 2 ? "\(chi),\(phi)" : "\(chi)"
            self.init(name: "\(base):\(text)", machine: .memoryOne(vector, first: .one))
        default:
            throw .badStrategy("unknown strategy '\(trimmed)' (known: \(Strategy.catalogueNames.joined(separator: ", ")))")
        }
    }

    init(name: String, machine: StrategyMachine?) {
        self.name = name
        self.machine = machine
    }

    /// The memory-one vector p = (pCC, pCD, pDC, pDD) of a zero-determinant strategy enforcing
    /// s_X − κ = χ·(s_Y − κ) (Press & Dyson 2012, eq. for p̃ = α S_X + β S_Y + γ 1 with
    /// α = φ, β = −φχ, γ = φ(χ − 1)κ), and the φ used.
    static func zeroDeterminant(stage: SymmetricStageGame, chi: Rational, kappa: Rational, phi: Rational?,
                                name: String) throws(RepeatedGameError) -> ([Rational], Rational) {
        let sx = stage.table                                            // R, S, T, P
        let sy = [stage.reward, stage.temptation, stage.sucker, stage.punishment]
        let base: [Rational] = [1, 1, 0, 0]
        let slope = (0..<4).map { (sx[$0] - kappa) - chi * (sy[$0] - kappa) }
        // Largest φ keeping base + φ·slope in [0, 1].
        var phiMax: Rational?
        for k in 0..<4 where !slope[k].isZero {
            let bound = slope[k] < .zero ? base[k] / -slope[k] : (.one - base[k]) / slope[k]
            phiMax = phiMax.map { min($0, bound) } ?? bound
        }
        guard let maxPhi = phiMax, maxPhi > .zero else {
            throw .badStrategy("\(name):\(chi): no φ > 0 gives probabilities in [0, 1] for these payoffs")
        }
        let used = phi ?? maxPhi / 2
        guard used > .zero && used <= maxPhi else {
            throw .badStrategy("\(name):\(chi),\(used): φ must be in (0, \(maxPhi)] for these payoffs")
        }
        return ((0..<4).map { base[$0] + used * slope[$0] }, used)
    }

    /// Every name the catalogue knows (parameterised ones with their parameter syntax).
    public static let catalogueNames: [String] = deterministicNames + ["random:p", "generous-tit-for-tat[:g]",
        "memory-one:pCC,pCD,pDC,pDD[,p0]", "zd-extort:χ[,φ]", "zd-generous:χ[,φ]"] + ["always:i", "best-response", "cycler"]

    /// The strategies defined for stage games with any number of actions.
    public static let anyActionNames = ["tit-for-tat", "always:i", "best-response", "cycler", "random"]

    /// The 14 deterministic strategies of issue 14, in its order.
    public static let deterministicNames = [
        "cooperator", "defector", "tit-for-tat", "suspicious-tit-for-tat", "tit-for-two-tats",
        "two-tits-for-tat", "grudger", "win-stay-lose-shift", "alternator", "bully", "go-by-majority",
        "cycler-ccd", "hard-tit-for-tat", "prober",
    ]

    /// True when every state plays one action with probability 1.
    public var isDeterministic: Bool {
        guard let m = machine else { return true }
        return m.plays.allSatisfy { $0.contains(.one) }
    }
}

/// A finite-state strategy of a stage game with k actions: `plays[s]` is the probability of each
/// action in state s; after a round in which this player played `own` and the opponent
/// `opponent`, the state becomes `next[k²·s + k·own + opponent]`; play starts in `initial`.
/// For k = 2 the actions are C (0) and D (1) and `cooperation[s]` is the probability of C.
public struct StrategyMachine: Sendable, Hashable {
    /// The number of actions k.
    public let actionCount: Int
    /// Per state, the probability of each action.
    public let plays: [[Rational]]
    public let next: [Int]
    public let initial: Int

    /// A machine of a k-action game.
    public init(actions k: Int, plays: [[Rational]], next: [Int], initial: Int) {
        precondition(k >= 1 && plays.allSatisfy { $0.count == k })
        precondition(next.count == k * k * plays.count && next.allSatisfy { plays.indices.contains($0) })
        precondition(plays.indices.contains(initial))
        self.actionCount = k
        self.plays = plays
        self.next = next
        self.initial = initial
    }

    /// A machine of a 2x2 game from the probability of C in each state.
    public init(cooperation: [Rational], next: [Int], initial: Int) {
        self.init(actions: 2, plays: cooperation.map { [$0, .one - $0] }, next: next, initial: initial)
    }

    /// The probability of the first action (C) in each state.
    public var cooperation: [Rational] { plays.map { $0[0] } }

    public var stateCount: Int { plays.count }

    /// A deterministic machine of a k-action game: state s plays action `plays[s]` and moves to
    /// `step(s, own, opponent)`.
    static func general(actions k: Int, plays: [Int], _ step: (Int, Int, Int) -> Int) -> StrategyMachine {
        var next: [Int] = []
        for s in plays.indices { for own in 0..<k { for opp in 0..<k { next.append(step(s, own, opp)) } } }
        let distributions = plays.map { a in (0..<k).map { $0 == a ? Rational.one : .zero } }
        return StrategyMachine(actions: k, plays: distributions, next: next, initial: 0)
    }

    /// A machine from a deterministic table: `plays[s]` is state s's move, `step(s, own, opp)`
    /// its next state.
    static func table(_ plays: [Move], initial: Int = 0, _ step: (Int, Int, Int) -> Int) -> StrategyMachine {
        var next: [Int] = []
        for s in plays.indices { for own in 0..<2 { for opp in 0..<2 { next.append(step(s, own, opp)) } } }
        return StrategyMachine(cooperation: plays.map { $0 == .cooperate ? .one : .zero }, next: next, initial: initial)
    }

    /// Memory one: state 0 is the first round (C with probability `first`), state 1 + 2·x + y
    /// follows a round in which this player played x and the opponent y.
    static func memoryOne(_ p: [Rational], first: Rational) -> StrategyMachine {
        StrategyMachine(cooperation: [first] + p, next: (0..<20).map { 1 + $0 % 4 }, initial: 0)
    }

    /// The deterministic catalogue except `go-by-majority` (see ``Strategy``).
    static let deterministic: [String: StrategyMachine] = {
        let (c, d) = (Move.cooperate, Move.defect)
        return [
            "cooperator": table([c]) { _, _, _ in 0 },
            "defector": table([d]) { _, _, _ in 0 },
            // state = the move to play = the opponent's last move
            "tit-for-tat": table([c, d]) { _, _, opp in opp },
            "suspicious-tit-for-tat": table([c, d], initial: 1) { _, _, opp in opp },
            // 0: last opponent move C (or none); 1: one D; 2: two Ds in a row
            "tit-for-two-tats": table([c, c, d]) { s, _, opp in opp == 0 ? 0 : min(s + 1, 2) },
            // state = 2·(opponent's move before last is D) + (last move is D)
            "two-tits-for-tat": table([c, d, d, d]) { s, _, opp in 2 * (s & 1) + opp },
            "grudger": table([c, d]) { s, _, opp in s == 1 ? 1 : opp },
            "win-stay-lose-shift": table([c, d]) { _, own, opp in own == opp ? 0 : 1 },
            "alternator": table([c, d]) { _, own, _ in 1 - own },
            "bully": table([c, d], initial: 1) { _, _, opp in 1 - opp },
            "cycler-ccd": table([c, c, d]) { s, _, _ in (s + 1) % 3 },
            // state = the opponent's last three moves as bits (1 = D), the last one lowest
            "hard-tit-for-tat": table([c, d, d, d, d, d, d, d]) { s, _, opp in ((s << 1) | opp) & 7 },
            // 0 round 1; 1 round 2; 2 round 3 after the opponent's C in round 2; 3 round 3 after its
            // D; 4, 5 tit-for-tat playing C, D; 6 defect forever
            "prober": table([d, c, c, c, c, d, d]) { s, _, opp in
                switch s {
                case 0: 1
                case 1: opp == 0 ? 2 : 3
                case 2: opp == 0 ? 6 : 5
                case 6: 6
                default: opp == 0 ? 4 : 5
                }
            },
        ]
    }()
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
