import Core

/// The page as a reader sees it after turning it until text set at `rotation` stands upright: the frame's origin
/// is the top-left corner the reader then sees, x runs along that text and y down its lines. For 90° (text reading
/// bottom to top) the frame's top edge is the page's left edge; for 270° (top to bottom) its right edge. The frame
/// is as wide as the page is high. Each mapping is a pure function of page geometry, and `pageRect` undoes `frameRect`.
struct TurnedFrame: Sendable {
    /// 90 or 270.
    let rotation: Int
    let pageWidth: Double
    let pageHeight: Double

    /// The turns a table can be found in besides upright (`Word.rotation`).
    static let rotations = [90, 270]

    /// Words grouped by the turn of their text, for the turns of `rotations` (upright words are in no group),
    /// each group in the words' order.
    static func wordsByTurn(_ words: [Word]) -> [Int: [Word]] {
        var groups: [Int: [Word]] = [:]
        for word in words where word.rotation != 0 && rotations.contains(word.rotation) {
            groups[word.rotation, default: []].append(word)
        }
        return groups
    }

    init(rotation: Int, pageWidth: Double, pageHeight: Double) {
        precondition(Self.rotations.contains(rotation), "a turned frame is turned by 90° or 270°")
        self.rotation = rotation
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
    }

    var width: Double { pageHeight }
    var height: Double { pageWidth }

    /// A page box in the frame.
    func frameRect(_ box: Rect) -> Rect {
        rotation == 90
            ? Rect(x0: pageHeight - box.y1, y0: box.x0, x1: pageHeight - box.y0, y1: box.x1)
            : Rect(x0: box.y0, y0: pageWidth - box.x1, x1: box.y1, y1: pageWidth - box.x0)
    }

    /// A frame box on the page.
    func pageRect(_ box: Rect) -> Rect {
        rotation == 90
            ? Rect(x0: box.y0, y0: pageHeight - box.x1, x1: box.y1, y1: pageHeight - box.x0)
            : Rect(x0: pageWidth - box.y1, y0: box.x0, x1: pageWidth - box.y0, y1: box.x1)
    }

    /// A ruling in the frame: a horizontal rule of the page is a vertical one there, and the other way round.
    func frameRuling(_ ruling: Ruling) -> Ruling {
        let box = frameRect(ruling.box)
        return ruling.orientation == .horizontal
            ? Ruling(orientation: .vertical, position: box.x0, start: box.y0, end: box.y1)
            : Ruling(orientation: .horizontal, position: box.y0, start: box.x0, end: box.x1)
    }

    /// A word of this turn in the frame, where it stands upright.
    func frameWord(_ word: Word) -> Word {
        Word(text: word.text, box: frameRect(word.box), font: word.font, order: word.order)
    }

    /// The page turned: `words` (those of this turn) upright in the frame, with every ruling and drawing of the page.
    func framePage(_ page: Page, words: [Word]) -> Page {
        Page(number: page.number, width: width, height: height, words: words.map(frameWord), lines: [],
             rulings: page.rulings.map(frameRuling), graphics: page.graphics.map(frameRect))
    }

    /// A table found in the frame, back on the page: its boxes in page coordinates, its turn said; its rows and
    /// columns stay as the reader of the turned page reads them, and so do its column edges (frame x), which only
    /// a table of the same frame is compared with.
    func pageTable(_ found: PageTable) -> PageTable {
        var result = found
        result.table.bbox = pageRect(found.table.bbox)
        result.table.rowPlaces = found.table.rowPlaces.map { place in
            var turned = place
            turned.bbox = place.bbox.map(pageRect)
            return turned
        }
        result.table.rotation = rotation
        return result
    }
}
