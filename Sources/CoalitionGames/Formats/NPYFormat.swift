import ExactArithmetic

/// TU game tables as NumPy `.npy` arrays (NumPy's "NPY format", versions 1.0 and 2.0).
///
/// **What is read.** A 1-D array of dtype `<i8`, `<i4` or `<f8` (little-endian 64- or 32-bit
/// integers, or doubles) whose length is 2^n − 1 (v(S) for S = 1 ... 2^n − 1) or 2^n (index 0 is
/// v(∅) and must be 0), for 1 ≤ n ≤ ``TUGame/maximumTablePlayers``. Entry k is the coalition of
/// the players whose bits are set in k (bitmask order: player i is bit i − 1). `fortran_order`
/// may be either value (a 1-D array has one layout). Doubles are read exactly, each as the
/// dyadic fraction it is (0.1 is 3602879701896397/36028797018963968); NaN and infinities are
/// errors. The header's shape is checked against the table limit before anything is allocated.
///
/// **What is written.** `<i8` of length 2^n (v(∅) = 0 first) when every value is an integer;
/// `<f8` when every value is exactly a double; otherwise nothing: npy holds integers or doubles
/// only, and values are never rounded.
///
/// **Errors** are ``TUGameFormatError``s at line 1 and column = byte offset + 1 (the header is
/// one line of text; data errors also name the value's index and byte offset).
public enum NPYFormat {
    /// The six bytes every npy file starts with: `\x93NUMPY`.
    public static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    /// Headers longer than this are refused before they are read (NumPy's own limit is 10,000).
    static let maximumHeaderLength = 65_536

    /// Whether `bytes` start with the npy magic string.
    public static func hasMagic<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        bytes.starts(with: magic)
    }

    /// Reads a table from the whole file in memory.
    /// - Throws: ``TUGameFormatError`` (a size above the table limit is marked `exceedsLimit`).
    /// - Complexity: O(2^n) time; memory 8 bytes per value beyond `bytes`.
    public static func read(_ bytes: [UInt8]) throws -> TUGame {
        var offset = 0
        return try bytes.withUnsafeBytes { source in
            try read(size: source.count) { buffer in
                let n = min(buffer.count, source.count - offset)
                if n > 0 { buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: n) }
                offset += n
                return n
            }
        }
    }

    /// Reads a table from a stream: `readSome` fills a prefix of the buffer it is given and
    /// returns how many bytes it wrote, 0 at the end of the file.
    ///
    /// `<i8` data is read straight into the table; `<i4` and `<f8` go through a 64 KiB buffer.
    /// When the stream's total `size` is known (a regular file), data cut short or followed by
    /// more bytes is reported from the header, before the table is allocated.
    /// - Throws: ``TUGameFormatError`` (a size above the table limit is marked `exceedsLimit`),
    ///   or what `readSome` throws.
    /// - Complexity: O(2^n) time; memory 8 bytes per value (more only for doubles whose common
    ///   denominator passes 2^62, which the table then refuses).
    public static func read(size: Int? = nil, from readSome: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> TUGame {
        /// Fills `buffer` as far as the stream goes; returns the bytes read.
        func fill(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            var done = 0
            while done < buffer.count {
                let n = try readSome(UnsafeMutableRawBufferPointer(rebasing: buffer[done...]))
                if n <= 0 { break }
                done += n
            }
            return done
        }
        func fill(_ array: inout [UInt8]) throws -> Int { try array.withUnsafeMutableBytes { try fill($0) } }
        // Magic, version, header length.
        var prefix = [UInt8](repeating: 0, count: 8)
        let got = try fill(&prefix)
        guard got >= 6, hasMagic(prefix) else {
            throw error(0, "not an npy file: it does not start with the magic string \\x93NUMPY")
        }
        guard got == 8 else { throw error(got, "the npy header ends after \(got) bytes (truncated file)") }
        let (major, minor) = (prefix[6], prefix[7])
        guard (major == 1 || major == 2) && minor == 0 else {
            throw error(6, "npy format version \(major).\(minor) is not read (versions 1.0 and 2.0 are)")
        }
        var lengthField = [UInt8](repeating: 0, count: major == 1 ? 2 : 4)
        guard try fill(&lengthField) == lengthField.count else {
            throw error(8, "the npy header length is cut off (truncated file)")
        }
        var headerLength = 0
        for byte in lengthField.reversed() { headerLength = headerLength << 8 | Int(byte) }
        let headerStart = 8 + lengthField.count
        guard headerLength <= maximumHeaderLength else {
            throw error(8, "the npy header claims \(headerLength) bytes (more than \(maximumHeaderLength))")
        }
        var header = [UInt8](repeating: 0, count: headerLength)
        let h = try fill(&header)
        guard h == headerLength else {
            throw error(headerStart + h, "the npy header ends after \(h) of its \(headerLength) bytes (truncated file)")
        }
        let description = try Header.parse(header, at: headerStart)
        let dataStart = headerStart + headerLength

        // The shape against the table limit, before allocating.
        let length = description.length
        let n: Int, hasEmpty: Bool
        if length >= 1 && length & (length &+ 1) == 0 {
            (n, hasEmpty) = ((length &+ 1).trailingZeroBitCount, false)
        } else if length >= 2 && length & (length - 1) == 0 {
            (n, hasEmpty) = (length.trailingZeroBitCount, true)
        } else {
            throw error(headerStart, "expected 2^n − 1 or 2^n values (bitmask order, without or with v(∅)), found shape (\(length),)")
        }
        guard n <= TUGame.maximumTablePlayers else {
            throw TUGameFormatError(position(headerStart), TUGameError.tooManyPlayers(n).description, exceedsLimit: true)
        }
        let itemSize = description.dtype.size
        let first = hasEmpty ? 0 : 1   // table slot of the first array element
        func elementOffset(_ k: Int) -> Int { dataStart + k * itemSize }
        func truncated(_ elements: Int) -> TUGameFormatError {
            error(elementOffset(elements), "the npy data ends after \(elements) of \(length) values (expected \(length * itemSize) bytes after the header; truncated file)")
        }

        if let size {
            let available = size - dataStart
            if available < length * itemSize { throw truncated(max(available, 0) / itemSize) }
            if available > length * itemSize {
                throw error(elementOffset(length), "unexpected bytes after the \(length) values of the array")
            }
        }
        var table: [Int]
        var denominator = 1
        switch description.dtype {
        case .int64:
            var filled = 0
            table = try [Int](unsafeUninitializedCapacity: 1 << n) { buffer, count in
                buffer[0] = 0
                let raw = UnsafeMutableRawBufferPointer(start: buffer.baseAddress! + first, count: length * 8)
                filled = try fill(raw)
                if filled == raw.count { count = 1 << n } else { count = 0 }
            }
            guard table.count == 1 << n else { throw truncated(filled / 8) }
            for k in 0..<(1 << n) {
                let v = Int(littleEndian: table[k])
                table[k] = v
                guard v > -CompactValues.limit && v < CompactValues.limit else {
                    throw error(elementOffset(k - first), "value \(k - first) is \(v), too large for the exact table (numerators over a common denominator must stay below 2^62)")
                }
            }
        case .int32, .float64:
            var values = CompactValues(expected: length)
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var k = 0
            while k < length {
                let want = min(chunk.count / itemSize, length - k) * itemSize
                let got = try chunk.withUnsafeMutableBytes { try fill(UnsafeMutableRawBufferPointer(rebasing: $0[0..<want])) }
                guard got == want else { throw truncated(k + got / itemSize) }
                try chunk.withUnsafeBytes { raw in
                    for j in 0..<(want / itemSize) {
                        if description.dtype == .int32 {
                            values.append(Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: j * 4, as: Int32.self))))
                        } else {
                            let d = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j * 8, as: UInt64.self)))
                            guard d.isFinite else {
                                throw error(elementOffset(k + j), "value \(k + j) is \(d.isNaN ? "NaN" : "infinite"): coalition values must be finite numbers")
                            }
                            if let i = Int(exactly: d), i > -CompactValues.limit, i < CompactValues.limit {
                                values.append(i)
                            } else {
                                values.append(Rational(exactly: d)!)
                            }
                        }
                    }
                }
                k += want / itemSize
            }
            if hasEmpty {
                guard values.value(0).isZero else {
                    throw error(dataStart, "value 0 is v(∅) = \(values.value(0)); the empty coalition must have value 0")
                }
            }
            // Slot 0 of the buffer is v(∅); an array with v(∅) has it again as its first value.
            if let exact = values.exact {
                let rest = hasEmpty ? Array(exact.dropFirst()) : exact
                do { return try TUGame(playerNames: TUGame.defaultNames(n), values: rest) } catch let e as TUGameError {
                    throw error(dataStart, e.description)
                }
            }
            table = values.numerators
            if hasEmpty { table.removeFirst() }
            denominator = values.denominator
        }
        if hasEmpty && table[0] != 0 {
            throw error(dataStart, "value 0 is v(∅) = \(table[0]); the empty coalition must have value 0")
        }
        // Nothing may follow the data.
        var probe = [UInt8](repeating: 0, count: 1)
        let extra = try fill(&probe)
        guard extra == 0 else {
            throw error(elementOffset(length), "unexpected bytes after the \(length) values of the array")
        }
        return TUGame(unchecked: TUGame.defaultNames(n), numerators: table, denominator: denominator, isCostGame: false)
    }

    /// The array for `game`: `<i8` when all values are integers, `<f8` when all are exactly
    /// doubles, length 2^n with v(∅) = 0 first, in bitmask order; version 1.0 header.
    /// - Throws: ``TUGameError/notRepresentable(_:)`` when neither dtype holds the values exactly.
    /// - Complexity: O(2^n); the result is 8·2^n bytes plus a header of 128.
    public static func write(_ game: TUGame) throws -> [UInt8] {
        let table = game.numerators, d = game.denominator
        let dtype: String
        if d == 1 {
            dtype = "<i8"
        } else {
            // Exactly a double: a power-of-two denominator and a numerator a double holds exactly.
            // Exactly a double: a power-of-two reduced denominator and a numerator a double holds
            // exactly (dividing by a power of two is then exact too).
            let bad = table.firstIndex { x in
                let reduced = d / greatestCommonDivisor(x, d)
                return reduced & (reduced - 1) != 0 || Int(exactly: Double(x)) != x
            }
            if let k = bad {
                throw TUGameError.notRepresentable(
                    "npy holds only integers (<i8) or doubles (<f8), and v(\(coalitionName(k))) = \(game.value(k)) is neither exactly; values are never rounded (write JSON to keep them exact)")
            }
            dtype = "<f8"
        }
        var dict = "{'descr': '\(dtype)', 'fortran_order': False, 'shape': (\(table.count),), }"
        // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64,
        // ending in a newline.
        let total = (10 + dict.utf8.count + 1 + 63) / 64 * 64
        dict += String(repeating: " ", count: total - 10 - dict.utf8.count - 1) + "\n"
        var out = magic + [1, 0, UInt8(dict.utf8.count & 0xFF), UInt8(dict.utf8.count >> 8)]
        out.reserveCapacity(total + 8 * table.count)
        out += Array(dict.utf8)
        let start = out.count
        out += [UInt8](repeating: 0, count: 8 * table.count)
        out.withUnsafeMutableBytes { raw in
            for (k, x) in table.enumerated() {
                let bits = d == 1 ? UInt64(bitPattern: Int64(x)) : (Double(x) / Double(d)).bitPattern
                raw.storeBytes(of: bits.littleEndian, toByteOffset: start + 8 * k, as: UInt64.self)
            }
        }
        return out
    }

    /// `{1,3}` for the bitmask 0b101 (1-based players).
    static func coalitionName(_ mask: Int) -> String {
        "{" + TUGame.members(mask).map { String($0 + 1) }.joined(separator: ",") + "}"
    }

    static func position(_ offset: Int) -> SourcePosition { SourcePosition(line: 1, column: offset + 1) }

    static func error(_ offset: Int, _ message: String) -> TUGameFormatError {
        TUGameFormatError(position(offset), message + (offset > 0 ? " (byte offset \(offset))" : ""))
    }

    /// The data types read.
    enum DType: Equatable {
        case int64, int32, float64
        var size: Int { self == .int32 ? 4 : 8 }
    }

    /// The header's dictionary: `{'descr': '<i8', 'fortran_order': False, 'shape': (L,), }`.
    struct Header {
        var dtype: DType
        var length: Int

        /// Parses the header text (a Python dict literal of the three keys NumPy writes).
        /// - Complexity: O(header length).
        static func parse(_ bytes: [UInt8], at base: Int) throws -> Header {
            var i = 0
            func fail(_ message: String) -> TUGameFormatError { NPYFormat.error(base + i, message) }
            func space() { while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 } }
            func expect(_ c: UInt8, _ what: String) throws {
                space()
                guard i < bytes.count, bytes[i] == c else { throw fail("malformed npy header: expected \(what)") }
                i += 1
            }
            func string() throws -> String {
                space()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") else {
                    throw fail("malformed npy header: expected a quoted string")
                }
                let quote = bytes[i]
                i += 1
                let start = i
                while i < bytes.count, bytes[i] != quote { i += 1 }
                guard i < bytes.count else { throw fail("malformed npy header: unterminated string") }
                defer { i += 1 }
                return String(decoding: bytes[start..<i], as: UTF8.self)
            }
            func integer() throws -> Int {
                space()
                let start = i
                while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, i - start < 19 { i += 1 }
                guard i > start, let v = Int(String(decoding: bytes[start..<i], as: UTF8.self)) else {
                    i = start
                    throw fail("malformed npy header: expected a non-negative integer in the shape")
                }
                return v
            }
            var descr: String?, fortran: Bool?, shape: [Int]?
            try expect(UInt8(ascii: "{"), "'{'")
            while true {
                space()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; break }
                let keyAt = i
                let key = try string()
                try expect(UInt8(ascii: ":"), "':' after '\(key)'")
                switch key {
                case "descr" where descr == nil:
                    let valueAt = i
                    descr = try string()
                    let d = descr!
                    guard ["<i8", "<i4", "<f8"].contains(d) else {
                        i = valueAt
                        space()
                        throw fail("unsupported npy dtype '\(d)': TU tables are read from '<i8', '<i4' or '<f8' arrays (little-endian 64- or 32-bit integers, or doubles)")
                    }
                case "fortran_order" where fortran == nil:
                    space()
                    if bytes[i...].starts(with: "True".utf8) { fortran = true; i += 4 }
                    else if bytes[i...].starts(with: "False".utf8) { fortran = false; i += 5 }
                    else { throw fail("malformed npy header: expected True or False for 'fortran_order'") }
                case "shape" where shape == nil:
                    let valueAt = i
                    try expect(UInt8(ascii: "("), "a shape tuple '(...)'")
                    var dims: [Int] = []
                    while true {
                        space()
                        if i < bytes.count, bytes[i] == UInt8(ascii: ")") { i += 1; break }
                        dims.append(try integer())
                        space()
                        if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                        try expect(UInt8(ascii: ")"), "',' or ')' in the shape")
                        break
                    }
                    guard dims.count == 1 else {
                        i = valueAt
                        space()
                        throw fail("expected a 1-D array of coalition values, found shape (\(dims.map(String.init).joined(separator: ", "))\(dims.count == 1 ? "," : ""))")
                    }
                    shape = dims
                default:
                    i = keyAt
                    throw fail("malformed npy header: unexpected or repeated key '\(key)'")
                }
                space()
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                break
            }
            space()
            guard i == bytes.count else { throw fail("malformed npy header: unexpected text after the dictionary") }
            guard let descr, fortran != nil, let shape else {
                throw NPYFormat.error(base, "malformed npy header: it needs the keys 'descr', 'fortran_order' and 'shape'")
            }
            let dtype: DType = descr == "<i8" ? .int64 : descr == "<i4" ? .int32 : .float64
            return Header(dtype: dtype, length: shape[0])
        }
    }
}
