/// What a date or period phrase says, before it becomes a `Value`.
struct DatePhrase: Equatable {
    var start: CalendarDate
    var end: CalendarDate
    /// True when the phrase joins two ends ("giugno-settembre 2025", "01/01/2021 – 31/12/2021").
    var isRange: Bool
    /// True when every end was written as a full date with its year ("31/12/2024", "1° luglio 2023").
    var isExplicit: Bool
    /// True when the phrase says it is a time limit ("entro", "fine", "tutto l'anno").
    var isDeadline: Bool
}

enum DatePhraseOutcome: Equatable {
    case phrase(DatePhrase)
    /// A period phrase that names no year ("31 dicembre", "entro fine anno") with no reference year.
    case needsYear
    case notAPhrase
}

/// Reads a whole phrase made only of dates, months, years, semesters, range marks and the
/// articles and prepositions around them:
///
/// - a full date is a day: "31/12/2024", "1° luglio 2023", "31.12.2023";
/// - a named period (month, semester, year) stands for its last day when it is a deadline
///   ("Entro dicembre 2025" → 2025-12-31, "primo semestre 2024" → 2024-06-30);
/// - two periods joined by a dash or "a"/"e" form a range ("giugno-settembre 2025");
/// - a part without year takes the year of the next part, then the reference year;
/// - any other word ("di ogni anno", "giorni dalla notifica") makes it not a phrase.
struct DatePhraseParser {
    let vocabulary: ValueVocabulary
    let referenceYear: Int?

    /// One element of a phrase once articles are dropped.
    enum Element: Equatable {
        case date(CalendarDate)
        case dayMonth(day: Int, month: Int, slashed: Bool)
        case day(Int)
        case month(Int)
        case year(Int)
        case yearWord
        case part(ordinal: Int, months: Int)
        case separator
    }

    func parse(_ tokens: [PhraseToken]) -> DatePhraseOutcome {
        guard let (elements, sawDeadlineWord) = elements(of: tokens) else { return .notAPhrase }
        let groups = split(elements)
        guard !groups.isEmpty, isDatePhrase(elements, deadline: sawDeadlineWord) else { return .notAPhrase }
        let periods = groups.compactMap(Period.init)
        guard periods.count == groups.count else { return .notAPhrase }
        return resolve(periods, deadline: sawDeadlineWord)
    }

    /// A bare number or year is left to the number parser; so is "31.12" without a deadline word.
    private func isDatePhrase(_ elements: [Element], deadline: Bool) -> Bool {
        if deadline { return true }
        let years = elements.filter { if case .year = $0 { return true } else { return false } }.count
        return elements.contains { element in
            switch element {
            case .date, .month, .part: return true
            case .yearWord: return elements.count > 1
            case .dayMonth(_, _, let slashed): return slashed
            case .separator: return years >= 2
            default: return false
            }
        }
    }

    private func resolve(_ periods: [Period], deadline: Bool) -> DatePhraseOutcome {
        var resolved: [(start: CalendarDate, end: CalendarDate, exact: Bool)] = []
        var followingYear: Int? = nil
        for period in periods.reversed() {
            guard let year = period.year ?? followingYear ?? referenceYear else { return .needsYear }
            followingYear = year
            guard let bounds = period.bounds(in: year) else { return .notAPhrase }
            resolved.insert((bounds.start, bounds.end, period.isExplicitDay), at: 0)
        }
        guard let first = resolved.first, let last = resolved.last, first.start <= last.end else { return .notAPhrase }
        let isRange = resolved.count > 1
        let explicit = resolved.allSatisfy(\.exact)
        return .phrase(DatePhrase(start: first.start, end: last.end, isRange: isRange,
                                  isExplicit: explicit, isDeadline: deadline || !explicit))
    }

    /// Maps tokens to elements, dropping articles; nil when a token has no place in a date phrase.
    private func elements(of tokens: [PhraseToken]) -> ([Element], Bool)? {
        var elements: [Element] = []
        var sawDeadlineWord = false
        var index = 0
        let tokens = trimPunctuation(tokens)
        while index < tokens.count {
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            switch reading(of: tokens[index], next: next, after: elements) {
            case .element(let element, let consumesNext):
                elements.append(element)
                if consumesNext { index += 1 }
            case .deadlineWord:
                sawDeadlineWord = true
            case .filler:
                break
            case .foreign:
                return nil
            }
            index += 1
        }
        return (elements, sawDeadlineWord)
    }

    private enum Reading {
        case element(Element, consumesNext: Bool = false)
        case deadlineWord
        case filler
        /// A token that has no place in a date phrase.
        case foreign
    }

    private func reading(of token: PhraseToken, next: PhraseToken?, after elements: [Element]) -> Reading {
        switch token {
        case .date(let date): return .element(.date(date))
        case .dayMonth(let day, let month, let separator): return .element(.dayMonth(day: day, month: month, slashed: separator == "/"))
        case .dash: return .element(.separator)
        case .number(let value, let digits): return reading(ofNumber: value, digits: digits, next: next, after: elements)
        case .word(let word): return reading(ofWord: word, next: next)
        case .other(let text): return text == "," ? .element(.separator) : .foreign
        case .impossibleDate: return .foreign
        }
    }

    /// "1" of "1° semestre", a year, a two-digit year after a year and a dash ("2024/26"), a day.
    private func reading(ofNumber value: Int, digits: Int, next: PhraseToken?, after elements: [Element]) -> Reading {
        if case .word(let word)? = next, let months = vocabulary.periodParts[word], let ordinal = vocabulary.ordinals["\(value)"] {
            return .element(.part(ordinal: ordinal, months: months), consumesNext: true)
        }
        if digits == 4 { return .element(.year(value)) }
        if digits == 2, elements.last == .separator, isYearContext(elements) { return .element(.year(2000 + value)) }
        if digits <= 2, (1...31).contains(value) { return .element(.day(value)) }
        return .foreign
    }

    private func reading(ofWord word: String, next: PhraseToken?) -> Reading {
        if let month = vocabulary.months[word] { return .element(.month(month)) }
        if let ordinal = vocabulary.ordinals[word], case .word(let part)? = next, let months = vocabulary.periodParts[part] {
            return .element(.part(ordinal: ordinal, months: months), consumesNext: true)
        }
        if vocabulary.yearWords.contains(word) { return .element(.yearWord) }
        if vocabulary.deadlineWords.contains(word) { return .deadlineWord }
        if vocabulary.rangeWords.contains(word) { return .element(.separator) }
        return vocabulary.fillerWords.contains(word) ? .filler : .foreign
    }

    private func isYearContext(_ elements: [Element]) -> Bool {
        elements.dropLast().last.map { if case .year = $0 { return true } else { return false } } ?? false
    }

    /// Sentence punctuation around the phrase ("Settembre 2025.", "(entro il 2023)").
    private func trimPunctuation(_ tokens: [PhraseToken]) -> [PhraseToken] {
        var tokens = tokens
        while let last = tokens.last, case .other(let text) = last, [".", ";", ",", ":", ")"].contains(text) {
            tokens.removeLast()
        }
        while let first = tokens.first, case .other(let text) = first, ["(", ":"].contains(text) {
            tokens.removeFirst()
        }
        return tokens
    }

    /// Groups of elements between separators; leading, trailing and doubled separators vanish.
    private func split(_ elements: [Element]) -> [[Element]] {
        elements.split(separator: .separator).map(Array.init)
    }
}

/// One end of a date phrase: a day, a month, a part of a year or a year.
private struct Period {
    enum Shape { case day(Int, month: Int), month(Int), part(ordinal: Int, months: Int), wholeYear }
    var shape: Shape
    var year: Int?
    var isExplicitDay: Bool

    init?(_ group: [DatePhraseParser.Element]) {
        var shape: Shape? = nil
        var year: Int? = nil
        var dayWrittenInFull = false
        var pendingDay: Int? = nil
        for element in group {
            switch element {
            case .date(let date):
                guard shape == nil else { return nil }
                shape = .day(date.day, month: date.month)
                year = date.year
                dayWrittenInFull = true
            case .dayMonth(let day, let month, _):
                guard shape == nil else { return nil }
                shape = .day(day, month: month)
            case .day(let day):
                guard shape == nil, pendingDay == nil else { return nil }
                pendingDay = day
            case .month(let month):
                guard shape == nil else { return nil }
                if let day = pendingDay {
                    shape = .day(day, month: month)
                    dayWrittenInFull = true
                    pendingDay = nil
                } else {
                    shape = .month(month)
                }
            case .part(let ordinal, let months):
                guard shape == nil, ordinal * months <= 12 else { return nil }
                shape = .part(ordinal: ordinal, months: months)
            case .yearWord:
                continue
            case .year(let value):
                guard year == nil else { return nil }
                year = value
            case .separator:
                return nil
            }
        }
        guard pendingDay == nil, shape != nil || year != nil || group.contains(.yearWord) else { return nil }
        self.shape = shape ?? .wholeYear
        self.year = year
        self.isExplicitDay = dayWrittenInFull && year != nil
    }

    func bounds(in year: Int) -> (start: CalendarDate, end: CalendarDate)? {
        switch shape {
        case .day(let day, let month):
            guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
            return (date, date)
        case .month(let month):
            guard let start = CalendarDate.firstDay(ofMonth: month, year: year),
                  let end = CalendarDate.lastDay(ofMonth: month, year: year) else { return nil }
            return (start, end)
        case .part(let ordinal, let months):
            guard let start = CalendarDate.firstDay(ofMonth: (ordinal - 1) * months + 1, year: year),
                  let end = CalendarDate.lastDay(ofMonth: ordinal * months, year: year) else { return nil }
            return (start, end)
        case .wholeYear:
            guard let start = CalendarDate(year: year, month: 1, day: 1),
                  let end = CalendarDate(year: year, month: 12, day: 31) else { return nil }
            return (start, end)
        }
    }
}
