import ArgumentParser
import GameSolve

/// Options of the two-player pivoting and enumeration methods (`lemke-howson`,
/// `support-enumeration`) of `gamesolve nash`.
struct NashMethodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("lemke-howson: the label to drop, as row:I or column:J (0-based) or a label index 0..m+n-1 (default row:0).", valueName: "label"))
    var label: String?

    @Flag(name: .customLong("all-labels"), help: "lemke-howson: run every label and report which labels reached which equilibrium.")
    var allLabels = false

    @Option(help: ArgumentHelp("lemke-howson: exact (default: the path walked in doubles, ties decided exactly, the endpoint solved and checked in rationals; fraction-free rerun if that fails), fraction-free (integer pivoting throughout: Int, then Int128, then big integers), double or extended (floating-point paths for speed studies; endpoints still verified).", valueName: "arithmetic"))
    var arithmetic: LemkeHowson.Arithmetic = .exact

    @Flag(name: .customLong("equal-size-supports"),
          help: "support-enumeration: only supports of equal size (all equilibria of nondegenerate games; faster).")
    var equalSizeSupports = false

    @Option(name: .customLong("newton-starts"),
            help: ArgumentHelp("support-enumeration, three or more players: Newton starts per support with three or more players mixing (default: 8 + 4 per free probability, at most 64).", valueName: "n"))
    var newtonStarts: Int?

    @Option(name: .customLong("max-support-profiles"),
            help: ArgumentHelp("support-enumeration, three or more players: refuse a complete search over more support profiles than this unless --timeout or --max-equilibria bounds it.", valueName: "n"))
    var maxSupportProfiles: Int = 1_000_000

    @Option(name: .customLong("lambda"), parsing: .upToNextOption,
            help: ArgumentHelp("logit: also report the quantal response equilibrium at these λ values (on the game's payoff scale).", valueName: "λ"))
    var lambdas: [Double] = []

    func validate() throws {
        if lambdas.contains(where: { !($0 >= 0) || !$0.isFinite }) { throw ValidationError("--lambda values must be finite and non-negative") }
        if let k = newtonStarts, k < 1 { throw ValidationError("--newton-starts must be at least 1") }
        if maxSupportProfiles < 1 { throw ValidationError("--max-support-profiles must be at least 1") }
        if label != nil && allLabels { throw ValidationError("--label and --all-labels exclude each other") }
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
