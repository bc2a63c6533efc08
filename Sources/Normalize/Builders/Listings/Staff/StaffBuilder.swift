import Core

/// `staff` records from the staff tables of a plan: tables under a staff heading ("RISORSE UMANE DEL
/// SERVIZIO", "RISORSE UMANE ASSEGNATE", "DOTAZIONE ORGANICA DEL PERSONALE", "Posizioni economiche"), or whose
/// header names three staff fields. Three layouts:
///
/// - a list with a header (Cat., Profilo, Posti coperti…; an unlabelled column of names is the people);
/// - a list without a header: columns read by what they hold (a row number, a category code, then the name,
///   the profile and the office, in that order);
/// - a cross table (categories or areas across, men / women under them or as rows; see `StaffCrossTable`).
///
/// Total rows are not records. `org_unit` is the nearest Area / Settore / Servizio heading above; employment
/// is read from the row, its column labels and the heading; tables under an objective's staff heading
/// ("personale coinvolto") are left to the objective builders.
struct StaffBuilder: RecordBuilder {
    var vocabulary = ListingVocabulary.italian
    var minimumHeaderFields = 2
    /// Fields of which a list names at least one.
    var identifyingFields: Set<String> = ["person_name", "role", "category", "area_ccnl_2022"]

    func build(in context: inout DocumentContext) -> [Record] {
        var records: [Record] = []
        for index in context.items.indices where !context.isClaimed(index) {
            guard case .table(_, let table) = context.items[index] else { continue }
            let place = StaffPlace(index: index, context: context, vocabulary: vocabulary)
            guard !place.isObjectiveStaff else { continue }
            let found = readTable(table, at: index, place: place, context: &context)
            if !found.isEmpty {
                records += found
                context.claim(index)
            }
        }
        return records
    }

    private func readTable(_ table: Table, at index: Int, place: StaffPlace, context: inout DocumentContext) -> [Record] {
        if let header = HeaderLayout.read(table.rows, at: 0, type: .staff, context: context, minimumFields: minimumHeaderFields),
           !Set(header.fields).isDisjoint(with: identifyingFields), place.isStaffSection || Set(header.fields).count >= 3 {
            let reader = StaffRowReader(layout: withNameColumn(header, table: table, context: context), place: place,
                                        vocabulary: vocabulary, context: context)
            return rows(of: table, from: header.rowCount, at: index, reader: reader, context: &context)
        }
        guard place.isStaffSection else { return [] }
        // A first row of words may be a cross table's header or the first person of a list without one.
        if let cross = StaffCrossTable(table, vocabulary: vocabulary, context: context) {
            let records = cross.records(at: index, place: place, context: &context)
            if !records.isEmpty { return records }
        }
        let inference = StaffColumnInference(vocabulary: vocabulary, values: context.values)
        let table = inference.splittingEdgeCodes(table)
        guard let inferred = inference.layout(of: table) else { return [] }
        let reader = StaffRowReader(layout: inferred, place: place, vocabulary: vocabulary, context: context)
        return rows(of: table, from: 0, at: index, reader: reader, context: &context)
    }

    /// The records of the rows from `start`: a title row ("Servizi Amministrativi") names the unit of the rows
    /// under it; a row holding only the tail of a cell cut by the extraction goes back into the row above.
    private func rows(of table: Table, from start: Int, at index: Int, reader: StaffRowReader,
                      context: inout DocumentContext) -> [Record] {
        var records: [Record] = []
        var reader = reader
        var row = start
        while row < table.rows.count {
            var cells = table.rows[row].map(ListingCells.clean)
            let first = row
            if ListingCells.isTitleRow(cells) {
                reader.groupUnit = cells[0]
                row += 1
                continue
            }
            while row + 1 < table.rows.count, isContinuation(table.rows[row + 1].map(ListingCells.clean), of: cells) {
                row += 1
                cells = merged(cells, table.rows[row].map(ListingCells.clean))
            }
            if let record = reader.record(cells, at: index, row: first, context: &context) { records.append(record) }
            row += 1
        }
        return records
    }

    /// Text only in cells the row above left empty: the rest of the row above.
    private func isContinuation(_ cells: [String], of above: [String]) -> Bool {
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        return !filled.isEmpty && !ListingCells.isTitleRow(cells)
            && filled.allSatisfy { $0 < above.count && above[$0].isEmpty }
    }

    private func merged(_ cells: [String], _ tail: [String]) -> [String] {
        cells.indices.map { $0 < tail.count && cells[$0].isEmpty ? tail[$0] : cells[$0] }
    }

    /// An unlabelled column holding words, in a list without a name column, is the people ("PORTA", "CREMA RUBAGOTTI").
    private func withNameColumn(_ layout: HeaderLayout, table: Table, context: DocumentContext) -> HeaderLayout {
        guard !layout.fields.contains("person_name") else { return layout }
        var layout = layout
        let body = table.rows.dropFirst(layout.rowCount)
        for column in layout.columns.indices where layout.columns[column].label.isEmpty && layout.columns[column].fields.isEmpty {
            let cells = body.compactMap { $0.count > column ? ListingCells.clean($0[column]) : nil }.filter { !$0.isEmpty }
            if !cells.isEmpty, cells.allSatisfy({ !ListingCells.isNumber($0, values: context.values) }) {
                layout.columns[column].fields = ["person_name"]
                break
            }
        }
        return layout
    }
}
