import Core

/// Small readings of table cells shared by the listing builders.
enum ListingCells {
    static func clean(_ cell: String) -> String { TextCleaner.clean(cell) }

    static func isEmpty(_ cell: String) -> Bool { clean(cell).isEmpty }

    /// The row's non-empty cells.
    static func filled(_ row: [String]) -> [String] { row.map(clean).filter { !$0.isEmpty } }

    /// A cell holding one number, amount or percentage ("1.234,56", "-5.880,86", "12%").
    static func isNumber(_ cell: String, values: ValueParser) -> Bool {
        let kind = values.parse(cell).value.kind
        return kind == .number || kind == .currency || kind == .percent
    }

    /// Only the first cell holds text: a title row spanning the table ("TITOLO 4 - ENTRATE IN CONTO CAPITALE").
    static func isTitleRow(_ row: [String]) -> Bool {
        guard let first = row.first, !isEmpty(first) else { return false }
        return row.dropFirst().allSatisfy(isEmpty) && row.count > 1
    }

    /// The words of `text`, folded, without spaces between letters ("P A R T E" → "parte").
    static func compactWords(_ text: String) -> String {
        let words = TextFolding.words(text)
        return ASCIIText.replacingOccurrences(of: UInt8(ascii: " "), with: "", in: words) ?? words.replacingOccurrences(of: " ", with: "")
    }

    /// True when `text`'s folded words start with one of `phrases` (spaces ignored).
    static func starts(_ text: String, withAnyOf phrases: [String]) -> Bool {
        let compact = compactWords(text)
        return phrases.contains { compact.hasPrefix(compactWords($0)) }
    }

    /// True when `text`'s folded words contain one of `phrases` as whole words.
    static func contains(_ text: String, anyOf phrases: [String]) -> Bool {
        let words = " " + TextFolding.words(text) + " "
        return phrases.contains { words.contains(" " + TextFolding.words($0) + " ") }
    }

    /// Two rows of one record joined cell by cell, the lower row's text under the upper's (`WrappedText`).
    static func joinedRows(_ upper: [String], _ lower: [String]) -> [String] {
        (0..<max(upper.count, lower.count)).map { index in
            WrappedText.join(index < upper.count ? clean(upper[index]) : "", index < lower.count ? clean(lower[index]) : "")
        }
    }

    /// The text of a block or of a title row, or nil for other items.
    static func headingText(of item: DocumentItem) -> String? {
        if case .block(let block) = item { return block.text }
        return nil
    }
}
