import Core
import Foundation

/// Maps an XBRL instance to records: one `fact` record per fact, as reported, and a `budget_line` for each fact
/// the budget mapping (`BudgetConceptMapping`) recognises as a budget amount. Facts are mapped one at a time, as
/// the reader streams them; the instance's contexts and units are read first (`XBRLReader.header`).
public struct XBRLRecordMaker: Sendable {
    public var budget: BudgetConceptMapping

    public init(budget: BudgetConceptMapping) {
        self.budget = budget
    }

    public static func bundled() throws -> XBRLRecordMaker {
        XBRLRecordMaker(budget: try .bundled())
    }

    /// The bundled mapping, for defaults. The file is part of the build and `XBRLRecordTests` reads it: an
    /// unreadable one is a defect of the build, reported as it stops.
    static let shipped: XBRLRecordMaker = {
        do {
            return try bundled()
        } catch {
            fatalError("\(error)")
        }
    }()

    /// The mapper of one instance, given its contexts, units and schema references.
    public func mapper(file: FileFacts, header: XBRLInstance) -> XBRLDocumentMapper {
        XBRLDocumentMapper(file: file, header: header, budget: budget)
    }
}

/// The records of one instance's facts, in the order they are handed over. Matches of concept and member names
/// are remembered (an instance repeats a few hundred names over its facts).
public final class XBRLDocumentMapper {
    public let document: DocumentInfo
    private let header: XBRLInstance
    private let budget: BudgetConceptMapping
    /// How often each aspect key was seen, by its hash (a streamed instance may hold millions of facts: the
    /// keys themselves are not kept). A collision only numbers a fact as a repeat, it never merges two records.
    private var keyOccurrences: [Int: Int] = [:]
    private var conceptMatches: [String: ConceptMatch?] = [:]
    private var memberMatches: [String: String?] = [:]

    struct ConceptMatch {
        var rule: BudgetConceptMapping.ConceptRule
        var fields: [String: String]
    }

    init(file: FileFacts, header: XBRLInstance, budget: BudgetConceptMapping) {
        self.header = header
        self.budget = budget
        let years = header.contexts.values.flatMap { context -> [Int] in
            switch context.period {
            case .instant(let date): return [XBRLDates.year(date)].compactMap { $0 }
            case .duration(let start, let end): return [XBRLDates.year(start), XBRLDates.year(end)].compactMap { $0 }
            case .forever: return []
            }
        }
        document = DocumentInfo(sha256: file.sha256, fileName: file.fileName, inputPath: file.inputPath, format: file.format,
                                docType: "other", periodStart: years.min(), periodEnd: years.max())
    }

    /// The fact's record, and its budget line when it is a budget amount.
    public func records(for fact: XBRLFact) -> [Record] {
        let context = header.context(of: fact)
        let unit = header.unit(of: fact)
        let key = numberedKey(XBRLFactKey.aspects(of: fact, context: context, unit: unit))
        var record = factRecord(fact, key: key, context: context, unit: unit)
        var records: [Record] = []
        if let line = budgetLine(fact, key: key, context: context, unit: unit, factRecord: &record) { records = [record, line] } else { records = [record] }
        return records
    }

    /// The aspect key, with `#n` from the second fact of the same aspects on (a duplicate fact, which XBRL allows).
    private func numberedKey(_ aspects: String) -> String {
        let seen = keyOccurrences[aspects.hashValue, default: 0]
        keyOccurrences[aspects.hashValue] = seen + 1
        return seen == 0 ? aspects : aspects + "#\(seen + 1)"
    }

    // MARK: fact

    private func factRecord(_ fact: XBRLFact, key: String, context: XBRLContext?, unit: XBRLUnit?) -> Record {
        var record = Record(type: .fact, naturalKey: key, document: document, source: Provenance(xpath: fact.xpath))
        record["concept"] = .text(fact.concept.description)
        record["concept_name"] = .text(fact.concept.localName)
        record["concept_namespace"] = fact.concept.namespace.map(FieldValue.text)
        record["concept_prefix"] = fact.concept.prefix.map(FieldValue.text)
        record["value"] = .value(value(of: fact, unit: unit, record: &record))
        if let unitRef = fact.unitRef {
            var parts: [(String, FieldValue)] = [("id", .text(unitRef))]
            if let unit {
                parts.append(("measures", .textList(unit.numerator.map(XBRLNames.measure))))
                parts.append(("denominator", .textList(unit.denominator.map(XBRLNames.measure))))
            } else {
                record.warn("unit", "no unit \(unitRef) in the instance")
            }
            record["unit"] = .object(parts)
        }
        if let context {
            record["period"] = .object(period(context.period, record: &record))
            record["entity"] = .object([("scheme", .text(context.entityScheme)), ("identifier", .text(context.entityIdentifier))])
            record["dimensions"] = .json(.array(context.members.map(XBRLNames.member)))
        } else {
            record.warn("context_id", "no context \(fact.contextRef) in the instance")
        }
        record["decimals"] = fact.decimals.map(FieldValue.text)
        record["precision"] = fact.precision.map(FieldValue.text)
        record["context_id"] = .text(fact.contextRef)
        record["fact_id"] = fact.id.map(FieldValue.text)
        record["is_nil"] = .boolean(fact.isNil)
        record["schema_ref"] = header.schemaRefs.first.map(FieldValue.text)
        record.keepRaw(XBRLNames.written(fact.concept), fact.value)
        return record
    }

    /// The VALUE of a fact: numeric facts (those with a unit) keep their exact decimal text as the number.
    private func value(of fact: XBRLFact, unit: XBRLUnit?, record: inout Record) -> Value {
        if fact.isNil { return Value(raw: "", kind: .empty) }
        let raw = fact.value
        if fact.unitRef != nil {
            guard let literal = DecimalText.jsonLiteral(raw) else {
                record.warn("value", "\"\(raw)\" is not a decimal number although the fact has a unit")
                return Value(raw: raw, kind: raw.isEmpty ? .empty : .text, text: raw.isEmpty ? nil : raw)
            }
            let exact = ExactDecimal(literal)
            if exact == nil {
                record.warn("value", "\"\(raw)\" has an exponent or more than \(ExactDecimal.maximumDigits) digits: kept in raw only")
            }
            var value = Value(raw: raw, kind: .number, number: exact)
            if let unit {
                if let currency = XBRLNames.currency(of: unit) {
                    value.kind = .currency
                    value.unit = currency
                } else {
                    let names = { (measures: [XBRLQName]) in measures.map(\.localName).joined(separator: "*") }
                    value.unit = unit.isDivide ? names(unit.numerator) + "/" + names(unit.denominator) : names(unit.numerator)
                }
            }
            return value
        }
        if raw.isEmpty { return Value(raw: raw, kind: .empty) }
        if XBRLDates.isDate(raw) { return Value(raw: raw, kind: .date, date: raw) }
        if raw == "true" || raw == "false" { return Value(raw: raw, kind: .boolean, boolean: raw == "true") }
        return Value(raw: raw, kind: .text, text: raw)
    }

    private func period(_ period: XBRLPeriod, record: inout Record) -> [(String, FieldValue)] {
        func date(_ text: String, _ part: String) -> FieldValue? {
            guard let day = XBRLDates.day(text) else {
                record.warn("period.\(part)", "\"\(text)\" is not a date")
                return nil
            }
            if day != text { record.warn("period.\(part)", "the dateTime \(text) is kept as its day \(day)") }
            return .date(day)
        }
        switch period {
        case .instant(let instant):
            return [("type", .text("instant"))] + [date(instant, "instant").map { ("instant", $0) }].compactMap { $0 }
        case .duration(let start, let end):
            return [("type", .text("duration"))]
                + [date(start, "start").map { ("start", $0) }, date(end, "end").map { ("end", $0) }].compactMap { $0 }
        case .forever:
            return [("type", .text("forever"))]
        }
    }

    // MARK: budget_line

    private func budgetLine(_ fact: XBRLFact, key: String, context: XBRLContext?, unit: XBRLUnit?, factRecord: inout Record) -> Record? {
        guard !fact.isNil, let context, let unit, XBRLNames.currency(of: unit).map(budget.currencies.contains) == true,
              let namespace = fact.concept.namespace, budget.namespaces.contains(where: namespace.hasPrefix),
              let literal = DecimalText.jsonLiteral(fact.value), let amount = ExactDecimal(literal),
              amount.fits(precision: Schema.amountPrecision.digits, places: Schema.amountPrecision.places),
              let match = conceptMatch(fact.concept.localName) else { return nil }
        var fields = match.fields
        var warnings: [FieldWarning] = []
        var dimensionNotes: [(String, String)] = []
        for member in context.members {
            for rule in budget.dimensions where rule.dimension == member.dimension.localName {
                let text: String
                switch member.value {
                case .explicit(let name): text = name.localName
                case .typed(_, let value): text = value
                }
                guard let found = memberMatch(rule, text) else {
                    warnings.append(FieldWarning(field: rule.field, message: "member \(text) of \(rule.dimension) does not match \(rule.pattern.source)"))
                    continue
                }
                dimensionNotes.append((rule.dimension, text))
                if let given = fields[rule.field] {
                    if given.lowercased() != found.lowercased() {
                        warnings.append(FieldWarning(field: rule.field, message: "the concept gives \(given), \(rule.dimension) gives \(found): the concept's kept"))
                    }
                } else {
                    fields[rule.field] = found
                }
            }
        }
        let amountText = fields.removeValue(forKey: "amount")
        let column = amountText.flatMap { Self.amountColumns.contains($0) ? $0 : budget.amountWords[$0.lowercased()] }
        guard let column else {
            let why = amountText.map { "\"\($0)\" is not a word of amount_words" } ?? "neither the concept name nor a dimension names the amount"
            factRecord.warn("budget_line", "\(fact.concept.localName) matches \(match.rule.pattern.source) but gives no amount column: \(why)")
            return nil
        }
        var line = Record(type: .budgetLine, naturalKey: key, document: document, source: Provenance(xpath: fact.xpath))
        line["direction"] = .text(match.rule.direction)
        for field in ["title_code", "mission_code", "program_code", "macroaggregate", "chart_code", "chapter", "article"] {
            line[field] = fields[field].map(FieldValue.text)
        }
        line["description"] = .text(fields["description"] ?? fact.concept.localName)
        line["amounts"] = .object([(column, .number(amount))])
        if case .instant(let instant) = context.period, let day = XBRLDates.day(instant) { line["as_of"] = .date(day) }
        let totalLevel = fields["total_level"]
        line["is_total"] = .boolean(totalLevel != nil)
        line["total_level"] = totalLevel.map(FieldValue.text)
        line["fiscal_year"] = XBRLDates.fiscalYear(context.period).map(FieldValue.integer)
        line.keepRaw(XBRLNames.written(fact.concept), fact.value)
        line.keepRaw("contextRef", fact.contextRef)
        for (dimension, member) in dimensionNotes { line.keepRaw(dimension, member) }
        line.warnings = warnings
        return line
    }

    static let amountColumns = Set(Schema.amounts.map(\.name))

    private func conceptMatch(_ name: String) -> ConceptMatch? {
        if let known = conceptMatches[name] { return known }
        var found: ConceptMatch?
        for rule in budget.concepts {
            guard let match = rule.pattern.match(name) else { continue }
            var fields = rule.fixed
            for (group, value) in match.named {
                if let field = BudgetConceptMapping.groupFields[group], fields[field] == nil { fields[field] = value }
            }
            found = ConceptMatch(rule: rule, fields: fields)
            break
        }
        conceptMatches[name] = .some(found)
        return found
    }

    private func memberMatch(_ rule: BudgetConceptMapping.DimensionRule, _ text: String) -> String? {
        let key = rule.dimension + "\u{1}" + rule.pattern.source + "\u{1}" + text
        if let known = memberMatches[key] { return known }
        let found = rule.pattern.match(text)?.numbered.first
        memberMatches[key] = .some(found)
        return found
    }
}

/// How names of an instance are written in records.
/// A fact's natural key: what XBRL says identifies a fact (concept, entity, period, dimensions, unit), not its
/// place in the file nor the ids of its context and unit, which instance generators renumber from one filing to the
/// next. The same amount of the same budget item keeps its `record_key` across versions of the plan.
enum XBRLFactKey {
    static func aspects(of fact: XBRLFact, context: XBRLContext?, unit: XBRLUnit?) -> String {
        var parts = [fact.concept.description]
        if let context {
            parts.append(context.entityScheme + "#" + context.entityIdentifier)
            parts.append(period(context.period))
            parts.append(context.members.map(member).sorted().joined(separator: ","))
        } else {
            parts.append("context:" + fact.contextRef)
        }
        if let unit {
            let measures = unit.numerator.map(\.description).sorted().joined(separator: "*")
            parts.append(unit.isDivide ? measures + "/" + unit.denominator.map(\.description).sorted().joined(separator: "*") : measures)
        } else if let unitRef = fact.unitRef {
            parts.append("unit:" + unitRef)
        }
        return parts.joined(separator: "|")
    }

    private static func period(_ period: XBRLPeriod) -> String {
        switch period {
        case .instant(let day): return day
        case .duration(let start, let end): return start + "/" + end
        case .forever: return "forever"
        }
    }

    private static func member(_ member: XBRLMember) -> String {
        switch member.value {
        case .explicit(let name): return "\(member.dimension)=\(name)"
        case .typed(let element, let value): return "\(member.dimension)=\(element):\(value)"
        }
    }
}

enum XBRLNames {
    static let iso4217 = "http://www.xbrl.org/2003/iso4217"
    static let instance = "http://www.xbrl.org/2003/instance"

    /// iso4217:EUR and xbrli:pure under their usual prefixes, any other measure in Clark notation.
    static func measure(_ name: XBRLQName) -> String {
        switch name.namespace {
        case iso4217: return "iso4217:" + name.localName
        case instance: return "xbrli:" + name.localName
        default: return name.description
        }
    }

    /// The currency of a unit of one ISO 4217 measure and no denominator.
    static func currency(of unit: XBRLUnit) -> String? {
        guard !unit.isDivide, unit.numerator.count == 1, unit.numerator[0].namespace == iso4217 else { return nil }
        return unit.numerator[0].localName
    }

    /// The name as the instance wrote it (`bdap-bil:SpeseCorrenti`).
    static func written(_ name: XBRLQName) -> String {
        name.prefix.map { "\($0):\(name.localName)" } ?? name.localName
    }

    static func member(_ member: XBRLMember) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("dimension", .string(member.dimension.description)),
                                            ("dimension_name", .string(member.dimension.localName))]
        switch member.value {
        case .explicit(let name):
            pairs += [("member", .string(name.description)), ("member_name", .string(name.localName))]
        case .typed(let element, let value):
            pairs += [("typed_element", .string(element.description)), ("typed_value", .string(value))]
        }
        pairs.append(("container", .string(member.container.rawValue)))
        return .object(pairs)
    }
}

/// XBRL period values: xs:date (`2025-12-31`) or xs:dateTime (`2025-12-31T00:00:00`), time zones allowed.
enum XBRLDates {
    /// The day part of a date or dateTime, nil when the text is neither.
    static func day(_ text: String) -> String? {
        let head = text.prefix(10)
        guard head.count == 10, isDate(String(head)) else { return nil }
        let rest = text.dropFirst(10)
        guard rest.isEmpty || rest.first == "T" || rest.first == "Z" || rest.first == "+" || rest.first == "-" else { return nil }
        return String(head)
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    static func year(_ text: String) -> Int? {
        day(text).flatMap { Int($0.prefix(4)) }
    }

    /// The year a period's amounts belong to: an instant's year, a duration's end year (a duration ending on
    /// 1 January at midnight, as dateTimes write a whole year, belongs to the year before).
    static func fiscalYear(_ period: XBRLPeriod) -> Int? {
        switch period {
        case .instant(let date): return year(date)
        case .duration(_, let end):
            guard let day = day(end), let year = Int(day.prefix(4)) else { return nil }
            return day.hasSuffix("-01-01") && end.count > 10 ? year - 1 : year
        case .forever: return nil
        }
    }
}
