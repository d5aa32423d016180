// libFuzzer target: TU games as JSON tables, {"players": ..., "order": ..., "values": [...]}
// (the same reader also takes rules; FuzzTURules seeds those).
import CoalitionGames
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzSupport.tu(UnsafeRawBufferPointer(start: data, count: size), order: .bitmask)
    return 0
}
