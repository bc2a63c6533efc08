import Core
import XCTest
@testable import XML

final class HTMLTests: XCTestCase {
    func testTagSoupBlocksInDocumentOrder() throws {
        let content = try MarkupDocument.content(path: XMLFixtures.path("soup.html"))
        XCTAssertEqual(content.summaries(withSource: true), [
            BlockSummary(.heading, "Piano della Performance 2025", level: 1, source: "/html/body/h1"),
            BlockSummary(.paragraph, "Il piano descrive gli obiettivi dell'ente.", source: "/html/body/p[1]"),
            BlockSummary(.heading, "Obiettivo 1", level: 2, source: "/html/body/h2"),
            BlockSummary(.labelValue, "Responsabile: Mario Rossi", label: "Responsabile", value: "Mario Rossi", source: "/html/body/p[2]"),
            BlockSummary(.labelValue, "Peso: 30%", label: "Peso", value: "30%", source: "/html/body/p[3]"),
            BlockSummary(.labelValue, "Area: Servizi sociali", label: "Area", value: "Servizi sociali", source: "/html/body/p[3]"),
            BlockSummary(.paragraph, "Testo sciolto nel div con grassetto interno", source: "/html/body/div"),
            BlockSummary(.listItem, "Primo punto", source: "/html/body/ul/li[1]"),
            BlockSummary(.listItem, "Secondo punto", source: "/html/body/ul/li[2]"),
            BlockSummary(.listItem, "Sotto punto", source: "/html/body/ul/li[2]/ul/li"),
        ])
    }

    func testTagSoupTableSpansOnAGrid() throws {
        let content = try MarkupDocument.content(path: XMLFixtures.path("soup.html"))
        XCTAssertEqual(content.tables.count, 1)
        let table = try XCTUnwrap(content.tables.first)
        XCTAssertEqual(table.rows, [
            ["Codice", "Indicatore", "", "Target"],
            ["A1", "Tempo", "medio", "30 gg"],
            ["", "Pratiche evase", "", "95%"],
        ])
        XCTAssertEqual(table.source, "/html/body/table")
        XCTAssertEqual(table.method, "markup")
        XCTAssertEqual(table.page, 1)
    }

    func testEachTableRowNamesItsElement() throws {
        let table = try XCTUnwrap(try MarkupDocument.content(path: XMLFixtures.path("soup.html")).tables.first)
        XCTAssertEqual(table.rowPlaces, (1...3).map { RowPlace(page: 1, source: "/html/body/table/tr[\($0)]") })
    }

    func testTableComesBetweenTheBlocksAroundIt() throws {
        let content = try MarkupDocument.content(path: XMLFixtures.path("soup.html"))
        guard case .table = content.items.last else { return XCTFail("the table is the last item: \(content.items.last!)") }
        guard case .block(let before) = content.items[content.items.count - 2] else { return XCTFail("a block precedes the table") }
        XCTAssertEqual(before.text, "Sotto punto")
    }

    func testNavigationScriptsStylesHeaderAndFooterLeftOut() throws {
        let content = try MarkupDocument.content(path: XMLFixtures.path("soup.html"))
        let everything = content.blocks.map(\.text).joined(separator: " ") + content.tables.flatMap { $0.rows.flatMap { $0 } }.joined()
        for absent in ["Home", "Sito istituzionale", "P.IVA", "color", "var x", "Comune di Prova"] {
            XCTAssertFalse(everything.contains(absent), "\(absent) should be left out")
        }
    }

    func testXHTMLThroughTheXMLParser() throws {
        XCTAssertEqual(DocumentFormat.detect(path: XMLFixtures.path("page.xhtml")), .xhtml)
        let content = try MarkupDocument.content(path: XMLFixtures.path("page.xhtml"))
        XCTAssertEqual(content.summaries(withSource: true), [
            BlockSummary(.heading, "Scheda anagrafica", level: 3, source: "/html/body/h3"),
            BlockSummary(.labelValue, "Ente: Comune di Prova", label: "Ente", value: "Comune di Prova", source: "/html/body/dl/dt"),
            BlockSummary(.listItem, "Obiettivo: ridurre i tempi", source: "/html/body/ol/li"),
        ])
        XCTAssertEqual(content.tables.map(\.rows), [[["Voce", "2025"], ["Spese", "1.000,00"]], [["Unica"]]])
        XCTAssertEqual(content.tables.map(\.source), ["/html/body/table[1]", "/html/body/table[2]"])
    }

    func testBlocksAreBoldOnlyWhenAllTheirTextIs() throws {
        let content = try MarkupDocument.content(path: XMLFixtures.path("soup.html"))
        let responsabile = try XCTUnwrap(content.blocks.first { $0.label == "Responsabile" })
        XCTAssertFalse(responsabile.isBold)
        let div = try XCTUnwrap(content.blocks.first { $0.text.hasPrefix("Testo sciolto") })
        XCTAssertFalse(div.isBold)
    }
}
