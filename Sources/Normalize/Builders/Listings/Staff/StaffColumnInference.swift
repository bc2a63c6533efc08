import Core

/// The columns of a staff list printed without a header, read from what they hold: a column of row numbers
/// ("1", "3.") is skipped, a column of category codes ("D6", "C4 – pt – 24 ORE") is the category, and the
/// columns of words are, in order, the person, the profile and the office (the office stays in `raw`).
struct StaffColumnInference {
    let vocabulary: ListingVocabulary
    let values: ValueParser
    /// Fields of the word columns, left to right.
    var wordColumnFields = ["person_name", "role"]

    func layout(of table: Table) -> HeaderLayout? {
        let columnCount = table.columnCount
        guard columnCount >= 3, !table.rows.isEmpty else { return nil }
        var columns: [HeaderLayout.Column] = []
        var wordColumns = 0
        var hasCategory = false
        for column in 0..<columnCount {
            let cells = table.rows.compactMap { column < $0.count ? ListingCells.clean($0[column]) : nil }.filter { !$0.isEmpty }
            var fields: [String] = []
            if cells.isEmpty || cells.allSatisfy(isRowNumber) {
                fields = []
            } else if cells.allSatisfy({ StaffCategory.read($0, vocabulary: vocabulary).code != nil }) {
                fields = ["category"]
                hasCategory = true
            } else if cells.allSatisfy({ !ListingCells.isNumber($0, values: values) }) {
                if wordColumns < wordColumnFields.count { fields = [wordColumnFields[wordColumns]] }
                wordColumns += 1
            }
            columns.append(HeaderLayout.Column(label: "", fields: fields))
        }
        guard hasCategory, wordColumns >= wordColumnFields.count else { return nil }
        return HeaderLayout(columns: columns, rowCount: 0)
    }

    private func isRowNumber(_ cell: String) -> Bool {
        let digits = cell.hasSuffix(".") ? String(cell.dropLast()) : cell
        return !digits.isEmpty && digits.count <= 3 && digits.allSatisfy(\.isASCIIDigit)
    }
}
