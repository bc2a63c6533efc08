import Core

/// An `indicator` record from one indicator row: target and actual as VALUE objects and, when both are
/// comparable numbers, `achievement_ratio` = actual / target (exact decimals, rounded to six places). A ratio that cannot be computed is left null,
/// with a warning when the values were there but not comparable.
struct IndicatorRecordMaker {
    var vocabulary: ObjectiveVocabulary

    /// Digits after the point of `achievement_ratio` (rounded half away from zero).
    static let ratioPlaces = 6

    func record(for draft: IndicatorDraft, objective: Record, key: String, in context: inout DocumentContext) -> Record {
        var record = context.newRecord(.indicator, key: key, at: draft.item, rows: draft.row.map(RowExtent.row), endPage: draft.page)
        record["objective_id"] = .text(objective.id)
        record["name"] = .text(TextCleaner.clean(draft.name))
        record.keepRaw("name", draft.name)
        if let group = draft.group { record["group"] = .text(TextCleaner.clean(group)) }
        if let formula = formula(in: draft.name) { record["formula"] = .text(formula) }
        for cell in draft.cells { apply(cell, to: &record, values: context.values) }
        setTargetsByYear(draft, on: &record, values: context.values)
        setRatio(on: &record)
        return record
    }

    private func apply(_ cell: (field: String, label: String, text: String), to record: inout Record, values: ValueParser) {
        record.keepRaw(cell.label, cell.text)
        switch cell.field {
        case "target", "actual", "baseline":
            let parsed = values.parse(cell.text, field: cell.field)
            record[cell.field] = .value(parsed.value)
            record.warnings += parsed.warnings
        case "target_year":
            if let year = YearRange.find(in: cell.text, vocabulary: values.vocabulary) { record["target_year"] = .integer(year.end) }
        case "unit", "formula", "group":
            let text = TextCleaner.clean(cell.text)
            if !text.isEmpty { record[cell.field] = .text(text) }
        default:
            break
        }
    }

    private func setTargetsByYear(_ draft: IndicatorDraft, on record: inout Record, values: ValueParser) {
        guard !draft.targetsByYear.isEmpty else { return }
        var pairs: [(String, JSONValue)] = []
        for (year, text) in draft.targetsByYear {
            record.keepRaw(year, text)
            pairs.append((year, values.parse(text, field: "targets_by_year").value.json))
        }
        record["targets_by_year"] = .json(.object(pairs))
    }

    /// actual / target when both are numbers of one kind (both percent, or both plain numbers).
    private func setRatio(on record: inout Record) {
        guard case .value(let target)? = record["target"], case .value(let actual)? = record["actual"] else { return }
        let numeric: Set<Value.Kind> = [.number, .percent, .currency]
        guard numeric.contains(target.kind), numeric.contains(actual.kind) else { return }
        guard target.kind == actual.kind, target.unit == actual.unit, let t = target.number, let a = actual.number else {
            record.warn("achievement_ratio", "target \(target.raw) and actual \(actual.raw) are not comparable")
            return
        }
        guard t != .zero else {
            record.warn("achievement_ratio", "target is zero")
            return
        }
        guard let ratio = a.divided(by: t, places: Self.ratioPlaces) else {
            record.warn("achievement_ratio", "actual \(actual.raw) / target \(target.raw) is too large to hold")
            return
        }
        record["achievement_ratio"] = .number(ratio)
        if target.comparator != nil {
            record.warn("achievement_ratio", "target \(target.raw) is a bound; the ratio compares the numbers only")
        }
    }

    /// The "N. … / N. …" part of an indicator name, when it has one.
    private func formula(in name: String) -> String? {
        let cleaned = TextCleaner.clean(name)
        guard cleaned.contains("/") else { return nil }
        guard let start = vocabulary.formulaOpenings.compactMap({ cleaned.range(of: $0)?.lowerBound }).min() else { return nil }
        let part = cleaned[start...]
        return part.contains("/") ? String(part) : nil
    }
}

/// A `staff` record for one person of an objective's staff list.
struct StaffRecordMaker {
    func record(for draft: StaffDraft, objective: Record, key: String, in context: inout DocumentContext) -> Record {
        var record = context.newRecord(.staff, key: key, at: draft.item, rows: draft.row.map(RowExtent.row))
        record["objective_id"] = .text(objective.id)
        if case .text(let unit)? = objective["org_unit"] { record["org_unit"] = .text(unit) }
        for cell in draft.cells {
            record.keepRaw(cell.label, cell.text)
            let text = TextCleaner.clean(cell.text)
            guard !text.isEmpty else { continue }
            switch cell.field {
            case "participation_percent", "count", "fte":
                let parsed = context.values.parse(text, field: cell.field)
                if let number = parsed.value.number { record[cell.field] = .number(number) } else { record.warn(cell.field, "not a number: \"\(text)\"") }
            case "person_name", "role", "category", "area_ccnl_2022", "employment", "org_unit":
                record[cell.field] = .text(text)
            default:
                break
            }
        }
        return record
    }
}
