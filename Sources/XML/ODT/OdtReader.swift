import Core
import Foundation

/// OpenDocument namespaces.
enum ODF {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

    static func `is`(_ element: XElement, _ namespace: String, _ name: String) -> Bool {
        element.name == name && element.namespace == namespace
    }
}

/// Styles of an OpenDocument text (named ones from `styles.xml`, automatic ones from both parts): which are bold
/// (`fo:font-weight`), which start a page (`fo:break-before="page"`), parents followed.
struct OdtStyles {
    struct Style {
        var parent: String?
        var bold: Bool?
        var pageBreakBefore: Bool?
    }

    private var styles: [String: Style] = [:]

    init() {}

    /// Reads every `style:style` under the given roots, later roots overriding earlier ones.
    init(roots: [XElement]) {
        for root in roots {
            for group in root.elements where ODF.is(group, ODF.office, "styles") || ODF.is(group, ODF.office, "automatic-styles") {
                for style in group.elements where ODF.is(style, ODF.style, "style") {
                    guard let name = style.attribute("name", namespace: ODF.style) else { continue }
                    let weight = style.child("text-properties", namespace: ODF.style)?.attribute("font-weight", namespace: ODF.fo)
                    let breakBefore = style.child("paragraph-properties", namespace: ODF.style)?.attribute("break-before", namespace: ODF.fo)
                    styles[name] = Style(parent: style.attribute("parent-style-name", namespace: ODF.style),
                                         bold: weight.map(Self.isBoldWeight), pageBreakBefore: breakBefore.map { $0 == "page" })
                }
            }
        }
    }

    static func isBoldWeight(_ weight: String) -> Bool {
        weight == "bold" || (Int(weight).map { $0 >= 600 } ?? false)
    }

    func isBold(_ name: String?) -> Bool? { resolve(name) { $0.bold } }

    func breaksPage(_ name: String?) -> Bool { resolve(name) { $0.pageBreakBefore } ?? false }

    private func resolve<T>(_ name: String?, _ answer: (Style) -> T?) -> T? {
        var current = name
        for _ in 0..<20 {
            guard let name = current, let style = styles[name] else { return nil }
            if let found = answer(style) { return found }
            current = style.parent
        }
        return nil
    }
}

/// ODT (`content.xml`, styles from `styles.xml` and the automatic styles) → blocks and tables: `text:h` with its
/// outline level, paragraphs, list items, bold spans for labels, tables whose covered cells are already in the
/// markup, tables in cells after their table (`NestedTables`), the notes after the body (`MarkupNotes.swift`), the
/// master pages' headers and footers apart (`PageFurniture`). Page is 1 + the paragraphs whose style breaks the page
/// before them.
struct OdtReader {
    static let contentPart = "content.xml"
    static let stylesPart = "styles.xml"

    let package: ZipPackage

    func content() throws -> MarkupContent {
        let content = try LibXMLDocument.root(of: try package.requiredEntry(Self.contentPart), syntax: .xml,
                                              path: package.path, part: Self.contentPart)
        let stylesRoot = try package.entry(Self.stylesPart).map {
            try LibXMLDocument.root(of: $0, syntax: .xml, path: package.path, part: Self.stylesPart)
        }
        guard let body = content.child("body", namespace: ODF.office), let text = body.child("text", namespace: ODF.office) else {
            throw XMLInputError(path: package.path, part: Self.contentPart, reason: .unsupported("no office:body/office:text"))
        }
        let styles = OdtStyles(roots: (stylesRoot.map { [$0] } ?? []) + [content])
        var walk = OdtWalk(styles: styles)
        walk.container(text, path: "/\(content.qualifiedName)/\(body.qualifiedName)/\(text.qualifiedName)")
        walk.readNotes()
        return MarkupContent(items: walk.items, pageFurniture: stylesRoot.map { Self.furniture(of: $0, styles: styles) } ?? [])
    }

    /// The master pages' headers and footers (`PageFurniture`), in `styles.xml` order; those not displayed left out.
    static func furniture(of styles: XElement, styles known: OdtStyles) -> [ContentItem] {
        guard let masters = styles.child("master-styles", namespace: ODF.office) else { return [] }
        let root = "/" + styles.qualifiedName + "/" + masters.qualifiedName
        var walk = OdtWalk(styles: known, part: stylesPart, isFurniture: true)
        for (master, step) in masters.elementSteps() where ODF.is(master, ODF.style, "master-page") {
            for (region, regionStep) in master.elementSteps() where region.namespace == ODF.style && furnitureRegions.contains(region.name)
                && region.attribute("display", namespace: ODF.style) != "false" {
                walk.container(region, path: root + "/" + step + "/" + regionStep)
            }
        }
        return PageFurniture.distinct(walk.items)
    }

    /// The regions of a master page that repeat on its pages.
    static let furnitureRegions: Set<String> = ["header", "header-first", "header-left", "footer", "footer-first", "footer-left"]

    /// Whether a paragraph holds a page number or the page count.
    static func holdsPageNumber(_ element: XElement) -> Bool {
        element.elements.contains { ODF.is($0, ODF.text, "page-number") || ODF.is($0, ODF.text, "page-count") || holdsPageNumber($0) }
    }
}

struct OdtWalk {
    /// Repetitions honoured per cell or row (`table:number-columns-repeated="1024"` pads spreadsheets).
    static let maxRepeat = 1000

    let styles: OdtStyles
    /// The part read (`content.xml`, or `styles.xml` for the headers and footers).
    let part: String
    /// Reading headers and footers: a paragraph holding a page number is left out.
    let isFurniture: Bool
    private let maker = BlockMaker()
    private(set) var items: [ContentItem] = []
    private var page = 1
    /// The notes cited in the text read so far, by location, and their bodies.
    private var citations = NoteCitations<String>()
    private var noteBodies: [String: DeferredElement] = [:]

    init(styles: OdtStyles, part: String = OdtReader.contentPart, isFurniture: Bool = false) {
        self.styles = styles
        self.part = part
        self.isFurniture = isFurniture
    }

    private func source(_ path: String) -> String { part + "#" + path }

    mutating func container(_ element: XElement, path: String) {
        for (child, step) in element.elementSteps() {
            let childPath = path + "/" + step
            defer { citeNotes(in: child, path: childPath) }
            if isFurniture && (ODF.is(child, ODF.text, "p") || ODF.is(child, ODF.text, "h")) && OdtReader.holdsPageNumber(child) { continue }
            if ODF.is(child, ODF.text, "h") {
                startPage(child)
                let level = child.attribute("outline-level", namespace: ODF.text).flatMap { Int($0) } ?? 1
                items += maker.heading(inline(child), level: level, source: source(childPath), page: page).map(ContentItem.block)
            } else if ODF.is(child, ODF.text, "p") {
                startPage(child)
                items += maker.paragraph(inline(child), source: source(childPath), page: page).map(ContentItem.block)
            } else if ODF.is(child, ODF.text, "list") {
                list(child, path: childPath)
            } else if ODF.is(child, ODF.table, "table") {
                table(child, path: childPath)
            } else if ODF.is(child, ODF.text, "section") || ODF.is(child, ODF.text, "table-of-content")
                        || ODF.is(child, ODF.text, "index-body") {
                container(child, path: childPath)
            }
        }
    }

    /// Notes the `text:note`s below `element` (read after the body: `MarkupNotes.swift`); a note cited again, as
    /// when a section's content is read, is cited once.
    private mutating func citeNotes(in element: XElement, path: String) {
        for (child, step) in element.elementSteps() {
            let childPath = path + "/" + step
            guard ODF.is(child, ODF.text, "note") else {
                citeNotes(in: child, path: childPath)
                continue
            }
            guard let body = child.child("note-body", namespace: ODF.text) else { continue }
            let kind: NoteKind = child.attribute("note-class", namespace: ODF.text) == "endnote" ? .endnote : .footnote
            citations.cite(kind, childPath, page: page)
            noteBodies[childPath] = DeferredElement(element: body, path: childPath + "/" + body.qualifiedName)
        }
    }

    /// The cited notes' text, after the body, each on the page of its citation.
    mutating func readNotes() {
        let cited = citations.readingOrder
        citations = NoteCitations()
        for citation in cited {
            guard let body = noteBodies[citation.key] else { continue }
            page = citation.page
            container(body.element, path: body.path)
        }
    }

    private mutating func startPage(_ paragraph: XElement) {
        if styles.breaksPage(paragraph.attribute("style-name", namespace: ODF.text)), !items.isEmpty { page += 1 }
    }

    /// Each list item's paragraphs are one list item; nested lists give items of their own.
    private mutating func list(_ list: XElement, path: String) {
        for (item, step) in list.elementSteps() where ODF.is(item, ODF.text, "list-item") || ODF.is(item, ODF.text, "list-header") {
            let itemPath = path + "/" + step
            var text = InlineText()
            var nested: [(XElement, String)] = []
            for (child, childStep) in item.elementSteps() {
                if ODF.is(child, ODF.text, "p") || ODF.is(child, ODF.text, "h") {
                    collect(child, bold: paragraphBold(child), into: &text)
                    text.lineBreak()
                } else if ODF.is(child, ODF.text, "list") {
                    nested.append((child, itemPath + "/" + childStep))
                }
            }
            items += maker.listItem(text, source: source(itemPath), page: page).map(ContentItem.block)
            for (child, childPath) in nested { self.list(child, path: childPath) }
        }
    }

    private func paragraphBold(_ paragraph: XElement) -> Bool {
        styles.isBold(paragraph.attribute("style-name", namespace: ODF.text)) ?? false
    }

    private func inline(_ paragraph: XElement) -> InlineText {
        var text = InlineText()
        collect(paragraph, bold: paragraphBold(paragraph), into: &text)
        return text
    }

    /// Text of a paragraph: spans (bold from their style), links, `text:s` spaces, tabs, line breaks; notes,
    /// annotations and frames left out.
    private func collect(_ element: XElement, bold: Bool, into text: inout InlineText) {
        for node in element.children {
            switch node {
            case .text(let string):
                text.append(string, bold: bold)
            case .element(let child):
                guard child.namespace == ODF.text else { continue }
                switch child.name {
                case "span", "a":
                    collect(child, bold: styles.isBold(child.attribute("style-name", namespace: ODF.text)) ?? bold, into: &text)
                case "s":
                    let count = child.attribute("c", namespace: ODF.text).flatMap { Int($0) } ?? 1
                    text.append(String(repeating: " ", count: min(max(count, 1), 100)), bold: bold)
                case "tab": text.append(" ", bold: bold)
                case "line-break": text.lineBreak()
                case "note", "annotation": continue
                default: collect(child, bold: bold, into: &text)
                }
            }
        }
    }

    /// A table and, after it, the tables in its cells (`NestedTables`); a layout table's cells read as the text.
    private mutating func table(_ table: XElement, path: String) {
        var rowElements: [DeferredElement] = []
        collectRows(of: table, path: path, into: &rowElements)
        let rows = rowElements.map { row in (row: row, cells: Self.cells(of: row)) }
        if NestedTables.isLayoutTable(Self.shape(rows)) {
            for row in rows { for cell in row.cells { container(cell.element, path: cell.path) } }
            return
        }
        var grid = GridBuilder()
        var inner: [DeferredElement] = []
        for (row, cells) in rows {
            let texts = cells.map { cell in cell.element.name == "covered-table-cell" ? "" : cellText(cell, tables: &inner) }
            let repeated = row.element.attribute("number-rows-repeated", namespace: ODF.table).flatMap { Int($0) } ?? 1
            // Repeated rows are one element: they share its location.
            for _ in 0..<min(max(repeated, 1), Self.maxRepeat) { addRow(cells, texts: texts, source: source(row.path), into: &grid) }
        }
        let (placed, places) = grid.placedGrid()
        let trimmed = Self.trimmingEmptyTrailingColumns(placed)
        if !trimmed.isEmpty {
            items.append(.table(Table(page: page, bbox: .zeroBox, rows: trimmed, method: markupTableMethod, source: source(path),
                                      rowPlaces: places)))
        }
        for nested in inner { self.table(nested.element, path: nested.path) }
    }

    /// For `NestedTables.isLayoutTable`: the rows and cells as they are laid out, repeated ones repeated (twice at
    /// most: enough to tell one row or column from more).
    private static func shape(_ rows: [(row: DeferredElement, cells: [DeferredElement])]) -> [[Bool]] {
        func times(_ element: XElement, _ attribute: String) -> Int {
            min(max(element.attribute(attribute, namespace: ODF.table).flatMap { Int($0) } ?? 1, 1), 2)
        }
        return rows.flatMap { row, cells in
            let shape = cells.flatMap { cell in Array(repeating: holdsTable(cell.element), count: times(cell.element, "number-columns-repeated")) }
            return Array(repeating: shape, count: times(row.element, "number-rows-repeated"))
        }
    }

    /// The table's rows, row groups unwrapped, each with its location.
    private func collectRows(of element: XElement, path: String, into rows: inout [DeferredElement]) {
        for (child, step) in element.elementSteps() where child.namespace == ODF.table {
            switch child.name {
            case "table-header-rows", "table-rows", "table-row-group": collectRows(of: child, path: path + "/" + step, into: &rows)
            case "table-row": rows.append(DeferredElement(element: child, path: path + "/" + step))
            default: continue
            }
        }
    }

    /// A row's cells, covered ones included, with their locations.
    private static func cells(of row: DeferredElement) -> [DeferredElement] {
        row.element.elementSteps().filter {
            ODF.is($0.element, ODF.table, "table-cell") || ODF.is($0.element, ODF.table, "covered-table-cell")
        }.map { DeferredElement(element: $0.element, path: row.path + "/" + $0.step) }
    }

    /// Whether a table lies below `element` (in it or in a section), not counting tables in paragraphs' frames.
    static func holdsTable(_ element: XElement) -> Bool {
        element.elements.contains { ODF.is($0, ODF.table, "table") || (ODF.is($0, ODF.text, "section") && holdsTable($0)) }
    }

    /// A spanned cell is followed in the markup by the `table:covered-table-cell`s it covers: each element is one
    /// slot, its text in the first, "" in the covered ones.
    private func addRow(_ cells: [DeferredElement], texts: [String], source: String, into grid: inout GridBuilder) {
        grid.startRow(at: RowPlace(page: page, source: source))
        for (cell, text) in zip(cells, texts) {
            let repeated = cell.element.attribute("number-columns-repeated", namespace: ODF.table).flatMap { Int($0) } ?? 1
            for _ in 0..<min(max(repeated, 1), Self.maxRepeat) { grid.addCell(text) }
        }
    }

    /// A cell's paragraphs, headings and lists; the tables in it (directly or in a section) are handed back in
    /// `tables`, to be read after the table holding them.
    private func cellText(_ cell: DeferredElement, tables: inout [DeferredElement]) -> String {
        var text = InlineText()
        collectCellText(cell.element, path: cell.path, into: &text, tables: &tables)
        return text.text()
    }

    private func collectCellText(_ element: XElement, path: String, into text: inout InlineText, tables: inout [DeferredElement]) {
        for (child, step) in element.elementSteps() {
            if ODF.is(child, ODF.text, "p") || ODF.is(child, ODF.text, "h") || ODF.is(child, ODF.text, "list") {
                if isFurniture && OdtReader.holdsPageNumber(child) { continue }
                collect(child, bold: false, into: &text)
                text.lineBreak()
            } else if ODF.is(child, ODF.table, "table") {
                tables.append(DeferredElement(element: child, path: path + "/" + step))
            } else if ODF.is(child, ODF.text, "section") {
                collectCellText(child, path: path + "/" + step, into: &text, tables: &tables)
            }
        }
    }

    static func trimmingEmptyTrailingColumns(_ rows: [[String]]) -> [[String]] {
        let width = rows.map { row in (row.lastIndex { !$0.isEmpty } ?? -1) + 1 }.max() ?? 0
        return rows.map { Array($0.prefix(width)) }
    }
}
