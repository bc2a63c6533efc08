import Core
import Foundation
import Yams

/// Which XBRL facts are budget amounts and how they fill a `budget_line`, read from `Resources/xbrl-budget.yml`
/// (or with a pipeline's override: the `xbrl_budget:` section of the `labels:` file, each key it gives replacing
/// the bundled one). Every value is checked as it is read; an error names the file, the line and the key path.
public struct BudgetConceptMapping: Sendable {
    /// A concept rule: the local name's pattern, the fields it fixes, the direction.
    struct ConceptRule: Sendable {
        var pattern: Pattern
        var direction: String
        /// budget_line fields given as fixed values (title_code, description, total_level) and `amount`.
        var fixed: [String: String]
    }

    /// A dimension whose member fills a field (or `amount`).
    struct DimensionRule: Sendable {
        var dimension: String
        var field: String
        var pattern: Pattern
    }

    var namespaces: [String] = []
    var currencies: Set<String> = []
    /// Folded (lowercased) word → amounts column.
    var amountWords: [String: String] = [:]
    var dimensions: [DimensionRule] = []
    var concepts: [ConceptRule] = []

    static let bundledSource = "xbrl-budget.yml"
    static let sectionKey = "xbrl_budget"
    static let iso4217 = "http://www.xbrl.org/2003/iso4217"

    /// Fields a dimension may fill; `amount` chooses the amounts column.
    static let dimensionFields: Set<String> = ["title_code", "mission_code", "program_code", "macroaggregate", "chart_code",
                                               "chapter", "article", "description", "amount"]
    /// Named groups of a concept pattern → the field they fill.
    static let groupFields: [String: String] = ["title": "title_code", "mission": "mission_code", "program": "program_code",
                                                "macroaggregate": "macroaggregate", "chart": "chart_code", "chapter": "chapter",
                                                "article": "article", "amount": "amount"]
    /// Fixed values a concept rule may give.
    static let fixedKeys = ["title_code", "mission_code", "program_code", "macroaggregate", "chart_code", "description",
                            "amount", "total_level"]
    static let directions: Set<String> = ["revenue", "expenditure"]
    static var amountColumns: Set<String> { Set(Schema.amounts.map(\.name)) }

    /// The bundled mapping, every key given.
    public static func bundled() throws -> BudgetConceptMapping {
        try BudgetConceptMapping(yaml: BundledVocabulary.xbrlBudgetYAML(), source: bundledSource)
    }

    /// A complete mapping: a `xbrl_budget:` section with every key.
    public init(yaml: String, source: String) throws {
        let root = try VocabularyReader.root(of: yaml, source: source)
        for (key, _) in root.mapping ?? [:] where key.string != Self.sectionKey && key.string != "version" {
            throw VocabularyError.invalid(source: source, line: key.mark?.line, path: key.string ?? "", problem: "is not a known key")
        }
        guard let section = root[Self.sectionKey] else {
            throw VocabularyError.invalid(source: source, line: root.mark?.line, path: Self.sectionKey, problem: "is missing")
        }
        try read(section, source: source, requiresEveryKey: true)
    }

    init() {}

    /// This mapping with the `xbrl_budget:` section of an override file over it; the same when it has none.
    public func overridden(byYAML yaml: String, source: String) throws -> BudgetConceptMapping {
        guard let section = try VocabularyReader.root(of: yaml, source: source)[Self.sectionKey] else { return self }
        var result = self
        try result.read(section, source: source, requiresEveryKey: false)
        return result
    }

    private mutating func read(_ section: Node, source: String, requiresEveryKey: Bool) throws {
        var reader = try VocabularyReader(VocabularyValue(node: section, source: source, path: Self.sectionKey),
                                          requiresEveryKey: requiresEveryKey)
        try reader.update(&namespaces, "namespaces")
        try reader.update(&currencies, "currencies")
        try reader.update(&amountWords, "amount_words") { value in
            var words: [String: String] = [:]
            for (word, column) in try value.table({ try $0.oneOf(Self.amountColumns, what: "an amounts column") }) {
                words[word.lowercased()] = column
            }
            return words
        }
        try reader.update(&dimensions, "dimensions") { value in
            try value.list { item in
                try item.entry { entry in
                    let pattern = try entry.required("pattern") { try $0.pattern(groups: .atLeastOne) }
                    return DimensionRule(dimension: try entry.required("dimension") { try $0.string() },
                                         field: try entry.required("field") { try $0.oneOf(Self.dimensionFields, what: "a field") },
                                         pattern: pattern)
                }
            }
        }
        try reader.update(&concepts, "concepts") { value in
            try value.list { item in
                var entry = try VocabularyReader(item, requiresEveryKey: false)
                let pattern = try entry.required("pattern") { try $0.pattern(groups: .named(Set(Self.groupFields.keys))) }
                let direction = try entry.required("direction") { try $0.oneOf(Self.directions, what: "a direction") }
                var fixed: [String: String] = [:]
                for key in Self.fixedKeys {
                    let read: (VocabularyValue) throws -> String = key == "amount"
                        ? { try $0.oneOf(Self.amountColumns, what: "an amounts column") } : { try $0.string() }
                    if let text = try entry.value(key, read) { fixed[key] = text }
                }
                try entry.rejectUnknownKeys()
                return ConceptRule(pattern: pattern, direction: direction, fixed: fixed)
            }
        }
        try reader.rejectUnknownKeys()
    }
}

/// A compiled ICU regular expression (NSRegularExpression is immutable once made, so sharing it is safe).
final class Pattern: @unchecked Sendable {
    let source: String
    private let regex: NSRegularExpression
    let groupNames: [String]

    init(_ source: String) throws {
        self.source = source
        regex = try NSRegularExpression(pattern: source)
        groupNames = Self.namedGroups(in: source)
    }

    var captureGroups: Int { regex.numberOfCaptureGroups }

    /// The first match's groups: the numbered ones (1…) and the named ones, absent or empty groups left out.
    func match(_ text: String) -> (numbered: [String], named: [String: String])? {
        let whole = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: whole) else { return nil }
        func group(_ range: NSRange) -> String? {
            guard range.location != NSNotFound, let r = Range(range, in: text), !r.isEmpty else { return nil }
            return String(text[r])
        }
        let numbered = (0..<match.numberOfRanges).dropFirst().compactMap { group(match.range(at: $0)) }
        var named: [String: String] = [:]
        for name in groupNames { if let value = group(match.range(withName: name)) { named[name] = value } }
        return (numbered, named)
    }

    /// `(?<name>` groups, in order.
    static func namedGroups(in pattern: String) -> [String] {
        var names: [String] = []
        var rest = Substring(pattern)
        while let start = rest.range(of: "(?<") {
            let after = rest[start.upperBound...]
            // (?<= and (?<! are lookbehinds, not names.
            if let first = after.first, first == "=" || first == "!" { rest = after; continue }
            let name = after.prefix { $0 != ">" }
            names.append(String(name))
            rest = after.dropFirst(name.count)
        }
        return names
    }
}

extension VocabularyValue {
    enum GroupRule { case atLeastOne, named(Set<String>) }

    func pattern(groups: GroupRule) throws -> Pattern {
        let text = try string()
        let pattern: Pattern
        do {
            pattern = try Pattern(text)
        } catch {
            throw problem("is not a valid regular expression (\(text))")
        }
        switch groups {
        case .atLeastOne:
            guard pattern.captureGroups >= 1 else { throw problem("needs a group: (…) holds the field's value") }
        case .named(let allowed):
            if let unknown = pattern.groupNames.first(where: { !allowed.contains($0) }) {
                throw problem("names a group \(unknown) that fills no field (known: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        return pattern
    }

    func oneOf(_ allowed: Set<String>, what: String) throws -> String {
        let text = try string()
        guard allowed.contains(text) else { throw problem("must be \(what): one of \(allowed.sorted().joined(separator: ", "))") }
        return text
    }
}
