import Core

/// The words the value parsers read, in the folded form of `TextFolding.fold` (lower case,
/// no accents, `'` for every apostrophe). Everything language-specific lives here, not in the parsers.
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
    public var months: [String: Int]
    public var booleanTrue: Set<String>
    public var booleanFalse: Set<String>
    /// Placeholders meaning "no value" beyond the punctuation-only ones ("-", "//", ".. /.. /..").
    public var emptyWords: Set<String>
    /// Comparator phrases, tried longest first.
    public var comparators: [Phrase<Value.Comparator>]
    /// Words that may follow a comparator before the number ("< di 5", "almeno l'80%").
    public var comparatorConnectors: [String]
    public var currencyMarkers: [String]
    /// Marks of a count before the number ("n. 28", "n.5985").
    public var countMarkers: [String]
    /// Unit spellings → canonical unit names written to `Value.unit`.
    public var units: [Phrase<String>]
    /// "primo semestre": ordinal words → 1, 2, 3, 4.
    public var ordinals: [String: Int]
    /// "semestre" → 6 months per part.
    public var periodParts: [String: Int]
    /// Words that say the period is a time limit ("entro", "fine", "tutto l'anno").
    public var deadlineWords: Set<String>
    /// Words meaning "the year" ("anno"): alone they mean the reference year.
    public var yearWords: Set<String>
    /// Words that carry no meaning in a date phrase (articles, prepositions).
    public var fillerWords: Set<String>
    /// Words that join the two ends of a range ("da giugno a settembre").
    public var rangeWords: Set<String>
    /// Words that open a deadline inside running text, for `ValueParser.parseTimeframe`.
    public var deadlineTriggers: Set<String>
    /// Words allowed around years in a year range ("Triennio 2024-2026").
    public var yearRangeWords: Set<String>

    public static let italian = ValueVocabulary(
        months: [
            "gennaio": 1, "gen": 1, "genn": 1, "febbraio": 2, "feb": 2, "febb": 2, "marzo": 3, "mar": 3,
            "aprile": 4, "apr": 4, "maggio": 5, "mag": 5, "giugno": 6, "giu": 6, "luglio": 7, "lug": 7,
            "agosto": 8, "ago": 8, "settembre": 9, "set": 9, "sett": 9, "ottobre": 10, "ott": 10,
            "novembre": 11, "nov": 11, "dicembre": 12, "dic": 12,
        ],
        booleanTrue: ["si", "si'", "yes", "vero"],
        booleanFalse: ["no", "falso"],
        emptyWords: ["n.d.", "n.d", "nd", "n.a.", "n.a", "n/a", "n.p.", "n.r.", "non disponibile", "non pervenuto"],
        comparators: [
            Phrase("maggiore o uguale", .greaterOrEqual), Phrase("minore o uguale", .lessOrEqual),
            Phrase("non inferiore", .greaterOrEqual), Phrase("non superiore", .lessOrEqual),
            Phrase("non meno", .greaterOrEqual), Phrase("non oltre", .lessOrEqual),
            Phrase("almeno", .greaterOrEqual), Phrase("minimo", .greaterOrEqual), Phrase("min.", .greaterOrEqual),
            Phrase("massimo", .lessOrEqual), Phrase("max.", .lessOrEqual), Phrase("max", .lessOrEqual),
            Phrase("fino", .lessOrEqual), Phrase("sino", .lessOrEqual),
            Phrase("oltre", .greaterThan), Phrase("piu", .greaterThan), Phrase("superiore", .greaterThan),
            Phrase("maggiore", .greaterThan), Phrase("meno", .lessThan), Phrase("inferiore", .lessThan),
            Phrase("minore", .lessThan), Phrase("pari", .equal),
            Phrase("<=", .lessOrEqual), Phrase("=<", .lessOrEqual), Phrase("≤", .lessOrEqual),
            Phrase(">=", .greaterOrEqual), Phrase("=>", .greaterOrEqual), Phrase("≥", .greaterOrEqual),
            Phrase("<", .lessThan), Phrase(">", .greaterThan), Phrase("=", .equal),
        ],
        comparatorConnectors: ["di", "a", "ad", "al", "alla", "all'", "allo", "l'", "del", "della", "dell'", "dello", "uguale a"],
        currencyMarkers: ["€", "euro", "eur.", "eur"],
        countMarkers: ["n.", "nr.", "nr", "n°", "num.", "numero"],
        units: [
            Phrase("ab/kmq", "inhabitants/km2"), Phrase("ab./kmq", "inhabitants/km2"),
            Phrase("abitanti/kmq", "inhabitants/km2"),
            Phrase("kmq", "km2"), Phrase("km²", "km2"), Phrase("km2", "km2"),
            Phrase("km.", "km"), Phrase("km", "km"), Phrase("chilometri", "km"),
            Phrase("mq.", "m2"), Phrase("mq", "m2"), Phrase("m²", "m2"),
            Phrase("mt.", "m"), Phrase("mt", "m"), Phrase("metri", "m"),
            Phrase("gg.", "days"), Phrase("gg", "days"), Phrase("giorni", "days"), Phrase("giorno", "days"),
            Phrase("ore", "hours"), Phrase("ora", "hours"), Phrase("h", "hours"),
            Phrase("mesi", "months"), Phrase("mese", "months"),
            Phrase("anni", "years"),
            Phrase("punti", "points"), Phrase("punto", "points"), Phrase("pt.", "points"),
            Phrase("unita", "units"), Phrase("abitanti", "inhabitants"), Phrase("ab.", "inhabitants"),
        ],
        ordinals: [
            "primo": 1, "prima": 1, "1": 1, "i": 1, "secondo": 2, "seconda": 2, "2": 2, "ii": 2,
            "terzo": 3, "terza": 3, "3": 3, "iii": 3, "quarto": 4, "quarta": 4, "4": 4, "iv": 4,
        ],
        periodParts: ["semestre": 6, "quadrimestre": 4, "trimestre": 3, "bimestre": 2],
        deadlineWords: ["entro", "fine", "oltre", "scadenza", "termine", "sino", "fino", "tutto", "tutta", "durante", "corso"],
        yearWords: ["anno", "annualita", "esercizio"],
        fillerWords: [
            "il", "lo", "la", "l'", "i", "gli", "le", "del", "dello", "della", "dell'", "dei", "degli", "delle",
            "di", "d'", "non", "per", "da", "dal", "dall'", "dalla", "dallo", "nel", "nell'", "nella", "in",
            "mese", "mesi", "stesso", "corrente", "solare", "periodo", "biennio", "triennio",
        ],
        rangeWords: ["a", "al", "all'", "alla", "e", "ad"],
        deadlineTriggers: ["entro"],
        yearRangeWords: [
            "triennio", "biennio", "quinquennio", "periodo", "anni", "anno", "annualita", "esercizi", "esercizio",
            "dal", "al", "a", "e", "il", "per", "del", "programmazione",
        ]
    )
}
