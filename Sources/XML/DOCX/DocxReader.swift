import Core
import Foundation

/// DOCX (`word/document.xml`, styles from `word/styles.xml`) → blocks and tables: headings from heading styles or
/// outline levels, numbered paragraphs as list items, bold runs for labels, tables with `w:gridSpan` and
/// `w:vMerge` on a grid, tables in cells after their table (`NestedTables`), the cited footnotes and endnotes
/// after the body (`MarkupNotes.swift`), headers and footers apart (`PageFurniture`). Page is 1 + the explicit page
/// breaks before the item.
struct DocxReader {
    static let documentPart = "word/document.xml"
    static let stylesPart = "word/styles.xml"

    let package: ZipPackage

    func content() throws -> MarkupContent {
        let document = try LibXMLDocument.root(of: try package.requiredEntry(Self.documentPart), syntax: .xml,
                                               path: package.path, part: Self.documentPart)
        let styles = try package.entry(Self.stylesPart).map {
            DocxStyles(root: try LibXMLDocument.root(of: $0, syntax: .xml, path: package.path, part: Self.stylesPart))
        } ?? DocxStyles()
        guard WordML.isW(document, "document"), let body = WordML.child(document, "body") else {
            throw XMLInputError(path: package.path, part: Self.documentPart, reason: .unsupported("no w:document/w:body"))
        }
        var walk = DocxWalk(styles: styles)
        let bodyPath = "/\(document.qualifiedName)/\(body.qualifiedName)"
        walk.container(body, path: bodyPath)
        let references = DocxSections.furnitureReferences(in: body)
        // The relationships, notes, headers and footers are read only when the document refers to them.
        let relationships = walk.citations.cited.isEmpty && references.isEmpty ? DocxRelationships() : try relationships()
        return MarkupContent(items: walk.items + (try notes(walk.citations, styles: styles, relationships: relationships)),
                             pageFurniture: try furniture(references, styles: styles, relationships: relationships))
    }

    /// The headers and footers the sections refer to, each part read once (`PageFurniture`).
    private func furniture(_ references: [String], styles: DocxStyles, relationships: DocxRelationships) throws -> [ContentItem] {
        var parts: [String] = []
        for id in references { if let part = relationships.part(id: id), !parts.contains(part) { parts.append(part) } }
        var items: [ContentItem] = []
        for part in parts {
            guard let data = try package.entry(part) else { continue }
            let root = try LibXMLDocument.root(of: data, syntax: .xml, path: package.path, part: part)
            var walk = DocxWalk(styles: styles, part: part, isFurniture: true)
            walk.container(root, path: "/" + root.qualifiedName)
            items += walk.items
        }
        return PageFurniture.distinct(items)
    }

    /// The package's relationships part, when it has one.
    private func relationships() throws -> DocxRelationships {
        try package.entry(DocxRelationships.part).map {
            DocxRelationships(root: try LibXMLDocument.root(of: $0, syntax: .xml, path: package.path, part: DocxRelationships.part))
        } ?? DocxRelationships()
    }

    /// The cited notes' blocks and tables, in `MarkupNotes` order; a notes part is read only when a note of its kind
    /// is cited.
    private func notes(_ citations: NoteCitations<String>, styles: DocxStyles, relationships: DocxRelationships) throws -> [ContentItem] {
        var parts: [NoteKind: DocxNotes] = [:]
        var items: [ContentItem] = []
        for citation in citations.readingOrder {
            if parts[citation.kind] == nil {
                parts[citation.kind] = try notesPart(citation.kind, relationships: relationships)
            }
            guard let notes = parts[citation.kind], let note = notes.notes[citation.key] else { continue }
            var walk = DocxWalk(styles: styles, part: notes.part, page: citation.page)
            walk.container(note.element, path: note.path)
            items += walk.items
        }
        return items
    }

    private func notesPart(_ kind: NoteKind, relationships: DocxRelationships) throws -> DocxNotes {
        let (type, usual) = kind == .footnote ? ("footnotes", DocxNotes.footnotesPart) : ("endnotes", DocxNotes.endnotesPart)
        guard let part = relationships.part(ofType: type, usual: usual), let data = try package.entry(part) else {
            return DocxNotes(part: usual, root: XElement(name: "none"))
        }
        return DocxNotes(part: part, root: try LibXMLDocument.root(of: data, syntax: .xml, path: package.path, part: part))
    }
}

struct DocxWalk {
    let styles: DocxStyles
    /// The part read (the document, or a notes part).
    let part: String
    private let maker = BlockMaker()
    private(set) var items: [ContentItem] = []
    /// The notes cited in the text read so far.
    private(set) var citations = NoteCitations<String>()
    private var page: Int

    /// Reading a header or footer: a paragraph holding a page-number field is left out.
    let isFurniture: Bool

    init(styles: DocxStyles, part: String = DocxReader.documentPart, page: Int = 1, isFurniture: Bool = false) {
        self.styles = styles
        self.part = part
        self.page = page
        self.isFurniture = isFurniture
    }

    private func source(_ path: String) -> String { part + "#" + path }

    /// The body, or a content control's content: paragraphs and tables in order.
    mutating func container(_ element: XElement, path: String) {
        for (child, step) in element.elementSteps() {
            let childPath = path + "/" + step
            if WordML.isW(child, "p") {
                paragraph(child, path: childPath)
            } else if WordML.isW(child, "tbl") {
                table(child, path: childPath)
            } else if WordML.isW(child, "sdt"), let content = WordML.child(child, "sdtContent") {
                container(content, path: childPath + "/" + content.qualifiedName)
            } else if WordML.isW(child, "customXml") || WordML.isW(child, "ins") {
                container(child, path: childPath)
            }
        }
    }

    private mutating func paragraph(_ paragraph: XElement, path: String) {
        if isFurniture && DocxSections.holdsPageNumber(paragraph) { return }
        let properties = WordML.child(paragraph, "pPr")
        let style = WordML.value(properties, "pStyle")
        if WordML.toggle(properties, "pageBreakBefore") == true { page += 1 }
        let startPage = page
        var text = InlineText()
        runs(of: paragraph, bold: styles.isBold(style), into: &text)
        let source = source(path)
        if let level = headingLevel(properties, style: style) {
            items += maker.heading(text, level: level, source: source, page: startPage).map(ContentItem.block)
        } else if isNumbered(properties, style: style) {
            items += maker.listItem(text, source: source, page: startPage).map(ContentItem.block)
        } else {
            items += maker.paragraph(text, source: source, page: startPage).map(ContentItem.block)
        }
    }

    private func headingLevel(_ properties: XElement?, style: String?) -> Int? {
        if let outline = WordML.value(properties, "outlineLvl").flatMap({ Int($0) }) { return outline < 9 ? outline + 1 : nil }
        return styles.headingLevel(style)
    }

    private func isNumbered(_ properties: XElement?, style: String?) -> Bool {
        if let numbering = properties.flatMap({ WordML.child($0, "numPr") }) { return WordML.value(numbering, "numId") != "0" }
        return styles.isNumbered(style)
    }

    /// The text of the runs below `element` (hyperlinks, insertions, fields and content controls included;
    /// deletions left out), bold per run.
    private mutating func runs(of element: XElement, bold: Bool, into text: inout InlineText) {
        for child in element.elements {
            if WordML.isW(child, "r") {
                run(child, paragraphBold: bold, into: &text)
            } else if WordML.isW(child, "del") || WordML.isW(child, "moveFrom") || WordML.isW(child, "pPr") {
                continue
            } else {
                runs(of: child, bold: bold, into: &text)
            }
        }
    }

    private mutating func run(_ run: XElement, paragraphBold: Bool, into text: inout InlineText) {
        let properties = WordML.child(run, "rPr")
        let bold = WordML.toggle(properties, "b") ?? (styles.isBold(WordML.value(properties, "rStyle")) || paragraphBold)
        for piece in run.elements {
            if WordML.isW(piece, "t") {
                text.append(piece.textContent, bold: bold)
            } else if WordML.isW(piece, "tab") {
                text.append(" ", bold: bold)
            } else if WordML.isW(piece, "br") || WordML.isW(piece, "cr") {
                if piece.attributes.first(where: { $0.name == "type" })?.value == "page" { page += 1 } else { text.lineBreak() }
            } else if WordML.isW(piece, "noBreakHyphen") {
                text.append("-", bold: bold)
            } else if let kind = Self.noteKind(piece), let id = piece.attributes.first(where: { $0.name == "id" })?.value {
                citations.cite(kind, id, page: page)
            }
        }
    }

    /// A table and, after it, the tables in its cells (`NestedTables`); a layout table's cells read as the body.
    /// A note citation's kind (`w:footnoteReference`, `w:endnoteReference`): the citation adds no text.
    static func noteKind(_ piece: XElement) -> NoteKind? {
        if WordML.isW(piece, "footnoteReference") { return .footnote }
        if WordML.isW(piece, "endnoteReference") { return .endnote }
        return nil
    }

    private mutating func table(_ table: XElement, path: String) {
        let rows = rows(of: table, path: path)
        if NestedTables.isLayoutTable(rows.map { $0.cells.map { Self.holdsTable($0.element) } }) {
            for row in rows { for cell in row.cells { container(cell.element, path: cell.path) } }
            return
        }
        let startPage = page
        var grid = GridBuilder()
        var inner: [DeferredElement] = []
        for row in rows {
            grid.startRow(at: RowPlace(page: page, source: source(row.path)))
            if let before = WordML.value(WordML.child(row.element, "trPr"), "gridBefore").flatMap({ Int($0) }) { grid.skip(before) }
            for cell in row.cells {
                let properties = WordML.child(cell.element, "tcPr")
                let span = WordML.value(properties, "gridSpan").flatMap { Int($0) } ?? 1
                let merge = properties.flatMap { WordML.child($0, "vMerge") }
                let continues = merge != nil && merge?.attributes.first(where: { $0.name == "val" })?.value != "restart"
                grid.addCell(continues ? "" : cellText(cell, tables: &inner), columns: span)
            }
        }
        let (cells, places) = grid.placedGrid()
        if !cells.isEmpty {
            items.append(.table(Table(page: startPage, pageEnd: page, bbox: .zeroBox, rows: cells, method: markupTableMethod,
                                      source: source(path), rowPlaces: places)))
        }
        for nested in inner { self.table(nested.element, path: nested.path) }
    }

    /// A table's rows with their cells, each with its location.
    private func rows(of table: XElement, path: String) -> [(element: XElement, path: String, cells: [DeferredElement])] {
        table.elementSteps().filter { WordML.isW($0.element, "tr") }.map { row, step in
            let rowPath = path + "/" + step
            return (row, rowPath, cells(of: row, path: rowPath))
        }
    }

    /// A row's cells, content controls around them unwrapped.
    private func cells(of row: XElement, path: String) -> [DeferredElement] {
        row.elementSteps().flatMap { child, step -> [DeferredElement] in
            if WordML.isW(child, "tc") { return [DeferredElement(element: child, path: path + "/" + step)] }
            if WordML.isW(child, "sdt"), let content = WordML.child(child, "sdtContent") {
                return cells(of: content, path: path + "/" + step + "/" + content.qualifiedName)
            }
            return []
        }
    }

    /// Whether a table lies below `element` (in it or in a content control), not counting tables in those tables.
    static func holdsTable(_ element: XElement) -> Bool {
        element.elements.contains { WordML.isW($0, "tbl") || (!WordML.isW($0, "p") && holdsTable($0)) }
    }

    /// A cell's paragraphs joined by spaces, as the PDF stage joins a cell's lines; the tables in it are handed
    /// back in `tables`, to be read after the table holding them.
    private mutating func cellText(_ cell: DeferredElement, tables: inout [DeferredElement]) -> String {
        var text = InlineText()
        collectCellText(cell.element, path: cell.path, into: &text, tables: &tables)
        return text.text()
    }

    private mutating func collectCellText(_ element: XElement, path: String, into text: inout InlineText,
                                          tables: inout [DeferredElement]) {
        for (child, step) in element.elementSteps() {
            if WordML.isW(child, "p") {
                if isFurniture && DocxSections.holdsPageNumber(child) { continue }
                runs(of: child, bold: false, into: &text)
                text.lineBreak()
            } else if WordML.isW(child, "tbl") {
                tables.append(DeferredElement(element: child, path: path + "/" + step))
            } else if !WordML.isW(child, "tcPr") {
                collectCellText(child, path: path + "/" + step, into: &text, tables: &tables)
            }
        }
    }
}
