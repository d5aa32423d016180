import Foundation
import Testing

/// Issue 19: TU tables as .npy files through the command line (round trips, errors, exit status).
@Suite struct TableIOCommandTests {
    /// A fresh folder for one test's files.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gamesolve-npy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// JSON → npy → JSON keeps every value, and every command reads both the same way.
    @Test func jsonNPYRoundTrip() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("g.json").path, npy = dir.appendingPathComponent("g.npy").path
        let gen = try CLI.run(["generate", "bnf-type-2", "--size", "6", "--seed", "3", "-o", json])
        #expect(gen.status == 0, "\(gen.stderr)")
        let toNPY = try CLI.run(["convert", json, "-o", npy])
        #expect(toNPY.status == 0, "\(toNPY.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: npy))
        #expect(data.count == 128 + 8 * 64 && data.prefix(6) == Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]))
        let back = try CLI.run(["convert", npy, "--to", "json"])
        #expect(back.status == 0, "\(back.stderr)")
        let original = try CLI.run(["convert", json, "--to", "json"])
        #expect(back.stdout == original.stdout)
        for command in ["shapley", "banzhaf", "nucleolus"] {
            let a = try CLI.run([command, json, "--format", "csv"]), b = try CLI.run([command, npy, "--format", "csv"])
            #expect(a.status == 0 && b.status == 0 && a.stdout == b.stdout, "\(command): \(b.stderr)")
        }
        let info = try CLI.run(["info", npy])
        #expect(info.status == 0 && info.stdout.hasPrefix("TU game (table): 6 players"), "\(info.stdout)\(info.stderr)")
    }

    /// Dyadic fractions go to <f8 and back exactly; 1/3 is refused, never rounded (exit 1).
    @Test func fractions() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let npy = dir.appendingPathComponent("h.npy").path
        let halves = try CLI.run(["convert", "-", "-o", npy], input: #"{"values": [0.5, "3/4", 2]}"#)
        #expect(halves.status == 0, "\(halves.stderr)")
        let back = try CLI.run(["convert", npy, "--to", "json"])
        #expect(back.stdout == "{\"players\": [\"1\", \"2\"], \"order\": \"bitmask\", \"values\": [\"1/2\", \"3/4\", 2]}\n")
        let third = try CLI.run(["convert", "-", "--to", "npy"], input: #"{"values": [0, 0, "1/3"]}"#)
        #expect(third.status == 1)
        #expect(third.stdout.isEmpty)
        #expect(third.stderr.contains("npy holds only integers (<i8) or doubles (<f8)"), "\(third.stderr)")
    }

    /// Values beyond Int64 are located errors (exit 65) from JSON; a strategic game is not npy.
    @Test func bigValuesAndStrategicGames() throws {
        let big = try CLI.run(["convert", "-", "--to", "npy"], input: #"{"values": [1, 2, 123456789012345678901234567890]}"#)
        #expect(big.status == 65)
        #expect(big.stdout.isEmpty)
        #expect(big.stderr == "gamesolve: error: <stdin>:1:13: 123456789012345678901234567890 is too large for the exact table (numerators over a common denominator must stay below 2^62)\n")
        let strategic = try CLI.run(["convert", "Examples/battle-of-the-sexes.nfg", "--to", "npy"])
        #expect(strategic.status == 1 && strategic.stderr.contains("npy files hold TU game tables"), "\(strategic.stderr)")
    }

    /// Malformed npy files: one located line, nothing on standard output, exit 65 (64 above the
    /// table limit).
    @Test(arguments: [
        ("bad-magic", [UInt8]("NUMPY?".utf8), 65, ":1:1: not an npy file"),
        ("wrong-dtype", header("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }") + [UInt8](repeating: 0, count: 12), 65, ":1:21: unsupported npy dtype '<f4'"),
        ("wrong-length", header("{'descr': '<i8', 'fortran_order': False, 'shape': (6,), }") + [UInt8](repeating: 0, count: 48), 65, ":1:11: expected 2^n − 1 or 2^n values"),
        ("truncated", header("{'descr': '<i8', 'fortran_order': False, 'shape': (7,), }") + [UInt8](repeating: 0, count: 20), 65, ":1:145: the npy data ends after 2 of 7 values"),
        ("nan", header("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }") + [0, 0, 0, 0, 0, 0, 0xF8, 0x7F] + [UInt8](repeating: 0, count: 16), 65, ":1:129: value 0 is NaN"),
        ("too-large", header("{'descr': '<i8', 'fortran_order': False, 'shape': (67108864,), }"), 64, "the limit is 25 players"),
    ] as [(String, [UInt8], Int32, String)])
    func malformedNPY(name: String, bytes: [UInt8], status: Int32, message: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("\(name).npy").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for args in [["shapley", path], ["info", path], ["convert", path, "--to", "json"]] {
            let r = try CLI.run(args)
            #expect(r.status == status, "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("gamesolve: error: \(path)") && r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
    }

    /// The header of an npy version 1.0 file (magic, version, length, padded dictionary).
    static func header(_ dict: String) -> [UInt8] {
        var text = Array(dict.utf8)
        while (10 + text.count + 1) % 64 != 0 { text.append(32) }
        text.append(10)
        return [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text
    }
}
