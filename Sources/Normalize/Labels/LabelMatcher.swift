import Foundation
import Core
/// A raw label recognised as a canonical field.
public struct LabelMatch: Hashable, Sendable {
    public enum Quality: Hashable, Sendable {
        /// Same words once case, accents, apostrophes, markup, punctuation and spaces are ignored.
        case exact
        /// The raw label starts with the dictionary label and goes on ("Valore atteso Rispetto scadenze").
        case prefix
        /// Within a few typing errors of the dictionary label (long labels only).
        case fuzzy(edits: Int)
    }

    public var recordType: RecordType
    public var field: String
    /// The dictionary label that matched.
    public var label: String
    public var quality: Quality
}

/// Maps raw labels ("<b>Tempi di raggiungimento dell’obiettivo:</b>", "% partecipazion e",
/// "OBBIETTIVO") to `(recordType, field)` through a `LabelDictionary`.
///
/// An exact match wins; otherwise the candidate covering most of the label wins: a dictionary
/// label the raw one starts with counts its length, a fuzzy match counts the label's length
/// less `Settings.editPenalty` per edit. Ties go to dictionary order. Unknown labels give nil.
public struct LabelMatcher: Sendable {
    public struct Settings: Sendable, Hashable {
        /// Shortest label (letters and digits, spaces ignored) compared with edits allowed.
        public var fuzzyMinimumLength = 8
        /// One more edit allowed per this many characters of label.
        public var charactersPerEdit = 10
        public var maximumEdits = 3
        /// Fewest words a dictionary label needs to be used as the start of a longer raw label:
        /// one word ("Sindaco", "Area") is too common a start ("Sindaco Facchini", "Area degli Istruttori").
        public var prefixMinimumWords = 2
        /// Characters of coverage an edit costs when ranking fuzzy against prefix matches.
        public var editPenalty = 3

        public init() {}

        func allowedEdits(forLength length: Int) -> Int {
            guard length >= fuzzyMinimumLength else { return 0 }
            return min(maximumEdits, 1 + (length - fuzzyMinimumLength) / charactersPerEdit)
        }
    }

    private struct Entry: Sendable {
        let recordType: RecordType
        let field: String
        let label: String
        let key: LabelKey
    }

    public let dictionary: LabelDictionary
    public let settings: Settings
    private let entries: [Entry]
    /// The positions in `entries` of each record type's labels, so a scoped lookup visits only those.
    private let entryIndices: [RecordType: [Int]]
    /// For each record type, the first of its entries (in dictionary order) with each compact key: the entry an
    /// exact match of that key gives, found without scoring the others.
    private let exactEntries: [RecordType: [String: Int]]
    /// The longest compact key of an entry, in characters: a longer text is no label exactly.
    private let longestKey: Int
    /// Builders ask about the same cell texts again and again (every row of every table): remember the answers.
    private let memo = Memo()

    public init(dictionary: LabelDictionary, settings: Settings = Settings()) {
        self.dictionary = dictionary
        self.settings = settings
        var entries: [Entry] = []
        for type in RecordType.allCases {
            for field in dictionary.fields[type] ?? [] {
                for label in field.labels {
                    let key = LabelKey(label)
                    if !key.isEmpty { entries.append(Entry(recordType: type, field: field.name, label: label, key: key)) }
                }
            }
        }
        self.entries = entries
        self.entryIndices = Dictionary(grouping: entries.indices, by: { entries[$0].recordType })
        self.exactEntries = Self.firstEntries(byCompactKey: entries)
        self.longestKey = entries.map(\.key.length).max() ?? 0
    }

    private static func firstEntries(byCompactKey entries: [Entry]) -> [RecordType: [String: Int]] {
        var first: [RecordType: [String: Int]] = [:]
        for (order, entry) in entries.enumerated() where first[entry.recordType]?[entry.key.compact] == nil {
            first[entry.recordType, default: [:]][entry.key.compact] = order
        }
        return first
    }

    /// A matcher over the bundled dictionary.
    public static func bundled() throws -> LabelMatcher {
        LabelMatcher(dictionary: try LabelDictionary.bundled())
    }

    /// The best field for `raw`, among `recordType`'s fields or all of them; nil when unknown.
    public func match(_ raw: String, in recordType: RecordType? = nil) -> LabelMatch? {
        candidates(raw, in: recordType).first
    }

    /// `match(raw, in: recordType)` when that match is exact, else nil: an exact match scores above every other,
    /// and ties go to dictionary order, so it is the first entry of `recordType` with the same compact key, one
    /// dictionary lookup away. For the builders that accept exact labels only (header cells, runs of words).
    public func exactMatch(_ raw: String, in recordType: RecordType) -> LabelMatch? {
        guard let key = LabelKey.compactKey(of: raw, limit: longestKey) else { return nil }
        return exactEntry(key, in: recordType)
    }

    /// `exactMatch(words.joined(separator: " "), in:)`, without joining runs of words too long to be a label:
    /// for the builders that look for labels among the runs of a cell's words.
    public func exactMatch<Word: StringProtocol>(run words: ArraySlice<Word>, in recordType: RecordType) -> LabelMatch? {
        guard let key = LabelKey.compactKey(ofRun: words, limit: longestKey) else { return nil }
        return exactEntry(key, in: recordType)
    }

    private func exactEntry(_ key: String, in recordType: RecordType) -> LabelMatch? {
        guard let order = exactEntries[recordType]?[key] else { return nil }
        let entry = entries[order]
        return LabelMatch(recordType: entry.recordType, field: entry.field, label: entry.label, quality: .exact)
    }

    /// Every field `raw` may be, best first (one per record type and field).
    public func candidates(_ raw: String, in recordType: RecordType? = nil) -> [LabelMatch] {
        let memoKey = (recordType?.rawValue ?? "*") + "|" + raw
        if let known = memo[memoKey] { return known }
        let found = computeCandidates(raw, in: recordType)
        memo[memoKey] = found
        return found
    }

    private func computeCandidates(_ raw: String, in recordType: RecordType?) -> [LabelMatch] {
        let key = LabelKey(raw)
        guard !key.isEmpty else { return [] }
        let scoped = recordType.map { entryIndices[$0] ?? [] } ?? Array(entries.indices)
        var scored: [(score: Int, order: Int, match: LabelMatch)] = []
        for order in scoped {
            guard let (score, quality) = score(key, against: entries[order].key) else { continue }
            let entry = entries[order]
            let match = LabelMatch(recordType: entry.recordType, field: entry.field, label: entry.label, quality: quality)
            scored.append((score, order, match))
        }
        scored.sort { ($0.score, -$0.order) > ($1.score, -$1.order) }
        var seen = Set<String>()
        return scored.map(\.match).filter { seen.insert("\($0.recordType.rawValue).\($0.field)").inserted }
    }

    /// Splits "Label: value" (as in "<b>Responsabile:</b> Responsabile area amministrativa") at
    /// the first colon whose left side is a known label; both sides come back without markup.
    /// A left side spanning table cells (a tab) is not a label.
    public func labeledLine(_ line: String, in recordType: RecordType? = nil) -> (match: LabelMatch, value: String)? {
        var searchStart = line.startIndex
        while let colon = line[searchStart...].firstIndex(of: ":") {
            let left = line[..<colon]
            guard !left.contains("\t") else { return nil }
            let label = TextCleaner.clean(String(left)).trimmingCharacters(in: " -•")
            if let match = match(String(label), in: recordType) {
                return (match, TextCleaner.clean(String(line[line.index(after: colon)...])))
            }
            searchStart = line.index(after: colon)
        }
        return nil
    }

    /// Exact beats everything; otherwise how many characters of the raw label the entry explains.
    private func score(_ key: LabelKey, against entry: LabelKey) -> (Int, LabelMatch.Quality)? {
        if key.compact == entry.compact { return (Int.max, .exact) }
        var best: (Int, LabelMatch.Quality)? = nil
        if entry.wordCount >= settings.prefixMinimumWords, key.starts(with: entry) {
            best = (entry.length, .prefix)
        }
        let allowed = settings.allowedEdits(forLength: min(key.length, entry.length))
        if allowed > 0, abs(key.length - entry.length) <= allowed,
           let edits = EditDistance.levenshtein(key.compact, entry.compact, limit: allowed) {
            let fuzzyScore = key.length - settings.editPenalty * edits
            if fuzzyScore > best?.0 ?? Int.min { best = (fuzzyScore, .fuzzy(edits: edits)) }
        }
        return best
    }
}

/// A thread-safe dictionary of answers already computed.
private final class Memo: @unchecked Sendable {
    private var answers: [String: [LabelMatch]] = [:]
    private let lock = NSLock()

    subscript(key: String) -> [LabelMatch]? {
        get { lock.lock(); defer { lock.unlock() }; return answers[key] }
        set { lock.lock(); defer { lock.unlock() }; answers[key] = newValue }
    }
}
