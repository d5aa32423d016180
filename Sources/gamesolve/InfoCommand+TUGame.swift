import ArgumentParser
import GameSolve

// `gamesolve info` for TU games: the game's players and structural properties. The game is read
// by the coalition commands' loader (`loadTUGame`); the properties are the library's.

extension InfoCommand {
    /// Largest n for the O(3^n) superadditivity check.
    static let superadditivityPlayers = 16
    /// Largest n for the core check (a least-core LP over all 2^n − 2 coalitions, then the
    /// verified prenucleolus).
    static let coreCheckPlayers = 12

    /// What GAME holds.
    enum EitherGame {
        case coalitional(TUGameInput)
        case strategic(NormalFormGame)
    }

    /// Reads GAME once: a TU game for `--tu`, a `.tu` or `.npy` file, or JSON whose object has `"values"`
    /// or a rule `"type"`; a strategic game otherwise. (Standard input can be read only once, so
    /// JSON text is sniffed and then parsed from the same bytes.)
    func loadEitherGame() throws -> EitherGame {
        let path = input.game
        let ext = fileExtension(path)
        if tu || ext == "tu" || ext == "npy" { return .coalitional(try loadTUGame(path: path, order: order)) }
        guard (input.inputFormat ?? GameFormat(fileName: path)) == .json, input.columnPayoffs == nil else {
            return .strategic(try input.load())
        }
        let bytes = try GameFile.readBytes(path: path)
        try GameFile.requireUTF8(bytes, fileName: path == "-" ? "<stdin>" : path)
        if TUGameReader.looksLikeTUGameJSON(utf8: bytes) {
            return .coalitional(try loadTUGame(path: path, order: order, bytes: bytes))
        }
        return .strategic(try GameFile.parse(bytes, format: .json, fileName: path == "-" ? "<stdin>" : path))
    }

    func tuInfo(_ loaded: TUGameInput, clock: Stopwatch) throws -> String {
        let names = loaded.playerNames, n = names.count
        var representation = "table"
        if case .rule(let rule, _) = loaded { representation = rule.typeName }
        // Rules above the table limit have no table: properties unknown.
        let game: TUGame?
        do { game = try loaded.table() } catch is TUGameError { game = nil }
        func property(_ limit: Int = .max, _ p: (TUGame) -> Bool) -> Bool? {
            guard let game, n <= limit else { return nil }
            return p(game)
        }
        // A cost game (airport) is judged by the cost-game properties: subadditive and concave
        // play the roles of superadditive and convex (the library decides each).
        let isCost: Bool
        switch loaded { case .table(let g): isCost = g.isCostGame; case .rule(let r, _): isCost = r.isCostGame }
        let shape: [(key: String, label: String, value: Bool?)] = isCost ? [
            ("subadditive", "Subadditive", property(Self.superadditivityPlayers) { $0.isSubadditive }),
            ("concave", "Concave", property { $0.isConcave }),
        ] : [
            ("superadditive", "Superadditive", property(Self.superadditivityPlayers) { $0.isSuperadditive }),
            ("convex", "Convex", property { $0.isConvex }),
        ]
        let properties: [(key: String, label: String, value: Bool?)] = shape + [
            ("monotone", "Monotone", property { $0.isMonotone }),
            ("essential", "Essential", property { $0.isEssential }),
            ("zeroNormalized", "Zero-normalised", property { $0.isZeroNormalized }),
            ("imputationsExist", "Imputation set non-empty", property { $0.hasImputations }),
        ]
        var leastCore: LeastCore?
        if let game, n <= Self.coreCheckPlayers {
            do { leastCore = try game.leastCore() } catch let e as CoreSolutionError { throw CommandFailure(e.description) }
        }
        switch format {
        case .json:
            var envelope = ResultEnvelope(command: "info", game: ResultEnvelope.tuGame(players: names), method: "describe-tu")
            var members: [(String, JSONValue)] = [
                ("kind", .string("tu")), ("representation", .string(representation)), ("costGame", .bool(isCost)),
                ("n", .number("\(n)")),
            ]
            for p in properties { members.append((p.key, p.value.map { .bool($0) } ?? .null)) }
            members.append(("coreNonEmpty", leastCore.map { .bool($0.coreNonEmpty) } ?? .null))
            members.append(("leastCoreValue", leastCore.map { .string($0.value.description) } ?? .null))
            members.append(("leastCoreValueDecimal", leastCore.map { output.decimal($0.value) } ?? .null))
            envelope.result = members
            envelope.elapsedSeconds = clock.seconds
            return envelope.json().rendered()
        case .csv:
            func cell(_ b: Bool?) -> String { b.map { $0 ? "true" : "false" } ?? "" }
            var out = "representation,cost_game,players," + properties.map { Self.snake($0.key) }.joined(separator: ",")
                + ",core_non_empty,least_core_value\n"
            out += "\(CSVFormat.field(representation)),\(isCost),\(n)," + properties.map { cell($0.value) }.joined(separator: ",")
                + ",\(cell(leastCore?.coreNonEmpty)),\(leastCore.map { output.text($0.value) } ?? "")\n"
            return out
        case .table:
            var out = "TU \(isCost ? "cost game" : "game") (\(representation)): \(n) players\n"
            out += "Players: \(self.names(names))\n"
            func yesNo(_ b: Bool?, _ why: String) -> String { b.map { $0 ? "yes" : "no" } ?? "not checked (\(why))" }
            let noTable = game == nil ? "no table above \(TUGame.maximumTablePlayers) players" : nil
            for p in properties {
                let why = noTable ?? "O(3^n) check skipped above \(Self.superadditivityPlayers) players"
                out += "\(p.label): \(yesNo(p.value, why))\n"
            }
            let coreWhy = noTable ?? "least-core LP skipped above \(Self.coreCheckPlayers) players"
            out += "Core non-empty: \(leastCore.map { "\($0.coreNonEmpty ? "yes" : "no") (least-core value \(output.text($0.value)))" } ?? "not checked (\(coreWhy))")\n"
            return out
        }
    }

    /// A camelCase key as a snake_case CSV column name.
    static func snake(_ key: String) -> String {
        key.reduce(into: "") { out, c in if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) } }
    }
}
