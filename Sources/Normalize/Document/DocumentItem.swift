import Core

/// One piece of a document in reading order: a text block or a table.
public enum DocumentItem: Sendable {
    case block(Block)
    /// `index`: the table's position among the document's tables (the record's `table_index`).
    case table(index: Int, Table)

    public var page: Int {
        switch self {
        case .block(let block): return block.page
        case .table(_, let table): return table.page
        }
    }

    public var bbox: Rect {
        switch self {
        case .block(let block): return block.bbox
        case .table(_, let table): return table.bbox
        }
    }

    /// Where the item sits in a markup input; nil for PDF items.
    public var source: String? {
        switch self {
        case .block(let block): return block.source
        case .table(_, let table): return table.source
        }
    }

    /// Blocks and tables given in reading order, tables numbered as they come.
    public static func inOrder(_ parts: [Either]) -> [DocumentItem] {
        var tableIndex = 0
        return parts.map { part in
            switch part {
            case .block(let block): return .block(block)
            case .table(let table):
                defer { tableIndex += 1 }
                return .table(index: tableIndex, table)
            }
        }
    }

    /// A block or a table, before tables are numbered.
    public enum Either: Sendable {
        case block(Block)
        case table(Table)
    }

    /// Blocks and tables interleaved by page, then top to bottom, then left to right.
    public static func readingOrder(blocks: [Block], tables: [Table]) -> [DocumentItem] {
        let items = blocks.map(DocumentItem.block) + tables.enumerated().map { DocumentItem.table(index: $0.offset, $0.element) }
        return items.sorted { ($0.page, $0.bbox.y0, $0.bbox.x0) < ($1.page, $1.bbox.y0, $1.bbox.x0) }
    }
}
