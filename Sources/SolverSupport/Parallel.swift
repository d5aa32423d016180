import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine facts and the one parallel runner every solver uses.
///
/// Solvers that split CPU-bound work run it with ``runOnThreads(_:_:)`` on
/// `limits.jobs ?? Machine.processorCount` threads, and share results through `Mutex` and
/// `Atomic` from the standard library's Synchronization module.
public enum Machine {
    /// The number of online processors: the default number of threads of every parallel solver.
    public static var processorCount: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #elseif canImport(Darwin)
        return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
        #else
        return 1
        #endif
    }

    /// Physical memory of the machine in bytes (for the size statements of exponential commands).
    public static var physicalMemoryBytes: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE)))
        #elseif canImport(Darwin)
        return Int(sysconf(_SC_PHYS_PAGES)) * Int(sysconf(_SC_PAGESIZE))
        #else
        return 8 << 30
        #endif
    }
}

/// Runs `body(0)`, …, `body(count − 1)` at the same time on `count` threads (the caller's and
/// count − 1 new POSIX threads) and returns when all are done: the one parallel runner of the
/// library.
///
/// Not `DispatchQueue.concurrentPerform`: on Linux, libdispatch adds worker threads only while
/// it sees idle cores, so on a loaded machine it runs every iteration on the calling thread, one
/// after the other, and a parallel solver gets no second thread at all. Not a task group
/// either: blocking CPU work on the cooperative pool starves it.
/// - Complexity: `count − 1` thread creations and joins, plus the bodies.
public func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    final class Start: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
    #if canImport(Glibc) || canImport(Darwin)
    var threads: [pthread_t] = []
    for k in 1..<max(1, count) {
        let start = Unmanaged.passRetained(Start { body(k) }).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let rc = pthread_create(&thread, nil, { p in
            Unmanaged<Start>.fromOpaque(p!).takeRetainedValue().run()
            return nil
        }, start)
        if rc == 0 {
            #if canImport(Glibc)
            threads.append(thread)
            #else
            threads.append(thread!)
            #endif
        } else {
            // No thread available: run this share on the calling thread afterwards.
            Unmanaged<Start>.fromOpaque(start).takeRetainedValue().run()
        }
    }
    body(0)
    for t in threads { pthread_join(t, nil) }
    #else
    for k in 0..<count { body(k) }
    #endif
}

/// Runs `body(0)`, …, `body(iterations − 1)` on `threads` threads (``runOnThreads(_:_:)``), each
/// thread taking the next unclaimed iteration until none is left, and returns when all are done.
/// For work cut into more pieces than threads, so that a slow piece does not leave a core idle.
/// - Complexity: one atomic increment per iteration, plus the bodies.
public func runOnThreads(_ threads: Int, iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let next = Atomic<Int>(0)
    runOnThreads(max(1, min(threads, iterations))) { _ in
        while true {
            let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
            if k >= iterations { return }
            body(k)
        }
    }
}
