import Core

/// One piece of a markup document, in document order.
public enum ContentItem: Sendable, Hashable {
    case block(Block)
    case table(Table)
}

/// What a markup input yields: the same blocks and tables as the PDF stage, in document order. Page is 1, or the
/// 1-based count of explicit page breaks where the format has them (DOCX, ODT); bbox is zero (markup has no
/// geometry); `source` locates each item in the markup.
public struct MarkupContent: Sendable, Hashable {
    public var items: [ContentItem] = []
    /// Running headers and footers, kept apart from `items` (`PageFurniture`).
    public var pageFurniture: [ContentItem] = []

    public init(items: [ContentItem] = [], pageFurniture: [ContentItem] = []) {
        self.items = items
        self.pageFurniture = pageFurniture
    }

    public var blocks: [Block] { items.compactMap { if case .block(let block) = $0 { return block } else { return nil } } }
    public var tables: [Table] { items.compactMap { if case .table(let table) = $0 { return table } else { return nil } } }
    public var pageCount: Int { items.map { item -> Int in
        switch item {
        case .block(let block): return block.page
        case .table(let table): return table.pageEnd
        }
    }.max() ?? 1 }
}

/// The method name of tables read from markup (their grid is the markup's).
public let markupTableMethod = "markup"

/// A run of text with its weight, as the formats' inline content comes.
struct TextRun: Hashable {
    var text: String
    var bold: Bool
}

/// The inline content of one paragraph-like element, split into lines at explicit line breaks.
struct InlineText {
    private(set) var lines: [[TextRun]] = [[]]

    init() {}

    init(lines: [[TextRun]]) {
        self.lines = lines.isEmpty ? [[]] : lines
    }

    mutating func append(_ text: String, bold: Bool) {
        guard !text.isEmpty else { return }
        lines[lines.count - 1].append(TextRun(text: text, bold: bold))
    }

    mutating func lineBreak() { lines.append([]) }

    var isBlank: Bool { lines.allSatisfy { $0.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } } }

    /// All lines as one string, whitespace collapsed (line breaks joined with "\n" when `keepBreaks`).
    func text(keepBreaks: Bool = false) -> String {
        lines.map { TextNormal.collapse($0.map(\.text).joined()) }.filter { !$0.isEmpty }.joined(separator: keepBreaks ? "\n" : " ")
    }
}

enum TextNormal {
    /// Runs of white space (including non-breaking spaces and newlines) to one space, trimmed.
    static func collapse(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}

/// Turns paragraphs, headings and list items into `Block`s. A line that starts "Label: value" is a `label_value`
/// block, told by the rule the PDF stage uses (`LabelLine`): a bold label ending in a colon ("**Responsabile:**
/// Mario Rossi", "**Responsabile**: Mario Rossi"), or a short capitalised one followed by its value ("Obiettivo
/// strategico: 8.8 …"). A heading element is no exception: in a PDF the same line is a label line too.
struct BlockMaker {
    var labels = LabelLine.Settings()
    /// A bold paragraph this short is a heading, as a bold line is in the PDF stage ("TRANSITABILITÀ STRADE NEL
    /// PERIODO INVERNALE" set in bold body text).
    var maxHeadingCharacters = 160
    /// Its level: below every heading element (HTML's h1–h6), as a bold line of body size is the PDF stage's lowest.
    var boldParagraphLevel = 6

    /// A heading, or its label lines and paragraphs when a line of it is "Label: value".
    func heading(_ inline: InlineText, level: Int, source: String, page: Int) -> [Block] {
        if inline.lines.contains(where: { labelValue($0, source: source, page: page) != nil }) {
            return paragraph(inline, source: source, page: page)
        }
        let text = inline.text()
        guard !text.isEmpty else { return [] }
        return [block(.heading, text: text, level: level, source: source, page: page, bold: isBold(inline.lines.flatMap { $0 }))]
    }

    /// A list item, and the label lines after a line break inside it with the lines that continue their values
    /// (a Word list paragraph that runs on with "**Base di partenza:** …" lines is read as the PDF shows it).
    func listItem(_ inline: InlineText, source: String, page: Int) -> [Block] {
        let lines = inline.lines.drop { $0.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }
        guard let labelLine = lines.dropFirst().firstIndex(where: { labelValue($0, source: source, page: page) != nil }) else {
            return listItemBlock(Array(lines), source: source, page: page).map { [$0] } ?? []
        }
        let rest = InlineText(lines: Array(lines[labelLine...]))
        return (listItemBlock(Array(lines[..<labelLine]), source: source, page: page).map { [$0] } ?? [])
            + paragraph(rest, source: source, page: page)
    }

    private func listItemBlock(_ lines: [[TextRun]], source: String, page: Int) -> Block? {
        let text = InlineText(lines: lines).text()
        guard !text.isEmpty else { return nil }
        return block(.listItem, text: text, source: source, page: page, bold: isBold(lines.flatMap { $0 }))
    }

    /// A paragraph: each label line is a `label_value` block of its own and the lines after it, up to the next label
    /// line, continue its value (a value wrapped at a line break, as the PDF stage reads it); the lines before the
    /// first label line are one paragraph.
    func paragraph(_ inline: InlineText, source: String, page: Int) -> [Block] {
        var blocks: [Block] = []
        var plain: [TextRun] = []
        func flushPlain() {
            let text = TextNormal.collapse(plain.map(\.text).joined(separator: " "))
            if !text.isEmpty {
                let bold = isBold(plain)
                if bold && isHeadingText(text) {
                    blocks.append(block(.heading, text: text, level: boldParagraphLevel, source: source, page: page, bold: true))
                } else {
                    blocks.append(block(.paragraph, text: text, source: source, page: page, bold: bold))
                }
            }
            plain = []
        }
        for line in inline.lines {
            if let labelled = labelValue(line, source: source, page: page) {
                flushPlain()
                blocks.append(labelled)
            } else if let last = blocks.last, last.kind == .labelValue {
                blocks[blocks.count - 1] = continuing(last, with: line)
            } else {
                if !plain.isEmpty { plain.append(TextRun(text: " ", bold: true)) }
                plain += line
            }
        }
        flushPlain()
        return blocks
    }

    func labelValue(_ line: [TextRun], source: String, page: Int) -> Block? {
        let words = Self.words(line)
        guard let count = LabelLine.labelWordCount(words, settings: labels) else { return nil }
        let label = TextNormal.collapse(String(words[..<count].map(\.text).joined(separator: " ").dropLast()))
        guard !label.isEmpty else { return nil }
        var made = block(.labelValue, text: words.map(\.text).joined(separator: " "), source: source, page: page,
                         bold: isBold(line))
        made.label = label
        made.value = words[count...].map(\.text).joined(separator: " ")
        return made
    }

    private func continuing(_ labelled: Block, with line: [TextRun]) -> Block {
        let more = TextNormal.collapse(line.map(\.text).joined())
        guard !more.isEmpty else { return labelled }
        var block = labelled
        block.text += " " + more
        block.value = [block.value ?? "", more].filter { !$0.isEmpty }.joined(separator: " ")
        return block
    }

    /// The line's words, each bold when its letters and digits are ("**Label**:" is a bold word: its colon may be
    /// set in the body font).
    static func words(_ line: [TextRun]) -> [LabelLine.Word] {
        var words: [LabelLine.Word] = []
        var text = "", bold = true, hasSignificant = false
        func flush() {
            if !text.isEmpty { words.append(LabelLine.Word(text, isBold: hasSignificant ? bold : false)) }
            text = ""; bold = true; hasSignificant = false
        }
        for run in line {
            for character in run.text {
                if character.isWhitespace {
                    flush()
                    continue
                }
                text.append(character)
                if character.isLetter || character.isNumber {
                    hasSignificant = true
                    bold = bold && run.bold
                }
            }
        }
        flush()
        return words
    }

    private func isHeadingText(_ text: String) -> Bool {
        text.count <= maxHeadingCharacters && text.contains { $0.isLetter }
    }

    private func isBold(_ runs: [TextRun]) -> Bool {
        let visible = runs.filter { !$0.text.allSatisfy(\.isWhitespace) }
        return !visible.isEmpty && visible.allSatisfy(\.bold)
    }

    private func block(_ kind: Block.Kind, text: String, level: Int? = nil, source: String, page: Int, bold: Bool) -> Block {
        Block(kind: kind, page: page, bbox: .zeroBox, text: text, level: level, fontSize: 0, isBold: bold, source: source)
    }
}

extension Rect {
    /// Markup has no geometry.
    static let zeroBox = Rect(x0: 0, y0: 0, x1: 0, y1: 0)
}

/// Places cells with column and row spans on a grid: a spanning cell's text in its first slot, "" in the slots
/// it covers, as the PDF stage writes spanning cells.
struct GridBuilder {
    /// Spans larger than this are clamped (a malicious `colspan="100000"` must not allocate a huge grid).
    static let maxSpan = 1000

    private(set) var rows: [[String?]] = []
    private var current = -1
    /// Where each started row's element is, when the reader says.
    private var places: [RowPlace?] = []

    mutating func startRow(at place: RowPlace? = nil) {
        current += 1
        if rows.count <= current { rows.append([]) }
        places.append(place)
    }

    /// Adds a cell at the first free slot of the current row.
    mutating func addCell(_ text: String, columns: Int = 1, rows rowSpan: Int = 1) {
        if current < 0 { startRow() }
        let columns = min(max(columns, 1), Self.maxSpan), rowSpan = min(max(rowSpan, 1), Self.maxSpan)
        var column = 0
        while column < rows[current].count, rows[current][column] != nil { column += 1 }
        for rowOffset in 0..<rowSpan {
            let row = current + rowOffset
            while rows.count <= row { rows.append([]) }
            for columnOffset in 0..<columns {
                let slot = column + columnOffset
                while rows[row].count <= slot { rows[row].append(nil) }
                rows[row][slot] = rowOffset == 0 && columnOffset == 0 ? text : ""
            }
        }
    }

    /// Empty slots at the start of the current row (DOCX `w:gridBefore`).
    mutating func skip(_ columns: Int) {
        for _ in 0..<min(max(columns, 0), Self.maxSpan) { addCell("") }
    }

    /// The rectangular grid: rows padded with "", rows that spans only reached left out, empty rows dropped.
    func grid() -> [[String]] { placedGrid().rows }

    /// The grid and the place of each of its rows (none when a row was started without one).
    func placedGrid() -> (rows: [[String]], places: [RowPlace]) {
        let used = rows.prefix(max(current + 1, 0))
        let width = used.map(\.count).max() ?? 0
        let padded = used.map { row in row.map { $0 ?? "" } + Array(repeating: "", count: width - row.count) }
        let kept = padded.indices.filter { padded[$0].contains { !$0.isEmpty } }
        let keptPlaces = kept.compactMap { places[$0] }
        return (kept.map { padded[$0] }, keptPlaces.count == kept.count ? keptPlaces : [])
    }
}
