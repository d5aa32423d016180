// libFuzzer target: TU games as a plain vector of 2^n − 1 values, in both coalition orders.
import CoalitionGames
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    FuzzSupport.tu(bytes, order: .bitmask)
    FuzzSupport.tu(bytes, order: .lex)
    return 0
}
