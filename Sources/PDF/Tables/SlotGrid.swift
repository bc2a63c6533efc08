import Core

/// The words of each slot of a region's grid; a spanning cell's words sit in its top-left slot.
struct SlotGrid {
    private(set) var rowCount: Int
    private(set) var columnCount: Int
    private var words: [[[Word]]]
    /// The original columns each column holds (one, or several joined by `mergeColumnsWithoutCellsOfTheirOwn`).
    private var keptColumns: [ClosedRange<Int>]
    /// Top and bottom of each row, in step with the rows as they are merged and dropped.
    private var rowBands: [(top: Double, bottom: Double)]
    /// The last column of each spanning cell, by its top-left slot (set by `mergeSpans`).
    private var spanEnds: [Slot: Int] = [:]

    struct Slot: Hashable { var row: Int; var column: Int }

    /// A grid of `rowEdges.count - 1` rows between the edges (top to bottom) and `columns` columns.
    init(rowEdges: [Double], columns: Int) {
        rowBands = zip(rowEdges, rowEdges.dropFirst()).map { ($0, $1) }
        rowCount = rowBands.count
        columnCount = columns
        words = Array(repeating: Array(repeating: [], count: columns), count: rowCount)
        keptColumns = (0..<columns).map { $0...$0 }
    }

    mutating func append(_ newWords: [Word], row: Int, column: Int) {
        guard row < rowCount, column < columnCount else { return }
        words[row][column].append(contentsOf: newWords)
    }

    // MARK: Spanning cells of ruled tables

    /// Joins neighbouring slots that no ruling separates, when the edge between them is a ruling elsewhere.
    /// Rulings within `tolerance` of an edge draw it; one separates two slots where it reaches within `reach` of
    /// the middle of their row or column.
    mutating func mergeSpans(columnEdges: [Double], rowEdges: [Double], verticals: [Ruling], horizontals: [Ruling],
                             tolerance: Double, reach: Double) {
        var sets = UnionFind(count: rowCount * columnCount)
        for r in 0..<rowCount {
            let midY = (rowEdges[r] + rowEdges[r + 1]) / 2
            for c in 0..<max(0, columnCount - 1) where isOpenEdge(at: columnEdges[c + 1], across: midY, rulings: verticals, tolerance, reach) {
                sets.union(r * columnCount + c, r * columnCount + c + 1)
            }
        }
        for c in 0..<columnCount {
            let midX = (columnEdges[c] + columnEdges[c + 1]) / 2
            for r in 0..<max(0, rowCount - 1) where isOpenEdge(at: rowEdges[r + 1], across: midX, rulings: horizontals, tolerance, reach) {
                sets.union(r * columnCount + c, (r + 1) * columnCount + c)
            }
        }
        for group in sets.groups() where group.count > 1 {
            let slots = group.map { Slot(row: $0 / columnCount, column: $0 % columnCount) }
            let r0 = slots.map(\.row).min()!, r1 = slots.map(\.row).max()!
            let c0 = slots.map(\.column).min()!, c1 = slots.map(\.column).max()!
            guard (r1 - r0 + 1) * (c1 - c0 + 1) == slots.count else { continue } // not a rectangle: keep slots apart
            let topLeft = Slot(row: r0, column: c0)
            spanEnds[topLeft] = c1
            for slot in slots where slot != topLeft {
                words[r0][c0].append(contentsOf: words[slot.row][slot.column])
                words[slot.row][slot.column] = []
            }
        }
    }

    /// Joins a column to the next when it holds no cell of its own: its only text is that of cells spanning into
    /// the next column (the body's cells under a shaded header whose boxes stand inset from the grid lines, each
    /// box's side an edge of its own). Every row then reads the same with the edge between them gone.
    mutating func mergeColumnsWithoutCellsOfTheirOwn(minRows: Int) {
        var c = 0
        while c < columnCount - 1 {
            let filled = (0..<rowCount).filter { !words[$0][c].isEmpty }
            let spanning = filled.filter { (spanEnds[Slot(row: $0, column: c)] ?? c) > c }
            if filled.count >= minRows, spanning.count == filled.count {
                mergeColumn(c)
            } else {
                c += 1
            }
        }
    }

    /// Joins a column whose only text is header text (in the top rows) to the neighbouring column whose only text
    /// is values under it: a header label centred over its column while the values stand right- or left-aligned,
    /// so that the text gaps put the two in columns of their own. Of two such neighbours the nearer takes it.
    mutating func mergeHeaderOnlyColumns(maxHeaderRows: Int, minValueRows: Int) {
        func filledRows(_ c: Int) -> [Int] { (0..<rowCount).filter { !words[$0][c].isEmpty } }
        func span(_ c: Int) -> (x0: Double, x1: Double)? {
            let boxes = words.flatMap { $0[c] }.map(\.box)
            guard let x0 = boxes.map(\.x0).min(), let x1 = boxes.map(\.x1).max() else { return nil }
            return (x0, x1)
        }
        var c = 0
        while c < columnCount {
            let header = filledRows(c)
            guard let lastHeaderRow = header.last, header.count <= maxHeaderRows, let own = span(c) else { c += 1; continue }
            let rowsBelowHeader = rowCount - lastHeaderRow - 1
            let candidates = [c - 1, c + 1].filter { n in
                guard n >= 0, n < columnCount else { return false }
                let values = filledRows(n)
                guard let firstValue = values.first, firstValue > lastHeaderRow else { return false }
                if values.count >= minValueRows { return true }
                // A card of a label row over a value row or two has too few values to count; there a label and
                // the value in every row under it, nearer each other than the label is long, are one cell.
                return rowsBelowHeader < minValueRows && values.count == rowsBelowHeader
                    && distance(own, span(n)) < own.x1 - own.x0
            }
            let nearest = candidates.min { a, b in
                distance(own, span(a)) < distance(own, span(b))
            }
            if let nearest {
                mergeColumn(min(c, nearest))
                c = min(c, nearest)
            } else {
                c += 1
            }
        }
    }

    /// A header phrase cut by an edge no row needs: two neighbouring columns, each with cells under the header but
    /// never both in one row, whose header cells read on one into the other, the second opening with a word in
    /// lower case ("Valore" | "atteso Rispetto scadenze:" over words set left and figures set right in one
    /// column; not "n. ore dedicate", an abbreviation), are one column.
    mutating func mergeColumnsSplittingAHeaderPhrase() {
        guard rowCount >= 3 else { return }
        func hasCells(_ column: Int) -> Bool { (1..<rowCount).contains { !words[$0][column].isEmpty } }
        func readsOn(_ first: String?, after last: String?) -> Bool {
            guard let first, let last, !last.hasSuffix(".") else { return false }
            return first.allSatisfy { $0.isLetter && $0.isLowercase }
        }
        var c = 0
        while c + 1 < columnCount {
            let rowsApart = (1..<rowCount).allSatisfy { words[$0][c].isEmpty || words[$0][c + 1].isEmpty }
            if rowsApart, hasCells(c), hasCells(c + 1), readsOn(words[0][c + 1].first?.text, after: words[0][c].last?.text) {
                mergeColumn(c)
            } else {
                c += 1
            }
        }
    }

    private func distance(_ a: (x0: Double, x1: Double), _ b: (x0: Double, x1: Double)?) -> Double {
        guard let b else { return .infinity }
        return max(0, max(a.x0, b.x0) - min(a.x1, b.x1))
    }

    /// Column `c` and `c + 1` become one: each row's words in reading order, spans one column shorter.
    private mutating func mergeColumn(_ c: Int) {
        for r in 0..<rowCount {
            words[r][c].append(contentsOf: words[r][c + 1])
            words[r].remove(at: c + 1)
        }
        spanEnds = Dictionary(uniqueKeysWithValues: spanEnds.map { slot, end in
            (Slot(row: slot.row, column: slot.column > c ? slot.column - 1 : slot.column), end > c ? end - 1 : end)
        })
        keptColumns[c] = keptColumns[c].lowerBound...keptColumns.remove(at: c + 1).upperBound
        columnCount -= 1
    }

    /// An edge is open (the slots beside it are one cell) when rulings draw that edge somewhere in the table
    /// but not where it crosses this row or column. Whether a ruling reaches the row's middle is asked more
    /// closely than whether it lies on the edge: a column rule that starts just under a low header row (the
    /// rule between two sub-columns under a spanning header) does not cut the header.
    private func isOpenEdge(at position: Double, across point: Double, rulings: [Ruling], _ tolerance: Double,
                            _ reach: Double) -> Bool {
        let onEdge = rulings.filter { abs($0.position - position) <= tolerance }
        guard !onEdge.isEmpty else { return false }
        return !onEdge.contains { $0.start <= point + reach && $0.end >= point - reach }
    }

    // MARK: Wrapped text in tables without row rules

    /// Folds a text line into the row above when it only continues cells of that row (wrapped text). A row
    /// whose top edge is ruled (`ruledTops`, indices of the rows as placed) starts a row of its own; where the
    /// lines' spacing tells (`spacing`, one per row as placed), it decides before the text does.
    mutating func mergeContinuationLines(ruledTops: Set<Int> = [], spacing: [RowSpacing.Break] = []) {
        var ruled = (0..<rowCount).map { ruledTops.contains($0) }
        var breaks = spacing.count == rowCount ? spacing : Array(repeating: .unknown, count: rowCount)
        var r = 1
        while r < rowCount {
            let continues: Bool
            switch breaks[r] {
            case .sameRow: continues = true
            case .newRow: continues = false
            case .unknown:
                continues = isContinuation(r) || (!ruledTops.isEmpty && isOneCellBand(from: ruled.lastIndex(of: true, before: r), ruled: ruled, at: r))
            }
            if !ruled[r], continues {
                for c in 0..<columnCount { words[r - 1][c].append(contentsOf: words[r][c]) }
                words.remove(at: r)
                ruled.remove(at: r)
                breaks.remove(at: r)
                rowBands[r - 1].bottom = rowBands.remove(at: r).bottom
                rowCount -= 1
            } else {
                r += 1
            }
        }
    }

    /// Between two rules, lines that all fill one and the same column are one cell's paragraph.
    private func isOneCellBand(from top: Int, ruled: [Bool], at r: Int) -> Bool {
        let end = (r..<rowCount).first { $0 > r && ruled[$0] } ?? rowCount
        let columns = Set((top..<end).map { nonEmptyColumns($0) })
        return columns.count == 1 && columns.first?.count == 1
    }

    private func isContinuation(_ r: Int) -> Bool {
        let current = nonEmptyColumns(r), previous = nonEmptyColumns(r - 1)
        guard !current.isEmpty, current.isSubset(of: previous) else { return false }
        // A cell alone in its row, past the key column, wraps onto lines alone in the same column: they read on
        // ("Organizzazione di" / "serate a tema con la", an objective of its own under the record above), or the
        // cell has a parenthesis still open ("progetti (Spazio" / "Compiti, Spazio per te)").
        if current.count == 1, current == previous, let column = current.first, column > 0 {
            return continuesText(words[r][column], after: words[r - 1][column]) || hasOpenParenthesis(words[r - 1][column])
        }
        guard current.count < previous.count || current == [0] else { return readsOnInMostCells(r, current) }
        if current == [0] {
            // The key column wraps: same indent and weight, and the text reads on.
            guard previous.count >= 2, continuesText(words[r][0], after: words[r - 1][0]),
                  let a = words[r][0].first, let b = words[r - 1][0].first else { return false }
            return abs(a.box.x0 - b.box.x0) <= 2 && a.font.isBold == b.font.isBold
        }
        // Other columns wrap under a row that has its key: the extra line holds words, not figures.
        if !current.contains(0) && current.allSatisfy({ column in words[r][column].contains { $0.text.contains(where: \.isLetter) } }) {
            return true
        }
        return readsOnInMostCells(r, current)
    }

    /// Every cell of a row wrapped onto the next line (the line fills as many columns as the row): the key column
    /// reads on from the cell above, and so do most of the line's cells ("approvazione" under "Rispetto
    /// tempistica", "2025" under "2022-"), where a new record would start anew in most of them.
    private func readsOnInMostCells(_ r: Int, _ current: Set<Int>) -> Bool {
        guard current.count >= 2 else { return false }
        if current.contains(0), !continuesText(words[r][0], after: words[r - 1][0]) { return false }
        let readingOn = current.filter { continuesText(words[r][$0], after: words[r - 1][$0]) }.count
        return 2 * readingOn > current.count
    }

    private func hasOpenParenthesis(_ cell: [Word]) -> Bool {
        var depth = 0
        for character in cell.lazy.flatMap(\.text) {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    private func continuesText(_ next: [Word], after previous: [Word]) -> Bool {
        guard let first = next.first?.text, let last = previous.last?.text else { return false }
        return TextJoin.continues(first, after: last)
    }

    private func nonEmptyColumns(_ r: Int) -> Set<Int> {
        Set((0..<columnCount).filter { !words[r][$0].isEmpty })
    }

    /// Words per filled slot: with one text line a row (before wrapped lines are folded), the words of a cell's line.
    func meanWordsPerFilledSlot() -> Double? {
        let filled = words.joined().filter { !$0.isEmpty }
        guard !filled.isEmpty else { return nil }
        return Double(filled.reduce(0) { $0 + $1.count }) / Double(filled.count)
    }

    // MARK: Output

    mutating func dropEmptyRowsAndColumns() {
        let keptRows = (0..<rowCount).filter { r in (0..<columnCount).contains { !words[r][$0].isEmpty } }
        let kept = (0..<columnCount).filter { c in (0..<rowCount).contains { !words[$0][c].isEmpty } }
        words = keptRows.map { r in kept.map { words[r][$0] } }
        rowBands = keptRows.map { rowBands[$0] }
        keptColumns = kept.map { keptColumns[$0] }
        spanEnds = [:]
        rowCount = keptRows.count
        columnCount = kept.count
    }

    func keptColumnEdges(_ edges: [Double]) -> [Double] {
        guard let last = keptColumns.last else { return [] }
        return keptColumns.map { edges[$0.lowerBound] } + [edges[last.upperBound + 1]]
    }

    /// Where each kept column boundary may lie: from the right end of the text on its left to the left end of
    /// the text on its right (the edge alone when text crosses it, and at the table's sides).
    func keptColumnGaps(_ edges: [Double]) -> [ClosedRange<Double>] {
        let kept = keptColumnEdges(edges)
        guard kept.count >= 2 else { return kept.map { $0...$0 } }
        let columns = (0..<(kept.count - 1)).map { column in words.flatMap { $0[column] }.map(\.box) }
        return kept.indices.map { index in
            guard index > 0, index < kept.count - 1,
                  let leftEnd = columns[index - 1].map(\.x1).max(), let rightStart = columns[index].map(\.x0).min(),
                  leftEnd <= kept[index], rightStart >= kept[index] else { return kept[index]...kept[index] }
            return leftEnd...rightStart
        }
    }

    func strings(spellings: PageSpellings = .none) -> [[String]] {
        words.map { row in row.map { TextJoin.join($0, spellings: spellings) } }
    }

    /// Each row's band from `x0` to `x1`.
    func rowBoxes(x0: Double, x1: Double) -> [Rect] {
        rowBands.map { Rect(x0: x0, y0: $0.top, x1: x1, y1: $0.bottom) }
    }
}

/// Disjoint sets over 0..<count.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ i: Int) -> Int {
        var i = i
        while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
        return i
    }

    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    mutating func groups() -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        for i in parent.indices { byRoot[find(i), default: []].append(i) }
        return Array(byRoot.values)
    }
}

private extension Array where Element == Bool {
    /// The last index before `end` holding `value`, or 0.
    func lastIndex(of value: Bool, before end: Int) -> Int {
        self[..<end].lastIndex(of: value) ?? 0
    }
}
