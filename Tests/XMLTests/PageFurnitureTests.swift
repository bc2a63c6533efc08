import Core
import Foundation
import XCTest
@testable import XML

/// Running headers and footers of DOCX and ODT (`PageFurniture`).
final class PageFurnitureTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try XMLFixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private static let namespaces = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    private static func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

    private static func part(_ root: String, _ body: String) -> String { "<?xml version=\"1.0\"?><w:\(root) \(namespaces)>\(body)</w:\(root)>" }

    /// Two sections: the first with a first-page header, a default header and a footer, the second with a header of
    /// its own (a table, and a line the first page's header already had) and the same footer.
    private static let docxDocument = part("document", """
        <w:body>\(p("Relazione"))<w:p><w:pPr><w:sectPr><w:headerReference w:type="first" r:id="rH1"/>\
        <w:headerReference w:type="default" r:id="rH2"/><w:footerReference w:type="default" r:id="rF1"/><w:titlePg/></w:sectPr>\
        </w:pPr><w:r><w:t>Fine sezione</w:t></w:r></w:p>\(p("Seconda sezione"))<w:sectPr><w:headerReference w:type="default" r:id="rH3"/>\
        <w:footerReference w:type="default" r:id="rF1"/></w:sectPr></w:body>
        """)

    private static let relationships = """
        <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
        <Relationship Id="rH2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>\
        <Relationship Id="rH3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header3.xml"/>\
        <Relationship Id="rF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
        </Relationships>
        """

    private static let docxParts = [
        ("word/_rels/document.xml.rels", relationships),
        ("word/header1.xml", part("hdr", p("Comune di Prova"))),
        ("word/header2.xml", part("hdr", "<w:p><w:r><w:t>Comune di Prova</w:t></w:r><w:r><w:tab/></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>PEG 2025</w:t></w:r></w:p>")),
        ("word/header3.xml", part("hdr", "<w:tbl><w:tr><w:tc>\(p("Settore"))</w:tc><w:tc>\(p("Finanze"))</w:tc>"
            + "<w:tc><w:p><w:fldSimple w:instr=\"PAGE\"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p></w:tc></w:tr></w:tbl>" + p("Comune di Prova"))),
        // a simple PAGE field, a line of text, a complex PAGE field
        ("word/footer1.xml", part("ftr", "<w:p><w:r><w:t xml:space=\"preserve\">- </w:t></w:r><w:fldSimple w:instr=\" PAGE \\* MERGEFORMAT \"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> -</w:t></w:r></w:p>"
            + p("Documento riservato")
            + "<w:p><w:r><w:t xml:space=\"preserve\">Pagina </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>")),
    ]

    func testDocxHeadersAndFootersAreKeptApartFromTheBody() throws {
        let url = try MarkupDialect.docx.write(document: Self.docxDocument, in: folder, parts: Self.docxParts)
        let content = try MarkupDocument.content(path: url.path, format: .docx)
        XCTAssertEqual(content.blocks.map(\.text), ["Relazione", "Fine sezione", "Seconda sezione"], "no header or footer in the body")
        XCTAssertEqual(content.pageFurniture.map(ItemSummary.init), [ItemSummary]([
            .block(BlockSummary(.paragraph, "Comune di Prova", source: "word/header1.xml#/w:hdr/w:p")),
            .block(BlockSummary(.paragraph, "Comune di Prova PEG 2025", source: "word/header2.xml#/w:hdr/w:p")),
            // the page-number lines (p[1], p[3]) left out
            .block(BlockSummary(.paragraph, "Documento riservato", source: "word/footer1.xml#/w:ftr/w:p[2]")),
            // each part once, a line already kept left out; the page number in a cell left out too
            .table([["Settore", "Finanze", ""]], source: "word/header3.xml#/w:hdr/w:tbl"),
        ]))
    }

    func testDocxFurniturePartsGoThroughTheZipLimits() throws {
        var parts = Self.docxParts
        parts[1] = ("word/header1.xml", Self.part("hdr", Self.p(String(repeating: "a", count: 300_000))))
        let url = try MarkupDialect.docx.write(document: Self.docxDocument, in: folder, parts: parts)
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: url.path, format: .docx, zipLimits: ZipLimits(maxEntryBytes: 200_000))) { error in
            guard case .zipLimit = error.reason else { return XCTFail("\(error)") }
            XCTAssertEqual(error.part, "word/header1.xml")
        }
    }

    private static let odtStyles = """
        <?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="\(ODF.office)" xmlns:text="\(ODF.text)" \
        xmlns:style="\(ODF.style)" xmlns:table="\(ODF.table)"><office:master-styles>\
        <style:master-page style:name="Standard"><style:header><text:p>Comune di Prova</text:p></style:header>\
        <style:footer><text:p>- <text:page-number text:select-page="current">1</text:page-number> -</text:p>\
        <text:p>Documento riservato</text:p><table:table><table:table-row><table:table-cell><text:p>Ufficio</text:p></table:table-cell>\
        <table:table-cell><text:p><text:page-number>1</text:page-number></text:p></table:table-cell></table:table-row></table:table>\
        </style:footer></style:master-page>\
        <style:master-page style:name="Landscape"><style:header><text:p>Comune di Prova</text:p></style:header>\
        <style:footer style:display="false"><text:p>Nascosto</text:p></style:footer></style:master-page>\
        </office:master-styles></office:document-styles>
        """

    func testOdtMasterPageHeadersAndFootersAreKeptApartFromTheBody() throws {
        let url = try MarkupDialect.odt.write([.paragraph("Relazione")], in: folder, parts: [("styles.xml", Self.odtStyles)])
        let content = try MarkupDocument.content(path: url.path, format: .odt)
        XCTAssertEqual(content.blocks.map(\.text), ["Relazione"])
        let masters = "styles.xml#/office:document-styles/office:master-styles/style:master-page"
        XCTAssertEqual(content.pageFurniture.map(ItemSummary.init), [ItemSummary]([
            .block(BlockSummary(.paragraph, "Comune di Prova", source: masters + "[1]/style:header/text:p")),
            // the page number left out, the landscape header already kept, the footer not displayed left out
            .block(BlockSummary(.paragraph, "Documento riservato", source: masters + "[1]/style:footer/text:p[2]")),
            // the page number in a cell left out too
            .table([["Ufficio"]], source: masters + "[1]/style:footer/table:table"),
        ]))
    }

    func testSeedDocumentsKeepTheirRunningHeaderAsFurnitureOnly() throws {
        let sources = XMLFixtures.folder.deletingLastPathComponent().appendingPathComponent("xml-sources")
        for name in ["pisogne_piao_2025-2027.docx", "pisogne_piao_2025-2027.odt"] {
            let content = try MarkupDocument.content(path: sources.appendingPathComponent(name).path)
            XCTAssertEqual(content.pageFurniture.compactMap { item -> String? in
                if case .block(let block) = item { return block.text } else { return nil }
            }, ["Comune di Pisogne PIAO 2025 – 2027"], name)
            XCTAssertFalse(content.blocks.contains { $0.text.contains("PIAO 2025 – 2027") && $0.text.hasPrefix("Comune di Pisogne") }, name)
        }
    }
}
