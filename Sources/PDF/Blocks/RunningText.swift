import Core

/// Remembers the lines seen in the top and bottom margins of earlier pages, to recognise running headers
/// and footers: text repeated at the same place page after page (digits ignored, so "Pagina 3 di 20" repeats)
/// and lone page numbers.
/// It also keeps the document's font-size statistics, so a title page set in large type is read against the
/// body size of the whole document rather than its own.
public final class RunningText {
    private var seen: [String: Int] = [:]
    private var charactersBySize: [Double: Int] = [:]
    /// A page with fewer characters than this says little about the body size.
    private let sparsePage = 600

    public init() {}

    /// Call once per page, in page order, before asking `isRunning` for its lines.
    public func learn(_ page: Page, zone: Double) {
        for line in page.lines where isInMargin(line.box, page: page, zone: zone) {
            seen[key(line, page: page), default: 0] += 1
        }
    }

    /// The body size of the document so far, this page included. Before any page of running text has been
    /// seen, a sparse page (a title page) is read against a common body size rather than its own large type.
    func bodyFontSize(learning lines: [TextLine]) -> Double {
        var page: [Double: Int] = [:]
        for line in lines { for word in line.words { page[(word.font.size * 2).rounded() / 2, default: 0] += word.text.count } }
        let pageCharacters = page.values.reduce(0, +)
        if pageCharacters >= sparsePage { page.forEach { charactersBySize[$0.key, default: 0] += $0.value } }
        if let documentSize = Self.mostCommon(charactersBySize) { return documentSize }
        let pageSize = Self.mostCommon(page) ?? RunningText.commonBodySize
        return pageCharacters >= sparsePage ? pageSize : min(pageSize, RunningText.commonBodySize)
    }

    static let commonBodySize = 11.0

    /// The size set in most characters; of sizes set in as many, the smaller (headings are the larger). Not left
    /// to a dictionary's order, which changes from one run to the next.
    static func mostCommon(_ characters: [Double: Int]) -> Double? {
        characters.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }

    func isRunning(_ line: TextLine, on page: Page, zone: Double) -> Bool {
        guard isInMargin(line.box, page: page, zone: zone) else { return false }
        let text = line.text
        if RunningText.isPageNumber(text) { return !isBesideText(line, on: page) }
        return isRepeated(line, on: page) && !isInRuledRowReachingTheBody(line.box, page: page, zone: zone)
    }

    private func isRepeated(_ line: TextLine, on page: Page) -> Bool { (seen[key(line, page: page)] ?? 0) >= 2 }

    /// A figure on the line of text that is no furniture (a table row's value at the foot of the page, "N. giornate
    /// … 2") is no page number, which stands alone or beside the running footer.
    private func isBesideText(_ line: TextLine, on page: Page) -> Bool {
        let box = line.box
        return page.lines.contains { other in
            // A line's words share its height: its first word tells at once whether it can share this line.
            guard let first = other.words.first, first.box.y1 > box.y0, first.box.y0 < box.y1 else { return false }
            let otherBox = other.box
            return otherBox != box && min(otherBox.y1, box.y1) - max(otherBox.y0, box.y0) >= 0.5 * min(otherBox.height, box.height)
                && !RunningText.isPageNumber(other.text) && !isRepeated(other, on: page)
        }
    }

    /// A line between two horizontal rules across it, one of them beyond the margin zone: a row of a ruled table
    /// (its header repeated at the top of every page), not page furniture, which keeps inside the margin.
    private func isInRuledRowReachingTheBody(_ box: Rect, page: Page, zone: Double) -> Bool {
        let across = page.rulings.filter { $0.orientation == .horizontal && $0.start <= box.x0 + 1 && $0.end >= box.x1 - 1 }
        guard let above = across.filter({ $0.position <= box.midY }).max(by: { $0.position < $1.position }),
              let below = across.filter({ $0.position >= box.midY }).min(by: { $0.position < $1.position }) else { return false }
        return box.midY < page.height / 2 ? below.position > page.height * zone : above.position < page.height * (1 - zone)
    }

    private func isInMargin(_ box: Rect, page: Page, zone: Double) -> Bool {
        box.y1 <= page.height * zone || box.y0 >= page.height * (1 - zone)
    }

    private func key(_ line: TextLine, page: Page) -> String {
        let band = line.box.y0 < page.height / 2 ? "top" : "bottom"
        let text = String(line.text.lowercased().map { $0.isNumber ? "#" : $0 })
        return band + "|" + text
    }

    /// "3", "- 8 -", "Pagina 3 di 20", "Pg. 3", "Page 3 of 20", "3/20".
    static func isPageNumber(_ text: String) -> Bool {
        guard text.count <= 24 else { return false }
        let tokens = text.lowercased().split(whereSeparator: { $0.isWhitespace || "-–/|".contains($0) })
        let words = tokens.filter { !$0.allSatisfy(\.isNumber) }
        let numbers = tokens.count - words.count
        return (1...2).contains(numbers) && words.allSatisfy { pageWords.contains(String($0)) }
    }

    private static let pageWords: Set<String> = ["pagina", "pag.", "pag", "pg.", "pg", "p.", "page", "di", "of", "seite", "von"]
}
