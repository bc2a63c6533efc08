import Foundation
import GRDB

/// The incremental state of an output folder: an SQLite file (`.piani/catalog.sqlite`) with one row per
/// document ingested (by content SHA-256, with the tool version, schema version and settings fingerprint that
/// produced its partition) and one row per run. A row is written as soon as the document's partition is in
/// place, so an interrupted run loses at most the documents that were in flight.
public final class Catalog {
    /// What a document yielded, as kept in the catalog and written to the manifest.
    public struct Entry: Equatable, Sendable {
        public var sha256: String
        public var path: String
        public var size: Int
        public var pages: Int
        /// Rows per record type (the type's raw name: objective, budget_line, …).
        public var counts: [String: Int]
        public var warnings: Int
        public var checkFailures: Int
        public var seconds: Double
        /// Pages with images and no text layer.
        public var pagesWithoutText: [Int]
        /// The input's path below its input root, as its records name it (nil in entries older than the column).
        public var inputPath: String?

        public init(sha256: String, path: String, size: Int, pages: Int, counts: [String: Int], warnings: Int,
                    checkFailures: Int, seconds: Double, pagesWithoutText: [Int] = []) {
            self.sha256 = sha256
            self.path = path
            self.size = size
            self.pages = pages
            self.counts = counts
            self.warnings = warnings
            self.checkFailures = checkFailures
            self.seconds = seconds
            self.pagesWithoutText = pagesWithoutText
        }
    }

    /// Whatever makes two ingests of one file differ: documents ingested under another stamp are ingested again.
    public struct Stamp: Equatable, Sendable {
        public var toolVersion: String
        public var schemaVersion: String
        public var settings: String

        public init(toolVersion: String, schemaVersion: String, settings: String) {
            self.toolVersion = toolVersion
            self.schemaVersion = schemaVersion
            self.settings = settings
        }
    }

    private let database: DatabaseQueue

    public init(path: String) throws {
        database = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: false))
        try Self.migrator.migrate(database)
    }

    /// Opens an existing catalog without writing to it (`--dry-run`).
    public init(readOnly path: String) throws {
        database = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: true))
    }

    /// How many documents the catalog at `path` has, read without writing (for monitoring a run in progress).
    public static func documentCount(at path: String) throws -> Int {
        let database = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
        return try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") ?? 0 }
    }

    /// Waits for a lock held by another connection (a monitor reading while a run writes) instead of failing.
    private static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(10)
        return configuration
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    sha256 TEXT PRIMARY KEY NOT NULL,
                    tool_version TEXT NOT NULL,
                    schema_version TEXT NOT NULL,
                    settings TEXT NOT NULL,
                    path TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    pages INTEGER NOT NULL,
                    counts TEXT NOT NULL,
                    warnings INTEGER NOT NULL,
                    check_failures INTEGER NOT NULL,
                    seconds REAL NOT NULL,
                    ingested_at TEXT NOT NULL
                );
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    tool_version TEXT NOT NULL,
                    inputs INTEGER NOT NULL DEFAULT 0,
                    ingested INTEGER NOT NULL DEFAULT 0,
                    skipped INTEGER NOT NULL DEFAULT 0,
                    rejected INTEGER NOT NULL DEFAULT 0,
                    exit_code INTEGER
                );
                """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE documents ADD COLUMN pages_without_text TEXT NOT NULL DEFAULT '[]'")
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: "ALTER TABLE documents ADD COLUMN input_path TEXT")
        }
        return migrator
    }

    /// The document's entry when it was ingested under `stamp`.
    public func entry(sha256: String, stamp: Stamp) throws -> Entry? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM documents WHERE sha256 = ? AND tool_version = ? AND schema_version = ? AND settings = ?
                """, arguments: [sha256, stamp.toolVersion, stamp.schemaVersion, stamp.settings]) else { return nil }
            return Self.entry(row)
        }
    }

    /// Records a finished document (replacing an older ingest of the same content).
    public func record(_ entry: Entry, stamp: Stamp) throws {
        let counts = String(decoding: try JSONEncoder.sorted.encode(entry.counts), as: UTF8.self)
        let pagesWithoutText = String(decoding: try JSONEncoder.sorted.encode(entry.pagesWithoutText), as: UTF8.self)
        try database.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO documents
                (sha256, tool_version, schema_version, settings, path, size, pages, counts, warnings, check_failures, seconds, ingested_at,
                 pages_without_text, input_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.sha256, stamp.toolVersion, stamp.schemaVersion, stamp.settings, entry.path, entry.size,
                                 entry.pages, counts, entry.warnings, entry.checkFailures, entry.seconds, Timestamp.now(), pagesWithoutText,
                                 entry.inputPath])
        }
    }

    public func documentCount() throws -> Int {
        try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") ?? 0 }
    }

    /// Opens a run's row; returns its id.
    public func beginRun() throws -> Int64 {
        try database.write { db in
            try db.execute(sql: "INSERT INTO runs (started_at, tool_version) VALUES (?, ?)", arguments: [Timestamp.now(), ToolInfo.version])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, inputs: Int, ingested: Int, skipped: Int, rejected: Int, exitCode: Int32) throws {
        try database.write { db in
            try db.execute(sql: """
                UPDATE runs SET finished_at = ?, inputs = ?, ingested = ?, skipped = ?, rejected = ?, exit_code = ? WHERE id = ?
                """, arguments: [Timestamp.now(), inputs, ingested, skipped, rejected, Int(exitCode), id])
        }
    }

    private static func entry(_ row: Row) -> Entry {
        let countsText: String = row["counts"]
        let counts = (try? JSONDecoder().decode([String: Int].self, from: Data(countsText.utf8))) ?? [:]
        let pagesText: String = row["pages_without_text"] ?? "[]"
        let pagesWithoutText = (try? JSONDecoder().decode([Int].self, from: Data(pagesText.utf8))) ?? []
        var entry = Entry(sha256: row["sha256"], path: row["path"], size: row["size"], pages: row["pages"], counts: counts,
                          warnings: row["warnings"], checkFailures: row["check_failures"], seconds: row["seconds"],
                          pagesWithoutText: pagesWithoutText)
        entry.inputPath = row["input_path"]
        return entry
    }
}

enum Timestamp {
    static func now() -> String { string(Date()) }

    static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
