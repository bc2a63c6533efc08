import Core

/// One line of an objective sheet: a table row (its cells) or a text block (one cell), with where it sits.
/// Sheets mix both — a heading block, a "Label: value" paragraph, then ruled tables — so the sheet builder
/// reads them as one stream.
struct SheetLine {
    var item: Int
    var row: Int?
    var page: Int
    var cells: [String] { didSet { filled = Self.filledCells(cells) } }
    var block: Block?
    /// The non-empty cells, cleaned: kept with the line, as every pass asks for them many times.
    private(set) var filled: [(column: Int, text: String)]

    init(item: Int, row: Int?, page: Int, cells: [String], block: Block?) {
        self.item = item
        self.row = row
        self.page = page
        self.cells = cells
        self.block = block
        self.filled = Self.filledCells(cells)
    }

    /// The lines joined column by column (`mergedColumns`), from the cells already cleaned: the first line's
    /// place, every line's text.
    init<Lines: Collection<SheetLine>>(merging lines: Lines) {
        let first = lines.first!
        let width = lines.map(\.cells.count).max() ?? 0
        var texts = Array(repeating: [String](), count: width)
        for line in lines {
            for (column, text) in line.filled { texts[column].append(text) }
        }
        self.item = first.item
        self.row = first.row
        self.page = first.page
        self.block = first.block
        self.cells = texts.map { $0.joined(separator: " ") }
        self.filled = cells.enumerated().filter { !$0.element.isEmpty }.map { ($0.offset, $0.element) }
    }

    private static func filledCells(_ cells: [String]) -> [(column: Int, text: String)] {
        cells.enumerated().compactMap { offset, cell in
            let text = TextCleaner.clean(cell)
            return text.isEmpty ? nil : (offset, text)
        }
    }

    var isTableRow: Bool { row != nil }
    var text: String { filled.map(\.text).joined(separator: " ") }
    var isEmpty: Bool { filled.isEmpty }

    /// Every unclaimed block and table row of the document, in reading order.
    static func stream(of context: DocumentContext) -> [SheetLine] {
        var lines: [SheetLine] = []
        for (index, item) in context.items.enumerated() where !context.isClaimed(index) {
            switch item {
            case .block(let block):
                lines.append(SheetLine(item: index, row: nil, page: block.page, cells: [block.text], block: block))
            case .table(_, let table):
                for (rowIndex, row) in table.rows.enumerated() {
                    let page = table.place(ofRow: rowIndex)?.page ?? table.page
                    lines.append(SheetLine(item: index, row: rowIndex, page: page, cells: row, block: nil))
                }
            }
        }
        return lines
    }
}

/// Column-wise join of rows: a header or a record whose cells the layout wrapped over several rows.
func mergedColumns<Lines: Collection<SheetLine>>(_ lines: Lines) -> [String] {
    lines.isEmpty ? [] : SheetLine(merging: lines).cells
}
