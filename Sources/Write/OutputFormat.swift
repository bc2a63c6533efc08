/// The Write stage: JSONL and CSV outputs per record type, JSON Schema and SQL DDL from `Core.Schema`.
import Core

/// The file formats a run writes per record type.
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    case jsonl, csv

    /// `objectives.jsonl`, `budget_lines.csv`.
    public func fileName(of type: RecordType) -> String { "\(type.plural).\(rawValue)" }
}
