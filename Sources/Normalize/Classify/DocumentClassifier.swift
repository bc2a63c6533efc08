/// The act that approved a document, as written, with what could be read from it.
public struct ApprovalAct: Codable, Hashable, Sendable {
    /// The sentence as written ("Approvato con delibera Giunta Comunale n. 32 del 11/03/2025").
    public var text: String
    /// Canonical approving body ("giunta_comunale"), from the vocabulary.
    public var body: String?
    public var number: String?
    /// ISO date of the act.
    public var date: String?

    public init(text: String, body: String? = nil, number: String? = nil, date: String? = nil) {
        self.text = text
        self.body = body
        self.number = number
        self.date = date
    }
}

/// What the first pages say about a document: SCHEMA.md's `document` fields that text can give.
public struct DocumentClassification: Codable, Hashable, Sendable {
    /// "Comune di Cazzago San Martino", "Città di Lumezzane".
    public var ente: String?
    /// Two-letter province code ("BS"), when the pages give it.
    public var province: String?
    public var docType: DocType
    public var periodStart: Int?
    public var periodEnd: Int?
    /// ISO date the document reports at ("alla data del 30 giugno 2023").
    public var referenceDate: String?
    public var approvalAct: ApprovalAct?

    public init(ente: String? = nil, province: String? = nil, docType: DocType = .other, periodStart: Int? = nil,
                periodEnd: Int? = nil, referenceDate: String? = nil, approvalAct: ApprovalAct? = nil) {
        self.ente = ente
        self.province = province
        self.docType = docType
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.referenceDate = referenceDate
        self.approvalAct = approvalAct
    }

    enum CodingKeys: String, CodingKey {
        case ente, province
        case docType = "doc_type"
        case periodStart = "period_start"
        case periodEnd = "period_end"
        case referenceDate = "reference_date"
        case approvalAct = "approval_act"
    }
}

/// Reads ente, document type, period, reference date and approval act from the text of a
/// document's first pages.
///
/// Most of it comes from the *title zone*: the first lines of the text, up to the first
/// paragraph-long line (`Settings`). There the document type is the first type of the
/// vocabulary (in priority order) with a keyword, the ente the first line starting with an ente
/// prefix, the period the first year expression, the reference date the date after a marker
/// ("alla data del"). When the title zone names no type, the keyword found earliest in the
/// whole text decides.
public struct DocumentClassifier: Sendable {
    public struct Settings: Sendable, Hashable {
        /// Lines of the title zone at most.
        public var titleZoneLines = 20
        /// A line at least this long is body text: the title zone ends before it.
        public var paragraphLength = 200

        public init() {}
    }

    public let vocabulary: DocumentVocabulary
    public let settings: Settings

    public init(vocabulary: DocumentVocabulary, settings: Settings = Settings()) {
        self.vocabulary = vocabulary
        self.settings = settings
    }

    /// A classifier over the bundled vocabulary.
    public static func bundled() throws -> DocumentClassifier {
        DocumentClassifier(vocabulary: try DocumentVocabulary.bundled())
    }

    public func classify(_ text: String) -> DocumentClassification {
        let lines = TextCleaner.cleanLines(text)
        let title = titleZone(lines)
        var result = DocumentClassification()
        result.docType = docType(title: title, wholeText: lines.joined(separator: " "))
        if let (ente, province) = ente(in: title) {
            result.ente = ente
            result.province = province ?? provinceCode(in: title) ?? provinceCode(following: ente, in: lines)
        }
        result.referenceDate = referenceDate(in: title)?.iso
        let years = period(in: title) ?? result.referenceDate.flatMap { Int($0.prefix(4)) }.map { YearRange(start: $0, end: $0) }
        result.periodStart = years?.start
        result.periodEnd = years?.end
        result.approvalAct = approvalAct(in: title)
        return result
    }

    func titleZone(_ lines: [String]) -> [String] {
        var zone: [String] = []
        for line in lines.prefix(settings.titleZoneLines) {
            if line.count >= settings.paragraphLength && !zone.isEmpty { break }
            zone.append(line)
        }
        return zone
    }

    // MARK: document type

    func docType(title: [String], wholeText: String) -> DocType {
        let titleWords = " " + TextFolding.words(title.joined(separator: " ")) + " "
        for entry in vocabulary.types where entry.keywords.contains(where: { titleWords.contains(keywordPattern($0)) }) {
            return entry.type
        }
        let words = " " + TextFolding.words(wholeText) + " "
        let earliest = vocabulary.types.compactMap { entry -> (DocType, String.Index)? in
            let positions = entry.keywords.compactMap { words.range(of: keywordPattern($0))?.lowerBound }
            return positions.min().map { (entry.type, $0) }
        }.min { $0.1 < $1.1 }
        return earliest?.0 ?? .other
    }

    private func keywordPattern(_ keyword: String) -> String { " " + TextFolding.words(keyword) + " " }

    // MARK: ente and province

    /// The first title line starting with an ente prefix: the name normalized, and a "(BS)" code.
    func ente(in title: [String]) -> (name: String, province: String?)? {
        for prefix in vocabulary.entePrefixes {
            for line in title {
                guard let rest = line.droppingWords(of: prefix) else { continue }
                let (name, province) = splitProvinceCode(cuttingAtDocumentTitle(rest))
                guard !name.isEmpty else { continue }
                return (prefix + " " + EnteName.normalize(name), province)
            }
        }
        return nil
    }

    /// "Cazzago San Martino (BS)" → ("Cazzago San Martino", "BS"); the name ends at the code.
    private func splitProvinceCode(_ text: String) -> (String, String?) {
        let trimmed = text.trimmingCharacters(in: " .,;:")
        var searchFrom = trimmed.startIndex
        while let open = trimmed[searchFrom...].firstIndex(of: "(") {
            let code = trimmed[trimmed.index(after: open)...].prefix(3)
            if code.count == 3, code.last == ")", code.dropLast().allSatisfy({ $0.isLetter && $0.isUppercase }) {
                return (String(trimmed[..<open].trimmingCharacters(in: " ")), String(code.dropLast()))
            }
            searchFrom = trimmed.index(after: open)
        }
        return (String(trimmed), nil)
    }

    /// A title line may run on from the ente's name into the plan's ("COMUNE DI X PIANO ESECUTIVO DI …"):
    /// the name stops where a document type keyword starts.
    private func cuttingAtDocumentTitle(_ text: String) -> String {
        let words = text.split(separator: " ")
        let folded = words.map { TextFolding.words(String($0)) }
        let keywords = vocabulary.types.flatMap(\.keywords).map { TextFolding.words($0).split(separator: " ").map(String.init) }
        for start in folded.indices.dropFirst() {
            let isTitle = keywords.contains { keyword in
                !keyword.isEmpty && start + keyword.count <= folded.count && Array(folded[start..<start + keyword.count]) == keyword
            }
            if isTitle { return words[..<start].joined(separator: " ") }
        }
        return text
    }

    /// "Provincia di Brescia" on a title line → "BS".
    private func provinceCode(in title: [String]) -> String? {
        for line in title {
            let folded = TextFolding.words(line)
            for prefix in vocabulary.provincePrefixes.map(TextFolding.words) where folded.hasPrefix(prefix + " ") {
                if let code = vocabulary.provinces[String(folded.dropFirst(prefix.count + 1))] { return code }
            }
        }
        return nil
    }

    /// The ente's name followed by "(XX)" anywhere in the text ("COMUNE DI CALCINATE (BG)").
    private func provinceCode(following ente: String, in lines: [String]) -> String? {
        let name = TextFolding.fold(ente)
        for line in lines {
            let folded = TextFolding.fold(line)
            var searchStart = folded.startIndex
            while let found = folded.range(of: name, range: searchStart..<folded.endIndex) {
                let after = folded[found.upperBound...].drop { $0 == " " }
                if after.hasPrefix("("), after.count >= 4, after.dropFirst(3).first == ")" {
                    let code = after.dropFirst().prefix(2)
                    if code.allSatisfy(\.isLetter) { return code.uppercased() }
                }
                searchStart = found.upperBound
            }
        }
        return nil
    }

    // MARK: period, reference date, approval act

    func period(in title: [String]) -> YearRange? {
        title.lazy.compactMap { YearRange.find(in: $0) }.first
    }

    /// The date after a marker ("alla data del 30 giugno 2023", "Situazione al 30 giugno 2023").
    func referenceDate(in title: [String]) -> CalendarDate? {
        for line in title {
            let folded = TextFolding.fold(line)
            for marker in vocabulary.referenceDateMarkers {
                guard let range = folded.range(of: TextFolding.fold(marker) + " ") else { continue }
                if let date = DateScanner.firstDate(in: String(folded[range.upperBound...])) { return date }
            }
        }
        return nil
    }

    func approvalAct(in title: [String]) -> ApprovalAct? {
        for line in title {
            let words = " " + TextFolding.words(line) + " "
            guard vocabulary.approvalMarkers.contains(where: { words.contains(" " + TextFolding.words($0) + " ") }) else { continue }
            let text = line.trimmingCharacters(in: " ()*")
            return ApprovalAct(text: String(text), body: approvalBody(words), number: ActNumber.find(in: line, markers: vocabulary.actNumberMarkers),
                               date: DateScanner.firstDate(in: TextFolding.fold(line))?.iso)
        }
        return nil
    }

    private func approvalBody(_ words: String) -> String? {
        vocabulary.approvalBodies.first { body in
            body.spellings.contains { words.contains(" " + TextFolding.words($0) + " ") }
        }?.name
    }
}
