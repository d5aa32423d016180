import ExactArithmetic
import StrategicGames

/// Generators of strategic-form games with any number of players (issue 12): random and
/// covariance games after GAMUT, and the classic N-agent social dilemmas. Every game is
/// deterministic in its parameters and seed, with exact payoffs.
public enum NPlayerGenerators {
    /// The largest number of pure profiles a generated N-player game may have.
    public static let maxProfiles = 4_000_000

    static func checkShape(players: Int, strategies: Int) throws -> [Int] {
        guard players >= 2 else { throw GeneratorError.invalidParameter("an N-player game needs at least 2 players (got \(players))") }
        guard strategies >= 1 else { throw GeneratorError.invalidParameter("strategy count must be positive (got \(strategies))") }
        var total = 1
        for _ in 0..<players {
            let (t, o) = total.multipliedReportingOverflow(by: strategies)
            guard !o, t <= maxProfiles else {
                throw GeneratorError.tooLarge("\(strategies)^\(players) pure profiles is more than the limit of \(maxProfiles)")
            }
            total = t
        }
        return [Int](repeating: strategies, count: players)
    }

    /// Builds the game from `payoff(profile)` (one payoff per player) over all pure profiles.
    static func game(_ title: String, _ comment: String, counts: [Int], names: [String]? = nil,
                     _ payoff: ([Int]) -> [Rational]) -> NormalFormGame {
        var players = NormalFormGame.defaultPlayers(strategyCounts: counts)
        if let names { players = players.map { Player(name: $0.name, strategies: names) } }
        let total = counts.reduce(1, *)
        var payoffs = [[Rational]](repeating: [], count: counts.count)
        var profile = [Int](repeating: 0, count: counts.count)
        for _ in 0..<total {
            for (i, u) in payoff(profile).enumerated() { payoffs[i].append(u) }
            for i in profile.indices {
                profile[i] += 1
                if profile[i] < counts[i] { break }
                profile[i] = 0
            }
        }
        return try! NormalFormGame(title: title, comment: comment, players: players, payoffs: payoffs)
    }

    /// GAMUT's RandomGame (Nudelman, Wortman, Shoham & Leyton-Brown, "Run the GAMUT", AAMAS
    /// 2004): every payoff drawn independently from `payoffs`.
    /// - Complexity: O(N·K^N).
    public static func uniformRandom(players: Int, strategies: Int, payoffs: PayoffDistribution, seed: UInt64) throws -> NormalFormGame {
        let counts = try checkShape(players: players, strategies: strategies)
        try payoffs.validate()
        var rng = SplitMix64(seed: seed)
        return game("random \(players)-player \(strategies)^\(players) seed \(seed)", "uniform random payoffs (GAMUT RandomGame)",
                    counts: counts) { _ in (0..<players).map { _ in payoffs.sample(&rng) } }
    }

    /// GAMUT's CovariantGame (Rinott & Scarsini, "On the number of pure strategy Nash equilibria
    /// in random games", *Games and Economic Behavior* 33, 2000): at each profile the N payoffs
    /// are standard normal with pairwise correlation ρ, −1/(N−1) ≤ ρ ≤ 1, rounded to `decimals`
    /// digits. Sampled as Xᵢ = √(1−ρ)·Zᵢ + b·ΣZⱼ with N·b² + 2√(1−ρ)·b = ρ.
    /// - Complexity: O(N·K^N).
    public static func covariance(players: Int, strategies: Int, correlation: Double, decimals: Int, seed: UInt64) throws -> NormalFormGame {
        let counts = try checkShape(players: players, strategies: strategies)
        let low = -1 / Double(players - 1)
        guard correlation.isFinite, correlation >= low, correlation <= 1 else {
            throw GeneratorError.invalidParameter("the correlation must be in [-1/(N-1), 1] = [\(low), 1] for \(players) players (got \(correlation))")
        }
        guard (1...9).contains(decimals) else { throw GeneratorError.invalidParameter("decimal digits must be in 1...9 (got \(decimals))") }
        var rng = SplitMix64(seed: seed)
        let a = (1 - correlation).squareRoot()
        let nd = Double(players)
        let b = (-a + max(0, a * a + nd * correlation).squareRoot()) / nd
        return game("covariance \(players)-player \(strategies)^\(players) rho \(correlation) seed \(seed)",
                    "covariance game (Rinott-Scarsini, GAMUT CovariantGame), correlation \(correlation), \(decimals) decimals",
                    counts: counts) { _ in
            var z = [Double]()
            while z.count < players { let (x, y) = Sampling.normalPair(&rng); z += [x, y] }
            z.removeLast(z.count - players)
            let sum = z.reduce(0, +)
            return z.map { Sampling.roundedDecimal(a * $0 + b * sum, decimals: decimals) }
        }
    }

    /// The linear public goods game (Isaac, Walker & Thomas, "Divergent evidence on free riding",
    /// *Public Choice* 43, 1984; Ledyard's survey in the *Handbook of Experimental Economics*,
    /// 1995): each of N players keeps an endowment of 1 or contributes it; contributions are
    /// multiplied by r and shared equally: uᵢ = 1 − cᵢ + r·Σc/N. A social dilemma for 1 < r < N
    /// (contributing is strictly dominated, all contributing is efficient).
    public static func publicGoods(players: Int, multiplier r: Rational) throws -> NormalFormGame {
        let counts = try checkShape(players: players, strategies: 2)
        guard r.signum > 0 else { throw GeneratorError.invalidParameter("the multiplier must be positive (got \(r))") }
        let share = r / Rational(players)
        return game("public goods, \(players) players, r = \(r)", "linear public goods game: u_i = 1 - c_i + r * sum(c) / N",
                    counts: counts, names: ["keep", "contribute"]) { p in
            let total = Rational(p.reduce(0, +))
            return p.map { Rational(1 - $0) + share * total }
        }
    }

    /// The volunteer's dilemma (Diekmann, "Volunteer's dilemma", *Journal of Conflict
    /// Resolution* 29, 1985): everyone gets the benefit 2 if at least one player volunteers, and
    /// a volunteer pays the cost 1. N pure equilibria (one volunteer) and a symmetric mixed one.
    public static func volunteersDilemma(players: Int) throws -> NormalFormGame {
        let counts = try checkShape(players: players, strategies: 2)
        return game("volunteer's dilemma, \(players) players", "benefit 2 if anyone volunteers, cost 1 to volunteer",
                    counts: counts, names: ["ignore", "volunteer"]) { p in
            let anyone = p.contains(1)
            return p.map { Rational((anyone ? 2 : 0) - $0) }
        }
    }

    /// The minimum-effort coordination game (Van Huyck, Battalio & Beil, "Tacit coordination
    /// games, strategic uncertainty, and coordination failure", *American Economic Review* 80,
    /// 1990): N players choose effort e ∈ {1, ..., K}; uᵢ = 1/5·min(e) − 1/10·eᵢ + 3/5 (their
    /// dollar payoffs). Every common effort level is a pure equilibrium.
    public static func minimumEffort(players: Int, levels: Int) throws -> NormalFormGame {
        let counts = try checkShape(players: players, strategies: levels)
        return game("minimum effort, \(players) players, \(levels) levels", "u_i = min(e)/5 - e_i/10 + 3/5",
                    counts: counts, names: (1...levels).map(String.init)) { p in
            let low = Rational(p.min()! + 1)
            return p.map { low / 5 - Rational($0 + 1) / 10 + Rational(3, 5) }
        }
    }

    /// The minority game (Challet & Zhang, "Emergence of cooperation and organization in an
    /// evolutionary game", *Physica A* 246, 1997; the binary form of Arthur's El Farol bar
    /// problem, *American Economic Review* 84, 1994): N players choose one of two sides; those
    /// on the strict minority side get 1, the others 0.
    public static func minority(players: Int) throws -> NormalFormGame {
        let counts = try checkShape(players: players, strategies: 2)
        return game("minority game, \(players) players", "1 for the strict minority side, else 0",
                    counts: counts, names: ["A", "B"]) { p in
            let b = p.reduce(0, +), a = players - b
            return p.map { s in Rational((s == 0 ? a : b) * 2 < players ? 1 : 0) }
        }
    }

    /// N-player chicken (the N-person game of chicken of Bornstein, Budescu & Zamir, "Cooperation
    /// in intergroup, N-person, and two-person games of chicken", *Journal of Conflict
    /// Resolution* 41, 1997, in its simplest form): swerving pays 0; going straight pays 1 if
    /// every other player swerves and −10 (a crash) otherwise. The pure equilibria are the
    /// profiles with exactly one player going straight.
    public static func chicken(players: Int) throws -> NormalFormGame {
        let counts = try checkShape(players: players, strategies: 2)
        return game("chicken, \(players) players", "swerve 0; straight 1 if all others swerve, else -10",
                    counts: counts, names: ["swerve", "straight"]) { p in
            let straight = p.reduce(0, +)
            return p.map { $0 == 0 ? Rational.zero : Rational(straight == 1 ? 1 : -10) }
        }
    }
}

extension NPlayerGenerators {
    /// A discretised Cournot oligopoly as a tragedy of the commons (Cournot 1838; Hardin, "The
    /// tragedy of the commons", *Science* 162, 1968): N players each take q ∈ {0, ..., K−1}
    /// units of a common resource whose unit value is max(0, A − Σq) with A = 2(K−1); uᵢ =
    /// qᵢ·max(0, A − Σq). Each takes more than the joint optimum.
    public static func cournot(players: Int, levels: Int) throws -> NormalFormGame {
        let counts = try checkShape(players: players, strategies: levels)
        let a = 2 * (levels - 1)
        return game("Cournot commons, \(players) players, quantities 0...\(levels - 1)", "u_i = q_i * max(0, \(a) - sum(q))",
                    counts: counts, names: (0..<levels).map(String.init)) { p in
            let price = max(0, a - p.reduce(0, +))
            return p.map { Rational($0 * price) }
        }
    }
}
