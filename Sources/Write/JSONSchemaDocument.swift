import Core

/// The JSON Schema (draft 2020-12) of the JSONL records, generated from `Core.Schema`: one definition per
/// record type under `$defs`, the VALUE object shared, and the whole document accepting any record type.
/// Every column is required (a record writes absent fields as null), and so is every part of the envelope's
/// `document` and `source`; a field is nullable unless the envelope guarantees it.
public enum JSONSchemaDocument {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    public static func make() -> JSONValue {
        var definitions: [(String, JSONValue)] = [("value", valueSchema)]
        for type in RecordType.allCases { definitions.append((type.rawValue, recordSchema(type))) }
        return .object([
            ("$schema", .string(dialect)),
            ("$id", .string("urn:piani:schema:v\(Schema.version):records")),
            ("title", .string("Piani canonical records, schema v\(Schema.version)")),
            ("oneOf", .array(RecordType.allCases.map { .object([("$ref", .string("#/$defs/\($0.rawValue)"))]) })),
            ("$defs", .object(definitions)),
        ])
    }

    /// The schema of one record type (its `$defs` entry).
    public static func recordSchema(_ type: RecordType) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        for column in Schema.columns(of: type) {
            properties.append((column.name, property(column, path: [column.name], type: type)))
        }
        return .object([
            ("title", .string(type.rawValue)),
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("required", .array(Schema.columns(of: type).map { .string($0.name) })),
            ("additionalProperties", .bool(false)),
        ])
    }

    /// Paths that are never null in a record.
    static let alwaysPresent: Set<String> = [
        "schema_version", "record_type", "record_id", "record_key", "document", "source", "raw", "warnings",
        "document.sha256", "document.file_name", "document.format", "document.doc_type", "source.section_path",
    ]

    private static func property(_ column: Column, path: [String], type: RecordType) -> JSONValue {
        let key = path.joined(separator: ".")
        var schema: [(String, JSONValue)] = [("description", .string(column.summary))]
        switch key {
        case "schema_version": schema.append(("const", .string(Schema.version)))
        case "record_type": schema.append(("const", .string(type.rawValue)))
        case "raw": schema += [("type", .string("object")), ("additionalProperties", .object([("type", .string("string"))]))]
        default: schema += typeKeywords(column, path: path, type: type)
        }
        return .object(schema)
    }

    private static func typeKeywords(_ column: Column, path: [String], type: RecordType) -> [(String, JSONValue)] {
        let nullable = !alwaysPresent.contains(path.joined(separator: "."))
        func typed(_ name: String) -> JSONValue { nullable ? .array([.string(name), .string("null")]) : .string(name) }
        switch column.type {
        case .text: return [("type", typed("string"))]
        case .number, .amount: return [("type", typed("number"))]
        case .integer: return [("type", typed("integer"))]
        case .boolean: return [("type", typed("boolean"))]
        case .date: return [("type", typed("string")), ("format", .string("date"))]
        case .textList: return [("type", typed("array")), ("items", .object([("type", .string("string"))]))]
        case .json: return nullable ? [] : [("type", .string("object"))]
        case .value:
            let reference: JSONValue = .object([("$ref", .string("#/$defs/value"))])
            return nullable ? [("anyOf", .array([reference, .object([("type", .string("null"))])]))] : [("$ref", .string("#/$defs/value"))]
        case .object(let parts):
            var properties: [(String, JSONValue)] = []
            for part in parts { properties.append((part.name, property(part, path: path + [part.name], type: type))) }
            // The envelope's objects list every part (null when unknown); a type's own objects (amounts) only those found.
            let required = nullable ? [] : parts.map { JSONValue.string($0.name) }
            return [("type", typed("object")), ("properties", .object(properties)),
                    ("required", .array(required)), ("additionalProperties", .bool(false))]
        }
    }

    /// The VALUE object: raw text and kind always, the parsed parts when a parser found them.
    static var valueSchema: JSONValue {
        func typed(_ name: String) -> JSONValue { .object([("type", .string(name))]) }
        return .object([
            ("title", .string("VALUE")),
            ("type", .string("object")),
            ("properties", .object([
                ("raw", typed("string")),
                ("kind", .object([("enum", .array(Value.Kind.allCases.map { .string($0.rawValue) }))])),
                ("number", typed("number")),
                ("unit", typed("string")),
                ("date", .object([("type", .string("string")), ("format", .string("date"))])),
                ("date_end", .object([("type", .string("string")), ("format", .string("date"))])),
                ("comparator", .object([("enum", .array(Value.Comparator.allCases.map { .string($0.rawValue) }))])),
                ("boolean", typed("boolean")),
                ("text", typed("string")),
            ])),
            ("required", .array([.string("raw"), .string("kind")])),
            ("additionalProperties", .bool(false)),
        ])
    }
}

extension JSONValue {
    /// Indented JSON text (two spaces), keys in their order.
    public var pretty: String {
        var out = ""
        writePretty(to: &out, indent: "")
        return out
    }

    private func writePretty(to out: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.writePretty(to: &out, indent: inner)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let pairs) where !pairs.isEmpty:
            out += "{\n"
            for (i, (key, value)) in pairs.enumerated() {
                out += inner
                JSONValue.writeString(key, to: &out)
                out += ": "
                value.writePretty(to: &out, indent: inner)
                out += i < pairs.count - 1 ? ",\n" : "\n"
            }
            out += indent + "}"
        default:
            write(to: &out)
        }
    }
}
