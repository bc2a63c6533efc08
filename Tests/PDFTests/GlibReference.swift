import CPoppler
import Core
import Foundation
@testable import PDF

/// The text reader the PDF stage used before the one-pass device: poppler-glib's get_text, get_text_layout and
/// get_text_attributes (a parse of each page of their own). The tests check the one-pass glyphs against it.
final class GlibDocument {
    private let handle: OpaquePointer
    let path: String
    let pageCount: Int

    init(path: String, password: String? = nil) throws {
        self.path = path
        var error: UnsafeMutablePointer<GError>?
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let uri = g_filename_to_uri(absolute, nil, &error) else {
            throw PDFError(path: path, reason: .unreadable(GlibDocument.consume(error)))
        }
        defer { g_free(uri) }
        guard let document = poppler_document_new_from_file(uri, password, &error) else {
            let isEncrypted = error.map { $0.pointee.domain == poppler_error_quark() && $0.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) } ?? false
            let message = GlibDocument.consume(error)
            throw PDFError(path: path, reason: isEncrypted ? .encrypted : .damaged(message))
        }
        handle = document
        pageCount = Int(poppler_document_get_n_pages(document))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    func page(at index: Int) -> GlibPage? {
        guard let page = poppler_document_get_page(handle, Int32(index)) else { return nil }
        return GlibPage(handle: page)
    }

    private static func consume(_ error: UnsafeMutablePointer<GError>?) -> String {
        guard let error else { return "unknown error" }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    }
}

/// Owns one poppler-glib page.
final class GlibPage {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    var size: (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        poppler_page_get_size(handle, &width, &height)
        return (width, height)
    }

    /// Every Unicode scalar of the page text in poppler's reading order with its box and font.
    /// Newlines come through as "\n" glyphs: they mark poppler's line ends.
    func glyphs() -> [Glyph] {
        guard let cText = poppler_page_get_text(handle) else { return [] }
        defer { g_free(cText) }
        let scalars = Array(String(cString: cText).unicodeScalars)

        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var rectCount: guint = 0
        guard poppler_page_get_text_layout(handle, &rects, &rectCount) != 0, let rects else { return [] }
        defer { g_free(rects) }

        let fonts = fontPerScalar(count: scalars.count)
        let count = min(scalars.count, Int(rectCount))
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(count)
        for i in 0..<count {
            let r = rects[i]
            glyphs.append(Glyph(scalar: scalars[i], box: Rect(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2), font: fonts[i]))
        }
        return glyphs
    }

    private func fontPerScalar(count: Int) -> [FontInfo] {
        let unknown = FontInfo(name: "", size: 0, isBold: false, isItalic: false)
        var fonts = [FontInfo](repeating: unknown, count: count)
        guard let list = poppler_page_get_text_attributes(handle) else { return fonts }
        defer { poppler_page_free_text_attributes(list) }
        var cache: [String: FontInfo] = [:]
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let raw = current.pointee.data {
                let attributes = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let name = attributes.font_name.map { String(cString: $0) } ?? ""
                let key = "\(name)|\(attributes.font_size)"
                let font = cache[key] ?? FontInfo(name: name, size: attributes.font_size)
                cache[key] = font
                let start = max(0, Int(attributes.start_index))
                let end = min(count - 1, Int(attributes.end_index))
                if start <= end { for i in start...end { fonts[i] = font } }
            }
            node = current.pointee.next
        }
        return fonts
    }
}
