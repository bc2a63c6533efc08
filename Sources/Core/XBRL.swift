// An XBRL instance's parts as plain values (read by the XML module's `XBRLReader`, mapped to records by Normalize).

/// A qualified name with its namespace resolved (`bdap:SpeseCorrenti` → namespace + local name).
public struct XBRLQName: Sendable, Hashable, CustomStringConvertible {
    public var namespace: String?
    public var localName: String
    /// The prefix as written in the instance.
    public var prefix: String?

    public init(namespace: String?, localName: String, prefix: String? = nil) {
        self.namespace = namespace
        self.localName = localName
        self.prefix = prefix
    }

    /// Clark notation: `{namespace}localName`.
    public var description: String { namespace.map { "{\($0)}\(localName)" } ?? localName }
}

public enum XBRLPeriod: Sendable, Hashable {
    case instant(String)
    case duration(start: String, end: String)
    case forever
}

/// A dimension member of a context's segment or scenario.
public struct XBRLMember: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// `xbrldi:explicitMember`: the member's QName.
        case explicit(XBRLQName)
        /// `xbrldi:typedMember`: the element holding the value, and its text.
        case typed(element: XBRLQName, value: String)
    }

    public enum Container: String, Sendable, Hashable { case segment, scenario }

    public var dimension: XBRLQName
    public var value: Value
    public var container: Container

    public init(dimension: XBRLQName, value: Value, container: Container) {
        self.dimension = dimension
        self.value = value
        self.container = container
    }
}

public struct XBRLContext: Sendable, Hashable {
    public var id: String
    public var entityScheme: String
    public var entityIdentifier: String
    public var period: XBRLPeriod
    public var members: [XBRLMember]

    public init(id: String, entityScheme: String, entityIdentifier: String, period: XBRLPeriod, members: [XBRLMember] = []) {
        self.id = id
        self.entityScheme = entityScheme
        self.entityIdentifier = entityIdentifier
        self.period = period
        self.members = members
    }
}

/// A unit: its measures, or a ratio (`xbrli:divide`) of numerator over denominator measures.
public struct XBRLUnit: Sendable, Hashable {
    public var id: String
    public var numerator: [XBRLQName]
    public var denominator: [XBRLQName]

    public init(id: String, numerator: [XBRLQName], denominator: [XBRLQName] = []) {
        self.id = id
        self.numerator = numerator
        self.denominator = denominator
    }

    public var isDivide: Bool { !denominator.isEmpty }
}

public struct XBRLFact: Sendable, Hashable {
    public var concept: XBRLQName
    public var id: String?
    public var contextRef: String
    public var unitRef: String?
    /// As written: an integer or "INF".
    public var decimals: String?
    public var precision: String?
    /// The text content, trimmed ("" for a nil fact).
    public var value: String
    public var isNil: Bool
    /// Where the fact is in the instance: `/xbrli:xbrl/bdap:Voce[3]` (the n-th element of that name below its
    /// parent; tuples add their steps).
    public var xpath: String?

    public init(concept: XBRLQName, id: String? = nil, contextRef: String, unitRef: String? = nil, decimals: String? = nil,
                precision: String? = nil, value: String, isNil: Bool = false, xpath: String? = nil) {
        self.concept = concept
        self.id = id
        self.contextRef = contextRef
        self.unitRef = unitRef
        self.decimals = decimals
        self.precision = precision
        self.value = value
        self.isNil = isNil
        self.xpath = xpath
    }
}

/// An XBRL instance (BDAP schemas under http://www.rgs.mef.gov.it/xbrl/bdap/): schema references, contexts,
/// units and facts, as written. Facts whose context or unit is not defined are listed in `issues`.
public struct XBRLInstance: Sendable, Hashable {
    public var schemaRefs: [String] = []
    public var contexts: [String: XBRLContext] = [:]
    public var units: [String: XBRLUnit] = [:]
    public var facts: [XBRLFact] = []
    public var issues: [String] = []

    public init() {}

    public func context(of fact: XBRLFact) -> XBRLContext? { contexts[fact.contextRef] }
    public func unit(of fact: XBRLFact) -> XBRLUnit? { fact.unitRef.flatMap { units[$0] } }
}
