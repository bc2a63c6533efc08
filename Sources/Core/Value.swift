/// A parsed cell or field value: the schema's VALUE object.
///
/// `raw` always keeps the original text verbatim; the other fields hold what a parser could read
/// from it. JSON keys are snake_case as in SCHEMA.md (`date_end`); absent fields are omitted.
public struct Value: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case number, percent, currency, date, boolean, deadline, text, empty
    }

    /// How a stated number relates to the quantity ("< di 5", "almeno 3", "non inferiore al 95%").
    public enum Comparator: String, Codable, Hashable, Sendable, CaseIterable {
        case lessThan = "<"
        case lessOrEqual = "<="
        case greaterThan = ">"
        case greaterOrEqual = ">="
        case equal = "="
    }

    public var raw: String
    public var kind: Kind
    public var number: ExactDecimal?
    /// `percent`, `EUR`, `km`, `days`… (see the unit table of the value parser).
    public var unit: String?
    /// ISO `YYYY-MM-DD`: the date, the deadline, or the start of a range.
    public var date: String?
    /// ISO `YYYY-MM-DD`: the end of a range ("giugno-settembre 2025"), absent for single dates.
    public var dateEnd: String?
    public var comparator: Comparator?
    public var boolean: Bool?
    /// The cleaned text (markup removed), for `text` values and as context for others.
    public var text: String?

    public init(
        raw: String,
        kind: Kind,
        number: ExactDecimal? = nil,
        unit: String? = nil,
        date: String? = nil,
        dateEnd: String? = nil,
        comparator: Comparator? = nil,
        boolean: Bool? = nil,
        text: String? = nil
    ) {
        self.raw = raw
        self.kind = kind
        self.number = number
        self.unit = unit
        self.date = date
        self.dateEnd = dateEnd
        self.comparator = comparator
        self.boolean = boolean
        self.text = text
    }

    /// The last day a deadline or range allows: `dateEnd` when the value is a range, else `date`.
    public var latestDate: String? { dateEnd ?? date }

    enum CodingKeys: String, CodingKey {
        case raw, kind, number, unit, date, comparator, boolean, text
        case dateEnd = "date_end"
    }
}

/// Something a normalizer could not parse or had to guess, attached to the field it concerns.
public struct FieldWarning: Codable, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }

    /// Arithmetic the document implies that does not hold (a total that is not the sum of its lines): a
    /// validation failure, counted apart from parsing warnings in the run manifest.
    public static func checkFailed(_ field: String, _ detail: String) -> FieldWarning {
        FieldWarning(field: field, message: checkFailedPrefix + detail)
    }

    public static let checkFailedPrefix = "check failed: "

    public var isCheckFailure: Bool { message.hasPrefix(FieldWarning.checkFailedPrefix) }
}
