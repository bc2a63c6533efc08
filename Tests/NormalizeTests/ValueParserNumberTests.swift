import Core
import XCTest
@testable import Normalize

/// Numbers, amounts, percentages, units and comparators, with literals from SCHEMA.md and the seeds.
final class ValueParserNumberTests: XCTestCase {
    let parser = ValueParser()

    struct Expect {
        var kind: Value.Kind
        var number: ExactDecimal?
        var unit: String? = nil
        var comparator: Value.Comparator? = nil
    }

    func assertParses(_ cases: [(String, Expect)], file: StaticString = #filePath, line: UInt = #line) {
        for (raw, expect) in cases {
            let parsed = parser.parse(raw, field: "target")
            let value = parsed.value
            XCTAssertEqual(value.raw, raw, file: file, line: line)
            XCTAssertEqual(value.kind, expect.kind, "kind of \(raw)", file: file, line: line)
            XCTAssertEqual(value.number, expect.number, "number of \(raw)", file: file, line: line)
            XCTAssertEqual(value.unit, expect.unit, "unit of \(raw)", file: file, line: line)
            XCTAssertEqual(value.comparator, expect.comparator, "comparator of \(raw)", file: file, line: line)
            XCTAssertEqual(parsed.warnings, [], "warnings of \(raw)", file: file, line: line)
        }
    }

    func testItalianNumbers() {
        assertParses([
            ("1.234.567,89", Expect(kind: .number, number: "1234567.89")),
            ("-5.880,86", Expect(kind: .number, number: "-5880.86")),
            ("0,00", Expect(kind: .number, number: 0)),
            ("2.500.592,70", Expect(kind: .number, number: "2500592.70")),
            ("5.508.241,336", Expect(kind: .number, number: "5508241.336")),
            ("12,33", Expect(kind: .number, number: "12.33")),
            ("50,6", Expect(kind: .number, number: "50.6")),
            ("1100", Expect(kind: .number, number: 1100)),
            ("5333", Expect(kind: .number, number: 5333)),
            ("<b>19</b>", Expect(kind: .number, number: 19)),
            ("**3.048**", Expect(kind: .number, number: 3048)),
            (",00", Expect(kind: .number, number: 0)),
        ])
    }

    /// "1.234" is 1234 in Italian; one dot before one, two or four digits is a decimal point.
    func testDotAmbiguityRules() {
        assertParses([
            ("1.234", Expect(kind: .number, number: 1234)),
            ("12.550", Expect(kind: .number, number: 12550)),
            ("1.234.567", Expect(kind: .number, number: 1_234_567)),
            ("50.6", Expect(kind: .number, number: "50.6")),
            ("24.70", Expect(kind: .number, number: "24.7")),
        ])
    }

    func testSignsAreReadAndRawKept() {
        assertParses([
            ("+ 19", Expect(kind: .number, number: 19)),
            ("+19", Expect(kind: .number, number: 19)),
            ("-3.824,97", Expect(kind: .number, number: "-3824.97")),
        ])
        XCTAssertEqual(parser.parse("+ 19").value.raw, "+ 19")
    }

    func testPercentagesWithEitherDecimalMark() {
        assertParses([
            ("24.70%", Expect(kind: .percent, number: "24.7", unit: "percent")),
            ("26,90 %", Expect(kind: .percent, number: "26.9", unit: "percent")),
            ("100%", Expect(kind: .percent, number: 100, unit: "percent")),
            ("74,27%", Expect(kind: .percent, number: "74.27", unit: "percent")),
            ("0,00%", Expect(kind: .percent, number: 0, unit: "percent")),
            ("54,2%", Expect(kind: .percent, number: "54.2", unit: "percent")),
        ])
    }

    func testCurrency() {
        assertParses([
            ("€12.550,00", Expect(kind: .currency, number: 12550, unit: "EUR")),
            ("Euro **118.033,00**", Expect(kind: .currency, number: 118_033, unit: "EUR")),
            ("€ 1.000", Expect(kind: .currency, number: 1000, unit: "EUR")),
            ("€ 300,00", Expect(kind: .currency, number: 300, unit: "EUR")),
            ("€ 5.392.416,76", Expect(kind: .currency, number: "5392416.76", unit: "EUR")),
            ("<p>€ 307.000,00</p>", Expect(kind: .currency, number: 307_000, unit: "EUR")),
            ("€1.457.914", Expect(kind: .currency, number: 1_457_914, unit: "EUR")),
            ("euro 30.672,8", Expect(kind: .currency, number: "30672.8", unit: "EUR")),
            ("1.000,00 €", Expect(kind: .currency, number: 1000, unit: "EUR")),
            ("EUR 5", Expect(kind: .currency, number: 5, unit: "EUR")),
        ])
    }

    func testUnits() {
        assertParses([
            ("Km. 32,00", Expect(kind: .number, number: 32, unit: "km")),
            ("Km. 31,78", Expect(kind: .number, number: "31.78", unit: "km")),
            ("14,72 Kmq", Expect(kind: .number, number: "14.72", unit: "km2")),
            ("413,17 ab/Kmq", Expect(kind: .number, number: "413.17", unit: "inhabitants/km2")),
            ("n.5985", Expect(kind: .number, number: 5985)),
            ("n. 2", Expect(kind: .number, number: 2)),
            ("n. 28 unità", Expect(kind: .number, number: 28, unit: "units")),
            ("15 giorni", Expect(kind: .number, number: 15, unit: "days")),
            ("8 ore", Expect(kind: .number, number: 8, unit: "hours")),
        ])
    }

    func testComparators() {
        assertParses([
            ("< di 5", Expect(kind: .number, number: 5, comparator: .lessThan)),
            (">= 90%", Expect(kind: .percent, number: 90, unit: "percent", comparator: .greaterOrEqual)),
            ("≥ 90%", Expect(kind: .percent, number: 90, unit: "percent", comparator: .greaterOrEqual)),
            ("almeno 3", Expect(kind: .number, number: 3, comparator: .greaterOrEqual)),
            ("non inferiore al 95%", Expect(kind: .percent, number: 95, unit: "percent", comparator: .greaterOrEqual)),
            ("Almeno l'80%", Expect(kind: .percent, number: 80, unit: "percent", comparator: .greaterOrEqual)),
            ("<3%", Expect(kind: .percent, number: 3, unit: "percent", comparator: .lessThan)),
            ("<25 gg", Expect(kind: .number, number: 25, unit: "days", comparator: .lessThan)),
            ("> 10", Expect(kind: .number, number: 10, comparator: .greaterThan)),
            ("<= 30 giorni", Expect(kind: .number, number: 30, unit: "days", comparator: .lessOrEqual)),
            ("fino a 5", Expect(kind: .number, number: 5, comparator: .lessOrEqual)),
            ("più di 100", Expect(kind: .number, number: 100, comparator: .greaterThan)),
            ("max 20 punti", Expect(kind: .number, number: 20, unit: "points", comparator: .lessOrEqual)),
            ("(MAX 20 PUNTI)", Expect(kind: .number, number: 20, unit: "points", comparator: .lessOrEqual)),
            ("(30%)", Expect(kind: .percent, number: 30, unit: "percent")),
        ])
    }

    func testComparatorInRawTextIsTheHTMLOneNotATag() {
        XCTAssertEqual(parser.parse("< di 5").value.number, 5)
        XCTAssertEqual(parser.parse("&lt; 5").value.comparator, .lessThan)
    }

    /// Malformed numbers become text with a warning naming the field: never a wrong number.
    func testMalformedNumbersAreTextWithWarning() {
        for raw in ["1.297,888,00", "Euro 1.297,888,00", "1.23,5", "12.34.567", "1.2.3", "5,", "1.234%", "€ 5%"] {
            let parsed = parser.parse(raw, field: "amounts.committed")
            XCTAssertEqual(parsed.value.kind, .text, raw)
            XCTAssertNil(parsed.value.number, raw)
            XCTAssertEqual(parsed.warnings.count, 1, raw)
            XCTAssertEqual(parsed.warnings.first?.field, "amounts.committed", raw)
            XCTAssertTrue(parsed.warnings.first?.message.hasPrefix("malformed number") == true, raw)
        }
    }

    func testMalformedWarningSaysWhy() {
        let parsed = parser.parse("1.297,888,00")
        XCTAssertEqual(parsed.warnings, [FieldWarning(field: "value", message: "malformed number \"1.297,888,00\": more than one decimal comma")])
        XCTAssertEqual(parsed.value.text, "1.297,888,00")
    }

    func testEmptyPlaceholders() {
        for raw in ["-", "//", "—", "–", "n.d.", "N.D.", ".. /.. /..", "", "   ", "%", "---", "<b></b>", "/", "n.a.", "€"] {
            let parsed = parser.parse(raw)
            XCTAssertEqual(parsed.value, Value(raw: raw, kind: .empty), "'\(raw)'")
            XCTAssertEqual(parsed.warnings, [], raw)
        }
    }

    func testBooleans() {
        let cases: [(String, Bool)] = [("SI", true), ("Si", true), ("sì", true), ("Sì", true), ("SI'", true), ("si.", true),
                                       ("NO", false), ("No", false), ("no", false)]
        for (raw, expected) in cases {
            let value = parser.parse(raw).value
            XCTAssertEqual(value.kind, .boolean, raw)
            XCTAssertEqual(value.boolean, expected, raw)
            XCTAssertEqual(value.raw, raw)
        }
    }

    func testWordsAroundANumberMakeText() {
        for raw in ["miglioramento 20%", "N. Responsabili PO", "Entro 30 giorni dalla notifica del Decreto", "SALUTE DIGITALE",
                    "8.2 Comunicazione", "X", "1-", "Si provvederà"] {
            let parsed = parser.parse(raw)
            XCTAssertEqual(parsed.value.kind, .text, raw)
            XCTAssertNil(parsed.value.number, raw)
            XCTAssertEqual(parsed.value.text, TextCleaner.clean(raw), raw)
            XCTAssertEqual(parsed.warnings, [], raw)
        }
    }
}
