import Core

/// Every table no other builder turned into records becomes one `table` record: its caption (the heading
/// or short text just above it), its header row, and every cell as raw text with a parsed VALUE where the
/// cell holds a number, an amount, a percentage or a date.
struct TableRecordBuilder: RecordBuilder {
    /// A text block this close above a table (points) is its caption.
    var captionDistance = 40.0

    func build(in context: inout DocumentContext) -> [Record] {
        var records: [Record] = []
        for (index, item) in context.items.enumerated() where !context.isClaimed(index) {
            guard case .table(_, let table) = item else { continue }
            records.append(record(for: table, at: index, in: &context))
            context.claim(index)
        }
        return records
    }

    private func record(for table: Table, at index: Int, in context: inout DocumentContext) -> Record {
        var record = context.newRecord(.table, at: index)
        let title = caption(above: index, in: context)
        let header = table.rows.first ?? []
        record["title"] = title.map(FieldValue.text)
        record["header"] = .textList(header)
        record["header_normalized"] = .textList(header.map(TextFolding.words))
        record["rows"] = .json(.array(table.rows.map { row in .array(row.map { cell(for: $0, values: context.values) }) }))
        record["continued_pages"] = .integer(table.pageEnd - table.page + 1)
        if let title { record.keepRaw("title", title) }
        return record
    }

    private func cell(for text: String, values: ValueParser) -> JSONValue {
        let parsed = values.parse(text).value
        switch parsed.kind {
        case .text, .empty: return .object([("raw", .string(text))])
        default: return .object([("raw", .string(text)), ("value", parsed.json)])
        }
    }

    private func caption(above index: Int, in context: DocumentContext) -> String? {
        guard index > 0, case .block(let block) = context.items[index - 1] else { return nil }
        let table = context.items[index]
        guard block.page == table.page, table.bbox.y0 - block.bbox.y1 <= captionDistance,
              block.kind == .heading || block.text.count <= 200 else { return nil }
        return block.text
    }
}
