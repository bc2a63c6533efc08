import Foundation
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
    func testHeaderFollowsSchemaOrderWithUnderscores() {
        let names = FlatSchema.columns(of: .indicator).map(\.name)
        XCTAssertEqual(Array(names.prefix(7)), ["schema_version", "record_type", "record_id", "record_key", "document_sha256", "document_file_name",
                                                "document_input_path"])
        let target = names.firstIndex(of: "target_raw")!
        XCTAssertEqual(Array(names[target..<target + 7]),
                       ["target_raw", "target_kind", "target_number", "target_unit", "target_date", "target_date_end", "target_comparator"])
        XCTAssertTrue(names.contains("source_page"))
        XCTAssertEqual(Array(names.suffix(2)), ["raw", "warnings"])
        XCTAssertTrue(FlatSchema.columns(of: .budgetLine).map(\.name).contains("amounts_committed"))
        XCTAssertEqual(FlatSchema.header(of: .staff).components(separatedBy: ",").first, "schema_version")
    }

    /// Words SQL reserves in PostgreSQL, SQLite, MySQL, BigQuery, Snowflake or the SQL standard that are near the
    /// schema's vocabulary: a column named like one needs quoting somewhere.
    static let reservedWords: Set<String> = [
        "all", "and", "any", "array", "as", "asc", "between", "by", "case", "cast", "check", "column", "constraint", "count",
        "create", "cross", "current", "date", "default", "delete", "desc", "distinct", "drop", "else", "end", "except", "exists",
        "false", "fetch", "for", "foreign", "from", "full", "grant", "group", "groups", "having", "in", "index", "inner", "insert",
        "intersect", "interval", "into", "is", "join", "key", "left", "like", "limit", "natural", "not", "null", "of", "offset",
        "on", "or", "order", "outer", "over", "partition", "primary", "range", "rank", "references", "right", "row", "rows",
        "select", "set", "some", "table", "then", "time", "timestamp", "to", "true", "union", "unique", "update", "user",
        "using", "value", "values", "when", "where", "window", "with",
    ]

    func testColumnNamesNeedNoQuotingInAWarehouse() {
        for type in RecordType.allCases {
            for column in FlatSchema.columns(of: type) {
                for dialect in SQLSchema.Dialect.allCases {
                    let name = SQLSchema.columnName(column, dialect)
                    XCTAssertNotNil(name.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression), "\(type): \(name)")
                    XCTAssertFalse(Self.reservedWords.contains(name), "\(type): \(name) is a reserved word")
                }
            }
            XCTAssertFalse(Self.reservedWords.contains(SQLSchema.tableName(type)))
        }
        XCTAssertEqual(FlatSchema.columns(of: .indicator).first { $0.jsonPath == "group" }?.name, "indicator_group")
    }

    func testTheDocumentedMappingIsTheGeneratedOne() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/columns.md")
        XCTAssertTrue(try String(contentsOf: docs, encoding: .utf8).contains(ColumnMapping.markdown()),
                      "docs/columns.md is out of date: regenerate it with `piani schema --columns`")
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
        XCTAssertEqual(cells["document_ente"], "Comune di Prova, \"Città\"")
        XCTAssertEqual(cells["source_section_path"], "SEZIONE 2 | Obiettivi, area 1")
        XCTAssertEqual(cells["source_bbox"], "[10,20,300,40]")
        XCTAssertEqual(cells["name"], "Pratiche evase\nentro 30 giorni")
        XCTAssertEqual(cells["target_raw"], "< di 5")
        XCTAssertEqual(cells["target_number"], "5")
        XCTAssertEqual(cells["target_comparator"], "<")
        XCTAssertEqual(cells["target_unit"], .some(nil))
        XCTAssertEqual(cells["actual_raw"], "", "an empty text is kept as empty, not missing")
        XCTAssertEqual(cells["actual_kind"], "empty")
        XCTAssertEqual(cells["baseline_raw"], .some(nil))
        XCTAssertEqual(cells["targets_by_year"], "{\"2025\":{\"raw\":\"95%\"}}")
        XCTAssertEqual(cells["achievement_ratio"], "0.75")
        XCTAssertEqual(cells["raw"], "{\"Indicatore\":\"Pratiche evase\"}")
        XCTAssertEqual(cells["warnings"], "actual: empty cell")
    }

    func testObjectsNumbersAndBooleans() throws {
        let row = try XCTUnwrap(CSV.parse(FlatSchema.csvLine(SampleRecords.budgetLine())).first)
        let cells = Dictionary(uniqueKeysWithValues: zip(FlatSchema.columns(of: .budgetLine).map(\.name), row))
        XCTAssertEqual(cells["amounts_initial_forecast"], "1234567.89")
        XCTAssertEqual(cells["amounts_committed"], "-5880.86")
        XCTAssertEqual(cells["amounts_cashed"], .some(nil))
        XCTAssertEqual(cells["is_total"], "false")
        XCTAssertEqual(cells["description"], "")
        XCTAssertEqual(cells["document_period_start"], "2024")
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
