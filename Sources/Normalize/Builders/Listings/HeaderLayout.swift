import Core

/// The header of a listing table: for each column its label as written (a parent label spanning several
/// columns joined to the label under it: "Indicatori di probabilità Interesse esterno") and the fields of one
/// record type the label names. A merged header cell ("Tit Piano Fin. 118/11 Capitolo Descrizione", two
/// columns the extraction did not separate) names several fields, in order.
struct HeaderLayout: Equatable {
    struct Column: Equatable {
        /// The label as written, a spanning parent label first.
        var label: String
        var fields: [String]
        /// The column's own label, without its spanning parent.
        var ownLabel: String

        init(label: String, fields: [String], ownLabel: String? = nil) {
            self.label = label
            self.fields = fields
            self.ownLabel = ownLabel ?? label
        }
    }

    var columns: [Column]
    /// Table rows the header takes (1 or 2).
    var rowCount: Int

    var columnCount: Int { columns.count }

    /// Every field the header names, in column order.
    var fields: [String] { columns.flatMap(\.fields) }

    /// The first column naming `field`.
    func column(of field: String) -> Int? { columns.firstIndex { $0.fields.contains(field) } }

    /// The header starting at `rows[start]`, when that row has no number and names at least `minimumFields`
    /// fields of `type`; a second row of labels under it (under spanning or empty cells) is joined to it.
    static func read(_ rows: [[String]], at start: Int, type: RecordType, context: DocumentContext,
                     minimumFields: Int) -> HeaderLayout? {
        guard start < rows.count, isLabelRow(rows[start], values: context.values) else { return nil }
        var labels = rows[start].map(ListingCells.clean)
        var ownLabels = labels
        var rowCount = 1
        if start + 1 < rows.count, isSubHeader(rows[start + 1], under: rows[start], values: context.values) {
            labels = joined(parent: rows[start], child: rows[start + 1])
            ownLabels = zip(labels.indices, labels).map { index, label in
                let own = index < rows[start + 1].count ? ListingCells.clean(rows[start + 1][index]) : ""
                return own.isEmpty ? label : own
            }
            rowCount = 2
        }
        let columns = zip(labels, ownLabels).map { label, own in
            Column(label: label, fields: fields(of: label, type: type, labels: context.labels), ownLabel: own)
        }
        let layout = HeaderLayout(columns: columns, rowCount: rowCount)
        return layout.fields.count >= minimumFields ? layout : nil
    }

    /// A row of labels: something written, no number.
    static func isLabelRow(_ row: [String], values: ValueParser) -> Bool {
        let filled = ListingCells.filled(row)
        return filled.count >= 2 && !filled.contains { ListingCells.isNumber($0, values: values) }
    }

    /// Labels under a header row: no numbers, and some written under an empty (spanned) cell of the row above.
    static func isSubHeader(_ row: [String], under parent: [String], values: ValueParser) -> Bool {
        guard isLabelRow(row, values: values) else { return false }
        return row.indices.contains { index in
            !ListingCells.isEmpty(row[index]) && (index >= parent.count || ListingCells.isEmpty(parent[index]))
        }
    }

    /// Each column's parent label (carried right over the empty cells it spans) joined to its own.
    static func joined(parent: [String], child: [String]) -> [String] {
        var labels: [String] = []
        var carried = ""
        for index in 0..<max(parent.count, child.count) {
            let top = index < parent.count ? ListingCells.clean(parent[index]) : ""
            let bottom = index < child.count ? ListingCells.clean(child[index]) : ""
            if !top.isEmpty { carried = top } else if bottom.isEmpty { carried = "" }
            labels.append([carried, bottom].filter { !$0.isEmpty }.joined(separator: " "))
        }
        return labels
    }

    /// The fields a header cell names: the whole label when it matches, else the run of labels it is made of.
    static func fields(of label: String, type: RecordType, labels: LabelMatcher) -> [String] {
        guard !label.isEmpty else { return [] }
        if let whole = labels.match(label, in: type), case .exact = whole.quality { return [whole.field] }
        let segments = segmentedFields(label, type: type, labels: labels)
        if segments.count >= 2 { return segments }
        if let whole = labels.match(label, in: type) { return [whole.field] }
        return segments
    }

    /// Splits a label into the longest runs of words that are labels of `type`, left to right; words that
    /// start no label stay with the run before them.
    static func segmentedFields(_ label: String, type: RecordType, labels: LabelMatcher) -> [String] {
        let words = label.split(separator: " ").map(String.init)
        var fields: [String] = []
        var start = 0
        while start < words.count {
            var found: (field: String, end: Int)?
            for end in stride(from: words.count, to: start, by: -1) {
                let run = words[start..<end].joined(separator: " ")
                if let match = labels.match(run, in: type), case .exact = match.quality {
                    found = (match.field, end)
                    break
                }
            }
            if let found {
                fields.append(found.field)
                start = found.end
            } else {
                start += 1
            }
        }
        return fields
    }
}
