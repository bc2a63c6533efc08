import Core

/// A PDF opened for extraction. Pages are read one at a time, so memory stays flat in the page count.
/// Not thread-safe: use one instance per thread (poppler crashes on a document shared between threads).
public final class PDFFile {
    public let path: String
    public var pageCount: Int { text.pageCount }
    private let text: PopplerDocument
    private let paths: PathDocument
    private let wordBuilder: WordBuilder
    private let rulingBuilder: RulingBuilder

    public init(path: String, password: String? = nil, text textSettings: TextSettings = TextSettings(),
                rulings rulingSettings: RulingSettings = RulingSettings()) throws {
        self.path = path
        text = try PopplerDocument(path: path, password: password)
        paths = try PathDocument(path: path, password: password)
        wordBuilder = WordBuilder(settings: textSettings)
        rulingBuilder = RulingBuilder(settings: rulingSettings)
    }

    /// Page `number` (1-based) as words, lines and rulings.
    public func page(_ number: Int) throws -> Page {
        guard number >= 1, number <= pageCount else {
            throw PDFError(path: path, reason: .pageOutOfRange(number, pageCount: pageCount))
        }
        guard let popplerPage = text.page(at: number - 1) else {
            // The page tree lists the page but it cannot be loaded (a /Count larger than the pages there are).
            throw PDFError(path: path, reason: .damaged("page \(number) of the \(pageCount) its page tree lists cannot be read"))
        }
        let size = popplerPage.size
        let (words, lines) = wordBuilder.build(popplerPage.glyphs())
        let items = paths.items(onPage: number)
        let rulings = rulingBuilder.rulings(from: items, pageWidth: size.width, pageHeight: size.height)
        let graphics = items.filter { $0.kind == .graphic }.map { Rect(x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1) }
        return Page(number: number, width: size.width, height: size.height, words: words, lines: lines, rulings: rulings,
                    graphics: graphics)
    }

    /// How many images page `number` (1-based) draws; 0 for a page that cannot be read.
    public func imageCount(onPage number: Int) -> Int {
        guard number >= 1, number <= pageCount, let popplerPage = text.page(at: number - 1) else { return 0 }
        return popplerPage.imageCount
    }
}
