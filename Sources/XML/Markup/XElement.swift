/// An element of a parsed markup document, in plain Swift (libxml2's tree is freed once this is built).
public struct XElement: Sendable, Hashable {
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var namespace: String?
        public var value: String
    }

    /// Local name (lowercased for HTML parsed as tag soup), prefix as written, namespace URI.
    public var name: String
    public var prefix: String?
    public var namespace: String?
    public var attributes: [Attribute]
    public var children: [XNode]
    /// Namespaces this element declares: prefix ("" for the default namespace) → URI. QNames in text (XBRL
    /// measures and members) are resolved through them.
    public var declaredNamespaces: [String: String]

    public init(name: String, prefix: String? = nil, namespace: String? = nil, attributes: [Attribute] = [], children: [XNode] = [],
                declaredNamespaces: [String: String] = [:]) {
        self.name = name
        self.prefix = prefix
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.declaredNamespaces = declaredNamespaces
    }

    /// The name as written: `w:tbl`, `table`.
    public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }

    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }?.value
    }

    public var elements: [XElement] {
        children.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    public func child(_ name: String, namespace: String? = nil) -> XElement? {
        elements.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    public func children(_ name: String, namespace: String? = nil) -> [XElement] {
        elements.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// Every text below, in document order.
    public var textContent: String {
        children.map { node in
            switch node {
            case .text(let text): return text
            case .element(let element): return element.textContent
            }
        }.joined()
    }

    /// The children as (element, XPath-like step) pairs: `name[i]` among same-named siblings, `name` when the
    /// element is the only one of its name (as libxml2's xmlGetNodePath writes it).
    public func elementSteps() -> [(element: XElement, step: String)] {
        let elements = self.elements
        var totals: [String: Int] = [:]
        for element in elements { totals[element.qualifiedName, default: 0] += 1 }
        var seen: [String: Int] = [:]
        return elements.map { element in
            let name = element.qualifiedName
            seen[name, default: 0] += 1
            return (element, totals[name]! > 1 ? "\(name)[\(seen[name]!)]" : name)
        }
    }
}

public enum XNode: Sendable, Hashable {
    case element(XElement)
    case text(String)
}
