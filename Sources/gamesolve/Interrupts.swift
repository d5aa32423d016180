import Dispatch
import GameSolve
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM for long runs: the first signal cancels the solver (through
/// ``SolverLimits/cancellation``), which stops at its next check and returns what it found; the
/// command prints that, marked incomplete, and exits 130 (SIGINT) or 143 (SIGTERM). Output is
/// written only once the result is complete, so nothing is ever half-written. A solver that
/// cannot stop early (one Lemke–Howson path, an LP) is given two seconds; then, or at a second
/// signal, the process exits with the same status and prints nothing.
enum Interrupts {
    /// The flag every cancellable solve of this process shares.
    static let cancellation = Cancellation()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let received = Mutex(Int32(0))
    private static let queue = DispatchQueue(label: "gamesolve.signals")

    /// Installs the handlers (once; idempotent). `report`, when given, is called on the first
    /// signal before ``cancellation`` is cancelled: `bench` prints what was measured and exits;
    /// `partition` forwards the stop to its anytime search, which then returns its best.
    static func install(report: (@Sendable (Int32) -> Void)? = nil) {
        guard sources.isEmpty else { return }
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            // A queue of its own (an overcommitting serial queue gets a thread even when solver
            // work fills the global pool, as a parallel search does on a 2-core machine).
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler {
                let first = received.withLock { r -> Bool in
                    defer { if r == 0 { r = sig } }
                    return r == 0
                }
                guard first else { _exit(128 + sig) }
                if let report { report(sig) }
                cancellation.cancel()
                queue.asyncAfter(deadline: .now() + 2) {
                    Diagnostics.error("interrupted by \(sig == SIGINT ? "SIGINT" : "SIGTERM") (the solver could not stop early; nothing to report)")
                    _exit(128 + sig)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Ends a run whose printed result may be incomplete: one `gamesolve: error:` line (why it
    /// stopped, then `detail`) and the documented status, 75 after `--timeout`, 130/143 after a
    /// signal.
    static func endIncomplete(interrupted: Bool, _ detail: String) -> Never {
        Diagnostics.error((interrupted ? "interrupted by a signal" : "stopped: the --timeout ran out") + detail)
        terminate(interrupted ? exitStatus : ExitStatus.stoppedByTimeout)
    }

    /// The exit status for a run that was interrupted: 130 after SIGINT, 143 after SIGTERM.
    static var exitStatus: Int32 {
        let sig = received.withLock { $0 }
        return 128 + (sig == 0 ? SIGINT : sig)
    }
}
