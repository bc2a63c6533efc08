import Core
import Foundation

enum XBRLNamespace {
    static let instance = "http://www.xbrl.org/2003/instance"
    static let linkbase = "http://www.xbrl.org/2003/linkbase"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let dimensions = "http://xbrl.org/2006/xbrldi"
    static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"
}

/// Reads an XBRL instance as a stream (xmlTextReader): contexts, units and schema references are kept, each fact
/// is handed over as soon as it is read, so a file of millions of facts is read in bounded memory.
public struct XBRLReader: Sendable {
    public init() {}

    /// The whole instance, facts collected.
    public func instance(path: String) throws -> XBRLInstance {
        var facts: [XBRLFact] = []
        var instance = try read(path: path) { facts.append($0) }
        instance.facts = facts
        instance.issues = Self.danglingReferences(facts, in: instance)
        return instance
    }

    /// Contexts, units and schema references; facts go to `fact` one by one (the returned instance has none).
    public func read(path: String, fact: (XBRLFact) throws -> Void) throws -> XBRLInstance {
        try read(path: path, factsToo: true, fact: fact)
    }

    /// Contexts, units and schema references only: facts are skipped without being copied (a first pass, so that
    /// every fact of the second finds its context and unit wherever in the file they are defined).
    public func header(path: String) throws -> XBRLInstance {
        try read(path: path, factsToo: false) { _ in }
    }

    private func read(path: String, factsToo: Bool, fact: (XBRLFact) throws -> Void) throws -> XBRLInstance {
        var instance = XBRLInstance()
        var scope = NamespaceScope()
        var rootPath = ""
        var steps = StepCounter()
        let reader = try XMLStreamReader(path: path)
        let headerOnly: (String, String?) -> Bool = { _, namespace in
            namespace == XBRLNamespace.instance || namespace == XBRLNamespace.linkbase
        }
        let select: ((String, String?) -> Bool)? = factsToo ? nil : headerOnly
        try reader.read(root: { root in
            guard root.name == "xbrl", root.namespace == XBRLNamespace.instance else {
                throw XMLInputError(path: path, reason: .invalidXBRL("the root is <\(root.qualifiedName)>, not xbrli:xbrl"))
            }
            scope.push(root)
            rootPath = "/" + root.qualifiedName
        }, select: select, child: { element in
            do {
                let elementPath = rootPath + "/" + steps.step(element)
                try self.topLevel(element, path: elementPath, scope: scope, into: &instance, fact: fact)
            } catch let error as XBRLProblem {
                throw XMLInputError(path: path, reason: .invalidXBRL(error.message))
            }
        })
        return instance
    }

    private func topLevel(_ element: XElement, path: String, scope: NamespaceScope, into instance: inout XBRLInstance,
                          fact: (XBRLFact) throws -> Void) throws {
        var scope = scope
        scope.push(element)
        switch (element.namespace, element.name) {
        case (XBRLNamespace.instance, "context"):
            let context = try XBRLParts.context(element, scope: scope)
            instance.contexts[context.id] = context
        case (XBRLNamespace.instance, "unit"):
            let unit = try XBRLParts.unit(element, scope: scope)
            instance.units[unit.id] = unit
        case (XBRLNamespace.linkbase, "schemaRef"):
            if let href = element.attribute("href", namespace: XBRLNamespace.xlink) { instance.schemaRefs.append(href) }
        case (XBRLNamespace.linkbase, _), (XBRLNamespace.instance, _):
            break
        default:
            try XBRLParts.facts(element, path: path, scope: scope, into: fact)
        }
    }

    static func danglingReferences(_ facts: [XBRLFact], in instance: XBRLInstance) -> [String] {
        var issues: [String] = []
        for fact in facts {
            if instance.contexts[fact.contextRef] == nil { issues.append("fact \(fact.concept.localName) refers to undefined context \(fact.contextRef)") }
            if let unit = fact.unitRef, instance.units[unit] == nil { issues.append("fact \(fact.concept.localName) refers to undefined unit \(unit)") }
        }
        return issues
    }
}

/// XPath steps of a parent's element children as they stream by: `name[n]`, the n-th of that qualified name.
struct StepCounter {
    private var seen: [String: Int] = [:]

    mutating func step(_ element: XElement) -> String {
        let name = element.qualifiedName
        let index = (seen[name] ?? 0) + 1
        seen[name] = index
        return "\(name)[\(index)]"
    }
}

struct XBRLProblem: Error {
    var message: String
}

/// Prefix → namespace bindings in scope, innermost last.
struct NamespaceScope {
    private var bindings: [String: String] = [:]

    mutating func push(_ element: XElement) {
        bindings.merge(element.declaredNamespaces) { _, new in new }
    }

    /// `prefix:local` (or `local`, in the default namespace) resolved; nil for an unbound prefix.
    func resolve(_ text: String) -> XBRLQName? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let parts = trimmed.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 1 { return XBRLQName(namespace: bindings[""], localName: parts[0]) }
        guard let namespace = bindings[parts[0]] else { return nil }
        return XBRLQName(namespace: namespace, localName: parts[1], prefix: parts[0])
    }

    func within(_ element: XElement) -> NamespaceScope {
        var scope = self
        scope.push(element)
        return scope
    }
}

/// The parts of an instance, each from its element.
enum XBRLParts {
    static func context(_ element: XElement, scope: NamespaceScope) throws -> XBRLContext {
        guard let id = element.attribute("id") else { throw XBRLProblem(message: "a context has no id") }
        guard let entity = element.child("entity", namespace: XBRLNamespace.instance),
              let identifier = entity.child("identifier", namespace: XBRLNamespace.instance) else {
            throw XBRLProblem(message: "context \(id) has no entity identifier")
        }
        guard let periodElement = element.child("period", namespace: XBRLNamespace.instance) else {
            throw XBRLProblem(message: "context \(id) has no period")
        }
        var members: [XBRLMember] = []
        let entityScope = scope.within(entity)
        if let segment = entity.child("segment", namespace: XBRLNamespace.instance) {
            members += try self.members(segment, container: .segment, scope: entityScope.within(segment), context: id)
        }
        if let scenario = element.child("scenario", namespace: XBRLNamespace.instance) {
            members += try self.members(scenario, container: .scenario, scope: scope.within(scenario), context: id)
        }
        return XBRLContext(id: id, entityScheme: identifier.attribute("scheme") ?? "", entityIdentifier: trimmed(identifier.textContent),
                           period: try period(periodElement, context: id), members: members)
    }

    static func period(_ element: XElement, context: String) throws -> XBRLPeriod {
        let child = { (name: String) in element.child(name, namespace: XBRLNamespace.instance).map { trimmed($0.textContent) } }
        if let instant = child("instant") { return .instant(instant) }
        if let start = child("startDate"), let end = child("endDate") { return .duration(start: start, end: end) }
        if child("forever") != nil { return .forever }
        throw XBRLProblem(message: "context \(context) has a period that is neither instant, start/end nor forever")
    }

    static func members(_ container: XElement, container kind: XBRLMember.Container, scope: NamespaceScope, context: String) throws -> [XBRLMember] {
        try container.elements.compactMap { member in
            guard member.namespace == XBRLNamespace.dimensions else { return nil }
            let memberScope = scope.within(member)
            guard let dimension = member.attribute("dimension").flatMap(memberScope.resolve) else {
                throw XBRLProblem(message: "context \(context) has a member without a resolvable dimension")
            }
            switch member.name {
            case "explicitMember":
                guard let value = memberScope.resolve(member.textContent) else {
                    throw XBRLProblem(message: "context \(context): explicit member \(dimension.localName) has no resolvable QName")
                }
                return XBRLMember(dimension: dimension, value: .explicit(value), container: kind)
            case "typedMember":
                guard let holder = member.elements.first else {
                    throw XBRLProblem(message: "context \(context): typed member \(dimension.localName) has no value element")
                }
                let name = XBRLQName(namespace: holder.namespace, localName: holder.name, prefix: holder.prefix)
                return XBRLMember(dimension: dimension, value: .typed(element: name, value: trimmed(holder.textContent)), container: kind)
            default:
                return nil
            }
        }
    }

    static func unit(_ element: XElement, scope: NamespaceScope) throws -> XBRLUnit {
        guard let id = element.attribute("id") else { throw XBRLProblem(message: "a unit has no id") }
        func measures(_ parent: XElement) -> [XBRLQName] {
            let inner = scope.within(parent)
            return parent.children("measure", namespace: XBRLNamespace.instance).compactMap { inner.within($0).resolve($0.textContent) }
        }
        if let divide = element.child("divide", namespace: XBRLNamespace.instance) {
            let inner = divide
            guard let numerator = inner.child("unitNumerator", namespace: XBRLNamespace.instance),
                  let denominator = inner.child("unitDenominator", namespace: XBRLNamespace.instance) else {
                throw XBRLProblem(message: "unit \(id) divides without numerator and denominator")
            }
            return XBRLUnit(id: id, numerator: measures(numerator), denominator: measures(denominator))
        }
        let numerator = measures(element)
        guard !numerator.isEmpty else { throw XBRLProblem(message: "unit \(id) has no measure") }
        return XBRLUnit(id: id, numerator: numerator)
    }

    /// An item fact, or the item facts inside a tuple (flattened), each with its path.
    static func facts(_ element: XElement, path: String, scope: NamespaceScope, into handle: (XBRLFact) throws -> Void) throws {
        let concept = XBRLQName(namespace: element.namespace, localName: element.name, prefix: element.prefix)
        guard let contextRef = element.attribute("contextRef") else {
            var steps = StepCounter()
            for child in element.elements {
                try facts(child, path: path + "/" + steps.step(child), scope: scope.within(child), into: handle)
            }
            return
        }
        let isNil = element.attribute("nil", namespace: XBRLNamespace.schemaInstance).map { $0 == "true" || $0 == "1" } ?? false
        try handle(XBRLFact(concept: concept, id: element.attribute("id"), contextRef: contextRef, unitRef: element.attribute("unitRef"),
                            decimals: element.attribute("decimals"), precision: element.attribute("precision"),
                            value: isNil ? "" : trimmed(element.textContent), isNil: isNil, xpath: path))
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
