import Core

/// Words grouped by baseline across the whole area given, each line's words left to right.
/// (poppler's own lines follow reading order and stop at column edges; tables need the visual row.)
struct VisualLine {
    var words: [Word]
    var box: Rect

    var height: Double { box.height }
    var fontSize: Double { words.map(\.font.size).max() ?? box.height }
}

/// A run of words with no wide gap inside: the text of one cell within one line.
struct Chunk {
    var words: [Word]
    var box: Rect
    var text: String { BidiOrder.joinLine(words.map(\.text)) }
}

enum VisualLines {
    /// Clusters words into lines: a word joins the line whose vertical extent it overlaps most,
    /// by at least half the smaller height.
    static func lines(of words: [Word]) -> [VisualLine] {
        let sorted = words.sorted { ($0.box.midY, $0.box.x0) < ($1.box.midY, $1.box.x0) }
        var lines: [VisualLine] = []
        for word in sorted {
            if let index = lines.indices.reversed().prefix(3).first(where: { belongs(word, to: lines[$0]) }) {
                lines[index].words.append(word)
                lines[index].box = lines[index].box.union(word.box)
            } else {
                lines.append(VisualLine(words: [word], box: word.box))
            }
        }
        for i in lines.indices { lines[i].words.sort { $0.box.x0 < $1.box.x0 } }
        return lines.sorted { $0.box.y0 < $1.box.y0 }
    }

    private static func belongs(_ word: Word, to line: VisualLine) -> Bool {
        let overlap = word.box.verticalOverlap(line.box)
        let smaller = max(0.1, min(word.box.height, line.box.height))
        return overlap >= 0.5 * smaller
    }

    /// Splits a line where words stand further apart than `gapRatio` × font size.
    /// A bullet sticks to the text after it, so bulleted lists do not look like two columns.
    static func chunks(of line: VisualLine, gapRatio: Double) -> [Chunk] {
        var chunks: [Chunk] = []
        for word in line.words {
            if !chunks.isEmpty && joinsLastChunk(word, of: chunks, gapRatio: gapRatio) {
                // Grown in place: a copy of the chunk would copy its words on every append.
                chunks[chunks.count - 1].words.append(word)
                chunks[chunks.count - 1].box = chunks[chunks.count - 1].box.union(word.box)
            } else {
                chunks.append(Chunk(words: [word], box: word.box))
            }
        }
        return chunks
    }

    private static func joinsLastChunk(_ word: Word, of chunks: [Chunk], gapRatio: Double) -> Bool {
        let last = chunks[chunks.count - 1]
        let size = max(4, min(word.font.size, last.words.last!.font.size))
        let gap = word.box.x0 - last.box.x1
        let bulletAhead = chunks.count == 1 && last.words.count == 1 && isBullet(last.text) && gap <= 3 * size
        let twoAmounts = isAmount(last.words.last!.text) && isAmount(word.text) && gap > 1
        return (gap <= gapRatio * size || bulletAhead) && !twoAmounts
    }

    /// A complete amount with decimals ("1.234,56", "0,00", "-5.880,86", "12.5%"): two of them side by side are
    /// two cells however close they stand.
    static func isAmount(_ text: String) -> Bool {
        ASCIIText.read(text, isAmount(ascii:)) ?? isAmount(characters: Substring(text))
    }

    private static func isAmount(ascii text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var body = text
        if body.first == UInt8(ascii: "-") || body.first == UInt8(ascii: "+") { body = body.dropFirst() }
        if body.last == UInt8(ascii: "%") { body = body.dropLast() }
        guard let separator = body.lastIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }) else { return false }
        let decimals = body[(separator + 1)...]
        let integer = body[..<separator]
        return decimals.count == 2 && decimals.allSatisfy(ASCIIText.isDigit) && !integer.isEmpty
            && integer.allSatisfy { ASCIIText.isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
    }

    static func isAmount(characters text: Substring) -> Bool {
        var body = text
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        if body.last == "%" { body = body.dropLast() }
        guard let separator = body.lastIndex(where: { $0 == "," || $0 == "." }) else { return false }
        let decimals = body[body.index(after: separator)...]
        let integer = body[..<separator]
        return decimals.count == 2 && decimals.allSatisfy(\.isNumber) && !integer.isEmpty
            && integer.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }

    static func isBullet(_ text: String) -> Bool { bullets.contains(text) }

    private static let bullets: Set<String> = ["•", "●", "▪", "◦", "‣", "∙", "·", "-", "–", "—", "*", "o", "", "➢", "✓", "❖"]
}
