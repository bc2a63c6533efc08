/// Font facts of a run of text, read from the font name and size the PDF gives.
public struct FontInfo: Hashable, Codable, Sendable {
    public var name: String
    public var size: Double
    public var isBold: Bool
    public var isItalic: Bool

    public init(name: String, size: Double, isBold: Bool, isItalic: Bool) {
        self.name = name
        self.size = size
        self.isBold = isBold
        self.isItalic = isItalic
    }

    /// Bold and italic as most PDF producers spell them in font names
    /// (`Arial-BoldMT`, `Verdana,Bold`, `Times-BoldItalic`, `Helvetica-Oblique`, TeX's `CMBX12`).
    public init(name: String, size: Double) {
        let lower = name.lowercased()
        let weightWords = ["bold", "black", "heavy", "semibold", "demi", "extrabold"]
        let bold = weightWords.contains { lower.contains($0) } || lower.hasPrefix("cmbx") || lower.hasSuffix(",b")
        let italic = lower.contains("italic") || lower.contains("oblique") || lower.hasSuffix("it")
            || lower.contains("-it") || lower.hasPrefix("cmti") || lower.hasSuffix(",i")
        self.init(name: name, size: size, isBold: bold, isItalic: italic)
    }
}

/// One character with its box, as the PDF places it.
public struct Glyph: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var box: Rect
    public var font: FontInfo
    /// How far the text is turned, in degrees counterclockwise as seen on the page: 0 upright, 90 reading bottom
    /// to top, 180 upside down, 270 reading top to bottom (poppler's direction of the glyph's word).
    public var rotation: Int

    public init(scalar: Unicode.Scalar, box: Rect, font: FontInfo, rotation: Int = 0) {
        self.scalar = scalar
        self.box = box
        self.font = font
        self.rotation = rotation
    }
}

/// A run of characters with no space inside, in one font (the font of its first character).
public struct Word: Hashable, Codable, Sendable {
    public var text: String
    public var box: Rect
    public var font: FontInfo
    /// Position in the page's reading order.
    public var order: Int
    /// Set for text rotated by 90° (axis titles, turned column headers).
    public var isVertical: Bool
    /// How far the text is turned, as its first glyph (`Glyph.rotation`): 0 upright, 90 or 270 turned.
    public var rotation: Int

    public init(text: String, box: Rect, font: FontInfo, order: Int, isVertical: Bool = false, rotation: Int = 0) {
        self.text = text
        self.box = box
        self.font = font
        self.order = order
        self.isVertical = isVertical
        self.rotation = rotation
    }

    /// Place and box alone: equal words have equal ones, and the words of a page differ in them, so hashing the
    /// text and the font name as well would only cost time.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(order)
        hasher.combine(box)
    }
}

/// Words sharing a baseline, left to right.
public struct TextLine: Hashable, Sendable {
    public var words: [Word]

    public init(words: [Word]) { self.words = words }

    public var box: Rect { Rect.enclosing(words.map(\.box)) ?? Rect(x0: 0, y0: 0, x1: 0, y1: 0) }
    /// The words in reading order (right to left in a right-to-left script), joined by spaces.
    public var text: String { BidiOrder.joinLine(words.map(\.text)) }
    /// The most common font size of the line's words, weighted by their length.
    public var fontSize: Double { dominantFont.size }
    public var isBold: Bool { !words.isEmpty && words.allSatisfy(\.font.isBold) }
    public var dominantFont: FontInfo {
        var weights: [FontInfo: Int] = [:]
        for word in words { weights[word.font, default: 0] += word.text.count }
        return weights.max { $0.value < $1.value || ($0.value == $1.value && $0.key.size < $1.key.size) }?.key
            ?? FontInfo(name: "", size: 0, isBold: false, isItalic: false)
    }
}

/// A horizontal or vertical stroke drawn on the page: a table border or rule.
public struct Ruling: Hashable, Codable, Sendable {
    public enum Orientation: String, Codable, Sendable { case horizontal, vertical }

    public var orientation: Orientation
    /// y for a horizontal ruling, x for a vertical one.
    public var position: Double
    /// The extent along the ruling: x0...x1 for horizontal, y0...y1 for vertical.
    public var start: Double
    public var end: Double

    public init(orientation: Orientation, position: Double, start: Double, end: Double) {
        self.orientation = orientation
        self.position = position
        self.start = min(start, end)
        self.end = max(start, end)
    }

    public var length: Double { end - start }

    public var box: Rect {
        switch orientation {
        case .horizontal: return Rect(x0: start, y0: position, x1: end, y1: position)
        case .vertical: return Rect(x0: position, y0: start, x1: position, y1: end)
        }
    }
}

/// Everything the later stages need to know of one page.
public struct Page: Sendable {
    /// 1-based page number.
    public var number: Int
    public var width: Double
    public var height: Double
    /// Words in reading order.
    public var words: [Word]
    /// Lines in reading order (top to bottom within a column).
    public var lines: [TextLine]
    public var rulings: [Ruling]
    /// Boxes of drawings with curves or slanted strokes (charts, logos): text among them is no table.
    public var graphics: [Rect]

    public init(number: Int, width: Double, height: Double, words: [Word], lines: [TextLine], rulings: [Ruling],
                graphics: [Rect] = []) {
        self.number = number
        self.width = width
        self.height = height
        self.words = words
        self.lines = lines
        self.rulings = rulings
        self.graphics = graphics
    }
}
