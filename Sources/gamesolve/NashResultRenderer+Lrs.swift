import GameSolve

extension NashResultRenderer {
    /// lrsnash's output blocks, so results can be diffed against lrslib: for each distinct row
    /// strategy x, one line `2  y_1 ... y_n  u_1` per column strategy y paired with it (u_1 the
    /// row player's payoff), then `1  x_1 ... x_m  u_2`, then a blank line; finally
    /// `*Number of equilibria found: K`. Only for two-player games (otherwise a comment line).
    func lrs() -> String {
        guard game.playerCount == 2 else { return "*lrs format needs a two-player game\n" }
        var out = ""
        var k = 0
        let eqs = result.equilibria
        while k < eqs.count {
            let x = eqs[k].strategies[0]
            var end = k
            while end < eqs.count && eqs[end].strategies[0] == x { end += 1 }
            for e in eqs[k..<end] {
                out += "2  " + e.strategies[1].probabilities.map(output.text).joined(separator: "  ") + "  \(output.text(e.payoffs[0])) \n"
            }
            out += "1  " + x.probabilities.map(output.text).joined(separator: "  ") + "  \(output.text(eqs[k].payoffs[1])) \n\n"
            k = end
        }
        out += "*Number of equilibria found: \(eqs.count)\n"
        return out
    }
}
