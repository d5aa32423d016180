import Testing
@testable import Equilibria

/// `approximation` of the wide pivot integers must be within 2^-52 relative of the value for
/// every sign: summing a signed high word and an unsigned low word cancelled for small negative
/// values (Int128(−5) came out as 0.0; found by the sharded reverse search).
@Suite struct WideIntegerApproximationTests {
    @Test func smallAndLargeValuesOfBothSigns() {
        for v in [-5, -1, 0, 1, 5, -(1 << 62), 1 << 62, Int.min + 1, Int.max] {
            #expect(Int128(v).approximation == Double(v))
            #expect(Int256(v).approximation == Double(v))
        }
        let big = Int128(1) << 100
        #expect(big.approximation == 0x1p100 && (-big).approximation == -0x1p100)
        #expect(Int128.min.approximation == -0x1p127)
        let wide = Int256(hi: 1, lo: 0)                  // 2^128
        #expect(wide.approximation == 0x1p128 && (Int256(0) &- wide).approximation == -0x1p128)
        #expect((Int256(0) &- Int256(3)).approximation == -3)
    }
}
