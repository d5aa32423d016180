import ExactArithmetic

/// The Moran process over the strategies of a symmetric game in a finite population, exactly
/// (Nowak, Sasaki, Taylor & Fudenberg 2004, "Emergence of cooperation and evolutionary stability in
/// finite populations", Nature 428; Taylor, Fudenberg, Sasaki & Nowak 2004, Bull. Math. Biol. 66).
///
/// With i mutants of strategy A among N residents of B, no self-interaction, and intensity of
/// selection w ∈ [0, 1], the fitnesses are
/// f_i = 1 − w + w·(a_AA(i − 1) + a_AB(N − i))/(N − 1) and g_i = 1 − w + w·(a_BA·i + a_BB(N − i − 1))/(N − 1),
/// and a single mutant takes over with probability ρ_AB = 1 / (1 + Σ_{k=1}^{N−1} Π_{j=1}^{k} g_j/f_j).
/// In the limit of rare mutations the population jumps between monomorphic states (Fudenberg &
/// Imhof 2006, "Imitation processes with small mutations", J. Econ. Theory 131): from B to A with
/// probability ρ_AB/(n − 1) for n strategies; ``stationaryDistribution()`` is that chain's
/// stationary distribution — how long the population spends with each strategy.
///
/// Typical input: ``TournamentResult/meanPayoffMatrix`` (Axelrod's ecological question in a finite
/// population).
///
/// - Complexity: O(N) exact operations per fixation probability (numbers of O(N) digits), O(n²·N)
///   for the matrix, one exact n x n solve for the stationary distribution.
public struct MoranProcess: Sendable {
    /// `payoffs[i][j]`: strategy i's payoff against strategy j.
    public let payoffs: [[Rational]]
    public let populationSize: Int
    public let selection: Rational

    public static let maxPopulation = 10_000

    public init(payoffs: [[Rational]], populationSize: Int, selection: Rational) throws(RepeatedGameError) {
        let n = payoffs.count
        guard n >= 1, payoffs.allSatisfy({ $0.count == n }) else { throw .badStrategy("the Moran process needs a square payoff matrix") }
        guard populationSize >= 2 else { throw .badStrategy("the population size must be at least 2") }
        guard populationSize <= MoranProcess.maxPopulation else {
            throw .tooLarge("population \(populationSize) is above the limit of \(MoranProcess.maxPopulation) (exact products grow with N)")
        }
        guard selection >= .zero && selection <= .one else { throw .badStrategy("the intensity of selection must be in [0, 1], got \(selection)") }
        let lowest = payoffs.flatMap { $0 }.min()!
        guard .one - selection + selection * lowest > .zero else {
            throw .badStrategy("fitness 1 − w + w·payoff must be positive: lower the intensity of selection (the smallest payoff is \(lowest))")
        }
        self.payoffs = payoffs
        self.populationSize = populationSize
        self.selection = selection
    }

    /// ρ: the probability that one mutant of `mutant` takes over a population of `resident`.
    public func fixationProbability(mutant a: Int, resident b: Int) -> Rational {
        let n = populationSize
        let w = selection, base = .one - selection
        let m = Rational(n - 1)
        var sum = Rational.zero, product = Rational.one
        for i in 1..<n {
            let f = base + w * (payoffs[a][a] * Rational(i - 1) + payoffs[a][b] * Rational(n - i)) / m
            let g = base + w * (payoffs[b][a] * Rational(i) + payoffs[b][b] * Rational(n - i - 1)) / m
            product *= g / f
            sum += product
        }
        return .one / (.one + sum)
    }

    /// `matrix[i][j]` = ρ of a mutant i among residents j (the diagonal is 1/N, neutral).
    public func fixationMatrix() -> [[Rational]] {
        payoffs.indices.map { i in payoffs.indices.map { j in i == j ? Rational(1, populationSize) : fixationProbability(mutant: i, resident: j) } }
    }

    /// The stationary distribution over monomorphic populations in the limit of rare mutations.
    public func stationaryDistribution() -> [Rational] {
        let n = payoffs.count
        if n == 1 { return [.one] }
        let rho = fixationMatrix()
        // Transition T[j][i] from resident j to resident i: rho[i][j]/(n − 1).
        var system = [[Rational]](repeating: [Rational](repeating: .zero, count: n), count: n)
        for j in 0..<n {
            var leave = Rational.zero
            for i in 0..<n where i != j {
                let t = rho[i][j] / Rational(n - 1)
                leave += t
                system[i][j] -= t            // (Tᵀ − I) π = 0, row i: Σ_j T[j][i] π_j − π_i
            }
            system[j][j] += leave
        }
        system[n - 1] = [Rational](repeating: .one, count: n)
        var rhs = [Rational](repeating: .zero, count: n)
        rhs[n - 1] = .one
        return LongRunPayoff.solve(system, rhs) ?? [Rational](repeating: Rational(1, n), count: n)
    }
}
