/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA
/// 2014): a tiny seeded generator whose stream is the same on every machine, used by the game
/// generators and the randomized tests so that every game and every failure is replayable from
/// its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`, by rejection (no modulo bias); platform-independent,
    /// unlike `Int.random(in:using:)` whose algorithm the standard library may change.
    public mutating func uniform(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        let limit = UInt64.max - UInt64.max % span
        var x = next()
        while x >= limit { x = next() }
        return range.lowerBound &+ Int(truncatingIfNeeded: x % span)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func unitDouble() -> Double { Double(next() >> 11) * 0x1p-53 }
}
