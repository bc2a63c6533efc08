import Core

/// A CSV / SQL column: a schema column, or one part of it when the column is an object or a VALUE.
/// `path` finds the cell in the record's JSON form (`["amounts", "committed"]`); `name` is the column's name in
/// CSV headers and SQL tables: the path's table names joined with `_` (`amounts_committed`, `target_raw`,
/// `document_sha256`), lowercase letters, digits and underscores only, never a reserved word (a JSON key that is
/// one has its own `Column.flatName`: `group` is `indicator_group`), so a warehouse uses it without quoting.
public struct FlatColumn: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text, number, amount, integer, boolean, date, textList, json
    }

    public var name: String
    public var path: [String]
    public var kind: Kind
    public var summary: String

    public init(name: String, path: [String], kind: Kind, summary: String) {
        self.name = name
        self.path = path
        self.kind = kind
        self.summary = summary
    }

    /// The path as written in the JSON schema's terms (`amounts.committed`), for documentation.
    public var jsonPath: String { path.joined(separator: ".") }
}

/// The schema flattened for tables: objects and VALUEs become one column per part, in schema order.
public enum FlatSchema {
    /// The parts of a VALUE written as columns (`target_raw` … `target_comparator`).
    public static let valueParts: [(name: String, kind: FlatColumn.Kind)] = [
        ("raw", .text), ("kind", .text), ("number", .number), ("unit", .text), ("date", .date), ("date_end", .date),
        ("comparator", .text),
    ]

    /// Joins the parts of a flattened column's name.
    public static let nameSeparator = "_"

    /// The CSV text of a boolean.
    public static func text(_ boolean: Bool) -> String { boolean ? "true" : "false" }

    /// A boolean cell read back; nil for any other text.
    public static func boolean(_ cell: String) -> Bool? {
        switch cell {
        case text(true): return true
        case text(false): return false
        default: return nil
        }
    }

    /// Separator of list items in one CSV cell.
    public static let listSeparator = " | "

    public static func columns(of type: RecordType) -> [FlatColumn] { flatColumns[type] ?? [] }

    /// Flattened once: every CSV line asks for its type's columns.
    private static let flatColumns: [RecordType: [FlatColumn]] = Dictionary(uniqueKeysWithValues: RecordType.allCases.map { type in
        (type, Schema.columns(of: type).flatMap { flatten($0, path: [], name: []) })
    })

    private static func flatten(_ column: Column, path prefix: [String], name namePrefix: [String]) -> [FlatColumn] {
        let path = prefix + [column.name]
        let name = namePrefix + [column.tableName]
        func flat(_ kind: FlatColumn.Kind) -> [FlatColumn] {
            [FlatColumn(name: name.joined(separator: nameSeparator), path: path, kind: kind, summary: column.summary)]
        }
        switch column.type {
        case .object(let parts): return parts.flatMap { flatten($0, path: path, name: name) }
        case .value:
            return valueParts.map {
                FlatColumn(name: (name + [$0.name]).joined(separator: nameSeparator), path: path + [$0.name], kind: $0.kind,
                           summary: "\(column.summary): \($0.name)")
            }
        case .text: return flat(.text)
        case .number: return flat(.number)
        case .amount: return flat(.amount)
        case .integer: return flat(.integer)
        case .boolean: return flat(.boolean)
        case .date: return flat(.date)
        case .textList: return flat(.textList)
        case .json: return flat(.json)
        }
    }

    /// The header row of the type's CSV.
    public static func header(of type: RecordType) -> String {
        CSV.line(columns(of: type).map(\.name))
    }

    /// The record as one CSV line, columns in header order.
    public static func csvLine(_ record: Record) -> String { csvLine(record.json, type: record.type) }

    /// The line of a record of `type` whose JSON is `json`.
    public static func csvLine(_ json: JSONValue, type: RecordType) -> String {
        CSV.line(columns(of: type).map { cell(json, $0) })
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
        case .decimal(let d): return d.description
        case .bool(let b): return text(b)
        case .null: return ""
        case .array, .object: return node.serialized
        }
    }
}
