/// The years a plan or an objective spans: "2023-2024", "Triennio 2024-2026", "2025 – 2027",
/// "2021/2022/2023", "2022". `start == end` for a single year.
public struct YearRange: Hashable, Codable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var description: String { start == end ? "\(start)" : "\(start)-\(end)" }

    /// The whole text as a year expression: years joined by dashes, slashes, commas or "e"/"al",
    /// optionally with words such as "triennio", "anni", "esercizio". Nil for anything else, and
    /// when the years go backwards.
    public static func parse(_ text: String, vocabulary: ValueVocabulary = .italian) -> YearRange? {
        let tokens = PhraseTokenizer.tokenize(TextFolding.fold(TextCleaner.clean(text)))
        var years: [Int] = []
        for token in tokens {
            switch token {
            case .number(let value, let digits):
                guard let year = year(value, digits: digits, after: years.last) else { return nil }
                years.append(year)
            case .dash:
                continue
            case .word(let word) where vocabulary.yearRangeWords.contains(word):
                continue
            case .other(let text) where [",", ".", ":", "(", ")"].contains(text):
                continue
            default:
                return nil
            }
        }
        return range(of: years)
    }

    /// The first year expression inside a longer text ("Piano degli Obiettivi 2022", "PEG 2021/2022/2023"),
    /// skipping years that belong to a date ("9 giugno 2021", "11/03/2025") or to a reference
    /// ("n. 2021", "D.Lgs. 118/2011").
    public static func find(in text: String, vocabulary: ValueVocabulary = .italian) -> YearRange? {
        let tokens = PhraseTokenizer.tokenize(TextFolding.fold(TextCleaner.clean(text)))
        var index = 0
        while index < tokens.count {
            if case .number(let value, 4) = tokens[index], CalendarDate.plausibleYears.contains(value),
               !isPartOfDateOrReference(tokens, at: index, vocabulary: vocabulary) {
                return run(of: tokens, from: index)
            }
            index += 1
        }
        return nil
    }

    /// The years from `index` on while they are joined by dashes ("2021/2022/2023", "2025 – 2027").
    private static func run(of tokens: [PhraseToken], from index: Int) -> YearRange? {
        var years: [Int] = []
        var i = index
        while i < tokens.count, case .number(let value, let digits) = tokens[i],
              let year = year(value, digits: digits, after: years.last) {
            years.append(year)
            guard i + 2 < tokens.count, tokens[i + 1] == .dash else { break }
            i += 2
        }
        return range(of: years)
    }

    private static func isPartOfDateOrReference(_ tokens: [PhraseToken], at index: Int, vocabulary: ValueVocabulary) -> Bool {
        guard index > 0 else { return false }
        switch tokens[index - 1] {
        case .word(let word): return vocabulary.months[word] != nil || vocabulary.countMarkers.contains(word)
        case .other(let text): return text == "." && index > 1 && tokens[index - 2] == .word("n")
        default: return false
        }
    }

    /// A four-digit year, or two digits completing the previous year ("2024/26").
    private static func year(_ value: Int, digits: Int, after previous: Int?) -> Int? {
        if digits == 4 { return CalendarDate.plausibleYears.contains(value) ? value : nil }
        guard digits == 2, let previous else { return nil }
        let completed = previous / 100 * 100 + value
        return completed > previous ? completed : nil
    }

    private static func range(of years: [Int]) -> YearRange? {
        guard let first = years.first, let last = years.last, zip(years, years.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return nil
        }
        return YearRange(start: first, end: last)
    }
}
