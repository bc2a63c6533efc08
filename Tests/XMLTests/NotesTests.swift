import Core
import Foundation
import XCTest
@testable import XML

/// Footnotes and endnotes of DOCX and ODT (`MarkupNotes.swift`).
final class NotesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try XMLFixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    private static func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }

    /// Note 2 cited twice, note 3 in a table cell on page 2, an endnote; the footnotes part lists note 3 first.
    private static let docxDocument = """
        <?xml version="1.0" encoding="UTF-8"?><w:document \(w)><w:body>
        <w:p>\(run("Il piano"))<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>\(run(" è approvato."))</w:p>
        <w:p>\(run("Responsabile: Anna Bianchi"))<w:r><w:endnoteReference w:id="1"/></w:r></w:p>
        <w:p><w:r><w:br w:type="page"/></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p>\(run("Target"))<w:r><w:footnoteReference w:id="3"/></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p>\(run("Ancora"))<w:r><w:footnoteReference w:id="2"/></w:r></w:p>
        </w:body></w:document>
        """

    private static func note(_ name: String, id: String, _ text: String, type: String? = nil) -> String {
        "<w:\(name)\(type.map { " w:type=\"\($0)\"" } ?? "") w:id=\"\(id)\"><w:p><w:r><w:\(name)Ref/></w:r>\(run(text))</w:p></w:\(name)>"
    }

    private static let footnotes = "<?xml version=\"1.0\"?><w:footnotes \(w)>" + note("footnote", id: "-1", "", type: "separator")
        + note("footnote", id: "0", "", type: "continuationSeparator") + note("footnote", id: "3", " Valore al 31 dicembre.")
        + note("footnote", id: "2", " Delibera n. 12 del 2025.") + "</w:footnotes>"
    private static let endnotes = "<?xml version=\"1.0\"?><w:endnotes \(w)>" + note("endnote", id: "-1", "", type: "separator")
        + note("endnote", id: "0", "", type: "continuationSeparator") + note("endnote", id: "1", "Nota finale.") + "</w:endnotes>"
    private static let relationships = """
        <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="notes/fn.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="/word/endnotes.xml"/>
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/>
        </Relationships>
        """

    func testDocxNotesComeAfterTheBodyInCitationOrderWithTheirOwnLocation() throws {
        let url = try MarkupDialect.docx.write(document: Self.docxDocument, in: folder, parts: [
            ("word/_rels/document.xml.rels", Self.relationships), ("word/notes/fn.xml", Self.footnotes),
            ("word/endnotes.xml", Self.endnotes),
        ])
        let content = try MarkupDocument.content(path: url.path, format: .docx)
        let body = MarkupDialect.docx.location
        XCTAssertEqual(content.itemSummaries, [ItemSummary]([
            // the citations leave nothing in the sentences
            .block(BlockSummary(.paragraph, "Il piano è approvato.", source: body("P[1]"))),
            .block(BlockSummary(.labelValue, "Responsabile: Anna Bianchi", label: "Responsabile", value: "Anna Bianchi", source: body("P[2]"))),
            .table([["Target"]], source: body("T")),
            .block(BlockSummary(.paragraph, "Ancora", source: body("P[4]"))),
            // footnotes in citation order (note 2 once), then endnotes, each at its part and element
            .block(BlockSummary(.paragraph, "Delibera n. 12 del 2025.", source: "word/notes/fn.xml#/w:footnotes/w:footnote[4]/w:p")),
            .block(BlockSummary(.paragraph, "Valore al 31 dicembre.", source: "word/notes/fn.xml#/w:footnotes/w:footnote[3]/w:p")),
            .block(BlockSummary(.paragraph, "Nota finale.", source: "word/endnotes.xml#/w:endnotes/w:endnote[3]/w:p")),
        ]))
        XCTAssertEqual(content.blocks.suffix(3).map(\.page), [1, 2, 1], "each note on the page of its first citation")
    }

    func testDocxWithoutRelationshipsFindsTheNotesByTheirUsualNames() throws {
        let url = try MarkupDialect.docx.write(document: Self.docxDocument, in: folder, parts: [("word/footnotes.xml", Self.footnotes)])
        let content = try MarkupDocument.content(path: url.path, format: .docx)
        XCTAssertEqual(content.blocks.suffix(2).map(\.text), ["Delibera n. 12 del 2025.", "Valore al 31 dicembre."])
        XCTAssertEqual(content.blocks.last?.source, "word/footnotes.xml#/w:footnotes/w:footnote[3]/w:p")
    }

    func testDocxNotesPartGoesThroughTheZipLimits() throws {
        let big = "<?xml version=\"1.0\"?><w:footnotes \(Self.w)>" + Self.note("footnote", id: "2", String(repeating: "a", count: 300_000))
            + "</w:footnotes>"
        let url = try MarkupDialect.docx.write(document: Self.docxDocument, in: folder, parts: [("word/footnotes.xml", big)])
        let limits = ZipLimits(maxEntryBytes: 200_000)
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: url.path, format: .docx, zipLimits: limits)) { error in
            guard case .zipLimit = error.reason else { return XCTFail("\(error)") }
            XCTAssertEqual(error.part, "word/footnotes.xml")
        }
    }

    private static func odtNote(_ text: String, class noteClass: String, citation: String) -> String {
        "<text:note text:note-class=\"\(noteClass)\"><text:note-citation>\(citation)</text:note-citation>"
            + "<text:note-body><text:p>\(text)</text:p></text:note-body></text:note>"
    }

    func testOdtNotesComeAfterTheBodyAndLeaveNothingInTheSentence() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="\(ODF.office)" xmlns:text="\(ODF.text)" \
            xmlns:table="\(ODF.table)"><office:body><office:text>
            <text:p>Il piano\(Self.odtNote("Delibera n. 12 del 2025.", class: "footnote", citation: "1")) è approvato.</text:p>
            <text:p>Responsabile: Anna Bianchi\(Self.odtNote("Nota finale.", class: "endnote", citation: "i"))</text:p>
            <table:table><table:table-row><table:table-cell><text:p>Target\(Self.odtNote("Valore al 31 dicembre.", class: "footnote", citation: "2"))</text:p></table:table-cell></table:table-row></table:table>
            </office:text></office:body></office:document-content>
            """
        let url = try MarkupDialect.odt.write(document: document, in: folder)
        let content = try MarkupDocument.content(path: url.path, format: .odt)
        let body = MarkupDialect.odt.location
        let inNote = "/text:note/text:note-body/text:p"
        XCTAssertEqual(content.itemSummaries, [ItemSummary]([
            .block(BlockSummary(.paragraph, "Il piano è approvato.", source: body("P[1]"))),
            .block(BlockSummary(.labelValue, "Responsabile: Anna Bianchi", label: "Responsabile", value: "Anna Bianchi", source: body("P[2]"))),
            .table([["Target"]], source: body("T")),
            .block(BlockSummary(.paragraph, "Delibera n. 12 del 2025.", source: body("P[1]") + inNote)),
            .block(BlockSummary(.paragraph, "Valore al 31 dicembre.", source: body("T/R/C/P") + inNote)),
            .block(BlockSummary(.paragraph, "Nota finale.", source: body("P[2]") + inNote)),
        ]))
    }

    func testNotesAreReadFootnotesFirstEachOnce() {
        var citations = NoteCitations<String>()
        citations.cite(.endnote, "e1", page: 1)
        citations.cite(.footnote, "f2", page: 1)
        citations.cite(.footnote, "f1", page: 2)
        citations.cite(.footnote, "f2", page: 3)
        XCTAssertEqual(citations.readingOrder.map(\.key), ["f2", "f1", "e1"])
        XCTAssertEqual(citations.readingOrder.map(\.page), [1, 2, 1])
    }

    func testRelationshipTargetsArePartNames() {
        XCTAssertEqual(DocxRelationships.partName("footnotes.xml"), "word/footnotes.xml")
        XCTAssertEqual(DocxRelationships.partName("/word/endnotes.xml"), "word/endnotes.xml")
        XCTAssertEqual(DocxRelationships.partName("../custom/notes.xml"), "custom/notes.xml")
        XCTAssertEqual(DocxRelationships.partName("./header1.xml"), "word/header1.xml")
    }
}
