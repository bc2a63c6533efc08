/// A table recovered from a document: a rectangular grid of cell texts.
public struct Table: Hashable, Codable, Sendable {
    /// 1-based page the table starts on, and the page it ends on when it continues over several.
    public var page: Int
    public var pageEnd: Int
    /// Box on the first page.
    public var bbox: Rect
    /// Rows of cell strings; "" for an empty cell. A spanning cell's text stands in its first slot.
    public var rows: [[String]]
    /// How the grid was found: `lattice` (from rulings) or `stream` (from text alignment).
    public var method: String
    /// Where the table sits in a markup input (an XPath-like location such as
    /// `word/document.xml#/w:document/w:body/w:tbl[3]`); nil for PDF tables, and then not encoded.
    public var source: String?
    /// Where each row is, one place per row, in step with `rows`; empty when the reader did not say (a table
    /// written by hand, a dump made before rows had places).
    public var rowPlaces: [RowPlace]
    /// How far the table's text is turned on an upright page, in degrees counterclockwise (90: it reads bottom to
    /// top, 270: top to bottom); its rows and columns are those a reader of the turned page sees, its boxes stay
    /// in the page's coordinates. nil for an upright table, and then not encoded.
    public var rotation: Int?

    public init(page: Int, pageEnd: Int? = nil, bbox: Rect, rows: [[String]], method: String, source: String? = nil,
                rowPlaces: [RowPlace] = [], rotation: Int? = nil) {
        self.page = page
        self.pageEnd = pageEnd ?? page
        self.bbox = bbox
        self.rows = rows
        self.method = method
        self.source = source
        self.rowPlaces = rowPlaces
        self.rotation = rotation
    }

    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// Whether every row has its place.
    public var hasRowPlaces: Bool { !rows.isEmpty && rowPlaces.count == rows.count }

    /// The place of row `index`, when the table has the places of its rows.
    public func place(ofRow index: Int) -> RowPlace? {
        hasRowPlaces && rowPlaces.indices.contains(index) ? rowPlaces[index] : nil
    }

    /// The box of those of `indices` that are on the page of the first: where a record read from those rows is
    /// on the page it starts on.
    public func box(ofRows indices: [Int]) -> Rect? {
        guard let first = indices.first.flatMap(place(ofRow:)) else { return nil }
        let onPage = indices.compactMap(place(ofRow:)).filter { $0.page == first.page }
        return Rect.enclosing(onPage.compactMap(\.bbox))
    }

    /// Appends the rows of `continuation`, the part of this table on the next page, leaving out its first
    /// `skipped` rows (a repeated header); each row keeps its place.
    public mutating func append(continuation: Table, skipping skipped: Int) {
        let placed = hasRowPlaces && continuation.hasRowPlaces
        rows += continuation.rows.dropFirst(skipped)
        rowPlaces = placed ? rowPlaces + continuation.rowPlaces.dropFirst(skipped) : []
        pageEnd = continuation.pageEnd
    }
}

/// Where one row of a table is: its page, and its box (PDF) or its element (markup).
public struct RowPlace: Hashable, Codable, Sendable {
    public var page: Int
    /// The row's band across the table on its page; nil for markup rows, which have no geometry.
    public var bbox: Rect?
    /// Where the row element sits in a markup input (`word/document.xml#/w:document/w:body/w:tbl[3]/w:tr[2]`);
    /// nil for PDF rows.
    public var source: String?

    public init(page: Int, bbox: Rect? = nil, source: String? = nil) {
        self.page = page
        self.bbox = bbox
        self.source = source
    }
}

/// A block of text on a page: what a reader sees as one unit.
public struct Block: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case heading, paragraph, listItem = "list_item", labelValue = "label_value"
    }

    public var kind: Kind
    public var page: Int
    public var bbox: Rect
    public var text: String
    /// Heading depth (1 = top) for headings.
    public var level: Int?
    /// For `label_value` blocks: the label (without its colon) and the value.
    public var label: String?
    public var value: String?
    public var fontSize: Double
    public var isBold: Bool
    /// Where the block sits in a markup input (an XPath-like location such as `/html/body/p[2]`); nil for PDF
    /// blocks, and then not encoded.
    public var source: String?

    public init(kind: Kind, page: Int, bbox: Rect, text: String, level: Int? = nil, label: String? = nil,
                value: String? = nil, fontSize: Double, isBold: Bool, source: String? = nil) {
        self.kind = kind
        self.page = page
        self.bbox = bbox
        self.text = text
        self.level = level
        self.label = label
        self.value = value
        self.fontSize = fontSize
        self.isBold = isBold
        self.source = source
    }
}
