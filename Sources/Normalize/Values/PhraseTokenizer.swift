/// A piece of a date or period phrase, read from folded text (see `TextFolding.fold`).
enum PhraseToken: Equatable {
    /// Letters, with the apostrophe of an elided article kept ("l'", "dall'").
    case word(String)
    /// Digits alone: a day, a year, an ordinal ("1°" gives 1).
    case number(Int, digits: Int)
    /// A full numeric date: "31/12/2024", "1/1/2023", "31.12.2023".
    case date(CalendarDate)
    /// Day and month without a year: "31/12", "31.12".
    case dayMonth(day: Int, month: Int, separator: Character)
    /// A dash or slash between two parts ("giugno-settembre", "2023-2024", "2021/2022/2023").
    case dash
    /// Shaped like a day, month and year that do not exist: "31.06.2023", "29/02/2023".
    case impossibleDate(String)
    /// Any other punctuation, and digit groups that are none of the above ("118/2011", "1.234").
    case other(String)
}

/// Splits folded text into `PhraseToken`s.
enum PhraseTokenizer {
    static let dashes: Set<Character> = ["-", "–", "—", "/", "−"]
    static let digitJoiners: Set<Character> = [".", "/", "-"]
    static let ordinalMarks: Set<Character> = ["°", "º", "ª"]

    static func tokenize(_ folded: String) -> [PhraseToken] {
        let chars = Array(folded)
        var tokens: [PhraseToken] = []
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch.isWhitespace {
                i += 1
            } else if ch.isLetter {
                let (word, next) = readWord(chars, from: i)
                tokens.append(.word(word))
                i = next
            } else if ch.isASCIIDigit {
                let (chunk, next) = readDigitChunk(chars, from: i)
                tokens += classifyDigitChunk(chunk)
                i = next
                while i < chars.count, ordinalMarks.contains(chars[i]) { i += 1 }
            } else if dashes.contains(ch) {
                tokens.append(.dash)
                i += 1
            } else {
                tokens.append(.other(String(ch)))
                i += 1
            }
        }
        return tokens
    }

    /// Letters up to a non-letter; an apostrophe right after them ends the word and belongs to it.
    private static func readWord(_ chars: [Character], from start: Int) -> (String, Int) {
        var i = start
        while i < chars.count, chars[i].isLetter { i += 1 }
        if i < chars.count, chars[i] == "'" { i += 1 }
        return (String(chars[start..<i]), i)
    }

    /// Digits with `.`, `/` or `-` between them ("31/12/2024", "2023-2024", "1.234").
    private static func readDigitChunk(_ chars: [Character], from start: Int) -> (String, Int) {
        var i = start
        while i < chars.count {
            if chars[i].isASCIIDigit {
                i += 1
            } else if digitJoiners.contains(chars[i]), i + 1 < chars.count, chars[i + 1].isASCIIDigit {
                i += 1
            } else {
                break
            }
        }
        return (String(chars[start..<i]), i)
    }

    static func classifyDigitChunk(_ chunk: String) -> [PhraseToken] {
        let separators = chunk.filter { digitJoiners.contains($0) }
        let parts = chunk.split(whereSeparator: { digitJoiners.contains($0) })
        if separators.isEmpty, let value = Int(chunk) {
            return [.number(value, digits: chunk.count)]
        }
        if let date = numericDate(parts) { return [.date(date)] }
        if isDateShaped(parts) { return [.impossibleDate(chunk)] }
        if let dayMonth = dayMonth(parts, separator: separators.first!) { return [dayMonth] }
        if let years = yearList(parts) { return years }
        return [.other(chunk)]
    }

    private static func numericDate(_ parts: [Substring]) -> CalendarDate? {
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2,
              let day = Int(parts[0]), let month = Int(parts[1]),
              let year = CalendarDate.expandYear(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static func isDateShaped(_ parts: [Substring]) -> Bool {
        parts.count == 3 && parts[0].count <= 2 && parts[1].count <= 2 && (parts[2].count == 2 || parts[2].count == 4)
    }

    private static func dayMonth(_ parts: [Substring], separator: Character) -> PhraseToken? {
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2 || (parts[1].count == 1 && separator == "/"),
              let day = Int(parts[0]), let month = Int(parts[1]),
              (1...12).contains(month), day >= 1, day <= CalendarDate.lastDay(ofMonth: month, year: 2000)
        else { return nil }
        return .dayMonth(day: day, month: month, separator: separator)
    }

    /// "2021/2022/2023", "2023-2024", "2024/26": years joined by dashes.
    private static func yearList(_ parts: [Substring]) -> [PhraseToken]? {
        guard parts.count >= 2, parts[0].count == 4, let first = Int(parts[0]),
              CalendarDate.plausibleYears.contains(first) else { return nil }
        var tokens: [PhraseToken] = [.number(first, digits: 4)]
        for part in parts.dropFirst() {
            guard part.count == 4 || part.count == 2, let value = Int(part) else { return nil }
            tokens += [.dash, .number(value, digits: part.count)]
        }
        return tokens
    }
}
