import Foundation
import Core
import XCTest
@testable import XML

final class XBRLTests: XCTestCase {
    private let bil = "http://www.rgs.mef.gov.it/xbrl/bdap/bilancio/2024-01-01"
    private let dim = "http://www.rgs.mef.gov.it/xbrl/bdap/dimensioni/2024-01-01"
    private let iso = "http://www.xbrl.org/2003/iso4217"

    private func instance() throws -> XBRLInstance { try XBRLReader().instance(path: XMLFixtures.path("bdap-instance.xbrl")) }

    func testDetectedByRootAndNamespace() {
        XCTAssertEqual(DocumentFormat.detect(path: XMLFixtures.path("bdap-instance.xbrl")), .xbrl)
        XCTAssertEqual(DocumentFormat.detect(path: XMLFixtures.path("not-xbrl-namespace.xml")),
                       .unsupported("an XML file whose root is <xbrli:xbrl> outside the XBRL instance namespace"))
    }

    func testSchemaRef() throws {
        XCTAssertEqual(try instance().schemaRefs, ["http://www.rgs.mef.gov.it/xbrl/bdap/bilancio/2024-01-01/bdap-bil.xsd"])
    }

    func testContexts() throws {
        let contexts = try instance().contexts
        XCTAssertEqual(Set(contexts.keys), ["c_2025", "c_2025_M01_P02", "i_2024"])
        XCTAssertEqual(contexts["c_2025"], XBRLContext(id: "c_2025", entityScheme: "http://www.rgs.mef.gov.it/bdap/ente",
                                                       entityIdentifier: "000712345", period: .duration(start: "2025-01-01", end: "2025-12-31")))
        XCTAssertEqual(contexts["i_2024"]?.period, .instant("2024-12-31"))
        XCTAssertEqual(contexts["c_2025_M01_P02"]?.members, [
            XBRLMember(dimension: XBRLQName(namespace: dim, localName: "MissioneAxis", prefix: "bdap-dim"),
                       value: .explicit(XBRLQName(namespace: dim, localName: "Missione01", prefix: "bdap-dim")), container: .segment),
            XBRLMember(dimension: XBRLQName(namespace: dim, localName: "ProgrammaAxis", prefix: "bdap-dim"),
                       value: .typed(element: XBRLQName(namespace: dim, localName: "CodiceProgramma", prefix: "bdap-dim"), value: "0102"),
                       container: .segment),
            XBRLMember(dimension: XBRLQName(namespace: dim, localName: "TipoPrevisioneAxis", prefix: "bdap-dim"),
                       value: .explicit(XBRLQName(namespace: dim, localName: "Competenza", prefix: "bdap-dim")), container: .scenario),
        ])
    }

    func testUnitsWithMeasuresAndDivide() throws {
        let units = try instance().units
        XCTAssertEqual(units["EUR"], XBRLUnit(id: "EUR", numerator: [XBRLQName(namespace: iso, localName: "EUR", prefix: "iso4217")]))
        XCTAssertEqual(units["EUR_per_abitante"], XBRLUnit(
            id: "EUR_per_abitante", numerator: [XBRLQName(namespace: iso, localName: "EUR", prefix: "iso4217")],
            denominator: [XBRLQName(namespace: "http://www.rgs.mef.gov.it/xbrl/bdap/unita", localName: "abitante", prefix: "bdap-u")]))
        XCTAssertEqual(units["pure"]?.numerator.first?.description, "{http://www.xbrl.org/2003/instance}pure")
    }

    func testFacts() throws {
        let facts = try instance().facts
        XCTAssertEqual(facts.count, 6)
        XCTAssertEqual(facts[0], XBRLFact(concept: XBRLQName(namespace: bil, localName: "SpeseCorrenti", prefix: "bdap-bil"), id: "f1",
                                          contextRef: "c_2025_M01_P02", unitRef: "EUR", decimals: "2", value: "125000.50",
                                          xpath: "/xbrli:xbrl/bdap-bil:SpeseCorrenti[1]"))
        XCTAssertEqual(facts[1].value, "980000")
        XCTAssertEqual(facts[2].decimals, "INF")
        XCTAssertEqual(facts[3].isNil, true)
        XCTAssertEqual(facts[3].value, "")
        XCTAssertNil(facts[4].unitRef)
        XCTAssertEqual(facts[4].value, "Bilancio approvato con delibera n. 12")
    }

    func testUndefinedContextIsAnIssueNotACrash() throws {
        XCTAssertEqual(try instance().issues, ["fact Orfano refers to undefined context c_manca"])
    }

    func testStreamingHandsFactsOneByOne() throws {
        var concepts: [String] = []
        let header = try XBRLReader().read(path: XMLFixtures.path("bdap-instance.xbrl")) { concepts.append($0.concept.localName) }
        XCTAssertEqual(concepts, ["SpeseCorrenti", "FondoCassaIniziale", "SpesaProCapite", "AvanzoVincolato", "NoteEnte", "Orfano"])
        XCTAssertTrue(header.facts.isEmpty)
        XCTAssertEqual(header.contexts.count, 3)
    }

    func testBillionLaughsRefusedFast() {
        let started = Date()
        XCTAssertThrowsXMLError(try XBRLReader().instance(path: XMLFixtures.path("billion-laughs.xbrl"))) { error in
            XCTAssertTrue([.entityDeclarations, .entityExpansion].contains(error.reason), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.0)
    }

    func testBadUTF8AndTruncatedInstancesAreRejected() {
        XCTAssertThrowsXMLError(try XBRLReader().instance(path: XMLFixtures.path("bad-utf8.xbrl"))) { error in
            XCTAssertEqual(error.reason, .badEncoding(line: 3))
        }
        XCTAssertThrowsXMLError(try XBRLReader().instance(path: XMLFixtures.path("truncated.xbrl"))) { error in
            guard case .malformed(_, let line) = error.reason else { return XCTFail("\(error)") }
            XCTAssertGreaterThanOrEqual(line, 4)
            XCTAssertTrue(error.description.hasPrefix(XMLFixtures.path("truncated.xbrl") + ": malformed XML at line"), error.description)
        }
    }

    func testWrongRootIsInvalid() {
        XCTAssertThrowsXMLError(try XBRLReader().instance(path: XMLFixtures.path("other-root.xml"))) { error in
            XCTAssertEqual(error.reason, .invalidXBRL("the root is <catalogo>, not xbrli:xbrl"))
        }
    }
}
