import Core

/// Column → canonical field of a header row.
typealias ColumnFields = [Int: (field: String, label: String)]

/// "1. OBIETTIVO DI MIGLIORAMENTO 2024": a line that opens an objective sheet, with the number it gives.
struct ObjectiveAnnouncement: Equatable {
    var code: String?
    var text: String
}

/// Mission and programme codes a heading or a programme row sets for the objectives below it.
enum ProgrammeCodes: Equatable {
    /// "MISSIONE 1 – Servizi istituzionali": a new mission, no programme yet.
    case mission(String)
    /// "101 | Programma | 1": mission and programme from one D.Lgs. 118/2011 programme code.
    case missionAndProgram(mission: String, program: String)
    /// "Programma | 3": a programme of the mission above.
    case program(String)
}

/// "1 | Polizia Locale | Controllo del territorio … | 25": a row of a summary table giving an objective's number,
/// title and weight, to be matched with that objective's sheet.
struct SummaryWeightRow: Equatable {
    var code: String
    var title: String
    var weight: String
}

/// The header row of an indicator table: the field of each column, the year of each column of yearly targets,
/// and the columns whose cell holds two value labels side by side ("target raggiunto": two narrow columns the
/// extraction did not tell apart), with their fields in order.
struct IndicatorHeader {
    var columns: ColumnFields
    var years: [Int: String] = [:]
    var shared: [Int: [(field: String, label: String)]] = [:]
}

/// The title line of an indicator table, with the group it names when it names one.
struct IndicatorTitle: Equatable {
    var group: String?
}

struct LabeledText: Equatable {
    var field: String
    var label: String
    var value: String
}

/// What a line does inside an objective sheet.
enum SheetLineRole {
    /// An announcement inside an open sheet (the segmenter decides whether it continues the sheet).
    case announcement(ObjectiveAnnouncement)
    /// A panel or cost table's title in the first column ("COSTO DELLE RISORSE INTERNE"): what follows is
    /// not the field above.
    case sectionEnd
    /// Column labels over value rows ("Obiettivo | Responsabile | Peso").
    case columnHeader(ColumnFields)
    /// "Label | value", "Label: value", or a label alone whose value follows.
    case label(LabeledText)
    case staffTitle
    case indicatorHeader(IndicatorHeader)
    case indicatorTitle(group: String?)
    case monthGrid(phaseColumn: Int, months: [Int: [Int]])
    case staffHeader(ColumnFields)
    /// A value row, text under a label, an indicator or staff row: read by the mode the sheet is in.
    case plain
}

/// How a line frames the sheets around it, whether or not a sheet is open: the facts the segmenter needs.
struct SheetLineFrame {
    /// A main heading (level 1–2, not an announcement): the sheets above it end there.
    var isMainHeading = false
    /// A main heading that is not a MISSIONE heading: the codes above it lapse with it.
    var clearsCodes = false
    var codes: ProgrammeCodes?
    var summaryWeight: SummaryWeightRow?
    var announcement: ObjectiveAnnouncement?
}

/// The first pass of the sheet builder: what each line is, from the line alone and, for a label or header the
/// extraction split over rows, the rows after it. Pure: the same lines always get the same kinds.
struct SheetLineClassifier {
    let settings: ObjectiveSheetBuilder
    let labels: LabelMatcher
    var vocabulary: ObjectiveVocabulary { settings.vocabulary }

    // MARK: frame

    func frame(of line: SheetLine) -> SheetLineFrame {
        var frame = SheetLineFrame()
        guard let first = line.filled.first?.text else { return frame }
        let announcement = announcement(in: line)
        // A heading that is one of the sheet's labels ("Stato attuazione obiettivo:" set large) is a label line.
        if let block = line.block, block.kind == .heading, (block.level ?? 3) <= 2, announcement == nil,
           !vocabulary.isStaffListTitle(first), !vocabulary.endsSection(first), labelRow(line) == nil {
            frame.isMainHeading = true
            frame.clearsCodes = !vocabulary.opensWithMissionWord(TextFolding.words(first))
        }
        frame.codes = programmeCodes(in: line)
        guard frame.codes == nil else { return frame }
        frame.summaryWeight = summaryWeightRow(line)
        frame.announcement = announcement
        return frame
    }

    func announcement(in line: SheetLine) -> ObjectiveAnnouncement? {
        let filled = line.filled
        guard filled.count == 1, filled[0].text.count <= settings.maximumAnnouncementLength, !filled[0].text.contains(":") else { return nil }
        let text = filled[0].text
        guard vocabulary.announcesObjective(text),
              !vocabulary.categories(in: text).isEmpty || vocabulary.level(in: text) != nil
                || vocabulary.namedCategory(in: text) != nil else { return nil }
        let digits = text.prefix { $0.isASCIIDigit }
        return ObjectiveAnnouncement(code: digits.isEmpty ? nil : String(digits), text: text)
    }

    /// A sheet's heading and the label line under it read as one cell or paragraph ("OBIETTIVO DI FORMAZIONE
    /// Obiettivo strategico: 8.8 …"): the upper-case words that announce an objective, then a known label with its
    /// value. Such a line becomes the two lines it was; other lines pass unchanged.
    func splittingAnnouncementsFromLabels(_ lines: [SheetLine]) -> [SheetLine] {
        var result: [SheetLine] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            guard let (heading, rest) = announcementBeforeLabel(line) else {
                result.append(line)
                continue
            }
            var first = line, second = line
            first.cells = [heading]
            second.cells = [rest]
            first.block = nil
            second.block = nil
            result += [first, second]
        }
        return result
    }

    func announcementBeforeLabel(_ line: SheetLine) -> (heading: String, rest: String)? {
        let filled = line.filled
        guard filled.count == 1, filled[0].text.contains(":") else { return nil }
        let text = filled[0].text
        let words = text.split(separator: " ")
        let upper = words.prefix { word in !word.contains { $0.isLowercase } }
        guard upper.count >= 2, upper.count < words.count else { return nil }
        let heading = upper.joined(separator: " ")
        let rest = words[upper.count...].joined(separator: " ")
        guard rest.first?.isUppercase == true, vocabulary.announcesObjective(heading),
              announcement(in: SheetLine(item: line.item, row: line.row, page: line.page, cells: [heading], block: nil)) != nil,
              let (match, _) = labels.labeledLine(rest, in: .objective), isWholeLabel(match) else { return nil }
        return (heading, rest)
    }

    /// "MISSIONE 1 – …" headings and "101 | Programma | 1 | …" rows.
    func programmeCodes(in line: SheetLine) -> ProgrammeCodes? {
        let cells = line.filled.map(\.text)
        guard let first = cells.first else { return nil }
        // The first two words are all that is read: the rest of a long cell is left unsplit.
        let words = TextFolding.words(first).split(separator: " ", maxSplits: 2)
        if let word = words.first, vocabulary.isMissionWord(word), words.count >= 2, words[1].allSatisfy(\.isNumber), cells.count == 1 {
            return .mission(String(words[1]))
        }
        // A programme row read as one line of text ("102 Programma 2 Segreteria generale"): its words are its cells.
        let folded = cells.count == 1 && words.count >= 3 && words[0].allSatisfy(\.isNumber)
            ? words.map(String.init) : cells.map { TextFolding.words($0) }
        guard let at = folded.firstIndex(where: vocabulary.namesProgram) else { return nil }
        let before = at > 0 ? folded[at - 1] : String(folded[at].split(separator: " ", maxSplits: 1).first ?? "")
        if let (mission, program) = Self.programmeCode(before) {
            return .missionAndProgram(mission: mission, program: program)
        }
        if at + 1 < folded.count, let number = folded[at + 1].split(separator: " ", maxSplits: 1).first, number.allSatisfy(\.isNumber) {
            return .program(String(number))
        }
        return nil
    }

    /// A D.Lgs. 118/2011 programme code: the mission's number, then the programme's two digits ("101", "0102",
    /// "1201"). The chart's missions are 01–20, 50, 60 and 99, with at most 11 programmes (mission 01's), which
    /// keeps a year ("2024") from reading as a code.
    static func programmeCode(_ text: String) -> (mission: String, program: String)? {
        guard (3...4).contains(text.count), text.allSatisfy(\.isASCIIDigit),
              let mission = Int(text.dropLast(2)), let program = Int(text.suffix(2)),
              (1...20).contains(mission) || [50, 60, 99].contains(mission), (1...11).contains(program) else { return nil }
        return (String(mission), String(text.suffix(2)))
    }

    /// A summary-table row: the objective's number first, its title in the cell before the last and, last, a
    /// weight (a number up to 100, with or without "%").
    func summaryWeightRow(_ line: SheetLine) -> SummaryWeightRow? {
        let filled = line.filled
        guard line.isTableRow, filled.count >= 3, let first = filled.first, first.column == 0,
              Self.isObjectiveNumber(first.text), let last = filled.last else { return nil }
        let number = last.text.trimmingTrailing { $0 == "%" || $0 == " " }.replacingOccurrences(of: ",", with: ".")
        guard let value = ExactDecimal(number), value > 0, value <= 100 else { return nil }
        let title = filled[filled.count - 2]
        guard title.text.split(separator: " ").count >= settings.minimumSummaryTitleWords else { return nil }
        return SummaryWeightRow(code: Self.objectiveNumber(first.text), title: title.text, weight: last.text)
    }

    /// "3", "3.", "12", "2.1": an objective's number as lists and summary tables print it.
    static func isObjectiveNumber(_ text: String) -> Bool {
        let parts = objectiveNumber(text).split(separator: ".", omittingEmptySubsequences: false)
        guard let head = parts.first, (1...3).contains(head.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// The number without the dot or blank after it ("3." → "3").
    static func objectiveNumber(_ text: String) -> String {
        String(text.trimmingTrailing { $0 == "." || $0 == " " })
    }

    // MARK: role

    /// The role of the line at `index` inside an open sheet, and how many lines it covers. Announcements are
    /// the segmenter's (`frame(of:)`), and not asked for here.
    func role(of lines: [SheetLine], at index: Int) -> (role: SheetLineRole, span: Int) {
        let line = lines[index]
        if let first = line.filled.first, first.column == 0, vocabulary.endsSection(first.text) { return (.sectionEnd, 1) }
        // A title of one cell is no upper part of a wrapped header, in whichever column a layout without rules set
        // it ("Indicatori di risultato" centred over "Descrizione | Valore atteso").
        if let title = indicatorTitle(line) { return (.indicatorTitle(group: title.group), 1) }
        if let (columns, count) = wrappedHeader(lines, at: index) { return (.columnHeader(columns), count) }
        if let (labeled, count) = wrappedLabelRow(lines, at: index) { return (.label(labeled), count) }
        return (structureRole(of: line) ?? .plain, 1)
    }

    /// Title rows and header rows that switch what the next rows are, and "Label | value" rows.
    private func structureRole(of line: SheetLine) -> SheetLineRole? {
        if vocabulary.isStaffListTitle(line.text) { return .staffTitle }
        if let header = indicatorHeader(line) { return .indicatorHeader(header) }
        if let title = indicatorTitle(line) { return .indicatorTitle(group: title.group) }
        if let (phaseColumn, months) = monthGrid(line) { return .monthGrid(phaseColumn: phaseColumn, months: months) }
        if let columns = staffHeader(line) { return .staffHeader(columns) }
        if let columns = objectiveHeader(line) { return .columnHeader(columns) }
        if let labeled = labelRow(line) { return .label(labeled) }
        return nil
    }

    /// A header row whose cells the extraction split into several rows ("Obiettivo" / "" / "operativo").
    func wrappedHeader(_ lines: [SheetLine], at index: Int) -> (ColumnFields, Int)? {
        guard lines[index].isTableRow, index + 1 < lines.count else { return nil }
        let single = objectiveHeader(lines[index]).map { Set($0.values.map(\.field)).count } ?? 0
        for count in stride(from: settings.maximumWrappedRows, through: 2, by: -1) where index + count <= lines.count {
            let rows = lines[index..<(index + count)]
            guard rows.allSatisfy({ $0.item == lines[index].item }) else { continue }
            let merged = SheetLine(merging: rows)
            // Cells of running text are values, not the pieces of a header: no label to look up.
            guard merged.filled.allSatisfy({ mayBeHeaderCell($0.text) }) else { continue }
            // Labels in every cell, or in most when the rows are only labels over an empty cell (a stacked
            // "Sistema" over "Premiante" beside "Settore | Dirigente"): no value row was taken in.
            if let columns = objectiveHeader(merged), Set(columns.values.map(\.field)).count > single,
               columns.count == merged.filled.count || rows.allSatisfy({ row in row.filled.allSatisfy { isShortLabelText($0.text) } }) {
                return (columns, count)
            }
        }
        return nil
    }

    /// A label whose cell the extraction split into several rows ("Obiettivo: Descrizione" / "" / "Sintetica"):
    /// the first cells of up to `maximumWrappedRows` rows of one table that together are exactly a label.
    func wrappedLabelRow(_ lines: [SheetLine], at index: Int) -> (LabeledText, Int)? {
        // A header row ("Settore | Dirigente | Sistema Premiante") is not a label over the rows below it.
        guard lines[index].isTableRow, objectiveHeader(lines[index]) == nil else { return nil }
        for count in stride(from: settings.maximumWrappedRows, through: 2, by: -1) where index + count <= lines.count {
            let rows = lines[index..<(index + count)]
            guard rows.allSatisfy({ $0.item == lines[index].item }) else { continue }
            // The label runs into the last row ("Sintetica"): a label whole in its first row ("Descrizione" over
            // "| Esperimento della procedura | %") is a header, not a label wrapped over the rows below.
            guard let lastLabel = rows.last?.cells.first, !TextCleaner.clean(lastLabel).isEmpty else { continue }
            let merged = mergedColumns(rows)
            guard let first = merged.first, !first.isEmpty, mayBeHeaderCell(first) else { continue }
            let label = first.trimmingTrailing { $0 == ":" || $0 == " " }
            guard let match = labels.exactMatch(label, in: .objective) else { continue }
            let value = merged.dropFirst().filter { !$0.isEmpty }.joined(separator: " ")
            return (LabeledText(field: match.field, label: label, value: value), count)
        }
        return nil
    }

    /// Short enough to be a label (the longest of `labels.yml` has 9 words), and no figure (more digits than
    /// letters: an amount, a code, a date).
    func mayBeHeaderCell(_ text: String) -> Bool {
        guard text.split(separator: " ").count <= settings.maximumHeaderCellWords else { return false }
        let counts = ASCIIText.numberAndLetterCounts(text)
        return counts.numbers <= counts.letters
    }

    /// A few words with no figure: what a header cell holds, not a value.
    func isShortLabelText(_ text: String) -> Bool {
        text.split(separator: " ").count <= settings.maximumStackedLabelWords && !text.contains { $0.isNumber }
    }

    // MARK: labels and values

    /// "Label | value …", "Label: value" in one cell or block, or a label alone whose value follows.
    func labelRow(_ line: SheetLine) -> LabeledText? {
        if let block = line.block, block.kind == .labelValue, let label = block.label {
            // "Obiettivo: Descrizione Sintetica" split at its colon is still one label, whose value follows.
            let whole = TextCleaner.clean(block.text)
            if let match = labels.exactMatch(whole.trimmingTrailing { $0 == ":" || $0 == " " }, in: .objective) {
                return LabeledText(field: match.field, label: whole, value: "")
            }
            guard let match = labels.match(label, in: .objective) else { return nil }
            return LabeledText(field: match.field, label: TextCleaner.clean(label), value: TextCleaner.clean(block.value ?? ""))
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
            return LabeledText(field: match.field, label: String(first.text[..<colon]),
                               value: ([value] + rest).filter { !$0.isEmpty }.joined(separator: " "))
        }
        if filled.count == 1, let labeled = oneWordLabelBeforeValue(first.text) { return labeled }
        if let match = whole, isWholeLabel(match) {
            // A label and its value in one cell or paragraph ("Descrizione Sintetica Ampliamento posti nido…").
            if case .prefix = match.quality, filled.count == 1, let value = first.text.droppingWords(of: match.label) {
                return LabeledText(field: match.field, label: String(first.text.dropLast(value.count)).trimmingCharacters(in: " :").description,
                                   value: String(value))
            }
            let rest = filled.dropFirst().prefix { labels.match($0.text, in: .objective) == nil }.map(\.text)
            return LabeledText(field: match.field, label: label, value: rest.joined(separator: " "))
        }
        return nil
    }

    /// A cell that opens with the one-word label of a field of names or lists, its value after it in upper case
    /// ("Stakeholder Dipendenti", "Stakeholder RUP dei progetti PNRR"): the label and its value.
    func oneWordLabelBeforeValue(_ text: String) -> LabeledText? {
        let words = text.split(separator: " ", maxSplits: 1)
        guard words.count == 2, words[1].first?.isUppercase == true,
              let match = labels.match(String(words[0]), in: .objective), case .exact = match.quality,
              vocabulary.oneWordLabelFields.contains(match.field) else { return nil }
        return LabeledText(field: match.field, label: String(words[0]), value: String(words[1]))
    }

    private func isWholeLabel(_ match: LabelMatch) -> Bool {
        if case .prefix = match.quality { return match.label.split(separator: " ").count >= 2 }
        return true
    }

    // MARK: headers

    func objectiveHeader(_ line: SheetLine) -> ColumnFields? {
        guard line.isTableRow else { return nil }
        let columns = exactFields(of: line, in: .objective)
        let distinct = Set(columns.values.map(\.field))
        guard distinct.count >= settings.minimumHeaderFields, columns.count * 2 >= line.filled.count else { return nil }
        return columns
    }

    private func exactFields(of line: SheetLine, in type: RecordType) -> ColumnFields {
        var columns: ColumnFields = [:]
        for (column, text) in line.filled {
            let label = text.trimmingTrailing { $0 == ":" || $0 == " " }
            if let match = labels.exactMatch(label, in: type) {
                columns[column] = (match.field, label)
            } else if type == .indicator, let match = labels.match(label, in: type), case .prefix = match.quality {
                columns[column] = (match.field, label)
            }
        }
        return columns
    }

    /// "Indicatori di risultato" over an indicator table, or with the group of the table after it in the same
    /// line ("Indicatori di risultato INDICI DI EFFICIENZA").
    func indicatorTitle(_ line: SheetLine) -> IndicatorTitle? {
        let filled = line.filled
        guard filled.count == 1, let match = labels.match(filled[0].text, in: .indicator), match.field == "name",
              vocabulary.startsWithIndicatorStem(filled[0].text) else { return nil }
        switch match.quality {
        case .exact:
            return IndicatorTitle(group: nil)
        case .prefix:
            guard let rest = filled[0].text.droppingWords(of: match.label), Self.isGroupText(rest) else { return nil }
            return IndicatorTitle(group: rest)
        case .fuzzy:
            return nil
        }
    }

    func indicatorHeader(_ line: SheetLine) -> IndicatorHeader? {
        guard line.isTableRow else { return nil }
        if let columns = valueColumnsHeader(line) { return IndicatorHeader(columns: columns) }
        guard line.filled.count >= 2 else { return nil }
        var header = IndicatorHeader(columns: exactFields(of: line, in: .indicator))
        for (column, text) in line.filled where text.count == 4 && text.allSatisfy(\.isASCIIDigit) {
            header.years[column] = text
            header.columns[column] = nil
        }
        for (column, text) in line.filled where header.columns[column] == nil && header.years[column] == nil {
            guard let labels = sharedValueLabels(text) else { continue }
            header.shared[column] = labels
            header.columns[column] = labels[0]
            // The label of the column beside, run into this cell over an empty header cell: the figures below may
            // stand in their own columns.
            if column + 1 < line.cells.count, TextCleaner.clean(line.cells[column + 1]).isEmpty { header.columns[column + 1] = labels[1] }
        }
        let fields = Set(header.columns.values.map(\.field))
        guard fields.contains("target") || fields.contains("actual") || !header.years.isEmpty else { return nil }
        guard header.columns.count + header.years.count >= 2 else { return nil }
        if !fields.contains("name"), let first = line.filled.first, header.columns[first.column] == nil {
            header.columns[first.column] = ("name", first.text)
        }
        return header
    }

    /// Two value labels in one cell, side by side ("target raggiunto"): the words cut where both halves are
    /// labels of value columns.
    func sharedValueLabels(_ text: String) -> [(field: String, label: String)]? {
        let words = text.split(separator: " ")
        guard words.count >= 2 else { return nil }
        for cut in 1..<words.count {
            guard let first = valueLabel(words[..<cut]), let second = valueLabel(words[cut...]), first.field != second.field else { continue }
            return [first, second]
        }
        return nil
    }

    /// The value field ("target", "actual", "baseline") the run of words is exactly the label of, with that label.
    private func valueLabel(_ words: ArraySlice<Substring>) -> (field: String, label: String)? {
        guard let match = labels.exactMatch(run: words, in: .indicator), Self.valueFields.contains(match.field) else { return nil }
        return (match.field, words.joined(separator: " "))
    }

    static let valueFields: Set<String> = ["target", "actual", "baseline"]

    /// A header of value columns only, over an empty first column ("| target", "| raggiunto"): the names are in
    /// the first column of the rows below, or, when the rows below have none, above (a column the layout set
    /// under the table: `SheetReading.readColumnBelow`). The name column's label is empty: no cell names it.
    func valueColumnsHeader(_ line: SheetLine) -> ColumnFields? {
        let filled = line.filled
        guard let first = filled.first, first.column > 0 else { return nil }
        let columns = exactFields(of: line, in: .indicator)
        guard columns.count == filled.count, columns.values.allSatisfy({ ["target", "actual"].contains($0.field) }) else { return nil }
        return columns.merging([0: ("name", "")]) { kept, _ in kept }
    }

    func monthGrid(_ line: SheetLine) -> (Int, [Int: [Int]])? {
        guard line.isTableRow else { return nil }
        var months: [Int: [Int]] = [:]
        for (column, text) in line.filled {
            let named = vocabulary.months(ofHeader: text)
            if !named.isEmpty { months[column] = named }
        }
        guard months.values.map(\.count).reduce(0, +) >= settings.minimumMonthColumns else { return nil }
        let phaseColumn = (0..<line.cells.count).first { months[$0] == nil } ?? 0
        // A narrow phase column and the first month's may read as one column: its header then ends in the name
        // of the month before the first month column ("Fasi e tempi Gennaio" beside "Febbraio").
        if let lastWord = line.cells[phaseColumn].split(whereSeparator: \.isWhitespace).last,
           let month = vocabulary.month(of: String(lastWord)), month + 1 == months.values.joined().min() {
            months[phaseColumn] = [month]
        }
        return (phaseColumn, months)
    }

    func staffHeader(_ line: SheetLine) -> ColumnFields? {
        guard line.isTableRow else { return nil }
        let columns = exactFields(of: line, in: .staff)
        guard columns.values.contains(where: { $0.field == "person_name" }), columns.count >= 2 else { return nil }
        return columns
    }

    /// Upper-case text (before any parenthesis): a group heading of indicators ("INDICI DI EFFICIENZA").
    static func isGroupText(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        let head = text.prefix { $0 != "(" }.filter(\.isLetter)
        return !letters.isEmpty && head == head.uppercased() && !head.isEmpty
    }
}
