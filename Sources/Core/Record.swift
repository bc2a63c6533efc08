/// A value of a record field, typed as the schema's column says.
public enum FieldValue: Hashable, Sendable {
    case text(String)
    /// An exact decimal (amounts, weights, counts read from the text).
    case number(ExactDecimal)
    case integer(Int)
    case boolean(Bool)
    /// ISO `YYYY-MM-DD`.
    case date(String)
    case value(Value)
    case textList([String])
    case object([(String, FieldValue)])
    case json(JSONValue)

    public static func == (lhs: FieldValue, rhs: FieldValue) -> Bool { lhs.json == rhs.json }
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }

    /// The JSON form written to JSONL.
    public var json: JSONValue {
        switch self {
        case .text(let s), .date(let s): return .string(s)
        case .number(let n): return .decimal(n)
        case .integer(let i): return .number(Double(i))
        case .boolean(let b): return .bool(b)
        case .value(let v): return v.json
        case .textList(let items): return .array(items.map { .string($0) })
        case .object(let pairs): return .object(pairs.map { ($0.0, $0.1.json) })
        case .json(let j): return j
        }
    }
}

extension Value {
    /// The VALUE object as JSON, absent parts left out.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("raw", .string(raw)), ("kind", .string(kind.rawValue))]
        if let number { pairs.append(("number", .decimal(number))) }
        if let unit { pairs.append(("unit", .string(unit))) }
        if let date { pairs.append(("date", .string(date))) }
        if let dateEnd { pairs.append(("date_end", .string(dateEnd))) }
        if let comparator { pairs.append(("comparator", .string(comparator.rawValue))) }
        if let boolean { pairs.append(("boolean", .bool(boolean))) }
        if let text { pairs.append(("text", .string(text))) }
        return .object(pairs)
    }
}

/// The document a record comes from (the envelope's `document`).
public struct DocumentInfo: Hashable, Sendable {
    public var sha256: String
    public var fileName: String
    /// The input's path below the input folder it was found in (`piani ingest`), or as given (the reading
    /// commands); nil when there is no file (standard input).
    public var inputPath: String?
    public var format: String
    public var ente: String?
    public var enteTaxCode: String?
    public var docType: String
    public var periodStart: Int?
    public var periodEnd: Int?
    public var referenceDate: String?
    public var approvalAct: String?

    public init(sha256: String, fileName: String, inputPath: String? = nil, format: String, ente: String? = nil,
                enteTaxCode: String? = nil, docType: String = "other", periodStart: Int? = nil, periodEnd: Int? = nil,
                referenceDate: String? = nil, approvalAct: String? = nil) {
        self.sha256 = sha256
        self.fileName = fileName
        self.inputPath = inputPath
        self.format = format
        self.ente = ente
        self.enteTaxCode = enteTaxCode
        self.docType = docType
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.referenceDate = referenceDate
        self.approvalAct = approvalAct
    }

    public var fields: [(String, FieldValue?)] {
        [("sha256", .text(sha256)), ("file_name", .text(fileName)), ("input_path", inputPath.map(FieldValue.text)),
         ("format", .text(format)), ("ente", ente.map(FieldValue.text)),
         ("ente_tax_code", enteTaxCode.map(FieldValue.text)), ("doc_type", .text(docType)),
         ("period_start", periodStart.map(FieldValue.integer)), ("period_end", periodEnd.map(FieldValue.integer)),
         ("reference_date", referenceDate.map(FieldValue.date)), ("approval_act", approvalAct.map(FieldValue.text))]
    }
}

/// Where in the document a record comes from (the envelope's `source`).
public struct Provenance: Hashable, Sendable {
    public var page: Int?
    public var pageEnd: Int?
    public var tableIndex: Int?
    public var rowIndex: Int?
    public var bbox: Rect?
    public var xpath: String?
    public var sectionPath: [String]
    /// For fields mapped by something other than their column's label, the cue that decided
    /// (field → `position`, `content`…), in the order they were set.
    public var cues: [(field: String, cue: String)] = []

    public init(page: Int? = nil, pageEnd: Int? = nil, tableIndex: Int? = nil, rowIndex: Int? = nil, bbox: Rect? = nil,
                xpath: String? = nil, sectionPath: [String] = []) {
        self.page = page
        self.pageEnd = pageEnd
        self.tableIndex = tableIndex
        self.rowIndex = rowIndex
        self.bbox = bbox
        self.xpath = xpath
        self.sectionPath = sectionPath
    }

    public var fields: [(String, FieldValue?)] {
        [("page", page.map(FieldValue.integer)), ("page_end", pageEnd.map(FieldValue.integer)),
         ("table_index", tableIndex.map(FieldValue.integer)), ("row_index", rowIndex.map(FieldValue.integer)),
         ("bbox", bbox.map { .json(.array($0.rounded.map { .number($0) })) }), ("xpath", xpath.map(FieldValue.text)),
         ("section_path", .textList(sectionPath)),
         ("cues", cues.isEmpty ? nil : .json(.object(cues.map { ($0.field, .string($0.cue)) })))]
    }

    public static func == (lhs: Provenance, rhs: Provenance) -> Bool {
        lhs.page == rhs.page && lhs.pageEnd == rhs.pageEnd && lhs.tableIndex == rhs.tableIndex && lhs.rowIndex == rhs.rowIndex
            && lhs.bbox == rhs.bbox && lhs.xpath == rhs.xpath && lhs.sectionPath == rhs.sectionPath
            && lhs.cues.map { [$0.field, $0.cue] } == rhs.cues.map { [$0.field, $0.cue] }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(page); hasher.combine(tableIndex); hasher.combine(rowIndex); hasher.combine(sectionPath)
    }

    /// Records that `field` was mapped by `cue` rather than by its column's label.
    public mutating func note(_ field: String, cue: String) {
        if !cues.contains(where: { $0.field == field }) { cues.append((field, cue)) }
    }
}

/// One canonical record: the envelope, the fields of its type (schema column names), the raw labels and
/// texts it was read from, and what could not be parsed.
public struct Record: Hashable, Sendable {
    public var type: RecordType
    /// `record_id`: this record of this file.
    public var id: String
    /// `record_key`: this record of any version of the plan (see `Hashing.recordKey`).
    public var key: String
    public var document: DocumentInfo
    public var source: Provenance
    public private(set) var fields: [String: FieldValue] = [:]
    /// Original labels → original texts, in document order.
    public var raw: [(label: String, text: String)] = []
    public var warnings: [FieldWarning] = []

    /// A record whose id and key come from its natural key (or ordinal) in the document.
    public init(type: RecordType, naturalKey: String, document: DocumentInfo, source: Provenance) {
        self.init(type: type, id: Hashing.recordID(document: document.sha256, type: type, key: naturalKey),
                  key: Hashing.recordKey(document: document, type: type, key: naturalKey), document: document, source: source)
    }

    public init(type: RecordType, id: String, key: String, document: DocumentInfo, source: Provenance) {
        self.type = type
        self.id = id
        self.key = key
        self.document = document
        self.source = source
    }

    public static func == (lhs: Record, rhs: Record) -> Bool { lhs.json == rhs.json }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// A field of the record's type; setting a name the schema does not have is a programming error.
    public subscript(field: String) -> FieldValue? {
        get { fields[field] }
        set {
            precondition(Schema.fields(of: type).contains { $0.name == field }, "\(type.rawValue) has no field \(field)")
            fields[field] = newValue
        }
    }

    public mutating func warn(_ field: String, _ message: String) {
        warnings.append(FieldWarning(field: field, message: message))
    }

    public mutating func keepRaw(_ label: String, _ text: String) {
        raw.append((label, text))
    }

    /// The record as one JSON object, keys in schema order; absent fields are null.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("schema_version", .string(Schema.version)), ("record_type", .string(type.rawValue)), ("record_id", .string(id)),
            ("record_key", .string(key)),
            ("document", .object(document.fields.map { ($0.0, $0.1?.json ?? .null) })),
            ("source", .object(source.fields.map { ($0.0, $0.1?.json ?? .null) })),
        ]
        for column in Schema.fields(of: type) { pairs.append((column.name, fields[column.name]?.json ?? .null)) }
        var rawPairs: [(String, JSONValue)] = []
        for (label, text) in raw {
            // A label seen twice keeps both texts, in order.
            if let index = rawPairs.firstIndex(where: { $0.0 == label }), case .string(let first) = rawPairs[index].1 {
                rawPairs[index].1 = .string(first + "\n" + text)
            } else {
                rawPairs.append((label, .string(text)))
            }
        }
        pairs.append(("raw", .object(rawPairs)))
        pairs.append(("warnings", .array(warnings.map { .string($0.description) })))
        return .object(pairs)
    }
}
