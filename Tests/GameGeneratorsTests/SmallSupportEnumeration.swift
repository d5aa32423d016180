import GameSolve

/// A deliberately simple exact support enumeration for tiny nondegenerate-by-construction test
/// games (equal-size supports only), used to check the uniqueness claims of generators
/// independently of the project's solvers.
enum SmallSupportEnumeration {
    static func equilibria(of g: BimatrixGame) -> [([Rational], [Rational])] {
        let m = g.rowCount, n = g.columnCount
        var found: [([Rational], [Rational])] = []
        for rowMask in 1..<(1 << m) {
            let rs = (0..<m).filter { rowMask >> $0 & 1 == 1 }
            for columnMask in 1..<(1 << n) where columnMask.nonzeroBitCount == rs.count {
                let cs = (0..<n).filter { columnMask >> $0 & 1 == 1 }
                // y on cs makes the rows in rs indifferent: A[rs, cs] y = u, sum y = 1.
                guard let y = solveIndifference(rs.map { i in cs.map { g.rowPayoffs[i, $0] } }),
                      let x = solveIndifference(cs.map { j in rs.map { g.columnPayoffs[$0, j] } }) else { continue }
                var fullX = [Rational](repeating: .zero, count: m), fullY = [Rational](repeating: .zero, count: n)
                for (k, i) in rs.enumerated() { fullX[i] = x[k] }
                for (k, j) in cs.enumerated() { fullY[j] = y[k] }
                if g.isNashEquilibrium(row: fullX, column: fullY) { found.append((fullX, fullY)) }
            }
        }
        return found
    }

    /// Solves M z = u·1, Σz = 1 for z (unknowns z and u) by exact Gaussian elimination; nil when
    /// singular or when some z is negative.
    static func solveIndifference(_ rows: [[Rational]]) -> [Rational]? {
        let k = rows.count
        // Unknowns z_0..z_{k-1}, u; equations: row·z - u = 0 (k of them), Σz = 1.
        var a: [[Rational]] = rows.map { $0 + [Rational(-1), .zero] }
        a.append([Rational](repeating: .one, count: k) + [.zero, .one])
        let size = k + 1
        for col in 0..<size {
            guard let p = (col..<size).first(where: { !a[$0][col].isZero }) else { return nil }
            a.swapAt(col, p)
            let pivot = a[col][col]
            for c in col...size { a[col][c] /= pivot }
            for r in 0..<size where r != col && !a[r][col].isZero {
                let f = a[r][col]
                for c in col...size { a[r][c] -= f * a[col][c] }
            }
        }
        let z = (0..<k).map { a[$0][size] }
        return z.allSatisfy { $0 >= .zero } ? z : nil
    }
}
