import BigInt

/// Exact solution of a square integer system A·x = b by fraction-free Gaussian elimination
/// (E. H. Bareiss, "Sylvester's identity and multistep integer-preserving Gaussian elimination",
/// Mathematics of Computation 22, 1968): every intermediate entry is an integer minor, each update
/// a′ᵢⱼ = (a_cc·aᵢⱼ − aᵢc·a_cⱼ) / p divides exactly by the previous pivot p, and no gcd is taken.
/// The last pivot D is ±det A; back substitution on X = D·x stays in integers (Cramer's rule).
///
/// The first elimination steps (the expensive ones: step c costs (n − c)²) run in `Int128` while
/// nothing overflows; from the row where a product would overflow, the same step and the rest
/// continue in big integers (rows are committed only when complete, so the switch is exact).
///
/// Used by the Lemke–Howson certificate (indifference systems) and the LP certificate (large
/// basis systems).
///
/// - Complexity: O(n³) multiplications and exact divisions, on numbers of O(n·(log n + bits per
///   entry)) bits (Hadamard's bound on the minors).
public enum FractionFreeSolve {
    /// x = numerators / denominator (denominator > 0) with A·x = b, A given by `entry(row, column)`
    /// (n x n) and b by `rhs(row)`; nil when A is singular.
    public static func solve(size n: Int, entry: (Int, Int) -> BigInt, rhs: (Int) -> BigInt)
        -> (numerators: [BigInt], denominator: BigInt)? {
        if n == 0 { return ([], BigInt(1)) }
        // Large systems of word-sized integers: p-adic lifting (``DixonSolve``), whose numbers stay
        // small until the final reconstruction; elimination below when A is singular modulo p.
        if n >= dixonThreshold, let words = int64System(n, entry, rhs),
           let solved = DixonSolve.solve(size: n, matrix: words.matrix, rhs: words.rhs) {
            return solved
        }
        return eliminate(size: n, entry: entry, rhs: rhs)
    }

    /// Bareiss elimination (see the type's documentation), whatever the size.
    static func eliminate(size n: Int, entry: (Int, Int) -> BigInt, rhs: (Int) -> BigInt)
        -> (numerators: [BigInt], denominator: BigInt)? {
        let w = n + 1
        var t = [BigInt]()
        var previous = BigInt(1)
        var resumeColumn = 0, resumeRow = 1
        // Int128 phase.
        var small = [Int128](repeating: 0, count: n * w)
        var fits = true
        fill: for r in 0..<n {
            for c in 0..<n {
                guard let v = entry(r, c).exactInt128 else { fits = false; break fill }
                small[r * w + c] = v
            }
            guard let v = rhs(r).exactInt128 else { fits = false; break fill }
            small[r * w + n] = v
        }
        if fits {
            let phase = eliminate128(&small, size: n)
            if phase.singular { return nil }
            (resumeColumn, resumeRow) = phase.stoppedAt ?? (n, 0)
            t = small.map { BigInt.fromInt128($0) }
            previous = BigInt.fromInt128(phase.previous)
        } else {
            t = [BigInt](repeating: 0, count: n * w)
            for r in 0..<n {
                for c in 0..<n { t[r * w + c] = entry(r, c) }
                t[r * w + n] = rhs(r)
            }
        }
        // Big-integer phase, from the step (and row) where Int128 stopped.
        for col in resumeColumn..<n {
            let firstRow: Int
            if col == resumeColumn && fits {
                firstRow = resumeRow                // pivot row already chosen and swapped
            } else {
                guard let p = (col..<n).first(where: { !t[$0 * w + col].isZero }) else { return nil }
                if p != col { for c in 0..<w { t.swapAt(p * w + c, col * w + c) } }
                firstRow = col + 1
            }
            let pivot = t[col * w + col]
            for r in firstRow..<n {
                let f = t[r * w + col]
                for c in (col + 1)..<w {
                    var z = t[r * w + c] * pivot
                    if !f.isZero { z -= f * t[col * w + c] }
                    t[r * w + c] = previous == 1 ? z : z / previous
                }
                t[r * w + col] = 0
            }
            previous = pivot
        }
        // D = last pivot; D·x_i = (D·b_i − Σ_{j>i} a_ij·(D·x_j)) / a_ii, exact.
        let d = t[(n - 1) * w + (n - 1)]
        var numerators = [BigInt](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = d * t[i * w + n]
            for j in (i + 1)..<n where !t[i * w + j].isZero && !numerators[j].isZero { s -= t[i * w + j] * numerators[j] }
            numerators[i] = s / t[i * w + i]
        }
        var denominator = d
        if denominator.signum() < 0 { denominator.negate(); for i in numerators.indices { numerators[i].negate() } }
        return (numerators, denominator)
    }

    /// The size from which ``solve(size:entry:rhs:)`` lifts p-adically instead of eliminating
    /// (measured: at 24 the two take about the same time on 20-bit entries).
    public static let dixonThreshold = 24

    /// The system as 64-bit integers, or nil when an entry does not fit.
    static func int64System(_ n: Int, _ entry: (Int, Int) -> BigInt, _ rhs: (Int) -> BigInt) -> (matrix: [Int64], rhs: [Int64])? {
        var matrix = [Int64](repeating: 0, count: n * n), b = [Int64](repeating: 0, count: n)
        for r in 0..<n {
            for c in 0..<n {
                guard let w = entry(r, c).exactInt128, let v = Int64(exactly: w) else { return nil }
                matrix[r * n + c] = v
            }
            guard let w = rhs(r).exactInt128, let v = Int64(exactly: w) else { return nil }
            b[r] = v
        }
        return (matrix, b)
    }

    /// The outcome of ``solve128(size:entry:rhs:)``.
    public enum Solved128: Equatable, Sendable {
        /// x = numerators / denominator, denominator > 0.
        case solved(numerators: [Int128], denominator: Int128)
        case singular
        /// Some intermediate value does not fit in Int128 (use ``solve(size:entry:rhs:)``).
        case overflow
    }

    /// ``solve(size:entry:rhs:)`` entirely in Int128, for callers that continue in Int128.
    /// - Complexity: O(n³) Int128 operations.
    public static func solve128(size n: Int, entry: (Int, Int) -> Int128, rhs: (Int) -> Int128) -> Solved128 {
        if n == 0 { return .solved(numerators: [], denominator: 1) }
        let w = n + 1
        var t = [Int128](repeating: 0, count: n * w)
        for r in 0..<n {
            for c in 0..<n { t[r * w + c] = entry(r, c) }
            t[r * w + n] = rhs(r)
        }
        let phase = eliminate128(&t, size: n)
        if phase.singular { return .singular }
        if phase.stoppedAt != nil { return .overflow }
        let d = phase.previous
        var numerators = [Int128](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var (s, o) = d.multipliedReportingOverflow(by: t[i * w + n])
            if o { return .overflow }
            for j in (i + 1)..<n where t[i * w + j] != 0 {
                let (pr, o1) = t[i * w + j].multipliedReportingOverflow(by: numerators[j])
                let (s2, o2) = s.subtractingReportingOverflow(pr)
                if o1 || o2 { return .overflow }
                s = s2
            }
            let (q, o3) = s.dividedReportingOverflow(by: t[i * w + i])
            if o3 { return .overflow }
            numerators[i] = q
        }
        var denominator = d
        if denominator < 0 {
            guard denominator != .min, !numerators.contains(.min) else { return .overflow }
            denominator = -denominator
            for i in numerators.indices { numerators[i] = -numerators[i] }
        }
        return .solved(numerators: numerators, denominator: denominator)
    }

    /// Bareiss elimination of the n x (n + 1) table `t` in Int128, in place. Stops at the first
    /// update that would overflow, with every row before it complete and that step's pivot row
    /// already swapped in place, so big integers can resume exactly there. `previous` is the last
    /// completed step's pivot (the determinant up to sign when the elimination finished).
    private static func eliminate128(_ t: inout [Int128], size n: Int)
        -> (previous: Int128, stoppedAt: (column: Int, row: Int)?, singular: Bool) {
        let w = n + 1
        var previous: Int128 = 1
        var row = [Int128](repeating: 0, count: w)
        for col in 0..<n {
            guard let p = (col..<n).first(where: { t[$0 * w + col] != 0 }) else { return (previous, nil, true) }
            if p != col { for c in 0..<w { t.swapAt(p * w + c, col * w + c) } }
            let pivot = t[col * w + col]
            for r in (col + 1)..<n {
                let f = t[r * w + col]
                for c in (col + 1)..<w {
                    let (x, o1) = t[r * w + c].multipliedReportingOverflow(by: pivot)
                    let (y, o2) = f.multipliedReportingOverflow(by: t[col * w + c])
                    let (z, o3) = x.subtractingReportingOverflow(y)
                    let (q, o4) = z.dividedReportingOverflow(by: previous)      // exact (Bareiss)
                    if o1 || o2 || o3 || o4 { return (previous, (col, r), false) }
                    row[c] = q
                }
                for c in (col + 1)..<w { t[r * w + c] = row[c] }
                t[r * w + col] = 0
            }
            previous = pivot
        }
        return (previous, nil, false)
    }
}

extension BigInt {
    /// `BigInt(value)` without the library's generic `BinaryInteger` path (unspecialised across
    /// the module boundary: witness-table calls per conversion, about half of the Lemke–Howson
    /// certificate's time on a 100x100 game): the magnitude's words go in directly.
    @inlinable public static func fromInt(_ value: Int) -> BigInt {
        if value == 0 { return BigInt() }
        return BigInt(sign: value < 0 ? .minus : .plus, magnitude: BigUInt(words: [value.magnitude]))
    }

    /// The value as Int128 when it fits, else nil. Built from the magnitude's words, not with
    /// the standard library's `Int128(exactly:)`, which on Swift 6.3 misreads a negative BigInt of
    /// more than 64 bits (−10^30 came back as −999999999981553255926290448384; found by the CLI
    /// property tests through a Lemke–Howson "equilibrium" that was none).
    @inlinable public var exactInt128: Int128? {
        if let small = Int(exactly: self) { return Int128(small) }
        let words = Array(magnitude.words)
        guard words.count <= 2 else { return nil }
        var m = UInt128(words[0])
        if words.count == 2 { m |= UInt128(words[1]) << 64 }
        if sign == .minus { return m <= UInt128(1) << 127 ? Int128(truncatingIfNeeded: 0 &- m) : nil }
        return m < UInt128(1) << 127 ? Int128(m) : nil
    }

    /// The same for Int128.
    @inlinable public static func fromInt128(_ value: Int128) -> BigInt {
        if let small = Int(exactly: value) { return fromInt(small) }
        let m = value.magnitude
        return BigInt(sign: value < 0 ? .minus : .plus,
                      magnitude: BigUInt(words: [UInt(truncatingIfNeeded: m), UInt(truncatingIfNeeded: m >> 64)]))
    }
}

extension FractionFreeSolve {
    /// x with M·x = b for a square rational M (row-major, `size` x `size`), exactly, without
    /// fractions: each row of [M | b] is scaled to integers by the least common multiple of its
    /// denominators (which does not change the solution), then solved by ``solve(size:entry:rhs:)``
    /// (Bareiss elimination or p-adic lifting; no gcd until the k final quotients). Nil when M is
    /// singular. Used by the LP certificate for large dense bases, where rational elimination
    /// spends most of its time in gcds, and by the exact long-run payoffs of repeated games.
    /// - Complexity: O(k²) lcm steps for the scaling, then O(k³) integer operations.
    public static func solve(size k: Int, matrix: [Rational], rhs: [Rational]) -> [Rational]? {
        solveOverCommonDenominator(size: k, matrix: matrix, rhs: rhs)?.rationals
    }

    /// ``solve(size:matrix:rhs:)`` with x left over one common denominator, unreduced (no gcd at
    /// all): what callers that go on computing with x (the LP certificate) want.
    public static func solveOverCommonDenominator(size k: Int, matrix: [Rational], rhs: [Rational]) -> CommonDenominatorVector? {
        precondition(matrix.count == k * k && rhs.count == k)
        if k == 0 { return CommonDenominatorVector(numerators: [], denominator: 1) }
        let w = k + 1
        // Scaled integer rows of [M | b].
        var a = [BigInt](repeating: 0, count: k * w)
        for i in 0..<k {
            var l = BigInt(1)
            func include(_ q: Rational) {
                let d = q.denominator
                if d != 1 { l = l / l.greatestCommonDivisor(with: d) * d }
            }
            for j in 0..<k where !matrix[i * k + j].isZero { include(matrix[i * k + j]) }
            include(rhs[i])
            for j in 0..<k where !matrix[i * k + j].isZero {
                let q = matrix[i * k + j]
                a[i * w + j] = q.numerator * (l / q.denominator)
            }
            if !rhs[i].isZero { a[i * w + k] = rhs[i].numerator * (l / rhs[i].denominator) }
        }
        guard let (numerators, denominator) = solve(size: k, entry: { r, c in a[r * w + c] },
                                                                       rhs: { r in a[r * w + k] }) else { return nil }
        return CommonDenominatorVector(numerators: numerators, denominator: denominator)
    }
}
