import CLibXML2
import Foundation

/// Copies libxml2 nodes into `XElement`s. Used only by the wrapper classes that own the libxml2 document, while
/// they hold it: no libxml2 pointer is kept or returned.
enum NodeConversion {
    static func element(_ node: xmlNodePtr, deep: Bool = true) -> XElement {
        var element = XElement(name: string(node.pointee.name) ?? "")
        if let ns = node.pointee.ns {
            element.prefix = string(ns.pointee.prefix)
            element.namespace = string(ns.pointee.href)
        }
        element.attributes = attributes(of: node)
        var declaration = node.pointee.nsDef
        while let current = declaration {
            element.declaredNamespaces[string(current.pointee.prefix) ?? ""] = string(current.pointee.href) ?? ""
            declaration = current.pointee.next
        }
        if deep { element.children = children(of: node) }
        return element
    }

    private static func children(of node: xmlNodePtr) -> [XNode] {
        var result: [XNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: result.append(.element(element(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let text = string(current.pointee.content) { result.append(.text(text)) }
            default: break
            }
            child = current.pointee.next
        }
        return result
    }

    private static func attributes(of node: xmlNodePtr) -> [XElement.Attribute] {
        var result: [XElement.Attribute] = []
        var property = node.pointee.properties
        while let current = property {
            var value = ""
            var child = current.pointee.children
            while let text = child {
                value += string(text.pointee.content) ?? ""
                child = text.pointee.next
            }
            let name = string(current.pointee.name) ?? ""
            result.append(XElement.Attribute(name: name, namespace: current.pointee.ns.flatMap { string($0.pointee.href) }, value: value))
            property = current.pointee.next
        }
        return result
    }

    static func string(_ text: UnsafePointer<xmlChar>?) -> String? {
        text.map { String(cString: $0) }
    }

    /// True when the document's internal DTD subset declares entities.
    static func declaresEntities(_ doc: xmlDocPtr?) -> Bool {
        guard let doc else { return false }
        return doc.pointee.intSubset?.pointee.entities != nil || doc.pointee.extSubset?.pointee.entities != nil
    }
}

/// The first error libxml2 reported, as plain values.
struct LibXMLFailure {
    var code: Int32
    var message: String
    var line: Int32

    init(code: Int32, message: String, line: Int32) {
        self.code = code
        self.message = message
        self.line = line
    }

    init(_ error: UnsafePointer<xmlError>) {
        code = error.pointee.code
        message = (error.pointee.message.map { String(cString: $0) } ?? "unknown error").trimmingCharacters(in: .whitespacesAndNewlines)
        line = error.pointee.line
    }

    var reason: XMLInputError.Reason {
        if code == Int32(XML_ERR_ENTITY_LOOP.rawValue) { return .entityExpansion }
        if code == Int32(XML_ERR_INVALID_ENCODING.rawValue) || code == Int32(XML_ERR_UNKNOWN_ENCODING.rawValue)
            || (code == Int32(XML_ERR_INVALID_CHAR.rawValue) && message.contains("UTF-8")) {
            return .badEncoding(line: Int(line))
        }
        return .malformed(message, line: Int(line))
    }
}

