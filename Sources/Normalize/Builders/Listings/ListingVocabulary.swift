import Core

/// The words the listing builders (budget lines, staff, risks, scheda anagrafica) look for besides the column
/// labels of `labels.yml`: section titles, part headings, total rows, employment phrases. The words are data,
/// read from the `listings:` section of `Resources/vocabulary.yml` (`ListingVocabulary.italian`); compared
/// folded (lower case, no accents; see `TextFolding.words`). The numeric settings of the readers live here.
struct ListingVocabulary: Sendable {
    // MARK: Budget listings

    /// A heading starting with these words (spaces ignored: "P A R T E E N T R A T E") opens a part.
    var revenuePartHeadings: [String] = []
    var expenditurePartHeadings: [String] = []
    /// First letter of a chart-of-accounts code: "E.3.05.02.03.004" is revenue, "U.1.03…" expenditure.
    var revenueChartPrefix: Character = " "
    var expenditureChartPrefix: Character = " "
    /// Word stems of column labels that tell the direction ("Accertato" → revenue, "Impegnato" → expenditure).
    var revenueLabelStems: [String] = []
    var expenditureLabelStems: [String] = []
    /// First word of a total row ("TOTALE PROGRAMMA", "Totale titoli").
    var totalWords: Set<String> = []
    /// Word after the total word → level, with its rank (a total closes the totals of lower rank).
    var totalLevels: [(word: String, level: String, rank: Int)] = []
    /// Levels whose total row names a code after the level word ("TOTALE TITOLO 3").
    var codedTotalLevels: Set<String> = []
    /// Rank of a total row whose level is not named ("TOTALE").
    var unnamedTotalRank = 1
    /// Rank of the section a part heading opens (the rank of TOTALE ENTRATE / TOTALE SPESA).
    var partSectionRank = 3
    /// Separates the parts of a programme heading ("MISSIONE 01 - PROGRAMMA 02: … - RESPONSABILE: …").
    var headingSegmentSeparator = " - "
    /// Most digits of a Titolo code in the key columns.
    var titleCodeMaximumDigits = 2
    /// Euro tolerance of the arithmetic checks: one cent, exactly.
    var amountTolerance = ExactDecimal(significand: 1, scale: 2)
    /// Fewest budget fields a header row names, amounts included, to be read as a listing header.
    var minimumBudgetHeaderFields = 4
    /// Columns a headerless table may have more or fewer than the listing above it and still continue it (when
    /// its rows end in every amount the header names).
    var continuedListingColumnDifference = 2

    // MARK: Staff

    /// Headings above a staff table ("RISORSE UMANE DEL SERVIZIO", "DOTAZIONE ORGANICA DEL PERSONALE").
    var staffSectionTitles: [String] = []
    /// Headings whose tables belong to one objective (read by the objective builders).
    var objectiveStaffTitles: [String] = []
    /// How far above a table (items) its heading may be.
    var staffHeadingLookBack = 4
    /// Employment phrases, folded, and what they say.
    var employmentPhrases: [(phrase: String, text: String)] = []
    /// Words before a category code that are not part of it ("CATEGORIA B") and words that are ("ex C1").
    var categoryWords: Set<String> = []
    var formerCategoryWords: Set<String> = []
    /// Categories of the CCNL before 2022 and the areas of the CCNL 16/11/2022 they moved to.
    var areaOfCategory: [Character: String] = [:]
    /// Folded words naming an area of the CCNL 2022 in a column header → the area.
    var areaNames: [(words: String, area: String)] = []
    /// Row labels of a men/women breakdown; the total row gives the count.
    var menWords: Set<String> = []
    var womenWords: Set<String> = []

    // MARK: Scheda anagrafica

    var entitySectionTitles: [String] = []
    /// Items after the section heading read for label lines, at most.
    var entityLookAhead = 30

    /// The bundled vocabulary's listing words.
    static var italian: ListingVocabulary { Vocabulary.shipped.listings }
}

extension ListingVocabulary: VocabularySection {
    mutating func read(_ reader: inout VocabularyReader) throws {
        try readBudgetWords(&reader)
        try readStaffWords(&reader)
        try reader.update(&entitySectionTitles, "entity_section_titles")
    }

    private mutating func readBudgetWords(_ reader: inout VocabularyReader) throws {
        try reader.update(&revenuePartHeadings, "revenue_part_headings")
        try reader.update(&expenditurePartHeadings, "expenditure_part_headings")
        try reader.update(&revenueChartPrefix, "revenue_chart_prefix") { try $0.character() }
        try reader.update(&expenditureChartPrefix, "expenditure_chart_prefix") { try $0.character() }
        try reader.update(&revenueLabelStems, "revenue_label_stems")
        try reader.update(&expenditureLabelStems, "expenditure_label_stems")
        try reader.update(&totalWords, "total_words")
        try reader.update(&totalLevels, "total_levels") { value in
            try value.list { item in
                try item.entry { entry in
                    (try entry.required("word") { try $0.string() }, try entry.required("level") { try $0.string() },
                     try entry.required("rank") { try $0.integer() })
                }
            }
        }
        try reader.update(&codedTotalLevels, "coded_total_levels")
    }

    private mutating func readStaffWords(_ reader: inout VocabularyReader) throws {
        try reader.update(&staffSectionTitles, "staff_section_titles")
        try reader.update(&objectiveStaffTitles, "objective_staff_titles")
        try reader.update(&employmentPhrases, "employment_phrases") { try $0.pairs("phrase", "text").map { ($0, $1) } }
        try reader.update(&categoryWords, "category_words")
        try reader.update(&formerCategoryWords, "former_category_words")
        try reader.update(&areaOfCategory, "area_of_category") { value in
            let pairs = try value.table { try $0.string() }
            return try Dictionary(pairs.map { pair in
                guard pair.key.count == 1, let letter = pair.key.first else {
                    throw VocabularyValue(node: value.node, source: value.source, path: value.path + "." + pair.key)
                        .problem("must be named by a single letter")
                }
                return (letter, pair.value)
            }, uniquingKeysWith: { first, _ in first })
        }
        try reader.update(&areaNames, "area_names") { try $0.pairs("words", "area").map { ($0, $1) } }
        try reader.update(&menWords, "men_words")
        try reader.update(&womenWords, "women_words")
    }
}
