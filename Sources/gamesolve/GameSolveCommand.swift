import ArgumentParser
import Foundation
import GameSolve
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct GameSolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gamesolve",
        abstract: "Equilibria and coalition allocations of games, exactly.",
        discussion: """
        Reads strategic-form games from Gambit .nfg, CSV, JSON or lrsnash files (the format is \
        taken from the file extension or --input-format; '-' reads standard input) and answers in \
        exact fractions. Results go to standard output, diagnostics to standard error.

        Exit status: 0 success, 64 bad command line or a size beyond a stated limit, 65 malformed \
        game file (the message names file:line:column), 66 file not found or unreadable, 75 \
        stopped by --timeout (what was found is printed, marked incomplete), 130 and 143 \
        interrupted by SIGINT or SIGTERM (likewise), 1 any other error. Every error is one line \
        on standard error, starting with "gamesolve: error: ".
        """,
        version: "gamesolve \(GameSolveVersion.current)",
        subcommands: [
            InfoCommand.self,
            ConvertCommand.self,
            NashCommand.self,
            MinimaxCommand.self,
            CorrelatedCommand.self,
            GenerateCommand.self,
            BenchCommand.self,
            ShapleyCommand.self,
            BanzhafCommand.self,
            PowerCommand.self,
            CoreCommand.self,
            LeastCoreCommand.self,
            NucleolusCommand.self,
            PrenucleolusCommand.self,
            TournamentCommand.self,
            MatchCommand.self,
            RepeatedCommand.self,
            PublicGoodsCommand.self,
            PartitionCommand.self,
            LearnCommand.self,
            RankCommand.self,
            MergeCommand.self,
        ]
    )

    /// Runs the command line, mapping errors to exit statuses: malformed input 65 (with
    /// `file:line:column` on stderr and nothing on stdout), unreadable files 66, other errors 1;
    /// a search stopped by `--timeout` prints what it found and exits with 75. Every error,
    /// ArgumentParser's included, is one line `gamesolve: error: ...` on standard error; usage
    /// errors (unknown option, bad value, missing argument, option that does not apply) exit 64.
    static func main() {
        // `gamesolve help NAME` with an unknown NAME would print the root help and exit 0.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "help", arguments.count > 1, arguments[1] != "help", subcommandName(in: Array(arguments.dropFirst())) == nil {
            Diagnostics.error("help: unknown subcommand '\(arguments[1])' (see 'gamesolve --help')")
            terminate(ExitStatus.usage)
        }
        do {
            var command = try parseAsRoot()
            _ = Stopwatch.command        // starts the command's clock (elapsedSeconds of TU results)
            try command.run()
        } catch let error as GameFormatError {
            Diagnostics.error("\(error)")
            terminate(ExitStatus.malformedInput)
        } catch let error as GameInputError {
            // The library's message names the problem; the remedy is the command line's option.
            Diagnostics.error(error.reason == .unknownFormat ? "\(error.message): use --input-format nfg|csv|json|lrs" : error.message)
            switch error.reason {
            case .io: terminate(ExitStatus.cannotRead)
            case .unknownFormat: terminate(ExitStatus.usage)
            case .unsupported: terminate(ExitStatus.failure)
            }
        } catch let error as LimitExceeded {
            Diagnostics.error(error.message)
            terminate(ExitStatus.usage)
        } catch let error as CommandFailure {
            Diagnostics.error(error.message)
            terminate(ExitStatus.failure)
        } catch let error as CoreSolutionError {
            // e.g. a nucleolus or least core that could not be verified: never printed as an answer.
            Diagnostics.error(error.description)
            terminate(ExitStatus.failure)
        } catch let error as StoppedByTimeout {
            Diagnostics.error(error.message)
            terminate(ExitStatus.stoppedByTimeout)
        } catch {
            reportParserError(error)
        }
    }

    /// ArgumentParser's errors in the project's style: `--help` and `--version` print to standard
    /// output and exit 0; anything else is one line on standard error (never the usage text),
    /// exit 64 for usage errors and 1 otherwise.
    static func reportParserError(_ error: Error) -> Never {
        let code = exitCode(for: error)
        if code == .success { exit(withError: error) }
        var line = oneLine(message(for: error))
        if code == .validationFailure {
            if line.hasSuffix(".") { line.removeLast() }
            let command = subcommandName(in: Array(CommandLine.arguments.dropFirst()))
            line += " (see 'gamesolve \(command.map { "\($0) " } ?? "")--help')"
        }
        if line.isEmpty { line = "failed (exit status \(code.rawValue))" }
        Diagnostics.error(line)
        terminate(code == .validationFailure ? ExitStatus.usage : code.rawValue)
    }

    /// A multi-line message condensed to one line, starting in lower case like the project's own
    /// messages ("unknown option '--bogus'").
    static func oneLine(_ message: String) -> String {
        let parts = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var text = parts.joined(separator: "; ")
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase ?? false {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }

    /// The subcommand named on the command line (its first argument, or `help X`), if any.
    static func subcommandName(in arguments: [String]) -> String? {
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }
        guard let first = arguments.first, names.contains(first) else { return nil }
        return first
    }
}

/// Ends the process with `status` (standard output is flushed by the C library).
func terminate(_ status: Int32) -> Never { exit(status) }

/// Exit statuses (the BSD sysexits values where one applies).
enum ExitStatus {
    static let failure: Int32 = 1
    static let usage: Int32 = 64
    static let malformedInput: Int32 = 65
    static let cannotRead: Int32 = 66
    /// `--timeout` ran out: what was found is printed, but it may be incomplete (EX_TEMPFAIL:
    /// run again with a longer limit).
    static let stoppedByTimeout: Int32 = 75
}

/// `--timeout` ran out before a solver that has no partial answer (an LP) finished: nothing is
/// printed on standard output, the message goes to standard error, exit status 75.
struct StoppedByTimeout: Error {
    let message: String
    init(seconds: Double) {
        message = "stopped: the --timeout of \(seconds) s ran out before the linear program was solved exactly (nothing to report; try a longer --timeout)"
    }
}

/// A request beyond a stated size limit (players, table size, memory): exit status 64, the
/// message names the limit, the size asked for and, where there is one, the override.
struct LimitExceeded: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// An error a subcommand reports to the user (exit status 1).
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }

/// Writing to standard error.
enum Diagnostics {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { systemWrite(2, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { break }
            offset += n
        }
    }

    static func error(_ message: String) { write("gamesolve: error: \(message)\n") }
    static func note(_ message: String) { write("gamesolve: note: \(message)\n") }
}
