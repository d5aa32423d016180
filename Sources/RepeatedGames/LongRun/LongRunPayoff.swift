import BigInt
import ExactArithmetic

/// The exact long-run payoffs of two finite-state strategies in the infinitely repeated game,
/// from the Markov chain of their joint states (Press & Dyson 2012, "Iterated prisoner's dilemma
/// contains strategies that dominate any evolutionary opponent", PNAS 109: the chain on the four
/// outcomes of two memory-one strategies; here on any pair of ``StrategyMachine``s, with noise).
///
/// The chain's states are the pairs (state of A, state of B) reachable from the initial pair. In
/// each, A cooperates with probability a (after noise ε: a(1 − ε) + (1 − a)ε), B with b, and
/// the four outcomes lead to the next pair. With r the expected stage payoff in each state and
/// π₀ the unit vector of the initial pair:
/// - discount δ < 1: the normalised discounted payoff (1 − δ)·Σₜ δᵗ π₀Pᵗ r = (1 − δ)·x·r with
///   x(I − δP) = π₀ (one exact linear solve);
/// - no discounting: the limit of the mean payoff per round (Cesàro limit, which exists for
///   every finite chain, periodic ones included) = Σ_C h_C · (π_C · r), over the closed
///   communicating classes C (Tarjan's strongly connected components without exit), where π_C
///   is C's unique stationary distribution and h_C the probability of being absorbed into C from
///   the initial pair ((I − Q)h = R·1 over the transient states). Several recurrent classes are
///   weighted by where the start leads, not averaged.
///
/// Every solve is exact (``FractionFreeSolve`` on rows scaled to integers).
///
/// - Complexity: O(n³) exact operations for n reachable joint states (at most the product of the
///   two machines' state counts).
public enum LongRunPayoff {
    /// Payoffs and cooperation rates (the frequency of action 0, C) of the two players, exactly.
    public struct Result: Sendable, Hashable {
        /// Expected payoff per round of A and B (normalised discounted, or the long-run mean).
        public let payoffs: [Rational]
        /// Expected (discounted or long-run) frequency of C for A and for B.
        public let cooperation: [Rational]
        /// Joint states reachable from the start.
        public let states: Int
        /// Closed communicating classes reachable from the start (0 when discounted).
        public let recurrentClasses: Int
    }

    /// The exact payoffs of `a` against `b`; `discount` nil means no discounting.
    /// - Throws: ``RepeatedGameError/unsupported(_:)`` for `go-by-majority` (no finite machine).
    public static func compute(_ a: Strategy, _ b: Strategy, stage: SymmetricStageGame,
                               noise: Rational = .zero, discount: Rational? = nil) throws(RepeatedGameError) -> Result {
        guard let ma = a.machine, let mb = b.machine else {
            throw .unsupported("\(a.machine == nil ? a.name : b.name) has unbounded memory (a counter), so its play is not a finite Markov chain")
        }
        guard ma.actionCount == stage.actionCount, mb.actionCount == stage.actionCount else {
            throw .stageGame("the strategies are for stage games with \(ma.actionCount) and \(mb.actionCount) actions, this one has \(stage.actionCount)")
        }
        guard noise >= .zero && noise <= .one else { throw .badStrategy("the noise must be a probability in [0, 1]") }
        if let d = discount, !(d >= .zero && d < .one) { throw .badStrategy("the discount factor must be in [0, 1), got \(d)") }
        let chain = JointChain(ma, mb, stage: stage, noise: noise)
        let n = chain.states.count
        // Rewards per state: A's payoff, B's payoff, A cooperates, B cooperates.
        let rewards = chain.rewards
        if let delta = discount {
            // x (I − δP) = π₀  ⇔  (I − δP)ᵀ xᵀ = π₀ᵀ
            var m = [[Rational]](repeating: [Rational](repeating: .zero, count: n), count: n)
            for i in 0..<n {
                m[i][i] += .one
                for (j, p) in chain.transitions[i] { m[j][i] -= delta * p }
            }
            var rhs = [Rational](repeating: .zero, count: n)
            rhs[0] = .one
            guard let x = solve(m, rhs) else { throw .unsupported("singular discounted system (cannot happen for δ < 1)") }
            let values = (0..<4).map { k in (.one - delta) * (0..<n).reduce(Rational.zero) { $0 + x[$1] * rewards[$1][k] } }
            return Result(payoffs: [values[0], values[1]], cooperation: [values[2], values[3]], states: n, recurrentClasses: 0)
        }
        let classes = chain.closedClasses()
        var values = [Rational](repeating: .zero, count: 4)
        let inClass = Dictionary(uniqueKeysWithValues: classes.enumerated().flatMap { c, members in members.map { ($0, c) } })
        let transient = (0..<n).filter { inClass[$0] == nil }
        let transientIndex = Dictionary(uniqueKeysWithValues: transient.enumerated().map { ($1, $0) })
        for (c, members) in classes.enumerated() {
            // Stationary distribution of the class: π(I − P_C) = 0, Σπ = 1 (last equation replaced).
            let k = members.count
            let local = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
            var m = [[Rational]](repeating: [Rational](repeating: .zero, count: k), count: k)
            for (li, i) in members.enumerated() {
                m[li][li] += .one
                for (j, p) in chain.transitions[i] { m[local[j]!][li] -= p }
            }
            m[k - 1] = [Rational](repeating: .one, count: k)
            var rhs = [Rational](repeating: .zero, count: k)
            rhs[k - 1] = .one
            guard let pi = solve(m, rhs) else { throw .unsupported("singular stationary system (cannot happen for an irreducible class)") }
            // Probability of ending in class c from the start.
            let absorb: Rational
            if let startClass = inClass[0] {
                absorb = startClass == c ? .one : .zero
            } else {
                let t = transient.count
                var q = [[Rational]](repeating: [Rational](repeating: .zero, count: t), count: t)
                var r = [Rational](repeating: .zero, count: t)
                for (ti, i) in transient.enumerated() {
                    q[ti][ti] += .one
                    for (j, p) in chain.transitions[i] {
                        if let tj = transientIndex[j] { q[ti][tj] -= p } else if inClass[j] == c { r[ti] += p }
                    }
                }
                guard let h = solve(q, r) else { throw .unsupported("singular absorption system (cannot happen)") }
                absorb = h[transientIndex[0]!]
            }
            for kk in 0..<4 {
                values[kk] += absorb * (0..<k).reduce(Rational.zero) { $0 + pi[$1] * rewards[members[$1]][kk] }
            }
        }
        return Result(payoffs: [values[0], values[1]], cooperation: [values[2], values[3]], states: n, recurrentClasses: classes.count)
    }

    /// Solves A·x = b exactly (rows scaled to integers, then fraction-free elimination).
    static func solve(_ a: [[Rational]], _ b: [Rational]) -> [Rational]? {
        FractionFreeSolve.solve(size: a.count, matrix: a.flatMap { $0 }, rhs: b)
    }
}

/// The Markov chain of two machines' joint states, reachable part only; state 0 is the start.
struct JointChain {
    var states: [(Int, Int)] = []
    /// transitions[i]: (next state, probability > 0), merged.
    var transitions: [[(Int, Rational)]] = []
    /// Per state: expected payoff of A, of B, probability that A cooperates, that B cooperates.
    var rewards: [[Rational]] = []

    init(_ a: StrategyMachine, _ b: StrategyMachine, stage: SymmetricStageGame, noise: Rational) {
        var index: [Int: Int] = [:]
        let key = { (sa: Int, sb: Int) in sa * b.stateCount + sb }
        let k = stage.actionCount
        // The action actually played: the intended one with probability 1 − ε, each of the k − 1
        // others with ε/(k − 1) (for k = 2: p(1 − ε) + (1 − p)ε).
        func played(_ p: [Rational]) -> [Rational] {
            guard k > 1 else { return p }
            let spread = noise / Rational(k - 1)
            return p.map { $0 * (.one - noise) + (.one - $0) * spread }
        }
        states.append((a.initial, b.initial))
        index[key(a.initial, b.initial)] = 0
        var i = 0
        while i < states.count {
            let (sa, sb) = states[i]
            let pa = played(a.plays[sa]), pb = played(b.plays[sb])
            var out: [Int: Rational] = [:]
            var order: [Int] = []
            var reward = [Rational](repeating: .zero, count: 4)
            for x in 0..<k where !pa[x].isZero { for y in 0..<k where !pb[y].isZero {
                let p = pa[x] * pb[y]
                reward[0] += p * stage.payoff(own: x, opponent: y)
                reward[1] += p * stage.payoff(own: y, opponent: x)
                let na = a.next[(sa * k + x) * k + y], nb = b.next[(sb * k + y) * k + x]
                let key = key(na, nb)
                let j: Int
                if let known = index[key] { j = known } else {
                    j = states.count
                    index[key] = j
                    states.append((na, nb))
                }
                if out[j] == nil { order.append(j) }
                out[j, default: .zero] += p
            } }
            reward[2] = pa[0]
            reward[3] = pb[0]
            transitions.append(order.map { ($0, out[$0]!) })
            rewards.append(reward)
            i += 1
        }
    }

    /// The closed communicating classes (strongly connected components with no edge leaving),
    /// by Tarjan's algorithm (1972, "Depth-first search and linear graph algorithms").
    func closedClasses() -> [[Int]] {
        let n = states.count
        var indexOf = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var counter = 0
        var components: [[Int]] = []
        // Iterative DFS: (node, next edge position).
        for root in 0..<n where indexOf[root] < 0 {
            var work: [(Int, Int)] = [(root, 0)]
            indexOf[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let (v, e) = work.last {
                if e < transitions[v].count {
                    work[work.count - 1].1 += 1
                    let w = transitions[v][e].0
                    if indexOf[w] < 0 {
                        indexOf[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], indexOf[w])
                    }
                } else {
                    work.removeLast()
                    if let (parent, _) = work.last { low[parent] = min(low[parent], low[v]) }
                    if low[v] == indexOf[v] {
                        var component: [Int] = []
                        while true {
                            let w = stack.removeLast()
                            onStack[w] = false
                            component.append(w)
                            if w == v { break }
                        }
                        components.append(component.sorted())
                    }
                }
            }
        }
        var componentOf = [Int](repeating: 0, count: n)
        for (c, members) in components.enumerated() { for v in members { componentOf[v] = c } }
        return components.enumerated().filter { c, members in
            members.allSatisfy { v in transitions[v].allSatisfy { componentOf[$0.0] == c } }
        }.map(\.element).sorted { $0[0] < $1[0] }
    }
}
