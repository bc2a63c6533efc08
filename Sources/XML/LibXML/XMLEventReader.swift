import CLibXML2
import Foundation

/// Walks an XML file node by node with libxml2's xmlTextReader, for readers that keep only the open elements
/// (the streaming XHTML reader): start tags (attributes and namespace declarations, no children), end tags,
/// text, and on request the current element copied whole or skipped. Same safety as `LibXMLDocument`: no
/// network, no DTD loading, no entity substitution, entity declarations refused. The reader is freed in deinit.
final class XMLEventReader {
    enum Event {
        /// An element's start tag; `isEmpty` for `<x/>`, which has no end event.
        case start(XElement, depth: Int, isEmpty: Bool)
        case end(depth: Int)
        case text(String)
    }

    private let text: LibXMLTextReader
    private var reader: xmlTextReaderPtr { text.reader }
    private var path: String { text.path }
    /// The current node was consumed by `expand` or `skip`: the next call moves past it without reading into it.
    private var moved = false

    init(path: String) throws {
        text = try LibXMLTextReader(path: path)
    }

    /// The next event, nil at the end of the document; throws when the document is malformed or declares entities.
    func next() throws -> Event? {
        while true {
            let status = moved ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
            moved = false
            guard status == 1 else {
                try text.check(status)
                return nil
            }
            let type = xmlTextReaderNodeType(reader)
            let depth = Int(xmlTextReaderDepth(reader))
            switch type {
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                try text.refuseEntities(type)
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if depth == 0 { try text.refuseEntities(type) }
                guard let node = xmlTextReaderCurrentNode(reader) else { continue }
                return .start(NodeConversion.element(node, deep: false), depth: depth, isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(depth: depth)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                if let value = xmlTextReaderConstValue(reader) { return .text(String(cString: value)) }
            default:
                continue
            }
        }
    }

    /// The element whose start tag `next` just returned, copied whole; the next event follows its end tag.
    func expand() throws -> XElement {
        guard let node = xmlTextReaderExpand(reader) else {
            try text.check(-1)
            throw XMLInputError(path: path, reason: .malformed("the reader could not read the element", line: text.line))
        }
        let element = NodeConversion.element(node)
        moved = true
        return element
    }

    /// Leaves out the element whose start tag `next` just returned: the next event follows its end tag.
    func skip() { moved = true }


}
