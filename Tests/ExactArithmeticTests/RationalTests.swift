import BigInt
import Testing
@testable import ExactArithmetic

@Suite struct RationalTests {
    @Test(arguments: [
        ("3", "3"), ("-12", "-12"), ("0.25", "1/4"), ("-.5", "-1/2"), ("6/8", "3/4"), ("-3/-6", "1/2"),
        ("1e-3", "1/1000"), ("2.5E+2", "250"), ("0.1/0.3", "1/3"), ("+7", "7"), ("00012.500", "25/2"),
    ])
    func parsesExactly(text: String, expected: String) {
        #expect(Rational(text)?.description == expected)
    }

    @Test(arguments: ["", "-", "1/0", "abc", "1.2.3", "1/", "/2", "1e", "--1", "0x10", "1 2"])
    func rejectsMalformed(text: String) {
        #expect(Rational(text) == nil)
    }

    /// The byte-level fast path (Int for up to 18 digits) and the BigInt path agree with a value
    /// built independently from the generated parts, across the 18-digit boundary, with leading
    /// zeros, signs, decimal points and exponents; the same bytes read in place give the same value.
    @Test func fastAndArbitraryPathsAgreeOnGeneratedNumbers() {
        var rng = SplitMix64(seed: 20261121)
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(rng.next() % 10)) }) }
        for _ in 0..<4000 {
            let negative = rng.next() % 2 == 0
            let integerPart = digits(Int(rng.next() % 23))
            let fractionPart = rng.next() % 3 == 0 ? digits(Int(rng.next() % 22)) : ""
            let hasPoint = !fractionPart.isEmpty || rng.next() % 5 == 0
            let exponent = rng.next() % 4 == 0 ? Int(rng.next() % 41) - 20 : 0
            guard !(integerPart + fractionPart).isEmpty else { continue }
            var text = (negative ? "-" : (rng.next() % 4 == 0 ? "+" : "")) + integerPart
            if hasPoint { text += "." + fractionPart }
            if exponent != 0 { text += (rng.next() % 2 == 0 ? "e" : "E") + "\(exponent)" }
            var numerator = BigInt(integerPart + fractionPart)!
            if negative { numerator = -numerator }
            let scale = exponent - fractionPart.count
            let expected = scale >= 0 ? Rational(numerator * BigInt(10).power(scale)) : Rational(numerator) / Rational(BigInt(10).power(-scale))
            #expect(Rational(text) == expected, "\(text)")
            let bytes = Array(("  " + text + "/1").utf8)
            let inPlace = bytes.withUnsafeBufferPointer { Rational.parse(utf8: $0, from: 2, to: 2 + text.utf8.count) }
            #expect(inPlace == expected, "\(text) read in place")
        }
    }

    @Test func arithmeticIsExact() {
        let a = Rational(1, 3), b = Rational(1, 6)
        #expect(a + b == Rational(1, 2))
        #expect(a - b == Rational(1, 6))
        #expect(a * b == Rational(1, 18))
        #expect(a / b == Rational(2))
        #expect(-a == Rational(-1, 3))
        #expect(a > b)
        #expect(Rational(-2, 4) == Rational(-1, 2))
    }

    @Test func overflowFallsBackToBigIntegersAndBack() {
        let big = Rational(Int.max)
        let sum = big + big
        #expect(sum.smallParts == nil)
        #expect(sum.description == "18446744073709551614")
        let back = sum - big
        #expect(back.smallParts?.numerator == Int.max)
        let tiny = Rational(1, Int.max) * Rational(1, Int.max)
        #expect(tiny.denominator == BigInt(Int.max) * BigInt(Int.max))
        #expect((tiny * Rational(Int.max) * Rational(Int.max)) == .one)
        #expect(Rational(Int.min).description == "\(Int.min)")
        #expect(-Rational(Int.min) == Rational(BigInt(Int.max) + 1))
    }

    @Test func comparisonAcrossRepresentations() {
        let huge = Rational(BigInt(Int.max) * 4, BigInt(3))
        #expect(huge > Rational(Int.max))
        #expect(Rational(Int.max - 1, Int.max) < .one)
        #expect(Rational(Int.max - 1, Int.max) > Rational(Int.max - 2, Int.max - 1))
    }

    @Test func exactDoubles() {
        #expect(Rational(exactly: 0.25) == Rational(1, 4))
        #expect(Rational(exactly: -3.0) == Rational(-3))
        #expect(Rational(exactly: 0.1)! != Rational(1, 10))
        #expect(Rational(exactly: 0.1)!.doubleValue == 0.1)
        #expect(Rational(exactly: Double.leastNonzeroMagnitude)!.doubleValue == Double.leastNonzeroMagnitude)
        #expect(Rational(exactly: .nan) == nil)
    }

    /// Seeded random identities: field axioms on mixed small/big values.
    @Test func randomFieldIdentities() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<500 {
            let a = Rational(Int(truncatingIfNeeded: rng.next() >> 20), Int(rng.next() % 1_000_000) + 1)
            let b = Rational(Int(truncatingIfNeeded: rng.next() >> 1) , Int(rng.next() % 7) + 1)
            let c = Rational(Int(truncatingIfNeeded: rng.next() >> 40), Int(rng.next() >> 2) + 1)
            #expect((a + b) + c == a + (b + c))
            #expect(a * (b + c) == a * b + a * c)
            if !b.isZero { #expect((a / b) * b == a) }
            #expect((a < b) == (a - b < .zero))
        }
    }
}


/// Sums over a common denominator equal term-by-term fraction sums.
@Suite struct CommonDenominatorVectorTests {
    @Test func dotProductsMatchFractionSums() {
        var rng = SplitMix64(seed: 77)
        for _ in 0..<20 {
            let k = Int(rng.next() % 6) + 1
            let x = (0..<k).map { _ -> Rational in
                rng.next() % 4 == 0 ? .zero : Rational(BigInt(Int(rng.next() % 2_000_001) - 1_000_000) * BigInt(Int.max),
                                                      BigInt(Int(rng.next() % 999) + 1) * BigInt(Int.max - 2))
            }
            let coefficients = (0..<k).map { _ in Rational(Int(rng.next() % 201) - 100) }
            let common = CommonDenominatorVector(x)
            let expected = zip(coefficients, x).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
            #expect(common.dot(coefficients.enumerated().map { (index: $0.offset, coefficient: $0.element) }) == expected)
            #expect(common.dot { coefficients[$0] } == expected)
            #expect(common.dot { _ in Rational(1, 3) } == nil || x.allSatisfy(\.isZero))
        }
    }
}

@Suite struct RationalDecimalTests {
    @Test(arguments: [
        ("2/3", 4, "0.6667"), ("-1/8", 2, "-0.13"), ("5", 0, "5"), ("1/3", 0, "0"), ("1/2", 0, "1"),
        ("-1/2", 0, "-1"), ("-1/1000", 2, "0.00"), ("123456789012345678901234567890/7", 3, "17636684144620811271604938270.000"),
        ("1/7", 10, "0.1428571429"), ("0", 3, "0.000"), ("-7/2", 1, "-3.5"),
    ])
    func roundsHalfAwayFromZero(text: String, digits: Int, expected: String) {
        #expect(Rational(text)!.decimal(digits) == expected)
    }
}

@Suite struct CommonDenominatorAndScientificTests {
    @Test func scientificNotationIsExactAndRounded() {
        #expect(Rational(1, 3000).scientific(2) == "3.33e-4")
        #expect(Rational(-2, 3).scientific(3) == "-6.667e-1")
        #expect(Rational(99999).scientific(2) == "1.00e5")       // rounding carries into the exponent
        #expect(Rational(12345).scientific(0) == "1e4")
        #expect(Rational.zero.scientific(3) == "0")
        #expect(Rational(1, 1 << 60).scientific(3) == "8.674e-19")
    }

    @Test func commonDenominatorVectorChecksWithoutFractions() {
        let v = CommonDenominatorVector([Rational(1, 6), Rational(1, 3), Rational(1, 2)])
        #expect(v.denominator == 6 && v.numerators == [1, 2, 3])
        #expect(v.isProbabilityVector)
        #expect(!CommonDenominatorVector([Rational(1, 2), Rational(1, 3)]).isProbabilityVector)
        #expect(!CommonDenominatorVector([Rational(3, 2), Rational(-1, 2)]).isProbabilityVector)
        #expect(v.sign(1, minus: Rational(1, 3)) == 0 && v.sign(2, minus: Rational(1, 3)) == 1 && v.sign(0, minus: 1) == -1)
        #expect(v.rationals == [Rational(1, 6), Rational(1, 3), Rational(1, 2)] && v[2] == Rational(1, 2))
        #expect(v.doubleValues == [1.0 / 6, 1.0 / 3, 0.5])
        #expect(v.difference(Rational(1, 2), minus: 0) == 1.0 / 3)
        // Unreduced parts are kept as given: 2/4 stays 2 over 4 until reduced.
        let u = CommonDenominatorVector(numerators: [2, 0], denominator: 4)
        #expect(u.numerators == [2, 0] && u.rationals == [Rational(1, 2), 0])
        // All-integer input takes the fast path, denominator 1.
        let w = CommonDenominatorVector([5, -7, 0])
        #expect(w.denominator == 1 && w.numerators == [5, -7, 0])
    }
}
