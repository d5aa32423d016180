import Testing
import ExactArithmetic
import StrategicGames
import GameFormats
import Equilibria

/// Every one of the 60 Gambit sample games must be read, its pure equilibria found and checked,
/// and it must survive a round trip through every format that can hold it.
@Suite struct GambitFixtureTests {
    @Test func allSixtyFixturesArePresent() {
        #expect(Fixtures.gambitFileNames.count == 60)
    }

    /// Brute force, independent of ``PureStrategyEquilibria``: a profile is an equilibrium when
    /// no player has a strictly better unilateral deviation.
    static func bruteForcePureEquilibria(_ g: NormalFormGame) -> [[Int]] {
        (0..<g.profileCount).compactMap { k -> [Int]? in
            let profile = g.profile(at: k)
            for player in 0..<g.playerCount {
                let current = g.payoff(player: player, at: profile)
                for s in 0..<g.strategyCounts[player] {
                    var q = profile
                    q[player] = s
                    if g.payoff(player: player, at: q) > current { return nil }
                }
            }
            return profile
        }
    }

    @Test(arguments: Fixtures.gambitFileNames)
    func readsAndFindsPureEquilibria(name: String) throws {
        let game = try Fixtures.gambit(name)
        #expect(game.playerCount >= 2 && game.playerCount <= 5)
        #expect(game.payoffs.allSatisfy { $0.count == game.profileCount })
        let found = PureStrategyEquilibria().equilibria(of: game)
        for eq in found {
            #expect(game.isNashEquilibrium(eq.strategies), "\(name): not an equilibrium")
            #expect(eq.strategies.allSatisfy { $0.isPure })
        }
        let supports = found.map { $0.strategies.map { $0.support[0] } }
        #expect(supports == Self.bruteForcePureEquilibria(game), "\(name)")
    }

    @Test(arguments: Fixtures.gambitFileNames)
    func roundTripsThroughEveryFormat(name: String) throws {
        let game = try Fixtures.gambit(name)
        #expect(try parse(NFGFormat.write(game), .nfg) == game)
        #expect(try parse(JSONGameFormat.write(game), .json) == game)
        if let b = game.bimatrix {
            let csv = try CSVFormat.read(Array(CSVFormat.write(b).utf8), fileName: "x.csv")
            #expect(csv.rowPayoffs == b.rowPayoffs && csv.columnPayoffs == b.columnPayoffs && csv.players == b.players)
            let lrs = try LrsFormat.read(Array(LrsFormat.write(b).utf8), fileName: "x.lrs")
            #expect(lrs.rowPayoffs == b.rowPayoffs && lrs.columnPayoffs == b.columnPayoffs)
        }
    }

    /// Facts about particular files, checked against their published descriptions.
    @Test func knownGames() throws {
        // Payoff-list body with strategy counts; decimals read exactly.
        let e04 = try Fixtures.gambit("e04.nfg")
        #expect(e04.strategyCounts == [3, 2])
        #expect(e04.payoffs[0][2] == Rational(-2))
        // Outcome-list body with strategy names; 4x4 coordination has 4 pure equilibria.
        let outcome = try Fixtures.gambit("test_coordination_4x4_outcome.nfg")
        let payoff = try Fixtures.gambit("test_coordination_4x4_payoff.nfg")
        #expect(outcome.payoffs == payoff.payoffs)
        #expect(PureStrategyEquilibria().equilibria(of: outcome).count == 4)
        // McKelvey–McLennan 2x2x2 (9 equilibria in all, 2 totally mixed): 4 of them are pure.
        let g = try Fixtures.gambit("2x2x2.nfg")
        #expect(PureStrategyEquilibria().equilibria(of: g).count == 4)
        // Five players.
        #expect(try Fixtures.gambit("2x2x2x2x2.nfg").strategyCounts == [2, 2, 2, 2, 2])
        // The prisoner's dilemma has one pure equilibrium.
        #expect(PureStrategyEquilibria().equilibria(of: try Fixtures.gambit("pd.nfg")).count == 1)
    }
}
