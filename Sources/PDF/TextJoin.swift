import Core

/// Lines of text → one string, joined as `WrappedText` joins them ("amministra-" + "zione", "2022-" + "2025").
enum TextJoin {
    /// Whether a line starting with `first` reads on from one ending with `last`: it starts in lower case, or
    /// the line before ends with a joining mark ("-", ",", "/", "(", "&") or a joining word ("di", "e", "per").
    static func continues(_ first: String, after last: String) -> Bool {
        guard let start = first.first else { return false }
        if start.isLetter && start.isLowercase { return true }
        if let end = last.last, "-,/(&".contains(end) { return true }
        let lastWord = last.split(separator: " ").last.map(String.init) ?? last
        return joiningWords.contains(lastWord.lowercased())
    }

    private static let joiningWords: Set<String> = [
        "e", "ed", "o", "di", "del", "della", "dei", "delle", "per", "a", "al", "alla", "in", "con", "da", "su",
        "and", "or", "of", "the", "to", "for", "with", "on", "by", "de", "la", "le", "et", "des", "du", "und", "der",
    ]

    /// The words of a table cell: lines top to bottom, words left to right (right to left in a right-to-left script); `spellings` are its page's.
    static func join(_ words: [Word], spellings: PageSpellings = .none) -> String {
        guard !words.isEmpty else { return "" }
        let lines = VisualLines.lines(of: words).map { BidiOrder.joinLine($0.words.map(\.text)) }
        return joinLines(lines, spellings: spellings)
    }

    static func joinLines(_ lines: [String], spellings: PageSpellings = .none) -> String {
        WrappedText.join(lines, spellings: spellings)
    }
}
