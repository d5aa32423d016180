import Foundation
import Testing

/// Every result command's `--format json` output on the bundled examples validates against its
/// committed schema (`Schemas/<command>.schema.json`, issue 18), and the validator is not
/// vacuous: documents that break the schemas are refused.
@Suite struct SchemaTests {
    static let validator: Result<SchemaValidator, Error> = Result {
        try SchemaValidator(directory: CLI.packageRoot.appendingPathComponent("Schemas"))
    }

    /// (schema, arguments): every command that prints a result, on the examples, with and
    /// without --decimals.
    static let runs: [(String, [String])] = [
        ("info", ["info", "Examples/prisoners-dilemma.nfg"]),
        ("info", ["info", "Examples/von-stengel-3x2-degenerate.csv", "--decimals", "3"]),
        ("info", ["info", "Examples/three-partners.json"]),
        ("nash", ["nash", "Examples/von-stengel-3x2-degenerate.csv"]),
        ("nash", ["nash", "Examples/battle-of-the-sexes.nfg", "--method", "lemke-howson", "--all-labels", "--decimals", "4"]),
        ("nash", ["nash", "Examples/battle-of-the-sexes.nfg", "--method", "support-enumeration"]),
        ("nash", ["nash", "Examples/three-player-coordination.nfg", "--method", "pure"]),
        ("nash", ["nash", "Examples/mckelvey-mclennan-2x2x2.nfg", "--decimals", "4"]),
        ("nash", ["nash", "Examples/three-player-coordination.nfg", "--method", "logit", "--lambda", "1"]),
        ("minimax", ["minimax", "Examples/matching-pennies-zero-sum.csv"]),
        ("minimax-floating", ["minimax", "Examples/rock-paper-scissors.nfg", "--lp", "floating"]),
        ("correlated", ["correlated", "Examples/chicken.json", "--decimals", "4"]),
        ("shapley", ["shapley", "Examples/talmud-200.json"]),
        ("shapley", ["shapley", "Examples/glove-1-left-2-right.json", "--samples", "200", "--seed", "3"]),
        ("banzhaf", ["banzhaf", "Examples/glove-1-left-2-right.json", "--decimals", "4"]),
        ("power", ["power", "Examples/un-security-council.json", "--decimals", "4"]),
        ("core", ["core", "Examples/glove-1-left-2-right.json"]),
        ("core", ["core", "Examples/glove-1-left-2-right.json", "--allocation", "1/2,1/4,1/4", "--decimals", "2"]),
        ("least-core", ["least-core", "Examples/three-partners.json"]),
        ("nucleolus", ["nucleolus", "Examples/talmud-200.json", "--decimals", "4"]),
        ("prenucleolus", ["prenucleolus", "Examples/glove-1-left-2-right.json"]),
        ("partition", ["partition", "Examples/three-partners.json", "--allocations", "--decimals", "2"]),
        ("learn", ["learn", "Examples/rock-paper-scissors.nfg", "--dynamics", "hedge", "--iterations", "20", "--trace-every", "10"]),
        ("rank", ["rank", "Examples/rock-paper-scissors.nfg"]),
        ("rank", ["rank", "Examples/rock-paper-scissors.nfg", "--method", "nash-averaging"]),
        ("repeated", ["repeated", "Examples/prisoners-dilemma.nfg", "--discount", "1/4"]),
        ("tournament", ["tournament", "--strategies", "tit-for-tat,defector,grudger", "--turns", "10", "--moran-population", "4"]),
        ("match", ["match", "tit-for-tat", "defector", "--turns", "10"]),
        ("public-goods", ["public-goods", "--players", "always-contribute,never-contribute,conditional:1", "--rounds", "3"]),
        ("bench", ["bench", "--solver", "pure", "--sizes", "2,3", "--seeds", "1"]),
    ]

    @Test func everyCommandsJSONValidatesAgainstItsSchema() throws {
        let validator = try Self.validator.get()
        for (schema, arguments) in Self.runs {
            let r = try CLI.run(arguments + ["--format", "json"])
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            let errors = try validator.validate(r.stdout, against: "\(schema).schema.json")
            #expect(errors.isEmpty, "\(arguments.joined(separator: " ")): \(errors.prefix(5).joined(separator: "; "))")
        }
        // Every committed command schema is exercised.
        let covered = Set(Self.runs.map { "\($0.0).schema.json" })
        #expect(Set(validator.schemas.keys).subtracting(covered) == ["envelope.schema.json"])
    }

    @Test func mergedPartsValidateAgainstTheCommandsSchema() throws {
        let validator = try Self.validator.get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (schema, arguments) in [("nash", ["nash", "Examples/von-stengel-3x2-degenerate.csv", "--method", "enumerate", "--format", "json"]),
                                    ("shapley", ["shapley", "Examples/talmud-200.json", "--format", "json"]),
                                    ("tournament", ["tournament", "--strategies", "tit-for-tat,defector,grudger", "--turns", "10",
                                                    "--format", "json"])] {
            var parts: [String] = []
            for i in 1...2 {
                let r = try CLI.run(arguments + ["--shard", "\(i)/2"])
                #expect(r.status == 0, "\(r.stderr)")
                let path = dir.appendingPathComponent("\(schema)_\(i).json").path
                try r.stdout.write(toFile: path, atomically: true, encoding: .utf8)
                parts.append(path)
            }
            let merged = try CLI.run(["merge"] + parts + ["--decimals", "3"])
            #expect(merged.status == 0, "\(merged.stderr)")
            let errors = try validator.validate(merged.stdout, against: "\(schema).schema.json")
            #expect(errors.isEmpty, "merge \(schema): \(errors.prefix(5).joined(separator: "; "))")
            #expect(merged.stdout.contains("Decimal\""), "merge --decimals adds the decimal companions")
        }
    }

    /// The validator refuses documents that break the schemas: a wrong type, a missing key, an
    /// unknown key, a value outside an enum, a non-fraction exact value, a typed detail given as a
    /// string, a negative index.
    @Test func wrongDocumentsFailValidation() throws {
        let validator = try Self.validator.get()
        let r = try CLI.run(["nash", "Examples/battle-of-the-sexes.nfg", "--method", "lemke-howson", "--all-labels", "--format", "json"])
        #expect(r.status == 0)
        let good = r.stdout
        #expect(try validator.validate(good, against: "nash.schema.json").isEmpty)
        let broken: [(String, String)] = [
            ("\"pivots\": [2, 2]", "\"pivots\": \"2 2\""),
            ("\"counters\": {", "\"counters\": {\"bogus\": \"1\", "),
            ("\"command\": \"nash\"", "\"command\": \"nosh\""),
            ("\"payoffs\": [\"2\", \"1\"]", "\"payoffs\": [\"2.0\", \"1\"]"),
            ("\"stopReason\": \"completed\"", "\"stopReason\": \"done\""),
            ("\"method\": \"lemke-howson\",", "\"method\": \"lemke-howson\", \"extra\": 1,"),
            ("{\"player\": 0, \"strategy\": 0}", "{\"player\": 0, \"strategy\": -1}"),
            ("\"stopReason\": \"completed\",", ""),
        ]
        for (from, to) in broken {
            #expect(good.contains(from), "the test's edit applies: \(from)")
            let bad = good.replacingOccurrences(of: from, with: to)
            #expect(!(try validator.validate(bad, against: "nash.schema.json")).isEmpty, "accepted after \(from) -> \(to)")
        }
        // A TU output is not a nash output, and a sampled estimate is not an exact value.
        let shapley = try CLI.run(["shapley", "Examples/talmud-200.json", "--format", "json"]).stdout
        #expect(!(try validator.validate(shapley, against: "nash.schema.json")).isEmpty)
        let exact = shapley.replacingOccurrences(of: "\"exact\": true", with: "\"exact\": false")
        #expect(!(try validator.validate(exact, against: "shapley.schema.json")).isEmpty)
    }
}
