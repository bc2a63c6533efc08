import Core
import Foundation
import XCTest

final class ExactDecimalTests: XCTestCase {
    private func decimal(_ text: String) throws -> ExactDecimal { try XCTUnwrap(ExactDecimal(text), text) }

    func testReadsAndWritesTheDigits() throws {
        for (text, written) in [("17185418.38", "17185418.38"), ("24.70", "24.7"), ("-0.05", "-0.05"), ("1000.00", "1000"), ("0", "0"),
                                ("007", "7"), ("999999999999999999", "999999999999999999")] {
            XCTAssertEqual(try decimal(text).description, written)
        }
        for bad in ["", "-", "1.", ".5", "1,5", "1e3", "1.2.3", "+1", "1000000000000000000", "0.0000000000000000001"] { XCTAssertNil(ExactDecimal(bad), bad) }
        XCTAssertEqual(try decimal("24.70"), try decimal("24.7"), "one value, one form")
    }

    func testSumsAreExactWhereBinaryFloatingPointIsNot() throws {
        let parts = Array(repeating: try decimal("0.1"), count: 10) + [try decimal("17185418.28")]
        XCTAssertEqual(ExactDecimal.sum(parts)?.description, "17185419.28")
        XCTAssertNotEqual(Array(repeating: 0.1, count: 10).reduce(0, +), 1.0, "what Double would have made of it")
        XCTAssertEqual(try decimal("500").subtracting(try decimal("219.60"))?.description, "280.4")
        XCTAssertNil(try decimal("999999999999999999").adding(1), "more than 18 digits is refused, not rounded")
    }

    func testItalianAmountsAreWrittenFromTheDigits() throws {
        for (text, written) in [("2500592.7", "2.500.592,70"), ("-5880.86", "-5.880,86"), ("0", "0,00"), ("999.999", "1.000,00"),
                                ("17185418.38", "17.185.418,38"), ("-0.05", "-0,05"), ("-0.004", "0,00"), ("123", "123,00"),
                                // 17 and 18 digits: a Double would make them 1.000.000.000.000.000,00 and 10.000.000.000.000.000,00.
                                ("999999999999999.99", "999.999.999.999.999,99"), ("9999999999999999.99", "9.999.999.999.999.999,99")] {
            XCTAssertEqual(try decimal(text).italianAmount, written, text)
        }
    }

    func testComparesAcrossScalesAndSigns() throws {
        let ordered = try ["-1.5", "-1.2", "-0.5", "0", "0.25", "0.3", "1", "999999999999.99"].map(decimal)
        XCTAssertEqual(ordered.sorted(), ordered)
        XCTAssertTrue(try decimal("0.01") > decimal("0.009"))
    }

    func testDivisionAndRoundingHalfAwayFromZero() throws {
        XCTAssertEqual(try decimal("4").divided(by: try decimal("5"), places: 6)?.description, "0.8")
        XCTAssertEqual(try decimal("1").divided(by: try decimal("3"), places: 6)?.description, "0.333333")
        XCTAssertEqual(try decimal("2").divided(by: try decimal("3"), places: 6)?.description, "0.666667")
        XCTAssertEqual(try decimal("-2").divided(by: try decimal("3"), places: 2)?.description, "-0.67")
        XCTAssertEqual(try decimal("0.123456789").divided(by: try decimal("0.5"), places: 3)?.description, "0.247")
        XCTAssertNil(try decimal("1").divided(by: .zero, places: 2))
        XCTAssertEqual(try decimal("999.995").rounded(places: 2)?.description, "1000")
        XCTAssertEqual(try decimal("12.5").significand(places: 2), 1250)
        XCTAssertNil(try decimal("0.125").significand(places: 2))
    }

    func testFitsNumeric18Of2() throws {
        XCTAssertTrue(try decimal("9999999999999999.99").fits(precision: 18, places: 2))
        XCTAssertFalse(try decimal("99999999999999999").fits(precision: 18, places: 2))
        XCTAssertFalse(try decimal("1.234").fits(precision: 18, places: 2))
    }

    func testJSONCodingKeepsTheDigits() throws {
        let value = try decimal("17185418.38")
        let data = try JSONEncoder().encode([value])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[17185418.38]")
        XCTAssertEqual(try JSONDecoder().decode([ExactDecimal].self, from: data), [value])
        XCTAssertEqual(JSONValue.decimal(value).serialized, "17185418.38")
    }
}
