import Core

/// `budget_line` records from revenue and expenditure listings (capitoli with Previsione iniziale / attuale,
/// Accertato or Impegnato, Disponibilità, Riscosso or Pagato). A listing table is recognised by its header
/// row (the budget_line labels of `labels.yml`), wherever it sits in a table: one extracted table may hold
/// several sections, each with its title row and header. Rows before a table's first header read through
/// that header; a table without a header right after a listing continues it. Headings (blocks or title rows)
/// set the part, the programme and its owner; total rows close them. Every line and total is checked
/// (`BudgetChecks`).
struct BudgetLineBuilder: RecordBuilder {
    var vocabulary = ListingVocabulary.italian

    func build(in context: inout DocumentContext) -> [Record] {
        var state = ListingState(checks: BudgetChecks(tolerance: vocabulary.amountTolerance))
        var records: [Record] = []
        var readInside = Set<Int>()
        for index in context.items.indices where !context.isClaimed(index) && !readInside.contains(index) {
            switch context.items[index] {
            case .block(let block):
                if let heading = BudgetHeading.parse(block.text, labels: context.labels, vocabulary: vocabulary) {
                    state.apply(heading, text: block.text, vocabulary: vocabulary)
                }
            case .table(_, let table):
                let inside = headingsInside(table, at: index, context: context)
                let found = readTable(table, at: index, headingsAt: inside, state: &state, context: &context)
                readInside.formUnion(inside.values.joined().map(\.item))
                if found.isEmpty {
                    state.layout = nil
                } else {
                    records += found
                    context.claim(index)
                }
            }
        }
        return records
    }

    /// The lines and totals of one table, in row order.
    private func readTable(_ table: Table, at index: Int, headingsAt inside: [Int: [(item: Int, heading: BudgetHeading, text: String)]] = [:],
                           state: inout ListingState, context: inout DocumentContext) -> [Record] {
        let headers = headerRows(of: table, context: context)
        let borrowed = headers.isEmpty && continuedLayout(state.layout, table, context: context) == nil ? headerOfNextTable(after: index, table, context: context) : nil
        guard let firstHeader = headers.first?.layout ?? continuedLayout(state.layout, table, context: context) ?? borrowed else { return [] }
        var layout = firstHeader
        var records: [Record] = []
        var unread: [(row: Int, text: String)] = []
        var row = 0
        // Headings set inside the table, in row order; each applies once its row is reached (or passed, when the
        // row was read as the rest of the line above).
        var pending = inside.sorted { $0.key < $1.key }[...]
        while row < table.rows.count {
            while let next = pending.first, next.key <= row {
                for found in next.value { state.apply(found.heading, text: found.text, vocabulary: vocabulary) }
                pending = pending.dropFirst()
            }
            if let header = headers.first(where: { $0.row == row }) {
                layout = header.layout
                row += header.layout.rowCount
                continue
            }
            var cells = table.rows[row]
            if ListingCells.isTitleRow(cells),
               let heading = BudgetHeading.parse(cells[0], labels: context.labels, vocabulary: vocabulary) {
                state.apply(heading, text: cells[0], vocabulary: vocabulary)
                row += 1
                continue
            }
            let start = row
            row += 1
            let reader = BudgetRowReader(layout: layout, values: context.values, vocabulary: vocabulary)
            var line = reader.read(cells)
            if line != nil {
                var joined = false
                while row < table.rows.count, !headers.contains(where: { $0.row == row }),
                      isContinuation(table.rows[row], layout: layout, context: context) {
                    cells = ListingCells.joinedRows(cells, table.rows[row])
                    row += 1
                    joined = true
                }
                if joined { line = reader.read(cells) }
            }
            if let line {
                var record = record(of: line, reader: reader, at: index, row: start, state: &state, context: &context)
                if borrowed != nil { record.source.note("header", cue: "next table") }
                records.append(record)
            } else if !ListingCells.filled(cells).isEmpty {
                unread.append((start, ListingCells.filled(cells).joined(separator: " | ")))
            }
        }
        state.layout = layout
        // Nothing is dropped without a word: a row of the listing that is no line, total, heading or header is
        // named on the record before it (or the first, for rows above every line).
        for (row, text) in unread where !records.isEmpty {
            let owner = records.lastIndex { ($0.source.rowIndex ?? 0) < row } ?? 0
            records[owner].warn("row", "table row \(row + 1) not read as a budget line: \(text)")
        }
        return records
    }

    /// A listing joined over pages may hold the next programme's rows under its title, set on the new page above
    /// them ("MISSIONE 20 - PROGRAMMI 1, 2 E 3: …" over a header the join dropped): a heading block on a later
    /// page of the table, above the first of its rows there, applies from that row on, not after the table.
    private func headingsInside(_ table: Table, at index: Int,
                                context: DocumentContext) -> [Int: [(item: Int, heading: BudgetHeading, text: String)]] {
        guard table.hasRowPlaces, table.pageEnd > table.page else { return [:] }
        var inside: [Int: [(item: Int, heading: BudgetHeading, text: String)]] = [:]
        for item in context.items.indices.dropFirst(index + 1) where !context.isClaimed(item) {
            guard case .block(let block) = context.items[item] else { continue }
            guard block.page <= table.pageEnd else { break }
            guard block.page > table.page,
                  let row = table.rows.indices.first(where: { row in
                      table.place(ofRow: row).map { $0.page == block.page && ($0.bbox?.y0 ?? -1) >= block.bbox.y1 - 1 } ?? false
                  }),
                  table.place(ofRow: row - 1).map({ $0.page < block.page || ($0.bbox?.y1 ?? .infinity) <= block.bbox.y0 + 1 }) ?? false,
                  let heading = BudgetHeading.parse(block.text, labels: context.labels, vocabulary: vocabulary) else { continue }
            inside[row, default: []].append((item, heading, block.text))
        }
        return inside
    }

    private func headerRows(of table: Table, context: DocumentContext) -> [(row: Int, layout: HeaderLayout)] {
        table.rows.indices.compactMap { row in
            guard let layout = HeaderLayout.read(table.rows, at: row, type: .budgetLine, context: context,
                                                 minimumFields: vocabulary.minimumBudgetHeaderFields),
                  isListingHeader(layout) else { return nil }
            return (row, layout)
        }
    }

    /// Two amounts or more, each named once (a column per year is another kind of table), and a key column.
    private func isListingHeader(_ layout: HeaderLayout) -> Bool {
        let amounts = layout.fields.filter { $0.hasPrefix("amounts.") }
        let keys: Set<String> = ["chapter", "chart_code", "description"]
        return amounts.count >= 2 && Set(amounts).count == amounts.count && layout.fields.contains(where: keys.contains)
    }

    /// Rows set before their header, which a page or grid break put in a table of their own: the listing header
    /// that opens the next table, when that table has as many columns.
    private func headerOfNextTable(after index: Int, _ table: Table, context: DocumentContext) -> HeaderLayout? {
        guard let following = context.items[(index + 1)...].lazy.compactMap({ item -> Table? in
                  if case .table(_, let next) = item { return next }
                  return nil
              }).first, following.columnCount == table.columnCount,
              let header = headerRows(of: following, context: context).first, header.row == 0 else { return nil }
        return header.layout
    }

    /// The rest of a line's cells that a narrow column wrapped onto the lines below: text without any number,
    /// none under an amount's label, neither a heading, nor a total, nor a title row.
    private func isContinuation(_ cells: [String], layout: HeaderLayout, context: DocumentContext) -> Bool {
        let filled = ListingCells.filled(cells)
        let underAmount = cells.indices.contains { column in
            column < layout.columnCount && !ListingCells.isEmpty(cells[column])
                && layout.columns[column].fields.contains { $0.hasPrefix("amounts.") }
        }
        guard !filled.isEmpty, !underAmount, !ListingCells.isTitleRow(cells),
              !filled.contains(where: { ListingCells.isNumber($0, values: context.values) }) else { return false }
        let text = filled.joined(separator: " ")
        return BudgetHeading.parse(text, labels: context.labels, vocabulary: vocabulary) == nil
            && BudgetTotal.read(text, vocabulary: vocabulary) == nil
    }

    /// The listing above goes on in a table without a header when the table has its columns, or, when the table
    /// stage found the columns anew from other rows (a header left alone at the foot of the page before is no
    /// table of its own), when its first row ends in as many amounts as the header names.
    private func continuedLayout(_ layout: HeaderLayout?, _ table: Table, context: DocumentContext) -> HeaderLayout? {
        guard let layout else { return nil }
        if table.columnCount == layout.columnCount { return layout }
        guard abs(table.columnCount - layout.columnCount) <= vocabulary.continuedListingColumnDifference,
              let first = table.rows.first(where: { !ListingCells.filled($0).isEmpty }) else { return nil }
        let reader = BudgetRowReader(layout: layout, values: context.values, vocabulary: vocabulary)
        return reader.endsInEveryAmount(first) ? layout : nil
    }

    private func record(of read: BudgetRow, reader: BudgetRowReader, at index: Int, row: Int, state: inout ListingState,
                        context: inout DocumentContext) -> Record {
        var line = read
        let layout = reader.layout
        let total = BudgetTotal.read(line.keyText, vocabulary: vocabulary)
        if total == nil { reader.readKey(&line) }
        let direction = state.direction(of: line, layout: layout, vocabulary: vocabulary)
        var record = context.newRecord(.budgetLine, key: state.naturalKey(line, total: total, direction: direction.value),
                                       at: index, rows: .row(row))
        fill(&record, line: line, direction: direction, state: state, context: context)
        for (field, cue) in line.cues { record.source.note(field, cue: cue) }
        if let total {
            record["is_total"] = .boolean(true)
            record["total_level"] = total.level.map(FieldValue.text)
            if let titleCode = total.titleCode { record["title_code"] = .text(titleCode) }
            if total.level == nil { record.warn("total_level", "level not named: \(line.keyText)") }
            state.closeTotal(total, amounts: line.amounts, record: &record)
        } else {
            record["is_total"] = .boolean(false)
            state.scope.addLine(line.amounts)
            if state.expectsProgramme(direction.value) {
                record.warn("mission_code", "no Missione/Programma heading above the line")
            }
        }
        if let warning = state.checks.availableWarning(line.amounts) { record.warnings.append(warning) }
        return record
    }

    private func fill(_ record: inout Record, line: BudgetRow, direction: (value: String?, warning: FieldWarning?),
                      state: ListingState, context: DocumentContext) {
        for (field, text) in line.key.sorted(by: { $0.key < $1.key }) { record[field] = .text(text) }
        if line.key["description"] == nil, !line.keyText.isEmpty, line.key.isEmpty { record["description"] = .text(line.keyText) }
        record["direction"] = direction.value.map(FieldValue.text)
        record["mission_code"] = state.missionCode.map(FieldValue.text)
        record["program_code"] = state.programCode.map(FieldValue.text)
        record["owner"] = state.owner.map(FieldValue.text)
        record["amounts"] = line.amounts.field
        record["as_of"] = context.document.referenceDate.map(FieldValue.date)
        if let heading = state.headingText { record.keepRaw("intestazione", heading) }
        for (label, text) in line.raw { record.keepRaw(label, text) }
        record.warnings += line.warnings + state.headingWarnings
        if let warning = direction.warning { record.warnings.append(warning) }
        if direction.value == nil { record.warn("direction", "no part heading, chart code or column label tells revenue from expenditure") }
    }
}
