import Core

/// A short line of a justified paragraph ended by a line break: poppler hands its few words over apart, spread
/// over the whole width with gaps of one width ("OBIETTIVO      DI      FORMAZIONE"). No table sets its cells'
/// gaps all one width to a point; the block builder and the table finder both read such a line as prose.
enum SpreadLine {
    /// Three pieces or more, left to right, across `share` of `width`, their gaps within `gapTolerance` points
    /// of each other.
    static func isSpread(_ pieces: [Rect], across width: Double, share: Double, gapTolerance: Double) -> Bool {
        guard pieces.count >= 3, let first = pieces.first, let last = pieces.last, last.x1 - first.x0 >= share * width else { return false }
        let gaps = zip(pieces, pieces.dropFirst()).map { $1.x0 - $0.x1 }
        guard let widest = gaps.max(), let narrowest = gaps.min(), narrowest > 0 else { return false }
        return widest - narrowest <= gapTolerance
    }
}
