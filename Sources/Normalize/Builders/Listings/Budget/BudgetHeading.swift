import Core

/// What a heading line of a budget listing says: the part ("PARTE ENTRATE", "P A R T E S P E S E"), the
/// titolo ("TITOLO 4 - ENTRATE IN CONTO CAPITALE"), or the programme and its owner
/// ("MISSIONE 01 - PROGRAMMA 02: SEGRETERIA GENERALE - RESPONSABILE: SALVINELLI NICOLA",
/// "… - RESP.: SAVELLI ROBERTO", "MISSIONE 20 - PROGRAMMI 1, 2 E 3: …", "MISSIONE 99 - SERVIZI PER CONTO TERZI").
/// The words Missione, Programma, Titolo and Responsabile are the budget_line labels of `labels.yml`.
struct BudgetHeading: Equatable {
    var direction: String?
    var missionCode: String?
    /// Every programme the heading names ("1, 2 E 3"), zero-padded.
    var programCodes: [String] = []
    var owner: String?
    var titleCode: String?

    var opensProgramme: Bool { missionCode != nil }

    /// How many words from the start a Missione or Titolo label may stand after a part heading.
    static let labelSearchWords = 4

    static func parse(_ text: String, labels: LabelMatcher, vocabulary: ListingVocabulary) -> BudgetHeading? {
        let cleaned = TextCleaner.clean(text)
        guard !cleaned.isEmpty else { return nil }
        var heading = BudgetHeading()
        if ListingCells.starts(cleaned, withAnyOf: vocabulary.revenuePartHeadings) { heading.direction = "revenue" }
        if ListingCells.starts(cleaned, withAnyOf: vocabulary.expenditurePartHeadings) { heading.direction = "expenditure" }
        let words = cleaned.split(separator: " ").map(String.init)
        // The label opens the line, or follows the part heading ("PARTE SPESA MISSIONE 01 - …").
        let reach = heading.direction == nil ? 1 : labelSearchWords
        if let (code, next) = codedLabel(in: words, field: "mission_code", within: reach, labels: labels) {
            heading.missionCode = code
            heading.programCodes = programCodes(in: words, from: next, labels: labels)
            heading.owner = owner(in: cleaned, labels: labels, separator: vocabulary.headingSegmentSeparator)
        } else if let (code, _) = codedLabel(in: words, field: "title_code", within: reach, labels: labels) {
            heading.titleCode = code
        }
        let saysSomething = heading.direction != nil || heading.missionCode != nil || heading.titleCode != nil
        return saysSomething ? heading : nil
    }

    /// A label of `field` among the first `reach` words, followed by a number: the number, zero-padded, and
    /// the index after it.
    static func codedLabel(in words: [String], field: String, within reach: Int, labels: LabelMatcher) -> (String, Int)? {
        let last = min(words.count - 1, reach)
        guard last > 0 else { return nil }
        for index in 0..<last where isLabel(words[index], of: field, labels: labels) {
            if let number = code(words[index + 1]) { return (number, index + 2) }
        }
        return nil
    }

    /// The programme numbers after a Programma label: "PROGRAMMA 02:", "PROGRAMMI 1, 2 E 3:".
    static func programCodes(in words: [String], from start: Int, labels: LabelMatcher) -> [String] {
        var index = start
        while index < words.count, !isLabel(words[index], of: "program_code", labels: labels) {
            if index - start > labelSearchWords { return [] }
            index += 1
        }
        var codes: [String] = []
        index += 1
        while index < words.count {
            if let number = code(words[index]) {
                codes.append(number)
                if words[index].hasSuffix(":") { break }
            } else if TextFolding.words(words[index]) != "e" {
                break
            }
            index += 1
        }
        return codes
    }

    /// The owner: the last " - " segment that starts with a Responsabile label ("RESP.: SAVELLI ROBERTO",
    /// "RESPONSABILE PERINI ANGELO").
    static func owner(in text: String, labels: LabelMatcher, separator: String) -> String? {
        let ownerLabels = labels.dictionary.labels(for: .budgetLine, field: "owner")
        for segment in text.components(separatedBy: separator).reversed() {
            for label in ownerLabels {
                if let rest = segment.droppingWords(of: label) {
                    let name = String(rest.trimmingCharacters(in: ": "))
                    if !name.isEmpty { return name }
                }
            }
        }
        return nil
    }

    static func isLabel(_ word: String, of field: String, labels: LabelMatcher) -> Bool {
        let bare = String(word.trimmingCharacters(in: ":.,;"))
        guard bare.first?.isLetter == true, let match = labels.exactMatch(bare, in: .budgetLine) else {
            return false
        }
        return match.field == field
    }

    /// "01", "1:", "3," → the number zero-padded to two digits.
    static func code(_ word: String) -> String? {
        let bare = word.trimmingCharacters(in: ":.,;")
        guard !bare.isEmpty, bare.count <= 3, bare.allSatisfy(\.isASCIIDigit), let number = Int(bare) else { return nil }
        return number < 10 ? "0\(number)" : String(number)
    }
}
