import GameSolve

/// The best structure by enumerating every set partition (restricted growth strings): Bell(n)
/// structures, the reference the searches are checked against. Returns the best numerator sum
/// and the number of partitions seen.
func bruteForceBest(_ table: CoalitionValueTable) -> (best: Int128, partitions: Int) {
    let n = table.playerCount
    var best = Int128.min, count = 0
    var blocks = [Int](repeating: 0, count: n)   // bitmask of each open block
    func place(_ i: Int, _ open: Int) {
        if i == n {
            count += 1
            var s: Int128 = 0
            for b in 0..<open { s += Int128(table.numerators[blocks[b]]) }
            best = max(best, s)
            return
        }
        for b in 0...open where b < n {
            blocks[b] |= 1 << i
            place(i + 1, b == open ? open + 1 : open)
            blocks[b] &= ~(1 << i)
        }
    }
    place(0, 0)
    return (best, count)
}

/// Bell numbers B(0) ... B(12).
let bellNumbers = [1, 1, 2, 5, 15, 52, 203, 877, 4140, 21147, 115975, 678570, 4213597]

/// A random integer table: values uniform in `range`, v(∅) = 0.
func randomTable(players n: Int, range: ClosedRange<Int>, seed: UInt64) -> CoalitionValueTable {
    var rng = SplitMix64(seed: seed)
    var t = [Int](repeating: 0, count: 1 << n)
    for c in 1..<t.count { t[c] = rng.uniform(range) }
    return try! CoalitionValueTable(playerNames: TUGame.defaultNames(n), numerators: t)
}

/// Checks a structure: every player exactly once, and the reported value equals the sum.
func isPartition(_ coalitions: [Int], players n: Int) -> Bool {
    var seen = 0
    for c in coalitions {
        if c == 0 || c & seen != 0 { return false }
        seen |= c
    }
    return seen == (1 << n) - 1
}
