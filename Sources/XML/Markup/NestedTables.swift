/// Tables inside table cells, read the same way by the three readers (HTML `table` in `td`, DOCX `w:tbl` in
/// `w:tc`, ODT `table:table` in `table:table-cell`).
///
/// - An inner table is a table of its own, with its own location as `source`. It comes right after the table
///   holding it (inner tables in document order, each followed by its own inner tables): the outer table is read
///   first, as the eye reads a grid before the detail in one of its cells. The outer cell keeps only its own text.
/// - A layout table — one row, or one cell a row, with at least one cell holding a table — lays a page out
///   rather than holding data: it is no table, its cells are read in order as the document's content (their
///   paragraphs as blocks, their tables as tables), so it hides neither the inner tables nor the text beside them.
enum NestedTables {
    /// Whether a table is a layout table, from its rows as the markup writes them (cells, not grid slots): for each
    /// row, for each cell, whether the cell holds a table.
    static func isLayoutTable(_ rows: [[Bool]]) -> Bool {
        let holdsTable = rows.contains { $0.contains(true) }
        let oneRow = rows.count == 1
        let oneColumn = rows.allSatisfy { $0.count <= 1 }
        return holdsTable && (oneRow || oneColumn)
    }
}

/// An element met while reading something else, to be read after it, at its own location.
struct DeferredElement {
    var element: XElement
    var path: String
}
