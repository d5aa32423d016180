// libFuzzer target: TU games as NumPy .npy arrays (header, dtype, shape, data); a game that is
// read is also written back and must read again as the same game.
import CoalitionGames
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    guard let game = try? NPYFormat.read(bytes) else { return 0 }
    FuzzSupport.exercise(.table(game))
    if let written = try? NPYFormat.write(game) {
        guard let again = try? NPYFormat.read(written), again == game else {
            fatalError("an npy file written from a game read back differently")
        }
    }
    return 0
}
