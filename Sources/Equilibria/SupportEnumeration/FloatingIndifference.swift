import ExactArithmetic

/// Floating-point solution of one indifference system, for proposing candidates fast.
///
/// Hand-written Gaussian elimination with partial pivoting on reusable buffers (no allocation per
/// system). Measured on this machine (2 shared cores, release build): for the systems of support
/// enumeration (k + 1 ≤ 13 unknowns) this routine takes about 0.1–0.6 µs, while a call of LAPACK's
/// `dgesv_` through `lapackSolve` costs about 0.3–0.7 µs of overhead before any arithmetic
/// (conversion to column-major, Fortran call); LAPACK would only win well beyond 20 x 20, which
/// support enumeration never reaches (C(2k, k) support pairs make k > 10 infeasible), so LAPACK
/// is not used here.
struct FloatingIndifference {
    enum Outcome { case unique, inconsistent, nonUnique }

    /// Augmented matrix buffer, (maxEquations + 1) x (maxUnknowns + 2).
    var t: [Double]
    /// Solution buffer: weights then the value.
    var solution: [Double]
    let width: Int

    init(maxEquations: Int, maxUnknowns: Int) {
        width = maxUnknowns + 2
        t = [Double](repeating: 0, count: (maxEquations + 1) * width)
        solution = [Double](repeating: 0, count: maxUnknowns + 1)
    }

    /// Solves `Σ_s M[e][s]·w_s − value = 0` (e in `equations`), `Σ_s w_s = 1` where
    /// `M[e][s] = matrix[e * stride + s]`. The weights are in `solution[0..<support.count]` and the
    /// value in `solution[support.count]`.
    mutating func solve(matrix: UnsafeBufferPointer<Double>, stride: Int,
                        equations: UnsafeBufferPointer<Int>, support: UnsafeBufferPointer<Int>) -> Outcome {
        let r = equations.count + 1, c = support.count + 1, w = width
        let rhsColumn = c
        // Fewer equations than unknowns: never a unique solution. (Eliminating anyway read rows
        // below r left over from earlier solves, so the verdict, and the nonUniqueSystems
        // counter, depended on what the worker had solved before: on --jobs and on timing.)
        if r < c { return .nonUnique }
        return solution.withUnsafeMutableBufferPointer { solution in t.withUnsafeMutableBufferPointer { t in
            for (row, e) in equations.enumerated() {
                let base = row * w
                for (col, s) in support.enumerated() { t[base + col] = matrix[e * stride + s] }
                t[base + c - 1] = -1
                t[base + rhsColumn] = 0
            }
            let lastBase = (r - 1) * w
            for col in 0..<(c - 1) { t[lastBase + col] = 1 }
            t[lastBase + c - 1] = 0
            t[lastBase + rhsColumn] = 1
            // Forward elimination, column by column.
            for col in 0..<c {
                var p = col, best = abs(t[col * w + col])
                var i = col + 1
                while i < r { let v = abs(t[i * w + col]); if v > best { best = v; p = i }; i += 1 }
                if best <= Tolerance.zero { return .nonUnique }
                if p != col { for k in col...rhsColumn { t.swapAt(p * w + k, col * w + k) } }
                let pivot = t[col * w + col]
                i = col + 1
                while i < r {
                    let f = t[i * w + col] / pivot
                    if f != 0 {
                        var k = col
                        while k <= rhsColumn { t[i * w + k] -= f * t[col * w + k]; k += 1 }
                    }
                    i += 1
                }
            }
            // Extra equations (more equations than unknowns) must be satisfied.
            var i = c
            while i < r { if abs(t[i * w + rhsColumn]) > Tolerance.feasibility { return .inconsistent }; i += 1 }
            // Back substitution.
            var col = c - 1
            while col >= 0 {
                var s = t[col * w + rhsColumn]
                var k = col + 1
                while k < c { s -= t[col * w + k] * solution[k]; k += 1 }
                solution[col] = s / t[col * w + col]
                col -= 1
            }
            return .unique
        } }
    }
}
