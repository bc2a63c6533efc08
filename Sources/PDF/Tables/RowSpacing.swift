import Core

/// What the vertical spacing of a text-only table says about where its rows start, line by line.
///
/// Two cues, both from how tables are typeset, not from any one document:
/// - **Offset lines.** A line less than a line's pitch under the one above cannot be the next line of the same
///   text: it is a cell of the same row set at another height (cells of different line counts centred in their
///   row, as headers often are).
/// - **Padded rows.** Where cells have padding, consecutive lines of one cell stand one line pitch apart and the
///   first line of the next row a padding further. When a region shows both spacings, each several times,
///   the first is "same row" and the second "new row", whatever the columns hold.
/// Lines the spacing says nothing about are left to the text cues (`SlotGrid.mergeContinuationLines`).
enum RowSpacing {
    enum Break: Equatable { case sameRow, newRow, unknown }

    struct Settings {
        /// Lines whose bottoms are closer than this fraction of the font size are one row's cells set at other heights.
        var offsetLineRatio = 0.8
        /// Row padding shows when a row's first line stands at least this much (points, and fraction of the font
        /// size) beyond the pitch of a cell's lines.
        var minPadding = 1.5
        var minPaddingRatio = 0.2
        /// Gaps within this much (points, and fraction of the font size) of the cell pitch are that pitch.
        var pitchTolerance = 0.6
        var pitchToleranceRatio = 0.12
        /// A cell's lines stand at most this many font sizes apart (line spacing); wider regular gaps are rows.
        var maxPitchRatio = 1.45
        /// A gap this many times the cell pitch is a blank line, not padding.
        var blankLineRatio = 1.8
        /// How often each spacing must occur, and the share of the gaps that padded row starts must make, for the
        /// region to count as padded.
        var minOccurrences = 2
        var minPaddedShare = 0.1

        /// How close to the cell pitch a gap is that pitch, for text of `size`.
        func tolerance(size: Double) -> Double { max(pitchTolerance, pitchToleranceRatio * size) }
        /// The least padding that shows, for text of `size`.
        func padding(size: Double) -> Double { max(minPadding, minPaddingRatio * size) }
    }

    /// One break per line (the first line's is `.newRow`).
    static func breaks(of lines: [VisualLine], settings: Settings = Settings()) -> [Break] {
        guard lines.count >= 2 else { return lines.map { _ in .newRow } }
        let size = medianFontSize(lines)
        let bottoms = lines.map(medianBottom)
        let gaps = zip(bottoms, bottoms.dropFirst()).map { $1 - $0 }
        var result: [Break] = [.newRow] + gaps.map { _ in .unknown }
        for (i, gap) in gaps.enumerated() where isOffsetLine(gap, lines[i], lines[i + 1], settings) {
            result[i + 1] = .sameRow
        }
        guard let pitch = cellPitch(gaps, size: size, settings: settings) else { return result }
        let tolerance = settings.tolerance(size: size), padding = settings.padding(size: size)
        let isPitch = { (gap: Double) in abs(gap - pitch) <= tolerance }
        let isPaddedStart = { (gap: Double) in gap >= pitch + padding && gap < settings.blankLineRatio * pitch }
        // A rule under the header and one over the total pad the table's ends alone: padding between body rows
        // must show between body rows.
        let body = gaps.dropFirst().dropLast()
        let pitchCount = gaps.filter(isPitch).count, paddedCount = body.filter(isPaddedStart).count
        guard pitchCount >= settings.minOccurrences, paddedCount >= settings.minOccurrences,
              Double(paddedCount) >= settings.minPaddedShare * Double(gaps.count) else { return result }
        for (i, gap) in gaps.enumerated() where result[i + 1] == .unknown {
            if isPitch(gap) {
                // A line of figures or amounts is a record of its own however close it stands; wrapped cells hold words.
                if !isMostlyFigures(lines[i + 1]) { result[i + 1] = .sameRow }
            } else if gap >= pitch + padding, isOneBaseline(lines[i + 1], tolerance: tolerance) {
                // A new row's cells start on one baseline; a line mixing baselines holds cells of paragraphs
                // set apart inside them, which the text cues must judge.
                result[i + 1] = .newRow
            }
        }
        return result
    }

    /// A line of figures, or one holding two amounts or more (a listing's record, its description however long).
    private static func isMostlyFigures(_ line: VisualLine) -> Bool {
        2 * line.words.filter { GridExtractor.isFigure($0.text) }.count >= line.words.count
            || line.words.filter { VisualLines.isAmount($0.text) }.count >= 2
    }

    private static func isOneBaseline(_ line: VisualLine, tolerance: Double) -> Bool {
        let bottoms = line.words.map(\.box.y1)
        guard let low = bottoms.min(), let high = bottoms.max() else { return true }
        return high - low <= tolerance
    }

    /// Where a line's words end below, the median over its words: a word in another face (bold, italic) has a box
    /// of another depth, which the line's box would take.
    private static func medianBottom(_ line: VisualLine) -> Double {
        let bottoms = line.words.map(\.box.y1).sorted()
        return bottoms.isEmpty ? line.box.y1 : bottoms[bottoms.count / 2]
    }

    private static func medianFontSize(_ lines: [VisualLine]) -> Double {
        let sizes = lines.map(\.fontSize).sorted()
        return sizes[sizes.count / 2]
    }

    /// Two lines closer than a line pitch whose words do not overlap across: cells of one row side by side.
    private static func isOffsetLine(_ gap: Double, _ upper: VisualLine, _ lower: VisualLine, _ settings: Settings) -> Bool {
        let size = min(upper.fontSize, lower.fontSize)
        guard gap > 0, gap < settings.offsetLineRatio * size,
              max(upper.fontSize, lower.fontSize) <= 1.25 * size else { return false }
        return !lower.words.contains { word in upper.words.contains { $0.box.x0 < word.box.x1 && word.box.x0 < $0.box.x1 } }
    }

    /// The smallest gap of at least a line's height, and no wider than line spacing goes, that occurs
    /// `minOccurrences` times: the pitch of a cell's lines.
    private static func cellPitch(_ gaps: [Double], size: Double, settings: Settings) -> Double? {
        let tolerance = settings.tolerance(size: size)
        let regular = gaps.filter { $0 >= settings.offsetLineRatio * size && $0 <= settings.maxPitchRatio * size }.sorted()
        for (i, gap) in regular.enumerated() {
            let near = regular[i...].prefix { $0 - gap <= tolerance }
            if near.count >= settings.minOccurrences { return near.reduce(0, +) / Double(near.count) }
        }
        return nil
    }
}
