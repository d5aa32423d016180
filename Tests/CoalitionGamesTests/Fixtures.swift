import Foundation
import GameSolve

/// Loads a fixture JSON file from the test bundle.
func fixture(_ name: String) throws -> [String: Any] {
    guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)
        ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
        throw FixtureError.missing(name)
    }
    let data = try Data(contentsOf: url)
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw FixtureError.missing(name) }
    return root
}

enum FixtureError: Error { case missing(String) }

func rational(_ any: Any) -> Rational {
    if let s = any as? String { return Rational(s)! }
    if let i = any as? Int { return Rational(i) }
    if let d = any as? Double { return Rational(exactly: d)! }
    fatalError("not a number: \(any)")
}

/// A TU game from a fixture entry (values in the entry's order).
func game(from entry: [String: Any]) throws -> TUGame {
    let n = (entry["players"] as? Int) ?? (entry["n"] as! Int)
    let order = CoalitionOrder(rawValue: (entry["order"] as? String) ?? "bitmask")!
    let values = (entry["values"] as! [Any]).map(rational)
    var ordered = [Rational](repeating: .zero, count: values.count)
    for (k, mask) in order.masks(players: n).enumerated() { ordered[mask - 1] = values[k] }
    return try TUGame(playerCount: n, values: ordered)
}

/// A random integer game, seeded.
func randomGame(players n: Int, seed: UInt64, range: ClosedRange<Int> = -5...20) -> TUGame {
    var rng = SplitMix64(seed: seed)
    var table = [Int](repeating: 0, count: 1 << n)
    for s in 1..<(1 << n) { table[s] = rng.uniform(range) }
    return try! TUGame(playerNames: TUGame.defaultNames(n), numerators: table)
}
