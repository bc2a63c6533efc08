import Core

/// Every tolerance of table finding in one place, with the defaults measured on the ICDAR 2013 EU set
/// and the sample plans. Distances are in PDF points unless the name says `Ratio` (a fraction of the
/// font size, or of a count).
public struct TableSettings: Sendable {
    /// Rulings closer than this in position are one grid line.
    public var snapTolerance = 2.5
    /// No cell is narrower or lower than this: grid edges closer together are one edge (the two sides of the
    /// white gap between shaded cells, a double rule).
    public var minCellSize = 6.0
    /// A vertical and a horizontal ruling meet when they come this close.
    public var intersectionTolerance = 3.0
    /// Horizontal rulings shorter than this are ignored for table finding (underlines, ticks).
    public var minRulingLength = 12.0
    /// Words further apart than this fraction of the font size are separate chunks (possible cells).
    public var chunkGapRatio = 0.75
    /// Cells of one column start within this distance of each other (a value row read by the header's columns).
    public var columnTolerance = 2.0
    /// A ruled band of narrow-set labels is the header of the rows under it when this many of its words, and
    /// this share of them, start where the rows' words start (`RegionFinder.startsWhereCellsStart`).
    public var minAlignedHeaderWords = 3
    public var alignedHeaderWordShare = 0.6
    public var sparseAlignedHeaderWordShare = 0.3
    /// A gap inside a chunk at least this fraction of the font size, before a word starting where another line's
    /// cell starts, splits the chunk there (wider than a word space, narrower than a chunk gap).
    public var alignedSplitGapRatio = 0.45
    /// A gap this many times the line's usual word gap parts two cells where a word starts at a column's start,
    /// on a line of at least `minWordGapsForRatio` word gaps (`isCellGap`).
    public var alignedWordGapRatio = 1.2
    public var minWordGapsForRatio = 3
    /// Under a line of bold labels, a gap this many times its chunk's usual word gap (and a cell gap) inside a
    /// gap between two labels parts two cells (`GridExtractor.splitAtHeaderGaps`).
    public var headerGapWordGapRatio = 2.0
    /// A band of a ruled stack whose text is this many times the stack's median size is a caption between tables.
    public var captionSizeRatio = 1.25
    /// A column gap must be at least this wide.
    public var minColumnGap = 3.0
    /// Share of a region's rows allowed to cross a column gap (spanning headers, long labels).
    public var spanningRowShare = 0.125
    /// A text-only table needs at least this many rows with two or more chunks.
    public var minStreamRows = 3
    /// ... and at least this many columns.
    public var minColumns = 2
    /// Lines further apart than this fraction of their height end a text-only table.
    public var maxRowGapRatio = 1.6
    /// A line whose `minJustifiedGaps` gaps or more are one width (within `justifiedGapTolerance`), beside one of
    /// another width (differing by more than `justifiedNeighbourDifference`), is justified prose, no table row.
    public var minJustifiedGaps = 3
    /// Rules of a stack stand at most this far apart: a row may wrap over most of a page.
    public var maxRuleStackGap = 800.0
    /// The gaps of a line of words spread over the width by justification differ by at most this much.
    public var spreadGapTolerance = 1.0
    public var justifiedGapTolerance = 0.1
    public var justifiedNeighbourDifference = 0.25
    /// A table whose cells average more words than this is running text laid out in columns.
    public var maxMeanWordsPerCell = 7.0
    /// A text-only table of two columns is a list of notes when this share of its rows pair a mark ("GDP:", "(*)")
    /// with a sentence.
    public var notesRowShare = 1.0
    /// A ruled band of at least this many lines, most of which fill the same columns, holds one record per line.
    public var minRecordsInBand = 3
    public var recordShareInBand = 0.8
    /// ... unless this share of its lines read on from the line above in every column (wrapped cells).
    public var wrappedLineShareInBand = 0.5
    /// A ruled row of its own ends the table above it when the gap between them is at most this many times
    /// the row's height.
    public var detachedRowGapRatio = 1.5
    /// Lines in which a figure ends and a word starts at the same places, for the two to be cells of two columns.
    public var minAlignedFigureRows = 3
    /// Figures right-aligned in a cell end at most this far before the next cell's label starts (two cell paddings).
    public var maxFigureToLabelGap = 6.0
    /// A label centred over text stands at most this far from the middle of it.
    public var maxCentredLabelOffset = 4.0
    /// A band of running text inside a stack of rules has a line across this share of the stack's width.
    public var proseWidthShare = 0.6
    /// Lines of their own (not crossing it) each side of a column edge that some word crosses needs.
    public var minLinesBesideCrossedEdge = 2
    /// A table ruled by horizontal rules alone takes its rows from its rules (cells of several lines) when
    /// this many rules at least lie inside it, one under each row; with fewer (a rule under the header,
    /// one above the total) its rows are its text lines.
    public var minInteriorRowRules = 3
    /// A vertical ruling that meets this many rules of a stack is a column rule of its table: the table reaches
    /// as far up and down as it runs (a total row under the last rule).
    public var minRulesCrossedByColumnRule = 2
    /// A ruling separates two slots of a ruled grid when it reaches this close to the middle of their row or column
    /// (it draws their edge when it lies within `minCellSize` of it).
    public var spanRuleReach = 3.0
    /// A column of a ruled grid whose text is only that of cells spanning into the next column, in this many rows
    /// at least, is one column with the next (a header cell alone over an empty column is no evidence).
    public var minSpannedRowsToJoinColumns = 2
    /// Vertical rulings give a ruled table's columns when together they run along this share of its height.
    public var ruledColumnCoverage = 0.5
    /// A text-aligned region holding this many drawings with curves or slanted lines is a chart.
    public var minChartGraphics = 3
    /// ... and a frame of rulings is one when it holds at least this many such drawings per word inside it.
    public var framedChartDrawingsPerWord = 1.0
    /// A frame of rulings holding a line of this many figures at least, from zero in equal steps and equally spaced,
    /// is a chart's plot frame (the line its scale).
    public var minAxisTicks = 6
    /// A table that continues on the next page starts within this share of the page height from the top.
    public var continuationZone = 0.3
    /// ... and one continued overleaf ends within this share of the page height from the bottom, or with no text
    /// under it on its page (the page had room for more of its rows).
    public var continuedTableBottomZone = 0.3
    /// Text under a table on its page and above the next page's first table separates the two (when the second
    /// does not repeat the first's header).
    public var textAroundPageBreakSeparatesTables = true
    /// This many lines of text (not running headers) above a page's first table make it a table of its own, even
    /// with the columns of the table that ended the page before.
    public var linesAboveThatOpenATable = 2
    /// Column edges of a continued table may move by this much between pages.
    public var continuationColumnTolerance = 6.0
    /// Rows a header repeated on a continuation page may take, there or above.
    public var maxRepeatedHeaderRows = 3
    /// Columns a continuation may have beyond the table above (a column its few lines split), mapped back.
    public var continuationExtraColumns = 1
    /// A column is one every row fills when this share of the rows above a page break fill it.
    public var filledColumnShare = 0.9
    /// Rows (header included) a table needs above a page break before its first row overleaf can be judged
    /// the rest of a cut row.
    public var minRowsToJudgeCutRow = 3
    /// A gap this many times a text-only run's usual line gap may part two tables (`RegionFinder.splitAtColumnChange`).
    public var tableBreakGapRatio = 1.5
    /// Two lines ending in this many amounts, right-aligned alike, are a text-only table of their own.
    public var minSharedAmounts = 3
    /// A total line this many of a table's line heights under it, or closer, may be its last row
    /// (`RegionFinder.reachingTotalLine`).
    public var maxTotalLineGap = 4.0
    /// ... when their column starts share at most this share of the fewer starts (beside the leftmost).
    public var maxSharedStartShare = 0.34
    /// A page's words turned one way (90° or 270°) are read in their turned frame when there are this many: a table
    /// holds two cells of text at least, so a turned label alone (an axis title) costs no frame.
    public var minTurnedTableWords = 2
    /// A table found among turned words is one when words of that turn are more than this share of the words in
    /// its box (turned column headers of an upright table are fewer than its upright cells).
    public var minTurnedWordShare = 0.5
    /// Where a text-only table's rows start, from the spacing of its lines (cells set at other heights, padded rows).
    var rowSpacing = RowSpacing.Settings()

    public init() {}

    /// Whether the gap between two words of one line is wider than a word space (`alignedSplitGapRatio` of the
    /// font size, and at least `minColumnGap`): where two close cells may part. Given the line's own word gap, a
    /// gap `alignedWordGapRatio` times as wide is one too (a cell filled to its end, the next cell's text a
    /// padding after it: "… on line per | Entro il 31/12/2024").
    func isCellGap(from left: Word, to right: Word, lineWordGap: @autoclosure () -> Double? = nil) -> Bool {
        let gap = right.box.x0 - left.box.x1
        if gap >= max(minColumnGap, alignedSplitGapRatio * right.font.size) { return true }
        guard let lineWordGap = lineWordGap(), lineWordGap > 0 else { return false }
        return gap >= alignedWordGapRatio * lineWordGap
    }

    /// The usual gap between the words of a line: the median of the gaps narrower than a chunk gap.
    func wordGap(of words: [Word]) -> Double? {
        let gaps = zip(words, words.dropFirst()).map { $1.box.x0 - $0.box.x1 }
            .filter { gap in gap > 0 && gap < chunkGapRatio * (words.first?.font.size ?? 10) }.sorted()
        return gaps.count >= minWordGapsForRatio ? gaps[gaps.count / 2] : nil
    }
}
