import Core

/// A CSV / SQL column: a schema column, or one part of it when the column is an object or a VALUE
/// (`amounts.committed`, `target.raw`). `path` finds the cell in the record's JSON form.
public struct FlatColumn: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text, number, integer, boolean, date, textList, json
    }

    public var name: String
    public var path: [String]
    public var kind: Kind
    public var summary: String

    public init(path: [String], kind: Kind, summary: String) {
        self.name = path.joined(separator: ".")
        self.path = path
        self.kind = kind
        self.summary = summary
    }
}

/// The schema flattened for tables: objects and VALUEs become one column per part, in schema order.
public enum FlatSchema {
    /// The parts of a VALUE written as columns (`target.raw` … `target.comparator`).
    public static let valueParts: [(name: String, kind: FlatColumn.Kind)] = [
        ("raw", .text), ("kind", .text), ("number", .number), ("unit", .text), ("date", .date), ("date_end", .date),
        ("comparator", .text),
    ]

    /// Separator of list items in one CSV cell.
    public static let listSeparator = " | "

    public static func columns(of type: RecordType) -> [FlatColumn] {
        Schema.columns(of: type).flatMap { flatten($0, prefix: []) }
    }

    private static func flatten(_ column: Column, prefix: [String]) -> [FlatColumn] {
        let path = prefix + [column.name]
        switch column.type {
        case .object(let parts): return parts.flatMap { flatten($0, prefix: path) }
        case .value: return valueParts.map { FlatColumn(path: path + [$0.name], kind: $0.kind, summary: "\(column.summary): \($0.name)") }
        case .text: return [FlatColumn(path: path, kind: .text, summary: column.summary)]
        case .number: return [FlatColumn(path: path, kind: .number, summary: column.summary)]
        case .integer: return [FlatColumn(path: path, kind: .integer, summary: column.summary)]
        case .boolean: return [FlatColumn(path: path, kind: .boolean, summary: column.summary)]
        case .date: return [FlatColumn(path: path, kind: .date, summary: column.summary)]
        case .textList: return [FlatColumn(path: path, kind: .textList, summary: column.summary)]
        case .json: return [FlatColumn(path: path, kind: .json, summary: column.summary)]
        }
    }

    /// The header row of the type's CSV.
    public static func header(of type: RecordType) -> String {
        CSV.line(columns(of: type).map(\.name))
    }

    /// The record as one CSV line, columns in header order.
    public static func csvLine(_ record: Record) -> String {
        let json = record.json
        return CSV.line(columns(of: record.type).map { cell(json, $0) })
    }

    /// The text of one cell; nil when the record has no value there.
    public static func cell(_ json: JSONValue, _ column: FlatColumn) -> String? {
        var node: JSONValue? = json
        for key in column.path { node = node?[key] }
        guard let node else { return nil }
        switch (column.kind, node) {
        case (_, .null): return nil
        case (.json, _): return node.serialized
        case (.textList, .array(let items)): return items.map(scalarText).joined(separator: listSeparator)
        default: return scalarText(node)
        }
    }

    private static func scalarText(_ node: JSONValue) -> String {
        switch node {
        case .string(let s): return s
        case .number(let n): return JSONValue.format(n)
        case .decimal(let d): return d
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        case .array, .object: return node.serialized
        }
    }
}
