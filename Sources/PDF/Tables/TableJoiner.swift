import Core

/// Joins a table that breaks across pages: the last table of a page and the first of the next, when the
/// second starts near the top and has the same columns. A header row repeated on the new page is dropped.
/// Tables are handed out as soon as they cannot grow any more, so a long document is never held whole.
struct TableJoiner {
    var settings: TableSettings
    /// The last table of the page before: it may continue on the next page.
    private var open: PageTable?

    init(settings: TableSettings) { self.settings = settings }

    /// Takes the tables of the next page (top to bottom); returns the tables that are now complete.
    mutating func add(_ pageTables: [PageTable], pageHeight: Double) -> [Table] {
        var finished: [Table] = []
        var incoming = pageTables
        if let previous = open {
            if let first = incoming.first, continues(previous, with: first, pageHeight: pageHeight) {
                incoming[0] = merged(previous, first)
            } else {
                finished.append(previous.table)
            }
            open = nil
        }
        // Every table but the last of the page is complete; the last may still continue overleaf.
        finished += incoming.dropLast().map(\.table)
        open = incoming.last
        return finished
    }

    /// The table still open at the end of the document.
    mutating func finish() -> [Table] {
        defer { open = nil }
        return open.map { [$0.table] } ?? []
    }

    private func merged(_ head: PageTable, _ tail: PageTable) -> PageTable {
        var result = head
        let kept = droppingRepeatedHeader(tail.table.rows, header: head.table.rows)
        result.table.append(continuation: tail.table, skipping: tail.table.rows.count - kept.count)
        return result
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
