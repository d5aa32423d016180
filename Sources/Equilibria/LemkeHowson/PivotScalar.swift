import BigInt
import ExactArithmetic

/// The number type of a Lemke–Howson tableau: how one pivot updates the tableau and how two
/// ratios compare. Three conformances: `Int` (fraction-free, overflow detected), `BigInt`
/// (fraction-free, unbounded) and `Double` (Gauss–Jordan with tolerances, for speed studies).
protocol PivotScalar: Sendable {
    static var one: Self { get }
    /// Sum (only for the floating tableaux' payoff shift while filling).
    static func + (lhs: Self, rhs: Self) -> Self
    /// True when the entry is a usable (positive) pivot candidate.
    var isPositivePivot: Bool { get }
    /// The sign of a/p − b/q for p, q > 0 (0 when equal, or within tolerance for Double).
    static func compareRatios(_ a: Self, _ p: Self, _ b: Self, _ q: Self) -> Int
    /// Pivots the compact tableau `t` (`rows` x `width`, the last column the right-hand side) on
    /// (r, c) where `t[r][c] > 0`, updating rows `start..<rows` (rows before `start` are already
    /// done). Returns the row at which the pivot could not be completed (Int overflow; that row and
    /// the following ones are untouched), or nil when it is complete, in which case `det` holds the
    /// new common denominator.
    static func pivot(_ t: inout [Self], scratch: inout [Self], rows: Int, width: Int, row r: Int, column c: Int,
                      det: inout Self, from start: Int) -> Int?
    /// True for floating-point types (whose ratio tests can misjudge degenerate steps).
    static var isFloatingPoint: Bool { get }
    /// Floating point: |self| ≤ 64 ulp · scale (a basic value that is zero up to rounding).
    func isNegligible(relativeTo scale: Self) -> Bool
    /// Floating point: the larger of two values (used with `isNegligible`).
    static func larger(_ a: Self, _ b: Self) -> Self
    /// Floating point: the absolute value (used with `isNegligible`).
    var floatingMagnitude: Self { get }
}

extension PivotScalar {
    static var isFloatingPoint: Bool { false }
    func isNegligible(relativeTo scale: Self) -> Bool { false }
    static func larger(_ a: Self, _ b: Self) -> Self { a }
    var floatingMagnitude: Self { self }
}

// MARK: - Int: fraction-free with overflow detection

extension Int: PivotScalar {
    static var one: Int { 1 }
    @inline(__always) var isPositivePivot: Bool { self > 0 }

    @inline(__always)
    static func compareRatios(_ a: Int, _ p: Int, _ b: Int, _ q: Int) -> Int {
        FixedWidthPivot.compareRatios(a, p, b, q)
    }

    @inline(__always)
    static func pivot(_ t: inout [Int], scratch: inout [Int], rows: Int, width: Int, row r: Int, column c: Int,
                      det: inout Int, from start: Int) -> Int? {
        FixedWidthPivot.pivot(&t, scratch: &scratch, rows: rows, width: width, row: r, column: c, det: &det, from: start)
    }
}

/// The fraction-free kernels shared by the fixed-width tiers (`Int`, `Int128`); the generic code
/// is specialised for each at its call site.
enum FixedWidthPivot {
    /// The sign of a/p − b/q, that is of a·q − b·p, compared in double width (cannot overflow).
    @inline(__always)
    static func compareRatios<T: FixedWidthInteger & SignedInteger>(_ a: T, _ p: T, _ b: T, _ q: T) -> Int {
        let x = a.multipliedFullWidth(by: q), y = b.multipliedFullWidth(by: p)
        if x.high != y.high { return x.high < y.high ? -1 : 1 }
        if x.low != y.low { return x.low < y.low ? -1 : 1 }
        return 0
    }

    /// Edmonds' fraction-free update t[i][j] ← (t[i][j]·p − t[i][c]·t[r][j]) / det for every row
    /// i ≥ `start` except r. The division is exact, so it is done as a shift by det's power of two
    /// and a multiplication by the inverse of its odd part modulo 2^bitWidth (Newton's iteration,
    /// a few cycles instead of a hardware division). Returns the first row whose update
    /// overflows (the table is then partly updated from `start` to that row), or nil.
    @inline(__always)
    static func pivot<T: FixedWidthInteger & SignedInteger>(_ t: inout [T], scratch: inout [T], rows: Int, width: Int,
                                                             row r: Int, column c: Int, det: inout T, from start: Int) -> Int? {
        let d = det
        let shift = d.trailingZeroBitCount
        let odd = T.Magnitude(truncatingIfNeeded: d >> shift)
        let inv = T(truncatingIfNeeded: inverseOdd(odd))
        let p = t[r * width + c]
        let failed: Int? = t.withUnsafeMutableBufferPointer { tb in
            scratch.withUnsafeMutableBufferPointer { sb in
                let rowR = r * width
                var i = start
                while i < rows {
                    if i == r { i += 1; continue }
                    let rowI = i * width
                    let f = tb[rowI + c]
                    var j = 0
                    while j < width {
                        if j != c {
                            let (x, o1) = tb[rowI + j].multipliedReportingOverflow(by: p)
                            let (y, o2) = f.multipliedReportingOverflow(by: tb[rowR + j])
                            let (z, o3) = x.subtractingReportingOverflow(y)
                            if o1 || o2 || o3 { return i }
                            let q = (z >> shift) &* inv
                            assert(q.multipliedReportingOverflow(by: d).partialValue == z, "inexact fraction-free division")
                            sb[j] = q
                        }
                        j += 1
                    }
                    if f == .min { return i }
                    sb[c] = -f
                    for k in 0..<width { tb[rowI + k] = sb[k] }
                    i += 1
                }
                tb[rowR + c] = d
                return nil
            }
        }
        if failed == nil { det = p }
        return failed
    }
}

// MARK: - BigInt: fraction-free, unbounded

extension BigInt: PivotScalar {
    static var one: BigInt { BigInt(1) }
    var isPositivePivot: Bool { signum() > 0 }

    static func compareRatios(_ a: BigInt, _ p: BigInt, _ b: BigInt, _ q: BigInt) -> Int {
        let x = a * q, y = b * p
        return x == y ? 0 : (x < y ? -1 : 1)
    }

    static func pivot(_ t: inout [BigInt], scratch: inout [BigInt], rows: Int, width: Int, row r: Int, column c: Int,
                      det: inout BigInt, from start: Int) -> Int? {
        let d = det
        let p = t[r * width + c]
        let rowR = r * width
        for i in start..<rows where i != r {
            let rowI = i * width
            let f = t[rowI + c]
            for j in 0..<width where j != c {
                var z = t[rowI + j] * p
                if !f.isZero { z -= f * t[rowR + j] }
                t[rowI + j] = d == 1 ? z : z / d
            }
            t[rowI + c] = -f
        }
        t[rowR + c] = d
        det = p
        return nil
    }
}

// MARK: - Double and Float80: Gauss–Jordan on the floating path

/// Floating-point pivoting, shared by `Double` (the fast path) and `Float80` (64-bit significand,
/// the second try on x86 when a `Double` path's endpoint fails its certificate).
protocol FloatingPivotScalar: PivotScalar, BinaryFloatingPoint {}

extension FloatingPivotScalar {
    static var one: Self { 1 }
    static var isFloatingPoint: Bool { true }
    /// Rounding noise: within 64 ulps of the largest basic value (not a tolerance on data: a
    /// legitimately small basic value on the ill-conditioned Savani–von Stengel paths is far
    /// above it, while a value that is zero in exact arithmetic comes out at this size).
    @inline(__always) func isNegligible(relativeTo scale: Self) -> Bool { Swift.abs(self) <= 64 * Self.ulpOfOne * scale }
    @inline(__always) static func larger(_ a: Self, _ b: Self) -> Self { Swift.max(a, b) }
    @inline(__always) var floatingMagnitude: Self { Swift.abs(self) }

    /// Any positive entry is a candidate. An absolute threshold is wrong here: on the
    /// Savani–von Stengel games legitimate pivot elements are as small as 1e-10 and entries as
    /// small as 1e-14 next to entries of 1e10 (QuantEcon's absolute 1e-10 stops its d = 14 path
    /// after a few pivots). A rounding-noise entry gets a huge ratio and so never wins the test;
    /// a wrong pivot can only make the endpoint fail its exact certificate (then the path is rerun
    /// exactly).
    @inline(__always) var isPositivePivot: Bool { self > 0 }

    /// Relative comparison only: an absolute floor (the former `max(|x|, |y|, 1)`) declares every
    /// pair of small ratios a tie and lets the lexicographic rule choose a wrong row; that, with
    /// payoffs squeezed into [1, 2], sent the d = 10 path astray.
    @inline(__always)
    static func compareRatios(_ a: Self, _ p: Self, _ b: Self, _ q: Self) -> Int {
        let x = a * q, y = b * p
        let diff = x - y
        if Swift.abs(diff) <= Self(Tolerance.pivot) * Swift.max(Swift.abs(x), Swift.abs(y)) { return 0 }
        return diff < 0 ? -1 : 1
    }

    /// Normalised pivoting: the basic columns stay unit vectors, so `det` stays 1.
    @inline(__always)
    static func pivot(_ t: inout [Self], scratch: inout [Self], rows: Int, width: Int, row r: Int, column c: Int,
                      det: inout Self, from start: Int) -> Int? {
        // The scaled pivot row is copied to `scratch` so that the row updates read a buffer they do
        // not write (no aliasing: the inner loop vectorises).
        t.withUnsafeMutableBufferPointer { tb in
            scratch.withUnsafeMutableBufferPointer { pr in
                let base = tb.baseAddress!, row = pr.baseAddress!
                let rowR = r * width
                let p = base[rowR + c]
                let ip = 1 / p
                for j in 0..<width { let v = base[rowR + j] * ip; base[rowR + j] = v; row[j] = v }
                base[rowR + c] = ip
                row[c] = 0
                for i in start..<rows where i != r {
                    let dst = base + i * width
                    let f = dst[c]
                    if f == 0 { continue }
                    for j in 0..<width { dst[j] -= f * row[j] }
                    dst[c] = -f * ip
                }
            }
        }
        det = 1
        return nil
    }
}

extension Double: FloatingPivotScalar {}
#if arch(x86_64) || arch(i386)
extension Float80: FloatingPivotScalar {}
#endif

// MARK: - Int128: the fixed-width tier between Int and BigInt

extension Int128: PivotScalar {
    static var one: Int128 { 1 }
    @inline(__always) var isPositivePivot: Bool { self > 0 }

    @inline(__always)
    static func compareRatios(_ a: Int128, _ p: Int128, _ b: Int128, _ q: Int128) -> Int {
        FixedWidthPivot.compareRatios(a, p, b, q)
    }

    /// The same fraction-free update as for `Int`, in 128 bits.
    @inline(__always)
    static func pivot(_ t: inout [Int128], scratch: inout [Int128], rows: Int, width: Int, row r: Int, column c: Int,
                      det: inout Int128, from start: Int) -> Int? {
        FixedWidthPivot.pivot(&t, scratch: &scratch, rows: rows, width: width, row: r, column: c, det: &det, from: start)
    }
}
