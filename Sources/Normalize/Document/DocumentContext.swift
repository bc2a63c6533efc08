import Core

/// What record builders share while reading one document: its items in reading order, the section each
/// item sits in, the label and value knowledge, and which items a builder has already turned into records
/// (so that every table nobody claimed still becomes a generic `table` record).
public struct DocumentContext {
    public let document: DocumentInfo
    public let items: [DocumentItem]
    public let labels: LabelMatcher
    public let values: ValueParser
    /// The headings above each item, outermost first.
    public let sectionPaths: [[String]]
    public private(set) var claimed = Set<Int>()
    private var ordinals: [RecordType: Int] = [:]
    private var keyUses: [RecordType: [String: Int]] = [:]

    public init(document: DocumentInfo, items: [DocumentItem], labels: LabelMatcher, values: ValueParser) {
        self.document = document
        self.items = items
        self.labels = labels
        self.values = values
        self.sectionPaths = DocumentContext.sectionPaths(of: items)
    }

    /// Marks items as turned into records.
    public mutating func claim(_ indices: [Int]) { claimed.formUnion(indices) }
    public mutating func claim(_ index: Int) { claimed.insert(index) }
    public func isClaimed(_ index: Int) -> Bool { claimed.contains(index) }

    /// `key` as it is first used for `type` in the document, then numbered ("…|2", "…|3"): records alike (two
    /// posts of one title) keep distinct keys that do not depend on where their tables are.
    public mutating func numbered(_ key: String, for type: RecordType) -> String {
        let uses = keyUses[type, default: [:]][key, default: 0] + 1
        keyUses[type, default: [:]][key] = uses
        return uses == 1 ? key : key + "|\(uses)"
    }

    /// A new record of `type` whose id and key come from `key` (a natural key such as the objective code plus its
    /// title) or, without one, from the type's running ordinal in the document; `rows`: the rows of the item's
    /// table it is read from, whose page and box become the record's.
    public mutating func newRecord(_ type: RecordType, key: String? = nil, at itemIndex: Int, rows: RowExtent? = nil,
                                   endPage: Int? = nil) -> Record {
        let ordinal = ordinals[type, default: 0]
        ordinals[type] = ordinal + 1
        let naturalKey = key.map { "key:" + $0 } ?? "ordinal:\(ordinal)"
        let source = provenance(at: itemIndex, rows: rows, endPage: endPage)
        return Record(type: type, naturalKey: naturalKey, document: document, source: source)
    }

    /// Where a record read from an item is: the item's page and box (markup items: their location instead), or its
    /// rows' when it comes from rows of a table that knows where its rows are.
    private func provenance(at itemIndex: Int, rows: RowExtent?, endPage: Int?) -> Provenance {
        let item = items[itemIndex]
        let isMarkup = item.source != nil
        var source = Provenance(page: item.page, pageEnd: endPage ?? item.page, rowIndex: rows?.first,
                                bbox: isMarkup ? nil : item.bbox, xpath: item.source, sectionPath: sectionPaths[itemIndex])
        guard case .table(let index, let table) = item else { return source }
        source.tableIndex = index
        source.pageEnd = endPage ?? table.pageEnd
        guard let rows, let first = table.place(ofRow: rows.first) else { return source }
        source.page = first.page
        source.pageEnd = max(endPage ?? first.page, first.page)
        if !isMarkup { source.bbox = table.box(ofRows: rows.indices(in: table)) ?? source.bbox }
        if case .row = rows { source.xpath = first.source ?? item.source }
        return source
    }

    /// Headings open a section at their level and close every deeper one, and every one of their level not set
    /// larger: a heading set visibly smaller than one of its level above it (a unit's "Responsabile …" under the
    /// unit's name, both in the same size band) opens a section inside it.
    static func sectionPaths(of items: [DocumentItem]) -> [[String]] {
        var stack: [(level: Int, size: Double, title: String)] = []
        var paths: [[String]] = []
        for item in items {
            paths.append(stack.map(\.title))
            if case .block(let block) = item, block.kind == .heading {
                let level = block.level ?? 3
                stack.removeAll { $0.level > level || ($0.level == level && $0.size < block.fontSize + smallerHeadingStep) }
                stack.append((level, block.fontSize, block.text))
            }
        }
        return paths
    }

    /// Points by which a heading is set smaller than one of its level to open a section inside it.
    static let smallerHeadingStep = 1.0
}

/// The rows of its table a record is read from.
public enum RowExtent {
    /// One row (a budget line, a risk, an indicator).
    case row(Int)
    /// Several rows, the first one named (the men and women rows a staff count adds up).
    case rows([Int])
    /// The rows from this one on (an objective sheet that starts in the table and runs on).
    case from(Int)

    /// The row named as the record's `row_index`.
    var first: Int {
        switch self {
        case .row(let row), .from(let row): return row
        case .rows(let rows): return rows.first ?? 0
        }
    }

    func indices(in table: Table) -> [Int] {
        switch self {
        case .row(let row): return [row]
        case .rows(let rows): return rows
        case .from(let row): return Array(row..<max(row, table.rows.count))
        }
    }
}

/// Turns the items of one layout into records, claiming the items it used.
public protocol RecordBuilder {
    func build(in context: inout DocumentContext) -> [Record]
}
