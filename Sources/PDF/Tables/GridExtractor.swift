import Core

/// A region's cell texts, and the column edges that tell its continuation on the next page.
struct Grid {
    /// Column edges left to right (count = columns + 1).
    var columnEdges: [Double]
    /// For each column edge, the stretch it may lie anywhere in (the gap between the columns' texts).
    var columnGaps: [ClosedRange<Double>] = []
    /// Rows of cell texts; a spanning cell's text in its top-left slot, "" in the others.
    var rows: [[String]]
    /// Rows bounded by rulings (a frame, or a rule under every row), not by text lines: cells may hold paragraphs.
    var rowsFromRules = false
    /// Each row's band across the region, in step with `rows`.
    var rowBoxes: [Rect] = []
    /// For rows from text lines: the mean words of a cell's line, before wrapped lines are folded into their rows.
    var wordsPerCellLine: Double?
}

/// Region + words + rulings → grid of cell strings. Columns come from vertical rulings and from gaps that
/// run down the whole text of the region; rows from the horizontal rulings of a ruled frame (a band of
/// records split by line), from text lines otherwise. Spanning cells come from missing ruling pieces (ruled tables) or from text
/// that crosses a column gap (headers over several columns).
struct GridExtractor {
    var settings: TableSettings

    /// `spellings` are the page's (`PageSpellings`): they tell which hyphens at a cell's line ends to keep.
    func extract(region: TableRegion, words: [Word], spellings: PageSpellings = .none) -> Grid? {
        let lines = VisualLines.lines(of: words)
        guard lines.count >= (region.kind == .lattice ? 1 : 2) else { return nil }
        let chunked = lines.map { VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio) }
        // Rules already say a table is here; in a text-only region the chunk gaps are the only evidence of one.
        let figureGaps = region.kind == .stream ? [] : alignedFigureGaps(chunked)
        let chunkLines = splitAtHeaderGaps(region.kind == .stream ? chunked : splitAtAlignedStarts(chunked, figureGaps: figureGaps))
        let verticals = region.rulings.filter { $0.orientation == .vertical }
        let horizontals = region.rulings.filter { $0.orientation == .horizontal && $0.length >= settings.minRulingLength }

        let ruleColumns = interiorPositions(verticals, from: region.box.x0, to: region.box.x1)
        // Vertical rulings are the columns when they run down most of the table; where they only divide the
        // header (shaded header boxes over a body ruled by rows alone), the body's text gaps give the columns.
        let columnsFromRules = !ruleColumns.isEmpty && interiorCoverage(verticals, region: region) >= settings.ruledColumnCoverage
        let ruleRows = interiorPositions(horizontals, from: region.box.y0, to: region.box.y1)
        // A ruled frame's rows are its horizontal rules: a cell may hold several lines. Bands whose lines read
        // as records of their own are split below.
        let rowsFromRules = region.kind == .lattice || (region.kind == .ruledStack && ruleRows.count >= settings.minInteriorRowRules)

        // A figure right-aligned a word space from the next column's text leaves too narrow a gap to be found
        // by coverage; where rows agree on it, it is an edge all the same.
        let figureEdges = columnsFromRules ? [] : figureGaps.map { ($0.end + $0.start) / 2 }
        let gapColumns = columnsFromRules ? [] : textColumnEdges(chunkLines, region: region.box, ruleEdges: ruleColumns) + figureEdges
        let textColumns = region.kind == .ruledStack
            ? edgesAtHeaderLabels(addingEdgesAtAlignedStarts(gapColumns, chunkLines), chunkLines, region: region.box) : gapColumns
        let columnEdges = snapped([region.box.x0] + ruleColumns + textColumns + [region.box.x1])
        let rowEdges = rowsFromRules
            ? splittingBandsOfRecords(snapped([region.box.y0] + ruleRows + [region.box.y1]), lines: lines, chunkLines: chunkLines,
                                      columnEdges: columnEdges)
            : lineRowEdges(lines, region: region.box)
        Diagnostics.log("\(region.kind) region \(region.box): \(lines.count) lines, rows from \(rowsFromRules ? "rules" : "text"), columns from \(columnsFromRules ? "rules" : "text") \(columnEdges.map { Int($0) })")

        var slots = SlotGrid(rowEdges: rowEdges, columns: columnEdges.count - 1)
        place(chunkLines, into: &slots, columnEdges: columnEdges, rowEdges: rowEdges, ruleColumns: columnsFromRules ? ruleColumns : [])
        if rowsFromRules {
            slots.mergeSpans(columnEdges: columnEdges, rowEdges: rowEdges, verticals: columnsFromRules ? verticals : [],
                             horizontals: horizontals, tolerance: settings.minCellSize, reach: settings.spanRuleReach)
            slots.mergeColumnsWithoutCellsOfTheirOwn(minRows: settings.minSpannedRowsToJoinColumns)
        }
        let wordsPerCellLine = rowsFromRules ? nil : slots.meanWordsPerFilledSlot()
        if !rowsFromRules {
            // Rows are the text lines here: a rule between two lines keeps them apart.
            let ruledTops = lines.indices.dropFirst().filter { line in
                ruleRows.contains { $0 > lines[line - 1].box.midY && $0 < lines[line].box.midY }
            }
            slots.mergeContinuationLines(ruledTops: Set(ruledTops), spacing: RowSpacing.breaks(of: lines, settings: settings.rowSpacing))
        }
        slots.dropEmptyRowsAndColumns()
        if !columnsFromRules { slots.mergeColumnsSplittingAHeaderPhrase() }
        if !rowsFromRules {
            slots.mergeHeaderOnlyColumns(maxHeaderRows: settings.maxRepeatedHeaderRows, minValueRows: settings.minStreamRows)
        }
        // A ruled frame of one row may be the detached last row of the table above it (a total ruled apart).
        guard slots.columnCount >= settings.minColumns, slots.rowCount >= (region.kind == .lattice ? 1 : 2) else { return nil }
        return Grid(columnEdges: slots.keptColumnEdges(columnEdges), columnGaps: slots.keptColumnGaps(columnEdges), rows: slots.strings(spellings: spellings),
                    rowsFromRules: rowsFromRules, rowBoxes: slots.rowBoxes(x0: region.box.x0, x1: region.box.x1),
                    wordsPerCellLine: wordsPerCellLine)
    }

    /// Splits a chunk before a word that starts where a cell of another line starts, when the gap before it is
    /// wider than a word space: two short cells set close together ("Amministrativo Mario Rossi" under
    /// "Settore | Dirigente"), which the chunk gap alone joins.
    func splitAtAlignedStarts(_ chunkLines: [[Chunk]], figureGaps: [(end: Double, start: Double)] = []) -> [[Chunk]] {
        // Where cells start: every chunk but one at the table's left edge (a line may begin in a later column:
        // a header cell over a narrow first column, a cell's wrapped text).
        let leftEdge = chunkLines.compactMap { $0.first?.box.x0 }.min() ?? 0
        let starts = chunkLines.enumerated().flatMap { line, chunks in
            chunks.filter { $0.box.x0 > leftEdge + settings.columnTolerance }.map { (line: line, x: $0.box.x0) }
        }
        guard !starts.isEmpty || !figureGaps.isEmpty else { return chunkLines }
        return chunkLines.enumerated().map { line, chunks in
            chunks.flatMap { chunk -> [Chunk] in
                var pieces: [[Word]] = [[]]
                // The chunk's word gap, worked out only for a word that starts where another line's cell starts.
                lazy var wordGap = settings.wordGap(of: chunk.words)
                for word in chunk.words {
                    if let previous = pieces[pieces.count - 1].last,
                       (starts.contains(where: { $0.line != line && abs($0.x - word.box.x0) <= settings.columnTolerance })
                           && settings.isCellGap(from: previous, to: word, lineWordGap: wordGap))
                       || figureGaps.contains(where: { isSameGap($0, previous, word) }) {
                        pieces.append([])
                    }
                    pieces[pieces.count - 1].append(word)
                }
                guard pieces.count > 1 else { return [chunk] }
                return pieces.map { Chunk(words: $0, box: Rect.enclosing($0.map(\.box))!) }
            }
        }
    }

    /// Cells set close in narrow columns ("Servizi per il Territorio – Opere Arch. Simona Pizzocaro" under
    /// "Settore | Responsabile", a card's head as Writer sets it): under the first line of two bold labels or
    /// more (a heading may stand above it), a chunk of a line not in bold parts where two of its
    /// words stand a cell gap apart, twice its usual word gap or more, both of them inside a gap between two of
    /// the labels.
    func splitAtHeaderGaps(_ chunkLines: [[Chunk]]) -> [[Chunk]] {
        let isBold = { (chunks: [Chunk]) in chunks.allSatisfy { $0.words.allSatisfy(\.font.isBold) } }
        guard let headerIndex = chunkLines.firstIndex(where: { $0.count >= 2 && isBold($0) }) else { return chunkLines }
        let header = chunkLines[headerIndex]
        let labelGaps = zip(header, header.dropFirst()).map { $0.box.x1...$1.box.x0 }
        return chunkLines.enumerated().map { index, chunks in
            guard index > headerIndex, !isBold(chunks) else { return chunks }
            return chunks.flatMap { split($0, atGapsInside: labelGaps) }
        }
    }

    private func split(_ chunk: Chunk, atGapsInside labelGaps: [ClosedRange<Double>]) -> [Chunk] {
        let pairs = Array(zip(chunk.words, chunk.words.dropFirst()))
        guard !pairs.isEmpty else { return [chunk] }
        let gaps = pairs.map { $1.box.x0 - $0.box.x1 }
        let usual = gaps.sorted()[gaps.count / 2]
        var pieces: [[Word]] = [[chunk.words[0]]]
        for ((left, right), gap) in zip(pairs, gaps) {
            if settings.isCellGap(from: left, to: right), gap >= settings.headerGapWordGapRatio * usual,
               labelGaps.contains(where: { $0.contains(left.box.x1) && $0.contains(right.box.x0) }) {
                pieces.append([])
            }
            pieces[pieces.count - 1].append(right)
        }
        guard pieces.count > 1 else { return [chunk] }
        return pieces.map { Chunk(words: $0, box: Rect.enclosing($0.map(\.box))!) }
    }

    /// A figure right-aligned against the next column's text, a word space apart ("0 PORTA", "2 Istruzione"):
    /// where a figure ends and a word starts at the same places in `minAlignedFigureRows` lines or more, the two
    /// are cells of two columns, however narrow the gap.
    func alignedFigureGaps(_ chunkLines: [[Chunk]]) -> [(end: Double, start: Double)] {
        var gaps: [(end: Double, start: Double)] = []
        for chunks in chunkLines {
            for chunk in chunks {
                for (left, right) in zip(chunk.words, chunk.words.dropFirst())
                where Self.isFigure(left.text) && right.text.first?.isLetter == true {
                    gaps.append((left.box.x1, right.box.x0))
                }
            }
        }
        // One gap per place: the figures of a column end at one place, however many rows there are.
        let tolerance = settings.columnTolerance
        var places: [(end: Double, start: Double, count: Int)] = []
        for gap in gaps {
            if let index = places.firstIndex(where: { abs($0.end - gap.end) <= tolerance && abs($0.start - gap.start) <= tolerance }) {
                places[index].count += 1
            } else {
                places.append((gap.end, gap.start, 1))
            }
        }
        return places.filter { $0.count >= settings.minAlignedFigureRows }.map { ($0.end, $0.start) }
    }

    private func isSameGap(_ gap: (end: Double, start: Double), _ left: Word, _ right: Word) -> Bool {
        Self.isFigure(left.text) && abs(gap.end - left.box.x1) <= settings.columnTolerance
            && abs(gap.start - right.box.x0) <= settings.columnTolerance
    }

    /// Digits with the marks of numbers ("12", "0,5", "1.000", "30%").
    static func isFigure(_ text: String) -> Bool {
        ASCIIText.read(text) { bytes in
            bytes.contains(where: ASCIIText.isDigit) && bytes.allSatisfy { ASCIIText.isDigit($0) || figureMarks.contains($0) }
        } ?? isFigure(characters: text)
    }

    private static let figureMarks: [UInt8] = Array(".,%-".utf8)

    static func isFigure(characters text: String) -> Bool {
        text.contains(where: \.isNumber) && text.allSatisfy { $0.isNumber || ".,%-".contains($0) }
    }

    /// Positions of rulings that lie strictly inside [from, to], clustered.
    private func interiorPositions(_ rulings: [Ruling], from: Double, to: Double) -> [Double] {
        let inside = rulings.map(\.position).filter { $0 > from + settings.snapTolerance && $0 < to - settings.snapTolerance }
        return snapped(inside)
    }

    /// Clusters positions closer than the smallest cell size (chained) into their mean.
    private func snapped(_ positions: [Double]) -> [Double] {
        var clusters: [[Double]] = []
        for position in positions.sorted() {
            if let last = clusters.last?.last, position - last < settings.minCellSize {
                clusters[clusters.count - 1].append(position)
            } else {
                clusters.append([position])
            }
        }
        return clusters.map { $0.reduce(0, +) / Double($0.count) }
    }

    /// Share of the region's height that interior vertical rulings run along.
    private func interiorCoverage(_ verticals: [Ruling], region: TableRegion) -> Double {
        let inside = verticals.filter { $0.position > region.box.x0 + settings.minCellSize && $0.position < region.box.x1 - settings.minCellSize }
        var covered = 0.0, reach = region.box.y0
        for ruling in inside.sorted(by: { $0.start < $1.start }) {
            let start = max(ruling.start, reach), end = min(ruling.end, region.box.y1)
            if end > start { covered += end - start; reach = end }
        }
        return region.box.height > 0 ? covered / region.box.height : 0
    }

    /// A ruled band can hold several records under one rule (the body of a table ruled only under its header
    /// and above its total): its lines then fill the same columns, line after line, where a band of wrapped
    /// cells has columns of different line counts.
    private func splittingBandsOfRecords(_ edges: [Double], lines: [VisualLine], chunkLines: [[Chunk]],
                                         columnEdges: [Double]) -> [Double] {
        var result = [edges[0]]
        for (top, bottom) in zip(edges, edges.dropFirst()) {
            let band = lines.indices.filter { lines[$0].box.midY > top && lines[$0].box.midY < bottom }
            let columnSets = band.map { i in Set(chunkLines[i].map { index(of: $0.box.midX, in: columnEdges) }) }
            var counts: [Set<Int>: Int] = [:]
            for set in columnSets { counts[set, default: 0] += 1 }
            // Of column sets as common, the one of more columns, then the one whose columns, sorted, come later:
            // a fixed choice, not a dictionary's order.
            let common = counts.max { a, b in
                if (a.value, a.key.count) != (b.value, b.key.count) { return (a.value, a.key.count) < (b.value, b.key.count) }
                return a.key.sorted().lexicographicallyPrecedes(b.key.sorted())
            }
            if band.count >= settings.minRecordsInBand, let common,
               common.key.count >= 2, Double(common.value) >= settings.recordShareInBand * Double(band.count),
               !isWrappedText(band, chunkLines: chunkLines, columnEdges: columnEdges) {
                for (upper, lower) in zip(band, band.dropFirst()) {
                    result.append((lines[upper].box.y1 + lines[lower].box.y0) / 2)
                }
            }
            result.append(bottom)
        }
        return result
    }

    /// Cells of several columns wrapped over the lines of one ruled row look like records, line for line; but
    /// their lines read on from the line above in every column they share with it (lower case, or after a
    /// joining word), for most of the band's lines.
    private func isWrappedText(_ band: [Int], chunkLines: [[Chunk]], columnEdges: [Double]) -> Bool {
        func cells(_ line: Int) -> [Int: String] {
            Dictionary(chunkLines[line].map { (index(of: $0.box.midX, in: columnEdges), $0.text) }, uniquingKeysWith: { $0 + " " + $1 })
        }
        let readingOn = zip(band, band.dropFirst()).filter { upper, lower in
            let above = cells(upper), below = cells(lower)
            let shared = below.keys.filter { above[$0] != nil }
            return !shared.isEmpty && shared.allSatisfy { TextJoin.continues(below[$0]!, after: above[$0]!) }
        }
        return Double(readingOn.count) >= settings.wrappedLineShareInBand * Double(band.count - 1)
    }

    private func lineRowEdges(_ lines: [VisualLine], region: Rect) -> [Double] {
        var edges = [region.y0]
        for (upper, lower) in zip(lines, lines.dropFirst()) {
            edges.append((upper.box.y1 + lower.box.y0) / 2)
        }
        edges.append(region.y1)
        return edges
    }

    /// Writer and Word set figures right-aligned in cells whose labels are left-aligned ("Valore atteso" over "11"
    /// set at the cell's right end, against the next label "Valore raggiunto"). The gaps of the text then part
    /// the figures from their label and join them to the next. Under a header line of labels, a label's start is
    /// a column edge where text under another label ends before it (`addingEdgesAtLabelStarts`), figures
    /// right-aligned against a label belong to the label before them (`joiningFiguresToTheirLabel`), and a label
    /// centred over text set left and figures set right heads one column (`joiningColumnsUnderACentredLabel`).
    func edgesAtHeaderLabels(_ edges: [Double], _ chunkLines: [[Chunk]], region: Rect) -> [Double] {
        guard let header = chunkLines.first, header.count >= 2, isLabelLine(header) else { return edges }
        let body = chunkLines.dropFirst().flatMap { $0 }
        let withLabels = addingEdgesAtLabelStarts(edges, header: header, body: body, region: region)
        let joined = joiningFiguresToTheirLabel(withLabels, header: header, body: body)
        return joiningColumnsUnderACentredLabel(joined, header: header, body: body, region: region)
    }

    /// A label centred over a column whose text is set left and whose figures are set right ("Valore atteso" over
    /// "Entro il 31/12/2024" and "100"): the gaps of the text part the two, but the label stands in the middle of
    /// both, and the right one has no label of its own. The edge between them goes.
    func joiningColumnsUnderACentredLabel(_ edges: [Double], header: [Chunk], body: [Chunk], region: Rect) -> [Double] {
        var edges = edges
        var index = 0
        while index < edges.count {
            let edge = edges[index]
            let previous = index > 0 ? edges[index - 1] : region.x0, next = index + 1 < edges.count ? edges[index + 1] : region.x1
            let labels = header.filter { $0.box.x0 >= previous && $0.box.x1 <= edge }
            let leftText = body.filter { $0.box.x0 >= previous && $0.box.x1 <= edge }
            let rightText = body.filter { $0.box.x0 >= edge && $0.box.x1 <= next }
            guard labels.count == 1, let label = labels.first, !header.contains(where: { $0.box.x1 > edge && $0.box.x0 < next }),
                  let left = leftText.map(\.box.x0).min(), let leftEnd = leftText.map(\.box.x1).max(),
                  let rightEnd = rightText.map(\.box.x1).max(), !rightText.isEmpty else { index += 1; continue }
            let offBoth = abs(label.box.midX - (left + rightEnd) / 2), offLeft = abs(label.box.midX - (left + leftEnd) / 2)
            if offBoth <= settings.maxCentredLabelOffset, offBoth < offLeft {
                edges.remove(at: index)
            } else {
                index += 1
            }
        }
        return edges
    }

    /// Figures right-aligned to one end in `minAlignedFigureRows` rows or more, ending a cell padding before a
    /// label (`maxFigureToLabelGap`) that no text crosses, with nothing but gaps between them and the end of the
    /// label that starts before them: the edges in that stretch go, and one stands between the figures and the
    /// label after them.
    func joiningFiguresToTheirLabel(_ edges: [Double], header: [Chunk], body: [Chunk]) -> [Double] {
        let tolerance = settings.columnTolerance
        var edges = edges
        for label in header.dropFirst() {
            let cut = label.box.x0 - tolerance / 2
            let figures = body.filter { Self.isFigure($0.text) && $0.box.x1 <= cut && label.box.x0 - $0.box.x1 <= settings.maxFigureToLabelGap }
            guard figures.count >= settings.minAlignedFigureRows, let end = figures.map(\.box.x1).max(),
                  figures.allSatisfy({ end - $0.box.x1 <= tolerance }), let start = figures.map(\.box.x0).min(),
                  let previous = header.last(where: { $0.box.x0 < start }), previous.box.x0 < label.box.x0,
                  !body.contains(where: { $0.box.x0 < cut && $0.box.x1 > cut }),
                  !body.contains(where: { $0.box.x1 > previous.box.x1 && $0.box.x0 < start && !Self.isFigure($0.text) })
            else { continue }
            edges.removeAll { $0 > previous.box.x1 && $0 < start }
            if !edges.contains(where: { abs($0 - label.box.x0) <= settings.minCellSize }) { edges.append(cut) }
        }
        return edges.sorted()
    }

    /// A header line's labels: two chunks or more, at most a third of them figures.
    private func isLabelLine(_ chunks: [Chunk]) -> Bool {
        chunks.filter { Self.isFigure($0.text) }.count * 3 <= chunks.count
    }

    /// Edges just before the labels (beyond the first) that no other line's chunk crosses, where some of that
    /// text ends before the label under another label of the column they stand in, and no edge stands there yet.
    func addingEdgesAtLabelStarts(_ edges: [Double], header: [Chunk], body: [Chunk], region: Rect) -> [Double] {
        var edges = edges
        for label in header.dropFirst() {
            let start = label.box.x0, cut = label.box.x0 - settings.columnTolerance / 2
            guard !edges.contains(where: { abs($0 - start) <= settings.minCellSize }),
                  !body.contains(where: { $0.box.x0 < cut && $0.box.x1 > cut }) else { continue }
            let columnStart = edges.filter { $0 < cut }.max() ?? region.x0
            // Text under another label of the same column, ending before this one: two columns, each under its
            // label. (A mark left-aligned in its cell under a centred month name ends before the name too, but
            // no label stands over it.)
            let underOtherLabel = body.contains { cell in
                cell.box.x0 >= columnStart && cell.box.x1 <= cut
                    && header.contains { $0.box.x0 >= columnStart - settings.columnTolerance && $0.box.x0 <= cell.box.x0 + settings.columnTolerance }
            }
            guard underOtherLabel else { continue }
            edges.append(cut)
        }
        return edges.sorted()
    }

    /// Cells filled to their end leave the next cell's text a padding after them, too narrow a gap for the
    /// coverage of the text to find ("… on line per | Entro il 31/12/2024"). Where the chunks of
    /// `minAlignedFigureRows` lines or more start at one place (words among them, not only figures), beyond the
    /// table's left edge, and no chunk crosses it, a column starts there.
    func addingEdgesAtAlignedStarts(_ edges: [Double], _ chunkLines: [[Chunk]]) -> [Double] {
        let chunks = chunkLines.flatMap { $0 }
        guard let leftEdge = chunks.map(\.box.x0).min() else { return edges }
        let tolerance = settings.columnTolerance
        var edges = edges
        let starts = chunks.filter { $0.box.x0 > leftEdge + settings.minCellSize }
            .map { (x: $0.box.x0, hasLetters: $0.text.contains(where: \.isLetter)) }.sorted { $0.x < $1.x }
        var index = 0
        while index < starts.count {
            let group = starts[index...].prefix { $0.x - starts[index].x <= tolerance }
            index += group.count
            // Figures set right share their ends; digits (or dashes) of one width start together too, and say nothing.
            guard let start = group.first?.x, group.count >= settings.minAlignedFigureRows,
                  group.contains(where: \.hasLetters) else { continue }
            let cut = start - tolerance / 2
            guard !edges.contains(where: { abs($0 - start) <= settings.minCellSize }),
                  !chunks.contains(where: { $0.box.x0 < cut && $0.box.x1 > cut }) else { continue }
            edges.append(cut)
        }
        return edges.sorted()
    }

    /// Column edges from vertical gaps in the text: x ranges that (almost) no chunk covers.
    /// Between two vertical rulings only gaps that are wider than a word gap count.
    func textColumnEdges(_ chunkLines: [[Chunk]], region: Rect, ruleEdges: [Double]) -> [Double] {
        let x0 = Int(region.x0.rounded(.down)), x1 = Int(region.x1.rounded(.up))
        guard x1 > x0 else { return [] }
        var coverage = [Int](repeating: 0, count: x1 - x0 + 1)
        var textPresence = [Bool](repeating: false, count: x1 - x0 + 1)
        // Words alone (not the runs of words a line's chunks make) tell where inside a gap to cut.
        var wordCoverage = [Int](repeating: 0, count: x1 - x0 + 1)
        for line in chunkLines {
            var covered = [Bool](repeating: false, count: coverage.count)
            for chunk in line {
                let a = max(0, Int(chunk.box.x0.rounded(.down)) - x0), b = min(coverage.count - 1, Int(chunk.box.x1.rounded(.up)) - x0)
                if a <= b { for i in a...b { covered[i] = true; textPresence[i] = true } }
                for word in chunk.words {
                    let a = max(0, Int(word.box.x0.rounded(.down)) - x0), b = min(coverage.count - 1, Int(word.box.x1.rounded(.up)) - x0)
                    if a <= b { for i in a...b { wordCoverage[i] += 1 } }
                }
            }
            for i in covered.indices where covered[i] { coverage[i] += 1 }
        }
        let lineCount = chunkLines.count
        let allowed = lineCount >= 4 ? max(1, Int(Double(lineCount) * settings.spanningRowShare)) : 0
        var edges: [Double] = []
        var gapStart: Int?
        let firstText = textPresence.firstIndex(of: true) ?? 0
        let lastText = textPresence.lastIndex(of: true) ?? coverage.count - 1
        for i in firstText...lastText {
            if coverage[i] <= allowed {
                if gapStart == nil { gapStart = i }
            } else if let start = gapStart {
                let width = Double(i - start)
                let middle = Double(x0) + Double(start + i) / 2
                let inGap = { (rule: Double) in rule >= Double(x0 + start) && rule <= Double(x0 + i) }
                // A gap that holds a ruling, or lands on one, is the ruling's edge already.
                if width >= settings.minColumnGap,
                   !ruleEdges.contains(where: { inGap($0) || abs($0 - middle) <= settings.minColumnGap * 2 }) {
                    edges.append(Double(x0) + leastCoveredMiddle(wordCoverage, from: start, to: i))
                }
                gapStart = nil
            }
        }
        // A run that reaches the text's first or last column yields no edge of its own: the columns inside it
        // that only the header fills ("Costo orario | n. ore dedicate" over empty cells) are told apart by the
        // gaps no row covers at all.
        var runs: [Range<Int>] = []
        if let end = (firstText...lastText).first(where: { coverage[$0] > allowed }), end > firstText { runs.append(firstText..<end) }
        if let start = gapStart { runs.append(start..<(lastText + 1)) }
        for run in runs { edges += emptyGaps(coverage, in: run).map { Double(x0) + $0 } }
        return droppingEdgesOnlyCrossingLinesFill(edges.sorted(), chunkLines, region: region, ruleEdges: ruleEdges)
    }

    /// An edge that a word crosses (a header over several columns, "Previsione" over "iniziale | attuale", a
    /// total's label) stands only where, on each side of it up to the next edges, lines that do not cross it
    /// have text (`minLinesBesideCrossedEdge`). Otherwise the crossing words are one cell ("%" over
    /// "partecipazione", wider than the right-aligned figures under it), and the stretch beside the figures is
    /// no column of its own.
    func droppingEdgesOnlyCrossingLinesFill(_ edges: [Double], _ chunkLines: [[Chunk]], region: Rect, ruleEdges: [Double]) -> [Double] {
        var kept = edges
        for edge in edges {
            let crosses = { (line: [Chunk]) in line.contains { $0.words.contains { $0.box.x0 < edge && $0.box.x1 > edge } } }
            guard chunkLines.contains(where: crosses) else { continue }
            let bounds = (ruleEdges + kept + [region.x0, region.x1]).sorted()
            let left = bounds.last { $0 < edge } ?? region.x0, right = bounds.first { $0 > edge } ?? region.x1
            let others = chunkLines.filter { !crosses($0) }
            let leftLines = others.filter { $0.contains { $0.box.midX > left && $0.box.midX < edge } }.count
            let rightLines = others.filter { $0.contains { $0.box.midX > edge && $0.box.midX < right } }.count
            if min(leftLines, rightLines) < settings.minLinesBesideCrossedEdge { kept.removeAll { $0 == edge } }
        }
        return kept
    }

    /// Middles of the stretches of `run`, at least `minColumnGap` wide and with text on both sides, that no
    /// row covers.
    func emptyGaps(_ coverage: [Int], in run: Range<Int>) -> [Double] {
        var middles: [Double] = []
        var start: Int?
        var seenText = run.lowerBound > 0 && coverage[run.lowerBound - 1] > 0
        for i in run {
            if coverage[i] == 0 {
                if start == nil, seenText { start = i }
            } else {
                if let gap = start, Double(i - gap) >= settings.minColumnGap { middles.append(Double(gap + i) / 2) }
                start = nil
                seenText = true
            }
        }
        return middles
    }

    /// The gap's middle, unless a word crosses it where fewer do elsewhere: then the middle of the longest
    /// stretch of `[from, to)` that the fewest words cross. A gap of the body that a
    /// header label partly covers ("31.12.2014" set left over right-aligned figures) is cut where that label
    /// is not, so the label stays whole in its own column.
    func leastCoveredMiddle(_ coverage: [Int], from: Int, to: Int) -> Double {
        let least = coverage[from..<to].min() ?? 0
        let middle = (from + to) / 2
        if coverage[middle] == least { return Double(from + to) / 2 }
        var best = (start: from, length: 0)
        var runStart: Int?
        for i in from...to {
            if i < to, coverage[i] == least {
                if runStart == nil { runStart = i }
            } else if let start = runStart {
                if i - start > best.length { best = (start, i - start) }
                runStart = nil
            }
        }
        return Double(best.start) + Double(best.length) / 2
    }

    /// Puts each chunk's words into a slot. A chunk crossing a text-derived column edge is a spanning cell and
    /// goes to the first column it covers; vertical rulings always split chunks.
    private func place(_ chunkLines: [[Chunk]], into slots: inout SlotGrid, columnEdges: [Double], rowEdges: [Double],
                       ruleColumns: [Double]) {
        for line in chunkLines {
            for chunk in line {
                for ruled in split(chunk, at: ruleColumns) {
                    for piece in splitAtColumnEdges(ruled, columnEdges: columnEdges) {
                        guard let box = Rect.enclosing(piece.map(\.box)) else { continue }
                        let row = index(of: box.midY, in: rowEdges)
                        slots.append(piece, row: row, column: index(of: box.x0 + 0.5, in: columnEdges))
                    }
                }
            }
        }
    }

    /// A run of words crossing column edges is one spanning cell, unless each of its words sits inside one
    /// column: then it is the labels of neighbouring cells set too close to read as apart (narrow columns of a
    /// stacked header, "31.12.2013 31.12.2014"), and each column takes its words.
    private func splitAtColumnEdges(_ words: [Word], columnEdges: [Double]) -> [[Word]] {
        let columns = words.map { word -> Int? in
            let first = index(of: word.box.x0 + 0.5, in: columnEdges), last = index(of: word.box.x1 - 0.5, in: columnEdges)
            return first == last ? first : nil
        }
        guard let firstColumn = columns.first ?? nil, let lastColumn = columns.last ?? nil, firstColumn != lastColumn,
              columns.allSatisfy({ $0 != nil }) else { return [words] }
        var pieces: [[Word]] = []
        var previous: Int?
        for (word, column) in zip(words, columns) {
            if column == previous { pieces[pieces.count - 1].append(word) } else { pieces.append([word]) }
            previous = column
        }
        return pieces
    }

    private func split(_ chunk: Chunk, at rules: [Double]) -> [[Word]] {
        guard !rules.isEmpty else { return [chunk.words] }
        var pieces: [[Word]] = []
        var lastBand: Int?
        for word in chunk.words {
            let band = rules.filter { $0 < word.box.midX }.count
            if band == lastBand { pieces[pieces.count - 1].append(word) } else { pieces.append([word]) }
            lastBand = band
        }
        return pieces
    }

    private func index(of value: Double, in edges: [Double]) -> Int {
        var i = 0
        while i < edges.count - 2 && value > edges[i + 1] { i += 1 }
        return i
    }
}

