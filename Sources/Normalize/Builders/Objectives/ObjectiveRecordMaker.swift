import Core

/// Turns a complete `ObjectiveDraft` into its `objective` record and the `indicator` and `staff` records
/// that belong to it, parsing each field the way the schema types it.
struct ObjectiveRecordMaker {
    var vocabulary = ObjectiveVocabulary.standard
    /// Fields kept as the text written (first non-empty occurrence).
    static let textFields: Set<String> = [
        "code", "title", "description", "parent_code", "parent_title", "org_unit", "owner", "political_owner",
        "stakeholders", "contributors", "baseline", "expected_result", "measurement", "verification_source", "status_text",
    ]

    /// Titles already used in this document, so that two objectives with one title keep distinct ids.
    private var titleCounts: [String: Int] = [:]

    init(vocabulary: ObjectiveVocabulary = .standard) { self.vocabulary = vocabulary }

    mutating func records(for draft: ObjectiveDraft, in context: inout DocumentContext) -> [Record] {
        guard let title = draft.text(of: "title").map(TextCleaner.clean), !title.isEmpty else { return [] }
        let key = naturalKey(draft, title: title)
        let rows = draft.startRow.map { draft.isOneRow ? RowExtent.row($0) : .from($0) }
        var record = context.newRecord(.objective, key: key, at: draft.startItem, rows: rows, endPage: draft.endPage)
        for entry in draft.entries { record.keepRaw(entry.label, entry.text) }
        setTextFields(of: draft, on: &record)
        setKind(of: draft, on: &record)
        setTimeframe(of: draft, on: &record, values: context.values)
        setWeight(of: draft, on: &record, values: context.values)
        setCodes(of: draft, on: &record)
        setAchievement(of: draft, on: &record, values: context.values)
        for (field, value) in draft.structured { record[field] = value }
        if !draft.phases.isEmpty {
            record["phases"] = .json(.array(draft.phases.map { phase in
                .object([("phase", .string(phase.phase)), ("months", .array(phase.months.map { .number(Double($0)) }))])
            }))
        }
        splitParentCode(on: &record)
        record.warnings += draft.warnings
        var all = [record]
        let maker = IndicatorRecordMaker(vocabulary: vocabulary)
        for (offset, indicator) in draft.indicators.enumerated() {
            all.append(maker.record(for: indicator, objective: record, key: key + "#i\(offset)", in: &context))
        }
        for (offset, person) in draft.staff.enumerated() {
            all.append(StaffRecordMaker().record(for: person, objective: record, key: key + "#s\(offset)", in: &context))
        }
        context.claim(Array(draft.items))
        return all
    }

    private mutating func naturalKey(_ draft: ObjectiveDraft, title: String) -> String {
        let base = [draft.orgUnit ?? "", draft.text(of: "code") ?? "", TextFolding.words(title)].joined(separator: "|")
        let seen = titleCounts[base, default: 0]
        titleCounts[base] = seen + 1
        return seen == 0 ? base : base + "|\(seen)"
    }

    private func setTextFields(of draft: ObjectiveDraft, on record: inout Record) {
        for field in Self.textFields {
            if let text = draft.text(of: field) { record[field] = .text(TextCleaner.clean(text)) }
        }
        if record["org_unit"] == nil, let unit = draft.orgUnit { record["org_unit"] = .text(unit) }
        if let code = draft.text(of: "code") {
            record["code"] = .text(String(TextCleaner.clean(code).trimmingCharacters(in: ". ")))
        }
    }

    /// "8.2 Comunicazione: …" as parent code 8.2 and parent title "Comunicazione: …".
    private func splitParentCode(on record: inout Record) {
        guard record["parent_code"] == nil, case .text(let parent)? = record["parent_title"] else { return }
        let words = parent.split(separator: " ", maxSplits: 1)
        guard words.count == 2, words[0].first?.isASCIIDigit == true,
              words[0].allSatisfy({ $0.isASCIIDigit || $0 == "." }) else { return }
        record["parent_code"] = .text(String(words[0].trimmingCharacters(in: ".")))
        record["parent_title"] = .text(String(words[1]))
    }

    /// `level` and `category` from their own labels when present, else from the announcing label or heading.
    private func setKind(of draft: ObjectiveDraft, on record: inout Record) {
        let stated = [draft.text(of: "level"), draft.text(of: "category")].compactMap { $0 }
        let announcing = [draft.announcement].compactMap { $0 } + draft.entries.filter { $0.field == "title" || $0.field == "category" }.map(\.label)
        if let level = (stated + announcing).lazy.compactMap({ vocabulary.level(in: $0) }).first {
            record["level"] = .text(level)
        }
        let categories = (stated + announcing).flatMap { vocabulary.categories(in: $0) }
        var unique: [String] = []
        for category in categories where !unique.contains(category) { unique.append(category) }
        if unique.isEmpty, let named = (stated + announcing).lazy.compactMap({ vocabulary.namedCategory(in: $0) }).first {
            unique = [named]
        }
        if !unique.isEmpty { record["category"] = .text(unique.joined(separator: ", ")) }
    }

    private func setTimeframe(of draft: ObjectiveDraft, on record: inout Record, values: ValueParser) {
        guard let raw = draft.text(of: "timeframe") else { return }
        let cleaned = TextCleaner.clean(raw)
        record["timeframe"] = .text(cleaned)
        let parsed = values.parseTimeframe(raw, field: "deadline")
        record.warnings += parsed.warnings
        if let date = parsed.value.latestDate, parsed.value.kind == .deadline || parsed.value.kind == .date {
            record["deadline"] = .date(date)
        } else if parsed.warnings.isEmpty {
            record.warn("deadline", "no deadline stated in \"\(cleaned)\"")
        }
        if let years = YearRange.find(in: cleaned, vocabulary: values.vocabulary) {
            record["horizon_start"] = .integer(years.start)
            record["horizon_end"] = .integer(years.end)
        }
    }

    private func setWeight(of draft: ObjectiveDraft, on record: inout Record, values: ValueParser) {
        guard let raw = draft.text(of: "weight") ?? weightInTitle(draft.text(of: "title")) else { return }
        let parsed = values.parse(raw, field: "weight")
        guard let number = parsed.value.number, parsed.value.kind == .number || parsed.value.kind == .percent else {
            record.warn("weight", "not a number: \"\(TextCleaner.clean(raw))\"")
            return
        }
        record["weight"] = .number(number)
        let words = Set(TextFolding.words(raw).split(separator: " ").map(String.init))
        if !words.isDisjoint(with: vocabulary.pointWords) {
            record["weight_unit"] = .text("points")
        } else if parsed.value.kind == .percent {
            record["weight_unit"] = .text("percent")
        } else {
            record.warn("weight_unit", "weight \(TextCleaner.clean(raw)) states no unit")
        }
    }

    /// A weight the title carries in parentheses: "… con contributo GSE (MAX 20 PUNTI)".
    private func weightInTitle(_ title: String?) -> String? {
        guard let title, let open = title.lastIndex(of: "("), let close = title[open...].firstIndex(of: ")") else { return nil }
        let inside = String(title[open...close])
        let words = Set(TextFolding.words(inside).split(separator: " ").map(String.init))
        return words.isDisjoint(with: vocabulary.pointWords) ? nil : inside
    }

    /// Missione and Programma as two-digit codes ("Missione 1" → "01").
    private func setCodes(of draft: ObjectiveDraft, on record: inout Record) {
        for field in ["mission_code", "program_code"] {
            guard let raw = draft.text(of: field) else { continue }
            if let digits = TextCleaner.clean(raw).split(whereSeparator: { !$0.isASCIIDigit }).first, digits.count <= 2 {
                record[field] = .text(digits.count == 1 ? "0" + digits : String(digits))
            } else {
                record.warn(field, "no code in \"\(TextCleaner.clean(raw))\"")
            }
        }
    }

    private func setAchievement(of draft: ObjectiveDraft, on record: inout Record, values: ValueParser) {
        guard let raw = draft.text(of: "achievement_percent") else { return }
        let parsed = values.parse(raw, field: "achievement_percent")
        if let number = parsed.value.number {
            record["achievement_percent"] = .number(number)
        } else if parsed.value.kind != .empty {
            record.warn("achievement_percent", "not a number: \"\(TextCleaner.clean(raw))\"")
        }
    }
}
