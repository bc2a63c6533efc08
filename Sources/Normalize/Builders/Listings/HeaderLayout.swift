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
    /// fields of `type`. A header may take several rows (`HeaderSettings.maximumRows`): labels stacked on two
    /// or three lines ("Previsione" over "iniziale") and grouped labels ("Previsione" spanning "iniziale |
    /// attuale") are composed into each column's full label before the labels are matched.
    static func read(_ rows: [[String]], at start: Int, type: RecordType, context: DocumentContext,
                     minimumFields: Int, settings: HeaderSettings = HeaderSettings()) -> HeaderLayout? {
        guard start < rows.count, isLabelRow(rows[start], values: context.values) else { return nil }
        let band = headerBand(rows, at: start, type: type, context: context, settings: settings)
        let columns = zip(band.labels, band.ownLabels).map { label, own in
            Column(label: label, fields: fields(of: label, type: type, labels: context.labels), ownLabel: own)
        }
        let layout = HeaderLayout(columns: columns, rowCount: band.rowCount)
        return layout.fields.count >= minimumFields ? layout : nil
    }

    /// Tunables of header reading.
    struct HeaderSettings {
        /// Most table rows one header takes.
        var maximumRows = 3
    }

    /// Most words a header label has ("Tit Piano Fin. 118/11 Capitolo Descrizione", two merged cells, has 7):
    /// a longer cell is a row of text, and is not matched word run by word run.
    static let maximumLabelWords = 12

    static func isShortLabel(_ cell: String) -> Bool {
        var words = 0
        for part in cell.split(separator: " ") where !part.isEmpty {
            words += 1
            if words > maximumLabelWords { return false }
        }
        return true
    }

    /// Composed labels of the rows a header takes, the labels of its last row alone, and how many rows.
    struct Band {
        var labels: [String]
        var ownLabels: [String]
        var rowCount: Int
    }

    /// The header's rows: the first label row, then each following row of labels that either sits under empty
    /// (spanned) cells of the rows above or makes more columns name a field once composed.
    static func headerBand(_ rows: [[String]], at start: Int, type: RecordType, context: DocumentContext,
                           settings: HeaderSettings) -> Band {
        var band = Band(labels: rows[start].map(ListingCells.clean), ownLabels: rows[start].map(ListingCells.clean), rowCount: 1)
        while band.rowCount < settings.maximumRows, start + band.rowCount < rows.count {
            let next = rows[start + band.rowCount]
            guard isHeaderContinuation(next, values: context.values) else { break }
            let composed = compose(parent: band.labels, child: next, type: type, labels: context.labels)
            let structural = isSubHeader(next, under: band.labels, values: context.values)
            let lexical = naming(composed, type: type, labels: context.labels) > naming(band.labels, type: type, labels: context.labels)
            guard structural || lexical else { break }
            band.ownLabels = zip(composed.indices, composed).map { index, label in
                let own = index < next.count ? ListingCells.clean(next[index]) : ""
                return own.isEmpty ? label : own
            }
            band.labels = composed
            band.rowCount += 1
        }
        return band
    }

    /// A row of labels: something written, no number.
    static func isLabelRow(_ row: [String], values: ValueParser) -> Bool {
        let filled = ListingCells.filled(row)
        return filled.count >= 2 && filled.allSatisfy(isShortLabel) && !filled.contains { ListingCells.isNumber($0, values: values) }
    }

    /// A row that may continue a header: labels without numbers, not a title row over the whole table.
    static func isHeaderContinuation(_ row: [String], values: ValueParser) -> Bool {
        let filled = ListingCells.filled(row)
        return !filled.isEmpty && !ListingCells.isTitleRow(row) && filled.allSatisfy(isShortLabel)
            && !filled.contains { ListingCells.isNumber($0, values: values) }
    }

    /// Labels under a header row: no numbers, and some written under an empty (spanned) cell of the row above.
    static func isSubHeader(_ row: [String], under parent: [String], values: ValueParser) -> Bool {
        guard isHeaderContinuation(row, values: values) else { return false }
        return row.indices.contains { index in
            !ListingCells.isEmpty(row[index]) && (index >= parent.count || ListingCells.isEmpty(parent[index]))
        }
    }

    /// How well labels name fields: different fields named, then columns naming a field, then columns whose
    /// whole label is a label.
    static func naming(_ labels: [String], type: RecordType, labels matcher: LabelMatcher) -> Naming {
        var naming = Naming()
        var distinct = Set<String>()
        for label in labels where !label.isEmpty {
            let named = fields(of: label, type: type, labels: matcher)
            distinct.formUnion(named)
            if !named.isEmpty { naming.named += 1 }
            if isExactLabel(label, type: type, labels: matcher) { naming.exact += 1 }
        }
        naming.distinct = distinct.count
        return naming
    }

    struct Naming: Comparable {
        var distinct = 0
        var named = 0
        var exact = 0
        static func < (a: Naming, b: Naming) -> Bool { (a.distinct, a.named, a.exact) < (b.distinct, b.named, b.exact) }
    }

    static func isExactLabel(_ label: String, type: RecordType, labels: LabelMatcher) -> Bool {
        labels.exactMatch(label, in: type) != nil
    }

    /// Each column's label over the row under it. A column's own text goes under its label ("Previsione" +
    /// "iniziale"); a label over empty cells to its right spans them and is carried over their labels
    /// ("Previsione" over "iniziale | attuale"), except onto a label that names a field alone and would not
    /// with the carried label before it ("Piano Fin." does not span "Capitolo").
    static func compose(parent: [String], child: [String], type: RecordType, labels: LabelMatcher) -> [String] {
        var composed: [String] = []
        var carried = ""
        for index in 0..<max(parent.count, child.count) {
            let top = index < parent.count ? ListingCells.clean(parent[index]) : ""
            let bottom = index < child.count ? ListingCells.clean(child[index]) : ""
            if !top.isEmpty {
                carried = top
                composed.append(WrappedText.join(top, bottom))
            } else if bottom.isEmpty {
                carried = ""
                composed.append("")
            } else if !carried.isEmpty, spans(carried, over: bottom, type: type, labels: labels) {
                composed.append(WrappedText.join(carried, bottom))
            } else {
                carried = ""
                composed.append(bottom)
            }
        }
        return composed
    }

    private static func spans(_ parent: String, over label: String, type: RecordType, labels: LabelMatcher) -> Bool {
        !isExactLabel(label, type: type, labels: labels) || isExactLabel(WrappedText.join(parent, label), type: type, labels: labels)
    }

    /// The fields a header cell names: the whole label when it matches, else the run of labels it is made of.
    static func fields(of label: String, type: RecordType, labels: LabelMatcher) -> [String] {
        guard !label.isEmpty else { return [] }
        if let whole = labels.exactMatch(label, in: type) { return [whole.field] }
        let segments = segmentedFields(label, type: type, labels: labels)
        if segments.count >= 2 { return segments }
        if let whole = labels.match(label, in: type) { return [whole.field] }
        return segments
    }

    /// Splits a label into the longest runs of words that are labels of `type`, left to right; words that
    /// start no label stay with the run before them.
    static func segmentedFields(_ label: String, type: RecordType, labels: LabelMatcher) -> [String] {
        let words = label.split(separator: " ")
        guard words.count <= maximumLabelWords else { return [] }
        var fields: [String] = []
        var start = 0
        while start < words.count {
            var found: (field: String, end: Int)?
            for end in stride(from: words.count, to: start, by: -1) {
                if let match = labels.exactMatch(run: words[start..<end], in: type) {
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
