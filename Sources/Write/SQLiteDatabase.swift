import Core
import Foundation
import GRDB

/// The `records.sqlite` output of `piani ingest --format sqlite`: the tables of `SQLSchema.ddl(.sqlite)` filled with
/// every record of the dataset, typed (NULL for an absent value, 0/1 for booleans, amounts as INTEGER cents), so a
/// SQLite user opens it and queries, with no `.import`.
///
/// It is built from the partitions' CSV rows (the flattened records, exact decimal text) into a temporary file
/// beside the destination, then renamed into place.
public struct SQLiteDatabaseWriter {
    public static let fileName = "records.sqlite"

    public var destination: URL

    public init(destination: URL) {
        self.destination = destination
    }

    /// Writes the database of the partitions' records, in partition order; returns the rows per record type.
    @discardableResult
    public func write(_ partitions: [DocumentPartition]) throws -> [RecordType: Int] {
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        do {
            let counts = try fill(temporary, from: partitions)
            guard rename(temporary.path, destination.path) == 0 else {
                throw WriteError(path: destination.path, reason: "cannot move the database into place (\(String(cString: strerror(errno))))")
            }
            return counts
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    private func fill(_ file: URL, from partitions: [DocumentPartition]) throws -> [RecordType: Int] {
        var configuration = Configuration()
        configuration.journalMode = .default
        let database = try DatabaseQueue(path: file.path, configuration: configuration)
        var counts: [RecordType: Int] = [:]
        try database.write { db in
            try db.execute(sql: SQLSchema.ddl(.sqlite))
            for type in RecordType.allCases {
                counts[type] = try insertRows(of: type, from: partitions, into: db)
            }
        }
        try database.close()
        return counts
    }

    private func insertRows(of type: RecordType, from partitions: [DocumentPartition], into db: Database) throws -> Int {
        let columns = FlatSchema.columns(of: type)
        let names = columns.map { SQLSchema.columnName($0, .sqlite) }
        let statement = try db.makeStatement(sql: "INSERT INTO \(SQLSchema.tableName(type)) (\(names.joined(separator: ", "))) "
                                             + "VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))")
        var rows = 0
        for partition in partitions {
            let source = partition.file(type, .csv)
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            for cells in CSV.parse(try String(contentsOf: source, encoding: .utf8)) {
                guard cells.count == columns.count else {
                    throw WriteError(path: source.path, reason: "a row has \(cells.count) cells, the table \(columns.count) columns")
                }
                let values = try zip(columns, cells).map { try Self.databaseValue($1, $0, in: source) }
                try statement.execute(arguments: StatementArguments(values))
                rows += 1
            }
        }
        return rows
    }

    /// A CSV cell as the SQLite column stores it.
    static func databaseValue(_ cell: String?, _ column: FlatColumn, in source: URL) throws -> DatabaseValue {
        guard let cell else { return .null }
        func unreadable() -> WriteError {
            WriteError(path: source.path, reason: "\(column.name): \"\(cell)\" is not a \(column.kind) cell")
        }
        switch column.kind {
        case .text, .textList, .date, .json:
            return cell.databaseValue
        case .number:
            // Bound as its exact text: the column's NUMERIC affinity keeps a whole number as an INTEGER.
            guard ExactDecimal(cell) != nil else { throw unreadable() }
            return cell.databaseValue
        case .amount:
            guard let cents = ExactDecimal(cell)?.significand(places: Schema.amountPrecision.places) else { throw unreadable() }
            return cents.databaseValue
        case .integer:
            guard let integer = Int64(cell) else { throw unreadable() }
            return integer.databaseValue
        case .boolean:
            guard let boolean = FlatSchema.boolean(cell) else { throw unreadable() }
            return (boolean ? 1 : 0).databaseValue
        }
    }
}
