import Foundation

/// The JSON forms of the extraction stage's output, read and written in one place: `piani tables` prints
/// `{"tables":[…]}`, `piani blocks` prints one block per line, and `piani normalize` reads either, both, or
/// one object `{"blocks":[…],"tables":[…]}`, so that a table fixed by hand can be normalized again.
public enum ContentJSON {
    public struct Content: Equatable, Sendable {
        public var blocks: [Block] = []
        public var tables: [Table] = []

        public init(blocks: [Block] = [], tables: [Table] = []) {
            self.blocks = blocks
            self.tables = tables
        }
    }

    /// Why a content file could not be read.
    public struct ReadError: Error, CustomStringConvertible, Equatable {
        public var message: String
        public var description: String { message }
    }

    // MARK: Writing

    public static func table(_ table: Table) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("page", .number(Double(table.page))), ("page_end", .number(Double(table.pageEnd))),
            ("bbox", .array(table.bbox.rounded.map { .number($0) })), ("method", .string(table.method)),
            ("rows", .array(table.rows.map { .array($0.map { .string($0) }) })),
        ]
        if let source = table.source { pairs.append(("source", .string(source))) }
        if let rotation = table.rotation { pairs.append(("rotation", .number(Double(rotation)))) }
        if table.hasRowPlaces { pairs.append(("row_places", .array(table.rowPlaces.map(rowPlace)))) }
        return .object(pairs)
    }

    static func rowPlace(_ place: RowPlace) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("page", .number(Double(place.page)))]
        if let bbox = place.bbox { pairs.append(("bbox", .array(bbox.rounded.map { .number($0) }))) }
        if let source = place.source { pairs.append(("source", .string(source))) }
        return .object(pairs)
    }

    public static func block(_ block: Block) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("page", .number(Double(block.page))), ("kind", .string(block.kind.rawValue))]
        if let level = block.level { pairs.append(("level", .number(Double(level)))) }
        if let label = block.label { pairs.append(("label", .string(label))) }
        if let value = block.value { pairs.append(("value", .string(value))) }
        pairs += [("text", .string(block.text)), ("bbox", .array(block.bbox.rounded.map { .number($0) })),
                  ("font_size", .number((block.fontSize * 100).rounded() / 100)), ("bold", .bool(block.isBold))]
        if let source = block.source { pairs.append(("source", .string(source))) }
        return .object(pairs)
    }

    // MARK: Reading

    /// Reads `{"tables":[…]}`, `{"blocks":[…],"tables":[…]}`, a JSON array of blocks, or JSON lines of blocks.
    public static func read(_ data: Data) throws -> Content {
        if let object = try? JSONSerialization.jsonObject(with: data) {
            return try parse(object, line: nil)
        }
        var content = Content()
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
                throw ReadError(message: "line \(number + 1): not JSON")
            }
            let part = try parse(object, line: number + 1)
            content.blocks += part.blocks
            content.tables += part.tables
        }
        return content
    }

    private static func parse(_ object: Any, line: Int?) throws -> Content {
        let place = line.map { "line \($0): " } ?? ""
        if let list = object as? [Any] {
            return Content(blocks: try list.enumerated().map { try block(from: $1, at: "\(place)blocks[\($0)]") })
        }
        guard let dictionary = object as? [String: Any] else { throw ReadError(message: "\(place)expected an object or a list") }
        if dictionary["kind"] != nil { return Content(blocks: [try block(from: dictionary, at: "\(place)block")]) }
        let known: Set<String> = ["blocks", "tables"]
        if let unknown = dictionary.keys.sorted().first(where: { !known.contains($0) }) {
            throw ReadError(message: "\(place)unknown key \"\(unknown)\" (expected \"blocks\" and/or \"tables\")")
        }
        let blocks = try list(dictionary["blocks"], at: "\(place)blocks").enumerated().map { try block(from: $1, at: "\(place)blocks[\($0)]") }
        let tables = try list(dictionary["tables"], at: "\(place)tables").enumerated().map { try table(from: $1, at: "\(place)tables[\($0)]") }
        return Content(blocks: blocks, tables: tables)
    }

    private static func list(_ value: Any?, at path: String) throws -> [Any] {
        guard let value else { return [] }
        guard let list = value as? [Any] else { throw ReadError(message: "\(path) must be a list") }
        return list
    }

    private static func table(from value: Any, at path: String) throws -> Table {
        guard let object = value as? [String: Any] else { throw ReadError(message: "\(path) must be an object") }
        guard let rows = object["rows"] as? [[Any]] else { throw ReadError(message: "\(path).rows must be a list of rows") }
        let cells = try rows.enumerated().map { index, row in
            try row.map { cell -> String in
                guard let text = cell as? String else { throw ReadError(message: "\(path).rows[\(index)] must hold strings") }
                return text
            }
        }
        let page = try integer(object["page"], at: "\(path).page") ?? 1
        var table = Table(page: page, pageEnd: try integer(object["page_end"], at: "\(path).page_end") ?? page,
                          bbox: try rect(object["bbox"], at: "\(path).bbox"), rows: cells,
                          method: object["method"] as? String ?? "manual")
        table.source = object["source"] as? String
        table.rotation = try integer(object["rotation"], at: "\(path).rotation")
        table.rowPlaces = try rowPlaces(object["row_places"], rowCount: cells.count, at: "\(path).row_places")
        return table
    }

    /// Older dumps and hand-written tables have no `row_places`; when given, there is one per row, so that a row
    /// deleted by hand cannot leave the others with the wrong places.
    private static func rowPlaces(_ value: Any?, rowCount: Int, at path: String) throws -> [RowPlace] {
        let list = try list(value, at: path)
        guard !list.isEmpty else { return [] }
        guard list.count == rowCount else {
            throw ReadError(message: "\(path) has \(list.count) places for \(rowCount) rows (keep one per row, or leave row_places out)")
        }
        return try list.enumerated().map { index, item in
            guard let object = item as? [String: Any] else { throw ReadError(message: "\(path)[\(index)] must be an object") }
            let bbox = try object["bbox"].map { try rect($0, at: "\(path)[\(index)].bbox") }
            return RowPlace(page: try integer(object["page"], at: "\(path)[\(index)].page") ?? 1, bbox: bbox,
                            source: object["source"] as? String)
        }
    }

    private static func block(from value: Any, at path: String) throws -> Block {
        guard let object = value as? [String: Any] else { throw ReadError(message: "\(path) must be an object") }
        guard let kindName = object["kind"] as? String, let kind = Block.Kind(rawValue: kindName) else {
            throw ReadError(message: "\(path).kind must be heading, paragraph, list_item or label_value")
        }
        guard let text = object["text"] as? String else { throw ReadError(message: "\(path).text must be a string") }
        var block = Block(kind: kind, page: try integer(object["page"], at: "\(path).page") ?? 1, bbox: try rect(object["bbox"], at: "\(path).bbox"),
                          text: text, level: try integer(object["level"], at: "\(path).level"),
                          label: object["label"] as? String, value: object["value"] as? String,
                          fontSize: (object["font_size"] as? NSNumber)?.doubleValue ?? 10, isBold: object["bold"] as? Bool ?? false)
        block.source = object["source"] as? String
        return block
    }

    private static func integer(_ value: Any?, at path: String) throws -> Int? {
        guard let value, !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded() else {
            throw ReadError(message: "\(path) must be an integer")
        }
        return number.intValue
    }

    private static func rect(_ value: Any?, at path: String) throws -> Rect {
        guard let value, !(value is NSNull) else { return Rect(x0: 0, y0: 0, x1: 0, y1: 0) }
        guard let numbers = value as? [NSNumber], numbers.count == 4 else { throw ReadError(message: "\(path) must be [x0, y0, x1, y1]") }
        return Rect(x0: numbers[0].doubleValue, y0: numbers[1].doubleValue, x1: numbers[2].doubleValue, y1: numbers[3].doubleValue)
    }
}
