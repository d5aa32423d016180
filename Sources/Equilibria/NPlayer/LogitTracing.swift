#if canImport(Glibc)
import Glibc
#endif
import ExactArithmetic
import StrategicGames

/// A logit quantal response equilibrium at one precision parameter λ (floating point: the
/// logit equations involve exponentials and cannot be checked in rationals).
public struct QuantalResponseEquilibrium: Sendable, Hashable {
    /// λ on the game's own payoff scale (πᵢₖ ∝ exp(λ·uᵢₖ)).
    public let lambda: Double
    /// One probability vector per player.
    public let probabilities: [[Double]]
}

/// One Nash equilibrium by following the principal branch of the logit quantal response
/// correspondence from λ = 0 (McKelvey & Palfrey, "Quantal response equilibria for normal form
/// games", *Games and Economic Behavior* 10 (1995) 6–38), traced by predictor–corrector path
/// following as in Turocy, "A dynamic homotopy interpretation of the logistic quantal response
/// equilibrium correspondence", *Games and Economic Behavior* 51 (2005) 243–263.
///
/// The branch is the solution curve of H(w, λ) = 0 in the log-probabilities w:
///
///     w_ik − w_i0 − λ·(u_ik(π) − u_i0(π)) = 0     (k ≥ 1),     Σ_k exp(w_ik) − 1 = 0,
///
/// with π = exp(w); at λ = 0 it starts at the centroid and, for generic games, leads as λ → ∞ to
/// a Nash equilibrium. Steps: the tangent is the null vector of H′ (an augmented LAPACK solve);
/// the predictor steps along it; Newton's method corrects in the hyperplane orthogonal to the
/// tangent; the step length doubles after quick corrections and halves after failures.
///
/// Payoffs are shifted per player and divided by the game's overall payoff range, so the path
/// and the stopping rule do not depend on the payoff scale (Gambit issue 365): every few steps,
/// once the current point's regret is below `Tolerance.qreRegret` of the range, the strategies
/// with probability at least `Tolerance.qreSupport` (relative to each player's largest) are
/// taken as a support, Newton's method solves its indifference system from the current point,
/// and the root is polished and certified (``RegretCertifier``); after a failed attempt the next
/// waits until the regret has halved. The run stops at the first certified equilibrium. It
/// always terminates: at `maxSteps` path steps, the timeout, or
/// λ·range ≥ `maxLambda`, returning whatever was certified (possibly nothing, with a note).
///
/// Requested λ values (`lambdas`, on the game's own payoff scale) are located on the branch and
/// solved at fixed λ by Newton's method; they are reported as floating-point QRE.
///
/// - Complexity: O(S·(P·N³ + n³)) for S path steps, P pure profiles, N players and n = Σ nᵢ
///   strategies (the Jacobian and the dense solves).
public struct LogitTracing: Sendable {
    /// λ values (game payoff scale) at which to report the QRE.
    public var lambdas: [Double]
    /// The most path steps.
    public var maxSteps: Int
    /// Stop tracing beyond this λ times the payoff range.
    public var maxLambda: Double

    public init(lambdas: [Double] = [], maxSteps: Int = 20_000, maxLambda: Double = 1e9) {
        self.lambdas = lambdas.sorted()
        self.maxSteps = maxSteps
        self.maxLambda = maxLambda
    }

    public func solve(_ game: NormalFormGame, limits: SolverLimits = .none) -> NashResult {
        var run = Run(game: game, budget: RunBudget(limits, unit: "path steps"))
        let range = game.payoffRange.doubleValue
        let requested = range > 0 ? lambdas.map { $0 * range } : []
        run.trace(requested: requested, maxSteps: maxSteps, maxLambda: maxLambda)
        var result = NashResult(equilibria: run.found.map(\.equilibrium), stopReason: run.stop,
                                counters: ["pathSteps": run.steps, "correctorIterations": run.correctorIterations,
                                           "stepRejections": run.rejections, "certificationAttempts": run.attempts,
                                           "newtonSteps": run.newton.steps],
                                maxRegrets: run.found.map(\.maxRegret))
        result.details = run.found.map { _ in .logit(lambda: range > 0 ? run.lambda / range : run.lambda) }
        result.quantalResponses = run.qre.map { QuantalResponseEquilibrium(lambda: range > 0 ? $0.lambda / range : $0.lambda, probabilities: $0.probabilities) }
        if run.found.isEmpty && run.stop == .completed {
            result.notes.append("the logit branch was followed to λ = \(Self.format(run.lambda / max(range, 1e-300))) without reaching a certifiable equilibrium (\(run.endReason))")
        }
        if range == 0 { result.notes.append("all payoffs are equal: every profile is an equilibrium") }
        return result
    }

    static func format(_ x: Double) -> String {
        var s = "\(x)"
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    struct Run {
        let game: NormalFormGame
        let payoffs: ScaledPayoffs
        let full: IndifferenceSystem
        let certifier: RegretCertifier
        var budget: RunBudget
        var newton = IndifferenceNewton()
        var found: [CertifiedEquilibrium] = []
        var qre: [(lambda: Double, probabilities: [[Double]])] = []
        var stop = StopReason.completed
        var steps = 0, correctorIterations = 0, rejections = 0, attempts = 0
        var lambda = 0.0
        var endReason = ""
        let n: Int
        /// offsets[i]: where player i's strategies start in w.
        let offsets: [Int]

        init(game: NormalFormGame, budget: RunBudget) {
            self.game = game
            self.payoffs = ScaledPayoffs(game, commonScale: true)
            self.full = IndifferenceSystem(payoffs: payoffs, supports: game.strategyCounts.map { Array(0..<$0) })
            self.certifier = RegretCertifier(game: game)
            self.budget = budget
            var off = [Int](), acc = 0
            for c in game.strategyCounts { off.append(acc); acc += c }
            offsets = off
            n = acc
        }

        /// π = exp(w) laid out as the full system's unknowns (values vᵢ = 0).
        func probabilities(_ y: [Double]) -> [Double] {
            (0..<n).map { exp(y[$0]) } + [Double](repeating: 0, count: full.playerCount)
        }

        /// H(y) for y = (w, λ).
        func residual(_ y: [Double]) -> [Double] {
            let z = probabilities(y)
            let u = full.strategyValues(z)
            let lam = y[n]
            var h = [Double](repeating: 0, count: n)
            for i in 0..<full.playerCount {
                let o = offsets[i], c = payoffs.counts[i]
                var sum = -1.0
                for k in 0..<c { sum += z[o + k] }
                h[o] = sum
                for k in 1..<max(c, 1) where k < c { h[o + k] = y[o + k] - y[o] - lam * (u[i][k] - u[i][0]) }
            }
            return h
        }

        /// H′(y), n × (n + 1), row-major.
        func jacobian(_ y: [Double]) -> [[Double]] {
            let z = probabilities(y)
            let (f, j) = full.residualAndJacobian(z)   // f rows: uᵢ(k) (v = 0); j: ∂uᵢ(k)/∂π_jl
            let lam = y[n]
            var d = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
            for i in 0..<full.playerCount {
                let o = offsets[i], c = payoffs.counts[i]
                for l in 0..<c { d[o][o + l] = z[o + l] }
                for k in 1..<max(c, 1) where k < c {
                    d[o + k][o + k] = 1
                    d[o + k][o] = -1
                    for col in 0..<n where col < o || col >= o + c {
                        d[o + k][col] = -lam * (j[o + k][col] - j[o][col]) * z[col]
                    }
                    d[o + k][n] = -(f[o + k] - f[o])
                }
            }
            return d
        }

        /// The unit tangent at y, oriented to agree with `previous`.
        func tangent(_ y: [Double], previous: [Double]) -> [Double]? {
            var a = jacobian(y)
            a.append(previous)
            var rhs = [Double](repeating: 0, count: n + 1)
            rhs[n] = 1
            guard let t = lapackSolve(a, rhs) else { return nil }
            let norm = t.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0, norm.isFinite else { return nil }
            return t.map { $0 / norm }
        }

        /// Newton's method on H = 0 restricted to the hyperplane tᵀ(y − p) = 0.
        mutating func correct(_ p: [Double], tangent t: [Double], stepLength h: Double) -> (y: [Double], iterations: Int)? {
            var y = p
            for iteration in 1...8 {
                correctorIterations += 1
                var a = jacobian(y)
                a.append(t)
                var rhs = residual(y).map { -$0 }
                rhs.append(0)
                guard let delta = lapackSolve(a, rhs) else { return nil }
                let size = delta.reduce(0) { max($0, abs($1)) }
                // A first correction comparable to the step means the prediction left the branch.
                if iteration == 1 && size > max(0.5 * h, 1e-3) { return nil }
                for k in y.indices { y[k] += delta[k] }
                if !y.allSatisfy(\.isFinite) { return nil }
                if size <= 1e-10 * max(1, abs(y[n])) {
                    let r = residual(y).reduce(0) { max($0, abs($1)) }
                    return r <= 1e-9 ? (y, iteration) : nil
                }
            }
            return nil
        }

        /// Solves H(w, λ*) = 0 at fixed λ* from y (Newton in w only).
        func solveAtLambda(_ start: [Double], _ target: Double) -> [Double]? {
            var y = start
            y[n] = target
            for _ in 0..<30 {
                let h = residual(y)
                if h.reduce(0, { max($0, abs($1)) }) <= 1e-12 { return y }
                let a = jacobian(y).map { Array($0.prefix(n)) }
                guard let delta = lapackSolve(a, h.map { -$0 }) else { return nil }
                for k in 0..<n { y[k] += delta[k] }
            }
            return residual(y).allSatisfy({ abs($0) <= 1e-9 }) ? y : nil
        }

        /// The profile's regret on the scaled payoffs (a fraction of the payoff range).
        func scaledRegret(_ z: [Double]) -> Double {
            let u = full.strategyValues(z)
            var worst = 0.0
            for i in 0..<full.playerCount {
                let o = offsets[i]
                var mean = 0.0
                for k in u[i].indices { mean += z[o + k] * u[i][k] }
                worst = max(worst, u[i].max()! - mean)
            }
            return worst
        }

        /// Polishes the support read off π and certifies it; true when an equilibrium was found.
        mutating func tryCertify(_ z: [Double]) -> Bool {
            attempts += 1
            let perPlayer = ScaledPayoffs(game)
            var tried: [[[Int]]] = []
            for threshold in Tolerance.qreSupport {
                let supports: [[Int]] = (0..<full.playerCount).map { i in
                    let o = offsets[i], c = payoffs.counts[i]
                    let top = (0..<c).map { z[o + $0] }.max()!
                    return (0..<c).filter { z[o + $0] >= threshold * top }
                }
                if tried.contains(supports) { continue }
                tried.append(supports)
                let system = IndifferenceSystem(payoffs: perPlayer, supports: supports)
                let x = supports.enumerated().map { i, s -> [Double] in
                    let p = s.map { z[offsets[i] + $0] }
                    let t = p.reduce(0, +)
                    return p.map { $0 / t }
                }
                guard let root = newton.solve(system, from: system.start(x)), system.isEquilibrium(root) else { continue }
                let polished = newton.polish(system, root)
                if let c = certifier.certify(polished) {
                    found.append(c)
                    return true
                }
            }
            return false
        }

        mutating func trace(requested: [Double], maxSteps: Int, maxLambda: Double) {
            if game.payoffRange.isZero {
                // Every profile is an equilibrium; the centroid is one.
                if let c = certifier.certify(exact: game.strategyCounts.map { MixedStrategy.uniform($0) }) { found.append(c) }
                for l in requested { qre.append((l, game.strategyCounts.map { [Double](repeating: 1 / Double($0), count: $0) })) }
                return
            }
            var y = [Double](repeating: 0, count: n + 1)
            for i in 0..<full.playerCount {
                for k in 0..<payoffs.counts[i] { y[offsets[i] + k] = -log(Double(payoffs.counts[i])) }
            }
            var pending = requested.filter { $0 >= 0 }
            while let first = pending.first, first == 0 {
                qre.append((0, full.profile(probabilities(y))))
                pending.removeFirst()
            }
            var direction = [Double](repeating: 0, count: n + 1)
            direction[n] = 1
            guard var t = tangent(y, previous: direction) else { endReason = "singular Jacobian at λ = 0"; return }
            if t[n] < 0 { t = t.map { -$0 } }
            var h = 0.03
            var sinceCheck = 0
            var nextAttempt = Tolerance.qreRegret
            while steps < maxSteps {
                if let reason = budget.stopReason { stop = reason; break }
                budget.report(done: steps, total: nil, results: found.count)
                let predicted = zip(y, t).map { $0 + h * $1 }
                guard let (next, iterations) = correct(predicted, tangent: t, stepLength: h) else {
                    rejections += 1
                    h /= 2
                    if h < 1e-12 { endReason = "the step length collapsed (a turning point or bifurcation)"; break }
                    continue
                }
                steps += 1
                // Requested λ values crossed by this step.
                while let target = pending.first, (y[n] - target) * (next[n] - target) <= 0 {
                    let s = (target - y[n]) / (next[n] - y[n])
                    let guess = zip(y, next).map { $0 + s * ($1 - $0) }
                    if let q = solveAtLambda(guess, target) { qre.append((target, full.profile(probabilities(q)))) }
                    pending.removeFirst()
                }
                guard let newT = tangent(next, previous: t) else { endReason = "singular Jacobian"; y = next; break }
                y = next
                t = zip(newT, t).reduce(0, { $0 + $1.0 * $1.1 }) < 0 ? newT.map { -$0 } : newT
                lambda = y[n]
                h = iterations <= 3 ? min(h * 2, 1e6) : (iterations >= 6 ? h / 2 : h)
                sinceCheck += 1
                if sinceCheck >= 5 && found.isEmpty {
                    sinceCheck = 0
                    let z = probabilities(y)
                    let regret = scaledRegret(z)
                    // After a failed attempt, wait until the regret has halved.
                    if regret <= nextAttempt {
                        if tryCertify(z) { if pending.isEmpty { return } } else { nextAttempt = regret / 2 }
                    }
                }
                if !found.isEmpty && pending.isEmpty { return }
                if y[n] >= maxLambda { endReason = "λ reached its limit"; break }
            }
            if steps >= maxSteps { endReason = "the step limit was reached" }
            if found.isEmpty && stop == .completed { _ = tryCertify(probabilities(y)) }
        }
    }
}
