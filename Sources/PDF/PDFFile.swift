import Core

/// A PDF opened for extraction. Pages are read one at a time, so memory stays flat in the page count.
/// Not thread-safe: use one instance per thread (poppler crashes on a document shared between threads).
public final class PDFFile {
    public let path: String
    public var pageCount: Int { document.pageCount }
    private let document: PopplerDocument
    private let wordBuilder: WordBuilder
    private let rulingBuilder: RulingBuilder

    public init(path: String, password: String? = nil, text textSettings: TextSettings = TextSettings(),
                rulings rulingSettings: RulingSettings = RulingSettings()) throws {
        self.path = path
        document = try PopplerDocument(path: path, password: password)
        wordBuilder = WordBuilder(settings: textSettings)
        rulingBuilder = RulingBuilder(settings: rulingSettings)
    }

    /// Page `number` (1-based) as words, lines and rulings, from one parse of the page.
    public func page(_ number: Int) throws -> Page {
        guard number >= 1, number <= pageCount else {
            throw PDFError(path: path, reason: .pageOutOfRange(number, pageCount: pageCount))
        }
        guard let popplerPage = document.page(number) else {
            // The page tree lists the page but it cannot be loaded (a /Count larger than the pages there are).
            throw PDFError(path: path, reason: .damaged("page \(number) of the \(pageCount) its page tree lists cannot be read"))
        }
        return page(number, size: popplerPage.size, glyphs: popplerPage.glyphs(), paths: popplerPage.pathItems())
    }

    /// The page made of what poppler reported for it.
    func page(_ number: Int, size: (width: Double, height: Double), glyphs: [Glyph], paths items: [PathItem]) -> Page {
        let (words, lines) = wordBuilder.build(glyphs)
        let rulings = rulingBuilder.rulings(from: items, pageWidth: size.width, pageHeight: size.height)
        let graphics = items.filter { $0.kind == .graphic }.map { Rect(x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1) }
        return Page(number: number, width: size.width, height: size.height, words: words, lines: lines, rulings: rulings,
                    graphics: graphics)
    }

    /// How many images page `number` (1-based) draws; 0 for a page that cannot be read.
    public func imageCount(onPage number: Int) -> Int {
        guard number >= 1, number <= pageCount, let popplerPage = document.page(number) else { return 0 }
        return popplerPage.imageCount
    }
}
