/// The Write stage: JSONL and CSV outputs per record type, a typed SQLite database, JSON Schema and SQL DDL from
/// `Core.Schema`.
import Core

/// The formats a run writes: a file per record type (`jsonl`, `csv`) or one database of every type (`sqlite`).
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    case jsonl, csv, sqlite

    /// Whether the format has one file per record type (the partitions of documents hold these).
    public var isPerRecordType: Bool { self != .sqlite }

    /// `objectives.jsonl`, `budget_lines.csv` (the per-type formats).
    public func fileName(of type: RecordType) -> String { "\(type.plural).\(rawValue)" }

    /// The top-level files of the format: one per record type, or `records.sqlite`.
    public var fileNames: [String] {
        isPerRecordType ? RecordType.allCases.map(fileName(of:)) : [SQLiteDatabaseWriter.fileName]
    }

    /// The names, comma-separated, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
