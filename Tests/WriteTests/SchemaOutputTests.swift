import Core
import Foundation
import GRDB
import Write
import XCTest

final class SchemaOutputTests: XCTestCase {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testSQLiteDatabaseHoldsTypedRowsWithRealNullsBooleansAndCents() throws {
        let folder = try temporaryFolder()
        let partition = DocumentPartition(folder: folder.appendingPathComponent("documents/a"))
        var total = SampleRecords.budgetLine()
        total.id = "total"
        total["is_total"] = .boolean(true)
        total["amounts"] = .object([("committed", .number("17185418.38"))])
        try partition.write([SampleRecords.indicator(page: 1), SampleRecords.indicator(page: 2, row: 7), SampleRecords.budgetLine(), total])
        let file = folder.appendingPathComponent(SQLiteDatabaseWriter.fileName)
        let counts = try SQLiteDatabaseWriter(destination: file).write([partition])
        XCTAssertEqual(counts[.indicator], 2)
        XCTAssertEqual(counts[.risk], 0)
        let database = try DatabaseQueue(path: file.path)
        defer { try? database.close() }
        try database.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM budget_lines"), 2)
            XCTAssertEqual(try Int64.fetchOne(db, sql: "SELECT sum(amounts_committed_cents) FROM budget_lines"), 1_718_541_838 - 588_086)
            XCTAssertEqual(try Int64.fetchOne(db, sql: "SELECT amounts_initial_forecast_cents FROM budget_lines WHERE NOT is_total"), 123_456_789)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM budget_lines WHERE is_total"), 1, "booleans are 0/1")
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT typeof(is_total) FROM budget_lines LIMIT 1"), "integer")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM budget_lines WHERE amounts_cashed_cents IS NULL"), 2, "absent is NULL")
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT description FROM budget_lines WHERE NOT is_total"), "", "an empty text stays ''")
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT typeof(target_number) FROM indicators WHERE source_page = 2"), "integer")
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT CAST(achievement_ratio AS TEXT) FROM indicators LIMIT 1"), "0.75")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM indicators WHERE baseline_raw IS NULL"), 2)
        }
        XCTAssertThrowsError(try DatabaseQueue(path: file.path).write { db in
            try db.execute(sql: "INSERT INTO budget_lines (schema_version, record_type, record_id, record_key, document_sha256, document_file_name) "
                           + "VALUES ('1', 'budget_line', 'total', 'k', 'x', 'y')")
        }, "record_id is the primary key")
    }

    func testRecordKeyIsRequiredAndIndexedInEveryTable() throws {
        for dialect in SQLSchema.Dialect.allCases {
            let ddl = SQLSchema.ddl(dialect)
            XCTAssertTrue(ddl.contains("  record_key TEXT NOT NULL,"), "\(dialect)")
            for type in RecordType.allCases {
                XCTAssertTrue(ddl.contains("CREATE INDEX IF NOT EXISTS \(type.plural)_record_key ON \(type.plural) (record_key);"), "\(dialect) \(type)")
            }
        }
        let folder = try temporaryFolder()
        let partition = DocumentPartition(folder: folder.appendingPathComponent("documents/a"))
        let record = SampleRecords.indicator()
        try partition.write([record])
        let file = folder.appendingPathComponent(SQLiteDatabaseWriter.fileName)
        try SQLiteDatabaseWriter(destination: file).write([partition])
        let database = try DatabaseQueue(path: file.path)
        defer { try? database.close() }
        try database.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT record_key FROM indicators"), record.key)
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM indicators WHERE record_key = ?", arguments: [record.key])
                .compactMap { $0["detail"] as String? }
            XCTAssertTrue(plan.contains { $0.contains("indicators_record_key") }, "\(plan)")
        }
    }

    func testPostgresDDLHasOneTablePerTypeWithExactTypedColumns() {
        let ddl = SQLSchema.ddl(.postgres)
        for type in RecordType.allCases { XCTAssertTrue(ddl.contains("CREATE TABLE IF NOT EXISTS \(type.plural) (")) }
        XCTAssertTrue(ddl.contains("  record_id TEXT PRIMARY KEY"))
        XCTAssertTrue(ddl.contains("  amounts_committed NUMERIC(18,2)"))
        XCTAssertTrue(ddl.contains("  weight NUMERIC,"))
        XCTAssertTrue(ddl.contains("  target_date DATE"))
        XCTAssertTrue(ddl.contains("  table_rows JSONB"))
        XCTAssertTrue(ddl.contains("  document_period_start BIGINT"))
        XCTAssertTrue(ddl.contains("  is_total BOOLEAN"))
        let definitions = ddl.split(separator: "\n").map { $0.components(separatedBy: " -- ")[0] }.filter { !$0.hasPrefix("--") }.joined()
        XCTAssertFalse(definitions.contains("DOUBLE") || definitions.contains("REAL") || definitions.contains("\""),
                       "no binary floating point, no quoted name")
    }

    func testSQLiteDDLStoresAmountsAsIntegerCents() {
        let ddl = SQLSchema.ddl(.sqlite)
        XCTAssertTrue(ddl.contains("  amounts_committed_cents INTEGER"))
        XCTAssertTrue(ddl.contains("  is_total INTEGER"))
        XCTAssertTrue(ddl.contains("  fte NUMERIC"))
        XCTAssertFalse(ddl.contains("REAL"))
    }

    func testPostgresLoadScriptUpsertsEveryTableInOneTransaction() {
        let script = PostgresLoadScript.script(folder: "out")
        XCTAssertTrue(script.contains("BEGIN;") && script.hasSuffix("COMMIT;\n"))
        for type in RecordType.allCases {
            XCTAssertTrue(script.contains("\\copy \(type.plural)_staging FROM 'out/\(type.plural).csv' CSV HEADER"), type.plural)
            XCTAssertTrue(script.contains("INSERT INTO \(type.plural) SELECT * FROM \(type.plural)_staging\n  ON CONFLICT (record_id) DO UPDATE SET"))
        }
        XCTAssertTrue(script.contains("amounts_committed = EXCLUDED.amounts_committed"))
        XCTAssertFalse(script.contains("record_id = EXCLUDED.record_id"))
    }

    func testJSONLinesValidateAgainstTheGeneratedSchema() throws {
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONSchemaDocument.make().serialized.utf8)) as? [String: Any])
        XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        let definitions = try XCTUnwrap(schema["$defs"] as? [String: Any])
        XCTAssertEqual(Set(definitions.keys), Set(RecordType.allCases.map(\.rawValue) + ["value"]))
        let properties = (definitions["risk"] as? [String: Any])?["properties"] as? [String: Any]
        XCTAssertEqual((properties?["record_key"] as? [String: Any])?["type"] as? String, "string", "record_key is never null")
        let document = (properties?["document"] as? [String: Any])?["properties"] as? [String: Any]
        XCTAssertEqual((document?["input_path"] as? [String: Any])?["type"] as? [String], ["string", "null"], "standard input has no path")
        let validator = StructuralValidator(definitions: definitions)
        for record in [SampleRecords.indicator(), SampleRecords.budgetLine(), SampleRecords.table(page: 1, top: 3, key: "t"), SampleRecords.fact()] {
            let line = try JSONSerialization.jsonObject(with: Data(record.json.serialized.utf8))
            XCTAssertEqual(validator.errors(line, against: definitions[record.type.rawValue]!, at: "$"), [], record.type.rawValue)
        }
        var wrong = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(SampleRecords.indicator().json.serialized.utf8)) as? [String: Any])
        wrong["target_year"] = "2025"
        wrong.removeValue(forKey: "warnings")
        let errors = validator.errors(wrong, against: definitions["indicator"]!, at: "$")
        XCTAssertTrue(errors.contains("$.target_year: expected integer, null"), "\(errors)")
        XCTAssertTrue(errors.contains("$: missing warnings"), "\(errors)")
    }
}

/// Checks type, required, properties, additionalProperties, const, enum, items, anyOf and $ref: enough of
/// JSON Schema to hold the JSONL lines to the generated schema's structure.
struct StructuralValidator {
    var definitions: [String: Any]

    func errors(_ value: Any, against schema: Any, at path: String) -> [String] {
        guard let schema = schema as? [String: Any] else { return [] }
        if let reference = schema["$ref"] as? String {
            return errors(value, against: definitions[String(reference.split(separator: "/").last!)]!, at: path)
        }
        if let options = schema["anyOf"] as? [Any] {
            return options.contains { errors(value, against: $0, at: path).isEmpty } ? [] : ["\(path): matches no anyOf option"]
        }
        var found: [String] = []
        if let constant = schema["const"] as? String, value as? String != constant { found.append("\(path): expected \(constant)") }
        if let options = schema["enum"] as? [String], !options.contains(value as? String ?? "\u{0}") { found.append("\(path): not in enum") }
        let types = (schema["type"] as? String).map { [$0] } ?? (schema["type"] as? [String]) ?? []
        if !types.isEmpty, !types.contains(where: { Self.matches(value, $0) }) {
            return found + ["\(path): expected \(types.joined(separator: ", "))"]
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in (schema["required"] as? [String] ?? []) where object[key] == nil { found.append("\(path): missing \(key)") }
            if schema["additionalProperties"] as? Bool == false {
                for key in object.keys where properties[key] == nil { found.append("\(path): unexpected \(key)") }
            }
            for (key, item) in object {
                if let property = properties[key] { found += errors(item, against: property, at: "\(path).\(key)") }
                else if let extra = schema["additionalProperties"] as? [String: Any] { found += errors(item, against: extra, at: "\(path).\(key)") }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, item) in array.enumerated() { found += errors(item, against: items, at: "\(path)[\(index)]") }
        }
        return found
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "boolean": return (value as? NSNumber).map(isBool) ?? false
        case "integer": return (value as? NSNumber).map { !isBool($0) && $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": return (value as? NSNumber).map { !isBool($0) } ?? false
        default: return false
        }
    }

    /// JSONSerialization gives booleans as NSNumber of a class of their own.
    static func isBool(_ number: NSNumber) -> Bool { type(of: number) == type(of: NSNumber(value: true)) }
}
