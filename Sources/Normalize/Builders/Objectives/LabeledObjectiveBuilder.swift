import Core

/// Objectives written as "Label: value" paragraphs (Pisogne PIAO): a title label that announces an objective
/// ("OBIETTIVO DI PERFORMANCE TRASVERSALE: …") opens one; each known label ("Responsabile:", "Tempi di
/// raggiungimento dell'obiettivo:", …) starts a field; any other text — wrapped lines, lists, a line the
/// extraction split at a colon of the value — continues the field above it. The objective ends at the next
/// announcing label, at a heading that introduces something new, or at a table.
struct LabeledObjectiveBuilder: RecordBuilder {
    var vocabulary = ObjectiveVocabulary.standard
    /// Fields besides the title an objective needs to be one (prose that happens to hold "Obiettivo:" is not).
    var minimumFields = 3
    /// Points within which a block starts on the first line of the field block above it.
    var sameLineTolerance = 2.0

    func build(in context: inout DocumentContext) -> [Record] {
        var state = ReadingState()
        var records: [Record] = []
        var maker = ObjectiveRecordMaker(vocabulary: vocabulary)
        for index in context.items.indices where !context.isClaimed(index) {
            guard case .block(let block) = context.items[index] else {
                records += close(&state, maker: &maker, in: &context)
                continue
            }
            if block.kind == .heading {
                if state.current != nil, !headingEndsObjective(at: index, block, in: context) {
                    state.current?.extendLast(with: TextCleaner.clean(block.text))
                    state.current?.touch(item: index, page: block.page)
                    continue
                }
                records += close(&state, maker: &maker, in: &context)
                track(heading: block, in: &state)
                continue
            }
            read(block, at: index, state: &state, maker: &maker, records: &records, context: &context)
        }
        records += close(&state, maker: &maker, in: &context)
        return records
    }

    private struct ReadingState {
        var current: ObjectiveDraft?
        var orgUnit: (level: Int, name: String?)?
        /// The block that started the field being read.
        var fieldBlock: Block?
        /// The title label came alone and its text was taken from the next block: later text is description.
        var titleFromNextBlock = false
    }

    private func read(_ block: Block, at index: Int, state: inout ReadingState, maker: inout ObjectiveRecordMaker,
                      records: inout [Record], context: inout DocumentContext) {
        let labeled = labelAndValue(of: block, labels: context.labels)
        if let labeled, labeled.field == "title", vocabulary.announcesObjective(labeled.label) {
            records += close(&state, maker: &maker, in: &context)
            var draft = ObjectiveDraft(startItem: index, page: block.page)
            draft.announcement = labeled.label
            draft.orgUnit = state.orgUnit?.name
            draft.add("title", label: labeled.label, text: labeled.value)
            state.current = draft
            state.fieldBlock = block
            state.titleFromNextBlock = false
            return
        }
        guard var draft = state.current else { return }
        draft.touch(item: index, page: block.page)
        if let labeled {
            draft.add(labeled.field, label: labeled.label, text: labeled.value)
            state.fieldBlock = block
        } else {
            continueField(of: &draft, with: block, state: &state)
        }
        state.current = draft
    }

    /// Text that is no label: the rest of the field above. A title given alone takes the next block as its text,
    /// and what follows it is the objective's description.
    private func continueField(of draft: inout ObjectiveDraft, with block: Block, state: inout ReadingState) {
        let text = TextCleaner.clean(block.text).trimmingTrailing { $0 == ":" || $0 == " " }
        guard let last = draft.entries.last else { return }
        if last.field == "title" && last.text.isEmpty {
            // A title set as a label line of its own ("Rinnovo delle convenzioni:") with the objective's text run
            // into it (a list whose markers are drawn, not written): the label is the title, the rest describes it.
            if block.kind == .labelValue, let label = block.label.map(TextCleaner.clean), !label.isEmpty,
               let value = block.value.map(TextCleaner.clean), !value.isEmpty {
                draft.extendLast(with: label)
                draft.add("description", label: "", text: value)
            } else {
                draft.extendLast(with: text)
            }
            state.titleFromNextBlock = true
        } else if (last.field == "title" && state.titleFromNextBlock) || last.field == "description" && state.titleFromNextBlock {
            if last.field == "description" { draft.extendLast(with: text) } else { draft.add("description", label: "", text: text) }
        } else if let fieldBlock = state.fieldBlock, startsOnFirstLine(of: fieldBlock, block) {
            draft.extendLast(with: text, before: true)
        } else {
            draft.extendLast(with: text)
        }
    }

    /// A block set on the first line of the field's block, to its right: the start of the value that the
    /// extraction placed after the label's wrapped lines.
    private func startsOnFirstLine(of fieldBlock: Block, _ block: Block) -> Bool {
        block.page == fieldBlock.page && abs(block.bbox.y0 - fieldBlock.bbox.y0) <= sameLineTolerance
            && block.bbox.x0 > fieldBlock.bbox.x0 && fieldBlock.bbox.y1 - fieldBlock.bbox.y0 > block.bbox.y1 - block.bbox.y0
    }

    /// The label of a block as a known objective field, with the value that follows it.
    private func labelAndValue(of block: Block, labels: LabelMatcher) -> (field: String, label: String, value: String)? {
        if block.kind == .labelValue, let label = block.label {
            guard let match = labels.match(label, in: .objective) else { return nil }
            return (match.field, TextCleaner.clean(label), TextCleaner.clean(block.value ?? ""))
        }
        let text = String(TextCleaner.clean(block.text).trimmingCharacters(in: "•-–·▪ "))
        guard let (match, value) = labels.labeledLine(text, in: .objective), let colon = text.firstIndex(of: ":") else { return nil }
        return (match.field, String(text[..<colon]), value)
    }

    /// A heading inside an objective ends it when it is a main heading or when an objective starts right after
    /// it (a topic heading over the next objective); otherwise it is a line of the value the layout made bold.
    private func headingEndsObjective(at index: Int, _ heading: Block, in context: DocumentContext) -> Bool {
        if (heading.level ?? 3) <= 2 { return true }
        guard index + 1 < context.items.count, case .block(let next) = context.items[index + 1] else { return true }
        if next.kind == .heading { return true }
        guard let labeled = labelAndValue(of: next, labels: context.labels) else { return false }
        return labeled.field == "title" && vocabulary.announcesObjective(labeled.label)
    }

    private func track(heading: Block, in state: inout ReadingState) {
        let level = heading.level ?? 3
        if let unit = vocabulary.orgUnit(fromHeading: heading.text) {
            state.orgUnit = (level, unit)
        } else if let current = state.orgUnit, level <= current.level {
            state.orgUnit = nil
        } else if state.orgUnit == nil {
            state.orgUnit = (level, nil)
        }
    }

    private func close(_ state: inout ReadingState, maker: inout ObjectiveRecordMaker, in context: inout DocumentContext) -> [Record] {
        defer { state.current = nil; state.fieldBlock = nil }
        guard let draft = state.current else { return [] }
        let fields = Set(draft.entries.map(\.field)).subtracting(["title", "description"])
        guard fields.count >= minimumFields else { return [] }
        return maker.records(for: draft, in: &context)
    }
}
