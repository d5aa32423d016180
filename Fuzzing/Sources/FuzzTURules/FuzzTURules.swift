// libFuzzer target: TU games given by a rule ({"type": "weighted-voting" | "bankruptcy" |
// "airport" | "glove" | "unanimity" | "majority", ...}): read, then the rule's values, its table
// when small, and voting power for small weighted voting games.
import CoalitionGames
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzSupport.tu(UnsafeRawBufferPointer(start: data, count: size), order: .bitmask)
    return 0
}
