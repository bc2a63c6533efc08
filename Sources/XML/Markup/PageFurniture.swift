/// Running headers and footers (DOCX `word/header*.xml`/`footer*.xml` referenced from the sections' `w:sectPr`,
/// ODT `style:header`/`style:footer` of the master pages in `styles.xml`).
///
/// They are page furniture, as the PDF route reads the text repeated in a page's margins: left out of the
/// document's blocks and tables (and so of the records), never repeated into the body. The PDF route can tell
/// running text only from its second page on; markup knows it from the start, so not even one copy comes into
/// the body. They are kept apart in `MarkupContent.pageFurniture`, each part's text once, as blocks and tables at
/// their own location (`word/header1.xml#/w:hdr/w:p`), for whoever wants to know what the pages carry (the ente
/// named in a running header). A line holding a page-number field is a page number, left out even there (the
/// PDF route drops lone page numbers at once).
enum PageFurniture {
    /// The items of the headers and footers, in the order read, an item equal in text to one already kept left
    /// out (the same header on the first and the following pages, on portrait and landscape pages).
    static func distinct(_ items: [ContentItem]) -> [ContentItem] {
        var seen = Set<[[String]]>()
        return items.filter { seen.insert(text(of: $0)).inserted }
    }

    private static func text(of item: ContentItem) -> [[String]] {
        switch item {
        case .block(let block): return [[block.text]]
        case .table(let table): return table.rows
        }
    }
}
