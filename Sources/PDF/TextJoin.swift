import Core

/// Lines of text → one string, joined as `WrappedText` joins them ("amministra-" + "zione", "2022-" + "2025").
enum TextJoin {
    /// The words of a table cell: lines top to bottom, words left to right.
    static func join(_ words: [Word]) -> String {
        guard !words.isEmpty else { return "" }
        let lines = VisualLines.lines(of: words).map { $0.words.map(\.text).joined(separator: " ") }
        return joinLines(lines)
    }

    static func joinLines(_ lines: [String]) -> String { WrappedText.join(lines) }
}
