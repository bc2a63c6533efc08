import Foundation
import Yams

/// The kinds of planning document of SCHEMA.md (`document.doc_type`).
public enum DocType: String, CaseIterable, Codable, Hashable, Sendable {
    case peg
    case performancePlan = "performance_plan"
    case piao
    case managementReport = "management_report"
    case other
}

/// The words `DocumentClassifier` looks for, read from the `document:` section of `labels.yml`.
public struct DocumentVocabulary: Hashable, Sendable {
    public struct TypeKeywords: Hashable, Sendable {
        public var type: DocType
        public var keywords: [String]
    }

    public struct ApprovalBody: Hashable, Sendable {
        /// Canonical name ("giunta_comunale").
        public var name: String
        public var spellings: [String]
    }

    /// Keywords per type, in priority order.
    public var types: [TypeKeywords]
    public var entePrefixes: [String]
    public var provincePrefixes: [String]
    public var referenceDateMarkers: [String]
    public var approvalMarkers: [String]
    /// Words before the number of an act ("n", "nr", "numero"), folded.
    public var actNumberMarkers: Set<String>
    public var approvalBodies: [ApprovalBody]
    /// Province name → two-letter code ("Brescia" → "BS").
    public var provinces: [String: String]

    public init(yaml: String) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw VocabularyError.notYAML(String(describing: error))
        }
        guard let root else { throw VocabularyError.notYAML("empty") }
        let document = root["document"] ?? root
        types = try Self.pairs(document["types"]).map { name, keywords in
            guard let type = DocType(rawValue: name) else { throw VocabularyError.unknownDocumentType(name) }
            return TypeKeywords(type: type, keywords: keywords)
        }
        entePrefixes = Self.strings(document["ente_prefixes"])
        provincePrefixes = Self.strings(document["province_prefixes"])
        referenceDateMarkers = Self.strings(document["reference_date_markers"])
        approvalMarkers = Self.strings(document["approval_markers"])
        actNumberMarkers = Set(Self.strings(document["act_number_markers"]).map(TextFolding.words))
        approvalBodies = try Self.pairs(document["approval_bodies"]).map { ApprovalBody(name: $0, spellings: $1) }
        provinces = Dictionary(
            (document["provinces"]?.mapping ?? [:]).compactMap { key, value in
                guard let name = key.string, let code = value.string else { return nil }
                return (TextFolding.words(name), code)
            },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// The vocabulary shipped with the module.
    public static func bundled() throws -> DocumentVocabulary {
        try DocumentVocabulary(yaml: BundledVocabulary.yaml())
    }

    private static func strings(_ node: Node?) -> [String] {
        node?.sequence?.compactMap(\.string) ?? []
    }

    /// An ordered `name: [strings]` mapping.
    private static func pairs(_ node: Node?) throws -> [(String, [String])] {
        guard let mapping = node?.mapping else { return [] }
        return try mapping.map { key, value in
            let name = key.string ?? ""
            guard value.sequence != nil else { throw VocabularyError.notAList(recordType: "document", field: name) }
            return (name, strings(value))
        }
    }
}
