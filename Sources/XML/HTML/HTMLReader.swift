import Core
import Foundation

/// XHTML and HTML (tag soup, as libxml2's HTML parser repairs it) → blocks and tables in document order.
/// Headings h1–h6, paragraphs (and text standing loose in containers), list items, "**Label:** value" lines,
/// `dt`/`dd` pairs as label_value, tables with colspan/rowspan on a grid, tables in cells after their table
/// (`NestedTables`). Scripts, styles, navigation and page-level header and footer are left out.
public struct HTMLReader: Sendable {
    public init() {}

    public func content(of root: XElement) -> MarkupContent {
        var walk = HTMLWalk()
        walk.element(root, path: "/" + root.qualifiedName, context: .init())
        walk.flush()
        return MarkupContent(items: walk.items)
    }
}

enum HTMLVocabulary {
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "nav", "head", "iframe", "object", "svg",
                                       "select", "button", "canvas", "map", "audio", "video"]
    static let sectioning: Set<String> = ["article", "main", "section"]
    static let pageChrome: Set<String> = ["header", "footer"]
    static let lists: Set<String> = ["ul", "ol", "menu"]
    static let bold: Set<String> = ["b", "strong"]
    /// Elements that end the text before them and start new text (everything else is inline).
    static let blockLevel: Set<String> = ["html", "body", "div", "section", "article", "main", "aside", "blockquote", "figure",
                                          "figcaption", "center", "form", "fieldset", "legend", "address", "details", "summary",
                                          "pre", "hr", "header", "footer", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                                          "menu", "li", "table", "dl", "dt", "dd", "caption", "tr", "td", "th", "thead", "tbody",
                                          "tfoot"]

    static func headingLevel(_ name: String) -> Int? {
        guard name.count == 2, name.first == "h", let digit = name.last?.wholeNumberValue, (1...6).contains(digit) else { return nil }
        return digit
    }

    static func isHidden(_ element: XElement) -> Bool {
        element.attribute("hidden") != nil || element.attribute("role")?.lowercased() == "navigation"
            || element.attribute("aria-hidden")?.lowercased() == "true"
            || (element.attribute("style")?.lowercased().replacingSpaces.contains("display:none") ?? false)
    }

    static func isBold(_ element: XElement) -> Bool {
        if bold.contains(element.name.lowercased()) { return true }
        guard let style = element.attribute("style")?.lowercased().replacingSpaces else { return false }
        return style.contains("font-weight:bold") || style.contains("font-weight:700") || style.contains("font-weight:800")
            || style.contains("font-weight:900")
    }
}

extension String {
    var replacingSpaces: String { filter { !$0.isWhitespace } }
}

/// One pass over the element tree, collecting loose text into paragraphs between block-level elements.
struct HTMLWalk {
    struct Context {
        var bold = false
        /// Inside article, main or section: a header or footer there is content, not page chrome.
        var inSection = false
    }

    private(set) var items: [ContentItem] = []
    private var pending = InlineText()
    private var pendingSource: String?
    private let maker = BlockMaker()

    mutating func element(_ element: XElement, path: String, context: Context) {
        let name = element.name.lowercased()
        if HTMLVocabulary.skipped.contains(name) || HTMLVocabulary.isHidden(element) { return }
        if HTMLVocabulary.pageChrome.contains(name), !context.inSection { return }
        var context = context
        if HTMLVocabulary.sectioning.contains(name) { context.inSection = true }
        if HTMLVocabulary.isBold(element) { context.bold = true }

        if let level = HTMLVocabulary.headingLevel(name) {
            flush()
            items += maker.heading(inline(of: element, context: context), level: level, source: path, page: 1).map(ContentItem.block)
        } else if name == "p" {
            flush()
            items += maker.paragraph(inline(of: element, context: context), source: path, page: 1).map(ContentItem.block)
        } else if name == "li" {
            listItem(element, path: path, context: context)
        } else if name == "table" {
            flush()
            table(element, path: path, context: context)
        } else if name == "dl" {
            flush()
            definitions(element, path: path, context: context)
        } else if name == "br" {
            pending.lineBreak()
        } else if HTMLVocabulary.blockLevel.contains(name) {
            flush()
            children(of: element, path: path, context: context)
            flush()
        } else {
            children(of: element, path: path, context: context)
        }
    }

    /// Loose text of the element at `path`.
    mutating func text(_ text: String, path: String, context: Context) {
        if pending.isBlank, !text.allSatisfy(\.isWhitespace) { pendingSource = path }
        pending.append(text, bold: context.bold)
    }

    /// The items made so far, handed over and forgotten (the streaming reader passes them on as they come).
    mutating func drain() -> [ContentItem] {
        defer { items.removeAll(keepingCapacity: true) }
        return items
    }

    private mutating func children(of element: XElement, path: String, context: Context) {
        var steps = element.elementSteps().makeIterator()
        for node in element.children {
            switch node {
            case .text(let text):
                self.text(text, path: path, context: context)
            case .element:
                guard let (child, step) = steps.next() else { continue }
                self.element(child, path: path + "/" + step, context: context)
            }
        }
    }

    /// Loose text collected so far becomes paragraph (or label_value) blocks.
    mutating func flush() {
        defer { pending = InlineText(); pendingSource = nil }
        guard !pending.isBlank, let source = pendingSource else { return }
        items += maker.paragraph(pending, source: source, page: 1).map(ContentItem.block)
    }

    /// An li's own text is one list item; lists nested in it are items of their own, after it.
    private mutating func listItem(_ element: XElement, path: String, context: Context) {
        flush()
        var nested: [(XElement, String)] = []
        let text = inline(of: element, context: context, path: path, deferring: HTMLVocabulary.lists.union(["table"]), into: &nested)
        items += maker.listItem(text, source: path, page: 1).map(ContentItem.block)
        for (child, childPath) in nested { self.element(child, path: childPath, context: context) }
    }

    private mutating func definitions(_ element: XElement, path: String, context: Context) {
        var label: (text: String, path: String)?
        for (child, step) in element.elementSteps() {
            let name = child.name.lowercased(), childPath = path + "/" + step
            if name == "dt" {
                label = (inline(of: child, context: context).text(), childPath)
            } else if name == "dd" {
                let value = inline(of: child, context: context).text()
                if let term = label, !term.text.isEmpty {
                    var block = Block(kind: .labelValue, page: 1, bbox: .zeroBox, text: term.text + ": " + value,
                                      fontSize: 0, isBold: false, source: term.path)
                    block.label = term.text.hasSuffix(":") ? String(term.text.dropLast()) : term.text
                    block.value = value
                    items.append(.block(block))
                } else if let block = maker.paragraph(inline(of: child, context: context), source: childPath, page: 1).first {
                    items.append(.block(block))
                }
                label = nil
            } else {
                self.element(child, path: childPath, context: context)
            }
        }
    }

    /// A table (its caption a paragraph before it) and, after it, the tables in its cells (`NestedTables`); a
    /// layout table's cells are read as the page's content.
    private mutating func table(_ element: XElement, path: String, context: Context) {
        var rows: [DeferredElement] = []
        for (child, step) in element.elementSteps() {
            let name = child.name.lowercased()
            if name == "caption" {
                items += maker.paragraph(inline(of: child, context: context), source: path + "/" + step, page: 1).map(ContentItem.block)
            } else if name == "tr" {
                rows.append(DeferredElement(element: child, path: path + "/" + step))
            } else if ["thead", "tbody", "tfoot"].contains(name) {
                for (row, rowStep) in child.elementSteps() where row.name.lowercased() == "tr" {
                    rows.append(DeferredElement(element: row, path: path + "/" + step + "/" + rowStep))
                }
            }
        }
        let cells = rows.map(Self.cells)
        if NestedTables.isLayoutTable(cells.map { $0.map { Self.holdsTable($0.element) } }) {
            for cell in cells.joined() { self.element(cell.element, path: cell.path, context: context) }
            return
        }
        var grid = GridBuilder()
        var inner: [DeferredElement] = []
        for (row, rowCells) in zip(rows, cells) {
            grid.startRow(at: RowPlace(page: 1, source: row.path))
            for cell in rowCells {
                let span = { (name: String) in Int(cell.element.attribute(name)?.trimmingCharacters(in: .whitespaces) ?? "") ?? 1 }
                grid.addCell(cellText(cell, context: context, tables: &inner), columns: span("colspan"), rows: span("rowspan"))
            }
        }
        let (placed, places) = grid.placedGrid()
        if !placed.isEmpty {
            items.append(.table(Table(page: 1, bbox: .zeroBox, rows: placed, method: markupTableMethod, source: path, rowPlaces: places)))
        }
        for nested in inner { self.element(nested.element, path: nested.path, context: context) }
    }

    /// A row's cells with their locations.
    private static func cells(of row: DeferredElement) -> [DeferredElement] {
        row.element.elementSteps().filter { ["td", "th"].contains($0.element.name.lowercased()) }.map {
            DeferredElement(element: $0.element, path: row.path + "/" + $0.step)
        }
    }

    /// Whether a table lies below `element` (tables in it not counted twice).
    static func holdsTable(_ element: XElement) -> Bool {
        element.elements.contains { $0.name.lowercased() == "table" || holdsTable($0) }
    }

    /// A cell's text; the tables in it are handed back in `tables`, to be read after the table holding them.
    private func cellText(_ cell: DeferredElement, context: Context, tables: inout [DeferredElement]) -> String {
        var deferred: [(XElement, String)] = []
        let text = inline(of: cell.element, context: context, path: cell.path, deferring: ["table"], into: &deferred).text()
        tables += deferred.map { DeferredElement(element: $0.0, path: $0.1) }
        return text
    }

    private func inline(of element: XElement, context: Context) -> InlineText {
        var ignored: [(XElement, String)] = []
        return inline(of: element, context: context, path: "", deferring: [], into: &ignored)
    }

    /// Every text below `element` as inline runs: br and nested paragraphs break lines; elements named in
    /// `deferring` are left out and handed back (with their paths) to be read after.
    private func inline(of element: XElement, context: Context, path: String, deferring: Set<String>,
                        into deferred: inout [(XElement, String)]) -> InlineText {
        var text = InlineText()
        collect(element, context: context, path: path, deferring: deferring, into: &text, deferred: &deferred)
        return text
    }

    private func collect(_ element: XElement, context: Context, path: String, deferring: Set<String>,
                         into text: inout InlineText, deferred: inout [(XElement, String)]) {
        var steps = element.elementSteps().makeIterator()
        for node in element.children {
            switch node {
            case .text(let string):
                text.append(string, bold: context.bold)
            case .element:
                guard let (child, step) = steps.next() else { continue }
                let name = child.name.lowercased(), childPath = path + "/" + step
                if HTMLVocabulary.skipped.contains(name) || HTMLVocabulary.isHidden(child) { continue }
                if deferring.contains(name) { deferred.append((child, childPath)); continue }
                if name == "br" { text.lineBreak(); continue }
                var inner = context
                if HTMLVocabulary.isBold(child) { inner.bold = true }
                let breaks = HTMLVocabulary.blockLevel.contains(name)
                if breaks { text.lineBreak() }
                collect(child, context: inner, path: childPath, deferring: deferring, into: &text, deferred: &deferred)
                if breaks { text.lineBreak() }
            }
        }
    }
}
