import CLibXML2
import Foundation

/// A document parsed by libxml2, owned until it is copied into Swift: the parser context and the document are
/// freed in deinit. Network access, DTD loading and entity substitution are never enabled; a document that
/// declares entities is refused.
final class LibXMLDocument {
    enum Syntax { case xml, html }

    /// Inputs larger than this are not parsed into a tree (XBRL goes through `XMLStreamReader`).
    static let maxTreeBytes = 256 << 20

    private let context: xmlParserCtxtPtr
    private let syntax: Syntax
    private var document: xmlDocPtr?
    private let errors = ErrorRecorder()

    static func root(of data: Data, syntax: Syntax, path: String, part: String? = nil) throws -> XElement {
        do {
            return try LibXMLDocument(data, syntax: syntax).rootElement()
        } catch let error as XMLInputError {
            throw XMLInputError(path: path, part: part, reason: error.reason)
        }
    }

    /// libxml2's global state, set up once before any parser (needed when threads parse).
    static let initialized: Void = xmlInitParser()

    private init(_ data: Data, syntax: Syntax) throws {
        _ = Self.initialized
        guard data.count <= Self.maxTreeBytes else { throw XMLInputError(path: "", reason: .tooLarge(data.count)) }
        self.syntax = syntax
        guard let context = syntax == .xml ? xmlNewParserCtxt() : htmlNewParserCtxt() else {
            throw XMLInputError(path: "", reason: .unreadable("libxml2 could not allocate a parser"))
        }
        self.context = context
        context.pointee._private = Unmanaged.passUnretained(errors).toOpaque()
        context.pointee.sax.pointee.serror = recordParserError
        let encoding = syntax == .html ? try HTMLEncoding.declaredOrValidatedUTF8(data) : nil
        document = data.withUnsafeBytes { bytes -> xmlDocPtr? in
            let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
            switch syntax {
            case .xml: return xmlCtxtReadMemory(context, base, Int32(bytes.count), nil, nil, Self.xmlOptions)
            case .html: return htmlCtxtReadMemory(context, base, Int32(bytes.count), nil, encoding, Self.htmlOptions)
            }
        }
        try check()
    }

    deinit {
        if let document { xmlFreeDoc(document) }
        switch syntax {
        case .xml: xmlFreeParserCtxt(context)
        case .html: htmlFreeParserCtxt(context)
        }
    }

    /// NONET, errors not printed (they are read from the context); no NOENT, DTDLOAD or HUGE.
    static let xmlOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue)
    static let htmlOptions = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_RECOVER.rawValue)

    private func check() throws {
        if syntax == .xml, let failure = errors.first ?? xmlCtxtGetLastError(context).map({ LibXMLFailure(UnsafePointer($0)) }),
           failure.code != 0 {
            throw XMLInputError(path: "", reason: failure.reason)
        }
        guard let document, xmlDocGetRootElement(document) != nil else {
            throw XMLInputError(path: "", reason: .malformed("no root element", line: 1))
        }
        if NodeConversion.declaresEntities(document) { throw XMLInputError(path: "", reason: .entityDeclarations) }
    }

    func rootElement() -> XElement {
        NodeConversion.element(xmlDocGetRootElement(document!)!)
    }
}

/// Keeps the first error libxml2 reports (the later ones follow from it).
final class ErrorRecorder {
    private(set) var first: LibXMLFailure?

    func record(_ error: UnsafePointer<xmlError>) {
        guard first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        first = LibXMLFailure(error)
    }
}

/// libxml2's structured error callback for a parser context whose `_private` is its `ErrorRecorder`.
private let recordParserError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let recorder = context.pointee._private else { return }
    Unmanaged<ErrorRecorder>.fromOpaque(recorder).takeUnretainedValue().record(UnsafePointer(error))
}

/// HTML without a declared charset must be UTF-8: libxml2 would otherwise guess Latin-1 for bad bytes.
enum HTMLEncoding {
    /// nil when the document declares its charset (libxml2 honours the declaration), "UTF-8" when it does not
    /// and its bytes are UTF-8; throws `badEncoding` with the line of the first bad byte otherwise.
    static func declaredOrValidatedUTF8(_ data: Data) throws -> String? {
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        if head.contains("charset=") || head.contains("charset =") || head.contains("<?xml version") && head.contains("encoding=") {
            return nil
        }
        if let bad = firstInvalidUTF8Offset(data) {
            let line = data.prefix(bad).reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            throw XMLInputError(path: "", reason: .badEncoding(line: line))
        }
        return "UTF-8"
    }

    /// Byte offset of the first invalid UTF-8 sequence, nil when the data is valid UTF-8.
    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
