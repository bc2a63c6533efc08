import Foundation

/// The sizes above which XHTML/HTML leaves the tree route.
public struct MarkupLimits: Sendable, Hashable {
    /// XHTML larger than this (bytes) is streamed.
    public var streamingThreshold = 4 << 20
    /// Tag soup larger than this is streamed when it is well-formed XML, refused otherwise.
    public var tagSoupLimit = 16 << 20

    public init(streamingThreshold: Int = 4 << 20, tagSoupLimit: Int = 16 << 20) {
        self.streamingThreshold = streamingThreshold
        self.tagSoupLimit = tagSoupLimit
    }
}

/// Reads a markup input (XHTML/HTML, DOCX, ODT) into blocks and tables.
public enum MarkupDocument {
    /// XHTML larger than this is streamed (`StreamingHTMLReader`): a tree costs about 40 times the file.
    public static let streamingThreshold = MarkupLimits().streamingThreshold
    /// HTML without an XML declaration larger than this is not given to libxml2's HTML parser (whose tree is not
    /// bounded): it is streamed when it parses as XML, refused with the reason otherwise.
    public static let tagSoupLimit = MarkupLimits().tagSoupLimit

    /// Reads `path` as `format`, handing each block and table over as it is made: large XHTML (and large HTML
    /// that is well-formed XML) is streamed in bounded memory; the other formats are read whole, then handed over.
    public static func stream(path: String, format: DocumentFormat, zipLimits: ZipLimits = ZipLimits(),
                              limits: MarkupLimits = MarkupLimits(), item: (ContentItem) throws -> Void) throws {
        let size = fileSize(path)
        switch format {
        case .xhtml where size > limits.streamingThreshold:
            try StreamingHTMLReader(path: path).read(item)
        case .html where size > limits.tagSoupLimit:
            do {
                try StreamingHTMLReader(path: path).read(item)
            } catch let error as XMLInputError {
                switch error.reason {
                case .malformed, .badEncoding:
                    throw XMLInputError(path: path, reason: .tagSoupTooLarge(size, limit: limits.tagSoupLimit, because: error.explanation))
                default:
                    throw error
                }
            }
        default:
            for made in try content(path: path, format: format, zipLimits: zipLimits, limits: limits).items { try item(made) }
        }
    }

    /// Reads `path` as `format` (as `DocumentFormat.detect` told). Throws `XMLInputError` naming the file.
    public static func content(path: String, format: DocumentFormat, zipLimits: ZipLimits = ZipLimits(),
                               limits: MarkupLimits = MarkupLimits()) throws -> MarkupContent {
        let size = fileSize(path)
        if (format == .xhtml && size > limits.streamingThreshold) || (format == .html && size > limits.tagSoupLimit) {
            var items: [ContentItem] = []
            try stream(path: path, format: format, zipLimits: zipLimits, limits: limits) { items.append($0) }
            return MarkupContent(items: items)
        }
        switch format {
        case .html: return HTMLReader().content(of: try LibXMLDocument.root(of: try read(path), syntax: .html, path: path))
        case .xhtml: return HTMLReader().content(of: try LibXMLDocument.root(of: try read(path), syntax: .xml, path: path))
        case .docx: return try DocxReader(package: try ZipPackage(path: path, limits: zipLimits)).content()
        case .odt: return try OdtReader(package: try ZipPackage(path: path, limits: zipLimits)).content()
        case .pdf, .xbrl: throw XMLInputError(path: path, reason: .unsupported("\(format) is not a markup document"))
        case .unsupported(let reason): throw XMLInputError(path: path, reason: .unsupported(reason))
        }
    }

    /// Sniffs and reads.
    public static func content(path: String) throws -> MarkupContent {
        try content(path: path, format: DocumentFormat.detect(path: path))
    }

    /// The XHTML read as a stream whatever its size (tests compare it with the tree route).
    static func streamedContent(path: String) throws -> MarkupContent {
        var items: [ContentItem] = []
        try StreamingHTMLReader(path: path).read { items.append($0) }
        return MarkupContent(items: items)
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    static func read(_ path: String) throws -> Data {
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= LibXMLDocument.maxTreeBytes else { throw XMLInputError(path: path, reason: .tooLarge(size)) }
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as XMLInputError {
            throw error
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw XMLInputError(path: path, reason: .unreadable(exists ? "permission denied or not a regular file" : "no such file"))
        }
    }
}
