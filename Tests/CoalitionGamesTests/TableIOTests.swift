import Testing
import GameSolve

/// Issue 19: TU tables read straight into the compact table (JSON streaming, NumPy .npy).
@Suite("TU table I/O")
struct TableIOTests {
    /// A seeded random table with integers, decimals and fractions, as JSON text and as the
    /// game built from the same values directly.
    static func randomTable(players n: Int, seed: UInt64, fractions: Bool) throws -> (json: String, game: TUGame, lex: String) {
        var rng = SplitMix64(seed: seed)
        var values: [Rational] = []
        var texts: [String] = []
        for _ in 1..<(1 << n) {
            let r = rng.next()
            let a = Int(r % 2001) - 1000
            switch fractions ? (r >> 20) % 4 : 0 {
            case 0: values.append(Rational(a)); texts.append("\(a)")
            case 1: values.append(Rational(a, 4)); texts.append("\(Double(a) / 4)")
            case 2: let d = Int((r >> 30) % 12) + 1; values.append(Rational(a, d)); texts.append("\"\(a)/\(d)\"")
            default: values.append(Rational(a, 1000)); texts.append("\"\(Rational(a, 1000))\"")
            }
        }
        let game = try TUGame(playerCount: n, values: values)
        let json = "{\"players\": \(n), \"values\": [\(texts.joined(separator: ", "))]}"
        var lexTexts: [String] = []
        for mask in CoalitionOrder.lex.masks(players: n) { lexTexts.append(texts[mask - 1]) }
        let lex = "{\"order\": \"lex\", \"values\": [\(lexTexts.joined(separator: ",\n"))]}"
        return (json, game, lex)
    }

    /// The streaming reader gives the table the values make, in either order (seeded).
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func streamedJSONMatchesValues(seed: UInt64) throws {
        let (json, game, lex) = try Self.randomTable(players: 2 + Int(seed % 6), seed: seed, fractions: seed % 2 == 0)
        #expect(try TUGameReader.read(json).table() == game, "seed \(seed)")
        #expect(try TUGameReader.read(lex).table() == game, "seed \(seed)")
        #expect(try TUGameReader.read(utf8: Array(json.utf8)).table() == game, "seed \(seed)")
    }

    /// Denominators met one by one rescale what was read before; the result is reduced.
    @Test func commonDenominatorGrows() throws {
        let g = try TUGameReader.read(#"{"values": [3, 0.5, "1/3", 0.25, "2/6", 1, "-7/12"]}"#).table()
        #expect(g.denominator == 12)
        #expect(g.values == [3, Rational(1, 2), Rational(1, 3), Rational(1, 4), Rational(1, 3), 1, Rational(-7, 12)])
    }

    /// Values that do not fit the table are refused at the first value, naming the value.
    @Test(arguments: [
        (#"{"values": [1, 2, 1e30]}"#, "1000000000000000000000000000000 is too large"),
        (#"{"values": [1, 2, 5000000000000000000]}"#, "5000000000000000000 is too large"),
        (#"{"values": [1, "1/4611686018427387903", "1/4611686018427387902"]}"#, "the common denominator of the values is too large"),
    ])
    func bigValuesAreLocatedErrors(text: String, message: String) {
        #expect {
            try TUGameReader.read(text)
        } throws: { error in
            guard let e = error as? TUGameFormatError else { return false }
            return e.position == SourcePosition(line: 1, column: 13) && e.message.contains(message)
        }
    }

    /// More values than the largest table are counted, not stored, and refused as a limit.
    @Test func tooManyValuesIsALimit() {
        let text = "{\"values\": [" + String(repeating: "1,", count: 40) + "1]}"
        #expect { try TUGameReader.read(text) } throws: { error in
            (error as? TUGameFormatError)?.message.contains("expected 2^n − 1 = 63 values for n = 6 players, found 41") == true
        }
    }

    // MARK: npy

    @Test(arguments: [UInt64(1), 2, 3])
    func npyRoundTripIntegers(seed: UInt64) throws {
        let (_, game, _) = try Self.randomTable(players: 3 + Int(seed), seed: seed, fractions: false)
        let bytes = try NPYFormat.write(game)
        #expect(bytes.count % 64 == 0 && String(decoding: bytes[10..<40], as: UTF8.self).contains("'<i8'"))
        #expect(try NPYFormat.read(bytes) == game)
    }

    @Test func npyRoundTripDoubles() throws {
        let values: [Rational] = [Rational(1, 2), Rational(-3, 4), 5, Rational(1, 1 << 40), 0, Rational(7, 8), 1]
        let game = try TUGame(playerCount: 3, values: values)
        let bytes = try NPYFormat.write(game)
        #expect(String(decoding: bytes[10..<40], as: UTF8.self).contains("'<f8'"))
        #expect(try NPYFormat.read(bytes) == game)
    }

    @Test func npyNeverRounds() throws {
        let third = try TUGame(playerCount: 2, values: [0, 0, Rational(1, 3)])
        #expect { try NPYFormat.write(third) } throws: { "\($0)".contains("npy holds only integers (<i8) or doubles (<f8)") && "\($0)".contains("v({1,2}) = 1/3") }
        let wide = try TUGame(playerCount: 2, values: [0, Rational((1 << 60) + 1, 2), 0])
        #expect { try NPYFormat.write(wide) } throws: { "\($0)".contains("v({2})") }
    }

    /// An npy file with the given header dictionary and data.
    static func npy(_ header: String, version: UInt8 = 1, data: [UInt8]) -> [UInt8] {
        var dict = Array(header.utf8)
        let lengthBytes = version == 1 ? 2 : 4
        while (10 + lengthBytes - 2 + dict.count + 1) % 64 != 0 { dict.append(32) }
        dict.append(10)
        var out = NPYFormat.magic + [version, 0]
        for i in 0..<lengthBytes { out.append(UInt8(truncatingIfNeeded: dict.count >> (8 * i))) }
        return out + dict + data
    }

    static func le<T: FixedWidthInteger>(_ xs: [T]) -> [UInt8] {
        xs.flatMap { x in (0..<T.bitWidth / 8).map { UInt8(truncatingIfNeeded: x.littleEndian >> (8 * $0)) } }
    }

    @Test func npyDTypesAndVersions() throws {
        let expected = try TUGame(playerCount: 2, values: [1, 2, 4])
        let i8 = Self.npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", data: Self.le([Int64(1), 2, 4]))
        #expect(try NPYFormat.read(i8) == expected)
        let i4v2 = Self.npy("{'descr': '<i4', 'fortran_order': False, 'shape': (4,), }", version: 2, data: Self.le([Int32(0), 1, 2, 4]))
        #expect(try NPYFormat.read(i4v2) == expected)
        let f8 = Self.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", data: Self.le([1.0, 0.1, 4.0].map(\.bitPattern)))
        let tenth = try NPYFormat.read(f8).value(2)
        #expect(tenth == Rational(exactly: 0.1)! && tenth.denominator == 36028797018963968)
    }

    /// Every malformed file is one located error, never a crash or a large allocation.
    @Test(arguments: [
        ([UInt8]("PK\u{3}\u{4}".utf8), "1, column 1", "not an npy file"),
        (Array(NPYFormat.magic.prefix(4)), "1, column 1", "not an npy file"),
        (NPYFormat.magic + [1], "1, column 8", "truncated"),
        (NPYFormat.magic + [3, 0, 10, 0], "1, column 7", "version 3.0 is not read"),
        (NPYFormat.magic + [1, 0, 0xFF, 0xFF], "1, column 11", "header ends after 0 of its 65535 bytes"),
        (NPYFormat.magic + [2, 0, 0, 0, 0, 0x40], "1, column 9", "more than 65536"),
        (npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", data: [UInt8](repeating: 0, count: 12)), "1, column 21", "unsupported npy dtype '<f4'"),
        (npy("{'descr': '>i8', 'fortran_order': False, 'shape': (3,), }", data: [UInt8](repeating: 0, count: 24)), "1, column 21", "unsupported npy dtype '>i8'"),
        (npy("{'descr': '<i8', 'fortran_order': False, 'shape': (5,), }", data: [UInt8](repeating: 0, count: 40)), "1, column 11", "expected 2^n − 1 or 2^n values"),
        (npy("{'descr': '<i8', 'fortran_order': False, 'shape': (0,), }", data: []), "1, column 11", "expected 2^n − 1 or 2^n values"),
        (npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3, 1), }", data: [UInt8](repeating: 0, count: 24)), "1, column 61", "expected a 1-D array"),
        (npy("{'descr': '<i8', 'fortran_order': False, 'shape': (7,), }", data: [UInt8](repeating: 0, count: 50)), "1, column 177", "ends after 6 of 7 values"),
        (npy("{'descr': '<i4', 'fortran_order': False, 'shape': (7,), }", data: [UInt8](repeating: 0, count: 10)), "1, column 137", "ends after 2 of 7 values"),
        (npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", data: [UInt8](repeating: 0, count: 25)), "1, column 153", "unexpected bytes after the 3 values"),
        (npy("{'descr': '<i8', 'fortran_order': False, 'shape': (4,), }", data: le([Int64(5), 1, 2, 3])), "1, column 129", "v(∅) = 5"),
        (npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", data: le([1.0, Double.nan, 2.0].map(\.bitPattern))), "1, column 137", "value 1 is NaN"),
        (npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", data: le([1.0, 2.0, -Double.infinity].map(\.bitPattern))), "1, column 145", "value 2 is infinite"),
        (npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", data: le([Int64(1), Int64.max, 2])), "1, column 137", "value 1 is 9223372036854775807, too large for the exact table"),
        (npy("{'descr': '<i8', 'fortran_order': False}", data: []), "1, column 11", "needs the keys"),
        (npy("{'descr': '<i8', 'descr': '<i8', 'fortran_order': False, 'shape': (3,)}", data: []), "1, column 28", "repeated key 'descr'"),
        (npy("{'descr': '<i8', 'fortran_order': Maybe, 'shape': (3,)}", data: []), "1, column 45", "expected True or False"),
        (npy("{'descr': '<i8', 'fortran_order': False, 'shape': (99999999999999999999,)}", data: []), "1, column 62", "expected a non-negative integer"),
    ] as [([UInt8], String, String)])
    func malformedNPY(bytes: [UInt8], at position: String, message: String) {
        #expect {
            try NPYFormat.read(bytes)
        } throws: { error in
            guard let e = error as? TUGameFormatError else { return false }
            return "\(e)".hasPrefix("line \(position)") && e.message.contains(message) && !e.exceedsLimit
        }
    }

    /// Seeded random damage to valid npy files (bytes changed, cut, inserted) gives a game or a
    /// located error, never a crash; a failure names its seed.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func damagedNPYNeverCrashes(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let ints = try NPYFormat.write(try TUGame(playerCount: 3, values: [1, 2, 3, 4, 5, 6, 7]))
        let doubles = try NPYFormat.write(try TUGame(playerCount: 2, values: [Rational(1, 2), 2, Rational(3, 4)]))
        let i4 = Self.npy("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", data: Self.le([Int32(1), 2, 4]))
        for base in [ints, doubles, i4] {
            for round in 0..<300 {
                var bytes = base
                for _ in 0...(rng.next() % 3) {
                    let at = Int(rng.next() % UInt64(bytes.count + 1))
                    switch rng.next() % 3 {
                    case 0: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                    case 1: bytes.removeSubrange(min(at, bytes.count)...)
                    default: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
                    }
                }
                do {
                    let game = try NPYFormat.read(bytes)
                    #expect(game.numerators[0] == 0, "seed \(seed) round \(round)")
                } catch is TUGameFormatError {
                } catch {
                    Issue.record("seed \(seed) round \(round): unexpected \(error)")
                }
            }
        }
    }

    /// A shape above the table limit is refused from the header, before any allocation.
    @Test func npyShapeAboveTheLimit() {
        for length in [1 << 26, (1 << 40) - 1, Int.max] {
            let bytes = Self.npy("{'descr': '<i8', 'fortran_order': False, 'shape': (\(length),), }", data: [])
            #expect { try NPYFormat.read(bytes) } throws: { error in
                guard let e = error as? TUGameFormatError else { return false }
                return e.exceedsLimit && e.message.contains("the limit is 25 players")
            }
        }
    }
}
