/// Words that say what kind of objective a heading or title label announces, and other small word lists the
/// objective builders read. Tunables as data: compared on `TextFolding.words`, so case, accents and
/// apostrophes do not matter.
struct ObjectiveVocabulary: Sendable {
    /// Word stems of a title label or heading → `level`. The first stem found in the text wins.
    var levelStems: [(stem: String, level: String)] = [
        ("strategic", "strategic"),
        ("operativ", "operational"),
        ("performance", "performance"),
        ("peg", "operational"),
    ]
    /// Word stems → `category`, reported in the order the text gives them ("gestione, intersettoriale").
    var categoryStems: [(stem: String, category: String)] = [
        ("accessibilit", "accessibilità"),
        ("qualit", "qualità"),
        ("efficienza", "efficienza"),
        ("efficacia", "efficacia"),
        ("formazione", "formazione"),
        ("digitalizzazione", "digitalizzazione"),
        ("semplificazione", "semplificazione"),
        ("pnrr", "pnrr"),
        ("miglioramento", "miglioramento"),
        ("innovativ", "innovativo"),
        ("gestione", "gestione"),
        ("trasversal", "trasversale"),
        ("intersettorial", "intersettoriale"),
    ]
    /// Heading openings that name the organisational unit of the objectives below them; the unit is the
    /// heading without the `dropped` words ("OBIETTIVI AREA AMMINISTRATIVA" → "AREA AMMINISTRATIVA").
    var orgUnitHeadings: [(opening: String, dropped: String)] = [
        ("obiettivi area", "obiettivi"),
        ("obiettivi del settore", "obiettivi del"),
        ("obiettivi settore", "obiettivi"),
        ("obiettivi servizio", "obiettivi"),
        ("obiettivi del servizio", "obiettivi del"),
        ("settore", ""),
        ("area", ""),
        ("servizio", ""),
        ("servizi", ""),
    ]
    /// Words of a heading or title row that announce an objective ("1. OBIETTIVO DI MIGLIORAMENTO 2024").
    var objectiveWords: Set<String> = ["obiettivo", "obbiettivo", "progetto"]
    /// Words in a weight's text that make it points rather than percent ("(MAX 20 PUNTI)").
    var pointWords: Set<String> = ["punti", "punto", "pt", "pti", "punteggio"]
    /// Month names of a cronoprogramma header, in calendar order (index + 1 is the month number).
    var months: [String] = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                            "settembre", "ottobre", "novembre", "dicembre"]
    /// Abbreviated month columns ("Gen", "Feb", …) read by their first three letters.
    var monthPrefixLength = 3
    /// Marks of a cronoprogramma cell that say the phase runs in that month.
    var monthMarks: Set<String> = ["x", "xx", "•", "■", "si", "✓", "✔", "*"]
    /// Words between two months of a phrase that make them a range ("Gennaio - marzo", "giugno/settembre",
    /// "da aprile a giugno"); other words make a list ("Gennaio (buoni spesa) – febbraio").
    var monthRangeJoiners: Set<String> = ["-", "–", "—", "/", "a", "al", "fino a", "sino a"]
    /// Words before a single month that make the phase run from January to it ("Sino a novembre 2024").
    var untilMonthWords: [String] = ["sino a", "fino a", "entro", "entro il", "entro fine", "entro la fine di"]
    /// Title rows of a staff list for one objective ("PERSONALE COINVOLTO NELL'OBIETTIVO").
    var staffListTitles: [String] = ["personale coinvolto", "personale presunto coinvolto", "risorse umane coinvolte"]

    /// Openings of sheet rows that end an indicator table or staff list: the panels and cost tables that
    /// follow them ("Verifica Intermedia del …", "RISORSE AGGIUNTIVE UTILIZZATE", "COSTO DELLE RISORSE INTERNE").
    var sectionEnds: [String] = ["verifica intermedia", "risorse aggiuntive", "costo", "analisi degli scostamenti",
                                 "risorse finanziarie", "tipologia"]

    static let standard = ObjectiveVocabulary()

    func endsSection(_ text: String) -> Bool {
        let folded = TextFolding.words(text)
        return sectionEnds.contains { folded.hasPrefix($0) }
    }

    func level(in text: String) -> String? {
        let words = TextFolding.words(text).split(separator: " ")
        for (stem, level) in levelStems where words.contains(where: { $0.hasPrefix(stem) }) { return level }
        return nil
    }

    func categories(in text: String) -> [String] {
        var found: [String] = []
        for word in TextFolding.words(text).split(separator: " ") {
            if let hit = categoryStems.first(where: { word.hasPrefix($0.stem) }), !found.contains(hit.category) {
                found.append(hit.category)
            }
        }
        return found
    }

    /// The unit a heading names, or nil when it names none.
    func orgUnit(fromHeading heading: String) -> String? {
        let cleaned = TextCleaner.clean(heading)
        let folded = TextFolding.words(cleaned)
        for (opening, dropped) in orgUnitHeadings where folded == opening || folded.hasPrefix(opening + " ") {
            guard !dropped.isEmpty else { return cleaned }
            return cleaned.droppingWords(of: dropped) ?? cleaned
        }
        return nil
    }

    /// Whether a short text announces an objective: its first word (after a code) is an objective word.
    func announcesObjective(_ text: String) -> Bool {
        let words = TextFolding.words(text).split(separator: " ").drop { $0.allSatisfy { $0.isNumber } }
        guard let first = words.first else { return false }
        return objectiveWords.contains(String(first))
    }

    /// 1-based month of a column header, nil when it is none.
    func month(of header: String) -> Int? {
        let folded = TextFolding.words(header)
        guard folded.count >= monthPrefixLength else { return nil }
        if let index = months.firstIndex(of: folded) { return index + 1 }
        let prefix = String(folded.prefix(monthPrefixLength))
        guard folded.allSatisfy(\.isLetter), let index = months.firstIndex(where: { $0.hasPrefix(prefix) && $0.hasPrefix(folded) })
        else { return nil }
        return index + 1
    }

    /// The months (1-12) a phrase of a cronoprogramma cell names, in order: "Gennaio - marzo" → 1, 2, 3;
    /// "Gennaio (buoni spesa) – febbraio" → 1, 2; "Sino a novembre 2024" → 1…11; "dicembre" → 12. Months are
    /// read by their full names only (abbreviations are too easily other words in a sentence).
    func months(inPhrase phrase: String) -> [Int] {
        var found: [(month: Int, gap: String)] = []
        var gap = ""
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            if let index = months.firstIndex(of: TextFolding.words(word)) {
                found.append((index + 1, gap.trimmingCharacters(in: " ").description))
                gap = ""
            } else {
                gap += word
            }
            word = ""
        }
        for character in phrase {
            if character.isLetter || character == "'" || character == "’" {
                word.append(character)
            } else {
                endWord()
                gap.append(character)
            }
        }
        endWord()
        var result: [Int] = []
        for (offset, (month, gapBefore)) in found.enumerated() {
            let joiner = TextFolding.words(gapBefore).isEmpty ? gapBefore.filter { !$0.isWhitespace } : TextFolding.words(gapBefore)
            if offset > 0, let previous = result.last, month > previous, monthRangeJoiners.contains(joiner) {
                result += Array((previous + 1)...month)
            } else if offset == 0, found.count == 1, untilMonthWords.contains(TextFolding.words(gapBefore)) {
                result += Array(1...month)
            } else if !result.contains(month) {
                result.append(month)
            }
        }
        return result
    }

    func isStaffListTitle(_ text: String) -> Bool {
        let folded = TextFolding.words(text)
        return staffListTitles.contains { folded.hasPrefix($0) }
    }
}
