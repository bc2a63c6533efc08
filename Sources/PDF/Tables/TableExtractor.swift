import Core

/// A table as found on one page, with the column edges needed to join it to its continuation.
struct PageTable {
    var table: Table
    var columnEdges: [Double]
    /// For each column edge, where it may lie (see `Grid.columnGaps`).
    var columnGaps: [ClosedRange<Double>] = []
}

/// Page → tables: tables set turned (read in the turned page's frame), then upright ruled regions, then
/// text-aligned regions among the words left over.
public struct TableExtractor: Sendable {
    public var settings: TableSettings

    public init(settings: TableSettings = TableSettings()) { self.settings = settings }

    /// `spellings`: the page's words, for the hyphens at its cells' line ends (`PageSpellings`).
    /// Tables set turned come first; the page's upright tables are read from what they leave.
    func pageTables(on page: Page, spellings: PageSpellings) -> [PageTable] {
        let turned = turnedTables(on: page, spellings: spellings)
        let rest = turned.isEmpty ? page : page.removingWords(inside: turned.map(\.table.bbox))
        return (uprightTables(on: rest, spellings: spellings) + turned)
            .sorted { ($0.table.bbox.y0, $0.table.bbox.x0) < ($1.table.bbox.y0, $1.table.bbox.x0) }
    }

    /// Tables set turned on an upright page (`TurnedFrame.rotations`): the words of each turn, when there are
    /// `minTurnedTableWords` of them, are read upright in the turned page's frame with the page's rulings, and a
    /// table found there is kept, back in page coordinates, when words of that turn are more than
    /// `minTurnedWordShare` of the words in its box (turned column headers over an upright table make no table).
    func turnedTables(on page: Page, spellings: PageSpellings) -> [PageTable] {
        var tables: [PageTable] = []
        let turned = TurnedFrame.wordsByTurn(page.words)
        for rotation in TurnedFrame.rotations {
            guard let words = turned[rotation], words.count >= settings.minTurnedTableWords else { continue }
            let frame = TurnedFrame(rotation: rotation, pageWidth: page.width, pageHeight: page.height)
            Diagnostics.log("page \(page.number): \(words.count) words turned \(rotation)°, read in their frame (regions below in frame points)")
            for found in uprightTables(on: frame.framePage(page, words: words), spellings: spellings) {
                let table = frame.pageTable(found), share = turnedShare(in: table.table.bbox, rotation: rotation, page)
                let kept = share > settings.minTurnedWordShare
                Diagnostics.log("turned table at \(table.table.bbox) on the page: \(Int(share * 100))% of its words turned, \(kept ? "kept" : "left to the upright finder")")
                if kept { tables.append(table) }
            }
        }
        return tables
    }

    /// The share of the words in `box` whose text is turned by `rotation`.
    func turnedShare(in box: Rect, rotation: Int, _ page: Page) -> Double {
        let inside = page.words.filter { box.contains(x: $0.box.midX, y: $0.box.midY, tolerance: 1) }
        guard !inside.isEmpty else { return 0 }
        return Double(inside.filter { $0.rotation == rotation }.count) / Double(inside.count)
    }

    /// Page → tables of upright text: ruled regions, then text-aligned regions among the words left over.
    func uprightTables(on page: Page, spellings: PageSpellings) -> [PageTable] {
        let finder = RegionFinder(settings: settings)
        let grids = GridExtractor(settings: settings)
        let rulings = RulingGraph.removingUnderlines(page.rulings, words: page.words, pageWidth: page.width)

        var tables: [PageTable] = []
        var remaining = page.words
        let pageLines = VisualLines.lines(of: page.words)
        let ruled = finder.ruledRegions(rulings: rulings, lines: pageLines)
        for region in ruled.map({ finder.reachingTotalLine($0, lines: pageLines, others: ruled) }) {
            let inside = remaining.filter { region.box.contains(x: $0.box.midX, y: $0.box.midY, tolerance: 1) }
            if isFramedChart(region.box, words: inside.count, page) || holdsAxisScale(inside) {
                // The chart's labels are no table either, framed or not.
                remaining.removeAll { region.box.contains(x: $0.box.midX, y: $0.box.midY, tolerance: 1) }
                continue
            }
            guard let table = makeTable(region, words: inside, page: page, grids: grids, spellings: spellings) else { continue }
            if table.table.rows.count == 1 {
                // A frame of one row is no table; it may end the table right above it.
                guard let above = tables.indices.last(where: { endsWithRow(tables[$0], table) }) else { continue }
                tables[above] = appending(table, to: tables[above])
            } else {
                tables.append(table)
            }
            remaining.removeAll { region.box.contains(x: $0.box.midX, y: $0.box.midY, tolerance: 1) }
        }
        let streamLines = VisualLines.lines(of: remaining.filter { !$0.isVertical })
        let stream = finder.streamRegions(lines: streamLines)
        for region in stream.map({ finder.reachingTotalLine($0, lines: streamLines, others: stream + ruled) }) where !isChart(region.box, page) {
            let inside = remaining.filter { region.box.contains(x: $0.box.midX, y: $0.box.midY, tolerance: 0.5) }
            if let table = makeTable(region, words: inside, page: page, grids: grids, spellings: spellings) { tables.append(table) }
        }
        return tables
    }

    /// The tables of one page, each on its own (continuations are joined by `TableMerger`).
    public func tables(on page: Page) -> [Table] { pageTables(on: page, spellings: PageSpellings(page: page)).map(\.table) }

    private func makeTable(_ region: TableRegion, words: [Word], page: Page, grids: GridExtractor, spellings: PageSpellings) -> PageTable? {
        guard !words.isEmpty, let grid = grids.extract(region: region, words: words, spellings: spellings) else { return nil }
        // A full frame of rulings, or a rule under every row, is evidence enough; tables found from a few rules or
        // from alignment must also hold short cells.
        guard region.kind == .lattice || grid.rowsFromRules || looksTabular(grid) else { return nil }
        guard region.kind != .stream || !isListOfNotes(grid) else { return nil }
        let table = Table(page: page.number, bbox: region.box, rows: grid.rows, method: region.kind.rawValue,
                          rowPlaces: grid.rowBoxes.map { RowPlace(page: page.number, bbox: $0) })
        return PageTable(table: table, columnEdges: grid.columnEdges, columnGaps: grid.columnGaps)
    }

    /// A ruled row of its own (a total ruled apart) ends the table right above it: as wide, a small gap under it,
    /// and every edge of the row an edge of the table.
    private func endsWithRow(_ table: PageTable, _ row: PageTable) -> Bool {
        let tolerance = settings.snapTolerance, box = table.table.bbox, rowBox = row.table.bbox
        let gap = rowBox.y0 - box.y1
        guard gap >= -tolerance, gap <= settings.detachedRowGapRatio * rowBox.height,
              abs(box.x0 - rowBox.x0) <= tolerance, abs(box.x1 - rowBox.x1) <= tolerance else { return false }
        return row.columnEdges.allSatisfy { edge in table.columnEdges.contains { abs($0 - edge) <= tolerance } }
    }

    /// The row's cells in the table's columns: each in the column its left edge opens.
    private func appending(_ row: PageTable, to table: PageTable) -> PageTable {
        var result = table
        var cells = Array(repeating: "", count: table.columnEdges.count - 1)
        for (cell, left) in zip(row.table.rows[0], row.columnEdges) where !cell.isEmpty {
            let column = table.columnEdges.indices.dropLast().min { abs(table.columnEdges[$0] - left) < abs(table.columnEdges[$1] - left) } ?? 0
            cells[column] = cell
        }
        let placed = result.table.hasRowPlaces
        result.table.rows.append(cells)
        result.table.rowPlaces = placed ? result.table.rowPlaces + [RowPlace(page: row.table.page, bbox: row.table.bbox)] : []
        result.table.bbox = Rect.enclosing([result.table.bbox, row.table.bbox])!
        return result
    }

    /// Text among drawn curves and slanted lines is a chart's labels, not a table.
    private func isChart(_ box: Rect, _ page: Page) -> Bool {
        drawingCount(in: box, page) >= settings.minChartGraphics
    }

    /// A frame of rulings holding more drawings with curves or slanted lines than words is a chart's plot area or
    /// panels, its words the labels: a ruled table draws at most a mark in a cell beside its words.
    private func isFramedChart(_ box: Rect, words: Int, _ page: Page) -> Bool {
        let drawings = drawingCount(in: box, page)
        return drawings >= settings.minChartGraphics && Double(drawings) >= settings.framedChartDrawingsPerWord * Double(words)
    }

    /// A frame holding a chart's scale is the chart's plot frame (bars drawn as shaded boxes make its rulings): a
    /// line of `minAxisTicks` figures or more, from zero in equal steps, set at equal distances ("0% 10% … 100%").
    /// A table's row of figures seldom runs from zero in equal steps at equal distances.
    func holdsAxisScale(_ words: [Word]) -> Bool {
        VisualLines.lines(of: words).contains { line in
            let ticks = line.words.compactMap { word in Self.tickValue(word.text).map { (value: $0, x: word.box.midX) } }
            guard ticks.count >= settings.minAxisTicks, ticks.count == line.words.count, ticks[0].value == 0 else { return false }
            let step = ticks[1].value, spacing = (ticks[ticks.count - 1].x - ticks[0].x) / Double(ticks.count - 1)
            return step > 0 && zip(ticks, ticks.dropFirst()).allSatisfy { left, right in
                abs(right.value - left.value - step) <= step * 0.01 && abs(right.x - left.x - spacing) <= settings.columnTolerance
            }
        }
    }

    /// The value of a scale's tick label ("40", "40%", "0,5").
    static func tickValue(_ text: String) -> Double? {
        let body = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard !body.isEmpty, body.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) else { return nil }
        return Double(body.replacingOccurrences(of: ",", with: "."))
    }

    private func drawingCount(in box: Rect, _ page: Page) -> Int {
        page.graphics.filter { box.expanded(by: 2).contains(x: $0.midX, y: $0.midY) && $0.area < box.area * 0.8 }.count
    }

    /// Notes under a table set as two columns, each a mark and what it stands for ("GDP: | Gross domestic product.",
    /// "(*) | Forecast.", "Source: | Eurostat, 2005."): a legend of the table's signs and sources, not a table. The
    /// marks end with a colon or are set in brackets; what they stand for are sentences, ending with a full stop.
    func isListOfNotes(_ grid: Grid) -> Bool {
        guard grid.rows.first?.count == 2 else { return false }
        let notes = grid.rows.filter { row in Self.isNoteMark(row[0]) && Self.isSentence(row[1]) }
        return Double(notes.count) >= settings.notesRowShare * Double(grid.rows.count)
    }

    static func isNoteMark(_ text: String) -> Bool {
        !text.contains(" ") && ((text.count > 1 && text.hasSuffix(":")) || (text.count > 2 && text.hasPrefix("(") && text.hasSuffix(")")))
    }

    static func isSentence(_ text: String) -> Bool {
        text.hasSuffix(".") && text.contains(where: \.isLetter)
    }

    /// Rejects running text that happens to sit in columns: tables hold short cells, or cells of short lines (a
    /// description wrapped in a narrow column is long, but each of its lines is short).
    private func looksTabular(_ grid: Grid) -> Bool {
        if let perLine = grid.wordsPerCellLine { return perLine <= settings.maxMeanWordsPerCell }
        let cells = grid.rows.flatMap { $0 }.filter { !$0.isEmpty }
        guard !cells.isEmpty else { return false }
        let words = cells.reduce(0) { $0 + $1.split(separator: " ").count }
        return Double(words) / Double(cells.count) <= settings.maxMeanWordsPerCell
    }
}

extension Page {
    /// The page without the words standing in any of `boxes` (a table's words, read already).
    func removingWords(inside boxes: [Rect]) -> Page {
        var page = self
        let taken = { (word: Word) in boxes.contains { $0.contains(x: word.box.midX, y: word.box.midY, tolerance: 1) } }
        page.words.removeAll(where: taken)
        page.lines = page.lines.filter { line in !line.words.contains(where: taken) }
        return page
    }
}
