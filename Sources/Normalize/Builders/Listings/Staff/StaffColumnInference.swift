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

    /// A list whose row numbers and category codes the extraction left in the cells beside them ("1 Ferri
    /// Raffaella | Istruttore Direttivo | Ragioneria D2"): where every row's first cell opens with a row number,
    /// or every row's last cell ends with a category code, that number or code becomes a column of its own.
    func splittingEdgeCodes(_ table: Table) -> Table {
        var split = table
        let rows = table.rows.filter { !ListingCells.filled($0).isEmpty }
        guard rows.count >= 2, let width = rows.map(\.count).max(), width >= 2 else { return table }
        if rows.allSatisfy({ leadingRowNumber($0[0]) != nil }) {
            split.rows = split.rows.map { row in
                guard let first = row.first, let (number, rest) = leadingRowNumber(first) else { return [""] + row }
                return [number, rest] + row.dropFirst()
            }
        }
        let last = split.columnCount - 1
        let lastCells = split.rows.filter { !ListingCells.filled($0).isEmpty }.map { $0.count > last ? $0[last] : "" }
        if !lastCells.allSatisfy({ StaffCategory.read($0, vocabulary: vocabulary).code != nil }),
           lastCells.allSatisfy({ trailingCategory($0) != nil }) {
            split.rows = split.rows.map { row in
                guard row.count > last, let (rest, code) = trailingCategory(row[last]) else { return row + [""] }
                return Array(row.dropLast()) + [rest, code]
            }
        }
        return split
    }

    private func leadingRowNumber(_ cell: String) -> (String, String)? {
        let words = ListingCells.clean(cell).split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2, isRowNumber(words[0]), words[1].first?.isLetter == true else { return nil }
        return (words[0], words[1])
    }

    private func trailingCategory(_ cell: String) -> (String, String)? {
        var words = ListingCells.clean(cell).split(separator: " ").map(String.init)
        guard words.count >= 2, let code = words.last, StaffCategory.read(code, vocabulary: vocabulary).code == code else { return nil }
        words.removeLast()
        return (words.joined(separator: " "), code)
    }

    private func isRowNumber(_ cell: String) -> Bool {
        let digits = cell.hasSuffix(".") ? String(cell.dropLast()) : cell
        return !digits.isEmpty && digits.count <= 3 && digits.allSatisfy(\.isASCIIDigit)
    }
}
