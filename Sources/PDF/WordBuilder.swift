import Core
import Foundation

/// Tolerances for turning glyphs into words and lines.
public struct TextSettings: Sendable {
    /// A horizontal gap wider than this fraction of the font size splits a word, even where
    /// poppler put no space (columns set close together).
    public var wordGapRatio = 0.6
    /// Two boxes are on one line when their vertical overlap is at least this fraction of the smaller height.
    public var lineOverlapRatio = 0.5
    /// A space poppler puts before a hyphen set closer than this fraction of the font size to the word before it,
    /// and as close to the word after, breaks no word ("ECONOMICO -FINANZIARIA", a gap of 0.12 em).
    public var hyphenSpaceGapRatio = 0.2

    public init() {}
}

/// Glyphs (poppler's reading order, newlines included) → words and reading-order lines.
struct WordBuilder {
    var settings = TextSettings()

    /// Words, and the lines poppler's reading order puts them on (each line's words left to right).
    func build(_ glyphs: [Glyph]) -> (words: [Word], lines: [TextLine]) {
        var words: [Word] = []
        var lines: [TextLine] = []
        var lineWords: [Word] = []
        var current: [Glyph] = []
        var spaced: LetterSpacing.SpacedRun?

        func closeWord() {
            if let word = makeWord(current, order: words.count) {
                words.append(word)
                lineWords.append(word)
            }
            current.removeAll(keepingCapacity: true)
        }
        func closeLine() {
            closeWord()
            let joined: [Word]
            (joined, spaced) = LetterSpacing().join(lineWords, after: spaced)
            if joined.count != lineWords.count {
                words.removeLast(lineWords.count)
                for var word in joined {
                    word.order = words.count
                    words.append(word)
                }
                lineWords = Array(words.suffix(joined.count))
            }
            if !lineWords.isEmpty { lines.append(contentsOf: splitIntoVisualLines(lineWords)) }
            lineWords.removeAll(keepingCapacity: true)
        }

        var spaceAfterCurrent = false
        for (index, glyph) in glyphs.enumerated() {
            if glyph.scalar == "\n" { spaceAfterCurrent = false; closeLine(); continue }
            if WordBuilder.isSpace(glyph.scalar) { spaceAfterCurrent = !current.isEmpty; continue }
            if spaceAfterCurrent {
                spaceAfterCurrent = false
                let next = index + 1 < glyphs.count ? glyphs[index + 1] : nil
                if let last = current.last, !isSpaceBeforeAttachedHyphen(between: last, and: glyph, next: next) { closeWord() }
            }
            if let last = current.last, startsNewWord(glyph, after: last) { closeWord() }
            current.append(glyph)
        }
        closeLine()
        return (words, lines)
    }

    /// A space between a letter and a hyphen that holds on to the letter after it ("ECONOMICO -FINANZIARIA"),
    /// closer than `hyphenSpaceGapRatio` of the font size: poppler's guess at a break, not one the document set.
    /// A dash spaced on both sides ("FINANZIARIA - TRIBUTARIA") keeps its spaces.
    private func isSpaceBeforeAttachedHyphen(between last: Glyph, and hyphen: Glyph, next: Glyph?) -> Bool {
        guard last.scalar.properties.isAlphabetic, hyphen.scalar == "-", let next, next.scalar.properties.isAlphabetic else { return false }
        let size = max(1, min(hyphen.font.size, last.font.size))
        return hyphen.box.x0 - last.box.x1 < settings.hyphenSpaceGapRatio * size
            && next.box.x0 - hyphen.box.x1 < settings.hyphenSpaceGapRatio * size
            && hyphen.box.verticalOverlap(last.box) >= settings.lineOverlapRatio * min(hyphen.box.height, last.box.height)
    }

    private func startsNewWord(_ glyph: Glyph, after last: Glyph) -> Bool {
        if WordBuilder.isVerticalStep(glyph, after: last) { return false }
        let size = max(1, min(glyph.font.size, last.font.size, max(glyph.box.height, last.box.height)))
        let gap = glyph.box.x0 - last.box.x1
        if gap > settings.wordGapRatio * size || gap < -size * 2 { return true }
        let overlap = glyph.box.verticalOverlap(last.box)
        return overlap < settings.lineOverlapRatio * min(glyph.box.height, last.box.height)
    }

    private func makeWord(_ painted: [Glyph], order: Int) -> Word? {
        guard let first = painted.first else { return nil }
        // Right-to-left letters stand in the order they are painted: their text is read the other way.
        let glyphs = BidiOrder.logical(painted) { $0.scalar }
        var box = first.box
        for glyph in glyphs.dropFirst() { box = box.union(glyph.box) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(glyphs.count)
        var isASCII = true
        for glyph in glyphs where glyph.scalar != WordBuilder.softHyphen {
            // The ligatures are all outside ASCII: an ASCII letter needs no look-up.
            if !glyph.scalar.isASCII, let expansion = WordBuilder.ligatures[glyph.scalar] {
                utf8.append(contentsOf: expansion.utf8)
            } else {
                UTF8.encode(glyph.scalar) { utf8.append($0) }
                isASCII = isASCII && glyph.scalar.isASCII
            }
        }
        let scalars = String(decoding: utf8, as: UTF8.self)
        // Accents given as separate combining marks are composed (NFC); plain ASCII needs no work.
        let text = isASCII ? scalars : scalars.precomposedStringWithCanonicalMapping
        guard !text.isEmpty else { return nil }
        let isVertical = glyphs.count >= 2 && WordBuilder.isVerticalStep(glyphs[1], after: glyphs[0])
        return Word(text: text, box: box, font: first.font, order: order, isVertical: isVertical, rotation: first.rotation)
    }

    /// Text rotated by 90°: the next glyph sits above or below the last one, in the same column, and touches it
    /// as letters of a word do; upright glyphs of two lines, one under the other (the "1" and "2" of a narrow
    /// column's cells), stand a line gap apart.
    static func isVerticalStep(_ glyph: Glyph, after last: Glyph) -> Bool {
        let dx = abs(glyph.box.midX - last.box.midX), dy = abs(glyph.box.midY - last.box.midY)
        let gap = max(glyph.box.y0 - last.box.y1, last.box.y0 - glyph.box.y1)
        return dy > dx && dy < 2 * max(glyph.box.height, last.box.height, 1)
            && glyph.box.horizontalOverlap(last.box) >= 0.5 * min(glyph.box.width, last.box.width)
            && gap <= maximumVerticalLetterGap * max(glyph.font.size, 1)
    }

    /// Widest gap between two letters of a word set at 90°, as a fraction of the font size.
    static let maximumVerticalLetterGap = 0.25

    /// poppler sometimes puts words of two baselines on one line (superscripts aside); keep lines flat.
    private func splitIntoVisualLines(_ words: [Word]) -> [TextLine] {
        var result: [[Word]] = []
        for word in words {
            if let lastLine = result.last, let anchor = lastLine.last,
               word.box.verticalOverlap(anchor.box) >= settings.lineOverlapRatio * min(word.box.height, anchor.box.height) {
                result[result.count - 1].append(word)
            } else {
                result.append([word])
            }
        }
        return result.map { TextLine(words: $0.sorted { $0.box.x0 < $1.box.x0 }) }
    }

    static let ligatures: [Unicode.Scalar: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl",
        "\u{FB05}": "st", "\u{FB06}": "st",
    ]

    /// Unicode's whitespace property is slow to look up; ASCII, the common case, is answered directly.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" || scalar == "\r" : scalar.properties.isWhitespace
    }

    static let softHyphen: Unicode.Scalar = "\u{00AD}"
}
