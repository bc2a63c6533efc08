import Foundation

/// What a file is, told by its content (never by its extension).
public enum DocumentFormat: Sendable, Hashable, CustomStringConvertible {
    case pdf
    case docx
    case odt
    case xbrl
    /// XHTML with an XML declaration: read by the XML parser (strict).
    case xhtml
    /// HTML, tag soup included: read by libxml2's HTML parser.
    case html
    case unsupported(String)

    public var description: String {
        switch self {
        case .pdf: return "pdf"
        case .docx: return "docx"
        case .odt: return "odt"
        case .xbrl: return "xbrl"
        case .xhtml: return "xhtml"
        case .html: return "html"
        case .unsupported(let reason): return "unsupported (\(reason))"
        }
    }

    /// A short name for FileFacts and manifests: pdf, docx, odt, xbrl, html.
    public var name: String {
        switch self {
        case .xhtml, .html: return "html"
        case .unsupported: return "unsupported"
        default: return description
        }
    }

    public var isSupported: Bool {
        if case .unsupported = self { return false }
        return true
    }

    /// Formats read into blocks and tables by this module (PDF is read by the PDF module, XBRL into facts).
    public var isMarkup: Bool { self == .docx || self == .odt || self == .xhtml || self == .html }

    public static let odtMimeType = "application/vnd.oasis.opendocument.text"
    public static let xbrlInstanceNamespace = "http://www.xbrl.org/2003/instance"

    /// Sniffs the file at `path`; a file that cannot be read is unsupported with the reason.
    public static func detect(path: String) -> DocumentFormat {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .unsupported("a file that cannot be opened") }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        if head.starts(with: Array("PK".utf8)) { return zipFormat(path: path) }
        return detect(head: head)
    }

    /// Sniffs the first bytes of a file (zip packages need the whole file: see `detect(path:)`).
    public static func detect(head: Data) -> DocumentFormat {
        if head.isEmpty { return .unsupported("an empty file") }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .unsupported("a zip archive (read from a file to tell DOCX from ODT)")
        }
        guard let text = MarkupSniffer.text(of: head) else { return .unsupported("a binary file that is neither PDF, DOCX, ODT, XBRL nor HTML") }
        return MarkupSniffer.format(of: text)
    }

    private static func zipFormat(path: String) -> DocumentFormat {
        guard let package = try? ZipPackage(path: path, limits: ZipLimits(maxEntryBytes: 1 << 16, maxTotalBytes: 1 << 16)) else {
            return .unsupported("a damaged zip archive")
        }
        if package.contains("word/document.xml") { return .docx }
        if let mime = try? package.entry("mimetype") {
            let type = String(decoding: mime, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if type == odtMimeType { return .odt }
            if type.hasPrefix("application/vnd.oasis.opendocument.") { return .unsupported("an OpenDocument file of type \(type), not a text document") }
        }
        return .unsupported("a zip archive that is neither DOCX nor ODT")
    }
}

/// Looks at the start of a text file: its root element, or whether it reads as HTML.
enum MarkupSniffer {
    /// The head as text: UTF-8 (BOM dropped), or UTF-16 with a BOM; nil for binary data.
    static func text(of head: Data) -> String? {
        var bytes = head
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return String(data: bytes.dropFirst(2), encoding: .utf16LittleEndian) }
        if bytes.starts(with: [0xFE, 0xFF]) { return String(data: bytes.dropFirst(2), encoding: .utf16BigEndian) }
        if bytes.contains(0) { return nil }
        // The head may end inside a multi-byte character: decode leniently, then refuse mostly-garbage.
        let text = String(decoding: bytes, as: UTF8.self)
        let replaced = text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        return replaced > 8 ? nil : text
    }

    static func format(of text: String) -> DocumentFormat {
        let trimmed = text.drop { $0.isWhitespace }
        let hasDeclaration = trimmed.hasPrefix("<?xml")
        guard let root = firstStartTag(in: trimmed) else {
            return looksLikeHTML(text) ? .html : .unsupported("a text file that is neither HTML nor XML")
        }
        let local = root.name.split(separator: ":").last.map(String.init) ?? root.name
        let prefix = root.name.contains(":") ? String(root.name.split(separator: ":").first!) : nil
        if local == "xbrl" {
            let declared = namespace(of: prefix, in: root.tag)
            return declared == DocumentFormat.xbrlInstanceNamespace ? .xbrl
                : .unsupported("an XML file whose root is <\(root.name)> outside the XBRL instance namespace")
        }
        if local.lowercased() == "html" { return hasDeclaration ? .xhtml : .html }
        if looksLikeHTML(text), !hasDeclaration { return .html }
        return .unsupported("an XML file whose root is <\(root.name)>")
    }

    /// The first element start tag after the prolog (declaration, comments, processing instructions, DOCTYPE).
    static func firstStartTag(in text: Substring) -> (name: String, tag: String)? {
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                let terminator = after.hasPrefix("!--") ? "-->" : ">"
                guard let end = after.range(of: terminator) else { return nil }
                rest = after[end.upperBound...]
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            guard let first = name.first, first.isLetter || first == "_" else { return nil }
            let tag = after.prefix { $0 != ">" }
            return (String(name), String(tag))
        }
        return nil
    }

    /// The namespace bound to `prefix` (the default namespace for nil) by the root tag's own declarations.
    static func namespace(of prefix: String?, in tag: String) -> String? {
        let attribute = prefix.map { "xmlns:\($0)" } ?? "xmlns"
        for quote in ["\"", "'"] {
            for spacing in ["=", " = ", "= ", " ="] {
                guard let start = tag.range(of: attribute + spacing + quote) else { continue }
                let value = tag[start.upperBound...].prefix { String($0) != quote }
                return String(value)
            }
        }
        return nil
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["<!doctype html", "<html", "<head", "<body", "<p>", "<div", "<table", "<h1", "<br"].contains { lower.contains($0) }
    }
}
