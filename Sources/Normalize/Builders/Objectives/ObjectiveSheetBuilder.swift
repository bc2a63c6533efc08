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
    /// Words a header or label cell wrapped over rows may hold at most (running text is a value).
    var maximumHeaderCellWords = 12
    /// Words a cell of a header stacked over rows may hold when not every cell is a known label.
    var maximumStackedLabelWords = 3
    /// Month columns a row needs to be a cronoprogramma header.
    var minimumMonthColumns = 6
    /// Words the title of a summary-table row needs ("1 | Polizia Locale | Controllo del territorio … | 25").
    var minimumSummaryTitleWords = 1
    /// Share of the shorter title's words (3 letters or more) a summary row and a sheet title must have in common.
    var summaryTitleOverlap = 0.3

    /// Classification → segmentation → field assembly → joining, each a pass of its own.
    func build(in context: inout DocumentContext) -> [Record] {
        let classifier = SheetLineClassifier(settings: self, labels: context.labels)
        let assembler = SheetAssembler(settings: self)
        let segmenter = SheetSegmenter(classifier: classifier, summarize: assembler.summary(of:))
        let lines = classifier.splittingAnnouncementsFromLabels(SheetLine.stream(of: context))
        let segments = segmenter.segments(of: lines)
        let drafts = joinedSheets(segments.map { ($0, assembler.draft(of: $0)) })
        var maker = ObjectiveRecordMaker(vocabulary: vocabulary)
        return drafts.flatMap { maker.records(for: $0, in: &context) }
    }

    /// A sheet with a title is an objective, with the weight its summary table gives it; one without a title is
    /// the rest of the objective before it (a page of it whose heading was not repeated whole).
    func joinedSheets(_ sheets: [(segment: SheetSegment, draft: ObjectiveDraft)]) -> [ObjectiveDraft] {
        var drafts: [ObjectiveDraft] = []
        for (segment, var draft) in sheets {
            if draft.has("title") {
                attachSummaryWeight(from: segment.summaryWeights, to: &draft)
                drafts.append(draft)
            } else if !drafts.isEmpty {
                drafts[drafts.count - 1].absorb(draft)
            }
        }
        return drafts
    }

    /// The weight the summary table gives the objective of this number whose title says the same (most words
    /// shared).
    func attachSummaryWeight(from rows: [SummaryWeightRow], to draft: inout ObjectiveDraft) {
        guard !draft.has("weight"), let code = draft.text(of: "code"), let title = draft.text(of: "title") else { return }
        let words = significantWords(title)
        guard let entry = rows.last(where: { entry in
            guard entry.code == SheetLineClassifier.objectiveNumber(code) else { return false }
            let other = significantWords(entry.title)
            let shared = words.intersection(other).count
            return Double(shared) >= summaryTitleOverlap * Double(min(words.count, other.count)) && shared > 0
        }) else { return }
        draft.add("weight", label: entry.code + " " + entry.title, text: entry.weight)
    }

    private func significantWords(_ text: String) -> Set<String> {
        Set(TextFolding.words(text).split(separator: " ").map(String.init).filter { $0.count >= 3 })
    }
}
