import Foundation

/// Reads a markup input (XHTML/HTML, DOCX, ODT) into blocks and tables.
public enum MarkupDocument {
    /// Reads `path` as `format` (as `DocumentFormat.detect` told). Throws `XMLInputError` naming the file.
    public static func content(path: String, format: DocumentFormat, zipLimits: ZipLimits = ZipLimits()) throws -> MarkupContent {
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
