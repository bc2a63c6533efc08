import Core

/// Objectives one per table row (Cazzago PEG "N. | INDIRIZZO STRATEGICO | PROGETTO STRATEGICO | STAKEHOLDER FINALI"
/// and "Progetti Strategici | … | Obiettivi di PEG | Indicatore di risultato | Risultato Atteso", Calcinate "AREE
/// STRATEGICHE | AZIONI | OBIETTIVI SPECIFICI | INDICATORI | PERSONALE"). A table is one when its first row is a
/// header whose labels (`labels.yml`) name a title column and enough other objective fields; each row below it is
/// then read by its column's field:
/// - a row with a cell in an identity column (title, description, parent, code) is a new objective; its empty
///   cells are the ones above (grouped cells), except the code, which names one row only;
/// - a row with only indicator cells (and cells such as the staff of that indicator) adds an indicator to the
///   objective above;
/// - a row that continues the row above — its first cell starting in lower case (a cell wrapped or cut by a page
///   break), or filling only cells left empty above, or only the values of the indicator above — is joined to it.
/// Indicator columns (the name, then target, actual, … and year columns right of it) become `indicator` records.
struct ObjectiveTableBuilder: RecordBuilder {
    var vocabulary = ObjectiveVocabulary.standard
    /// Distinct fields the header needs (the title, other objective fields and an indicator column).
    var minimumFields = 3
    /// Objective fields whose cell makes a row a new objective.
    var identityFields: Set<String> = ["code", "level", "category", "title", "description", "parent_code", "parent_title"]
    /// Fields whose empty cell is not read as the one above.
    var uncarriedFields: Set<String> = ["code"]
    /// Indicator fields read from the columns right of the indicator's name.
    var indicatorValueFields: Set<String> = ["formula", "unit", "baseline", "target", "actual", "target_year", "group"]

    /// Share of the header's words that the text between a headerless table and the objective table above must
    /// hold for the table to take that header (the header left alone at a page foot, read as text).
    var headerWordsAboveShare = 0.6

    func build(in context: inout DocumentContext) -> [Record] {
        var maker = ObjectiveRecordMaker(vocabulary: vocabulary)
        var records: [Record] = []
        var lastRead: (index: Int, layout: TableLayout, columns: Int)?
        for index in context.items.indices where !context.isClaimed(index) {
            guard case .table(_, let table) = context.items[index] else { continue }
            var borrowed = false
            var found = TableLayout(table: table, labels: context.labels, builder: self)
            if found == nil, let last = lastRead, last.columns == table.columnCount,
               headerStandsAsText(last.layout, between: last.index, and: index, in: context) {
                found = last.layout.withoutHeaderRows
                borrowed = true
            }
            guard let layout = found else { continue }
            var reader = RowReader(builder: self, layout: layout, item: index, table: table,
                                   orgUnit: orgUnit(above: index, in: context), mission: mission(above: index, in: context))
            var drafts = reader.read()
            if reader.orgUnit != nil, let owner = owner(above: index, in: context) {
                for offset in drafts.indices where !drafts[offset].has("owner") {
                    drafts[offset].add("owner", label: owner.label, text: owner.text)
                }
            }
            guard !drafts.isEmpty else { continue }
            let first = records.count
            for draft in drafts { records += maker.records(for: draft, in: &context) }
            if borrowed { for offset in first..<records.count { records[offset].source.note("header", cue: "text above") } }
            context.claim(index)
            lastRead = (index, layout, table.columnCount)
        }
        return records
    }

    /// Only text stands between the two tables, and it holds most of the words of the first one's header labels.
    private func headerStandsAsText(_ layout: TableLayout, between start: Int, and end: Int, in context: DocumentContext) -> Bool {
        var text = ""
        for item in context.items[(start + 1)..<end] {
            guard case .block(let block) = item else { return false }
            text += " " + block.text
        }
        let above = Set(TextFolding.words(text).split(separator: " "))
        let header = layout.labelWords
        guard !header.isEmpty else { return false }
        return Double(header.filter(above.contains).count) >= headerWordsAboveShare * Double(header.count)
    }

    /// The innermost heading above the table that names a unit ("SERVIZIO TRIBUTI", "SETTORE AFFARI GENERALI").
    private func orgUnit(above index: Int, in context: DocumentContext) -> String? {
        context.sectionPaths[index].reversed().lazy.compactMap { vocabulary.orgUnit(fromHeading: $0) }.first
    }

    /// The "Responsabile: …" line of the unit the table sits in: the nearest one above it, below the unit's heading
    /// (a table under no unit heading takes none).
    private func owner(above index: Int, in context: DocumentContext) -> (label: String, text: String)? {
        var at = index - 1
        while at >= 0 {
            if case .block(let block) = context.items[at] {
                if block.kind == .heading, vocabulary.orgUnit(fromHeading: block.text) != nil { return nil }
                let label: String?
                let value: String?
                if block.kind == .labelValue {
                    (label, value) = (block.label, block.value)
                } else if let colon = block.text.firstIndex(of: ":") {
                    (label, value) = (String(block.text[..<colon]), String(block.text[block.text.index(after: colon)...]))
                } else {
                    (label, value) = (nil, nil)
                }
                if let label, let value, let match = context.labels.exactMatch(TextCleaner.clean(label), in: .objective),
                   match.field == "owner", !TextCleaner.clean(value).isEmpty {
                    return (TextCleaner.clean(label), TextCleaner.clean(value))
                }
            }
            at -= 1
        }
        return nil
    }

    /// A "MISSIONE 1 - Servizi istituzionali" heading the table sits under.
    private func mission(above index: Int, in context: DocumentContext) -> String? {
        context.sectionPaths[index].reversed().first { heading in
            let words = TextFolding.words(heading).split(separator: " ")
            return words.count >= 2 && vocabulary.isMissionWord(words[0]) && words[1].first?.isNumber == true
        }
    }
}

/// What each column of an objective table holds, read from its header row.
struct TableLayout {
    enum Role {
        case objective(field: String, label: String)
        /// A second column naming a field already taken: its text stays in `raw`.
        case duplicate(field: String, label: String)
        case indicatorName(label: String)
        case indicator(field: String, label: String)
        case year(String)
        /// A column with no known label: its text stays in `raw`.
        case other(label: String)
    }

    var headerRow: Int
    /// Table rows the header takes: labels stacked on several rows are composed per column first.
    var headerRowCount: Int
    var roles: [Int: Role]

    /// The same columns for a table whose rows all lie below a header it does not hold.
    var withoutHeaderRows: TableLayout {
        var layout = self
        layout.headerRow = 0
        layout.headerRowCount = 0
        return layout
    }

    /// The words of the header's labels (three letters or more).
    var labelWords: Set<Substring> {
        let labels = roles.values.map { role -> String in
            switch role {
            case .objective(_, let label), .duplicate(_, let label), .indicatorName(let label), .indicator(_, let label), .other(let label): return label
            case .year(let year): return year
            }
        }
        return Set(labels.flatMap { TextFolding.words($0).split(separator: " ") }.filter { $0.count >= 3 })
    }

    /// The header starting at the table's first written row, taking the following rows of labels while they make
    /// the header name more fields (`HeaderLayout.compose`), up to `HeaderLayout.HeaderSettings.maximumRows`.
    init?(table: Table, labels: LabelMatcher, builder: ObjectiveTableBuilder, values: ValueParser = ValueParser(),
          settings: HeaderLayout.HeaderSettings = HeaderLayout.HeaderSettings()) {
        guard let first = table.rows.firstIndex(where: { $0.contains { !TextCleaner.clean($0).isEmpty } }),
              first + 1 < table.rows.count else { return nil }
        var composed = table.rows[first].map { TextCleaner.clean($0) }
        var best = (roles: TableLayout.roles(of: composed, labels: labels, builder: builder), rows: 1)
        var rowCount = 1
        while rowCount < settings.maximumRows, first + rowCount + 1 < table.rows.count,
              HeaderLayout.isHeaderContinuation(table.rows[first + rowCount], values: values) {
            composed = HeaderLayout.compose(parent: composed, child: table.rows[first + rowCount], type: .objective, labels: labels)
            rowCount += 1
            let roles = TableLayout.roles(of: composed, labels: labels, builder: builder)
            if TableLayout.namedFields(roles).count > TableLayout.namedFields(best.roles).count { best = (roles, rowCount) }
        }
        let fields = TableLayout.namedFields(best.roles)
        guard fields.contains("title"), fields.count >= builder.minimumFields else { return nil }
        self.headerRow = first
        self.headerRowCount = best.rows
        self.roles = best.roles
    }

    /// Each labelled column's role.
    private static func roles(of header: [String], labels: LabelMatcher, builder: ObjectiveTableBuilder) -> [Int: Role] {
        var roles: [Int: Role] = [:]
        var taken = Set<String>()
        var hasName = false
        for (column, cell) in header.enumerated() {
            let label = TextCleaner.clean(cell).trimmingTrailing { $0 == ":" || $0 == " " }
            guard !label.isEmpty else { continue }
            let indicator = TableLayout.accepted(labels.match(label, in: .indicator))
            let objective = TableLayout.accepted(labels.match(label, in: .objective))
            if !hasName, indicator?.field == "name", builder.vocabulary.startsWithIndicatorStem(label) {
                roles[column] = .indicatorName(label: label)
                hasName = true
            } else if hasName, let indicator, builder.indicatorValueFields.contains(indicator.field) {
                roles[column] = .indicator(field: indicator.field, label: label)
            } else if hasName, label.count == 4, label.allSatisfy(\.isASCIIDigit) {
                roles[column] = .year(label)
            } else if let objective {
                roles[column] = taken.insert(objective.field).inserted ? .objective(field: objective.field, label: label)
                    : .duplicate(field: objective.field, label: label)
            } else {
                roles[column] = .other(label: label)
            }
        }
        return roles
    }

    /// The objective fields the roles name, and "indicator" for an indicator name column.
    private static func namedFields(_ roles: [Int: Role]) -> Set<String> {
        Set(roles.values.compactMap { role -> String? in
            if case .objective(let field, _) = role { return field }
            if case .indicatorName = role { return "indicator" }
            return nil
        })
    }

    /// Exact labels, and labels that start with a dictionary label of two words or more.
    private static func accepted(_ match: LabelMatch?) -> LabelMatch? {
        guard let match else { return nil }
        switch match.quality {
        case .exact: return match
        case .prefix: return match.label.split(separator: " ").count >= 2 ? match : nil
        case .fuzzy: return nil
        }
    }

    var titleColumn: Int? { column(of: "title") }

    /// The column of an objective field (the leftmost, when several name it).
    func column(of field: String) -> Int? {
        roles.filter { if case .objective(field, _) = $0.value { return true } else { return false } }.keys.min()
    }

    var nameColumn: Int? { roles.first { if case .indicatorName = $0.value { return true } else { return false } }?.key }

    func isIndicatorColumn(_ column: Int) -> Bool {
        switch roles[column] {
        case .indicatorName?, .indicator?, .year?: return true
        default: return false
        }
    }

    func isIdentity(_ column: Int, _ builder: ObjectiveTableBuilder) -> Bool {
        switch roles[column] {
        case .objective(let field, _)?, .duplicate(let field, _)?: return builder.identityFields.contains(field)
        default: return false
        }
    }
}

/// Reads the rows of one objective table into drafts.
private struct RowReader {
    struct Row {
        var index: Int
        var cells: [String]
        func filled(_ column: Int) -> Bool { column < cells.count && !cells[column].isEmpty }
        var filledColumns: [Int] { cells.indices.filter { !cells[$0].isEmpty } }
    }

    let builder: ObjectiveTableBuilder
    let layout: TableLayout
    let item: Int
    let table: Table
    let orgUnit: String?
    let mission: String?
    var drafts: [ObjectiveDraft] = []
    /// The last text of each objective column, for the empty cells below it.
    var carried: [Int: String] = [:]

    init(builder: ObjectiveTableBuilder, layout: TableLayout, item: Int, table: Table, orgUnit: String?, mission: String?) {
        self.builder = builder
        self.layout = layout
        self.item = item
        self.table = table
        self.orgUnit = orgUnit
        self.mission = mission
    }

    mutating func read() -> [ObjectiveDraft] {
        for row in Self.codesRunIntoNextColumn(joinedRows(), codeColumn: layout.column(of: "code")) { read(row) }
        return drafts
    }

    /// The objective's number set right-aligned in its wide column, a word space from the next column's text
    /// ("| 3 Istruzione |"): when every row that fills the next column leaves the number column empty and starts
    /// that cell with a number, the numbers go back to their column.
    static func codesRunIntoNextColumn(_ rows: [Row], codeColumn: Int?, minimumRows: Int = 1) -> [Row] {
        guard let code = codeColumn else { return rows }
        let next = code + 1
        let using = rows.filter { $0.filled(next) }
        guard using.count >= minimumRows,
              using.allSatisfy({ !$0.filled(code) && leadingNumber($0.cells[next]) != nil }) else { return rows }
        return rows.map { row in
            guard row.filled(next), let (number, rest) = leadingNumber(row.cells[next]) else { return row }
            var moved = row
            while moved.cells.count <= next { moved.cells.append("") }
            moved.cells[code] = number
            moved.cells[next] = rest
            return moved
        }
    }

    /// "3 Istruzione" → ("3", "Istruzione"); "2.1 Tributi" → ("2.1", "Tributi"); no number before a word: nil.
    static func leadingNumber(_ text: String) -> (number: String, rest: String)? {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, SheetLineClassifier.isObjectiveNumber(String(parts[0])),
              parts[1].first?.isLetter == true else { return nil }
        return (SheetLineClassifier.objectiveNumber(String(parts[0])), String(parts[1]))
    }

    /// The table's rows below the header, a repeated header dropped and continuation rows joined to the row above.
    private func joinedRows() -> [Row] {
        let headerRows = table.rows[layout.headerRow..<(layout.headerRow + layout.headerRowCount)].map { $0.map { TextFolding.words($0) } }
        var rows: [Row] = []
        for index in (layout.headerRow + layout.headerRowCount)..<table.rows.count {
            let row = Row(index: index, cells: table.rows[index].map { TextCleaner.clean($0) })
            guard !row.filledColumns.isEmpty, !headerRows.contains(row.cells.map({ TextFolding.words($0) })) else { continue }
            if let last = rows.last, continues(row, last) {
                for column in row.filledColumns {
                    var cells = rows[rows.count - 1].cells
                    while cells.count <= column { cells.append("") }
                    cells[column] = cells[column].isEmpty ? row.cells[column] : cells[column] + " " + row.cells[column]
                    rows[rows.count - 1].cells = cells
                }
            } else {
                rows.append(row)
            }
        }
        return rows
    }

    /// A row is the rest of the one above when its first cell starts in lower case (a wrapped or cut cell), when it
    /// gives the title the objective row above lacks and fills only cells that row left empty (a row cut by a page
    /// break), or when it holds only values of the indicator above (no objective cell, no indicator name).
    private func continues(_ row: Row, _ above: Row) -> Bool {
        let filled = row.filledColumns
        if let first = filled.first, row.cells[first].first?.isLowercase == true { return true }
        if let title = layout.titleColumn, row.filled(title), !above.filled(title), filled.allSatisfy({ !above.filled($0) }),
           above.filledColumns.contains(where: { layout.isIdentity($0, builder) }) {
            return true
        }
        if isRestOfRowCutByPageBreak(row, above) { return true }
        let name = layout.nameColumn
        return name != nil && !row.filled(name!) && filled.allSatisfy { layout.isIndicatorColumn($0) }
    }

    /// The first row of a page, under a row of the page before that it leaves the first column of, with a cell that
    /// reads on in lower case: the rest of that row, cut by the page break ("Portale della Regione …" | "territorio
    /// comunale" under "POLIZIA STRADALE" | "… nel nuovo" | "… rilevati sul").
    private func isRestOfRowCutByPageBreak(_ row: Row, _ above: Row) -> Bool {
        guard let page = table.place(ofRow: row.index)?.page, let abovePage = table.place(ofRow: above.index)?.page,
              page == abovePage + 1, !row.filled(0), above.filled(0) else { return false }
        return row.filledColumns.contains { column in above.filled(column) && row.cells[column].first?.isLowercase == true }
    }

    private mutating func read(_ row: Row) {
        let isNew = row.filledColumns.contains { layout.isIdentity($0, builder) }
        if isNew {
            startObjective(row)
        } else if drafts.isEmpty {
            return
        } else {
            addToLast(row)
        }
        addIndicator(row)
    }

    private mutating func startObjective(_ row: Row) {
        var draft = ObjectiveDraft(startItem: item, startRow: row.index, page: table.page)
        draft.isOneRow = true
        draft.endPage = table.pageEnd
        draft.orgUnit = orgUnit
        for column in layout.roles.keys.sorted() {
            guard let role = layout.roles[column], !layout.isIndicatorColumn(column) else { continue }
            var text = row.filled(column) ? row.cells[column] : ""
            let field: String
            let label: String
            switch role {
            case .objective(let f, let l): (field, label) = (f, l)
            case .duplicate(let f, let l): (field, label) = (f, l)
            case .other(let l): (field, label) = ("", l)
            default: continue
            }
            if text.isEmpty, !builder.uncarriedFields.contains(field), let above = carried[column] {
                text = above
                if !field.isEmpty { draft.warnings.append(FieldWarning(field: field, message: "empty cell of \"\(label)\" read as the one above")) }
            }
            guard !text.isEmpty else { continue }
            carried[column] = text
            if case .objective = role {
                draft.add(field, label: label, text: text)
            } else {
                draft.add("", label: label, text: text)
                if case .duplicate = role {
                    draft.warnings.append(FieldWarning(field: field, message: "\"\(label)\" is a second column for this field; kept in raw"))
                }
            }
        }
        if let mission, !draft.has("mission_code") { draft.add("mission_code", label: mission, text: mission) }
        drafts.append(draft)
    }

    /// A row that names no objective: its non-indicator cells go to the objective above, in `raw`.
    private mutating func addToLast(_ row: Row) {
        for column in row.filledColumns where !layout.isIndicatorColumn(column) {
            let label: String
            let field: String
            switch layout.roles[column] {
            case .objective(let f, let l)?, .duplicate(let f, let l)?: (field, label) = (f, l)
            case .other(let l)?: (field, label) = ("", l)
            default: (field, label) = ("", "")
            }
            drafts[drafts.count - 1].add("", label: label, text: row.cells[column])
            if !field.isEmpty {
                drafts[drafts.count - 1].warnings.append(FieldWarning(field: field, message: "\"\(row.cells[column])\" given on a row of an indicator; kept in raw"))
            }
        }
    }

    private mutating func addIndicator(_ row: Row) {
        guard !drafts.isEmpty, let nameColumn = layout.nameColumn else { return }
        let values = layout.roles.keys.sorted().filter { $0 != nameColumn && layout.isIndicatorColumn($0) && row.filled($0) }
        guard row.filled(nameColumn) else {
            for column in values {
                drafts[drafts.count - 1].add("", label: label(of: column), text: row.cells[column])
                drafts[drafts.count - 1].warnings.append(FieldWarning(field: "indicator", message: "\"\(row.cells[column])\" has no indicator name; kept in raw"))
            }
            return
        }
        var indicator = IndicatorDraft(item: item, row: row.index, page: table.page, name: row.cells[nameColumn], group: nil)
        for column in values {
            switch layout.roles[column] {
            case .indicator(let field, let label)?: indicator.cells.append((field, label, row.cells[column]))
            case .year(let year)?: indicator.targetsByYear.append((year, row.cells[column]))
            default: break
            }
        }
        drafts[drafts.count - 1].indicators.append(indicator)
    }

    private func label(of column: Int) -> String {
        switch layout.roles[column] {
        case .objective(_, let l)?, .duplicate(_, let l)?, .indicatorName(let l)?, .indicator(_, let l)?, .other(let l)?: return l
        case .year(let y)?: return y
        case nil: return ""
        }
    }
}
