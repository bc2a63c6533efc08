/// The words the listing builders (budget lines, staff, risks, scheda anagrafica) look for besides the column
/// labels of `labels.yml`: section titles, part headings, total rows, employment phrases. Compared folded
/// (lower case, no accents; see `TextFolding.words`). Tunables of the readers live here too.
struct ListingVocabulary: Sendable {
    // MARK: Budget listings

    /// A heading starting with these words (spaces ignored: "P A R T E E N T R A T E") opens a part.
    var revenuePartHeadings = ["parte entrate", "parte entrata"]
    var expenditurePartHeadings = ["parte spese", "parte spesa", "parte uscite"]
    /// First letter of a chart-of-accounts code: "E.3.05.02.03.004" is revenue, "U.1.03…" expenditure.
    var revenueChartPrefix: Character = "E"
    var expenditureChartPrefix: Character = "U"
    /// Word stems of column labels that tell the direction ("Accertato" → revenue, "Impegnato" → expenditure).
    var revenueLabelStems = ["accert", "riscoss", "incass"]
    var expenditureLabelStems = ["impegn", "pagat", "pagament"]
    /// First word of a total row ("TOTALE PROGRAMMA", "Totale titoli").
    var totalWords: Set<String> = ["totale", "totali", "tot"]
    /// Word after the total word → level, with its rank (a total closes the totals of lower rank).
    var totalLevels: [(word: String, level: String, rank: Int)] = [
        ("titolo", "titolo", 1), ("titoli", "titolo", 1), ("tipologia", "tipologia", 1),
        ("programma", "programma", 1), ("programmi", "programma", 1), ("macroaggregato", "macroaggregato", 1),
        ("missione", "missione", 2), ("missioni", "missione", 2),
        ("entrate", "entrata", 3), ("entrata", "entrata", 3),
        ("spesa", "spesa", 3), ("spese", "spesa", 3), ("uscite", "spesa", 3),
        ("generale", "generale", 4),
    ]
    /// Rank of a total row whose level is not named ("TOTALE").
    var unnamedTotalRank = 1
    /// Rank of the section a part heading opens (the rank of TOTALE ENTRATE / TOTALE SPESA).
    var partSectionRank = 3
    /// Separates the parts of a programme heading ("MISSIONE 01 - PROGRAMMA 02: … - RESPONSABILE: …").
    var headingSegmentSeparator = " - "
    /// Most digits of a Titolo code in the key columns.
    var titleCodeMaximumDigits = 2
    /// Euro tolerance of the arithmetic checks.
    var amountTolerance = 0.01
    /// Fewest budget fields a header row names, amounts included, to be read as a listing header.
    var minimumBudgetHeaderFields = 4

    // MARK: Staff

    /// Headings above a staff table ("RISORSE UMANE DEL SERVIZIO", "DOTAZIONE ORGANICA DEL PERSONALE").
    var staffSectionTitles = ["risorse umane", "dotazione organica", "personale assegnato", "personale in servizio",
                              "personale dipendente", "personale a tempo", "dipendenti a tempo", "posizioni economiche",
                              "personale part time", "personale part-time"]
    /// Headings whose tables belong to one objective (read by the objective builders).
    var objectiveStaffTitles = ["personale coinvolto", "personale presunto coinvolto", "risorse umane coinvolte"]
    /// How far above a table (items) its heading may be.
    var staffHeadingLookBack = 4
    /// Employment phrases, folded, and what they say.
    var employmentPhrases: [(phrase: String, text: String)] = [
        ("tempo pieno", "tempo pieno"), ("full time", "tempo pieno"),
        ("tempo parziale", "tempo parziale"), ("part time", "tempo parziale"), ("pt", "tempo parziale"),
        ("p t", "tempo parziale"),
        ("tempo indeterminato", "indeterminato"), ("ed indeterminato", "indeterminato"), ("e indeterminato", "indeterminato"),
        ("tempo determinato", "determinato"),
    ]
    /// Categories of the CCNL before 2022 and the areas of the CCNL 16/11/2022 they moved to.
    var areaOfCategory: [Character: String] = [
        "A": "Area degli operatori", "B": "Area degli operatori esperti", "C": "Area degli istruttori",
        "D": "Area dei funzionari e dell'elevata qualificazione",
    ]
    /// Folded words naming an area of the CCNL 2022 in a column header → the area.
    var areaNames: [(words: String, area: String)] = [
        ("area degli operatori esperti", "Area degli operatori esperti"),
        ("area degli operatori", "Area degli operatori"),
        ("area degli istruttori", "Area degli istruttori"),
        ("area dei funzionari", "Area dei funzionari e dell'elevata qualificazione"),
    ]
    /// Row labels of a men/women breakdown; the total row gives the count.
    var menWords: Set<String> = ["uomini", "maschi", "u", "m"]
    var womenWords: Set<String> = ["donne", "femmine", "d", "f"]

    // MARK: Scheda anagrafica

    var entitySectionTitles = ["scheda anagrafica", "dati anagrafici", "anagrafica dell amministrazione", "anagrafica dell ente"]
    /// Items after the section heading read for label lines, at most.
    var entityLookAhead = 30

    static let italian = ListingVocabulary()
}
