import Core

/// One row of a staff list read through its (given or inferred) columns.
struct StaffRowReader {
    let layout: HeaderLayout
    let place: StaffPlace
    let vocabulary: ListingVocabulary
    let context: DocumentContext
    /// The unit a title row inside the table names for the rows under it ("Servizio Finanziario").
    var groupUnit: String?

    /// A name never starts with a number: "1 Cairo Micaela" is row 1's number run into the name's cell.
    static func withoutRowNumber(_ name: String) -> String {
        let words = name.split(separator: " ", maxSplits: 1)
        guard words.count == 2 else { return name }
        let first = words[0].hasSuffix(".") ? words[0].dropLast() : words[0][...]
        return !first.isEmpty && first.count <= 3 && first.allSatisfy(\.isASCIIDigit) ? String(words[1]) : name
    }

    func record(_ row: [String], at index: Int, row rowIndex: Int, context: inout DocumentContext) -> Record? {
        let cells = row.map(ListingCells.clean)
        guard !isTotal(cells), cells != layout.columns.map(\.label) else { return nil }
        var texts: [String: String] = [:]
        var raw: [(String, String)] = []
        for (column, text) in cells.enumerated() where !text.isEmpty {
            let label = column < layout.columnCount && !layout.columns[column].label.isEmpty
                ? layout.columns[column].label : "colonna \(column + 1)"
            raw.append((label, text))
            if column < layout.columnCount, let field = layout.columns[column].fields.first, texts[field] == nil { texts[field] = text }
        }
        if let name = texts["person_name"] { texts["person_name"] = StaffRowReader.withoutRowNumber(name) }
        let category = texts["category"].map { StaffCategory.read($0, vocabulary: vocabulary) }
        guard texts["person_name"] != nil || texts["role"] != nil || category?.code != nil || texts["area_ccnl_2022"] != nil else {
            return nil
        }
        let count = number(texts["count"], field: "count")
        if texts["count"] != nil, count.value == nil, texts["person_name"] == nil { return nil }
        let orgUnit = texts["org_unit"] ?? groupUnit ?? place.orgUnit
        let key = [orgUnit, texts["person_name"], texts["role"], category?.code].map { $0 ?? "" }.joined(separator: "|")
        var record = context.newRecord(.staff, key: context.numbered("list|" + key, for: .staff), at: index, rows: .row(rowIndex))
        for (label, text) in raw { record.keepRaw(label, text) }
        record["org_unit"] = orgUnit.map(FieldValue.text)
        record["person_name"] = texts["person_name"].map(FieldValue.text)
        record["role"] = texts["role"].map(FieldValue.text)
        record["category"] = category?.code.map(FieldValue.text)
        record["area_ccnl_2022"] = (texts["area_ccnl_2022"] ?? category?.area).map(FieldValue.text)
        record["employment"] = (texts["employment"] ?? employment(category: category)).map(FieldValue.text)
        record["count"] = (count.value ?? (texts["person_name"] != nil && layout.column(of: "count") == nil ? 1 : nil)).map(FieldValue.number)
        record["fte"] = number(texts["fte"], field: "fte").value.map(FieldValue.number)
        record["participation_percent"] = number(texts["participation_percent"], field: "participation_percent").value.map(FieldValue.number)
        record["as_of"] = place.asOf.map(FieldValue.date)
        record.warnings += count.warnings
        return record
    }

    private func isTotal(_ cells: [String]) -> Bool {
        guard let first = cells.first(where: { !$0.isEmpty }) else { return true }
        let word = TextFolding.words(first).split(separator: " ").first.map(String.init) ?? ""
        return vocabulary.totalWords.contains(word)
    }

    /// Employment written in the category cell ("C4 – pt – 24 ORE"), the count columns' labels or the heading.
    private func employment(category: StaffCategory?) -> String? {
        let countLabels = layout.columns.filter { $0.fields.contains("count") }.map(\.label)
        let texts = [category?.rest].compactMap { $0 } + countLabels + place.headings.suffix(1)
        return StaffPlace.employment(in: texts, vocabulary: vocabulary)
    }

    private func number(_ text: String?, field: String) -> (value: ExactDecimal?, warnings: [FieldWarning]) {
        guard let text else { return (nil, []) }
        let parsed = context.values.parse(text, field: field)
        switch parsed.value.kind {
        case .number, .percent: return (parsed.value.number, [])
        case .empty: return (nil, [])
        default: return (nil, parsed.warnings.isEmpty ? [FieldWarning(field: field, message: "not a number: \(text)")] : parsed.warnings)
        }
    }
}

/// A category cell: its code ("D6", "ex C1", "B" from "CATEGORIA B"), the CCNL 2022 area the code's letter
/// moved to, and what follows the code ("– pt – 24 ORE").
struct StaffCategory: Equatable {
    var code: String?
    var area: String?
    var rest: String

    static func read(_ text: String, vocabulary: ListingVocabulary) -> StaffCategory {
        var words = TextCleaner.clean(text).split(separator: " ").map(String.init)
        if let first = words.first, vocabulary.categoryWords.contains(TextFolding.words(first)) { words.removeFirst() }
        var prefix = ""
        if let first = words.first, vocabulary.formerCategoryWords.contains(TextFolding.words(first)), words.count > 1 {
            prefix = words.removeFirst() + " "
        }
        guard let first = words.first, let letter = codeLetter(first) else {
            return StaffCategory(code: nil, area: nil, rest: text)
        }
        words.removeFirst()
        return StaffCategory(code: prefix + first, area: vocabulary.areaOfCategory[letter], rest: words.joined(separator: " "))
    }

    /// "D6", "c3", "B" → the upper-case letter; anything else nil.
    static func codeLetter(_ word: String) -> Character? {
        guard let letter = word.first?.uppercased().first, "ABCD".contains(letter) else { return nil }
        let digits = word.dropFirst()
        return digits.count <= 2 && digits.allSatisfy(\.isASCIIDigit) ? letter : nil
    }
}
