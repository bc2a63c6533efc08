import Core
import Foundation
import XCTest
@testable import XML

final class OdtTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try XMLFixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testDetectedByMimetype() throws {
        XCTAssertEqual(DocumentFormat.detect(path: try ZipFixture.odt(in: folder).path), .odt)
        let sheet = try ZipFixture.odt(in: folder, name: "sheet.ods", mimetype: "application/vnd.oasis.opendocument.spreadsheet")
        XCTAssertEqual(DocumentFormat.detect(path: sheet.path),
                       .unsupported("an OpenDocument file of type application/vnd.oasis.opendocument.spreadsheet, not a text document"))
    }

    func testBlocksHeadingsLabelsAndLists() throws {
        let content = try MarkupDocument.content(path: try ZipFixture.odt(in: folder).path)
        let text = "content.xml#/office:document-content/office:body/office:text/"
        XCTAssertEqual(content.summaries(withSource: true), [
            BlockSummary(.heading, "Referto del controllo di gestione", level: 1, source: text + "text:h[1]"),
            BlockSummary(.heading, "Servizio tributi", level: 2, source: text + "text:h[2]"),
            BlockSummary(.labelValue, "Dirigente: Luca Verdi", label: "Dirigente", value: "Luca Verdi", source: text + "text:p[1]"),
            // the line after a line break continues the value, as a wrapped value does in a PDF
            BlockSummary(.labelValue, "Obiettivo: incassi secondo rigo", label: "Obiettivo", value: "incassi secondo rigo", source: text + "text:p[2]"),
            BlockSummary(.listItem, "Accertamenti", source: text + "text:list/text:list-item[1]"),
            BlockSummary(.listItem, "IMU", source: text + "text:list/text:list-item[1]/text:list/text:list-item"),
            BlockSummary(.listItem, "Riscossione", source: text + "text:list/text:list-item[2]"),
            BlockSummary(.paragraph, "Tabella riassuntiva", source: text + "text:p[3]"),
        ])
    }

    func testTableSpansFromCoveredCells() throws {
        let content = try MarkupDocument.content(path: try ZipFixture.odt(in: folder).path)
        let table = try XCTUnwrap(content.tables.first)
        XCTAssertEqual(table.rows, [
            ["Voce", "Importi", ""],
            ["IMU ordinaria", "2024", "100"],
            ["", "2025", "120"],
        ])
        XCTAssertEqual(table.source, "content.xml#/office:document-content/office:body/office:text/table:table")
        let path = "content.xml#/office:document-content/office:body/office:text/table:table/"
        XCTAssertEqual(table.rowPlaces.map(\.source), [path + "table:table-header-rows/table:table-row",
                                                       path + "table:table-row[1]", path + "table:table-row[2]"])
    }

    func testPageBreakingParagraphStyleStartsPageTwo() throws {
        let content = try MarkupDocument.content(path: try ZipFixture.odt(in: folder).path)
        XCTAssertEqual(content.blocks.first { $0.text == "Riscossione" }?.page, 1)
        XCTAssertEqual(content.blocks.first { $0.text == "Tabella riassuntiva" }?.page, 2)
        XCTAssertEqual(content.tables.first?.page, 2)
    }
}
