import Core
import Foundation
import PopplerPaths

/// Owns a PDF opened on poppler's core. One instance must not be used from two threads at once
/// (poppler crashes when a document is shared); open one per worker instead.
final class PopplerDocument {
    private let handle: OpaquePointer
    let path: String
    let pageCount: Int

    init(path: String, password: String?) throws {
        try PopplerDocument.checkLooksLikePDF(path)
        self.path = path
        var code: Int32 = 0, openErrno: Int32 = 0
        guard let document = piani_pdf_open(path, password, &code, &openErrno) else {
            throw PDFError(path: path, reason: PopplerDocument.reason(code: code, openErrno: openErrno, passwordGiven: password != nil))
        }
        handle = document
        pageCount = Int(piani_pdf_page_count(document))
    }

    deinit { piani_pdf_close(handle) }

    /// Page `number` (1-based) read in one pass, or nil when poppler cannot load it.
    func page(_ number: Int) -> PopplerPage? {
        guard let page = piani_pdf_read_page(handle, Int32(number)) else { return nil }
        return PopplerPage(handle: page)
    }

    /// Fails early with a clear reason for a missing file, a folder, or a file that is not a PDF at all.
    static func checkLooksLikePDF(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PDFError(path: path, reason: .fileNotFound)
        }
        if isDirectory.boolValue { throw PDFError(path: path, reason: .notAFile) }
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw PDFError(path: path, reason: .unreadable("permission denied"))
        }
        defer { try? file.close() }
        let head = (try? file.read(upToCount: 1024)) ?? Data()
        // The PDF spec allows junk before the header; readers accept it within the first 1024 bytes.
        guard head.range(of: Data("%PDF-".utf8)) != nil else { throw PDFError(path: path, reason: .notAPDF) }
    }

    /// poppler's open error (`ErrorCodes.h`) with the messages poppler-glib gives for it.
    static func reason(code: Int32, openErrno: Int32, passwordGiven: Bool) -> PDFError.Reason {
        switch code {
        case 1: return .damaged(String(cString: strerror(openErrno)))  // errOpenFile
        case 2: return .damaged("Failed to read the document catalog") // errBadCatalog
        case 3: return .damaged("PDF document is damaged")             // errDamaged
        case 4: return passwordGiven ? .wrongPassword : .encrypted     // errEncrypted
        default: return .damaged("Failed to load document")
        }
    }
}

/// Owns one page as the one-pass device read it: its text glyphs and its painted paths.
final class PopplerPage {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { piani_pdf_page_free(handle) }

    var size: (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        piani_pdf_page_size(handle, &width, &height)
        return (width, height)
    }

    /// How many images the page's content draws.
    var imageCount: Int { Int(piani_pdf_page_image_count(handle)) }

    /// Every Unicode scalar of the page text in poppler's reading order with its box and font.
    /// Newlines come through as "\n" glyphs: they mark poppler's line ends.
    func glyphs() -> [Glyph] {
        var length = 0, boxCount = 0, fontCount = 0
        guard let cText = piani_pdf_page_text(handle, &length),
              let boxes = piani_pdf_page_glyph_boxes(handle, &boxCount), boxCount > 0 else { return [] }
        let scalars = Array(String(cString: cText).unicodeScalars)
        var fonts: [FontInfo] = []
        if let cFonts = piani_pdf_page_fonts(handle, &fontCount) {
            fonts = UnsafeBufferPointer(start: cFonts, count: fontCount).map { font in
                FontInfo(name: font.name.map { String(cString: $0) } ?? "", size: font.size)
            }
        }
        let unknown = FontInfo(name: "", size: 0, isBold: false, isItalic: false)
        let count = min(scalars.count, boxCount)
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(count)
        for i in 0..<count {
            let b = boxes[i]
            let font = b.font >= 0 && Int(b.font) < fonts.count ? fonts[Int(b.font)] : unknown
            glyphs.append(Glyph(scalar: scalars[i], box: Rect(x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1), font: font,
                                rotation: Int(b.rotation)))
        }
        return glyphs
    }

    /// The strokes and fills the page paints (its annotations' appearances included), clipped to what is visible.
    func pathItems() -> [PathItem] {
        var count = 0
        guard let items = piani_pdf_page_paths(handle, &count), count > 0 else { return [] }
        return UnsafeBufferPointer(start: items, count: count).map(PathItem.init)
    }
}
