import Core
import Foundation
import XCTest
@testable import XML

final class DocxTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try XMLFixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testDetectedAsDOCX() throws {
        XCTAssertEqual(DocumentFormat.detect(path: try ZipFixture.docx(in: folder).path), .docx)
    }

    func testBlocksHeadingsLabelsAndLists() throws {
        let content = try MarkupDocument.content(path: try ZipFixture.docx(in: folder).path)
        let body = "word/document.xml#/w:document/w:body/"
        XCTAssertEqual(content.summaries(withSource: true), [
            BlockSummary(.heading, "Piano esecutivo di gestione", level: 1, source: body + "w:p[1]"),
            BlockSummary(.heading, "Obiettivo 2.1", level: 2, source: body + "w:p[2]"),
            BlockSummary(.labelValue, "Responsabile: Anna Bianchi", label: "Responsabile", value: "Anna Bianchi", source: body + "w:p[3]"),
            BlockSummary(.paragraph, "Testo con grassetto in mezzo.", source: body + "w:p[4]"),
            BlockSummary(.heading, "Livello da struttura", level: 3, source: body + "w:p[5]"),
            BlockSummary(.listItem, "Prima azione", source: body + "w:p[6]"),
            BlockSummary(.listItem, "Seconda azione", source: body + "w:p[7]"),
            BlockSummary(.paragraph, "Inserito", source: body + "w:p[9]"),
        ])
        XCTAssertEqual(content.blocks.first?.isBold, true, "bold from the heading style")
    }

    func testTableWithGridSpanAndVMerge() throws {
        let content = try MarkupDocument.content(path: try ZipFixture.docx(in: folder).path)
        let table = try XCTUnwrap(content.tables.first)
        XCTAssertEqual(table.rows, [
            ["Indicatore", "Valori", ""],
            ["Tempi medi", "2024", "30"],
            ["", "2025", "25"],
        ])
        XCTAssertEqual(table.source, "word/document.xml#/w:document/w:body/w:tbl")
        XCTAssertEqual(table.rowPlaces, (1...3).map { RowPlace(page: 2, source: "word/document.xml#/w:document/w:body/w:tbl/w:tr[\($0)]") })
    }

    func testExplicitPageBreaksNumberPages() throws {
        let content = try MarkupDocument.content(path: try ZipFixture.docx(in: folder).path)
        XCTAssertEqual(content.tables.first?.page, 2)
        XCTAssertEqual(content.blocks.first { $0.text == "Seconda azione" }?.page, 1)
        XCTAssertEqual(content.blocks.last?.page, 2)
        XCTAssertEqual(content.pageCount, 2)
    }

    func testMissingDocumentPartIsNamed() throws {
        let url = folder.appendingPathComponent("broken.docx")
        try ZipFixture.write([("word/styles.xml", try ZipFixture.fixture("docx/styles.xml"))], to: url)
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: url.path, format: .docx)) { error in
            XCTAssertEqual(error.description, url.path + ": the package has no word/document.xml")
        }
    }

    func testMalformedPartIsNamedWithTheFile() throws {
        let url = folder.appendingPathComponent("bad.docx")
        try ZipFixture.write([("word/document.xml", Data("<w:document xmlns:w=\"x\"><w:body></w:document>".utf8))], to: url)
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: url.path)) { error in
            guard case .malformed = error.reason else { return XCTFail("\(error)") }
            XCTAssertEqual(error.part, "word/document.xml")
            XCTAssertTrue(error.description.hasPrefix(url.path + " (word/document.xml): malformed XML at line 1"), error.description)
        }
    }
}
