import CLibXML2
import Foundation

/// Streams an XML file with libxml2's xmlTextReader: the root element's start tag, then each child of the root
/// copied whole into an `XElement` and released, so memory stays bounded by the largest child, not the file.
/// Same safety as `LibXMLDocument`: no network, no DTD loading, no entity substitution, entity declarations
/// refused. The reader is freed in deinit.
final class XMLStreamReader {
    private let text: LibXMLTextReader
    private var reader: xmlTextReaderPtr { text.reader }

    init(path: String) throws {
        text = try LibXMLTextReader(path: path)
    }

    /// Calls `root` with the root element (attributes and namespace declarations, no children), then `child` with
    /// each element child of the root, in order. When `select` is given, a child it declines (by local name and
    /// namespace URI) is skipped without being copied.
    func read(root: (XElement) throws -> Void, select: ((String, String?) -> Bool)? = nil, child: (XElement) throws -> Void) throws {
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            let type = xmlTextReaderNodeType(reader), depth = xmlTextReaderDepth(reader)
            if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) || type == Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue)
                || (depth == 0 && type == Int32(XML_READER_TYPE_ELEMENT.rawValue)) {
                try text.refuseEntities(type)
            }
            if type == Int32(XML_READER_TYPE_ELEMENT.rawValue), let node = xmlTextReaderCurrentNode(reader) {
                if depth == 0 {
                    try root(NodeConversion.element(node, deep: false))
                } else if depth == 1, let select,
                          !select(NodeConversion.string(xmlTextReaderConstLocalName(reader)) ?? "",
                                  NodeConversion.string(xmlTextReaderConstNamespaceUri(reader))) {
                    status = xmlTextReaderNext(reader)
                    continue
                } else if depth == 1 {
                    guard let expanded = xmlTextReaderExpand(reader) else { break }
                    try child(NodeConversion.element(expanded))
                    status = xmlTextReaderNext(reader)
                    continue
                }
            }
            status = xmlTextReaderRead(reader)
        }
        try text.check(status)
    }
}
