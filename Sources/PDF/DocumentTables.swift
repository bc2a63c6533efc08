import Core

extension PDFFile {
    /// Every table of the selected pages (all by default), continuations across pages joined.
    /// Pages are read one at a time; only the tables found so far are kept.
    public func tables(pages: [Int]? = nil, extractor: TableExtractor = TableExtractor()) throws -> [Table] {
        let merger = TableMerger(settings: extractor.settings)
        var tables: [PageTable] = []
        for number in pages ?? Array(1...max(1, pageCount)) where number <= pageCount {
            let page = try page(number)
            for (index, table) in extractor.pageTables(on: page).enumerated() {
                merger.append(table, pageHeight: page.height, isFirstOnPage: index == 0, to: &tables)
            }
        }
        return tables.map(\.table)
    }
}
