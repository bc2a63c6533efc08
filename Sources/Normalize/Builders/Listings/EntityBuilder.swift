import Core

/// The `entity` record of a scheda anagrafica: under a heading naming the section ("SEZIONE 1 - SCHEDA
/// ANAGRAFICA DELL'AMMINISTRAZIONE"), the "Label: value" lines (several may run together in one block:
/// "Sindaco: Enrico VAI Numero dipendenti al 31 dicembre anno precedente: 28 …") or a two-column table of
/// labels and values. The labels are the entity labels of `labels.yml`. One record per section found.
struct EntityBuilder: RecordBuilder {
    var vocabulary = ListingVocabulary.italian
    /// Most words a label may have.
    var maximumLabelWords = 9
    /// Fewest fields a section must give to be a scheda anagrafica.
    var minimumFields = 2

    func build(in context: inout DocumentContext) -> [Record] {
        var records: [Record] = []
        for index in context.items.indices {
            guard case .block(let block) = context.items[index], block.kind == .heading,
                  ListingCells.contains(block.text, anyOf: vocabulary.entitySectionTitles) else { continue }
            let pairs = labelledValues(after: index, headingLevel: block.level ?? 1, context: context)
            guard Set(pairs.map(\.field)).count >= minimumFields else { continue }
            records.append(record(pairs, at: index, context: &context))
        }
        return records
    }

    private struct Pair {
        var field: String
        var label: String
        var value: String
        var item: Int
    }

    /// The label/value pairs of the items under the heading, up to the next heading of its level or higher.
    private func labelledValues(after heading: Int, headingLevel: Int, context: DocumentContext) -> [Pair] {
        var pairs: [Pair] = []
        let end = min(context.items.count, heading + 1 + vocabulary.entityLookAhead)
        for index in (heading + 1)..<end {
            switch context.items[index] {
            case .block(let block):
                if block.kind == .heading, (block.level ?? 1) <= headingLevel { return pairs }
                pairs += split(block.text, labels: context.labels).map { Pair(field: $0.0, label: $0.1, value: $0.2, item: index) }
            case .table(_, let table) where !context.isClaimed(index):
                for row in table.rows {
                    let cells = ListingCells.filled(row)
                    guard cells.count == 2, let match = context.labels.match(cells[0], in: .entity) else { continue }
                    pairs.append(Pair(field: match.field, label: cells[0], value: cells[1], item: index))
                }
            default:
                continue
            }
        }
        return pairs
    }

    /// Every "Label:" of the text whose words are an entity label, with the text up to the next such label.
    func split(_ text: String, labels: LabelMatcher) -> [(String, String, String)] {
        let words = TextCleaner.clean(text).split(separator: " ").map(String.init)
        var starts: [(start: Int, valueStart: Int, field: String, label: String)] = []
        var index = 0
        while index < words.count {
            if let found = label(endingAt: index, words: words, after: starts.last?.valueStart ?? 0, labels: labels) {
                starts.append((found.start, index + 1, found.field, found.label))
            }
            index += 1
        }
        return starts.enumerated().map { number, start in
            let end = number + 1 < starts.count ? starts[number + 1].start : words.count
            let value = start.valueStart < end ? words[start.valueStart..<end].joined(separator: " ") : ""
            return (start.field, start.label, value)
        }
    }

    /// The longest entity label ending with `words[end]` when that word carries the colon.
    private func label(endingAt end: Int, words: [String], after floor: Int, labels: LabelMatcher) -> (start: Int, field: String, label: String)? {
        guard words[end].hasSuffix(":") else { return nil }
        let first = max(floor, end - maximumLabelWords + 1)
        for start in first...end {
            let label = words[start...end].joined(separator: " ").trimmingTrailing { $0 == ":" }
            if let match = labels.exactMatch(label, in: .entity) {
                return (start, match.field, label)
            }
        }
        return nil
    }

    private func record(_ pairs: [Pair], at heading: Int, context: inout DocumentContext) -> Record {
        var record = context.newRecord(.entity, key: "scheda anagrafica", at: heading, endPage: context.items[pairs.last?.item ?? heading].page)
        var filled = Set<String>()
        for pair in pairs {
            record.keepRaw(pair.label, pair.value)
            guard filled.insert(pair.field).inserted else {
                record.warn(pair.field, "given twice; the first kept")
                continue
            }
            set(pair.field, pair.value, on: &record, values: context.values)
        }
        if record["name"] == nil, let ente = context.document.ente {
            record["name"] = .text(ente)
        }
        for pair in pairs { context.claim(pair.item) }
        return record
    }

    private func set(_ field: String, _ value: String, on record: inout Record, values: ValueParser) {
        switch field {
        case "employees", "inhabitants":
            let parsed = values.parse(value, field: field)
            if let number = parsed.value.number, parsed.value.kind == .number, let whole = number.integerValue {
                record[field] = .integer(whole)
            } else {
                record.warn(field, "not a whole number: \(value)")
            }
        case "email", "pec", "website":
            let words = value.split(separator: " ").map(String.init)
            guard let first = words.first else { return }
            record[field] = .text(first)
            if words.count > 1 { record.warn(field, "text after the address left out: \(words.dropFirst().joined(separator: " "))") }
        default:
            record[field] = .text(value)
        }
    }
}
