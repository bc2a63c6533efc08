import Core
import Foundation
import XCTest
@testable import Normalize

/// XBRL facts → fact and budget_line records, each rule on a small instance built here.
final class XBRLRecordTests: XCTestCase {
    private let bdap = "http://www.rgs.mef.gov.it/xbrl/bdap/sdb/prev/2019-09-23"
    private let dim = "http://www.rgs.mef.gov.it/xbrl/bdap/dimensioni/2019-09-23"
    private let iso = "http://www.xbrl.org/2003/iso4217"
    private let file = FileFacts(sha256: String(repeating: "ab", count: 32), fileName: "previsione.xbrl", format: "xbrl")

    private func instance(_ contexts: [XBRLContext], units: [XBRLUnit]? = nil) -> XBRLInstance {
        var instance = XBRLInstance()
        for context in contexts { instance.contexts[context.id] = context }
        for unit in units ?? [XBRLUnit(id: "EUR", numerator: [XBRLQName(namespace: iso, localName: "EUR", prefix: "iso4217")])] {
            instance.units[unit.id] = unit
        }
        instance.schemaRefs = ["bdap-sp.xsd"]
        return instance
    }

    private func context(_ id: String, _ period: XBRLPeriod = .duration(start: "2025-01-01", end: "2025-12-31"),
                         members: [XBRLMember] = []) -> XBRLContext {
        XBRLContext(id: id, entityScheme: "http://www.rgs.mef.gov.it/xbrl/idente/codicebdap", entityIdentifier: "000712345",
                    period: period, members: members)
    }

    private func member(_ dimension: String, _ value: String, typed: Bool = false) -> XBRLMember {
        let axis = XBRLQName(namespace: dim, localName: dimension, prefix: "dim")
        return XBRLMember(dimension: axis, value: typed ? .typed(element: XBRLQName(namespace: dim, localName: "Codice"), value: value)
                                                         : .explicit(XBRLQName(namespace: dim, localName: value, prefix: "dim")),
                          container: .scenario)
    }

    private func fact(_ name: String, _ value: String, context: String = "c", unit: String? = "EUR", namespace: String? = nil,
                      isNil: Bool = false) -> XBRLFact {
        XBRLFact(concept: XBRLQName(namespace: namespace ?? bdap, localName: name, prefix: "bdap-sp"), contextRef: context, unitRef: unit,
                 decimals: unit == nil ? nil : "2", value: value, isNil: isNil, xpath: "/xbrli:xbrl/bdap-sp:\(name)[1]")
    }

    private func records(_ facts: [XBRLFact], _ instance: XBRLInstance, maker: XBRLRecordMaker? = nil) throws -> [Record] {
        let mapper = try (maker ?? XBRLRecordMaker.bundled()).mapper(file: file, header: instance)
        return facts.flatMap { mapper.records(for: $0) }
    }

    // MARK: fact

    func testNumericFactKeepsEveryDigitOfItsLexicalValue() throws {
        let records = try self.records([fact("Voce", " +0001234567890123456.10 ")], instance([context("c")]))
        let json = records[0].json
        XCTAssertEqual(json["value"]?.serialized, #"{"raw":" +0001234567890123456.10 ","kind":"currency","number":1234567890123456.1,"unit":"EUR"}"#)
        XCTAssertEqual(json["unit"]?.serialized, #"{"id":"EUR","measures":["iso4217:EUR"],"denominator":[]}"#)
        XCTAssertEqual(json["concept"], .string("{\(bdap)}Voce"))
        XCTAssertEqual(json["source"]?["xpath"], .string("/xbrli:xbrl/bdap-sp:Voce[1]"))
    }

    func testAFactTooLongForAnExactDecimalKeepsItsRawTextAndSaysSo() throws {
        let records = try self.records([fact("Voce", "123456789012345678.10")], instance([context("c")]))
        let json = records[0].json
        XCTAssertNil(json["value"]?["number"])
        XCTAssertEqual(json["value"]?["raw"], .string("123456789012345678.10"))
        XCTAssertTrue(records[0].warnings.contains { $0.field == "value" && $0.message.contains("digits") })
    }

    func testDecimalTextForms() {
        XCTAssertEqual(DecimalText.jsonLiteral("-0.50"), "-0.50")
        XCTAssertEqual(DecimalText.jsonLiteral(".5"), "0.5")
        XCTAssertEqual(DecimalText.jsonLiteral("5."), "5")
        XCTAssertEqual(DecimalText.jsonLiteral("007"), "7")
        XCTAssertEqual(DecimalText.jsonLiteral("1.5e+03"), "1.5E+03".replacingOccurrences(of: "+", with: ""))
        XCTAssertNil(DecimalText.jsonLiteral("INF"))
        XCTAssertNil(DecimalText.jsonLiteral("1.297,00"))
        XCTAssertNil(DecimalText.jsonLiteral(""))
        XCTAssertNil(DecimalText.jsonLiteral("."))
        XCTAssertNil(DecimalText.jsonLiteral("1e"))
    }

    func testRatioUnitAndPureNumbers() throws {
        let units = [XBRLUnit(id: "EURpc", numerator: [XBRLQName(namespace: iso, localName: "EUR")],
                              denominator: [XBRLQName(namespace: "urn:u", localName: "abitante")]),
                     XBRLUnit(id: "pure", numerator: [XBRLQName(namespace: "http://www.xbrl.org/2003/instance", localName: "pure")])]
        let records = try self.records([fact("SpeseProCapite", "412.3", unit: "EURpc"), fact("Indice", "0.25", unit: "pure")],
                                       instance([context("c")], units: units))
        XCTAssertEqual(records.map(\.type), [.fact, .fact], "a ratio of euro is no budget amount")
        XCTAssertEqual(records[0].json["value"]?.serialized, #"{"raw":"412.3","kind":"number","number":412.3,"unit":"EUR/abitante"}"#)
        XCTAssertEqual(records[0].json["unit"]?["denominator"], .array([.string("{urn:u}abitante")]))
        XCTAssertEqual(records[1].json["value"]?.serialized, #"{"raw":"0.25","kind":"number","number":0.25,"unit":"pure"}"#)
    }

    func testNilTextDateBooleanAndNonNumericValues() throws {
        let facts = [fact("Avanzo", "", isNil: true), fact("Note", "Delibera n. 12", unit: nil), fact("Data", "2025-03-31", unit: nil),
                     fact("Flag", "true", unit: nil), fact("Voce", "n.d.")]
        let records = try self.records(facts, instance([context("c")]))
        XCTAssertEqual(records[0].json["value"]?.serialized, #"{"raw":"","kind":"empty"}"#)
        XCTAssertEqual(records[0]["is_nil"], .boolean(true))
        XCTAssertEqual(records[1].json["value"]?.serialized, #"{"raw":"Delibera n. 12","kind":"text","text":"Delibera n. 12"}"#)
        XCTAssertNil(records[1]["unit"])
        XCTAssertEqual(records[2].json["value"]?.serialized, #"{"raw":"2025-03-31","kind":"date","date":"2025-03-31"}"#)
        XCTAssertEqual(records[3].json["value"]?["boolean"], .bool(true))
        XCTAssertEqual(records[4].json["value"]?["kind"], .string("text"))
        XCTAssertEqual(records[4].warnings.map(\.description), [#"value: "n.d." is not a decimal number although the fact has a unit"#])
    }

    func testPeriodEntityAndDimensions() throws {
        let contexts = [context("c", members: [member("MissioneAxis", "Missione01"), member("ProgrammaAxis", "0102", typed: true)]),
                        context("i", .instant("2024-12-31")), context("t", .duration(start: "2025-01-01T00:00:00", end: "2026-01-01T00:00:00"))]
        let records = try self.records([fact("A", "1", context: "c"), fact("B", "2", context: "i"), fact("C", "3", context: "t")],
                                       instance(contexts))
        XCTAssertEqual(records[0].json["period"]?.serialized, #"{"type":"duration","start":"2025-01-01","end":"2025-12-31"}"#)
        XCTAssertEqual(records[0].json["entity"]?.serialized,
                       #"{"scheme":"http://www.rgs.mef.gov.it/xbrl/idente/codicebdap","identifier":"000712345"}"#)
        XCTAssertEqual(records[0].json["dimensions"]?.serialized, """
            [{"dimension":"{\(dim)}MissioneAxis","dimension_name":"MissioneAxis","member":"{\(dim)}Missione01","member_name":"Missione01","container":"scenario"},\
            {"dimension":"{\(dim)}ProgrammaAxis","dimension_name":"ProgrammaAxis","typed_element":"{\(dim)}Codice","typed_value":"0102","container":"scenario"}]
            """)
        XCTAssertEqual(records[1].json["period"]?.serialized, #"{"type":"instant","instant":"2024-12-31"}"#)
        XCTAssertEqual(records[2].warnings.map(\.field), ["period.start", "period.end"])
        XCTAssertEqual(records[0].document.periodStart, 2024)
        XCTAssertEqual(records[0].document.periodEnd, 2026)
    }

    func testUndefinedContextAndUnitAreWarningsNotCrashes() throws {
        let records = try self.records([fact("Voce", "1", context: "nessuno", unit: "USD")], instance([context("c")]))
        XCTAssertEqual(records.map(\.type), [.fact])
        XCTAssertEqual(records[0].warnings.map(\.description), ["unit: no unit USD in the instance", "context_id: no context nessuno in the instance"])
        XCTAssertNil(records[0]["period"])
    }

    func testIdsAreStableAndDistinct() throws {
        let facts = [fact("SpeseCorrenti", "1", context: "c"), fact("SpeseCorrenti", "1", context: "c")]
        let header = instance([context("c", members: [member("TipoPrevisioneAxis", "Competenza")])])
        let first = try records(facts, header), second = try records(facts, header)
        XCTAssertEqual(first.map(\.id), second.map(\.id))
        XCTAssertEqual(Set(first.map(\.id)).count, 4)
    }

    func testKeysFollowTheFactNotItsPlaceOrContextIDs() throws {
        let competenza = member("TipoPrevisioneAxis", "Competenza"), missione = member("MissioneAxis", "M01")
        let before = instance([context("c1", members: [competenza, missione]), context("c2", .instant("2025-12-31"))])
        let after = instance([context("ctx_9", members: [missione, competenza]), context("ctx_1", .instant("2025-12-31"))])
        let first = try records([fact("SpeseCorrenti", "10", context: "c1"), fact("FondoCassa", "5", context: "c2")], before)
        let second = try records([fact("Avanzo", "1", context: "ctx_1"), fact("FondoCassa", "6", context: "ctx_1"),
                                  fact("SpeseCorrenti", "12", context: "ctx_9")], after)
        func key(_ records: [Record], _ concept: String) -> String? {
            records.first { $0.type == .fact && $0["concept_name"] == .text(concept) }?.key
        }
        XCTAssertEqual(key(first, "SpeseCorrenti"), key(second, "SpeseCorrenti"), "the member order and context id do not matter")
        XCTAssertEqual(key(first, "FondoCassa"), key(second, "FondoCassa"), "nor the place in the file")
        let otherPeriod = try records([fact("FondoCassa", "5", context: "c")], instance([context("c", .instant("2024-12-31"))]))
        XCTAssertNotEqual(key(first, "FondoCassa"), key(otherPeriod, "FondoCassa"), "the period does")
        let otherUnit = try records([fact("FondoCassa", "5", context: "c2", unit: "USD")],
                                    instance([context("c2", .instant("2025-12-31"))],
                                             units: [XBRLUnit(id: "USD", numerator: [XBRLQName(namespace: iso, localName: "USD")])]))
        XCTAssertNotEqual(key(first, "FondoCassa"), key(otherUnit, "FondoCassa"), "and the unit does")
    }

    // MARK: budget_line

    func testConceptGivesTitleAndDimensionsGiveCodesAndAmountColumn() throws {
        let header = instance([context("c", .duration(start: "2026-01-01", end: "2026-12-31"),
                                       members: [member("MissioneAxis", "Missione04"), member("ProgrammaAxis", "0406", typed: true),
                                                 member("TipoPrevisioneAxis", "Cassa")])])
        let records = try self.records([fact("SpeseCorrenti", "1250.5")], header)
        XCTAssertEqual(records.map(\.type), [.fact, .budgetLine])
        let line = records[1].json
        XCTAssertEqual(line["direction"], .string("expenditure"))
        XCTAssertEqual(line["title_code"], .string("1"))
        XCTAssertEqual(line["mission_code"], .string("04"))
        XCTAssertEqual(line["program_code"], .string("06"))
        XCTAssertEqual(line["description"], .string("Spese correnti"))
        XCTAssertEqual(line["amounts"]?.serialized, #"{"cash_forecast":1250.5}"#)
        XCTAssertEqual(line["fiscal_year"], .number(2026))
        XCTAssertEqual(line["is_total"], .bool(false))
        XCTAssertEqual(records[1].source.xpath, records[0].source.xpath)
    }

    func testConceptNameGivesTitleAndAmount() throws {
        let records = try self.records([fact("EntrateTitolo3Accertamenti", "77.00"), fact("TotaleSpesePrevisioniDefinitive", "9")],
                                       instance([context("c")]))
        XCTAssertEqual(records.map(\.type), [.fact, .budgetLine, .fact, .budgetLine])
        XCTAssertEqual(records[1]["direction"], .text("revenue"))
        XCTAssertEqual(records[1]["title_code"], .text("3"))
        XCTAssertEqual(records[1].json["amounts"]?.serialized, #"{"committed":77}"#)
        XCTAssertEqual(records[1]["description"], .text("EntrateTitolo3Accertamenti"), "no description given: the concept's name")
        XCTAssertEqual(records[3]["is_total"], .boolean(true))
        XCTAssertEqual(records[3]["total_level"], .text("spesa"))
        XCTAssertEqual(records[3].json["amounts"]?.serialized, #"{"current_forecast":9}"#)
    }

    func testNotBudgetAmounts() throws {
        let header = instance([context("c", members: [member("TipoPrevisioneAxis", "Competenza")])],
                              units: [XBRLUnit(id: "EUR", numerator: [XBRLQName(namespace: iso, localName: "EUR")]),
                                      XBRLUnit(id: "USD", numerator: [XBRLQName(namespace: iso, localName: "USD")])])
        let facts = [fact("SpeseCorrenti", "1", namespace: "http://example.com/other"), fact("SpeseCorrenti", "1", unit: "USD"),
                     fact("SpeseCorrenti", "", isNil: true), fact("FondoCassa", "5")]
        XCTAssertEqual(try records(facts, header).map(\.type), [.fact, .fact, .fact, .fact])
    }

    func testAMatchWithoutAmountColumnIsAWarningOnTheFact() throws {
        let records = try self.records([fact("SpeseCorrenti", "1"), fact("SpeseCorrentiQualcosa", "2")], instance([context("c")]))
        XCTAssertEqual(records.map(\.type), [.fact, .fact])
        XCTAssertEqual(records[0].warnings.map(\.field), ["budget_line"])
        XCTAssertTrue(records[0].warnings[0].message.hasSuffix("neither the concept name nor a dimension names the amount"), records[0].warnings[0].message)
        XCTAssertTrue(records[1].warnings[0].message.hasSuffix(#""Qualcosa" is not a word of amount_words"#), records[1].warnings[0].message)
    }

    func testConceptAndDimensionDisagreeing() throws {
        let header = instance([context("c", members: [member("TitoloAxis", "Titolo2"), member("TipoPrevisioneAxis", "Competenza")])])
        let records = try self.records([fact("SpeseCorrenti", "1")], header)
        XCTAssertEqual(records[1]["title_code"], .text("1"))
        XCTAssertEqual(records[1].warnings.map(\.description), ["title_code: the concept gives 1, TitoloAxis gives 2: the concept's kept"])
    }

    func testInstantGivesAsOf() throws {
        let records = try self.records([fact("SpeseTitolo1Pagamenti", "3")], instance([context("c", .instant("2023-06-30"))]))
        XCTAssertEqual(records[1]["as_of"], .date("2023-06-30"))
        XCTAssertEqual(records[1]["fiscal_year"], .integer(2023))
        XCTAssertEqual(records[1].json["amounts"]?.serialized, #"{"cashed":3}"#)
    }

    // MARK: the mapping file

    func testBundledMappingLoads() throws {
        let mapping = try BudgetConceptMapping.bundled()
        XCTAssertEqual(mapping.namespaces, ["http://www.rgs.mef.gov.it/xbrl/bdap/"])
        XCTAssertFalse(mapping.concepts.isEmpty)
        XCTAssertEqual(mapping.amountWords["cassa"], "cash_forecast")
    }

    private func problem(_ yaml: String) -> String {
        do {
            _ = try BudgetConceptMapping.bundled().overridden(byYAML: yaml, source: "override.yml")
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    func testOverrideErrorsNameTheLineAndKey() {
        XCTAssertEqual(problem("xbrl_budget:\n  concepts:\n    - {pattern: '^Spese(', direction: expenditure}\n"),
                       "override.yml:3: xbrl_budget.concepts[0].pattern is not a valid regular expression (^Spese()")
        XCTAssertEqual(problem("xbrl_budget:\n  concepts:\n    - {pattern: '^(?<anno>\\d+)', direction: expenditure}\n"),
                       "override.yml:3: xbrl_budget.concepts[0].pattern names a group anno that fills no field (known: amount, article, chapter, chart, macroaggregate, mission, program, title)")
        XCTAssertEqual(problem("xbrl_budget:\n  concepts:\n    - {pattern: '^X', direction: uscita}\n"),
                       "override.yml:3: xbrl_budget.concepts[0].direction must be a direction: one of expenditure, revenue")
        XCTAssertEqual(problem("xbrl_budget:\n  amount_words:\n    Cassa: cassa\n"),
                       "override.yml:3: xbrl_budget.amount_words.Cassa must be an amounts column: one of available, cash_forecast, cashed, committed, current_forecast, initial_forecast")
        XCTAssertEqual(problem("xbrl_budget:\n  dimensions:\n    - {dimension: A, field: mission_code, pattern: '\\d+'}\n"),
                       "override.yml:3: xbrl_budget.dimensions[0].pattern needs a group: (…) holds the field's value")
        XCTAssertEqual(problem("xbrl_budget:\n  namespace: [x]\n"), "override.yml:2: xbrl_budget.namespace is not a known key")
        XCTAssertEqual(problem("xbrl_budget:\n  concepts:\n    - {pattern: '^X', direction: revenue, colour: red}\n"),
                       "override.yml:3: xbrl_budget.concepts[0].colour is not a known key")
    }

    func testOverrideReplacesTheKeysItGivesThroughTheLabelsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-xbrl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let override = folder.appendingPathComponent("labels.yml")
        try """
            xbrl_budget:
              concepts:
                - {pattern: '^Uscite(?<amount>[A-Za-z]+)$', direction: expenditure, description: "Uscite"}
            """.write(to: override, atomically: true, encoding: .utf8)
        let normalizer = try DocumentNormalizer.bundled(labelOverrides: override.path)
        let records = try self.records([fact("UsciteImpegni", "10"), fact("SpeseTitolo1Impegni", "10")], instance([context("c")]),
                                       maker: normalizer.xbrl)
        XCTAssertEqual(records.map(\.type), [.fact, .budgetLine, .fact], "the override's concepts replace the bundled ones")
        XCTAssertEqual(records[1].json["amounts"]?.serialized, #"{"committed":10}"#, "amount_words is still the bundled one")

        try "xbrl_budget:\n  currencies: [1]\n".write(to: override, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DocumentNormalizer.bundled(labelOverrides: override.path)) { error in
            XCTAssertEqual(String(describing: error), "\(override.path):2: xbrl_budget.currencies[0] must be a string (quote words YAML reads otherwise, such as \"no\" or \"1\")")
        }
    }
}
