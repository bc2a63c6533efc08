import Core
import XCTest
@testable import Normalize

/// The bundled `labels.yml` and the dictionary loader.
final class LabelsResourceTests: XCTestCase {
    func testBundledDictionaryHasEverySchemaField() throws {
        let dictionary = try LabelDictionary.bundled()
        let schemaFields: [RecordType: [String]] = [
            .objective: ["code", "level", "category", "title", "description", "phases", "parent_code", "parent_title",
                         "mission_code", "program_code", "org_unit", "owner", "political_owner", "stakeholders",
                         "contributors", "timeframe", "weight", "baseline", "expected_result", "measurement",
                         "verification_source", "status_text", "achievement_percent"],
            .indicator: ["name", "group", "formula", "unit", "baseline", "target", "actual", "target_year", "achievement_ratio"],
            .budgetLine: ["direction", "title_code", "mission_code", "program_code", "macroaggregate", "chart_code", "chapter",
                          "article", "description", "owner", "amounts.initial_forecast", "amounts.current_forecast",
                          "amounts.committed", "amounts.available", "amounts.cashed", "as_of"],
            .staff: ["org_unit", "person_name", "role", "category", "area_ccnl_2022", "employment", "count", "fte",
                     "participation_percent", "as_of"],
            .risk: ["area", "process", "risk_event", "likelihood", "impact", "level", "measures", "owner", "deadline", "indicator"],
            .entity: ["name", "tax_code", "vat", "address", "mayor", "employees", "inhabitants", "phone", "website", "email", "pec"],
        ]
        for (type, expected) in schemaFields {
            XCTAssertEqual(dictionary.fields[type]?.map(\.name), expected, type.rawValue)
            for field in expected {
                XCTAssertFalse(dictionary.labels(for: type, field: field).isEmpty, "\(type.rawValue).\(field)")
            }
        }
    }

    /// A label may be listed twice in one field (seed spellings such as "% partecipazion e"), never in two.
    func testBundledLabelsBelongToOneFieldPerRecordType() throws {
        let dictionary = try LabelDictionary.bundled()
        for (type, fields) in dictionary.fields {
            var seen: [String: String] = [:]
            for field in fields {
                for label in field.labels {
                    let key = LabelKey(label).compact
                    if let other = seen[key], other != field.name {
                        XCTFail("\(type.rawValue): \"\(label)\" under \(field.name) and \(other)")
                    }
                    seen[key] = field.name
                }
            }
        }
    }

    func testLoadFromYAMLString() throws {
        let dictionary = try LabelDictionary(yaml: """
        labels:
          objective:
            timeframe: ["Quando", "Entro quando"]
          entity:
            pec: ["Posta certificata"]
        """)
        XCTAssertEqual(dictionary.labels(for: .objective, field: "timeframe"), ["Quando", "Entro quando"])
        XCTAssertEqual(dictionary.labels(for: .entity, field: "pec"), ["Posta certificata"])
        XCTAssertEqual(dictionary.labels(for: .objective, field: "title"), [])
    }

    func testOverrideWithoutLabelsLevel() throws {
        let dictionary = try LabelDictionary(yaml: "objective:\n  weight: [\"Ponderazione\"]\n")
        XCTAssertEqual(dictionary.labels(for: .objective, field: "weight"), ["Ponderazione"])
    }

    func testLoadFromFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString).yml")
        try "labels:\n  staff:\n    fte: [\"ETP\"]\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try LabelDictionary(contentsOf: url).labels(for: .staff, field: "fte"), ["ETP"])
    }

    func testMergingPutsOverrideLabelsFirstAndKeepsTheRest() throws {
        let base = try LabelDictionary.bundled()
        let override = try LabelDictionary(yaml: """
        objective:
          timeframe: ["Quando", "Orizzonte temporale"]
          novelty: ["Campo nuovo"]
        """)
        let merged = base.merging(override)
        let timeframe = merged.labels(for: .objective, field: "timeframe")
        XCTAssertEqual(Array(timeframe.prefix(2)), ["Quando", "Orizzonte temporale"])
        XCTAssertEqual(timeframe.filter { $0 == "Orizzonte temporale" }.count, 1)
        XCTAssertTrue(timeframe.contains("Tempi di raggiungimento dell'obiettivo"))
        XCTAssertEqual(merged.fields[.objective]?.last?.name, "novelty")
        XCTAssertEqual(merged.labels(for: .staff, field: "fte"), base.labels(for: .staff, field: "fte"))

        let matcher = LabelMatcher(dictionary: merged)
        XCTAssertEqual(matcher.match("Quando:", in: .objective)?.field, "timeframe")
        XCTAssertEqual(matcher.match("Campo nuovo", in: .objective)?.field, "novelty")
        XCTAssertNil(LabelMatcher(dictionary: base).match("Quando:", in: .objective))
    }

    func testBadYAMLIsAnError() {
        XCTAssertThrowsError(try LabelDictionary(yaml: "labels:\n  objectives:\n    title: [\"x\"]\n")) { error in
            XCTAssertEqual(error as? VocabularyError, .unknownRecordType("objectives"))
        }
        XCTAssertThrowsError(try LabelDictionary(yaml: "labels:\n  objective:\n    title: \"x\"\n")) { error in
            XCTAssertEqual(error as? VocabularyError, .notAList(recordType: "objective", field: "title"))
        }
        XCTAssertThrowsError(try LabelDictionary(yaml: "labels: [unclosed")) { error in
            guard case .notYAML? = error as? VocabularyError else { return XCTFail("\(error)") }
        }
    }

    func testBundledDocumentVocabulary() throws {
        let vocabulary = try DocumentVocabulary.bundled()
        XCTAssertEqual(vocabulary.types.map(\.type), [.piao, .managementReport, .peg, .performancePlan])
        XCTAssertEqual(vocabulary.provinces["brescia"], "BS")
        XCTAssertEqual(vocabulary.provinces["novara"], "NO")
        XCTAssertEqual(vocabulary.provinces.count, 107)
        XCTAssertEqual(vocabulary.approvalBodies.first?.name, "giunta_comunale")
    }
}
