import Core
import Foundation
import Yams

/// Why a vocabulary file (`labels.yml`, `vocabulary.yml` or an override) could not be read.
public enum VocabularyError: Error, Equatable, CustomStringConvertible {
    case notYAML(String)
    case unknownRecordType(String)
    case unknownDocumentType(String)
    case notAList(recordType: String, field: String)
    /// A bundled resource (its file name) is not in the module's bundle.
    case missingResource(String)
    /// A value of `vocabulary.yml` or of an override's `vocabulary:` section: `source` is the file (or
    /// "bundled vocabulary"), `path` the key path below `vocabulary:`.
    case invalid(source: String, line: Int?, path: String, problem: String)

    public var description: String {
        switch self {
        case .notYAML(let reason): return "label dictionary is not valid YAML: \(reason)"
        case .unknownRecordType(let name): return "label dictionary: unknown record type \"\(name)\""
        case .unknownDocumentType(let name): return "document vocabulary: unknown document type \"\(name)\""
        case .notAList(let type, let field): return "label dictionary: \(type).\(field) must be a list of labels"
        case .missingResource(let name): return "the bundled \(name) is missing"
        case .invalid(let source, let line, let path, let problem):
            return "\(source)\(line.map { ":\($0)" } ?? ""): \(path) \(problem)"
        }
    }
}

/// Canonical fields of each record type with the Italian labels documents use for them, read
/// from YAML (`Resources/labels.yml`, or a pipeline's override):
///
/// ```yaml
/// labels:
///   objective:
///     timeframe: ["Tempi di raggiungimento dell'obiettivo", "Orizzonte temporale"]
/// ```
///
/// The `labels:` level may be left out in an override. Order matters: it breaks ties.
public struct LabelDictionary: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public var name: String
        public var labels: [String]

        public init(name: String, labels: [String]) {
            self.name = name
            self.labels = labels
        }
    }

    /// Fields per record type, in dictionary order.
    public private(set) var fields: [RecordType: [Field]]

    public init(fields: [RecordType: [Field]] = [:]) {
        self.fields = fields
    }

    /// Reads a dictionary from YAML text.
    public init(yaml: String) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw VocabularyError.notYAML(String(describing: error))
        }
        self.init()
        guard let root, let mapping = (root["labels"] ?? root).mapping else { return }
        for (typeNode, fieldsNode) in mapping {
            let typeName = typeNode.string ?? ""
            guard let type = RecordType(rawValue: typeName) else {
                if Self.ignoredTopLevelKeys.contains(typeName) && root["labels"] == nil { continue }
                throw VocabularyError.unknownRecordType(typeName)
            }
            fields[type] = try Self.readFields(fieldsNode, type: typeName)
        }
    }

    /// Reads a dictionary from a YAML file.
    public init(contentsOf url: URL) throws {
        try self.init(yaml: String(contentsOf: url, encoding: .utf8))
    }

    /// The dictionary shipped with the module (`Resources/labels.yml`).
    public static func bundled() throws -> LabelDictionary {
        try LabelDictionary(yaml: BundledVocabulary.yaml())
    }

    /// Both dictionaries' labels; for a field present in both, `other`'s labels come first,
    /// and fields new in `other` follow this dictionary's fields.
    public func merging(_ other: LabelDictionary) -> LabelDictionary {
        var merged = self
        for (type, otherFields) in other.fields {
            var current = merged.fields[type] ?? []
            for field in otherFields {
                if let index = current.firstIndex(where: { $0.name == field.name }) {
                    current[index].labels = Self.uniqued(field.labels + current[index].labels)
                } else {
                    current.append(field)
                }
            }
            merged.fields[type] = current
        }
        return merged
    }

    /// The labels of one field, empty when the field is unknown.
    public func labels(for type: RecordType, field: String) -> [String] {
        fields[type]?.first { $0.name == field }?.labels ?? []
    }

    /// Keys of a whole `labels.yml` that are not record types (read by other parts of the module).
    static let ignoredTopLevelKeys: Set<String> = ["version", "document", "vocabulary", "xbrl_budget"]

    private static func readFields(_ node: Node, type: String) throws -> [Field] {
        guard let mapping = node.mapping else { return [] }
        return try mapping.map { nameNode, labelsNode in
            let name = nameNode.string ?? ""
            guard let list = labelsNode.sequence else {
                throw VocabularyError.notAList(recordType: type, field: name)
            }
            return Field(name: name, labels: list.compactMap(\.string))
        }
    }

    private static func uniqued(_ labels: [String]) -> [String] {
        var seen = Set<String>()
        return labels.filter { seen.insert($0).inserted }
    }
}

/// The YAML text of the bundled `labels.yml` (labels and document words) and `vocabulary.yml` (builder and
/// value-parser words).
enum BundledVocabulary {
    static func yaml() throws -> String {
        try resource("labels")
    }

    static func vocabularyYAML() throws -> String {
        try resource("vocabulary")
    }

    static func xbrlBudgetYAML() throws -> String {
        try resource("xbrl-budget")
    }

    private static func resource(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "yml") else {
            throw VocabularyError.missingResource(name + ".yml")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
