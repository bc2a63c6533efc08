import Core

/// The third pass of the sheet builder: one sheet's classified lines become an objective draft. A header or
/// title line sets what the plain lines after it are (value rows, indicators, cronoprogramma phases, staff);
/// a label line gives a field, and the text after a label alone is its value.
struct SheetAssembler {
    let settings: ObjectiveSheetBuilder

    func draft(of segment: SheetSegment) -> ObjectiveDraft {
        var reading = SheetReading(segment: segment, vocabulary: settings.vocabulary)
        for entry in segment.entries { reading.read(entry) }
        reading.flushColumns()
        return reading.draft
    }

    func summary(of segment: SheetSegment) -> SheetSummary {
        let draft = draft(of: segment)
        return SheetSummary(hasTitle: draft.has("title"), code: draft.text(of: "code"))
    }
}

/// The reading of one sheet: the draft so far and what the plain lines are at this point.
private struct SheetReading {
    enum Mode {
        case fields
        case columns(ColumnFields, rows: [SheetLine])
        case indicators(ColumnFields?, years: [Int: String])
        case phases(phaseColumn: Int, months: [Int: [Int]])
        case staff(ColumnFields?)
    }

    let vocabulary: ObjectiveVocabulary
    var draft: ObjectiveDraft
    var code: String?
    var mode = Mode.fields
    var group: String?
    /// The item the last field was read from: only its own rows, or text blocks, continue that field.
    var lastFieldItem: Int?
    /// The block the last indicator was read from, when a block: blocks beside it are the rest of its row.
    var lastIndicatorBlock: Block?
    /// The indicator just read from a row without a name, which the next table may name.
    var namelessIndicator: Int?
    /// Where the last indicator header row stands, and how many cells it has.
    var indicatorHeaderRow: (item: Int, row: Int)?
    var indicatorHeaderWidth = 0
    /// The first indicator of the table being read (since its title or first header).
    var tableIndicatorsStart = 0
    /// A value column set under its table ("| raggiunto" and its values below the rows they belong to): the
    /// column's fields and the next indicator of the table its next value goes to.
    var columnBelow: (columns: ColumnFields, next: Int)?
    /// The line read before this one.
    var previousLine: SheetLine?
    /// Columns of the indicator header whose cell named two value columns side by side.
    var sharedColumns: [Int: [(field: String, label: String)]] = [:]

    init(segment: SheetSegment, vocabulary: ObjectiveVocabulary) {
        self.vocabulary = vocabulary
        let opening = segment.opening
        var draft = ObjectiveDraft(startItem: opening.item, startRow: opening.row, page: opening.page)
        draft.announcement = segment.announcement.text
        if let code = segment.announcement.code { draft.add("code", label: segment.announcement.text, text: code) }
        if let mission = segment.mission { draft.add("mission_code", label: "Missione", text: mission) }
        if let program = segment.program { draft.add("program_code", label: "Programma", text: program) }
        self.draft = draft
        self.code = segment.announcement.code
    }

    mutating func read(_ entry: SheetSegment.Entry) {
        let line = entry.line
        switch entry.role {
        case .announcement(let announcement):
            continueSheet(after: announcement, at: line)
        case .sectionEnd:
            enter(.fields, at: line)
            lastFieldItem = nil
        case .columnHeader(let columns):
            enter(.columns(columns, rows: []), at: line)
        case .label(let labeled):
            enter(.fields, at: line)
            if labeled.field != "phases" || !labeled.value.isEmpty {
                draft.add(labeled.field, label: labeled.label, text: labeled.value)
                lastFieldItem = line.item
            }
        case .staffTitle:
            enter(.staff(nil), at: line)
        case .indicatorHeader(let header):
            let below = columnBelow(header.columns)
            if !isReadingIndicators { tableIndicatorsStart = draft.indicators.count }
            enter(.indicators(header.columns, years: header.years), at: line)
            sharedColumns = header.shared
            indicatorHeaderRow = line.row.map { (line.item, $0) }
            indicatorHeaderWidth = line.cells.count
            columnBelow = below
        case .indicatorTitle(let title):
            group = title
            enter(.indicators(nil, years: [:]), at: line)
            tableIndicatorsStart = draft.indicators.count
        case .monthGrid(let phaseColumn, let months):
            enter(.phases(phaseColumn: phaseColumn, months: months), at: line)
        case .staffHeader(let columns):
            enter(.staff(columns), at: line)
        case .plain:
            readPlain(line)
        }
        for covered in entry.covered.dropFirst() { draft.touch(item: covered.item, page: covered.page) }
        previousLine = entry.covered.last ?? line
    }

    /// A repeated announcement of this sheet (its next page): it may give the number the first one lacked.
    private mutating func continueSheet(after announcement: ObjectiveAnnouncement, at line: SheetLine) {
        flushColumns()
        mode = .fields
        namelessIndicator = nil
        lastIndicatorBlock = nil
        if draft.announcement == nil || announcement.code != nil { draft.announcement = announcement.text }
        if let newCode = announcement.code, code == nil {
            code = newCode
            draft.add("code", label: announcement.text, text: newCode)
        }
        draft.touch(item: line.item, page: line.page)
    }

    private mutating func enter(_ mode: Mode, at line: SheetLine) {
        flushColumns()
        self.mode = mode
        lastIndicatorBlock = nil
        namelessIndicator = nil
        columnBelow = nil
        sharedColumns = [:]
        draft.touch(item: line.item, page: line.page)
    }

    private mutating func readPlain(_ line: SheetLine) {
        switch mode {
        case .fields:
            continueField(with: line)
        case .columns(let columns, let rows):
            if line.isTableRow { mode = .columns(columns, rows: rows + [line]) } else { flushColumns(); continueField(with: line) }
        case .indicators(let columns, let years):
            readIndicator(line, columns: columns, years: years)
        case .phases(let phaseColumn, let months):
            if !readPhase(line, phaseColumn: phaseColumn, months: months) {
                mode = .fields
                continueField(with: line)
            }
        case .staff(let columns):
            readStaff(line, columns: columns)
        }
    }

    // MARK: fields

    /// Text under a label given alone, a description under the title, the rest of a status text.
    private mutating func continueField(with line: SheetLine) {
        guard let last = draft.entries.last else { return }
        guard line.filled.count == 1, !line.isTableRow || line.item == lastFieldItem else { return }
        let text = line.filled[0].text
        if last.text.isEmpty {
            draft.extendLast(with: text)
        } else if last.field == "title" {
            draft.add("description", label: "", text: text)
        } else if ["description", "status_text"].contains(last.field) {
            draft.extendLast(with: text)
        } else {
            return
        }
        draft.touch(item: line.item, page: line.page)
    }

    /// The value rows under a column header, joined column by column (cells the layout wrapped over rows).
    mutating func flushColumns() {
        guard case .columns(let columns, let rows) = mode else { return }
        mode = .fields
        guard !rows.isEmpty else { return }
        let values = mergedColumns(rows)
        for column in columns.keys.sorted() where column < values.count && !values[column].isEmpty {
            let (field, label) = columns[column]!
            draft.add(field, label: label, text: values[column])
        }
        readPhaseColumns(columns, rows: rows)
        for row in rows { draft.touch(item: row.item, page: row.page) }
    }

    /// "DEFINIZIONE OBIETTIVO | DESCRIZIONE/FASI | CRONOPROGRAMMA": one phase a row, its months read from the
    /// last phases column when there are two ("Gennaio - marzo"), else from the phase's own words. A row with a
    /// time but no phase adds its months to the phase above.
    private mutating func readPhaseColumns(_ columns: ColumnFields, rows: [SheetLine]) {
        let phaseColumns = columns.filter { $0.value.field == "phases" }.map(\.key).sorted()
        guard let phaseColumn = phaseColumns.first, draft.phases.isEmpty else { return }
        let timeColumn = phaseColumns.count > 1 ? phaseColumns.last : nil
        func cell(_ row: SheetLine, _ column: Int?) -> String {
            guard let column, column < row.cells.count else { return "" }
            return TextCleaner.clean(row.cells[column])
        }
        for row in rows {
            let phase = cell(row, phaseColumn)
            let months = vocabulary.months(inPhrase: timeColumn.map { cell(row, $0) } ?? phase)
            if !phase.isEmpty {
                draft.phases.append((phase, months))
            } else if !months.isEmpty, let last = draft.phases.indices.last {
                draft.phases[last].months = Array(Set(draft.phases[last].months + months)).sorted()
            }
        }
    }

    // MARK: indicators

    private mutating func readIndicator(_ line: SheetLine, columns headerColumns: ColumnFields?, years: [Int: String]) {
        let filled = line.filled
        guard let headerColumns, !headerColumns.isEmpty else {
            if filled.count == 1 { group = filled[0].text }
            return
        }
        if filled.count == 1, filled[0].column == 0, SheetLineClassifier.isGroupText(filled[0].text) {
            group = filled[0].text
            draft.touch(item: line.item, page: line.page)
            return
        }
        let columns = columnsOfContinuation(line, headerColumns)
        let nameColumn = columns.first { $0.value.field == "name" }?.key ?? 0
        if continuesLastIndicatorName(line, nameColumn: nameColumn) { return }
        if let block = line.block, readBesideIndicatorBlock(block, text: line.text, columns: columns, nameColumn: nameColumn) {
            draft.touch(item: line.item, page: line.page)
            return
        }
        var name = nameColumn < line.cells.count ? TextCleaner.clean(line.cells[nameColumn]) : ""
        if name.isEmpty, readColumnBelow(line) { return }
        let nameless = namelessIndicator
        namelessIndicator = nil
        if let nameless, line.item != draft.indicators[nameless].item, line.filled.count == 1, line.filled[0].column == nameColumn {
            // The name of a row the page break cut, at the top of the next table ("| | 100% | 100%" / "Evasione …").
            draft.indicators[nameless].name = name
            draft.touch(item: line.item, page: line.page)
            return
        }
        if name.isEmpty {
            // A first row under its header with no name but values ("| Esperimento della procedura negoziata | %")
            // is an indicator named by its first value, unless the next table gives its name; further down, such
            // a row is the rest of the row above.
            guard line.isTableRow, line.row == firstIndicatorRow(of: line.item), let value = line.filled.first?.text else { return }
            name = value
            namelessIndicator = draft.indicators.count
        }
        var indicator = IndicatorDraft(item: line.item, row: line.row, page: line.page, name: name, group: group)
        for (column, (field, label)) in columns.sorted(by: { $0.key < $1.key }) where column != nameColumn && column < line.cells.count {
            indicator.cells += cells(valueCell(line, column, columns: columns, years: years), field: field, label: label,
                                     shared: sharedColumns[column])
        }
        for (column, year) in years.sorted(by: { $0.key < $1.key }) where column < line.cells.count {
            indicator.targetsByYear.append((year, line.cells[column]))
        }
        draft.indicators.append(indicator)
        draft.touch(item: line.item, page: line.page)
        lastIndicatorBlock = line.block
    }

    /// The cell of a labelled column, or, when it is empty, the cell beside it whose column no header cell names:
    /// a label set over two of the table's slots ("Valore atteso" stacked over "Rispetto scadenze:") with its
    /// figures in the other one.
    private func valueCell(_ line: SheetLine, _ column: Int, columns: ColumnFields, years: [Int: String]) -> String {
        let own = line.cells[column]
        let beside = column + 1
        guard TextCleaner.clean(own).isEmpty, beside < line.cells.count, columns[beside] == nil, years[beside] == nil else { return own }
        return line.cells[beside]
    }

    /// A cell under a header cell of two value labels holds one figure of each ("10 6"); any other text is the
    /// first column's.
    private func cells(_ text: String, field: String, label: String, shared: [(field: String, label: String)]?)
        -> [(field: String, label: String, text: String)] {
        let tokens = text.split(separator: " ")
        guard let shared, tokens.count == shared.count, tokens.allSatisfy({ $0.contains { $0.isNumber } || $0.allSatisfy { !$0.isLetter } })
        else { return [(field, label, text)] }
        return zip(shared, tokens).map { ($0.field, $0.label, String($1)) }
    }

    private var isReadingIndicators: Bool {
        if case .indicators = mode { return true }
        return false
    }

    /// A header of value columns with no name cell, after indicators of this table that have none of its fields:
    /// the values under it belong to those indicators, in order.
    private func columnBelow(_ columns: ColumnFields) -> (columns: ColumnFields, next: Int)? {
        guard isReadingIndicators, let name = columns.first(where: { $0.value.field == "name" }), name.value.label.isEmpty,
              tableIndicatorsStart < draft.indicators.count else { return nil }
        let fields = Set(columns.values.map(\.field)).subtracting(["name"])
        let above = draft.indicators[tableIndicatorsStart...]
        guard above.allSatisfy({ indicator in !indicator.cells.contains { fields.contains($0.field) && !TextCleaner.clean($0.text).isEmpty } })
        else { return nil }
        return (columns, tableIndicatorsStart)
    }

    /// The header's columns for a row of a later table with fewer columns than the header (the listing carried
    /// over a page, where the extraction found no use for the empty columns between name and values): the name
    /// stays first and the value columns are matched from the right, where the figures end.
    private func columnsOfContinuation(_ line: SheetLine, _ columns: ColumnFields) -> ColumnFields {
        guard line.isTableRow, let header = indicatorHeaderRow, header.item != line.item,
              line.cells.count >= 2, line.cells.count < indicatorHeaderWidth,
              let name = columns.first(where: { $0.value.field == "name" }), name.key == 0 else { return columns }
        let shift = indicatorHeaderWidth - line.cells.count
        var shifted: ColumnFields = [0: name.value]
        for (column, field) in columns where column != 0 && column - shift >= 1 { shifted[column - shift] = field }
        return shifted
    }

    /// Text in lower case, alone in the name column right under the last indicator's row, or at the top of the
    /// next page under that row at the foot of a table: the rest of its name, which a page break cut off its row
    /// ("… con l'indicazione delle risorse" / "finanziarie a valere su Bandi nazionali/regionali").
    private mutating func continuesLastIndicatorName(_ line: SheetLine, nameColumn: Int) -> Bool {
        guard let previous = previousLine, previous.isTableRow, let last = draft.indicators.last,
              last.item == previous.item, last.row == previous.row else { return false }
        if line.isTableRow {
            guard line.item == previous.item, line.filled.count == 1, line.filled[0].column == nameColumn else { return false }
        } else {
            guard line.page == previous.page + 1 else { return false }
        }
        let text = TextCleaner.clean(line.text)
        guard let start = text.first, start.isLetter, start.isLowercase else { return false }
        draft.indicators[draft.indicators.count - 1].name = last.name + " " + text
        draft.touch(item: line.item, page: line.page)
        return true
    }

    /// A nameless row under a column set below its table: its values are the next indicator's.
    private mutating func readColumnBelow(_ line: SheetLine) -> Bool {
        guard let (columns, next) = columnBelow, next < draft.indicators.count else { return false }
        for (column, (field, label)) in columns.sorted(by: { $0.key < $1.key }) where field != "name" && column < line.cells.count {
            draft.indicators[next].cells.append((field, label, line.cells[column]))
        }
        columnBelow = (columns, next + 1)
        draft.touch(item: line.item, page: line.page)
        return true
    }

    /// The first row after the indicator header of a table, nil when the header is in another table.
    private func firstIndicatorRow(of item: Int) -> Int? {
        guard let header = indicatorHeaderRow, header.item == item else { return nil }
        return header.row + 1
    }

    /// A text block on the same line as, and right of, the block the last indicator was read from: the next
    /// cell of that row (a table row the extraction left as text blocks: "2 Relazione di Inizio Mandato" …
    /// "Entro 90 giorni dall'elezione").
    private mutating func readBesideIndicatorBlock(_ block: Block, text: String, columns: ColumnFields, nameColumn: Int) -> Bool {
        guard let left = lastIndicatorBlock, left.page == block.page, block.bbox.x0 >= left.bbox.x1,
              block.bbox.y0 < left.bbox.y1, left.bbox.y0 < block.bbox.y1,
              var indicator = draft.indicators.last else { return false }
        let next = columns.filter { $0.key != nameColumn }.sorted { $0.key < $1.key }.map(\.value)
        guard indicator.cells.count < next.count else { return false }
        let (field, label) = next[indicator.cells.count]
        indicator.cells.append((field, label, text))
        draft.indicators[draft.indicators.count - 1] = indicator
        lastIndicatorBlock = block
        return true
    }

    // MARK: cronoprogramma

    /// One phase a row: the months whose cells hold a mark. A cell under a header of several months marks them
    /// all when it holds a mark for each ("X X" under "Febbraio Marzo"). Where the phase's own cell is empty, the
    /// words before the marks of the first month cell are the phase (a number right-aligned in a narrow phase
    /// column stands nearer the first month's left-aligned mark than its own header: "1 X"). Where the phase
    /// column also holds the first month (`SheetLineClassifier.monthGrid`), the marks ending its cell are that
    /// month's.
    private mutating func readPhase(_ line: SheetLine, phaseColumn: Int, months: [Int: [Int]]) -> Bool {
        guard line.isTableRow else { return false }
        var phase = phaseColumn < line.cells.count ? TextCleaner.clean(line.cells[phaseColumn]) : ""
        var marked: [Int] = []
        if let fused = months[phaseColumn], !phase.isEmpty {
            var words = phase.split(separator: " ").map(String.init)
            let marks = words.reversed().prefix(while: isMonthMark).count
            words.removeLast(marks)
            phase = words.joined(separator: " ")
            if marks > 0 { marked += fused }
        }
        let monthColumns = months.keys.sorted().filter { $0 < line.cells.count && $0 != phaseColumn }
        for column in monthColumns {
            var words = line.cells[column].split(whereSeparator: \.isWhitespace).map(String.init)
            if phase.isEmpty, column == monthColumns.first, column > phaseColumn {
                let label = words.prefix { !isMonthMark($0) }
                phase = label.joined(separator: " ")
                words.removeFirst(label.count)
            }
            let named = months[column]!
            guard !words.isEmpty, words.allSatisfy(isMonthMark), words.count == named.count || named.count == 1 else { continue }
            marked += named
        }
        guard !marked.isEmpty else { return false }
        draft.phases.append((phase, marked))
        draft.touch(item: line.item, page: line.page)
        return true
    }

    private func isMonthMark(_ word: String) -> Bool {
        vocabulary.monthMarks.contains(TextFolding.words(word))
    }

    // MARK: staff

    private mutating func readStaff(_ line: SheetLine, columns: ColumnFields?) {
        guard let columns, let nameColumn = columns.first(where: { $0.value.field == "person_name" })?.key,
              nameColumn < line.cells.count, line.isTableRow else { return }
        let name = TextCleaner.clean(line.cells[nameColumn])
        guard !name.isEmpty, line.filled.first?.column ?? 0 >= min(nameColumn, line.filled.first?.column ?? 0) else { return }
        if name == name.uppercased(), line.filled.count == 1, vocabulary.isCostHeading(name) { return }
        // A name alone under the person above, in the same table: the rest of a name the cell wrapped ("RADICI MARIA" / "ANTONIETTA").
        // (Not in a list of names alone: the person above must have more than a name.)
        if line.filled.count == 1, line.filled[0].column == nameColumn, var last = draft.staff.last, last.item == line.item,
           let at = last.cells.firstIndex(where: { $0.field == "person_name" }),
           last.cells.contains(where: { $0.field != "person_name" && !TextCleaner.clean($0.text).isEmpty }) {
            last.cells[at].text += " " + name
            draft.staff[draft.staff.count - 1] = last
            draft.touch(item: line.item, page: line.page)
            return
        }
        let cells = columns.sorted { $0.key < $1.key }.compactMap { column, header -> (String, String, String)? in
            column < line.cells.count ? (header.field, header.label, line.cells[column]) : nil
        }
        draft.staff.append(StaffDraft(item: line.item, row: line.row, cells: cells))
        draft.touch(item: line.item, page: line.page)
    }
}
