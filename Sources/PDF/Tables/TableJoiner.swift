import Core

/// Joins a table that breaks across pages: the last table of a page and the first of the next, when the
/// second starts near the top and has the same columns. A header row repeated on the new page is dropped.
/// Tables are handed out as soon as they cannot grow any more, so a long document is never held whole.
struct TableJoiner {
    var settings: TableSettings
    /// The last table of the page before: it may continue on the next page.
    private var open: PageTable?
    /// Whether that table ended on its page (`endsOnItsPage`): then it continues on no other.
    private var openEnded = false
    /// Whether text stands under that table on its page.
    private var openTextBelow = false

    init(settings: TableSettings) { self.settings = settings }

    /// Takes the tables of the next page (top to bottom); returns the tables that are now complete.
    /// `linesAboveFirst`: the boxes of the text lines (not running headers) above the page's first table;
    /// `textBelowLast`: whether text (not running footers) stands below its last.
    mutating func add(_ pageTables: [PageTable], pageHeight: Double, linesAboveFirst: [Rect] = [],
                      textBelowLast: Bool = false) -> [Table] {
        var finished: [Table] = []
        var incoming = pageTables
        let textAboveFirst = !linesAboveFirst.isEmpty
        if let previous = open {
            let textOpensNewTable = opensNewTable(linesAbove: linesAboveFirst, after: previous)
            if !openEnded, !textOpensNewTable, let first = incoming.first,
               !isTextBetween(previous, first, textBelow: openTextBelow, textAbove: textAboveFirst),
               let columns = continuationColumns(of: previous, in: first, pageHeight: pageHeight, textAbove: textAboveFirst) {
                incoming[0] = merged(previous, first, columns: columns)
            } else {
                finished.append(previous.table)
            }
            open = nil
        }
        // Every table but the last of the page is complete; the last may still continue overleaf.
        finished += incoming.dropLast().map(\.table)
        open = incoming.last
        openEnded = pageTables.last.map { endsOnItsPage($0, pageHeight: pageHeight, textBelow: textBelowLast) } ?? false
        openTextBelow = textBelowLast
        return finished
    }

    /// Lines of text above the page's first table (a part's title, a programme heading, a paragraph), beyond a
    /// "(segue)" line, open a new table there even when it has the columns of the table above. A line that starts
    /// where a column of that table other than the first starts its text is the rest of a cell the page break cut.
    func opensNewTable(linesAbove: [Rect], after table: PageTable) -> Bool {
        let starts = table.columnGaps.dropFirst().dropLast().map(\.upperBound)
        let text = linesAbove.filter { line in !starts.contains { abs($0 - line.x0) <= settings.continuationColumnTolerance } }
        return text.count >= settings.linesAboveThatOpenATable
    }

    /// Text under a table on its page and text above the next page's first table stand between the two in the
    /// flow (a caption, a paragraph): the second is a table of its own, unless it repeats the first's header (a
    /// continued table under a "(segue)" line).
    func isTextBetween(_ table: PageTable, _ next: PageTable, textBelow: Bool, textAbove: Bool) -> Bool {
        guard settings.textAroundPageBreakSeparatesTables, textBelow, textAbove else { return false }
        return droppingRepeatedHeader(next.table.rows, header: table.table.rows).count == next.table.rows.count
    }

    /// A table broken by the page end fills its page: one that stops short of the page's last
    /// `continuedTableBottomZone`, with text after it on the page, has ended there, whatever the next page starts with.
    func endsOnItsPage(_ table: PageTable, pageHeight: Double, textBelow: Bool) -> Bool {
        textBelow && table.table.bbox.y1 < pageHeight * (1 - settings.continuedTableBottomZone)
    }

    /// The table still open at the end of the document.
    mutating func finish() -> [Table] {
        defer { open = nil; openEnded = false; openTextBelow = false }
        return open.map { [$0.table] } ?? []
    }

    /// `tail` joined to `head`, its columns mapped onto head's by `columns` (`columnMap`).
    private func merged(_ head: PageTable, _ tail: PageTable, columns: [Int]) -> PageTable {
        var result = head
        var continuation = tail.table
        continuation.rows = tail.table.rows.map { Self.regrouped($0, columns: columns, width: head.columnEdges.count - 1) }
        var skipped = continuation.rows.count - droppingRepeatedHeader(continuation.rows, header: head.table.rows).count
        // The rest of a cut row joins the row's text; the row keeps its place where it starts.
        if skipped < continuation.rows.count, let last = result.table.rows.last,
           isRestOfCutRow(continuation.rows[skipped], above: result.table.rows) {
            let rest = continuation.rows[skipped]
            result.table.rows[result.table.rows.count - 1] = zip(last, rest).map { [$0, $1].filter { !$0.isEmpty }.joined(separator: " ") }
            skipped += 1
        }
        result.table.append(continuation: continuation, skipping: skipped)
        return result
    }

    /// How `next` continues `table` (its columns mapped onto the table's), or nil when it does not. A table set
    /// turned continues no table and is continued by none (where its page's top and bottom are is not yet read).
    private func continuationColumns(of table: PageTable, in next: PageTable, pageHeight: Double, textAbove: Bool) -> [Int]? {
        guard table.table.rotation == nil, next.table.rotation == nil, next.table.page == table.table.pageEnd + 1,
              next.table.bbox.y0 <= pageHeight * settings.continuationZone else { return nil }
        return columnMap(from: next, onto: table, textAbove: textAbove)
    }

    /// For each column of a continuation, the column of the table above it falls in; nil when it is no
    /// continuation. The same column edges (within the tolerance) continue a table. A table overleaf that
    /// repeats the header above continues it even where its few rows put an edge elsewhere in the gap between
    /// two columns, or split a column the full page showed whole (a centred header line): its edges need only
    /// fall in the gaps above, and a column more is mapped back, unless text stands above it (a heading opens a
    /// new table there, as a new Programma's listing under its title repeats the same header).
    func columnMap(from next: PageTable, onto table: PageTable, textAbove: Bool = false) -> [Int]? {
        let edges = next.columnEdges, target = table.columnEdges
        let tolerance = settings.continuationColumnTolerance
        if edges.count == target.count, zip(edges, target).allSatisfy({ abs($0 - $1) <= tolerance }) {
            return Array(0..<(edges.count - 1))
        }
        guard !textAbove, let map = gapColumnMap(from: next, onto: table) else { return nil }
        let regrouped = next.table.rows.map { Self.regrouped($0, columns: map, width: target.count - 1) }
        return droppingRepeatedHeader(regrouped, header: table.table.rows).count < regrouped.count ? map : nil
    }

    private func gapColumnMap(from next: PageTable, onto table: PageTable) -> [Int]? {
        let edges = next.columnEdges, target = table.columnEdges
        let tolerance = settings.continuationColumnTolerance
        // Edges found from text lie somewhere in the gap between two columns, which is wider on a page of few
        // rows: two edges agree when their gaps (or the edges) come within the tolerance of each other.
        func agree(_ a: Int, _ b: Int) -> Bool {
            let gapA = a < next.columnGaps.count ? next.columnGaps[a] : edges[a]...edges[a]
            let gapB = b < table.columnGaps.count ? table.columnGaps[b] : target[b]...target[b]
            return gapA.lowerBound - tolerance <= gapB.upperBound && gapB.lowerBound - tolerance <= gapA.upperBound
        }
        guard target.count >= 2, (target.count...(target.count + settings.continuationExtraColumns)).contains(edges.count),
              target.indices.allSatisfy({ b in edges.indices.contains { a in agree(a, b) } }) else { return nil }
        return zip(edges, edges.dropFirst()).map { left, right in
            let middle = (left + right) / 2
            return (target.indices.dropLast().last { target[$0] <= middle }) ?? 0
        }
    }

    /// A row's cells joined into the columns `columns` maps them to.
    static func regrouped(_ row: [String], columns: [Int], width: Int) -> [String] {
        guard columns.count == row.count, columns != Array(0..<width) else { return row }
        var cells = Array(repeating: [String](), count: width)
        for (cell, column) in zip(row, columns) where !cell.isEmpty { cells[column].append(cell) }
        return cells.map { $0.joined(separator: " ") }
    }

    /// The first row on the new page is the rest of the last row above, cut by the page break, when it leaves
    /// empty a column that nearly every row above fills, holds only words (no figure that would be a value of
    /// its own) and each of its cells reads on from the cell above: a row of its own would have its own key.
    func isRestOfCutRow(_ row: [String], above rows: [[String]]) -> Bool {
        guard rows.count >= settings.minRowsToJudgeCutRow, row.count == rows.last?.count,
              row.contains(where: { !$0.isEmpty }) else { return false }
        let body = rows.dropFirst()
        let alwaysFilled = row.indices.filter { column in
            Double(body.filter { !$0[column].isEmpty }.count) >= settings.filledColumnShare * Double(body.count)
        }
        let leavesKeyEmpty = alwaysFilled.contains { row[$0].isEmpty }
        // A group heading at the top of the page ("Missione 01 …") starts anew; the rest of a cell reads on.
        guard let last = rows.last, row.indices.allSatisfy({ row[$0].isEmpty || TextJoin.continues(row[$0], after: last[$0]) }) else {
            return false
        }
        let onlyWords = row.allSatisfy { cell in
            let counts = ASCIIText.numberAndLetterCounts(cell)
            return cell.isEmpty || counts.numbers <= counts.letters
        }
        return leavesKeyEmpty && onlyWords
    }

    /// Drops the header the new page repeats, also when it is set over another number of lines than above
    /// ("AREA DI INTERVENTO" on one line above, on two overleaf): the rows are compared column by
    /// column, joined.
    private func droppingRepeatedHeader(_ rows: [[String]], header: [[String]]) -> [[String]] {
        let limit = settings.maxRepeatedHeaderRows
        // The header's first rows, joined, once (not again for every count of rows tried).
        let headerForms = stride(from: 1, through: min(limit, header.count), by: 1).map { normalized(joinedColumns(header[..<$0])) }
        for count in stride(from: min(limit, rows.count), through: 1, by: -1) {
            let repeated = normalized(joinedColumns(rows[..<count]))
            if headerForms.contains(repeated) { return Array(rows.dropFirst(count)) }
        }
        return rows
    }

    private func joinedColumns(_ rows: ArraySlice<[String]>) -> [String] {
        let width = rows.map(\.count).max() ?? 0
        return (0..<width).map { column in rows.map { column < $0.count ? $0[column] : "" }.joined() }
    }

    private func normalized(_ row: [String]) -> [String] {
        row.map { $0.lowercased().filter { !$0.isWhitespace } }
    }
}
