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

    /// A new record of `type` whose id comes from `key` (a natural key such as the objective code plus its
    /// title) or, without one, from the type's running ordinal in the document.
    public mutating func newRecord(_ type: RecordType, key: String? = nil, at itemIndex: Int, rowIndex: Int? = nil,
                                   endPage: Int? = nil) -> Record {
        let ordinal = ordinals[type, default: 0]
        ordinals[type] = ordinal + 1
        let idKey = key.map { "key:" + $0 } ?? "ordinal:\(ordinal)"
        let item = items[itemIndex]
        var tableIndex: Int?
        var pageEnd = endPage ?? item.page
        if case .table(let index, let table) = item {
            tableIndex = index
            pageEnd = endPage ?? table.pageEnd
        }
        // Markup items have a location instead of geometry.
        let source = Provenance(page: item.page, pageEnd: pageEnd, tableIndex: tableIndex, rowIndex: rowIndex,
                                bbox: item.source == nil ? item.bbox : nil, xpath: item.source, sectionPath: sectionPaths[itemIndex])
        return Record(type: type, id: Hashing.recordID(document: document.sha256, type: type, key: idKey),
                      document: document, source: source)
    }

    /// Headings open a section at their level and close every deeper one.
    static func sectionPaths(of items: [DocumentItem]) -> [[String]] {
        var stack: [(level: Int, title: String)] = []
        var paths: [[String]] = []
        for item in items {
            paths.append(stack.map(\.title))
            if case .block(let block) = item, block.kind == .heading {
                let level = block.level ?? 3
                stack.removeAll { $0.level >= level }
                stack.append((level, block.text))
            }
        }
        return paths
    }
}

/// Turns the items of one layout into records, claiming the items it used.
public protocol RecordBuilder {
    func build(in context: inout DocumentContext) -> [Record]
}
