import Core

/// Finds where tables are on a page: frames of rulings first, then stacks of horizontal rules, then
/// runs of text lines whose words line up in columns.
struct RegionFinder {
    var settings: TableSettings

    /// Regions bounded by rulings, largest evidence first.
    func ruledRegions(rulings: [Ruling], words: [Word] = []) -> [TableRegion] {
        ruledRegions(rulings: rulings, lines: VisualLines.lines(of: words))
    }

    /// `ruledRegions`, given the words' lines (a caller that needs them too builds them once).
    func ruledRegions(rulings: [Ruling], lines: [VisualLine]) -> [TableRegion] {
        var regions: [TableRegion] = []
        var usedInFrames = Set<Ruling>()
        for component in RulingGraph.components(rulings, tolerance: settings.intersectionTolerance) {
            let horizontals = component.filter { $0.orientation == .horizontal }
            let verticals = component.filter { $0.orientation == .vertical }
            guard horizontals.count >= 2, verticals.count >= 2, let box = Rect.enclosing(component.map(\.box)),
                  box.width >= 20, box.height >= 10 else { continue }
            regions.append(TableRegion(kind: .lattice, box: box, rulings: component))
            usedInFrames.formUnion(component)
        }
        let loose = rulings.filter { !usedInFrames.contains($0) && $0.length >= settings.minRulingLength * 3 }
        let stacks = RulingGraph.horizontalStacks(loose, maxGap: settings.maxRuleStackGap).flatMap { tableStacks($0, lines: lines) }
        let verticals = rulings.filter { $0.orientation == .vertical && !usedInFrames.contains($0) }
        for stack in stacks {
            guard let rulesBox = Rect.enclosing(stack.map(\.box)) else { continue }
            let box = reachingColumnRules(rulesBox, stack: stack, verticals: verticals)
            guard box.height >= 10, !regions.contains(where: { $0.box.intersects(box) }) else { continue }
            regions.append(TableRegion(kind: .ruledStack, box: box, rulings: stack))
        }
        return regions
    }

    /// A column rule that crosses the stack's rules is part of its table, and the table reaches as far as it runs:
    /// a total row set under the last horizontal rule, with no rule under it, is still bounded by the column rules.
    func reachingColumnRules(_ box: Rect, stack: [Ruling], verticals: [Ruling]) -> Rect {
        let tolerance = settings.intersectionTolerance
        let columnRules = verticals.filter { vertical in
            vertical.position > box.x0 + tolerance && vertical.position < box.x1 - tolerance
                && stack.filter { RulingGraph.meet($0, vertical, tolerance) }.count >= settings.minRulesCrossedByColumnRule
        }
        return columnRules.reduce(box) { $0.union($1.box) }
    }

    /// A stack of rules is cut where the band between two of them holds no text (two tables, one under the
    /// other), and loses the bands at its top and bottom that hold no line of two cells or more (a heading
    /// under the running header's rule, a note under the table's last rule).
    func tableStacks(_ stack: [Ruling], lines: [VisualLine]) -> [[Ruling]] {
        let left = stack.map(\.start).min() ?? 0, right = stack.map(\.end).max() ?? 0
        let lines = lines.filter { $0.box.midX >= left && $0.box.midX <= right }
        guard !lines.isEmpty else { return [stack] }
        func band(_ upper: Ruling, _ lower: Ruling) -> [VisualLine] {
            lines.filter { $0.box.midY > upper.position && $0.box.midY < lower.position }
        }
        var parts: [[Ruling]] = [[stack[0]]]
        for (index, (upper, lower)) in zip(stack, stack.dropFirst()).enumerated() {
            let lines = band(upper, lower)
            // The stack's lines under this band, and the band right above it, asked for only where the band reads
            // as prose: a row of close-set cells under its header ("POLIZIA LOCALE MICHELE RALLO Costo fuori orario
            // Premio") starts its words where the header's labels start.
            let below = { index + 2 < stack.count ? band(lower, stack[stack.count - 1]) : [] }
            let above = { index > 0 ? band(stack[index - 1], upper) : [] }
            if lines.isEmpty && lower.position - upper.position > settings.minCellSize {
                parts.append([lower])
            } else if isProse(lines, width: right - left),
                      holdsSpreadLine(lines, width: right - left)
                        || !(startsWhereCellsStart(lines, cellStarts: cellStarts(of: below()))
                             || startsWhereCellsStart(lines, cellStarts: cellStarts(of: above()))) {
                // Running text between two rules (a paragraph set in a ruled frame) belongs to no table.
                parts.append([lower])
            } else {
                parts[parts.count - 1].append(lower)
            }
        }
        let tabular = { (lines: [VisualLine]) in
            lines.contains { VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio).count >= 2 }
        }
        return parts.flatMap { cutAtCaptions($0, band: band, tabular: tabular) }.map { piece -> [Ruling] in
            let bands = zip(piece.rules, piece.rules.dropFirst()).map { band($0, $1) }
            let starts = columnStarts(of: bands.filter(tabular))
            let bodySize = medianFontSize(bands.joined())
            let bodyCellStarts = cellStarts(of: Array(bands.filter(tabular).joined()))
            let keeps = { (lines: [VisualLine]) in
                tabular(lines) || fitsColumns(lines, starts: starts) || startsWhereCellsStart(lines, cellStarts: bodyCellStarts)
            }
            // A heading set larger than the table's text over the rule of another table (the next section's,
            // spaced out over the width) is no row of this one, however its words line up.
            let isHeadingOverOtherRule = { (lines: [VisualLine], lower: Ruling, above: ArraySlice<Ruling>) in
                !lines.isEmpty && lines.allSatisfy { $0.fontSize >= settings.captionSizeRatio * bodySize }
                    && rulesDiffer(Array(above), [lower])
            }
            var part = piece.rules
            while !piece.keepsHeader, part.count >= 2, !keeps(band(part[0], part[1])) { part.removeFirst() }
            while part.count >= 2, case let lines = band(part[part.count - 2], part[part.count - 1]),
                  !keeps(lines) || isHeadingOverOtherRule(lines, part[part.count - 1], part.dropLast()) {
                part.removeLast()
            }
            return part
        }.filter { $0.count >= 2 }
    }

    /// Two tables ruled alike, one under the other, with a caption or heading between them ("PERSONALE COINVOLTO",
    /// "Tabella 6 …"): bands of one cell each, or set larger than the stack's text, before a band of labels (the
    /// next table's header), where the columns above and below start at different places (none in common but
    /// the left edge) or the caption is set larger. The stack is cut around the caption, which belongs to
    /// neither table; a band of short cells that fits the columns of the table beside it stays with that table.
    func cutAtCaptions(_ part: [Ruling], band: (Ruling, Ruling) -> [VisualLine],
                       tabular: ([VisualLine]) -> Bool) -> [(rules: [Ruling], keepsHeader: Bool)] {
        let bands = zip(part, part.dropFirst()).map { band($0, $1) }
        // A heading set larger than the table's text is a caption however its letters are spaced.
        let bodySize = medianFontSize(bands.joined())
        let isLarge = { (line: VisualLine) in line.fontSize >= settings.captionSizeRatio * bodySize }
        // A band that holds a heading of its own line (one cell, set larger) is a caption band, whatever prose
        // is set with it: the text between two tables, not a row of either.
        let isDisplayed = bands.map { band in
            !band.isEmpty && (band.allSatisfy(isLarge)
                || band.contains { isLarge($0) && VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio).count == 1 })
        }
        let isTabular = bands.indices.map { tabular(bands[$0]) && !isDisplayed[$0] }
        let foldedBands = bands.map(folded)
        // Band indices: the table above ends with band `end`, the next starts at `start`; a header the next table
        // starts with is kept however its labels are set.
        var cuts: [(end: Int, start: Int, keepsHeader: Bool)] = []
        var above = 0
        var index = 0
        while index < bands.count {
            guard !isTabular[index] else { index += 1; continue }
            var after = index
            while after < bands.count, !isTabular[after] { after += 1 }
            guard index > above, after < bands.count else { index = after; continue }
            let next = (after..<bands.count).prefix { isTabular[$0] }
            let upperBands = (above..<index).filter { isTabular[$0] }
            let upper = columnStarts(of: upperBands.map { bands[$0] })
            // The rows' starts, without the header's: a header set centred starts nowhere a row's cell does.
            let upperRows = upperBands.count >= 2 ? columnStarts(of: upperBands.dropFirst().map { bands[$0] }) : upper
            let lower = columnStarts(of: next.map { bands[$0] })
            // A group heading inside one table ("Effectiveness" over "Employment | 40") is followed by data; a
            // caption by the next table's header.
            let displayed = (index..<after).contains { isDisplayed[$0] }
            // A cell alone in its row (the rest of a row cut by a page break, a note under one column) starts
            // where one of the columns starts, not at the table's left edge as a caption does.
            let loneCells = !displayed && (index..<after).allSatisfy { isLoneCell(bands[$0], starts: upper) || isLoneCell(bands[$0], starts: lower) }
            // A caption opens with a capital or a figure; a band opening in lower case ("di Casorate" under the header
            // repeated at a page top) is the rest of a cell cut by the page break.
            let continuesCell = !displayed && (index..<after).allSatisfy { opensInLowerCase(bands[$0]) }
            // Listings alike stacked, each under its caption ("TITOLO 7 …"): the header after the caption recurs,
            // and figures follow it.
            let repeatsHeader = foldedBands.filter { $0 == foldedBands[after] }.count >= 2
                && next.contains { !isHeaderLike(bands[$0]) }
            // A heading between rules of other extents ends one table and starts another, whatever follows it: a
            // band set larger, or a line of one cell of its own ("1.OBIETTIVO DI MIGLIORAMENTO 2024" between a
            // summary table and the narrower-ruled card under it).
            let headingBands = (index..<after).filter { isDisplayed[$0] || (!loneCells && !continuesCell && isOneCellLine(bands[$0])) }
            let otherRules = !headingBands.isEmpty && rulesDiffer(Array(part[...index]), Array(part[after...]))
            if !loneCells, !continuesCell, (startsDisagree(upper, lower) || displayed || repeatsHeader) && isHeaderLike(bands[after]) {
                var end = index - 1, start = after
                while end + 1 < start, !isDisplayed[end + 1], fitsColumns(bands[end + 1], starts: upper) || fitsColumns(bands[end + 1], starts: upperRows) { end += 1 }
                while start - 1 > end, !isDisplayed[start - 1], fitsColumns(bands[start - 1], starts: lower) { start -= 1 }
                // Every band between is a row of one table or the other: there is no caption to cut at.
                if end + 1 < start {
                    cuts.append((end, start, false))
                    above = start
                }
            } else if otherRules, let first = headingBands.first, let last = headingBands.last,
                      last == after - 1 || (last == after - 2 && isHeaderLike(bands[after - 1])) {
                // The heading right over the next table's rows, or over its header, leaves; the bands before it stay
                // with the table above, and the header (its labels set too close to read as cells) with the next.
                cuts.append((first - 1, last + 1, last == after - 2))
                above = last + 1
            }
            index = after
        }
        guard !cuts.isEmpty else { return [(part, false)] }
        var pieces: [(rules: [Ruling], keepsHeader: Bool)] = []
        var first = 0, keepsHeader = false
        for cut in cuts {
            pieces.append((Array(part[first...(cut.end + 1)]), keepsHeader))
            first = cut.start
            keepsHeader = cut.keepsHeader
        }
        pieces.append((Array(part[first...]), keepsHeader))
        return pieces
    }

    func medianFontSize<Lines: Sequence<VisualLine>>(_ lines: Lines) -> Double {
        let sizes = lines.map(\.fontSize).sorted()
        return sizes.isEmpty ? 0 : sizes[sizes.count / 2]
    }

    /// Rules above and below of other extents: their widest rules end or start more than `minCellSize` apart.
    func rulesDiffer(_ above: [Ruling], _ below: [Ruling]) -> Bool {
        guard let upper = above.max(by: { $0.length < $1.length }), let lower = below.max(by: { $0.length < $1.length }) else { return false }
        return abs(upper.start - lower.start) > settings.minCellSize || abs(upper.end - lower.end) > settings.minCellSize
    }

    /// Running text: lines of one chunk each, one of them across most of the stack, and more words a line than a
    /// table's cells hold.
    func isProse(_ lines: [VisualLine], width: Double) -> Bool {
        guard !lines.isEmpty, width > 0 else { return false }
        let chunked = lines.map { VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio) }
        guard chunked.allSatisfy({ $0.count == 1 || isSpreadOverTheWidth($0, width: width) }) else { return false }
        // A spread line holds few words across the whole width: the lines set as usual say how full lines are.
        let usual = lines.indices.filter { chunked[$0].count == 1 }.map { lines[$0] }
        let counted = usual.isEmpty ? lines : usual
        let words = counted.map(\.words.count).reduce(0, +)
        // A spread line is a justified paragraph's: no table sets its cells' gaps all one width.
        return lines.contains { $0.box.width >= settings.proseWidthShare * width }
            && (usual.count < lines.count || Double(words) / Double(counted.count) > settings.maxMeanWordsPerCell)
    }

    /// A band with a line of a justified paragraph spread over the width (`isSpreadOverTheWidth`).
    func holdsSpreadLine(_ lines: [VisualLine], width: Double) -> Bool {
        lines.contains { isSpreadOverTheWidth(VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio), width: width) }
    }

    /// A line spread over the width (`SpreadLine`): one word a chunk, across `proseWidthShare` of the width, and
    /// gaps of one width to `spreadGapTolerance`.
    func isSpreadOverTheWidth(_ chunks: [Chunk], width: Double) -> Bool {
        chunks.allSatisfy { $0.words.count == 1 }
            && SpreadLine.isSpread(chunks.map(\.box), across: width, share: settings.proseWidthShare, gapTolerance: settings.spreadGapTolerance)
    }

    /// Where the lines' chunks (their cells) start, one entry a chunk.
    func cellStarts(of lines: [VisualLine]) -> [Double] {
        lines.flatMap { VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio).map(\.box.x0) }
    }

    /// A header set with narrow gaps (one chunk to the eye of `chunks`), its labels left-aligned with the cells
    /// under them ("Gennaio Febbraio Marzo …" over the marks of each month): `minAlignedHeaderWords` of its words
    /// at least start where cells of the rows start, and these are `alignedHeaderWordShare` of its words, or,
    /// under a row or two of sparse marks, `sparseAlignedHeaderWordShare` of them with most of the columns under
    /// it starting where its words start.
    func startsWhereCellsStart(_ lines: [VisualLine], cellStarts: [Double]) -> Bool {
        let wordStarts = lines.flatMap(\.words).map(\.box.x0)
        let isNear = { (a: Double, b: Double) in abs(a - b) <= settings.columnTolerance }
        let alignedWords = wordStarts.filter { start in cellStarts.contains { isNear($0, start) } }.count
        guard alignedWords >= settings.minAlignedHeaderWords else { return false }
        let share = Double(alignedWords) / Double(wordStarts.count)
        if share >= settings.alignedHeaderWordShare { return true }
        var columns: [Double] = []
        for start in cellStarts.sorted() where columns.last.map({ !isNear($0, start) }) ?? true { columns.append(start) }
        let headedColumns = columns.filter { column in wordStarts.contains { isNear($0, column) } }.count
        return share >= settings.sparseAlignedHeaderWordShare && Double(headedColumns) >= settings.alignedHeaderWordShare * Double(columns.count)
    }

    /// A band of one line holding one cell.
    private func isOneCellLine(_ lines: [VisualLine]) -> Bool {
        lines.count == 1 && VisualLines.chunks(of: lines[0], gapRatio: settings.chunkGapRatio).count == 1
    }

    /// A band whose first word opens with a lower-case letter.
    private func opensInLowerCase(_ lines: [VisualLine]) -> Bool {
        lines.first?.words.first?.text.first.map { $0.isLetter && $0.isLowercase } ?? false
    }

    /// A band whose every line is one cell starting at the start of a column other than the first.
    func isLoneCell(_ lines: [VisualLine], starts: [Double]) -> Bool {
        guard starts.count >= 2, !lines.isEmpty else { return false }
        return lines.allSatisfy { line in
            let chunks = VisualLines.chunks(of: line, gapRatio: settings.chunkGapRatio)
            return chunks.count == 1 && starts.dropFirst().contains { abs($0 - chunks[0].box.x0) <= settings.columnTolerance }
        }
    }

    /// A band of labels: at most a third of its cells are figures (an amount, a count, a year: more digits than
    /// letters), as a header may name a law or a year ("Piano Fin. 118/11"); a "%" or "€" header cell is a label.
    func isHeaderLike(_ lines: [VisualLine]) -> Bool {
        let cells = lines.flatMap { VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio) }.map(\.text)
        let figures = cells.filter { cell in
            let counts = ASCIIText.numberAndLetterCounts(cell)
            return counts.numbers > counts.letters
        }
        return !cells.isEmpty && figures.count * 3 <= cells.count
    }

    /// A band's letters and digits, lower case: two bands alike whatever their spacing.
    private func folded(_ lines: [VisualLine]) -> String {
        lines.flatMap(\.words).map(\.text).joined().lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Column starts of two tables that have none in common but the leftmost (each with two columns or more).
    func startsDisagree(_ upper: [Double], _ lower: [Double]) -> Bool {
        guard upper.count >= 2, lower.count >= 2 else { return false }
        return sharedStarts(upper, lower) == 0
    }

    /// Column starts of two tables that share at most `maxSharedStartShare` of the fewer starts beside the leftmost.
    func startsMostlyDisagree(_ upper: [Double], _ lower: [Double]) -> Bool {
        guard upper.count >= 2, lower.count >= 2 else { return false }
        return Double(sharedStarts(upper, lower)) <= settings.maxSharedStartShare * Double(min(upper.count, lower.count) - 1)
    }

    /// How many of `upper`'s starts beside the leftmost one of `lower`'s (beside its leftmost) matches.
    private func sharedStarts(_ upper: [Double], _ lower: [Double]) -> Int {
        let tolerance = settings.columnTolerance
        return upper.dropFirst().filter { a in lower.dropFirst().contains { abs($0 - a) <= tolerance } }.count
    }

    /// Where the cells of the tabular bands start: the left edges of their chunks, one per column.
    func columnStarts(of bands: [[VisualLine]]) -> [Double] {
        let edges = bands.joined().flatMap { VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio).map(\.box.x0) }.sorted()
        var starts: [Double] = []
        for edge in edges where starts.last.map({ edge - $0 > settings.columnTolerance }) ?? true { starts.append(edge) }
        return starts
    }

    /// A band whose words fall into two or more of the table's columns, never straddle a column's start, and
    /// stand further apart than a word space where a column begins: a row of short cells set close together
    /// ("Amministrativo Mario Rossi" under "Settore | Dirigente"), not a note running across the columns.
    func fitsColumns(_ lines: [VisualLine], starts: [Double]) -> Bool {
        guard starts.count >= 2, !lines.isEmpty else { return false }
        let tolerance = settings.columnTolerance
        var columns = Set<Int>()
        for line in lines {
            var previous: (word: Word, column: Int)?
            lazy var wordGap = settings.wordGap(of: line.words)
            for word in line.words {
                if starts.contains(where: { $0 > word.box.x0 + tolerance && $0 < word.box.x1 - tolerance }) { return false }
                let column = starts.lastIndex { $0 <= word.box.x0 + tolerance } ?? -1
                if let previous, previous.column != column,
                   !settings.isCellGap(from: previous.word, to: word, lineWordGap: wordGap) {
                    return false
                }
                columns.insert(column)
                previous = (word, column)
            }
        }
        return columns.count >= 2
    }

    /// Runs of lines with two or more chunks whose gaps line up, among words outside ruled tables.
    func streamRegions(words: [Word]) -> [TableRegion] {
        streamRegions(lines: VisualLines.lines(of: words))
    }

    /// `streamRegions`, given the words' lines (a caller that needs them too builds them once).
    func streamRegions(lines: [VisualLine]) -> [TableRegion] {
        let chunked = withoutJustifiedProse(lines.map { VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio) })
        var regions: [TableRegion] = []
        var run: [Int] = []

        // A line of one cell that overlaps the next or previous line in height is a cell of that line's row set
        // at another height (a header cell of more lines, centred), not a caption.
        func overlapsLineBelow(_ i: Int) -> Bool { i + 1 < lines.count && lines[i + 1].box.y0 < lines[i].box.y1 }
        func overlapsLineAbove(_ i: Int) -> Bool { i > 0 && lines[i].box.y0 < lines[i - 1].box.y1 }

        func closeRun() {
            for part in splitAtRepeatedHeader(run, lines: lines, chunked: chunked).flatMap({ splitAtColumnChange($0, lines: lines, chunked: chunked) }) {
                // Cut off the run's next lines by a split (not just shorter for lines of one cell trimmed below).
                let splitAbove = part.last != run.last
                var part = part
                while let last = part.last, chunked[last].count < 2, !overlapsLineAbove(last),
                      !wrapsCellAbove(last, in: part, lines: lines, chunked: chunked) { part.removeLast() }
                while let first = part.first, chunked[first].count < 2, !overlapsLineBelow(first) { part.removeFirst() }
                let tabular = part.filter { chunked[$0].count >= 2 }
                // A table split off a longer run may be short: its records alike are evidence enough, and so is
                // a row of labels over their values (a card's head, `isLabelRowOverValueRow`).
                let splitOff = part.count < run.count && tabular.count >= 2
                let enough = tabular.count >= settings.minStreamRows
                    || (splitOff && areRecordsAlike(tabular.map { lines[$0] }))
                    || (splitAbove && isLabelRowOverValueRow(tabular.map { lines[$0] }))
                    || (tabular.count >= 2 && shareAmountColumns(tabular.map { lines[$0] }))
                if enough, let box = Rect.enclosing(part.map { lines[$0].box }) {
                    regions.append(TableRegion(kind: .stream, box: box, rulings: []))
                }
            }
            run = []
        }

        for i in lines.indices {
            let isTabular = chunked[i].count >= 2
            if let last = run.last {
                let gap = lines[i].box.y0 - lines[last].box.y1
                let close = gap <= settings.maxRowGapRatio * min(lines[i].height, lines[last].height)
                let sameSize = max(lines[i].fontSize, lines[last].fontSize) <= 1.3 * min(lines[i].fontSize, lines[last].fontSize)
                let runBox = Rect.enclosing(run.map { lines[$0].box })!
                let fitsInside = isTabular || lines[i].box.width < 0.6 * runBox.width
                if close && sameSize && fitsInside {
                    run.append(i)
                    continue
                }
                closeRun()
            }
            if isTabular { run = i > 0 && chunked[i - 1].count < 2 && overlapsLineBelow(i - 1) ? [i - 1, i] : [i] }
        }
        closeRun()
        return regions
    }

    /// A run that repeats its header row holds several tables one after the other (one per Programma in a
    /// budget listing): a new table starts at each repetition, and the section title line just above a
    /// repetition belongs to neither, so it reaches the text blocks.
    /// Justified lines spread word by word over the width, each with gaps of its own width ("Entro  aprile  2026
    /// adozione" over "Entro   dicembre   2025 …"), are prose: a table's rows share their gaps. Such a line counts
    /// as one chunk.
    func withoutJustifiedProse(_ chunked: [[Chunk]]) -> [[Chunk]] {
        let spacing = chunked.map(evenGap)
        return chunked.indices.map { index in
            guard let gap = spacing[index] else { return chunked[index] }
            let neighbours = [index - 1, index + 1].filter { chunked.indices.contains($0) }
            let differs = neighbours.contains { other in
                spacing[other].map { abs($0 - gap) > settings.justifiedNeighbourDifference * max($0, gap) } ?? false
            }
            guard differs, let box = Rect.enclosing(chunked[index].map(\.box)) else { return chunked[index] }
            return [Chunk(words: chunked[index].flatMap(\.words), box: box)]
        }
    }

    /// The width of a line's gaps when it has at least `minJustifiedGaps` of them, all within
    /// `justifiedGapTolerance` of their mean.
    func evenGap(_ chunks: [Chunk]) -> Double? {
        guard chunks.count > settings.minJustifiedGaps else { return nil }
        let gaps = zip(chunks, chunks.dropFirst()).map { $1.box.x0 - $0.box.x1 }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        guard mean > 0, gaps.allSatisfy({ abs($0 - mean) <= settings.justifiedGapTolerance * mean }) else { return nil }
        return mean
    }

    /// A run's last line of one cell that is the next line of a cell above: it starts where that cell starts and
    /// stands less than a row's padding further under the line above than the run's closest lines; in the first column (where a note
    /// under the table would start too) its text must also read on from that cell.
    func wrapsCellAbove(_ index: Int, in part: [Int], lines: [VisualLine], chunked: [[Chunk]]) -> Bool {
        guard let position = part.firstIndex(of: index), position >= 2, let first = chunked[index].first else { return false }
        let start = first.box.x0
        let tolerance = settings.columnTolerance
        let above = part[..<position]
        let leftmost = above.compactMap { chunked[$0].first?.box.x0 }.min() ?? start
        guard let cellAbove = chunked[part[position - 1]].first(where: { abs($0.box.x0 - start) <= tolerance }),
              start > leftmost + tolerance
                || TextJoin.continues(first.words.first?.text ?? "", after: cellAbove.words.last?.text ?? "") else { return false }
        let gaps = zip(above, above.dropFirst()).map { lines[$1].box.y0 - lines[$0].box.y1 }.filter { $0 > 0 }
        guard let closest = gaps.min() else { return false }
        return lines[index].box.y0 - lines[part[position - 1]].box.y1 < closest + settings.rowSpacing.padding(size: lines[index].fontSize)
    }

    /// Two text-only tables one under the other, the lower opening with its header: where a gap wider than the
    /// run's line gaps parts lines whose columns start at different places (none in common but the left edge),
    /// each side with rows of its own, the run holds two tables.
    func splitAtColumnChange(_ run: [Int], lines: [VisualLine], chunked: [[Chunk]]) -> [[Int]] {
        guard run.count >= 2 * settings.minStreamRows else { return [run] }
        let gaps = zip(run, run.dropFirst()).map { lines[$1].box.y0 - lines[$0].box.y1 }
        let usual = gaps.sorted()[gaps.count / 2]
        let wide = gaps.indices.filter { gaps[$0] > settings.tableBreakGapRatio * max(usual, 0.25 * lines[run[$0]].height) }
        var parts: [[Int]] = []
        var start = 0
        for cut in wide {
            let upper = Array(run[start...cut]), lower = Array(run[(cut + 1)...])
            func tabularLines(_ part: [Int]) -> [VisualLine] { part.filter { chunked[$0].count >= 2 }.map { lines[$0] } }
            let above = tabularLines(upper), below = tabularLines(lower)
            guard above.count >= settings.minStreamRows || (above.count >= 2 && areRecordsAlike(above))
                    || isLabelRowOverValueRow(above, over: below),
                  below.count >= settings.minStreamRows,
                  let head = below.first, isHeaderLike([head]),
                  startsMostlyDisagree(columnStarts(of: [above]), columnStarts(of: [below])) else { continue }
            parts.append(upper)
            start = cut + 1
        }
        parts.append(Array(run[start...]))
        return parts
    }

    /// A card's head above the rest of the card: its value row's cells start at none of the places the lines
    /// below start theirs ("Settore | Dirigente" over "Amministrativo | Mario Rossi" above a description and its
    /// phases).
    func isLabelRowOverValueRow(_ lines: [VisualLine], over below: [VisualLine]) -> Bool {
        guard isLabelRowOverValueRow(lines), let values = lines.last else { return false }
        return startsMostlyDisagree(columnStarts(of: [[values]]), columnStarts(of: [below]))
    }

    /// Two lines, a row of labels in bold over a row of values that are not (two headings one under the other,
    /// bold both, are no card).
    func isLabelRowOverValueRow(_ lines: [VisualLine]) -> Bool {
        guard lines.count == 2, isHeaderLike([lines[0]]) else { return false }
        return lines[0].words.allSatisfy(\.font.isBold) && !lines[1].words.allSatisfy(\.font.isBold)
    }

    /// A total set apart under its listing ("TOTALE ENTRATE" and its amounts, a gap under the last row): the
    /// first line under the region, within `maxTotalLineGap` of the region's line heights and inside its width,
    /// is the region's last row when its amounts, `minSharedAmounts` at least, each stand over amounts of the
    /// region for most of their width (right-aligned with them, or set in a frame of its own with other padding),
    /// and no other region holds it but a frame of that line alone. (A full frame's cells are its rulings': a
    /// total framed apart under it joins it as a detached row, `TableExtractor.endsWithRow`.)
    func reachingTotalLine(_ region: TableRegion, lines: [VisualLine], others: [TableRegion]) -> TableRegion {
        guard region.kind != .lattice else { return region }
        let tolerance = settings.columnTolerance
        let inside = lines.filter { region.box.contains(x: $0.box.midX, y: $0.box.midY, tolerance: 1) }
        let heights = inside.map(\.box.height).sorted()
        guard !heights.isEmpty else { return region }
        // Bold figures set wider may stand out of the region by about a letter.
        let lineHeight = heights[heights.count / 2], overhang = tolerance + lineHeight
        let below = lines.filter {
            $0.box.midY > region.box.y1 && $0.box.x0 >= region.box.x0 - overhang && $0.box.x1 <= region.box.x1 + overhang
        }
        guard let next = below.min(by: { $0.box.y0 < $1.box.y0 }),
              next.box.y0 - region.box.y1 <= settings.maxTotalLineGap * lineHeight,
              !others.contains(where: { other in
                  other.box != region.box && other.box.intersects(next.box)
                      && lines.contains { $0.box != next.box && other.box.contains(x: $0.box.midX, y: $0.box.midY, tolerance: 1) }
              }) else { return region }
        let columnAmounts = inside.flatMap(\.words).filter { VisualLines.isAmount($0.text) }.map(\.box)
        let amounts = next.words.filter { VisualLines.isAmount($0.text) }.map(\.box)
        func standsOver(_ amount: Rect, _ other: Rect) -> Bool {
            min(amount.x1, other.x1) - max(amount.x0, other.x0) > 0.5 * min(amount.width, other.width)
        }
        guard amounts.count >= settings.minSharedAmounts,
              amounts.allSatisfy({ amount in columnAmounts.contains { standsOver(amount, $0) } }) else { return region }
        var reaching = region
        reaching.box = region.box.union(next.box)
        return reaching
    }

    /// Lines that each end in `minSharedAmounts` amounts or more, right-aligned at the same places: rows of a
    /// listing however few (the last line and the total of a listing carried over to the top of a page).
    func shareAmountColumns(_ lines: [VisualLine]) -> Bool {
        let ends = lines.map { line in line.words.filter { VisualLines.isAmount($0.text) }.map(\.box.x1) }
        guard let first = ends.first, first.count >= settings.minSharedAmounts else { return false }
        return standAlike(ends)
    }

    /// Lines of three cells or more that all start at the same places: records of one table, however few.
    func areRecordsAlike(_ lines: [VisualLine]) -> Bool {
        let starts = lines.map { VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio).map(\.box.x0) }
        guard let first = starts.first, first.count >= 3 else { return false }
        return standAlike(starts)
    }

    /// Every line's positions are the first line's, as many and each within `columnTolerance`.
    private func standAlike(_ positions: [[Double]]) -> Bool {
        guard let first = positions.first else { return false }
        return positions.allSatisfy { $0.count == first.count && zip($0, first).allSatisfy { abs($0 - $1) <= settings.columnTolerance } }
    }

    private func splitAtRepeatedHeader(_ run: [Int], lines: [VisualLine], chunked: [[Chunk]]) -> [[Int]] {
        guard let headerIndex = run.first(where: { chunked[$0].count >= 2 }) else { return [run] }
        let header = RegionFinder.folded(lines[headerIndex])
        var parts: [[Int]] = [[]]
        for (position, i) in run.enumerated() {
            let isRepeat = i != headerIndex && RegionFinder.folded(lines[i]) == header
            if isRepeat {
                if let previous = parts[parts.count - 1].last, position > 0, run[position - 1] == previous, chunked[previous].count < 2 {
                    parts[parts.count - 1].removeLast()
                }
                parts.append([])
            }
            parts[parts.count - 1].append(i)
        }
        return parts
    }

    private static func folded(_ line: VisualLine) -> String {
        line.words.map(\.text).joined().lowercased()
    }
}
