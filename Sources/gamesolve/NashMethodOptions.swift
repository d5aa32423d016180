import ArgumentParser
import GameSolve

/// Options of the two-player pivoting and enumeration methods (`lemke-howson`,
/// `support-enumeration`) of `gamesolve nash`.
struct NashMethodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("lemke-howson: the label to drop, as row:I or column:J (0-based) or a label index 0..m+n-1 (default row:0).", valueName: "label"))
    var label: String?

    @Flag(name: .customLong("all-labels"), help: "lemke-howson: run every label and report which labels reached which equilibrium.")
    var allLabels = false

    @Option(help: ArgumentHelp("lemke-howson: exact (the default: the path walked in doubles, ties decided exactly, the endpoint solved and checked in rationals; fraction-free rerun if that fails), fraction-free (integer pivoting throughout: Int, then Int128, then big integers), double or extended (floating-point paths for speed studies; endpoints still verified).", valueName: "arithmetic"))
    var arithmetic: LemkeHowson.Arithmetic?

    @Flag(name: .customLong("equal-size-supports"),
          help: "support-enumeration: only supports of equal size (all equilibria of nondegenerate games; faster).")
    var equalSizeSupports = false

    @Option(name: .customLong("newton-starts"),
            help: ArgumentHelp("support-enumeration, three or more players: Newton starts per support with three or more players mixing (default: 8 + 4 per free probability, at most 64).", valueName: "n"))
    var newtonStarts: Int?

    @Option(name: .customLong("max-support-profiles"),
            help: ArgumentHelp("support-enumeration, three or more players: refuse a complete search over more support profiles than this unless --timeout or --max-equilibria bounds it (default 1000000); without --method, the search size above which logit is chosen.", valueName: "n"))
    var maxSupportProfilesOption: Int?

    /// `--max-support-profiles`, or its default.
    var maxSupportProfiles: Int { maxSupportProfilesOption ?? 1_000_000 }

    @Option(name: .customLong("lambda"), parsing: .upToNextOption,
            help: ArgumentHelp("logit: also report the quantal response equilibrium at these λ values (on the game's payoff scale).", valueName: "λ"))
    var lambdas: [Double] = []

    /// Options that do not apply to the method are usage errors, never silently ignored.
    /// `explicit` is `--method` as given; `resolved` the method that runs and `players` the
    /// game's player count, once the game is read (nil in `validate()`, before it is).
    func checkApplies(method explicit: NashMethod?, resolved: NashMethod? = nil, players: Int? = nil, jobs: Int?) throws {
        let method = explicit ?? resolved
        func fail(_ option: String, _ needs: String) -> ValidationError {
            let chosen = explicit.map { "--method \($0.rawValue)" }
                ?? resolved.map { "\($0.rawValue), the default method for this game" }
                ?? "the default method (enumerate for two players, otherwise support-enumeration or logit)"
            return ValidationError("\(option) applies only to \(needs), not to \(chosen)")
        }
        if explicit != .lemkeHowson {
            if let l = label { throw fail("--label \(l)", "--method lemke-howson") }
            if allLabels { throw fail("--all-labels", "--method lemke-howson") }
            if let a = arithmetic { throw fail("--arithmetic \(a.rawValue)", "--method lemke-howson") }
        }
        if equalSizeSupports {
            if explicit != .supportEnumeration { throw fail("--equal-size-supports", "--method support-enumeration on two-player games") }
            if let p = players, p != 2 {
                throw ValidationError("--equal-size-supports applies only to two-player games; this one has \(p) players")
            }
        }
        if let k = newtonStarts {
            if let m = method, m != .supportEnumeration { throw fail("--newton-starts \(k)", "support-enumeration on games of three or more players") }
            if players == 2 { throw ValidationError("--newton-starts \(k) applies only to games of three or more players; this one has 2") }
        }
        if let n = maxSupportProfilesOption {
            if let m = explicit, m != .supportEnumeration { throw fail("--max-support-profiles \(n)", "support-enumeration on games of three or more players") }
            if players == 2 { throw ValidationError("--max-support-profiles \(n) applies only to games of three or more players; this one has 2") }
        }
        if !lambdas.isEmpty, let m = method, m != .logit {
            throw fail("--lambda \(lambdas.map { "\($0)" }.joined(separator: " "))", "--method logit")
        }
        if let j = jobs, let m = method {
            if m != .enumerate && m != .supportEnumeration || (m == .supportEnumeration && players.map { $0 != 2 } ?? false) {
                throw fail("--jobs \(j)", "the parallel methods, enumerate and two-player support-enumeration")
            }
        }
    }

    func validate() throws {
        if let l = lambdas.first(where: { !($0 >= 0) || !$0.isFinite }) { throw ValidationError("--lambda values must be finite and non-negative, got \(l)") }
        if let k = newtonStarts, k < 1 { throw ValidationError("--newton-starts must be at least 1, got \(k)") }
        if let n = maxSupportProfilesOption, n < 1 { throw ValidationError("--max-support-profiles must be at least 1, got \(n)") }
        if let l = label, allLabels { throw ValidationError("--label \(l) and --all-labels exclude each other") }
        if let l = label, Self.parseLabel(l, rowCount: Int.max) == nil {
            throw ValidationError("--label must be row:I, column:J or a label index, got '\(l)'")
        }
    }

    /// Parses `row:I`, `column:J` (also `r:I`, `c:J`) or a label index.
    static func parseLabel(_ text: String, rowCount m: Int) -> LemkeHowson.Label? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2, let k = Int(parts[1]), k >= 0 {
            switch parts[0].lowercased() {
            case "row", "r": return .row(k)
            case "column", "col", "c": return .column(k)
            default: return nil
            }
        }
        if parts.count == 1, let k = Int(parts[0]), k >= 0 { return m == Int.max ? .row(k) : LemkeHowson.Label(index: k, rowCount: m) }
        return nil
    }
}

extension LemkeHowson.Arithmetic: ExpressibleByArgument {}
