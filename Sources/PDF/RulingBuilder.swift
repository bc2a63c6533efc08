import Core

/// Tolerances for recovering ruling lines from painted paths.
public struct RulingSettings: Sendable {
    /// A filled box thinner than this is a line drawn as a rectangle.
    public var maxLineThickness = 2.5
    /// A segment tilted by at most this much (points over its length) still counts as straight.
    public var axisTolerance = 1.0
    /// Shorter pieces are dropped (dots, tick marks, glyph-like fragments).
    public var minLength = 3.0
    /// Paint lighter than this luminance is invisible on white paper.
    public var maxVisibleGray = 0.95
    /// Collinear rulings closer than this in position are snapped to one line.
    public var snapTolerance = 1.5
    /// Pages with more shaded boxes than this are charts or pictures, not tables: their box edges are skipped.
    public var maxShadedBoxes = 2000
    /// Collinear rulings whose ends are this close are joined.
    public var joinTolerance = 3.0

    public init() {}
}

/// Painted path pieces → merged horizontal and vertical rulings.
struct RulingBuilder {
    var settings = RulingSettings()

    func rulings(from items: [PathItem], pageWidth: Double, pageHeight: Double) -> [Ruling] {
        var pieces: [Ruling] = []
        var shadedBoxes: [PathItem] = []
        for item in items where item.gray <= settings.maxVisibleGray {
            switch item.kind {
            case .strokeSegment:
                if let ruling = segmentRuling(item) { pieces.append(ruling) }
            case .graphic:
                continue
            case .filledBox:
                if let line = thinBoxRuling(item) {
                    pieces.append(line)
                } else if !isPageBackground(item, pageWidth: pageWidth, pageHeight: pageHeight) {
                    shadedBoxes.append(item)
                }
            }
        }
        pieces.append(contentsOf: visibleEdges(of: shadedBoxes))
        let clipped = pieces.compactMap { clip($0, width: pageWidth, height: pageHeight) }
        return merge(clipped.filter { $0.length >= settings.minLength })
    }

    private func segmentRuling(_ item: PathItem) -> Ruling? {
        let dx = abs(item.x1 - item.x0), dy = abs(item.y1 - item.y0)
        if dy <= settings.axisTolerance && dx > dy {
            return Ruling(orientation: .horizontal, position: (item.y0 + item.y1) / 2, start: item.x0, end: item.x1)
        }
        if dx <= settings.axisTolerance && dy > dx {
            return Ruling(orientation: .vertical, position: (item.x0 + item.x1) / 2, start: item.y0, end: item.y1)
        }
        return nil
    }

    /// A thin filled box is a line drawn as a rectangle.
    private func thinBoxRuling(_ item: PathItem) -> Ruling? {
        let box = Rect(x0: item.x0, y0: item.y0, x1: item.x1, y1: item.y1)
        if box.height <= settings.maxLineThickness && box.width > box.height {
            return Ruling(orientation: .horizontal, position: box.midY, start: box.x0, end: box.x1)
        }
        if box.width <= settings.maxLineThickness && box.height > box.width {
            return Ruling(orientation: .vertical, position: box.midX, start: box.y0, end: box.y1)
        }
        return nil
    }

    private func isPageBackground(_ item: PathItem, pageWidth: Double, pageHeight: Double) -> Bool {
        abs(item.x1 - item.x0) > pageWidth * 0.95 && abs(item.y1 - item.y0) > pageHeight * 0.9
    }

    /// The edges of shaded boxes (cell backgrounds) that a reader sees as lines: an edge where a box of the
    /// same shade continues on the other side is invisible (a cell shaded as two stacked boxes).
    private func visibleEdges(of boxes: [PathItem]) -> [Ruling] {
        guard boxes.count <= settings.maxShadedBoxes else { return [] }
        let rects = boxes.map { Rect(x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1) }
        let byTop = index(rects) { $0.y0 }, byBottom = index(rects) { $0.y1 }
        let byLeft = index(rects) { $0.x0 }, byRight = index(rects) { $0.x1 }
        var edges: [Ruling] = []
        for (i, r) in rects.enumerated() {
            let sides: [(Ruling, [Int: [Int]])] = [
                (Ruling(orientation: .horizontal, position: r.y0, start: r.x0, end: r.x1), byBottom),
                (Ruling(orientation: .horizontal, position: r.y1, start: r.x0, end: r.x1), byTop),
                (Ruling(orientation: .vertical, position: r.x0, start: r.y0, end: r.y1), byRight),
                (Ruling(orientation: .vertical, position: r.x1, start: r.y0, end: r.y1), byLeft),
            ]
            for (edge, neighbours) in sides {
                let key = Int(edge.position.rounded())
                let candidates = (key - 1...key + 1).flatMap { neighbours[$0] ?? [] }
                if !candidates.contains(where: { covers($0, edge, of: i, rects: rects, boxes: boxes) }) { edges.append(edge) }
            }
        }
        return edges
    }

    /// Boxes by one coordinate rounded to whole points, to find the boxes that abut an edge.
    private func index(_ rects: [Rect], by coordinate: (Rect) -> Double) -> [Int: [Int]] {
        var index: [Int: [Int]] = [:]
        for (i, rect) in rects.enumerated() { index[Int(coordinate(rect).rounded()), default: []].append(i) }
        return index
    }

    /// Box `j`, of the same shade, lies against `edge` of box `index` along all of its length.
    private func covers(_ j: Int, _ edge: Ruling, of index: Int, rects: [Rect], boxes: [PathItem]) -> Bool {
        let touch = 1.0
        guard j != index, abs(boxes[j].gray - boxes[index].gray) < 0.02 else { return false }
        let other = rects[j]
        switch edge.orientation {
        case .horizontal:
            return other.x0 <= edge.start + touch && other.x1 >= edge.end - touch && other.height > touch
        case .vertical:
            return other.y0 <= edge.start + touch && other.y1 >= edge.end - touch && other.width > touch
        }
    }

    private func clip(_ ruling: Ruling, width: Double, height: Double) -> Ruling? {
        let limit = ruling.orientation == .horizontal ? width : height
        let across = ruling.orientation == .horizontal ? height : width
        guard ruling.position >= -1, ruling.position <= across + 1 else { return nil }
        let start = max(0, ruling.start), end = min(limit, ruling.end)
        return end > start ? Ruling(orientation: ruling.orientation, position: ruling.position, start: start, end: end) : nil
    }

    /// Snaps near-collinear rulings to a shared position, then joins overlapping or touching pieces.
    func merge(_ rulings: [Ruling]) -> [Ruling] {
        var result: [Ruling] = []
        for orientation in [Ruling.Orientation.horizontal, .vertical] {
            let group = rulings.filter { $0.orientation == orientation }.sorted { $0.position < $1.position }
            for cluster in clusterByPosition(group) {
                result.append(contentsOf: join(cluster))
            }
        }
        return result
    }

    private func clusterByPosition(_ sorted: [Ruling]) -> [[Ruling]] {
        var clusters: [[Ruling]] = []
        for ruling in sorted {
            if let last = clusters.last?.last, ruling.position - last.position <= settings.snapTolerance {
                clusters[clusters.count - 1].append(ruling)
            } else {
                clusters.append([ruling])
            }
        }
        return clusters
    }

    private func join(_ cluster: [Ruling]) -> [Ruling] {
        let position = cluster.map(\.position).reduce(0, +) / Double(cluster.count)
        var joined: [Ruling] = []
        for ruling in cluster.sorted(by: { $0.start < $1.start }) {
            if let last = joined.last, ruling.start <= last.end + settings.joinTolerance {
                joined[joined.count - 1].end = max(last.end, ruling.end)
            } else {
                joined.append(Ruling(orientation: ruling.orientation, position: position, start: ruling.start, end: ruling.end))
            }
        }
        return joined
    }
}
