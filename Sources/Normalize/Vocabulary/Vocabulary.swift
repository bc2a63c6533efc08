import Foundation
import Yams

/// The words and phrases the record builders and value parsers look for besides the labels of `labels.yml`,
/// read from `Resources/vocabulary.yml`:
///
/// ```yaml
/// vocabulary:
///   listings:   { total_words: ["totale", "totali", "tot"], … }
///   objectives: { point_words: ["punti", …], … }
///   values:     { boolean_true: ["si", …], … }
/// ```
///
/// The bundled file gives every key. A pipeline's override (the `labels:` file of pipeline.yml, `--labels`)
/// may carry a `vocabulary:` section of the same shape with only some keys: each key it gives replaces the
/// bundled value of that key whole (a list replaces the list).
public struct Vocabulary: Sendable {
    var listings: ListingVocabulary
    var objectives: ObjectiveVocabulary
    public var values: ValueVocabulary

    /// How the bundled file is named in errors.
    static let bundledSource = "vocabulary.yml"
    /// Top-level keys of a complete vocabulary file besides `vocabulary:`.
    static let fileKeys: Set<String> = ["version"]

    /// A complete vocabulary: every key of every section given.
    init(yaml: String, source: String) throws {
        self.init(listings: ListingVocabulary(), objectives: ObjectiveVocabulary(), values: ValueVocabulary())
        let root = try VocabularyReader.root(of: yaml, source: source)
        try Self.rejectUnknownFileKeys(root, source: source)
        guard let section = root["vocabulary"] else {
            throw VocabularyError.invalid(source: source, line: root.mark?.line, path: "vocabulary", problem: "is missing")
        }
        try read(section, source: source, requiresEveryKey: true)
    }

    private init(listings: ListingVocabulary, objectives: ObjectiveVocabulary, values: ValueVocabulary) {
        self.listings = listings
        self.objectives = objectives
        self.values = values
    }

    /// The vocabulary shipped with the module.
    public static func bundled() throws -> Vocabulary {
        try Vocabulary(yaml: BundledVocabulary.vocabularyYAML(), source: bundledSource)
    }

    /// The bundled vocabulary, for the defaults of the builders and parsers. The file is part of the build and
    /// `VocabularyResourceTests` reads it: an unreadable one is a defect of the build, reported as it stops.
    static let shipped: Vocabulary = {
        do {
            return try bundled()
        } catch {
            fatalError("\(error)")
        }
    }()

    /// This vocabulary with the `vocabulary:` section of an override file (YAML text) over it; the same when
    /// the file has none. `source` names the file in errors.
    public func overridden(byYAML yaml: String, source: String) throws -> Vocabulary {
        guard let section = try VocabularyReader.root(of: yaml, source: source)["vocabulary"] else { return self }
        var result = self
        try result.read(section, source: source, requiresEveryKey: false)
        return result
    }

    private mutating func read(_ section: Node, source: String, requiresEveryKey: Bool) throws {
        var reader = try VocabularyReader(VocabularyValue(node: section, source: source, path: ""), requiresEveryKey: requiresEveryKey)
        let (listings, objectives, values) = (self.listings, self.objectives, self.values)
        self.listings = try reader.value("listings") { try $0.section(into: listings, requiresEveryKey: requiresEveryKey) } ?? listings
        self.objectives = try reader.value("objectives") { try $0.section(into: objectives, requiresEveryKey: requiresEveryKey) } ?? objectives
        self.values = try reader.value("values") { try $0.section(into: values, requiresEveryKey: requiresEveryKey) } ?? values
        try reader.rejectUnknownKeys()
    }

    private static func rejectUnknownFileKeys(_ root: Node, source: String) throws {
        for (key, _) in root.mapping ?? [:] {
            let name = key.string ?? ""
            guard name != "vocabulary", !fileKeys.contains(name) else { continue }
            throw VocabularyError.invalid(source: source, line: key.mark?.line, path: name, problem: "is not a known key")
        }
    }
}

/// A section of the vocabulary: its keys read over the current values.
protocol VocabularySection {
    mutating func read(_ reader: inout VocabularyReader) throws
}

extension VocabularyValue {
    /// `current` with the keys of this mapping read over it.
    func section<Section: VocabularySection>(into current: Section, requiresEveryKey: Bool) throws -> Section {
        var section = current
        var reader = try VocabularyReader(self, requiresEveryKey: requiresEveryKey)
        try section.read(&reader)
        try reader.rejectUnknownKeys()
        return section
    }
}
