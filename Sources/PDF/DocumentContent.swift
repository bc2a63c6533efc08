import Core

/// What the extraction stage makes of a document: its tables (continuations joined) and its text blocks.
public struct DocumentContent: Sendable {
    public var pageCount: Int
    public var tables: [Table]
    public var blocks: [Block]
    /// Pages read (the selection within the document).
    public var pagesRead = 0
    /// Pages that draw images and have no text layer: their content needs OCR.
    public var pagesWithoutText: [Int] = []
}

/// Receives the extraction stage's results as they are found.
public protocol ContentSink {
    mutating func table(_ table: Table) throws
    mutating func block(_ block: Block) throws
}

extension PDFFile {
    /// Reads the selected pages (all by default) once, one page at a time: tables first, then the blocks of
    /// the text outside them, handing each table to `sink` as soon as it is complete (a table that may
    /// continue on the next page waits for that page). No page is kept, so memory stays flat. Returns the pages
    /// read and those with images but no text layer.
    @discardableResult
    public func extract<Sink: ContentSink>(pages: [Int]? = nil, tables extractor: TableExtractor = TableExtractor(),
                                           blocks builder: BlockBuilder? = BlockBuilder(),
                                           into sink: inout Sink) throws -> (read: Int, withoutText: [Int]) {
        var joiner = TableJoiner(settings: extractor.settings)
        let runningText = RunningText()
        var read = 0
        var withoutText: [Int] = []
        // A lazy range: a page tree claiming billions of pages costs nothing until its pages are read.
        let numbers: AnySequence<Int> = pages.map { AnySequence($0) } ?? AnySequence(1..<max(1, pageCount + 1))
        for number in numbers where number <= pageCount {
            let page = try page(number)
            read += 1
            if page.words.isEmpty && imageCount(onPage: number) > 0 { withoutText.append(number) }
            let zone = (builder ?? BlockBuilder()).settings.marginZone
            runningText.learn(page, zone: zone)
            // Running headers and footers are page furniture, in no table.
            let content = withoutRunningText(page, runningText, zone: zone)
            // What the page writes whole, for the hyphens at the line ends of its cells and paragraphs.
            let spellings = PageSpellings(page: page)
            let pageTables = extractor.pageTables(on: content, spellings: spellings)
            let linesAbove = pageTables.first.map { first in content.lines.filter { $0.box.midY < first.table.bbox.y0 }.map(\.box) } ?? []
            let textBelow = pageTables.last.map { last in content.lines.contains { $0.box.midY > last.table.bbox.y1 } } ?? false
            for table in joiner.add(pageTables, pageHeight: page.height, linesAboveFirst: linesAbove, textBelowLast: textBelow) {
                try sink.table(table)
            }
            guard let builder else { continue }
            for block in builder.blocks(on: page, excluding: pageTables.map(\.table.bbox), runningText: runningText,
                                            spellings: spellings) {
                try sink.block(block)
            }
        }
        for table in joiner.finish() { try sink.table(table) }
        return (read, withoutText)
    }

    /// The page without the lines `runningText` knows as running headers, footers and page numbers.
    private func withoutRunningText(_ page: Page, _ runningText: RunningText, zone: Double) -> Page {
        let running = page.lines.filter { runningText.isRunning($0, on: page, zone: zone) }
        guard !running.isEmpty else { return page }
        let dropped = Set(running.flatMap(\.words))
        return Page(number: page.number, width: page.width, height: page.height, words: page.words.filter { !dropped.contains($0) },
                    lines: page.lines.filter { line in !line.words.contains(where: dropped.contains) }, rulings: page.rulings,
                    graphics: page.graphics)
    }

    /// Tables and blocks of the selected pages collected in memory (fine for one document of usual size).
    public func content(pages: [Int]? = nil, tables extractor: TableExtractor = TableExtractor(),
                        blocks builder: BlockBuilder? = BlockBuilder()) throws -> DocumentContent {
        var collector = Collector()
        let (read, withoutText) = try extract(pages: pages, tables: extractor, blocks: builder, into: &collector)
        return DocumentContent(pageCount: pageCount, tables: collector.tables, blocks: collector.blocks, pagesRead: read,
                               pagesWithoutText: withoutText)
    }

    /// Every table of the selected pages (all by default), continuations across pages joined.
    public func tables(pages: [Int]? = nil, extractor: TableExtractor = TableExtractor()) throws -> [Table] {
        try content(pages: pages, tables: extractor, blocks: nil).tables
    }
}

private struct Collector: ContentSink {
    var tables: [Table] = []
    var blocks: [Block] = []
    mutating func table(_ table: Table) { tables.append(table) }
    mutating func block(_ block: Block) { blocks.append(block) }
}
