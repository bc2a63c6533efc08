import Core
import Foundation
import GRDB
import Write
import XCTest

final class SchemaOutputTests: XCTestCase {
    func testSQLiteLoadsTheCSVWithTheGeneratedDDL() throws {
        let database = try DatabaseQueue()
        try database.write { try $0.execute(sql: SQLSchema.ddl(.sqlite)) }
        let records = [SampleRecords.indicator(page: 1), SampleRecords.indicator(page: 2, row: 7), SampleRecords.budgetLine(),
                       SampleRecords.fact()]
        for type in RecordType.allCases {
            let text = FlatSchema.header(of: type) + records.filter { $0.type == type }.map(FlatSchema.csvLine).joined()
            let rows = CSV.parse(text)
            let header = rows[0].compactMap { $0 }
            let sql = "INSERT INTO \(SQLSchema.quoted(type.plural)) (\(header.map(SQLSchema.quoted).joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: header.count).joined(separator: ", ") + ")"
            try database.write { db in
                for row in rows.dropFirst() { try db.execute(sql: sql, arguments: StatementArguments(row.map { $0 as DatabaseValueConvertible? })) }
            }
        }
        try database.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM indicators"), 2)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM budget_lines"), 1)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM risks"), 0)
            XCTAssertEqual(try Double.fetchOne(db, sql: "SELECT \"target.number\" FROM indicators WHERE \"source.page\" = 2"), 5)
            XCTAssertEqual(try Double.fetchOne(db, sql: "SELECT \"amounts.initial_forecast\" FROM budget_lines"), 1234567.89)
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT \"actual.raw\" FROM indicators LIMIT 1"), "")
            XCTAssertEqual(try Double.fetchOne(db, sql: "SELECT \"value.number\" FROM facts"), 123456789012345678.10)
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT \"value.raw\" FROM facts"), "123456789012345678.10")
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT \"period.end\" FROM facts"), "2025-12-31")
        }
        XCTAssertThrowsError(try database.write { db in
            try db.execute(sql: "INSERT INTO indicators (schema_version, record_type, record_id, \"document.sha256\", \"document.file_name\") VALUES ('1', 'indicator', ?, 'x', 'y')",
                           arguments: [records[0].id])
        }, "record_id is the primary key")
    }

    func testPostgresDDLHasOneTablePerTypeWithTypedColumns() {
        let ddl = SQLSchema.ddl(.postgres)
        for type in RecordType.allCases { XCTAssertTrue(ddl.contains("CREATE TABLE IF NOT EXISTS \"\(type.plural)\" (")) }
        XCTAssertTrue(ddl.contains("\"record_id\" TEXT PRIMARY KEY"))
        XCTAssertTrue(ddl.contains("\"amounts.committed\" DOUBLE PRECISION"))
        XCTAssertTrue(ddl.contains("\"target.date\" DATE"))
        XCTAssertTrue(ddl.contains("\"rows\" JSONB"))
        XCTAssertTrue(ddl.contains("\"document.period_start\" BIGINT"))
    }

    func testJSONLinesValidateAgainstTheGeneratedSchema() throws {
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONSchemaDocument.make().serialized.utf8)) as? [String: Any])
        XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        let definitions = try XCTUnwrap(schema["$defs"] as? [String: Any])
        XCTAssertEqual(Set(definitions.keys), Set(RecordType.allCases.map(\.rawValue) + ["value"]))
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
