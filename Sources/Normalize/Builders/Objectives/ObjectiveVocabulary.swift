/// Words that say what kind of objective a heading or title label announces, and other small word lists the
/// objective builders read. The words are data, read from the `objectives:` section of
/// `Resources/vocabulary.yml` (`ObjectiveVocabulary.standard`); compared on `TextFolding.words`, so case,
/// accents and apostrophes do not matter.
struct ObjectiveVocabulary: Sendable {
    /// Word stems of a title label or heading → `level`. The first stem found in the text wins.
    var levelStems: [(stem: String, level: String)] = []
    /// Word stems → `category`, reported in the order the text gives them ("gestione, intersettoriale").
    var categoryStems: [(stem: String, category: String)] = [] {
        didSet { singledCategoryStems = categoryStems.map { (TextFolding.singlingDoubledLetters($0.stem), $0.category) } }
    }
    /// The stems with doubled letters written once, for misspelt words (kept with `categoryStems`).
    private(set) var singledCategoryStems: [(stem: String, category: String)] = []
    /// Heading openings that name the organisational unit of the objectives below them; the unit is the
    /// heading without the `dropped` words ("OBIETTIVI AREA AMMINISTRATIVA" → "AREA AMMINISTRATIVA").
    var orgUnitHeadings: [(opening: String, dropped: String)] = []
    /// Words of a heading or title row that announce an objective ("1. OBIETTIVO DI MIGLIORAMENTO 2024").
    var objectiveWords: Set<String> = [] {
        didSet { singledObjectiveWords = Set(objectiveWords.map(TextFolding.singlingDoubledLetters)) }
    }
    /// The objective words with doubled letters written once (kept with `objectiveWords`).
    private(set) var singledObjectiveWords: Set<String> = []
    /// Words between an objective word and the kind it names in an upper-case announcement ("OBIETTIVO DI
    /// EQUILIBRIO DI GENERE"): a kind no stem knows is still the sheet's category, as the document words it.
    var categoryPrepositions: Set<String> = []
    /// The longest such kind, in words.
    var maximumNamedCategoryWords = 4
    /// Words in a weight's text that make it points rather than percent ("(MAX 20 PUNTI)").
    var pointWords: Set<String> = []
    /// Month names of a cronoprogramma header, in calendar order (index + 1 is the month number).
    var months: [String] = []
    /// Abbreviated month columns ("Gen", "Feb", …) read by their first three letters.
    var monthPrefixLength = 3
    /// Marks of a cronoprogramma cell that say the phase runs in that month.
    var monthMarks: Set<String> = []
    /// Words between two months of a phrase that make them a range ("Gennaio - marzo", "giugno/settembre",
    /// "da aprile a giugno"); other words make a list ("Gennaio (buoni spesa) – febbraio").
    var monthRangeJoiners: Set<String> = []
    /// Words before a single month that make the phase run from January to it ("Sino a novembre 2024").
    var untilMonthWords: [String] = []
    /// Title rows of a staff list for one objective ("PERSONALE COINVOLTO NELL'OBIETTIVO").
    var staffListTitles: [String] = []
    /// Objective fields whose one-word label may share a cell with its value ("Stakeholder Dipendenti"): names
    /// and lists, which start in upper case, never a sentence that a label word might open.
    var oneWordLabelFields: Set<String> = []
    /// Openings of sheet rows that end an indicator table or staff list: the panels and cost tables that
    /// follow them ("Verifica Intermedia del …", "RISORSE AGGIUNTIVE UTILIZZATE", "COSTO DELLE RISORSE INTERNE").
    var sectionEnds: [String] = []
    /// Openings of a heading naming a mission ("MISSIONE 1 – Servizi istituzionali"), its code the next word.
    var missionWords: [String] = []
    /// The word of a cell naming a programme ("101 | Programma | 1 | …").
    var programWords: [String] = []
    /// Word stems of an indicator name label or title ("Indicatori di risultato").
    var indicatorStems: [String] = []
    /// Openings of an upper-case line alone in a staff list that is a cost heading, not a name.
    var costHeadings: [String] = []
    /// Where the formula of an indicator name starts ("N. pratiche evase / N. pratiche ricevute"), as written.
    var formulaOpenings: [String] = []

    /// The bundled vocabulary's objective words.
    static var standard: ObjectiveVocabulary { Vocabulary.shipped.objectives }

    /// Whether folded text opens with a mission word ("missione 1 …", also "missioni").
    func opensWithMissionWord(_ folded: String) -> Bool {
        missionWords.contains { folded.hasPrefix($0) }
    }

    /// Whether a word is a mission word ("missione" in "MISSIONE 1").
    func isMissionWord<S: StringProtocol>(_ word: S) -> Bool {
        missionWords.contains { $0 == word }
    }

    /// Whether a folded cell names a programme: the word alone or ending the cell ("101 programma").
    func namesProgram(_ folded: String) -> Bool {
        programWords.contains { folded == $0 || folded.hasSuffix(" " + $0) }
    }

    /// Whether a label starts with an indicator stem ("Indicatori di risultato", "Indicatore").
    func startsWithIndicatorStem(_ text: String) -> Bool {
        let folded = TextFolding.words(text)
        return indicatorStems.contains { folded.hasPrefix($0) }
    }

    func isCostHeading(_ text: String) -> Bool {
        let folded = TextFolding.words(text)
        return costHeadings.contains { folded.hasPrefix($0) }
    }

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
            if let hit = categoryStem(of: word), !found.contains(hit) { found.append(hit) }
        }
        return found
    }

    /// The category of a word by its stem; a word spelt with a single letter for a double one or the reverse
    /// ("EFICIENZA", the commonest typo of Italian) still finds its stem.
    private func categoryStem(of word: Substring) -> String? {
        if let hit = categoryStems.first(where: { word.hasPrefix($0.stem) }) { return hit.category }
        let single = TextFolding.singlingDoubledLetters(word)
        return singledCategoryStems.first { single.hasPrefix($0.stem) }?.category
    }

    /// The kind an upper-case announcement names when no stem knows it: "OBIETTIVO DI EQUILIBRIO DI GENERE" →
    /// "equilibrio di genere". A line in mixed case is running text, not a sheet's heading.
    func namedCategory(in text: String) -> String? {
        let letters = text.filter(\.isLetter)
        guard !letters.isEmpty, letters.allSatisfy({ !$0.isLowercase }) else { return nil }
        let words = TextFolding.words(text).split(separator: " ").drop { $0.allSatisfy(\.isNumber) }
        guard let first = words.first, isObjectiveWord(first) else { return nil }
        let rest = words.dropFirst()
        guard let preposition = rest.first, categoryPrepositions.contains(String(preposition)) else { return nil }
        let kind = rest.dropFirst()
        guard !kind.isEmpty, kind.count <= maximumNamedCategoryWords, kind.allSatisfy({ $0.allSatisfy(\.isLetter) }) else { return nil }
        return kind.joined(separator: " ")
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
        return isObjectiveWord(first)
    }

    /// An objective word, also misspelt with a doubled or a single letter ("OBBIETTIVO").
    func isObjectiveWord(_ word: Substring) -> Bool {
        objectiveWords.contains(String(word)) || singledObjectiveWords.contains(TextFolding.singlingDoubledLetters(word))
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

    /// The months a column header of a cronoprogramma names: one ("Gen."), or several where the layout set two
    /// months' headers in one cell ("Febbraio Marzo"); none when any word of it is no month.
    func months(ofHeader header: String) -> [Int] {
        if let month = month(of: header) { return [month] }
        let named = header.split(whereSeparator: \.isWhitespace).map { month(of: String($0)) }
        guard named.count > 1, named.allSatisfy({ $0 != nil }) else { return [] }
        return named.compactMap { $0 }
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

extension ObjectiveVocabulary: VocabularySection {
    mutating func read(_ reader: inout VocabularyReader) throws {
        try readObjectiveWords(&reader)
        try readCronoprogrammaWords(&reader)
        try readSheetWords(&reader)
    }

    private mutating func readObjectiveWords(_ reader: inout VocabularyReader) throws {
        try reader.update(&levelStems, "level_stems") { try $0.pairs("stem", "level").map { ($0, $1) } }
        try reader.update(&categoryStems, "category_stems") { try $0.pairs("stem", "category").map { ($0, $1) } }
        try reader.update(&orgUnitHeadings, "org_unit_headings") { try $0.pairs("opening", "dropped").map { ($0, $1) } }
        try reader.update(&objectiveWords, "objective_words")
        try reader.update(&categoryPrepositions, "category_prepositions")
        try reader.update(&pointWords, "point_words")
    }

    private mutating func readCronoprogrammaWords(_ reader: inout VocabularyReader) throws {
        try reader.update(&months, "months")
        try reader.update(&monthMarks, "month_marks")
        try reader.update(&monthRangeJoiners, "month_range_joiners")
        try reader.update(&untilMonthWords, "until_month_words")
    }

    private mutating func readSheetWords(_ reader: inout VocabularyReader) throws {
        try reader.update(&staffListTitles, "staff_list_titles")
        try reader.update(&oneWordLabelFields, "one_word_label_fields")
        try reader.update(&sectionEnds, "section_ends")
        try reader.update(&missionWords, "mission_words")
        try reader.update(&programWords, "program_words")
        try reader.update(&indicatorStems, "indicator_stems")
        try reader.update(&costHeadings, "cost_headings")
        try reader.update(&formulaOpenings, "formula_openings")
    }
}
