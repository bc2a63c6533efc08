import Core
import Foundation

/// Reading-order lines of a page → blocks: headings (larger or bold short lines, numbered sections),
/// list items, "Label: value" lines (a bold label, or a short label ending with a colon) with the value's
/// continuation lines, and paragraphs. Text inside tables is left to the tables; running headers and
/// footers (page numbers, text repeated at the same place on every page) are dropped.
public struct BlockBuilder: Sendable {
    public var settings: BlockSettings

    public init(settings: BlockSettings = BlockSettings()) { self.settings = settings }

    /// `spellings`: the page's words (`PageSpellings`), computed from `page` when not given; they tell which hyphens
    /// at the line ends of a paragraph are part of the word.
    public func blocks(on page: Page, excluding tableAreas: [Rect] = [], runningText: RunningText? = nil,
                       spellings: PageSpellings? = nil) -> [Block] {
        let spellings = spellings ?? PageSpellings(page: page)
        let outsideTables = page.lines.compactMap { line -> TextLine? in
            let kept = line.words.filter { word in !tableAreas.contains { $0.contains(x: word.box.midX, y: word.box.midY, tolerance: 1) } }
            return kept.isEmpty ? nil : TextLine(words: kept)
        }.filter { !(runningText?.isRunning($0, on: page, zone: settings.marginZone) ?? false) }
        let lines = joiningSameBaseline(joiningJustifiedLines(outsideTables))
        let bodySize = runningText?.bodyFontSize(learning: lines) ?? BlockBuilder.bodyFontSize(lines)
        let textWidth = lines.map(\.box.width).max() ?? page.width
        let rules = page.rulings.filter { $0.orientation == .horizontal }
        var blocks: [Block] = []
        var lineCounts: [Int] = []
        for line in lines {
            let kind = classify(line, bodySize: bodySize)
            if let last = blocks.last, band(of: last.bbox, on: page) == band(of: line.box, on: page),
               !ruled(between: last.bbox, and: line.box, rules: rules), continues(last, with: line, kind: kind, textWidth: textWidth) {
                blocks[blocks.count - 1] = extend(last, with: line, kind: kind, spellings: spellings)
                lineCounts[lineCounts.count - 1] += 1
            } else {
                blocks.append(start(kind, line: line, page: page.number, bodySize: bodySize))
                lineCounts.append(1)
            }
        }
        return zip(blocks, lineCounts).map(demotingLongHeading)
    }

    /// A "heading" told by its size alone that runs over more than `maxHeadingLines` lines is prose set in a
    /// larger size than the rest of the document.
    private func demotingLongHeading(_ block: Block, lines: Int) -> Block {
        guard block.kind == .heading, !block.isBold, lines > settings.maxHeadingLines, !BlockBuilder.isSectionTitle(block.text) else { return block }
        var paragraph = block
        paragraph.kind = .paragraph
        paragraph.level = nil
        return paragraph
    }

    // MARK: Line classes

    enum LineKind: Equatable { case heading, listItem, labelValue(labelWordCount: Int), text }

    func classify(_ line: TextLine, bodySize: Double) -> LineKind {
        let text = line.text
        if let count = labelWordCount(line) { return .labelValue(labelWordCount: count) }
        if BlockBuilder.startsWithListMarker(text) { return .listItem }
        // A line in lower case reads on from the line above, however large it is set: the wrapped rest of a label
        // or sentence, not a heading (a document may set its prose in two sizes).
        let larger = line.fontSize >= bodySize * settings.headingSizeRatio && !(text.first?.isLowercase ?? false)
        let short = text.count <= settings.maxHeadingCharacters
        let hasLetters = text.contains { $0.isLetter }
        if hasLetters && short && (larger || line.isBold || BlockBuilder.isSectionTitle(text)) { return .heading }
        return .text
    }

    func labelWordCount(_ line: TextLine) -> Int? {
        let words = line.words.prefix(settings.labels.maxLabelWords + 1).map { LabelLine.Word($0.text, isBold: $0.font.isBold) }
        return LabelLine.labelWordCount(words, settings: settings.labels)
    }

    static func startsWithListMarker(_ text: String) -> Bool {
        let first = text.prefix(while: { !$0.isWhitespace })
        if VisualLines.isBullet(String(first)) && text.count > first.count { return true }
        if let scalar = first.unicodeScalars.first, first.count == 1, (0xF000...0xF0FF).contains(scalar.value) { return true }
        // a) b) 1) 1. i) — a short enumerator followed by text
        let marker = first.dropLast()
        guard let last = first.last, last == ")" || last == ".", !marker.isEmpty, marker.count <= 3, text.count > first.count + 1 else { return false }
        return marker.allSatisfy(\.isNumber) && last == ")" || (marker.count == 1 && marker.first!.isLetter && marker.first!.isLowercase)
    }

    static func isSectionTitle(_ text: String) -> Bool {
        guard text.first?.isUppercase == true else { return false } // "parte del …" is running text
        let upper = text.uppercased()
        return ["SEZIONE ", "SOTTOSEZIONE ", "CAPITOLO ", "PARTE ", "ALLEGATO "].contains { upper.hasPrefix($0) }
            && text.count <= 120
    }

    // MARK: Building blocks

    private func start(_ kind: LineKind, line: TextLine, page: Int, bodySize: Double) -> Block {
        let base = Block(kind: .paragraph, page: page, bbox: line.box, text: line.text, fontSize: line.fontSize, isBold: line.isBold)
        switch kind {
        case .heading:
            var block = base
            block.kind = .heading
            block.level = headingLevel(line, bodySize: bodySize)
            return block
        case .listItem:
            var block = base
            block.kind = .listItem
            return block
        case .labelValue(let count):
            var block = base
            block.kind = .labelValue
            let label = line.words.prefix(count).map(\.text).joined(separator: " ")
            block.label = String(label.dropLast()).trimmingCharacters(in: .whitespaces)
            block.value = line.words.dropFirst(count).map(\.text).joined(separator: " ")
            return block
        case .text:
            return base
        }
    }

    /// Heading depth: from section numbering ("2.2.1" is 3) when present, else from the size over the body text.
    private func headingLevel(_ line: TextLine, bodySize: Double) -> Int {
        if let first = line.words.first?.text, let depth = BlockBuilder.numberingDepth(first) { return depth }
        let ratio = line.fontSize / max(bodySize, 1)
        if ratio >= 1.5 { return 1 }
        if ratio >= 1.2 { return 2 }
        return 3
    }

    static func numberingDepth(_ token: String) -> Int? {
        let trimmed = token.hasSuffix(".") ? String(token.dropLast()) : token
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) && $0.count <= 2 }) else { return nil }
        return parts.count
    }

    /// A horizontal rule between a block and the line under it, across both: they are cells of two ruled rows
    /// (a programme row over a category heading), not one paragraph.
    func ruled(between block: Rect, and line: Rect, rules: [Ruling]) -> Bool {
        let left = max(block.x0, line.x0), right = min(block.x1, line.x1)
        return rules.contains { rule in
            rule.position > block.y1 - 1 && rule.position < line.y0 + 1 && rule.start <= left + 1 && rule.end >= right - 1
        }
    }

    enum PageBand { case top, body, bottom }

    /// The margin zone a box lies in, or the body: a running header does not run on into the first line of the
    /// page's body (a cell cut from the page before, set just under it), nor the body into the footer.
    func band(of box: Rect, on page: Page) -> PageBand {
        let zone = settings.marginZone * page.height
        if box.y1 <= zone { return .top }
        if box.y0 >= page.height - zone { return .bottom }
        return .body
    }

    /// A line continues the block above when it is text, sits close under it and, for headings, looks the same.
    private func continues(_ block: Block, with line: TextLine, kind: LineKind, textWidth: Double) -> Bool {
        let gap = line.box.y0 - block.bbox.y1
        let close = gap <= settings.paragraphGapRatio * line.box.height && gap > -line.box.height
        guard close else { return false }
        switch (block.kind, kind) {
        case (.heading, .heading):
            // A heading wraps when its line is full; a short line over another is a heading of its own
            // (a title page's "Comune di …" over the plan's name).
            return abs(block.fontSize - line.fontSize) < 0.5 && block.isBold == line.isBold
                && block.bbox.width >= settings.wrappedLineShare * textWidth
        case (.labelValue, .heading), (.paragraph, .heading):
            // A bold line wrapping onto a shorter bold line is one line of text, not a new heading.
            return block.isBold && line.isBold && abs(block.fontSize - line.fontSize) < 0.5
        case (.paragraph, .text), (.listItem, .text), (.labelValue, .text):
            // Lines of one paragraph share its column: a line beside it, under a cell's text set at the right
            // ("1 Organi" / "Istituzionali" over "OBIETTIVO DI …" at the left margin), starts another block.
            guard line.box.horizontalOverlap(block.bbox) > 0 else { return false }
            return line.box.x0 >= block.bbox.x0 - 2 || block.kind == .paragraph
        case (.heading, .text):
            return isProseWrapping(block, into: line, textWidth: textWidth)
        default:
            return false
        }
    }

    /// A line of prose set larger than the body, full to the right, wrapping onto a line of its size that reads on
    /// in lower case: the first line of a paragraph, not a heading.
    private func isProseWrapping(_ heading: Block, into line: TextLine, textWidth: Double) -> Bool {
        !heading.isBold && !line.isBold && abs(heading.fontSize - line.fontSize) < 0.5
            && heading.bbox.width >= settings.wrappedLineShare * textWidth && (line.text.first?.isLowercase ?? false)
    }

    private func extend(_ block: Block, with line: TextLine, kind: LineKind, spellings: PageSpellings) -> Block {
        var block = block
        if block.kind == .heading, kind == .text {
            // `isProseWrapping`: the heading was the first line of a paragraph.
            block.kind = .paragraph
            block.level = nil
        }
        block.bbox = block.bbox.union(line.box)
        block.text = TextJoin.joinLines([block.text, line.text], spellings: spellings)
        if block.kind == .labelValue {
            block.value = TextJoin.joinLines([block.value ?? "", line.text], spellings: spellings)
        }
        block.isBold = block.isBold && line.isBold
        return block
    }

    /// poppler ends a line at a wide gap (justified text, a label set apart from its value), and may even put
    /// the next line in between: put back together what stands on one baseline within a few words' distance.
    private func joiningSameBaseline(_ lines: [TextLine]) -> [TextLine] {
        var result: [TextLine] = []
        for line in lines {
            if let index = result.indices.suffix(3).last(where: { continuesOnItsBaseline(line, result[$0]) }) {
                result[index] = TextLine(words: result[index].words + line.words)
            } else {
                result.append(line)
            }
        }
        return result
    }

    /// A justified line whose last line was broken by hand is spread over the width with wide, equal gaps
    /// ("Indirizzo:  Via  Dall'Orto  n.  15,  27022 …"), too wide for poppler to keep it one line: pieces on one
    /// baseline with at least `minJustifiedGaps` gaps of one width (within `justifiedGapTolerance`) are one line.
    func joiningJustifiedLines(_ lines: [TextLine]) -> [TextLine] {
        guard lines.count >= 3 else { return lines }
        let boxes = lines.map(\.box), sizes = lines.map(\.fontSize)
        let textWidth = (boxes.map(\.x1).max() ?? 0) - (boxes.map(\.x0).min() ?? 0)
        let byTop = lines.indices.sorted { boxes[$0].y0 < boxes[$1].y0 }
        var taken = Set<Int>()
        var joined: [Int: TextLine] = [:]
        for (position, index) in byTop.enumerated() where !taken.contains(index) {
            // Lines on its baseline start before it ends: the next ones in top order.
            var sameBaseline = [index]
            for other in byTop[(position + 1)...] {
                guard boxes[other].y0 < boxes[index].y1 else { break }
                if !taken.contains(other), boxes[other].verticalOverlap(boxes[index]) >= 0.6 * min(boxes[other].height, boxes[index].height),
                   abs(sizes[other] - sizes[index]) < 0.5 {
                    sameBaseline.append(other)
                }
            }
            guard sameBaseline.count >= 3 else { continue }
            sameBaseline.sort { boxes[$0].x0 < boxes[$1].x0 }
            let pieces = sameBaseline.map { boxes[$0] }
            let runs = isSpreadOverTheWidth(pieces, textWidth: textWidth) ? [Array(pieces.indices)]
                : sameBaseline.count > settings.minJustifiedGaps ? evenlySpacedRuns(pieces, sizes: sameBaseline.map { sizes[$0] }) : []
            for run in runs {
                let members = run.map { sameBaseline[$0] }
                taken.formUnion(members)
                joined[members.min()!] = TextLine(words: members.flatMap { lines[$0].words })
            }
        }
        guard !joined.isEmpty else { return lines }
        return lines.indices.compactMap { index in joined[index] ?? (taken.contains(index) ? nil : lines[index]) }
    }

    /// Pieces across `spreadLineWidthShare` of the text width with gaps of one width (`SpreadLine`): a short
    /// justified line, however wide its gaps.
    private func isSpreadOverTheWidth(_ pieces: [Rect], textWidth: Double) -> Bool {
        SpreadLine.isSpread(pieces, across: textWidth, share: settings.spreadLineWidthShare, gapTolerance: settings.spreadGapTolerance)
    }

    /// Runs (indices into `pieces`, left to right) whose gaps are all one width, each run at least
    /// `minJustifiedGaps` gaps long.
    private func evenlySpacedRuns(_ pieces: [Rect], sizes: [Double]) -> [[Int]] {
        var runs: [[Int]] = []
        var run = [0]
        var width: Double?
        func close() {
            if run.count > settings.minJustifiedGaps { runs.append(run) }
        }
        for index in pieces.indices.dropFirst() {
            let gap = pieces[index].x0 - pieces[index - 1].x1
            let size = max(sizes[index], 4)
            let fits = gap > 0 && gap <= settings.maxJustifiedGapRatio * size
            if fits, let known = width, abs(gap - known) <= settings.justifiedGapTolerance * known {
                run.append(index)
                continue
            }
            close()
            run = fits ? [index - 1, index] : [index]
            width = fits ? gap : nil
        }
        close()
        return runs
    }

    private func continuesOnItsBaseline(_ line: TextLine, _ earlier: TextLine) -> Bool {
        guard let lastWord = earlier.words.last, let first = line.words.first else { return false }
        return first.box.verticalOverlap(lastWord.box) >= 0.6 * min(first.box.height, lastWord.box.height)
            && first.box.x0 >= lastWord.box.x1 - 1 && first.box.x0 - lastWord.box.x1 <= 3 * max(first.font.size, 4)
    }

    /// The size most characters of the page are set in.
    static func bodyFontSize(_ lines: [TextLine]) -> Double {
        var weight: [Double: Int] = [:]
        for line in lines { for word in line.words { weight[(word.font.size * 2).rounded() / 2, default: 0] += word.text.count } }
        return weight.max { $0.value < $1.value }?.key ?? 10
    }
}
