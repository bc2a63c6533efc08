import Core
import Foundation
import GRDB
import Write
import XCTest

/// The outputs loaded into real databases, as a data team would: a PostgreSQL server (a temporary cluster on
/// loopback) gets the DDL of `piani schema --sql postgres` and the CSVs through the load script of
/// `piani schema --sql postgres --load OUT`; `records.sqlite` is opened as written. After a first run and after a
/// second (one document kept, one pruned, one added, everything read again so the kept records upsert over
/// themselves), the sum of every numeric column and the NULLs of every column equal those of the JSONL, exactly.
final class WarehouseLoadTests: IngestHarness {
    /// XHTML renderings of the samples: their budget lines, objectives, indicators and staff, read in seconds.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xml-sources")
    static let firstRun = ["lumezzane_referto-obiettivi_2023-06-30.xhtml", "pisogne_piao_2025-2027.xhtml"]
    static let secondRun = ["lumezzane_referto-obiettivi_2023-06-30.xhtml", "casorate-primo_piao_2024-2026.xhtml"]

    private var postgres: PostgresServer?

    override func tearDownWithError() throws {
        postgres?.stop()
        try super.tearDownWithError()
    }

    func testPostgresLoadAndUpsertReloadMatchTheJSONL() throws {
        let server: PostgresServer
        do {
            server = try PostgresServer.start()
        } catch let failure as PostgresServer.Unavailable {
            return XCTFail("\(failure)")
        }
        postgres = server
        try ingestRun(Self.firstRun)
        let ddl = try piani(["schema", "--sql", "postgres"])
        XCTAssertEqual(ddl.status, 0, ddl.stderr)
        _ = try server.psql(ddl.stdout)
        try loadIntoPostgres(server)
        try assertPostgresMatchesJSONL(server)

        try ingestRun(Self.secondRun, extra: ["--full", "--prune"])
        try loadIntoPostgres(server)
        try assertPostgresMatchesJSONL(server)
    }

    func testSQLiteOutputMatchesTheJSONL() throws {
        try ingestRun(Self.firstRun)
        try assertSQLiteMatchesJSONL()
        try ingestRun(Self.secondRun, extra: ["--full", "--prune"])
        try assertSQLiteMatchesJSONL()
    }

    // MARK: - Runs

    private func ingestRun(_ names: [String], extra: [String] = []) throws {
        try? FileManager.default.removeItem(at: inputs)
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: inputs.appendingPathComponent(name))
        }
        let run = try ingest([inputs.path, "--format", "jsonl,csv,sqlite"] + extra)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertGreaterThan(try jsonlRecords(.budgetLine).count, 0, "the fixtures have budget lines")
    }

    private func loadIntoPostgres(_ server: PostgresServer) throws {
        let script = try piani(["schema", "--sql", "postgres", "--load", out.path])
        XCTAssertEqual(script.status, 0, script.stderr)
        _ = try server.psql(script.stdout)
    }

    private func jsonlRecords(_ type: RecordType) throws -> [JSONValue] {
        try ExactJSONL.records(out.appendingPathComponent(OutputFormat.jsonl.fileName(of: type)))
    }

    // MARK: - What the JSONL says

    /// Per column of a type: its cells in the JSONL (nil = NULL).
    private func cells(_ type: RecordType) throws -> [(column: FlatColumn, cells: [String?])] {
        let records = try jsonlRecords(type)
        return FlatSchema.columns(of: type).map { column in (column, records.map { FlatSchema.cell($0, column) }) }
    }

    private static let summed: Set<FlatColumn.Kind> = [.amount, .number, .integer]

    private func exactSum(_ cells: [String?], file: StaticString = #filePath, line: UInt = #line) throws -> ExactDecimal {
        let values = try cells.compactMap { $0 }.map { try XCTUnwrap(ExactDecimal($0), "\($0) is an exact decimal", file: file, line: line) }
        return try XCTUnwrap(ExactDecimal.sum(values), "the sum holds", file: file, line: line)
    }

    // MARK: - PostgreSQL

    private func assertPostgresMatchesJSONL(_ server: PostgresServer) throws {
        for type in RecordType.allCases {
            let table = SQLSchema.tableName(type)
            let columns = try cells(type)
            let rows = try columns.first.map { $0.cells.count } ?? 0
            XCTAssertEqual(try server.psql("SELECT count(*) FROM \(table);").trimmed, String(rows), "\(table): rows")
            // One query per table: for each column its NULL count, then for numeric columns the sum as text.
            var selected: [String] = []
            for (column, _) in columns {
                selected.append("count(*) - count(\(column.name))")
                if Self.summed.contains(column.kind) { selected.append("coalesce(sum(\(column.name))::text, '0')") }
            }
            let answer = try server.psql("SELECT \(selected.joined(separator: ", ")) FROM \(table);").trimmed
            var values = answer.split(separator: "|", omittingEmptySubsequences: false).map(String.init).makeIterator()
            for (column, cells) in columns {
                XCTAssertEqual(values.next(), String(cells.filter { $0 == nil }.count), "\(table).\(column.name): NULLs")
                guard Self.summed.contains(column.kind) else { continue }
                let sum = try XCTUnwrap(values.next().flatMap { ExactDecimal($0) }, "\(table).\(column.name): a sum")
                XCTAssertEqual(sum, try exactSum(cells), "\(table).\(column.name): sum")
            }
        }
        let amountTypes = try server.psql("SELECT DISTINCT format_type(atttypid, atttypmod) FROM pg_attribute "
                                          + "WHERE attrelid = 'budget_lines'::regclass AND attname LIKE 'amounts\\_%';").trimmed
        XCTAssertEqual(amountTypes, "numeric(\(Schema.amountPrecision.digits),\(Schema.amountPrecision.places))", "amounts are exact decimals")
    }

    // MARK: - SQLite

    private func assertSQLiteMatchesJSONL() throws {
        let database = try DatabaseQueue(path: out.appendingPathComponent(SQLiteDatabaseWriter.fileName).path)
        defer { try? database.close() }
        try database.read { db in
            for type in RecordType.allCases {
                let table = SQLSchema.tableName(type)
                let columns = try cells(type)
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)"), columns.first?.cells.count, "\(table): rows")
                for (column, cells) in columns {
                    try assertSQLiteColumn(db, table: table, column: column, cells: cells)
                }
            }
        }
    }

    private func assertSQLiteColumn(_ db: Database, table: String, column: FlatColumn, cells: [String?]) throws {
        let name = SQLSchema.columnName(column, .sqlite)
        let label = "\(table).\(name)"
        XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) - count(\(name)) FROM \(table)"), cells.filter { $0 == nil }.count, "\(label): NULLs")
        switch column.kind {
        case .amount:
            let cents = try XCTUnwrap(try exactSum(cells).significand(places: Schema.amountPrecision.places))
            XCTAssertEqual(try Int64.fetchOne(db, sql: "SELECT coalesce(sum(\(name)), 0) FROM \(table)"), cents, "\(label): sum of cents")
            XCTAssertEqual(try typesOtherThan("integer", name, table, db), [], "\(label): integers")
        case .integer:
            XCTAssertEqual(try Int64.fetchOne(db, sql: "SELECT coalesce(sum(\(name)), 0) FROM \(table)"), try exactSum(cells).integerValue.map(Int64.init), "\(label): sum")
            XCTAssertEqual(try typesOtherThan("integer", name, table, db), [], "\(label): integers")
        case .number:
            // NUMERIC affinity: each value reads back as the decimal the JSONL has (whole numbers as integers).
            let stored = try String?.fetchAll(db, sql: "SELECT CAST(\(name) AS TEXT) FROM \(table) ORDER BY rowid")
            XCTAssertEqual(stored.map { $0.flatMap { ExactDecimal($0) } }, cells.map { $0.flatMap { ExactDecimal($0) } }, "\(label): values")
        case .boolean:
            XCTAssertEqual(try typesOtherThan("integer", name, table, db), [], "\(label): 0/1 integers")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(name)"), cells.filter { $0 == FlatSchema.text(true) }.count,
                           "\(label): WHERE \(name) finds the true rows")
        case .text, .textList, .date:
            XCTAssertEqual(try String?.fetchAll(db, sql: "SELECT \(name) FROM \(table) ORDER BY rowid"), cells, "\(label): texts")
        case .json:
            let stored = try String?.fetchAll(db, sql: "SELECT \(name) FROM \(table) ORDER BY rowid")
            XCTAssertEqual(stored.map(Self.parsedJSON), cells.map(Self.parsedJSON), "\(label): JSON texts")
        }
    }

    /// JSON text as Foundation objects, so two texts compare whatever the order of their keys.
    private static func parsedJSON(_ text: String?) -> NSObject? {
        text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed]) as? NSObject }
    }

    private func typesOtherThan(_ type: String, _ column: String, _ table: String, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT typeof(\(column)) FROM \(table) WHERE \(column) IS NOT NULL AND typeof(\(column)) <> ?", arguments: [type])
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
