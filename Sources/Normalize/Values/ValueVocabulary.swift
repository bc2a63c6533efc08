import Core

/// The words the value parsers read, in the folded form of `TextFolding.fold` (lower case,
/// no accents, `'` for every apostrophe). Everything language-specific lives here, not in the parsers; the
/// words themselves are data, the `values:` section of `Resources/vocabulary.yml`.
public struct ValueVocabulary: Sendable {
    public struct Phrase<Meaning: Sendable>: Sendable {
        public var words: String
        public var meaning: Meaning
        public init(_ words: String, _ meaning: Meaning) {
            self.words = words
            self.meaning = meaning
        }
    }

    /// Month names and the abbreviations tables use.
    public var months: [String: Int] = [:]
    public var booleanTrue: Set<String> = []
    public var booleanFalse: Set<String> = []
    /// Placeholders meaning "no value" beyond the punctuation-only ones ("-", "//", ".. /.. /..").
    public var emptyWords: Set<String> = []
    /// Comparator phrases, tried longest first.
    public var comparators: [Phrase<Value.Comparator>] = []
    /// Words that may follow a comparator before the number ("< di 5", "almeno l'80%").
    public var comparatorConnectors: [String] = []
    public var currencyMarkers: [String] = []
    /// Marks of a count before the number ("n. 28", "n.5985").
    public var countMarkers: [String] = []
    /// Unit spellings → canonical unit names written to `Value.unit`.
    public var units: [Phrase<String>] = []
    /// "primo semestre": ordinal words → 1, 2, 3, 4.
    public var ordinals: [String: Int] = [:]
    /// "semestre" → 6 months per part.
    public var periodParts: [String: Int] = [:]
    /// Words that say the period is a time limit ("entro", "fine", "tutto l'anno").
    public var deadlineWords: Set<String> = []
    /// Words meaning "the year" ("anno"): alone they mean the reference year.
    public var yearWords: Set<String> = []
    /// Words that carry no meaning in a date phrase (articles, prepositions).
    public var fillerWords: Set<String> = []
    /// Words that join the two ends of a range ("da giugno a settembre").
    public var rangeWords: Set<String> = []
    /// Words that open a deadline inside running text, for `ValueParser.parseTimeframe`.
    public var deadlineTriggers: Set<String> = []
    /// Words allowed around years in a year range ("Triennio 2024-2026").
    public var yearRangeWords: Set<String> = []

    /// An empty vocabulary, to read a vocabulary file into.
    public init() {}

    /// The bundled vocabulary's value words (the `values:` section of `Resources/vocabulary.yml`).
    public static var italian: ValueVocabulary { Vocabulary.shipped.values }
}

extension ValueVocabulary: VocabularySection {
    mutating func read(_ reader: inout VocabularyReader) throws {
        try readWordLists(&reader)
        try readPhrases(&reader)
        try readPeriodWords(&reader)
    }

    private mutating func readWordLists(_ reader: inout VocabularyReader) throws {
        try reader.update(&months, "months")
        try reader.update(&booleanTrue, "boolean_true")
        try reader.update(&booleanFalse, "boolean_false")
        try reader.update(&emptyWords, "empty_words")
        try reader.update(&comparatorConnectors, "comparator_connectors")
        try reader.update(&currencyMarkers, "currency_markers")
        try reader.update(&countMarkers, "count_markers")
    }

    private mutating func readPhrases(_ reader: inout VocabularyReader) throws {
        try reader.update(&comparators, "comparators") { value in
            try value.list { item in
                try item.entry { entry in
                    Phrase(try entry.required("words") { try $0.string() }, try entry.required("comparator") { try $0.comparator() })
                }
            }
        }
        try reader.update(&units, "units") { value in
            try value.pairs("words", "unit").map { Phrase($0, $1) }
        }
    }

    private mutating func readPeriodWords(_ reader: inout VocabularyReader) throws {
        try reader.update(&ordinals, "ordinals")
        try reader.update(&periodParts, "period_parts")
        try reader.update(&deadlineWords, "deadline_words")
        try reader.update(&yearWords, "year_words")
        try reader.update(&fillerWords, "filler_words")
        try reader.update(&rangeWords, "range_words")
        try reader.update(&deadlineTriggers, "deadline_triggers")
        try reader.update(&yearRangeWords, "year_range_words")
    }
}

extension VocabularyValue {
    /// One of the comparators of `Value.Comparator`, by its sign ("<", "<=", ">", ">=", "=").
    func comparator() throws -> Value.Comparator {
        guard let comparator = Value.Comparator(rawValue: try string()) else {
            throw problem("must be one of " + Value.Comparator.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        }
        return comparator
    }
}
