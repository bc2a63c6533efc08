import Core

/// Where a table is on a page, and the evidence that found it.
struct TableRegion {
    enum Kind: String {
        /// Bounded by a frame of horizontal and vertical rulings.
        case lattice
        /// Bounded by horizontal rules only (top, header and bottom rules).
        case ruledStack = "rules"
        /// Found from text alignment alone.
        case stream
    }

    var kind: Kind
    var box: Rect
    /// The rulings inside the region, clipped to it.
    var rulings: [Ruling]
}
