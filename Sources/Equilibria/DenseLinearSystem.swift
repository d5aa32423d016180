import CLAPACK

/// Solves a dense square linear system A·x = b in floating point with LAPACK's `dgesv`
/// (LU factorisation with partial pivoting).
///
/// - Parameters:
///   - a: the n x n matrix, row-major (converted to LAPACK's column-major internally).
///   - b: the right-hand side, n entries.
/// - Returns: x, or nil when A is exactly singular (LAPACK's `info > 0`).
/// - Complexity: O(n³).
public func lapackSolve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
    let n = b.count
    precondition(a.count == n && a.allSatisfy { $0.count == n }, "lapackSolve needs a square system")
    if n == 0 { return [] }
    var columnMajor = [Double](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0..<n { columnMajor[i + j * n] = a[i][j] } }
    var rhs = b
    var pivots = [Int32](repeating: 0, count: n)
    var size = Int32(n), nrhs = Int32(1), lda = Int32(n), ldb = Int32(n), info = Int32(0)
    dgesv_(&size, &nrhs, &columnMajor, &lda, &pivots, &rhs, &ldb, &info)
    return info == 0 ? rhs : nil
}
