import Core

/// Tolerances for reading headings, paragraphs, list items and "Label: value" lines.
public struct BlockSettings: Sendable {
    /// A line set this much larger than the body text is a heading.
    public var headingSizeRatio = 1.15
    /// Headings are short: longer bold lines are bold paragraphs, and a heading of more lines than this that only
    /// its size made one is a paragraph.
    public var maxHeadingCharacters = 160
    public var maxHeadingLines = 3
    /// How "Label: value" lines are told (shared with the markup readers).
    public var labels = LabelLine.Settings()
    /// A justified line spread over the width: at least this many gaps of one width between pieces on one baseline,
    /// within this share of each other, and none wider than this many times the font size.
    public var minJustifiedGaps = 3
    public var justifiedGapTolerance = 0.1
    public var maxJustifiedGapRatio = 12.0
    /// A short justified line, its few words spread over the whole text width ("OBIETTIVO    DI    FORMAZIONE"):
    /// pieces across this share of the width, their gaps (two or more) one width to `spreadGapTolerance` points.
    public var spreadLineWidthShare = 0.9
    public var spreadGapTolerance = 1.0
    /// Lines closer than this fraction of their height belong to one paragraph.
    public var paragraphGapRatio = 0.8
    /// A heading line at least this share of the page's text width may wrap onto the next line.
    public var wrappedLineShare = 0.6
    /// Running headers and footers live within this share of the page height from its edges.
    public var marginZone = 0.08

    public init() {}
}
