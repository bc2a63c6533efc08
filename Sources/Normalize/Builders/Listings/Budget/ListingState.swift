import Core

/// What the budget builder knows at a point of the listing: the part, the programme heading and its owner,
/// the header in force, and the rows the next total will close.
struct ListingState {
    var checks: BudgetChecks
    var scope = TotalScope()
    var layout: HeaderLayout?
    var partDirection: String?
    var missionCode: String?
    var programCode: String?
    var owner: String?
    var headingText: String?
    var headingWarnings: [FieldWarning] = []
    private var keyCounts: [String: Int] = [:]

    init(checks: BudgetChecks) { self.checks = checks }

    mutating func apply(_ heading: BudgetHeading, text: String, vocabulary: ListingVocabulary) {
        if let direction = heading.direction {
            partDirection = direction
            clearProgramme()
            scope.startSection(rank: vocabulary.partSectionRank)
        }
        if heading.opensProgramme {
            missionCode = heading.missionCode
            owner = heading.owner
            headingText = TextCleaner.clean(text)
            headingWarnings = []
            programCode = heading.programCodes.count == 1 ? heading.programCodes[0] : nil
            if heading.programCodes.count > 1 {
                headingWarnings.append(FieldWarning(field: "program_code",
                                                    message: "several programmes (\(heading.programCodes.joined(separator: ", ")))"))
            }
            scope.startSection(rank: 1)
        } else if heading.titleCode != nil {
            clearProgramme()
            headingText = TextCleaner.clean(text)
            scope.startSection(rank: 1)
        }
    }

    /// A total closes its rows (checked) and, from the programme level up, the programme heading.
    mutating func closeTotal(_ total: BudgetTotal, amounts: BudgetAmounts, record: inout Record) {
        let parts = scope.close(amounts, rank: total.rank)
        record.warnings += checks.totalWarnings(amounts, parts: parts)
        if total.rank >= 1 { clearProgramme() }
    }

    /// Expenditure lines belong to a programme; a line after a programme's total and before the next heading
    /// has none.
    func expectsProgramme(_ direction: String?) -> Bool {
        direction == "expenditure" && missionCode == nil
    }

    /// Direction from the chart code's letter, the label of the committed (or cashed, available) column, or the
    /// part heading, in that order; a warning when two of them disagree.
    func direction(of row: BudgetRow, layout: HeaderLayout, vocabulary: ListingVocabulary) -> (value: String?, warning: FieldWarning?) {
        var said: [(source: String, direction: String)] = []
        if let letter = row.key["chart_code"]?.first?.uppercased().first {
            if letter == vocabulary.revenueChartPrefix { said.append(("chart code", "revenue")) }
            if letter == vocabulary.expenditureChartPrefix { said.append(("chart code", "expenditure")) }
        }
        if let labelled = labelDirection(layout, vocabulary: vocabulary) { said.append(("column label", labelled)) }
        if let partDirection { said.append(("part heading", partDirection)) }
        guard let first = said.first else { return (nil, nil) }
        if let other = said.first(where: { $0.direction != first.direction }) {
            return (first.direction, FieldWarning(field: "direction", message:
                "\(first.source) says \(first.direction), \(other.source) says \(other.direction)"))
        }
        return (first.direction, nil)
    }

    private func labelDirection(_ layout: HeaderLayout, vocabulary: ListingVocabulary) -> String? {
        for part in ["amounts.committed", "amounts.cashed", "amounts.available"] {
            guard let column = layout.column(of: part) else { continue }
            let label = TextFolding.words(layout.columns[column].label)
            let revenue = vocabulary.revenueLabelStems.contains { label.contains($0) }
            let expenditure = vocabulary.expenditureLabelStems.contains { label.contains($0) }
            if revenue != expenditure { return revenue ? "revenue" : "expenditure" }
        }
        return nil
    }

    /// The record's natural key: what identifies a line (or a total) in the listing, numbered when repeated.
    mutating func naturalKey(_ row: BudgetRow, total: BudgetTotal?, direction: String?) -> String {
        let parts: [String?]
        if let total {
            parts = ["total", direction, total.level, total.titleCode, missionCode, programCode]
        } else {
            parts = ["line", direction, row.key["chart_code"], row.key["chapter"], row.key["article"], missionCode, programCode,
                     row.key["description"]]
        }
        let key = parts.map { $0 ?? "" }.joined(separator: "|")
        let seen = keyCounts[key, default: 0]
        keyCounts[key] = seen + 1
        return seen == 0 ? key : key + "|\(seen + 1)"
    }

    private mutating func clearProgramme() {
        missionCode = nil
        programCode = nil
        owner = nil
        headingText = nil
        headingWarnings = []
    }
}
