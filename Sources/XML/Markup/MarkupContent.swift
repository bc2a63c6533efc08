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

    public init(items: [ContentItem] = []) { self.items = items }

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

/// Turns paragraphs, headings and list items into `Block`s: a line that starts with a bold label ending in a
/// colon ("**Responsabile:** Mario Rossi") is a `label_value` block, as in the PDF stage.
struct BlockMaker {
    var maxLabelWords = 10

    func heading(_ inline: InlineText, level: Int, source: String, page: Int) -> Block? {
        let text = inline.text()
        guard !text.isEmpty else { return nil }
        return block(.heading, text: text, level: level, source: source, page: page, bold: isBold(inline.lines.flatMap { $0 }))
    }

    func listItem(_ inline: InlineText, source: String, page: Int) -> Block? {
        let text = inline.text()
        guard !text.isEmpty else { return nil }
        return block(.listItem, text: text, source: source, page: page, bold: isBold(inline.lines.flatMap { $0 }))
    }

    /// A paragraph: each line with a bold label is a `label_value` block of its own, the other lines one paragraph
    /// each run of them.
    func paragraph(_ inline: InlineText, source: String, page: Int) -> [Block] {
        var blocks: [Block] = []
        var plain: [TextRun] = []
        func flushPlain() {
            let text = TextNormal.collapse(plain.map(\.text).joined(separator: " "))
            if !text.isEmpty { blocks.append(block(.paragraph, text: text, source: source, page: page, bold: isBold(plain))) }
            plain = []
        }
        for line in inline.lines {
            if let labelled = labelValue(line, source: source, page: page) {
                flushPlain()
                blocks.append(labelled)
            } else {
                if !plain.isEmpty { plain.append(TextRun(text: " ", bold: true)) }
                plain += line
            }
        }
        flushPlain()
        return blocks
    }

    /// "**Label:** value" or "**Label**: value" at the start of a line.
    func labelValue(_ line: [TextRun], source: String, page: Int) -> Block? {
        let runs = line.drop { $0.text.allSatisfy(\.isWhitespace) }
        let boldRuns = runs.prefix { $0.bold || $0.text.allSatisfy(\.isWhitespace) }
        let boldText = TextNormal.collapse(boldRuns.map(\.text).joined())
        var rest = TextNormal.collapse(runs.dropFirst(boldRuns.count).map(\.text).joined())
        var label: String
        if boldText.hasSuffix(":") {
            label = String(boldText.dropLast())
        } else if rest.hasPrefix(":"), !boldText.isEmpty {
            label = boldText
            rest = TextNormal.collapse(String(rest.dropFirst()))
        } else {
            return nil
        }
        label = TextNormal.collapse(label)
        guard !label.isEmpty, !label.contains(":"), label.split(separator: " ").count <= maxLabelWords else { return nil }
        let text = TextNormal.collapse(line.map(\.text).joined())
        var made = block(.labelValue, text: text, source: source, page: page, bold: isBold(Array(runs)))
        made.label = label
        made.value = rest
        return made
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
