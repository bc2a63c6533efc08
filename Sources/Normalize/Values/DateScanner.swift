/// Finds full dates inside running text ("alla data del 30 giugno 2023", "n. 32 del 11/03/2025").
enum DateScanner {
    /// The first date written in full (numeric, or day, month name and year), in folded text.
    static func firstDate(in folded: String, vocabulary: ValueVocabulary = .italian) -> CalendarDate? {
        let tokens = PhraseTokenizer.tokenize(folded)
        for (index, token) in tokens.enumerated() {
            if case .date(let date) = token { return date }
            if let date = textualDate(tokens, at: index, vocabulary: vocabulary) { return date }
        }
        return nil
    }

    /// "1° luglio 2023" starting at `index`.
    private static func textualDate(_ tokens: [PhraseToken], at index: Int, vocabulary: ValueVocabulary) -> CalendarDate? {
        guard index + 2 < tokens.count,
              case .number(let day, let dayDigits) = tokens[index], dayDigits <= 2,
              case .word(let monthName) = tokens[index + 1], let month = vocabulary.months[monthName],
              case .number(let year, 4) = tokens[index + 2] else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
