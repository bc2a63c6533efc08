import Core
import PopplerPaths

/// A painted path piece as the page draws it: a stroked straight segment or a filled axis-aligned box.
struct PathItem: Equatable {
    enum Kind: Equatable { case strokeSegment, filledBox, graphic }
    var kind: Kind
    var x0, y0, x1, y1: Double
    var lineWidth: Double
    /// Luminance of the paint: 0 black, 1 white.
    var gray: Double
}

/// Owns the poppler-core document that reports vector paths (poppler-glib exposes none).
final class PathDocument {
    private let handle: OpaquePointer

    init(path: String, password: String?) throws {
        var code: Int32 = 0
        guard let doc = piani_paths_open(path, password, &code) else {
            throw PDFError(path: path, reason: code == 4 ? .encrypted : .damaged("poppler error \(code)"))
        }
        handle = doc
    }

    deinit { piani_paths_close(handle) }

    private static func kind(_ raw: Int32) -> PathItem.Kind {
        switch raw {
        case Int32(PIANI_PATH_FILLED_BOX.rawValue): return .filledBox
        case Int32(PIANI_PATH_GRAPHIC.rawValue): return .graphic
        default: return .strokeSegment
        }
    }

    func items(onPage number: Int) -> [PathItem] {
        var pointer: UnsafePointer<PianiPathItem>?
        let count = piani_paths_read_page(handle, Int32(number), &pointer)
        guard count > 0, let pointer else { return [] }
        return UnsafeBufferPointer(start: pointer, count: Int(count)).map { item in
            PathItem(kind: PathDocument.kind(item.kind),
                     x0: item.x0, y0: item.y0, x1: item.x1, y1: item.y1,
                     lineWidth: item.line_width, gray: Double(item.gray))
        }
    }
}
