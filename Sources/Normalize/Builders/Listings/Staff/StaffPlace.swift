import Core

/// Where a staff table sits: the headings above it (its section path and the heading just above), and what
/// they say: a staff section or an objective's staff list, the organisational unit, employment, the date.
struct StaffPlace {
    /// Headings above the table, outermost first, the caption just above last.
    var headings: [String]
    var isStaffSection: Bool
    var isObjectiveStaff: Bool
    var orgUnit: String?
    var asOf: String?

    init(index: Int, context: DocumentContext, vocabulary: ListingVocabulary) {
        var headings = context.sectionPaths[index]
        if let caption = StaffPlace.caption(above: index, context: context), headings.last != caption { headings.append(caption) }
        self.headings = headings
        let nearest = headings.suffix(vocabulary.staffHeadingLookBack)
        isStaffSection = nearest.contains { ListingCells.contains($0, anyOf: vocabulary.staffSectionTitles) }
        // The nearest heading naming staff decides: one objective's staff, or the staff of a unit or the ente.
        let nearestStaffHeading = headings.reversed().first {
            ListingCells.contains($0, anyOf: vocabulary.objectiveStaffTitles) || ListingCells.contains($0, anyOf: vocabulary.staffSectionTitles)
        }
        isObjectiveStaff = nearestStaffHeading.map { ListingCells.contains($0, anyOf: vocabulary.objectiveStaffTitles) } ?? false
        let unitLabels = context.labels.dictionary.labels(for: .staff, field: "org_unit")
        orgUnit = headings.reversed().first { heading in
            unitLabels.contains { label in heading.droppingWords(of: label) != nil }
                && !ListingCells.contains(heading, anyOf: vocabulary.staffSectionTitles)
        }.map(TextCleaner.clean)
        asOf = nearest.lazy.compactMap { DateScanner.firstDate(in: TextFolding.fold($0), vocabulary: context.values.vocabulary)?.iso }.first
    }

    /// A short block right above the table (a heading the section path has not taken, such as a bold line).
    static func caption(above index: Int, context: DocumentContext) -> String? {
        guard index > 0, case .block(let block) = context.items[index - 1], block.page == context.items[index].page,
              block.text.count <= 160 else { return nil }
        return block.text
    }

    /// Employment phrases in `texts`, in order, each once ("tempo pieno, indeterminato").
    static func employment(in texts: [String], vocabulary: ListingVocabulary) -> String? {
        var found: [String] = []
        for text in texts {
            for (phrase, meaning) in vocabulary.employmentPhrases where ListingCells.contains(text, anyOf: [phrase]) {
                if !found.contains(meaning) { found.append(meaning) }
            }
        }
        return found.isEmpty ? nil : found.joined(separator: ", ")
    }
}
