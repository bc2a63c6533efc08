import Core
import XCTest
@testable import Normalize

final class ValueCodingTests: XCTestCase {
    func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testRangeUsesSnakeCaseAndOmitsAbsentFields() throws {
        let value = ValueParser().parse("giugno-settembre 2025").value
        XCTAssertEqual(try encode(value),
                       #"{"date":"2025-06-01","date_end":"2025-09-30","kind":"deadline","raw":"giugno-settembre 2025","text":"giugno-settembre 2025"}"#)
    }

    func testComparatorAndUnit() throws {
        let value = ValueParser().parse("non inferiore al 95%").value
        XCTAssertEqual(try encode(value),
                       #"{"comparator":">=","kind":"percent","number":95,"raw":"non inferiore al 95%","unit":"percent"}"#)
    }

    func testRoundTrip() throws {
        let values = ["1.234.567,89", "SI", "-", "Entro il 2023", "testo libero", "€12.550,00"].map { ValueParser().parse($0).value }
        for value in values {
            let data = try JSONEncoder().encode(value)
            XCTAssertEqual(try JSONDecoder().decode(Value.self, from: data), value)
        }
    }

    func testFieldWarningEncodes() throws {
        XCTAssertEqual(try encode(FieldWarning(field: "target", message: "malformed")), #"{"field":"target","message":"malformed"}"#)
        XCTAssertEqual(FieldWarning(field: "target", message: "malformed").description, "target: malformed")
    }
}
