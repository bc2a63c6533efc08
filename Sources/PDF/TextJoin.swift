import Core

/// Lines of text → one string: a word broken by a hyphen at a line end is joined again
/// ("amministra-" + "zione"), other line breaks become spaces.
enum TextJoin {
    /// The words of a table cell: lines top to bottom, words left to right.
    static func join(_ words: [Word]) -> String {
        guard !words.isEmpty else { return "" }
        let lines = VisualLines.lines(of: words).map { $0.words.map(\.text).joined(separator: " ") }
        return joinLines(lines)
    }

    static func joinLines(_ lines: [String]) -> String {
        var text = ""
        for line in lines where !line.isEmpty {
            if text.isEmpty {
                text = line
            } else if endsWithBrokenWord(text), let first = line.first, first.isLowercase {
                text.removeLast()
                text += line
            } else if endsWithRangeHyphen(text), line.first?.isNumber == true {
                text += line // "2022-" + "2025": a range of years or numbers broken at its hyphen
            } else if text.hasSuffix("/"), text.dropLast().last?.isLetter == true {
                text += line // "CULTURA/" + "TEMPO LIBERO": a slash against a word joins; "… / n." keeps its spaces
            } else {
                text += " " + line
            }
        }
        return text
    }

    /// "2022-": a digit before a closing hyphen.
    static func endsWithRangeHyphen(_ text: String) -> Bool {
        text.hasSuffix("-") && text.dropLast().last?.isNumber == true
    }

    /// "…amministra-" (a letter before the hyphen) but not "2021-" or a dash standing alone.
    static func endsWithBrokenWord(_ text: String) -> Bool {
        guard text.hasSuffix("-") || text.hasSuffix("\u{00AD}") else { return false }
        let beforeHyphen = text.dropLast().last
        return beforeHyphen?.isLetter == true && beforeHyphen?.isLowercase == true
    }
}
