import Core

/// `risk` records from risk maps (mappatura dei processi, valutazione e trattamento del rischio): tables whose
/// header names a process or a risk event and at least `minimumFields` risk fields (the risk labels of
/// `labels.yml`; a two-level header such as "Indicatori di probabilità" over "Interesse esterno",
/// "Discrezionalità"… is read whole). One record per row; several columns under one field are kept together
/// ("Interesse esterno: Alto; Discrezionalità: Medio"); the deadline is a VALUE read as a timeframe.
struct RiskBuilder: RecordBuilder {
    var minimumFields = 3
    var requiredFields: Set<String> = ["process", "risk_event"]
    var partSeparator = "; "

    func build(in context: inout DocumentContext) -> [Record] {
        var records: [Record] = []
        for index in context.items.indices where !context.isClaimed(index) {
            guard case .table(_, let table) = context.items[index],
                  let header = riskHeader(table, context: context) else { continue }
            var keys: [String: Int] = [:]
            var row = header.rowCount
            while row < table.rows.count {
                if let repeated = HeaderLayout.read(table.rows, at: row, type: .risk, context: context, minimumFields: minimumFields),
                   repeated.fields == header.fields {
                    row += repeated.rowCount
                    continue
                }
                if let record = record(table.rows[row], header: header, at: index, row: row, keys: &keys, context: &context) {
                    records.append(record)
                }
                row += 1
            }
            context.claim(index)
        }
        return records
    }

    private func riskHeader(_ table: Table, context: DocumentContext) -> HeaderLayout? {
        guard let header = HeaderLayout.read(table.rows, at: 0, type: .risk, context: context, minimumFields: minimumFields)
        else { return nil }
        let fields = Set(header.fields)
        return fields.count >= minimumFields && !fields.isDisjoint(with: requiredFields) ? header : nil
    }

    private func record(_ cells: [String], header: HeaderLayout, at index: Int, row: Int, keys: inout [String: Int],
                        context: inout DocumentContext) -> Record? {
        var parts: [String: [(label: String, text: String)]] = [:]
        var order: [String] = []
        var raw: [(String, String)] = []
        for (column, cell) in cells.enumerated() {
            let text = ListingCells.clean(cell)
            guard !text.isEmpty else { continue }
            let label = column < header.columnCount ? header.columns[column].label : "colonna \(column + 1)"
            raw.append((label, text))
            guard column < header.columnCount, let field = header.columns[column].fields.first else { continue }
            if parts[field] == nil { order.append(field) }
            parts[field, default: []].append((header.columns[column].ownLabel, text))
        }
        guard !parts.isEmpty else { return nil }
        let identity = [parts["process"], parts["risk_event"]].compactMap { $0?.map(\.text).joined(separator: " ") }
        let key = identity.joined(separator: "|")
        let seen = keys[key, default: 0]
        keys[key] = seen + 1
        var record = context.newRecord(.risk, key: key.isEmpty ? nil : (seen == 0 ? key : key + "|\(seen + 1)"), at: index, rows: .row(row))
        for (label, text) in raw { record.keepRaw(label, text) }
        for field in order { set(field, parts[field] ?? [], on: &record, values: context.values) }
        return record
    }

    private func set(_ field: String, _ parts: [(label: String, text: String)], on record: inout Record, values: ValueParser) {
        let text = parts.count == 1 ? parts[0].text : parts.map { "\($0.label): \($0.text)" }.joined(separator: partSeparator)
        guard field == "deadline" else {
            record[field] = .text(text)
            return
        }
        let parsed = values.parseTimeframe(text, field: "deadline")
        record["deadline"] = .value(parsed.value)
        record.warnings += parsed.warnings
    }
}
