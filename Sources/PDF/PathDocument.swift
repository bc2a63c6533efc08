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

    init(kind: Kind, x0: Double, y0: Double, x1: Double, y1: Double, lineWidth: Double, gray: Double) {
        self.kind = kind
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
        self.lineWidth = lineWidth
        self.gray = gray
    }

    init(_ item: PianiPathItem) {
        let kind: Kind
        switch item.kind {
        case Int32(PIANI_PATH_FILLED_BOX.rawValue): kind = .filledBox
        case Int32(PIANI_PATH_GRAPHIC.rawValue): kind = .graphic
        default: kind = .strokeSegment
        }
        self.init(kind: kind, x0: item.x0, y0: item.y0, x1: item.x1, y1: item.y1,
                  lineWidth: item.line_width, gray: Double(item.gray))
    }
}

/// Owns a poppler-core document read by the paths-only device (`PopplerPaths.h`): a second parse of each
/// page that the one-pass reader (`PopplerDocument`) replaced; kept as the reference its paths are tested
/// against.
final class PathDocument {
    private let handle: OpaquePointer

    init(path: String, password: String?) throws {
        var code: Int32 = 0
        guard let doc = piani_paths_open(path, password, &code) else {
            throw PDFError(path: path, reason: code == 4 ? (password == nil ? .encrypted : .wrongPassword) : .damaged("poppler error \(code)"))
        }
        handle = doc
    }

    deinit { piani_paths_close(handle) }

    func items(onPage number: Int) -> [PathItem] {
        var pointer: UnsafePointer<PianiPathItem>?
        let count = piani_paths_read_page(handle, Int32(number), &pointer)
        guard count > 0, let pointer else { return [] }
        return UnsafeBufferPointer(start: pointer, count: Int(count)).map(PathItem.init)
    }
}
