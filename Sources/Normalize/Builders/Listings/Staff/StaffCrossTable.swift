import Core

/// A staff table of counts with labels on both sides: categories or areas or offices across (possibly over
/// men / women: "A" over "U" "D"), employment or categories or men / women down ("Posti a tempo pieno",
/// "Uomini", "Donne", "Totale"). One record per row group and column group holding a number: men and women
/// are added up, total rows and columns are left out (they are sums of the others).
struct StaffCrossTable {
    private struct Facets: Hashable {
        var category: String?
        var area: String?
        var unit: String?
        var employment: String?
        var isGender = false
        var isTotal = false

        var isEmpty: Bool { category == nil && area == nil && unit == nil && employment == nil }
        var groupKey: String { [category, area, unit, employment].map { $0 ?? "" }.joined(separator: "|") }
    }

    private let table: Table
    private let header: HeaderLayout
    private let vocabulary: ListingVocabulary
    private let values: ValueParser

    init?(_ table: Table, vocabulary: ListingVocabulary, context: DocumentContext) {
        guard let header = HeaderLayout.read(table.rows, at: 0, type: .staff, context: context, minimumFields: 0),
              header.columnCount >= 2, table.rows.count > header.rowCount else { return nil }
        self.table = table
        self.header = header
        self.vocabulary = vocabulary
        self.values = context.values
    }

    func records(at index: Int, place: StaffPlace, context: inout DocumentContext) -> [Record] {
        let columnFacets = header.columns.dropFirst().map { facets(of: [$0.label, $0.ownLabel], own: $0.ownLabel, place: place) }
        let body = Array(table.rows.dropFirst(header.rowCount))
        let rowFacets = body.map { facets(of: [$0.first ?? ""], own: $0.first ?? "", place: place) }
        var records: [Record] = []
        for rowGroup in groups(rowFacets) {
            for columnGroup in groups(columnFacets) {
                let cells = rowGroup.members.flatMap { row in columnGroup.members.map { (row, $0 + 1) } }
                if let record = record(cells, body: body, rowFacets: rowGroup.facets, columnFacets: columnGroup.facets,
                                       at: index, place: place, context: &context) {
                    records.append(record)
                }
            }
        }
        return records
    }

    /// Members sharing their facets (men and women fall together), totals left out, in first-seen order.
    private func groups(_ facets: [Facets]) -> [(facets: Facets, members: [Int])] {
        var order: [String] = []
        var groups: [String: (facets: Facets, members: [Int])] = [:]
        for (member, facet) in facets.enumerated() where !facet.isTotal && (facet.isGender || !facet.isEmpty) {
            let key = facet.groupKey
            if groups[key] == nil { order.append(key); groups[key] = (facet, []) }
            groups[key]?.members.append(member)
        }
        // Columns of one group sit side by side ("A" over "U" "D"); the same label apart is an ambiguous header.
        return order.compactMap { groups[$0] }.filter { group in
            zip(group.members, group.members.dropFirst()).allSatisfy { $1 == $0 + 1 } || group.facets.isGender
        }
    }

    private func record(_ cells: [(row: Int, column: Int)], body: [[String]], rowFacets: Facets, columnFacets: Facets,
                        at index: Int, place: StaffPlace, context: inout DocumentContext) -> Record? {
        var count = ExactDecimal.zero
        var numbers = 0
        var raw: [(String, String)] = []
        for (row, column) in cells where column < body[row].count {
            let text = ListingCells.clean(body[row][column])
            guard !text.isEmpty else { continue }
            raw.append((ListingCells.clean(body[row][0]) + " / " + header.columns[column].label, text))
            if let number = values.parse(text).value.number, ListingCells.isNumber(text, values: values),
               let sum = count.adding(number) {
                count = sum
                numbers += 1
            }
        }
        guard numbers > 0, count > 0 else { return nil }
        let category = rowFacets.category ?? columnFacets.category
        let key = ["cross", place.orgUnit ?? "", place.asOf ?? "", rowFacets.groupKey, columnFacets.groupKey].joined(separator: "|")
        var tableRows: [Int] = []
        for (row, _) in cells where !tableRows.contains(row + header.rowCount) { tableRows.append(row + header.rowCount) }
        var record = context.newRecord(.staff, key: context.numbered(key, for: .staff), at: index, rows: .rows(tableRows))
        for (label, text) in raw { record.keepRaw(label, text) }
        record["org_unit"] = (columnFacets.unit ?? rowFacets.unit ?? place.orgUnit).map(FieldValue.text)
        record["category"] = category.map(FieldValue.text)
        let area = rowFacets.area ?? columnFacets.area ?? category.flatMap { StaffCategory.read($0, vocabulary: vocabulary).area }
        record["area_ccnl_2022"] = area.map(FieldValue.text)
        let employment = [rowFacets.employment, columnFacets.employment, StaffPlace.employment(in: place.headings.suffix(1), vocabulary: vocabulary)]
            .compactMap { $0 }.joined(separator: ", ")
        record["employment"] = employment.isEmpty ? nil : .text(mergedEmployment(employment))
        record["count"] = .number(count)
        record["as_of"] = place.asOf.map(FieldValue.date)
        return record
    }

    /// "tempo pieno, tempo pieno, indeterminato" → "tempo pieno, indeterminato".
    private func mergedEmployment(_ text: String) -> String {
        var seen: [String] = []
        for part in text.components(separatedBy: ", ") where !seen.contains(part) { seen.append(part) }
        return seen.joined(separator: ", ")
    }

    private func facets(of labels: [String], own: String, place: StaffPlace) -> Facets {
        var facets = Facets()
        let ownWords = TextFolding.words(own)
        if vocabulary.menWords.contains(ownWords) || vocabulary.womenWords.contains(ownWords) { facets.isGender = true }
        for label in labels {
            let category = StaffCategory.read(label, vocabulary: vocabulary)
            if facets.category == nil, let code = category.code, category.rest.isEmpty || isGenderWord(category.rest) { facets.category = code }
            if facets.area == nil { facets.area = vocabulary.areaNames.first { TextFolding.words(label).hasPrefix($0.words) }?.area }
            if facets.employment == nil { facets.employment = StaffPlace.employment(in: [label], vocabulary: vocabulary) }
        }
        let firstWord = ownWords.split(separator: " ").first.map(String.init) ?? ""
        if vocabulary.totalWords.contains(firstWord), facets.isEmpty { facets.isTotal = true }
        if !facets.isGender, !facets.isTotal, facets.isEmpty, !ownWords.isEmpty {
            facets.unit = TextCleaner.clean(own)
        }
        return facets
    }

    private func isGenderWord(_ text: String) -> Bool {
        let words = TextFolding.words(text)
        return vocabulary.menWords.contains(words) || vocabulary.womenWords.contains(words)
    }
}
