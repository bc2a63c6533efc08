import Core

/// An objective being read: the label → text pairs found so far, in document order, and where it starts.
/// Turned into a record by `ObjectiveRecordMaker` once the objective is complete.
struct ObjectiveDraft {
    struct Entry {
        var field: String
        var label: String
        var text: String
    }

    var startItem: Int
    var startRow: Int?
    /// Read from one row of a listing of objectives, not from a sheet that runs on from `startRow`.
    var isOneRow = false
    var endPage: Int
    var entries: [Entry] = []
    /// The label or heading that announced the objective ("OBIETTIVO DI PERFORMANCE TRASVERSALE").
    var announcement: String?
    var orgUnit: String?
    /// Fields set from parsed structures rather than text (phases).
    var structured: [String: FieldValue] = [:]
    var warnings: [FieldWarning] = []
    /// Indicator and staff rows found inside the objective, made into records once it has an id.
    var indicators: [IndicatorDraft] = []
    var staff: [StaffDraft] = []
    /// Cronoprogramma rows: the phase and the months (1-12) it runs in.
    var phases: [(phase: String, months: [Int])] = []
    /// Items the objective was read from, claimed when it becomes a record.
    var items: Set<Int> = []

    init(startItem: Int, startRow: Int? = nil, page: Int) {
        self.startItem = startItem
        self.startRow = startRow
        self.endPage = page
        items.insert(startItem)
    }

    func text(of field: String) -> String? { entries.first { $0.field == field && !$0.text.isEmpty }?.text }
    func has(_ field: String) -> Bool { text(of: field) != nil || structured[field] != nil }

    mutating func add(_ field: String, label: String, text: String) {
        entries.append(Entry(field: field, label: label, text: text))
    }

    /// Appends text to the last entry (a value running over several blocks or rows).
    mutating func extendLast(with text: String, before: Bool = false) {
        guard !entries.isEmpty, !text.isEmpty else { return }
        let last = entries.count - 1
        if entries[last].text.isEmpty {
            entries[last].text = text
        } else {
            entries[last].text = before ? text + " " + entries[last].text : entries[last].text + " " + text
        }
    }

    /// Takes in the parts of a sheet that carried no title of its own (a page of the same objective).
    mutating func absorb(_ other: ObjectiveDraft) {
        for entry in other.entries where !has(entry.field) { entries.append(entry) }
        indicators += other.indicators
        staff += other.staff
        phases += other.phases
        warnings += other.warnings
        items.formUnion(other.items)
        endPage = max(endPage, other.endPage)
    }

    mutating func touch(item: Int, page: Int) {
        items.insert(item)
        endPage = max(endPage, page)
    }
}

/// One indicator row of an objective.
struct IndicatorDraft {
    var item: Int
    var row: Int?
    var page: Int
    var name: String
    var group: String?
    /// Canonical indicator field → raw cell text (target, actual, baseline, unit, formula, target_year…).
    var cells: [(field: String, label: String, text: String)] = []
    /// Year → raw text when the plan gives one target column per year.
    var targetsByYear: [(year: String, text: String)] = []
}

/// One person of an objective's staff list.
struct StaffDraft {
    var item: Int
    var row: Int?
    var cells: [(field: String, label: String, text: String)]
}
