import Core
import Write
import XCTest

final class CSVTests: XCTestCase {
    func testFieldsAreQuotedOnlyWhenNeeded() {
        XCTAssertEqual(CSV.field("plain"), "plain")
        XCTAssertEqual(CSV.field("1.234,56"), "\"1.234,56\"")
        XCTAssertEqual(CSV.field("il \"Piano\""), "\"il \"\"Piano\"\"\"")
        XCTAssertEqual(CSV.field("riga\nsotto"), "\"riga\nsotto\"")
        XCTAssertEqual(CSV.field("a\r\nb"), "\"a\r\nb\"")
        XCTAssertEqual(CSV.field("città"), "città")
    }

    func testMissingAndEmptyStayApart() {
        XCTAssertEqual(CSV.field(nil), "")
        XCTAssertEqual(CSV.field(""), "\"\"")
        XCTAssertEqual(CSV.line([nil, "", "x"]), ",\"\",x\r\n")
    }

    func testParseReadsBackWhatLineWrites() {
        let rows: [[String?]] = [["a", nil, "", "x,y"], ["\"q\"", "multi\nline", "è", nil]]
        XCTAssertEqual(CSV.parse(rows.map(CSV.line).joined()), rows)
    }
}

final class FlatteningTests: XCTestCase {
    func testHeaderFollowsSchemaOrderWithDots() {
        let names = FlatSchema.columns(of: .indicator).map(\.name)
        XCTAssertEqual(Array(names.prefix(5)), ["schema_version", "record_type", "record_id", "document.sha256", "document.file_name"])
        let target = names.firstIndex(of: "target.raw")!
        XCTAssertEqual(Array(names[target..<target + 7]),
                       ["target.raw", "target.kind", "target.number", "target.unit", "target.date", "target.date_end", "target.comparator"])
        XCTAssertTrue(names.contains("source.page"))
        XCTAssertEqual(Array(names.suffix(2)), ["raw", "warnings"])
        XCTAssertTrue(FlatSchema.columns(of: .budgetLine).map(\.name).contains("amounts.committed"))
        XCTAssertEqual(FlatSchema.header(of: .staff).components(separatedBy: ",").first, "schema_version")
    }

    func testEveryColumnOfEveryTypeIsOneCell() {
        for type in RecordType.allCases {
            let names = FlatSchema.columns(of: type).map(\.name)
            XCTAssertEqual(Set(names).count, names.count, "\(type) has a repeated column")
        }
    }

    func testCellsFlattenValuesListsAndJSON() throws {
        let record = SampleRecords.indicator()
        let row = try XCTUnwrap(CSV.parse(FlatSchema.csvLine(record)).first)
        let cells = Dictionary(uniqueKeysWithValues: zip(FlatSchema.columns(of: .indicator).map(\.name), row))
        XCTAssertEqual(cells["document.ente"], "Comune di Prova, \"Città\"")
        XCTAssertEqual(cells["source.section_path"], "SEZIONE 2 | Obiettivi, area 1")
        XCTAssertEqual(cells["source.bbox"], "[10,20,300,40]")
        XCTAssertEqual(cells["name"], "Pratiche evase\nentro 30 giorni")
        XCTAssertEqual(cells["target.raw"], "< di 5")
        XCTAssertEqual(cells["target.number"], "5")
        XCTAssertEqual(cells["target.comparator"], "<")
        XCTAssertEqual(cells["target.unit"], .some(nil))
        XCTAssertEqual(cells["actual.raw"], "", "an empty text is kept as empty, not missing")
        XCTAssertEqual(cells["actual.kind"], "empty")
        XCTAssertEqual(cells["baseline.raw"], .some(nil))
        XCTAssertEqual(cells["targets_by_year"], "{\"2025\":{\"raw\":\"95%\"}}")
        XCTAssertEqual(cells["achievement_ratio"], "0.75")
        XCTAssertEqual(cells["raw"], "{\"Indicatore\":\"Pratiche evase\"}")
        XCTAssertEqual(cells["warnings"], "actual: empty cell")
    }

    func testObjectsNumbersAndBooleans() throws {
        let row = try XCTUnwrap(CSV.parse(FlatSchema.csvLine(SampleRecords.budgetLine())).first)
        let cells = Dictionary(uniqueKeysWithValues: zip(FlatSchema.columns(of: .budgetLine).map(\.name), row))
        XCTAssertEqual(cells["amounts.initial_forecast"], "1234567.89")
        XCTAssertEqual(cells["amounts.committed"], "-5880.86")
        XCTAssertEqual(cells["amounts.cashed"], .some(nil))
        XCTAssertEqual(cells["is_total"], "false")
        XCTAssertEqual(cells["description"], "")
        XCTAssertEqual(cells["document.period_start"], "2024")
    }

    func testRowsOrderByPageThenPositionThenOrdinal() {
        let records = [
            SampleRecords.table(page: nil, top: nil, key: "doc-level"),
            SampleRecords.table(page: 4, top: 100, key: "p4"),
            SampleRecords.table(page: 2, top: 500, key: "p2-low"),
            SampleRecords.table(page: 2, top: 50, key: "p2-high"),
            SampleRecords.table(page: 2, top: 50, key: "p2-high-second"),
        ]
        let order = RecordOrder.sorted(records).map(\.id)
        XCTAssertEqual(order, [records[3].id, records[4].id, records[2].id, records[1].id, records[0].id])
    }
}
