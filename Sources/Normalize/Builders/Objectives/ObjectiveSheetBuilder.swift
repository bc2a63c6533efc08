import Core

/// Objective sheets made of title lines, "Label | value" rows, column headers over value rows, indicator
/// tables, cronoprogramma month grids and staff lists, in blocks and ruled tables alike (Casorate Primo PIAO,
/// Lumezzane Referto). A line announcing an objective ("1. OBIETTIVO DI MIGLIORAMENTO 2024", "OBIETTIVO DI
/// QUALITA'") opens a sheet; what follows is read by the labels of `labels.yml` until the next announcement.
/// A sheet that repeats the code of the open objective, or that never gets a title, continues it.
struct ObjectiveSheetBuilder: RecordBuilder {
    var vocabulary = ObjectiveVocabulary.standard
    /// Longest line read as an announcement ("OBIETTIVO DI GESTIONE 2024 INTERSETTORIALE").
    var maximumAnnouncementLength = 90
    /// Distinct fields a row of column labels needs to be a header.
    var minimumHeaderFields = 2
    /// Rows of one table a label cell may be wrapped over (the extraction splits a ruled cell by lines).
    var maximumWrappedRows = 3
    /// Month columns a row needs to be a cronoprogramma header.
    var minimumMonthColumns = 6
    /// Words the title of a summary-table row needs ("1 | Polizia Locale | Controllo del territorio … | 25").
    var minimumSummaryTitleWords = 1
    /// Share of the shorter title's words (3 letters or more) a summary row and a sheet title must have in common.
    var summaryTitleOverlap = 0.3

    func build(in context: inout DocumentContext) -> [Record] {
        var reader = SheetReader(builder: self, labels: context.labels)
        let lines = SheetLine.stream(of: context)
        var index = 0
        while index < lines.count {
            index += reader.read(lines, at: index)
        }
        reader.closeCurrent()
        var maker = ObjectiveRecordMaker(vocabulary: vocabulary)
        return reader.drafts.flatMap { maker.records(for: $0, in: &context) }
    }
}

/// Column → canonical field of a header row.
typealias ColumnFields = [Int: (field: String, label: String)]

private struct SheetReader {
    enum Mode {
        case fields
        case columns(ColumnFields, rows: [SheetLine])
        case indicators(ColumnFields?, years: [Int: String])
        case phases(phaseColumn: Int, months: [Int: Int])
        case staff(ColumnFields?)
    }

    let builder: ObjectiveSheetBuilder
    let labels: LabelMatcher
    var vocabulary: ObjectiveVocabulary { builder.vocabulary }
    var drafts: [ObjectiveDraft] = []
    var current: ObjectiveDraft?
    var code: String?
    var mode = Mode.fields
    var group: String?
    var mission: String?
    var program: String?
    /// The item the last field was read from: only its own rows, or text blocks, continue that field.
    var lastFieldItem: Int?
    /// The block the last indicator was read from, when a block: blocks beside it are the rest of its row.
    var lastIndicatorBlock: Block?
    /// The indicator just read from a row without a name, which the next table may name.
    var namelessIndicator: Int?
    /// Where the last indicator header row stands.
    var indicatorHeaderRow: (item: Int, row: Int)?
    /// Rows of the centres' summary tables: objective number, title, weight.
    var summaryWeights: [(code: String, title: String, weight: String)] = []

    init(builder: ObjectiveSheetBuilder, labels: LabelMatcher) {
        self.builder = builder
        self.labels = labels
    }

    /// Reads the line at `index` (with the next ones when a label cell is wrapped over rows); returns how
    /// many lines it used.
    mutating func read(_ lines: [SheetLine], at index: Int) -> Int {
        let line = lines[index]
        guard !line.isEmpty else { return 1 }
        if readMissionOrProgram(line) { return 1 }
        readSummaryWeight(line)
        if let announcement = announcement(in: line) {
            announce(announcement, line)
            return 1
        }
        guard current != nil else { return 1 }
        // A panel or cost table opens with its title in the first column ("COSTO DELLE RISORSE INTERNE"); a
        // "Costo fuori orario" further right is a column of the row.
        if let first = line.filled.first, first.column == 0, vocabulary.endsSection(first.text) {
            enter(.fields, at: line)
            lastFieldItem = nil
            return 1
        }
        if let (columns, count) = wrappedHeader(lines, at: index) {
            enter(.columns(columns, rows: []), at: line)
            for next in lines[index..<(index + count)] { current?.touch(item: next.item, page: next.page) }
            return count
        }
        if let (labeled, count) = wrappedLabelRow(lines, at: index) {
            enter(.fields, at: line)
            current?.add(labeled.field, label: labeled.label, text: labeled.value)
            lastFieldItem = line.item
            for next in lines[index..<(index + count)] { current?.touch(item: next.item, page: next.page) }
            return count
        }
        if readStructure(line) { return 1 }
        readPlain(line)
        return 1
    }

    /// A header row whose cells the extraction split into several rows ("Obiettivo" / "" / "operativo").
    private func wrappedHeader(_ lines: [SheetLine], at index: Int) -> (ColumnFields, Int)? {
        guard lines[index].isTableRow, objectiveHeader(lines[index]) == nil || index + 1 < lines.count else { return nil }
        let single = objectiveHeader(lines[index]).map { Set($0.values.map(\.field)).count } ?? 0
        for count in stride(from: builder.maximumWrappedRows, through: 2, by: -1) where index + count <= lines.count {
            let rows = lines[index..<(index + count)]
            guard rows.allSatisfy({ $0.item == lines[index].item }) else { continue }
            var merged = lines[index]
            merged.cells = mergedColumns(rows.map(\.cells))
            if let columns = objectiveHeader(merged), Set(columns.values.map(\.field)).count > single,
               columns.count == merged.filled.count {
                return (columns, count)
            }
        }
        return nil
    }

    /// A label whose cell the extraction split into several rows ("Obiettivo: Descrizione" / "" / "Sintetica"):
    /// the first cells of up to `maximumWrappedRows` rows of one table that together are exactly a label.
    private func wrappedLabelRow(_ lines: [SheetLine], at index: Int) -> ((field: String, label: String, value: String), Int)? {
        // A header row ("Settore | Dirigente | Sistema Premiante") is not a label over the rows below it.
        guard lines[index].isTableRow, objectiveHeader(lines[index]) == nil else { return nil }
        for count in stride(from: builder.maximumWrappedRows, through: 2, by: -1) where index + count <= lines.count {
            let rows = lines[index..<(index + count)]
            guard rows.allSatisfy({ $0.item == lines[index].item }) else { continue }
            // The label runs into the last row ("Sintetica"): a label whole in its first row ("Descrizione" over
            // "| Esperimento della procedura | %") is a header, not a label wrapped over the rows below.
            guard let lastLabel = rows.last?.cells.first, !TextCleaner.clean(lastLabel).isEmpty else { continue }
            let merged = mergedColumns(rows.map(\.cells))
            guard let first = merged.first, !first.isEmpty else { continue }
            let label = first.trimmingTrailing { $0 == ":" || $0 == " " }
            guard let match = labels.match(label, in: .objective), case .exact = match.quality else { continue }
            let value = merged.dropFirst().filter { !$0.isEmpty }.joined(separator: " ")
            return ((match.field, label, value), count)
        }
        return nil
    }

    // MARK: structure lines

    /// Title rows and header rows that switch what the next rows are, and "Label | value" rows.
    private mutating func readStructure(_ line: SheetLine) -> Bool {
        if vocabulary.isStaffListTitle(line.text) {
            enter(.staff(nil), at: line)
        } else if let (columns, years) = indicatorHeader(line) {
            enter(.indicators(columns, years: years), at: line)
            indicatorHeaderRow = line.row.map { (line.item, $0) }
        } else if let titled = indicatorTitle(line) {
            group = titled.group
            enter(.indicators(nil, years: [:]), at: line)
        } else if let (phaseColumn, months) = monthGrid(line) {
            enter(.phases(phaseColumn: phaseColumn, months: months), at: line)
        } else if let columns = staffHeader(line) {
            enter(.staff(columns), at: line)
        } else if let columns = objectiveHeader(line) {
            enter(.columns(columns, rows: []), at: line)
        } else if let labeled = labelRow(line) {
            enter(.fields, at: line)
            if labeled.field != "phases" || !labeled.value.isEmpty {
                current?.add(labeled.field, label: labeled.label, text: labeled.value)
                lastFieldItem = line.item
            }
        } else {
            return false
        }
        return true
    }

    private mutating func enter(_ mode: Mode, at line: SheetLine) {
        flushColumns()
        self.mode = mode
        lastIndicatorBlock = nil
        namelessIndicator = nil
        current?.touch(item: line.item, page: line.page)
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

    // MARK: objectives

    private func announcement(in line: SheetLine) -> (code: String?, text: String)? {
        let filled = line.filled
        guard filled.count == 1, filled[0].text.count <= builder.maximumAnnouncementLength, !filled[0].text.contains(":") else { return nil }
        let text = filled[0].text
        guard vocabulary.announcesObjective(text),
              !vocabulary.categories(in: text).isEmpty || vocabulary.level(in: text) != nil else { return nil }
        let digits = text.prefix { $0.isASCIIDigit }
        return (digits.isEmpty ? nil : String(digits), text)
    }

    private mutating func announce(_ announcement: (code: String?, text: String), _ line: SheetLine) {
        flushColumns()
        mode = .fields
        namelessIndicator = nil
        lastIndicatorBlock = nil
        if var open = current {
            let sameCode = announcement.code != nil && announcement.code == code
            // A heading without a number after a numbered objective ("OBIETTIVO DI MIGLIORAMENTO 2023" over
            // the later tables of "1. OBIETTIVO …") opens an untitled page of it: a numbered announcement ends
            // that page rather than taking its rows.
            let continuesPrevious = !open.has("title") && code == nil && announcement.code != nil && drafts.last?.text(of: "code") != nil
            let compatible = (announcement.code == nil || code == nil || sameCode) && !continuesPrevious
            if open.has("title") ? sameCode : compatible {
                if open.announcement == nil || announcement.code != nil { open.announcement = announcement.text }
                if let newCode = announcement.code, code == nil {
                    code = newCode
                    open.add("code", label: announcement.text, text: newCode)
                }
                open.touch(item: line.item, page: line.page)
                current = open
                return
            }
            closeCurrent()
        }
        var draft = ObjectiveDraft(startItem: line.item, startRow: line.row, page: line.page)
        draft.announcement = announcement.text
        if let newCode = announcement.code { draft.add("code", label: announcement.text, text: newCode) }
        if let mission { draft.add("mission_code", label: "Missione", text: mission) }
        if let program { draft.add("program_code", label: "Programma", text: program) }
        code = announcement.code
        group = nil
        current = draft
    }

    /// A complete sheet becomes a draft; one without a title is the rest of the objective before it.
    mutating func closeCurrent() {
        flushColumns()
        defer { current = nil; code = nil; mode = .fields; namelessIndicator = nil; lastIndicatorBlock = nil }
        guard var draft = current else { return }
        if draft.has("title") {
            attachSummaryWeight(to: &draft)
            drafts.append(draft)
        } else if !drafts.isEmpty {
            drafts[drafts.count - 1].absorb(draft)
        }
    }

    /// "MISSIONE 1 – …" headings and "101 | Programma | 1 | …" rows set the codes of the objectives below.
    private mutating func readMissionOrProgram(_ line: SheetLine) -> Bool {
        let cells = line.filled.map(\.text)
        guard let first = cells.first else { return false }
        if let block = line.block, block.kind == .heading, (block.level ?? 3) <= 2, announcement(in: line) == nil,
           !vocabulary.isStaffListTitle(first), !vocabulary.endsSection(first) {
            // A main heading ends the sheets above it; the codes hold only under their own MISSIONE heading.
            closeCurrent()
            if !vocabulary.opensWithMissionWord(TextFolding.words(first)) {
                mission = nil
                program = nil
            }
        }
        let words = TextFolding.words(first).split(separator: " ")
        if let word = words.first, vocabulary.isMissionWord(word), words.count >= 2, words[1].allSatisfy(\.isNumber), cells.count == 1 {
            mission = String(words[1])
            program = nil
            return true
        }
        let folded = cells.map { TextFolding.words($0) }
        if let at = folded.firstIndex(where: vocabulary.namesProgram) {
            let before = at > 0 ? folded[at - 1] : String(folded[at].split(separator: " ").first ?? "")
            if before.count == 3, before.allSatisfy(\.isNumber) {
                mission = String(before.prefix(1))
                program = String(before.suffix(2))
                return true
            }
            if at + 1 < folded.count, let number = folded[at + 1].split(separator: " ").first, number.allSatisfy(\.isNumber) {
                program = String(number)
                return true
            }
        }
        return false
    }

    // MARK: weights of a summary table

    /// A row of a centre's summary table, "1 | Polizia Locale | Controllo del territorio … | 25": the objective's
    /// number, its title (the cell before the last) and, last, a weight (a number up to 100, with or without "%"). Kept to be matched with the
    /// sheet of the same number and title that follows.
    private mutating func readSummaryWeight(_ line: SheetLine) {
        let filled = line.filled
        guard line.isTableRow, filled.count >= 3, let first = filled.first, first.column == 0,
              (1...2).contains(first.text.count), first.text.allSatisfy(\.isASCIIDigit), let last = filled.last else { return }
        let number = last.text.trimmingTrailing { $0 == "%" || $0 == " " }.replacingOccurrences(of: ",", with: ".")
        guard let value = ExactDecimal(number), value > 0, value <= 100 else { return }
        let title = filled[filled.count - 2]
        guard title.text.split(separator: " ").count >= builder.minimumSummaryTitleWords else { return }
        summaryWeights.append((first.text, title.text, last.text))
    }

    /// The weight the summary table gives the objective of this number whose title says the same (most words shared).
    private func attachSummaryWeight(to draft: inout ObjectiveDraft) {
        guard !draft.has("weight"), let code = draft.text(of: "code"), let title = draft.text(of: "title") else { return }
        let words = significantWords(title)
        guard let entry = summaryWeights.last(where: { entry in
            guard entry.code == code.trimmingCharacters(in: ". ") else { return false }
            let other = significantWords(entry.title)
            let shared = words.intersection(other).count
            return Double(shared) >= builder.summaryTitleOverlap * Double(min(words.count, other.count)) && shared > 0
        }) else { return }
        draft.add("weight", label: entry.code + " " + entry.title, text: entry.weight)
    }

    private func significantWords(_ text: String) -> Set<String> {
        Set(TextFolding.words(text).split(separator: " ").map(String.init).filter { $0.count >= 3 })
    }

    // MARK: labels and values

    /// "Label | value …", "Label: value" in one cell or block, or a label alone whose value follows.
    private func labelRow(_ line: SheetLine) -> (field: String, label: String, value: String)? {
        if let block = line.block, block.kind == .labelValue, let label = block.label {
            // "Obiettivo: Descrizione Sintetica" split at its colon is still one label, whose value follows.
            let whole = TextCleaner.clean(block.text)
            if let match = labels.match(whole.trimmingTrailing { $0 == ":" || $0 == " " }, in: .objective), case .exact = match.quality {
                return (match.field, whole, "")
            }
            guard let match = labels.match(label, in: .objective) else { return nil }
            return (match.field, TextCleaner.clean(label), TextCleaner.clean(block.value ?? ""))
        }
        let filled = line.filled
        guard let first = filled.first, first.column == (line.isTableRow ? filled[0].column : 0) else { return nil }
        let label = first.text.trimmingTrailing { $0 == ":" || $0 == " " }
        let whole = labels.match(label, in: .objective)
        var wholeIsExact = false
        if let whole, case .exact = whole.quality { wholeIsExact = true }
        if label.contains(":"), !wholeIsExact, let (match, value) = labels.labeledLine(first.text, in: .objective), isWholeLabel(match),
           let colon = first.text.firstIndex(of: ":") {
            let rest = filled.dropFirst().map(\.text)
            return (match.field, String(first.text[..<colon]), ([value] + rest).filter { !$0.isEmpty }.joined(separator: " "))
        }
        if let match = whole, isWholeLabel(match) {
            // A label and its value in one cell or paragraph ("Descrizione Sintetica Ampliamento posti nido…").
            if case .prefix = match.quality, filled.count == 1, let value = first.text.droppingWords(of: match.label) {
                return (match.field, String(first.text.dropLast(value.count)).trimmingCharacters(in: " :").description, value)
            }
            let rest = filled.dropFirst().prefix { labels.match($0.text, in: .objective) == nil }.map(\.text)
            return (match.field, label, rest.joined(separator: " "))
        }
        return nil
    }

    private func isWholeLabel(_ match: LabelMatch) -> Bool {
        if case .prefix = match.quality { return match.label.split(separator: " ").count >= 2 }
        return true
    }

    /// Text under a label given alone, a description under the title, the rest of a status text.
    private mutating func continueField(with line: SheetLine) {
        guard var draft = current, let last = draft.entries.last else { return }
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
        current = draft
    }

    // MARK: column headers

    private func objectiveHeader(_ line: SheetLine) -> ColumnFields? {
        guard line.isTableRow else { return nil }
        let columns = exactFields(of: line, in: .objective)
        let distinct = Set(columns.values.map(\.field))
        guard distinct.count >= builder.minimumHeaderFields, columns.count * 2 >= line.filled.count else { return nil }
        return columns
    }

    private func exactFields(of line: SheetLine, in type: RecordType) -> ColumnFields {
        var columns: ColumnFields = [:]
        for (column, text) in line.filled {
            let label = text.trimmingTrailing { $0 == ":" || $0 == " " }
            guard let match = labels.match(label, in: type) else { continue }
            if case .exact = match.quality { columns[column] = (match.field, label) }
            if case .prefix = match.quality, type == .indicator { columns[column] = (match.field, label) }
        }
        return columns
    }

    /// The value rows under a column header, joined column by column (cells the layout wrapped over rows).
    private mutating func flushColumns() {
        guard case .columns(let columns, let rows) = mode else { return }
        mode = .fields
        guard !rows.isEmpty, var draft = current else { return }
        let values = mergedColumns(rows.map(\.cells))
        for column in columns.keys.sorted() where column < values.count && !values[column].isEmpty {
            let (field, label) = columns[column]!
            draft.add(field, label: label, text: values[column])
        }
        readPhaseColumns(columns, rows: rows, into: &draft)
        for row in rows { draft.touch(item: row.item, page: row.page) }
        current = draft
    }

    /// "DEFINIZIONE OBIETTIVO | DESCRIZIONE/FASI | CRONOPROGRAMMA": one phase a row, its months read from the
    /// last phases column when there are two ("Gennaio - marzo"), else from the phase's own words. A row with a
    /// time but no phase adds its months to the phase above.
    private func readPhaseColumns(_ columns: ColumnFields, rows: [SheetLine], into draft: inout ObjectiveDraft) {
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

    /// "Indicatori di risultato" over an indicator table, or with the group of the table after it in the same
    /// line ("Indicatori di risultato INDICI DI EFFICIENZA").
    private func indicatorTitle(_ line: SheetLine) -> (group: String?, line: SheetLine)? {
        let filled = line.filled
        guard filled.count == 1, let match = labels.match(filled[0].text, in: .indicator), match.field == "name",
              vocabulary.startsWithIndicatorStem(filled[0].text) else { return nil }
        switch match.quality {
        case .exact:
            return (nil, line)
        case .prefix:
            guard let rest = filled[0].text.droppingWords(of: match.label), isGroupText(rest) else { return nil }
            return (rest, line)
        case .fuzzy:
            return nil
        }
    }

    private func indicatorHeader(_ line: SheetLine) -> (ColumnFields, [Int: String])? {
        guard line.isTableRow, line.filled.count >= 2 else { return nil }
        var columns = exactFields(of: line, in: .indicator)
        var years: [Int: String] = [:]
        for (column, text) in line.filled where text.count == 4 && text.allSatisfy(\.isASCIIDigit) {
            years[column] = text
            columns[column] = nil
        }
        let fields = Set(columns.values.map(\.field))
        guard fields.contains("target") || fields.contains("actual") || !years.isEmpty else { return nil }
        guard columns.count + years.count >= 2 else { return nil }
        if !fields.contains("name"), let first = line.filled.first, columns[first.column] == nil {
            columns[first.column] = ("name", first.text)
        }
        return (columns, years)
    }

    private mutating func readIndicator(_ line: SheetLine, columns: ColumnFields?, years: [Int: String]) {
        let filled = line.filled
        guard let columns, !columns.isEmpty else {
            if filled.count == 1 { group = filled[0].text }
            return
        }
        if filled.count == 1, filled[0].column == 0, isGroupText(filled[0].text) {
            group = filled[0].text
            current?.touch(item: line.item, page: line.page)
            return
        }
        let nameColumn = columns.first { $0.value.field == "name" }?.key ?? 0
        if let block = line.block, readBesideIndicatorBlock(block, text: line.text, columns: columns, nameColumn: nameColumn) {
            current?.touch(item: line.item, page: line.page)
            return
        }
        var name = nameColumn < line.cells.count ? TextCleaner.clean(line.cells[nameColumn]) : ""
        let nameless = namelessIndicator
        namelessIndicator = nil
        if let nameless, line.item != current?.indicators[nameless].item, line.filled.count == 1, line.filled[0].column == nameColumn {
            // The name of a row the page break cut, at the top of the next table ("| | 100% | 100%" / "Evasione …").
            current?.indicators[nameless].name = name
            current?.touch(item: line.item, page: line.page)
            return
        }
        if name.isEmpty {
            // A first row under its header with no name but values ("| Esperimento della procedura negoziata | %")
            // is an indicator named by its first value, unless the next table gives its name; further down, such
            // a row is the rest of the row above.
            guard line.isTableRow, line.row == firstIndicatorRow(of: line.item), let value = line.filled.first?.text else { return }
            name = value
            namelessIndicator = current?.indicators.count
        }
        var indicator = IndicatorDraft(item: line.item, row: line.row, page: line.page, name: name, group: group)
        for (column, (field, label)) in columns.sorted(by: { $0.key < $1.key }) where column != nameColumn && column < line.cells.count {
            indicator.cells.append((field, label, line.cells[column]))
        }
        for (column, year) in years.sorted(by: { $0.key < $1.key }) where column < line.cells.count {
            indicator.targetsByYear.append((year, line.cells[column]))
        }
        current?.indicators.append(indicator)
        current?.touch(item: line.item, page: line.page)
        lastIndicatorBlock = line.block
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
              var draft = current, var indicator = draft.indicators.last else { return false }
        let next = columns.filter { $0.key != nameColumn }.sorted { $0.key < $1.key }.map(\.value)
        guard indicator.cells.count < next.count else { return false }
        let (field, label) = next[indicator.cells.count]
        indicator.cells.append((field, label, text))
        draft.indicators[draft.indicators.count - 1] = indicator
        current = draft
        lastIndicatorBlock = block
        return true
    }

    private func isGroupText(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        let head = text.prefix { $0 != "(" }.filter(\.isLetter)
        return !letters.isEmpty && head == head.uppercased() && !head.isEmpty
    }

    // MARK: cronoprogramma

    private func monthGrid(_ line: SheetLine) -> (Int, [Int: Int])? {
        guard line.isTableRow else { return nil }
        var months: [Int: Int] = [:]
        for (column, text) in line.filled { if let month = vocabulary.month(of: text) { months[column] = month } }
        guard months.count >= builder.minimumMonthColumns else { return nil }
        let phaseColumn = (0..<line.cells.count).first { months[$0] == nil } ?? 0
        return (phaseColumn, months)
    }

    private mutating func readPhase(_ line: SheetLine, phaseColumn: Int, months: [Int: Int]) -> Bool {
        guard line.isTableRow else { return false }
        let marked = months.keys.sorted().filter { column in
            column < line.cells.count && vocabulary.monthMarks.contains(TextFolding.words(line.cells[column]))
        }
        guard !marked.isEmpty else { return false }
        let phase = phaseColumn < line.cells.count ? TextCleaner.clean(line.cells[phaseColumn]) : ""
        current?.phases.append((phase, marked.map { months[$0]! }))
        current?.touch(item: line.item, page: line.page)
        return true
    }

    // MARK: staff

    private func staffHeader(_ line: SheetLine) -> ColumnFields? {
        guard line.isTableRow else { return nil }
        let columns = exactFields(of: line, in: .staff)
        guard columns.values.contains(where: { $0.field == "person_name" }), columns.count >= 2 else { return nil }
        return columns
    }

    private mutating func readStaff(_ line: SheetLine, columns: ColumnFields?) {
        guard let columns, let nameColumn = columns.first(where: { $0.value.field == "person_name" })?.key,
              nameColumn < line.cells.count, line.isTableRow else { return }
        let name = TextCleaner.clean(line.cells[nameColumn])
        guard !name.isEmpty, line.filled.first?.column ?? 0 >= min(nameColumn, line.filled.first?.column ?? 0) else { return }
        if name == name.uppercased(), line.filled.count == 1, vocabulary.isCostHeading(name) { return }
        // A name alone under the person above, in the same table: the rest of a name the cell wrapped ("RADICI MARIA" / "ANTONIETTA").
        // (Not in a list of names alone: the person above must have more than a name.)
        if line.filled.count == 1, line.filled[0].column == nameColumn, var last = current?.staff.last, last.item == line.item,
           let at = last.cells.firstIndex(where: { $0.field == "person_name" }),
           last.cells.contains(where: { $0.field != "person_name" && !TextCleaner.clean($0.text).isEmpty }) {
            last.cells[at].text += " " + name
            if var draft = current {
                draft.staff[draft.staff.count - 1] = last
                draft.touch(item: line.item, page: line.page)
                current = draft
            }
            return
        }
        let cells = columns.sorted { $0.key < $1.key }.compactMap { column, header -> (String, String, String)? in
            column < line.cells.count ? (header.field, header.label, line.cells[column]) : nil
        }
        current?.staff.append(StaffDraft(item: line.item, row: line.row, cells: cells))
        current?.touch(item: line.item, page: line.page)
    }
}
