import Core

/// What the extraction stage makes of a document: its tables (continuations joined) and its text blocks.
public struct DocumentContent: Sendable {
    public var pageCount: Int
    public var tables: [Table]
    public var blocks: [Block]
}

extension PDFFile {
    /// Reads the selected pages (all by default) once, one page at a time: tables first, then the blocks of
    /// the text outside them. Only the results are kept, never a page's words, so memory stays flat.
    public func content(pages: [Int]? = nil, tables extractor: TableExtractor = TableExtractor(),
                        blocks builder: BlockBuilder? = BlockBuilder()) throws -> DocumentContent {
        let merger = TableMerger(settings: extractor.settings)
        let runningText = RunningText()
        var tables: [PageTable] = []
        var blocks: [Block] = []
        for number in pages ?? Array(1...max(1, pageCount)) where number <= pageCount {
            let page = try page(number)
            let pageTables = extractor.pageTables(on: page)
            for (index, table) in pageTables.enumerated() {
                merger.append(table, pageHeight: page.height, isFirstOnPage: index == 0, to: &tables)
            }
            if let builder {
                runningText.learn(page, zone: builder.settings.marginZone)
                blocks += builder.blocks(on: page, excluding: pageTables.map(\.table.bbox), runningText: runningText)
            }
        }
        return DocumentContent(pageCount: pageCount, tables: tables.map(\.table), blocks: blocks)
    }

    /// Every table of the selected pages (all by default), continuations across pages joined.
    public func tables(pages: [Int]? = nil, extractor: TableExtractor = TableExtractor()) throws -> [Table] {
        try content(pages: pages, tables: extractor, blocks: nil).tables
    }
}
