import CLibXML2
import Foundation

/// One libxml2 xmlTextReader over a file, with the safety of `LibXMLDocument` (no network, no DTD loading, no
/// entity substitution) and its errors recorded: what the streaming readers (`XMLStreamReader`,
/// `XMLEventReader`) share. Owns the reader and frees it in deinit.
final class LibXMLTextReader {
    let reader: xmlTextReaderPtr
    let path: String
    private let errors = ErrorRecorder()

    init(path: String) throws {
        self.path = path
        _ = LibXMLDocument.initialized
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw XMLInputError(path: path, reason: .unreadable(FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"))
        }
        guard let reader = xmlReaderForFile(path, nil, LibXMLDocument.xmlOptions) else {
            throw XMLInputError(path: path, reason: .unreadable("libxml2 could not open it"))
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(reader, recordTextReaderError, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit { xmlFreeTextReader(reader) }

    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// Throws the first recorded error, or a generic one, when `status` says the reader failed.
    func check(_ status: Int32) throws {
        if status < 0 || errors.first != nil {
            let failure = errors.first ?? LibXMLFailure(code: 1, message: "the reader stopped", line: Int32(line))
            throw XMLInputError(path: path, reason: failure.reason)
        }
    }

    /// An entity reference, or a document that declares entities, is refused.
    func refuseEntities(_ type: Int32) throws {
        if type == Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue) || NodeConversion.declaresEntities(xmlTextReaderCurrentDoc(reader)) {
            throw XMLInputError(path: path, reason: .entityDeclarations)
        }
    }
}

/// libxml2's structured error callback for a text reader: `userData` is its `ErrorRecorder`.
private let recordTextReaderError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    Unmanaged<ErrorRecorder>.fromOpaque(userData).takeUnretainedValue().record(UnsafePointer(error))
}
