import Core

/// A parsed value and what the parser could not read or had to guess about it.
public struct ParsedValue: Hashable, Sendable {
    public var value: Value
    public var warnings: [FieldWarning]

    public init(value: Value, warnings: [FieldWarning] = []) {
        self.value = value
        self.warnings = warnings
    }
}

/// Turns a cell or field text into a `Value`. A whole text is read as the first of, in order:
///
/// 1. `empty`: no letters and no digits ("-", "//", "—", ".. /.. /..", "%"), or a placeholder
///    word ("n.d.");
/// 2. `boolean`: "SI", "Sì", "si'", "NO";
/// 3. `date` / `deadline`: a date or period phrase (see `DatePhraseParser`): a full date with
///    its year and no deadline word is a `date`; anything resolved from a period or a phrase
///    ("Entro il 2023", "giugno-settembre 2025") is a `deadline`;
///    A text holding a day that does not exist ("entro il 31.06.2023") is `text` with a warning;
/// 4. `number`, `percent`, `currency`: one number with its comparator, sign, currency, `%` or
///    unit (see `QuantityParser`, `ItalianNumber`). A malformed number becomes `text` with a warning;
/// 5. `text`: anything else.
///
/// `raw` always keeps the text as given; `text` holds it with markup removed.
public struct ValueParser: Sendable {
    public struct Options: Sendable, Hashable {
        /// The year a phrase without one refers to ("entro fine anno", "31 dicembre"): usually the
        /// document's first year. Without it such phrases stay text, with a warning.
        public var referenceYear: Int?

        public init(referenceYear: Int? = nil) {
            self.referenceYear = referenceYear
        }
    }

    public var options: Options
    public var vocabulary: ValueVocabulary

    public init(options: Options = Options(), vocabulary: ValueVocabulary = .italian) {
        self.options = options
        self.vocabulary = vocabulary
    }

    /// Reads `raw` as one value; warnings name `field`.
    public func parse(_ raw: String, field: String = "value") -> ParsedValue {
        let cleaned = TextCleaner.clean(raw)
        let folded = TextFolding.fold(withoutEnclosingParentheses(cleaned))
        if isEmptyPlaceholder(folded) {
            return ParsedValue(value: Value(raw: raw, kind: .empty))
        }
        if let boolean = readBoolean(folded) {
            return ParsedValue(value: Value(raw: raw, kind: .boolean, boolean: boolean, text: cleaned))
        }
        let tokens = PhraseTokenizer.tokenize(folded)
        switch datePhrases.parse(tokens) {
        case .phrase(let phrase):
            return ParsedValue(value: dateValue(phrase, raw: raw, text: cleaned))
        case .needsYear:
            return textValue(raw, cleaned, field: field, warning: "a date without its year and no reference year")
        case .notAPhrase:
            if let impossible = firstImpossibleDate(tokens) {
                return textValue(raw, cleaned, field: field, warning: "impossible date \(impossible)")
            }
        }
        switch QuantityParser(vocabulary: vocabulary).parse(folded) {
        case .quantity(let quantity):
            return ParsedValue(value: quantityValue(quantity, raw: raw))
        case .malformed(let reason):
            return textValue(raw, cleaned, field: field, warning: "malformed number \(reason)")
        case .notAQuantity:
            return ParsedValue(value: Value(raw: raw, kind: .text, text: cleaned))
        }
    }

    /// Reads a timeframe ("Tempi di raggiungimento dell'obiettivo", "Scadenza"): first as a whole
    /// phrase like `parse`; otherwise the deadlines written in running text ("… entro il 30/06/2026.")
    /// are collected and the latest is the value's `date`, with a warning when there are several.
    /// A timeframe stating no deadline stays `text` with a warning.
    public func parseTimeframe(_ raw: String, field: String = "timeframe") -> ParsedValue {
        let whole = parse(raw, field: field)
        if whole.value.kind == .date || whole.value.kind == .deadline || !whole.warnings.isEmpty { return whole }
        let cleaned = TextCleaner.clean(raw)
        if let years = YearRange.parse(cleaned, vocabulary: vocabulary) {
            return ParsedValue(value: yearsValue(years, raw: raw, text: cleaned))
        }
        let folded = TextFolding.fold(cleaned)
        // A timeframe that names a full date without "entro" ("al momento stabilita al 31.03.2025") still states it.
        let deadlines = deadlinesInRunningText(folded).nonEmpty ?? DateScanner.firstDate(in: folded, vocabulary: vocabulary).map { [$0] } ?? []
        guard let latest = deadlines.max() else {
            return textValue(raw, cleaned, field: field, warning: "no deadline stated")
        }
        var parsed = ParsedValue(value: Value(raw: raw, kind: .deadline, date: latest.iso, text: cleaned))
        if Set(deadlines).count > 1 {
            let all = deadlines.map(\.iso).joined(separator: ", ")
            parsed.warnings.append(FieldWarning(field: field, message: "several deadlines (\(all)); the latest taken"))
        }
        return parsed
    }

    /// Each trigger word ("entro") followed by the longest run of tokens that reads as a date phrase.
    func deadlinesInRunningText(_ folded: String) -> [CalendarDate] {
        let tokens = PhraseTokenizer.tokenize(folded)
        var found: [CalendarDate] = []
        for (index, token) in tokens.enumerated() {
            guard case .word(let word) = token, vocabulary.deadlineTriggers.contains(word) else { continue }
            let longest = min(tokens.count, index + Self.maximumDeadlinePhraseTokens)
            for end in stride(from: longest, to: index + 1, by: -1) {
                if case .phrase(let phrase) = datePhrases.parse(Array(tokens[index..<end])) {
                    found.append(phrase.end)
                    break
                }
            }
        }
        return found
    }

    /// How many tokens a deadline phrase inside running text may span ("entro la fine di giugno 2025").
    static let maximumDeadlinePhraseTokens = 8

    private var datePhrases: DatePhraseParser {
        DatePhraseParser(vocabulary: vocabulary, referenceYear: options.referenceYear)
    }

    /// The impossible day of a text that would be a date phrase with a real day in its place.
    private func firstImpossibleDate(_ tokens: [PhraseToken]) -> String? {
        var impossible: String? = nil
        let stand = CalendarDate(year: 2000, month: 1, day: 1)!
        let repaired = tokens.map { token -> PhraseToken in
            guard case .impossibleDate(let chunk) = token else { return token }
            impossible = impossible ?? chunk
            return .date(stand)
        }
        guard let impossible, case .phrase = datePhrases.parse(repaired) else { return nil }
        return impossible
    }

    /// "(MAX 20 PUNTI)" is read as "MAX 20 PUNTI".
    private func withoutEnclosingParentheses(_ text: String) -> String {
        guard text.hasPrefix("("), text.hasSuffix(")"), text.dropFirst().dropLast().allSatisfy({ $0 != "(" && $0 != ")" }) else {
            return text
        }
        return String(String(text.dropFirst().dropLast()).trimmingCharacters(in: " "))
    }

    private func isEmptyPlaceholder(_ folded: String) -> Bool {
        !folded.contains(where: { $0.isLetter || $0.isNumber }) || vocabulary.emptyWords.contains(folded)
    }

    private func readBoolean(_ folded: String) -> Bool? {
        let word = folded.trimmingTrailing { $0 == "." || $0 == "!" }
        if vocabulary.booleanTrue.contains(word) { return true }
        if vocabulary.booleanFalse.contains(word) { return false }
        return nil
    }

    private func dateValue(_ phrase: DatePhrase, raw: String, text: String) -> Value {
        let kind: Value.Kind = phrase.isExplicit && !phrase.isDeadline ? .date : .deadline
        if phrase.isRange {
            return Value(raw: raw, kind: kind, date: phrase.start.iso, dateEnd: phrase.end.iso, text: text)
        }
        return Value(raw: raw, kind: kind, date: phrase.end.iso, text: text)
    }

    /// A year is a deadline on its last day; several years a range like "2023-2024".
    private func yearsValue(_ years: YearRange, raw: String, text: String) -> Value {
        let end = CalendarDate(year: years.end, month: 12, day: 31)?.iso
        guard years.start != years.end else { return Value(raw: raw, kind: .deadline, date: end, text: text) }
        let start = CalendarDate(year: years.start, month: 1, day: 1)?.iso
        return Value(raw: raw, kind: .deadline, date: start, dateEnd: end, text: text)
    }

    private func quantityValue(_ quantity: Quantity, raw: String) -> Value {
        let kind: Value.Kind = quantity.isPercent ? .percent : quantity.isCurrency ? .currency : .number
        let unit = quantity.isPercent ? "percent" : quantity.isCurrency ? "EUR" : quantity.unit
        return Value(raw: raw, kind: kind, number: quantity.number, unit: unit, comparator: quantity.comparator)
    }

    private func textValue(_ raw: String, _ cleaned: String, field: String, warning: String) -> ParsedValue {
        ParsedValue(value: Value(raw: raw, kind: .text, text: cleaned),
                    warnings: [FieldWarning(field: field, message: warning)])
    }
}

private extension Array {
    var nonEmpty: [Element]? { isEmpty ? nil : self }
}
