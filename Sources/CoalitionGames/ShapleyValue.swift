import BigInt
import ExactArithmetic
import SolverSupport

/// Exact Shapley and Banzhaf values of a table game.
///
/// Source: Shapley (1953), "A value for n-person games"; Banzhaf (1965) / Owen (1975) for the
/// (non-normalised) Banzhaf value β_i = 2^{1−n} Σ_{S∌i} (v(S∪i) − v(S)).
///
/// Steps: one pass over the table accumulates, for each player i and size k, the integer sums
/// a(i, k) = Σ_{|S|=k, S∋i} v(S) (one add per member of each coalition, parallel over chunks of
/// the table, each worker with its own accumulators). With T(k) = Σ_{|S|=k} v(S) = Σᵢ a(i,k)/k and
/// b(i, k) = T(k) − a(i, k):
///
///     φᵢ = Σ_k [ a(i,k)·(k−1)!(n−k)! − b(i,k)·k!(n−k−1)! ] / n!
///     βᵢ = [ Σ_k a(i,k) − Σ_k b(i,k) ] / 2^{n−1}
///
/// both combined in big integers, so the results are exact rationals.
/// Accumulators are `Int64` when |v|·2^{n−1} cannot overflow, otherwise `Int128`.
///
/// - Complexity: O(n·2^n) integer additions (n/2 per coalition on average), split over `jobs`
///   threads; O(n²·jobs) extra memory. n = 25 runs over the 256 MB table.
public struct CoalitionValues: Sendable {
    /// The Shapley value, one exact entry per player.
    public let shapley: [Rational]
    /// The Banzhaf value (raw, not normalised), one exact entry per player.
    public let banzhaf: [Rational]
}

extension TUGame {
    /// The exact Shapley and Banzhaf values (see ``CoalitionValues``).
    /// - Parameter jobs: worker threads (nil: all active processors).
    public func shapleyAndBanzhaf(jobs: Int? = nil) -> CoalitionValues {
        let n = playerCount
        let maxAbs = numerators.lazy.map(\.magnitude).max() ?? 0
        let bits = UInt.bitWidth - maxAbs.leadingZeroBitCount
        let a: [Int128] = bits + n + 1 < 63 ? accumulate(Int64.self, jobs: jobs) : accumulate(Int128.self, jobs: jobs)
        return Self.values(fromSums: a, players: n, denominator: denominator)
    }

    /// The values from the sums a(i, k) of ``accumulate(_:jobs:masks:)`` over the whole table.
    static func values(fromSums a: [Int128], players n: Int, denominator: Int) -> CoalitionValues {
        let stride = n + 1
        var factorial = [BigInt(1)]
        for k in 1...n { factorial.append(factorial[k - 1] * BigInt(k)) }
        // T(k) = Σ_i a(i,k) / k.
        var total = [Int128](repeating: 0, count: stride)
        for k in 1...n {
            var s: Int128 = 0
            for i in 0..<n { s += a[i * stride + k] }
            total[k] = s / Int128(k)
        }
        let d = BigInt(denominator)
        var shapley: [Rational] = [], banzhaf: [Rational] = []
        for i in 0..<n {
            var phi = BigInt(0), beta = BigInt(0)
            for k in 1...n {
                let aik = a[i * stride + k]
                let bik = total[k] - aik
                phi += BigInt(aik) * factorial[k - 1] * factorial[n - k]
                if k < n { phi -= BigInt(bik) * factorial[k] * factorial[n - k - 1] }
                beta += BigInt(aik) - BigInt(bik)
            }
            shapley.append(Rational(phi, factorial[n] * d))
            banzhaf.append(Rational(beta, (BigInt(1) << (n - 1)) * d))
        }
        return CoalitionValues(shapley: shapley, banzhaf: banzhaf)
    }

    /// The exact Shapley value.
    public func shapleyValue(jobs: Int? = nil) -> [Rational] { shapleyAndBanzhaf(jobs: jobs).shapley }

    /// The exact (raw) Banzhaf value.
    public func banzhafValue(jobs: Int? = nil) -> [Rational] { shapleyAndBanzhaf(jobs: jobs).banzhaf }

    /// a(i, k) for all i, k, flattened as i·(n+1) + k, summed over the coalitions in `masks`
    /// (nil: the whole table).
    func accumulate<A: FixedWidthInteger & SignedInteger & Sendable>(_: A.Type, jobs: Int?, masks: Range<Int>? = nil) -> [Int128] {
        let n = playerCount, stride = n + 1
        let first = masks?.lowerBound ?? 0, size = masks?.count ?? numerators.count
        let workers = max(1, min(jobs ?? Machine.processorCount, size >> 12 == 0 ? 1 : 64))
        let chunk = (size + workers - 1) / workers
        let results = ResultBox<[Int128]>(count: workers)
        numerators.withUnsafeBufferPointer { table in
            let table = UnsafeSendable(table)
            runOnThreads(workers) { w in
                var acc = [A](repeating: 0, count: n * stride)
                let lo = max(1, first + w * chunk), hi = first + min(size, (w + 1) * chunk)
                if lo < hi {
                    acc.withUnsafeMutableBufferPointer { acc in
                        for s in lo..<hi {
                            let v = A(truncatingIfNeeded: table.value[s])
                            if v == 0 { continue }
                            let k = s.nonzeroBitCount
                            var m = s
                            while m != 0 {
                                acc[m.trailingZeroBitCount &* stride &+ k] &+= v
                                m &= m &- 1
                            }
                        }
                    }
                }
                results.set(w, acc.map { Int128($0) })
            }
        }
        var sum = [Int128](repeating: 0, count: n * stride)
        for part in results.all() { for j in 0..<sum.count { sum[j] += part[j] } }
        return sum
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// A pointer made sendable for read-only parallel loops whose lifetime is bounded by the caller.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Per-worker results collected from a concurrent loop.
final class ResultBox<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLockLike()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }
    func all() -> [T] { lock.withLock { slots.compactMap { $0 } } }
}

/// A tiny mutex over a pthread mutex (keeps the model free of Foundation).
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
