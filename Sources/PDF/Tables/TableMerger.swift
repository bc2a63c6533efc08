import Core

/// Joins a table that breaks across pages: the last table of a page and the first of the next, when the
/// second starts near the top and has the same columns. A header row repeated on the new page is dropped.
struct TableMerger {
    var settings: TableSettings

    /// `previous`: the open tables so far (the last may still grow). Returns the tables with `next` appended or merged.
    func append(_ next: PageTable, pageHeight: Double, isFirstOnPage: Bool, to tables: inout [PageTable]) {
        guard isFirstOnPage, let last = tables.last, continues(last, with: next, pageHeight: pageHeight) else {
            tables.append(next)
            return
        }
        var merged = last
        merged.table.rows.append(contentsOf: droppingRepeatedHeader(next.table.rows, header: last.table.rows))
        merged.table.pageEnd = next.table.pageEnd
        tables[tables.count - 1] = merged
    }

    private func continues(_ table: PageTable, with next: PageTable, pageHeight: Double) -> Bool {
        guard next.table.page == table.table.pageEnd + 1,
              next.table.bbox.y0 <= pageHeight * settings.continuationZone,
              next.columnEdges.count == table.columnEdges.count else { return false }
        return zip(next.columnEdges, table.columnEdges).allSatisfy { abs($0 - $1) <= settings.continuationColumnTolerance }
    }

    private func droppingRepeatedHeader(_ rows: [[String]], header: [[String]]) -> [[String]] {
        var count = 0
        while count < rows.count, count < header.count, count < 3, normalized(rows[count]) == normalized(header[count]) {
            count += 1
        }
        return Array(rows.dropFirst(count))
    }

    private func normalized(_ row: [String]) -> [String] {
        row.map { $0.lowercased().filter { !$0.isWhitespace } }
    }
}
