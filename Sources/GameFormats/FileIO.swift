#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic writes with the C library (no Foundation in the readers).
enum FileIO {
    /// All bytes of `path`, or of standard input for `-`.
    static func readAll(_ path: String) throws(GameInputError) -> [UInt8] {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw GameInputError("cannot open '\(path)': \(lastError())", reason: .io) }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw GameInputError("cannot read '\(path)': it is a directory", reason: .io)
        }
        var result = [UInt8]()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 {
            // A regular file is read straight into an array of its size (no copy through a
            // chunk buffer); anything past that size (a growing file) is appended below.
            let size = Int(st.st_size)
            var failure: GameInputError?
            result = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = 0
                while count < size {
                    let n = read(fd, buffer.baseAddress! + count, size - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = GameInputError("cannot read '\(path)': \(lastError())", reason: .io)
                        return
                    }
                    if n == 0 { break }
                    count += n
                }
            }
            if let failure { throw failure }
            if result.count < size { return result }
        }
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                throw GameInputError("cannot read '\(path)': \(lastError())", reason: .io)
            }
            if n == 0 { break }
            result.append(contentsOf: buffer[0..<n])
        }
        return result
    }

    /// Opens `path` (`-` = standard input) and gives `body` a function that reads the next bytes.
    static func withStream<T>(_ path: String, _ body: (Int?, (UnsafeMutableRawBufferPointer) throws -> Int) throws -> T) throws -> T {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw GameInputError("cannot open '\(path)': \(lastError())", reason: .io) }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw GameInputError("cannot read '\(path)': it is a directory", reason: .io)
        }
        let size: Int? = (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
        return try body(size) { buffer in
            while true {
                let n = read(fd, buffer.baseAddress, buffer.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw GameInputError("cannot read '\(path)': \(lastError())", reason: .io)
                }
                return n
            }
        }
    }

    /// Writes `bytes` to a temporary file beside `path`, flushes it, then renames it over `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(GameInputError) {
        var bytes = bytes
        if path == "-" {
            try writeAll(1, &bytes, path: "<stdout>")
            return
        }
        let dir: String
        if let slash = path.lastIndex(of: "/") { dir = String(path[..<slash]).isEmpty ? "/" : String(path[..<slash]) } else { dir = "." }
        var template = Array((dir + "/.gamesolve-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw GameInputError("cannot write '\(path)': cannot create a temporary file in '\(dir)': \(lastError())", reason: .io) }
        let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(GameInputError) {
            try writeAll(fd, &bytes, path: path)
            guard fsync(fd) == 0 else { throw GameInputError("cannot write '\(path)': \(lastError())", reason: .io) }
            fchmod(fd, 0o644)
            close(fd)
            guard rename(tmp, path) == 0 else { throw GameInputError("cannot write '\(path)': \(lastError())", reason: .io) }
        } catch {
            close(fd)
            unlink(tmp)
            throw error
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: inout [UInt8], path: String) throws(GameInputError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw GameInputError("cannot write '\(path)': \(lastError())", reason: .io)
            }
            offset += n
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
