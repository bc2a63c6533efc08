import Core
import Foundation
import XCTest
@testable import XML

/// Tables in table cells, the same in XHTML, DOCX and ODT (`NestedTables`).
final class NestedTablesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try XMLFixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private static func p(_ text: String) -> MarkupPiece { .paragraph(text) }

    /// An objective table whose cells hold an indicator table (holding a table of its own) and a second one.
    private static let dataTable = MarkupPiece.table([
        [[p("Obiettivo")], [p("Indicatori")]],
        [[p("Riduzione tempi")], [p("Vedi sotto"), .table([
            [[p("Indicatore")], [p("Target")]],
            [[p("Giorni medi")], [p("30"), .table([[[p("Fonte")], [p("Protocollo")]]])]],
        ])]],
        [[p("Digitalizzazione")], [.table([[[p("Pratiche online")], [p("80%")]]])]],
    ])

    /// One row laying out a heading and two tables side by side.
    private static let layoutTable = MarkupPiece.table([
        [[.heading("Indicatori di sintesi"), .table([[[p("A")], [p("1")]]])], [.table([[[p("B")], [p("2")]]])]],
    ])

    func testInnerTablesAreTablesOfTheirOwnAfterTheOuterTable() throws {
        for dialect in MarkupDialect.all {
            let content = try dialect.content([Self.dataTable, .paragraph("Dopo")], in: folder)
            XCTAssertEqual(content.itemSummaries, [ItemSummary]([
                // the outer cell keeps only its own text
                .table([["Obiettivo", "Indicatori"], ["Riduzione tempi", "Vedi sotto"], ["Digitalizzazione", ""]],
                       source: dialect.location("T")),
                // inner tables in document order, each followed by its own inner tables
                .table([["Indicatore", "Target"], ["Giorni medi", "30"]], source: dialect.location("T/R[2]/C[2]/T")),
                .table([["Fonte", "Protocollo"]], source: dialect.location("T/R[2]/C[2]/T/R[2]/C[2]/T")),
                .table([["Pratiche online", "80%"]], source: dialect.location("T/R[3]/C[2]/T")),
                .block(BlockSummary(.paragraph, "Dopo", source: dialect.location("P"))),
            ]), "\(dialect.format)")
        }
    }

    func testInnerTableRowsNameTheirElements() throws {
        for dialect in MarkupDialect.all {
            let content = try dialect.content([Self.dataTable], in: folder)
            let inner = try XCTUnwrap(content.tables.dropFirst().first)
            XCTAssertEqual(inner.rowPlaces.map(\.source), [dialect.location("T/R[2]/C[2]/T/R[1]"), dialect.location("T/R[2]/C[2]/T/R[2]")],
                           "\(dialect.format)")
        }
    }

    func testALayoutTableHidesNeitherItsTablesNorItsText() throws {
        for dialect in MarkupDialect.all {
            let content = try dialect.content([Self.layoutTable, .paragraph("Dopo")], in: folder)
            XCTAssertEqual(content.itemSummaries, [ItemSummary]([
                .block(BlockSummary(.heading, "Indicatori di sintesi", level: 2, source: dialect.location("T/R/C[1]/H"))),
                .table([["A", "1"]], source: dialect.location("T/R/C[1]/T")),
                .table([["B", "2"]], source: dialect.location("T/R/C[2]/T")),
                .block(BlockSummary(.paragraph, "Dopo", source: dialect.location("P"))),
            ]), "\(dialect.format)")
        }
    }

    func testTagSoupReadsNestedTablesAsXHTMLDoes() throws {
        let url = folder.appendingPathComponent("soup.html")
        try "<html><body><table><tr><th>Voce<th>Dettaglio<tr><td>Spesa<td>vedi<table><tr><td>2024<td>10</table></table><p>Dopo"
            .write(to: url, atomically: true, encoding: .utf8)
        let content = try MarkupDocument.content(path: url.path, format: .html)
        XCTAssertEqual(content.itemSummaries, [ItemSummary]([
            .table([["Voce", "Dettaglio"], ["Spesa", "vedi"]], source: "/html/body/table"),
            .table([["2024", "10"]], source: "/html/body/table/tr[2]/td[2]/table"),
            .block(BlockSummary(.paragraph, "Dopo", source: "/html/body/p")),
        ]))
    }

    func testARepeatedOdtRowGivesItsInnerTableOnce() throws {
        let dialect = MarkupDialect.odt
        let document = dialect.document([.table([[[Self.p("Voce")], [Self.p("Valore")]]])]).replacingOccurrences(
            of: "<table:table-row><table:table-cell><text:p>Voce</text:p></table:table-cell>",
            with: "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell><text:p>Voce</text:p>"
                + "<table:table><table:table-row><table:table-cell><text:p>Dettaglio</text:p></table:table-cell></table:table-row></table:table>"
                + "</table:table-cell>")
        let content = try MarkupDocument.content(path: try dialect.write(document: document, in: folder).path, format: .odt)
        XCTAssertEqual(content.itemSummaries, [ItemSummary]([
            .table([["Voce", "Valore"], ["Voce", "Valore"]], source: dialect.location("T")),
            .table([["Dettaglio"]], source: dialect.location("T/R/C[1]/T")),
        ]))
    }

    func testLayoutTablesAreOneRowOrOneColumnHoldingATable() {
        XCTAssertTrue(NestedTables.isLayoutTable([[false, true]]), "one row")
        XCTAssertTrue(NestedTables.isLayoutTable([[true], [false], [true]]), "one column")
        XCTAssertFalse(NestedTables.isLayoutTable([[false, false]]), "no table in it")
        XCTAssertFalse(NestedTables.isLayoutTable([[false, true], [false, false]]), "a grid of data holding a table")
        XCTAssertFalse(NestedTables.isLayoutTable([]))
    }

    func testStreamedXHTMLReadsNestedTablesAsTheTreeDoes() throws {
        let url = try MarkupDialect.xhtml.write([Self.dataTable, Self.layoutTable, .paragraph("Dopo")], in: folder)
        let tree = try MarkupDocument.content(path: url.path, format: .xhtml)
        XCTAssertEqual(try MarkupDocument.streamedContent(path: url.path).items, tree.items)
        XCTAssertEqual(tree.tables.count, 6)
    }
}
