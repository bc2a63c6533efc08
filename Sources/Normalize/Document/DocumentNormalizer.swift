import Core
import Foundation

/// The Normalize stage for one document: classifies it (ente, type, period), then runs the record builders
/// over its blocks and tables in reading order. Tables no builder claimed become generic `table` records:
/// nothing is dropped.
public struct DocumentNormalizer {
    public var builders: [RecordBuilder]
    public let labels: LabelMatcher
    public let classifier: DocumentClassifier
    /// The builders' and value parsers' words (`Resources/vocabulary.yml`, or with a pipeline's override).
    public let vocabulary: Vocabulary
    /// How many characters of the first pages the classifier reads.
    public var classificationWindow = 6000
    /// XBRL facts → fact and budget_line records (`Resources/xbrl-budget.yml`, or with a pipeline's override).
    public var xbrl: XBRLRecordMaker

    public init(labels: LabelMatcher, classifier: DocumentClassifier, vocabulary: Vocabulary? = nil,
                builders: [RecordBuilder]? = nil, xbrl: XBRLRecordMaker? = nil) {
        self.labels = labels
        self.classifier = classifier
        self.vocabulary = vocabulary ?? .shipped
        self.builders = builders ?? DocumentNormalizer.standardBuilders(self.vocabulary)
        self.xbrl = xbrl ?? .shipped
    }

    /// With the label dictionary, document vocabulary and builder vocabulary shipped in the package.
    public static func bundled() throws -> DocumentNormalizer {
        try DocumentNormalizer(labels: .bundled(), classifier: .bundled(), vocabulary: .bundled())
    }

    /// The bundled normalizer with a user's override file merged over the built-in data: its labels (YAML, same
    /// layout as Resources/labels.yml) before the built-in ones, and the keys of its `vocabulary:` section (same
    /// layout as Resources/vocabulary.yml) and of its `xbrl_budget:` section (same layout as
    /// Resources/xbrl-budget.yml) in place of the built-in values. Throws `LabelOverrideError` naming the file
    /// when it cannot be read.
    public static func bundled(labelOverrides path: String?) throws -> DocumentNormalizer {
        var dictionary = try LabelDictionary.bundled()
        var vocabulary = try Vocabulary.bundled()
        var budget = try BudgetConceptMapping.bundled()
        if let path {
            do {
                let yaml = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
                dictionary = dictionary.merging(try LabelDictionary(yaml: yaml))
                vocabulary = try vocabulary.overridden(byYAML: yaml, source: path)
                budget = try budget.overridden(byYAML: yaml, source: path)
            } catch {
                throw LabelOverrideError(path: path, error: error)
            }
        }
        return DocumentNormalizer(labels: LabelMatcher(dictionary: dictionary), classifier: try .bundled(), vocabulary: vocabulary,
                                  xbrl: XBRLRecordMaker(budget: budget))
    }

    /// The builders, most specific layouts first.
    public static func standardBuilders(_ vocabulary: Vocabulary) -> [RecordBuilder] {
        objectiveBuilders(vocabulary.objectives) + listingBuilders(vocabulary.listings)
    }

    public func normalize(file: FileFacts, blocks: [Block], tables: [Table]) -> NormalizedDocument {
        normalize(file: file, items: DocumentItem.readingOrder(blocks: blocks, tables: tables))
    }

    /// Items already in reading order (markup inputs: document order, which their geometry-less boxes cannot tell).
    public func normalize(file: FileFacts, items: [DocumentItem]) -> NormalizedDocument {
        let document = classify(file, items: items)
        let values = ValueParser(options: .init(referenceYear: document.periodStart), vocabulary: vocabulary.values)
        var context = DocumentContext(document: document, items: items, labels: labels, values: values)
        var records: [Record] = []
        for builder in builders { records += builder.build(in: &context) }
        records += TableRecordBuilder().build(in: &context)
        return NormalizedDocument(document: document, records: records)
    }

    private func classify(_ file: FileFacts, items: [DocumentItem]) -> DocumentInfo {
        var text = ""
        // Counted piece by piece, not the whole text again per item: each piece ends with a line feed, after which
        // no character joins the next one, so the pieces' counts add up to the text's.
        var length = 0
        for item in items where length < classificationWindow {
            let piece: String
            switch item {
            case .block(let block): piece = block.text + "\n"
            case .table(_, let table): piece = table.rows.prefix(3).map { $0.joined(separator: " ") }.joined(separator: "\n") + "\n"
            }
            text += piece
            length += piece.count
        }
        let found = classifier.classify(text)
        return DocumentInfo(sha256: file.sha256, fileName: file.fileName, inputPath: file.inputPath, format: file.format, ente: found.ente,
                            docType: found.docType.rawValue, periodStart: found.periodStart, periodEnd: found.periodEnd,
                            referenceDate: found.referenceDate, approvalAct: found.approvalAct?.text)
    }
}

public struct LabelOverrideError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// Whether `reason` names the file and line itself (a vocabulary value's error).
    public var reasonIsLocated = false

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, error: Error) {
        self.init(path: path, reason: ErrorText.reason(error))
        if let vocabularyError = error as? VocabularyError, case .invalid = vocabularyError { reasonIsLocated = true }
    }

    public var description: String {
        reasonIsLocated ? reason : "\(path): cannot read the label dictionary (\(reason))"
    }
}

/// What is known of an input file before it is read.
public struct FileFacts: Hashable, Sendable {
    public var sha256: String
    public var fileName: String
    /// The records' `document.input_path` (see `DocumentInfo.inputPath`).
    public var inputPath: String?
    public var format: String

    public init(sha256: String, fileName: String, inputPath: String? = nil, format: String) {
        self.sha256 = sha256
        self.fileName = fileName
        self.inputPath = inputPath
        self.format = format
    }
}

public struct NormalizedDocument: Sendable {
    public var document: DocumentInfo
    public var records: [Record]

    public func count(of type: RecordType) -> Int { records.filter { $0.type == type }.count }
    public var warningCount: Int { records.reduce(0) { $0 + $1.warnings.count } }
}
