// libFuzzer target: the json reader (see FuzzSupport.strategic).
import FuzzSupport
import GameFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzSupport.strategic(UnsafeRawBufferPointer(start: data, count: size), format: .json)
    return 0
}
