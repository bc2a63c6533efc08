import Core
import Foundation
import XCTest
@testable import PDF

/// Tables set turned on upright pages (Tests/Fixtures/rotated-tables.pdf, written by scripts/make-pdf-fixtures):
/// read as a reader of the turned page reads them, against CSVs written by hand (Tests/Fixtures/expected), with
/// their boxes in the page's own coordinates.
final class TurnedTableTests: XCTestCase {
    private static let document = Result { try PDFFile(path: Paths.fixture("rotated-tables.pdf")).tables() }

    private func table(onPage page: Int, file: StaticString = #filePath, line: UInt = #line) throws -> Table {
        let tables = try Self.document.get().filter { $0.page == page }
        XCTAssertEqual(tables.count, 1, "one table on page \(page)", file: file, line: line)
        return try XCTUnwrap(tables.first, file: file, line: line)
    }

    private func expected(_ name: String) throws -> [[String]] {
        try CSV.parse(String(contentsOfFile: Paths.fixture("expected/rotated-tables__\(name).csv"), encoding: .utf8))
    }

    private func check(page: Int, _ name: String, rotation: Int, method: String, box: Rect,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let table = try table(onPage: page, file: file, line: line)
        XCTAssertEqual(table.rows, try expected(name), file: file, line: line)
        XCTAssertEqual(table.rotation, rotation, file: file, line: line)
        XCTAssertEqual(table.method, method, file: file, line: line)
        XCTAssertEqual(table.bbox.x0, box.x0, accuracy: 2, "bbox \(table.bbox)", file: file, line: line)
        XCTAssertEqual(table.bbox.y0, box.y0, accuracy: 2, "bbox \(table.bbox)", file: file, line: line)
        XCTAssertEqual(table.bbox.x1, box.x1, accuracy: 2, "bbox \(table.bbox)", file: file, line: line)
        XCTAssertEqual(table.bbox.y1, box.y1, accuracy: 2, "bbox \(table.bbox)", file: file, line: line)
        for place in table.rowPlaces {
            let row = try XCTUnwrap(place.bbox)
            XCTAssertTrue(table.bbox.expanded(by: 0.01).contains(x: row.x0, y: row.y0) && table.bbox.expanded(by: 0.01).contains(x: row.x1, y: row.y1),
                          "row \(row) lies in the table's box", file: file, line: line)
        }
    }

    /// The ruled grid (spans: Codice and Descrizione over two header rows, Previsione over 2024 and 2025) drawn
    /// turned, the page's left edge its top: page x 150…250 is the frame's rows, page y 692 up to 272 its columns.
    func testRuledTableReadingBottomToTop() throws {
        try check(page: 1, "ruled", rotation: 90, method: "lattice", box: Rect(x0: 150, y0: 272, x1: 250, y1: 692))
    }

    func testRuledTableReadingTopToBottom() throws {
        try check(page: 3, "ruled", rotation: 270, method: "lattice", box: Rect(x0: 345, y0: 150, x1: 445, y1: 570))
    }

    /// Text alone, in three columns; the one-figure cells are words of one glyph, turned all the same.
    func testUnruledTableReadingTopToBottom() throws {
        try check(page: 2, "unruled", rotation: 270, method: "stream", box: Rect(x0: 388, y0: 150, x1: 442, y1: 498))
    }

    func testUnruledTableReadingBottomToTop() throws {
        try check(page: 4, "unruled", rotation: 90, method: "stream", box: Rect(x0: 153, y0: 344, x1: 207, y1: 692))
    }

    /// The first row of a turned table is the one at the reader's top: on the page, the left edge at 90° and the
    /// right edge at 270°.
    func testRowsRunFromTheTurnedPagesTop() throws {
        let up = try table(onPage: 1).rowPlaces.compactMap(\.bbox), down = try table(onPage: 3).rowPlaces.compactMap(\.bbox)
        XCTAssertEqual(up.map(\.x0), up.map(\.x0).sorted())
        XCTAssertEqual(down.map(\.x0), down.map(\.x0).sorted(by: >))
    }

    /// Glyphs carry poppler's direction of their word: the page's upright title stays upright.
    func testWordsSayWhichWayTheyAreTurned() throws {
        let document = try PopplerDocument(path: Paths.fixture("rotated-tables.pdf"), password: nil)
        for (number, rotation) in [(1, 90), (2, 270)] {
            let words = try XCTUnwrap(document.page(number)).glyphs().filter { !WordBuilder.isSpace($0.scalar) && $0.scalar != "\n" }
            let title = words.filter { $0.box.y1 < 100 }, table = words.filter { $0.box.y1 >= 100 }
            XCTAssertFalse(title.isEmpty || table.isEmpty)
            XCTAssertTrue(title.allSatisfy { $0.rotation == 0 }, "page \(number): the title is upright")
            XCTAssertTrue(table.allSatisfy { $0.rotation == rotation }, "page \(number): the table's text is turned")
        }
    }

    // MARK: As a renderer sets them

    /// Tests/Fixtures/rotated-weasyprint.pdf (WeasyPrint, CSS `transform: rotate`): on page 1 an upright ruled
    /// table and a ruled one with spans turned by 90°, on page 2 a paragraph and an unruled table turned by 270°.
    func testTablesTurnedByARendererBesideUprightText() throws {
        let content = try PDFFile(path: Paths.fixture("rotated-weasyprint.pdf")).content()
        let tables = content.tables
        XCTAssertEqual(tables.map(\.page), [1, 1, 2])
        XCTAssertEqual(tables.map(\.rotation), [nil, 90, 270])
        XCTAssertEqual(tables.map(\.method), ["lattice", "lattice", "stream"])
        for (table, name) in zip(tables, ["p1__t1", "p1__t2", "p2__t1"]) {
            let expected = try CSV.parse(String(contentsOfFile: Paths.fixture("expected/rotated-weasyprint__\(name).csv"), encoding: .utf8))
            XCTAssertEqual(table.rows, expected, name)
        }
        // The turned tables' words are in no block; the page's upright text is.
        let texts = content.blocks.map(\.text)
        XCTAssertEqual(texts, ["Allegato 5", "Allegato 6", "Il personale assegnato ai servizi è riportato nella tabella a lato."])
    }

    // MARK: The turned frame, on plain geometry

    func testTheFrameMapsBoxesAndRulingsThereAndBack() {
        let box = Rect(x0: 100, y0: 200, x1: 130, y1: 260)
        for rotation in TurnedFrame.rotations {
            let frame = TurnedFrame(rotation: rotation, pageWidth: 595, pageHeight: 842)
            XCTAssertEqual(frame.pageRect(frame.frameRect(box)), box)
            let turned = frame.frameRect(box)
            XCTAssertEqual(turned.width, box.height)
            XCTAssertEqual(turned.height, box.width)
            let rule = frame.frameRuling(Make.horizontal(300, 50, 150))
            XCTAssertEqual(rule.orientation, .vertical)
            XCTAssertEqual(rule.length, 100)
            XCTAssertEqual(frame.frameRuling(Make.vertical(50, 100, 400)).orientation, .horizontal)
        }
        // At 90° the page's left edge is the frame's top and its bottom the frame's left edge.
        let up = TurnedFrame(rotation: 90, pageWidth: 595, pageHeight: 842)
        XCTAssertEqual(up.frameRect(Rect(x0: 0, y0: 832, x1: 10, y1: 842)), Rect(x0: 0, y0: 0, x1: 10, y1: 10))
        // At 270° the page's right edge is the frame's top and its top the frame's left edge.
        let down = TurnedFrame(rotation: 270, pageWidth: 595, pageHeight: 842)
        XCTAssertEqual(down.frameRect(Rect(x0: 585, y0: 0, x1: 595, y1: 10)), Rect(x0: 0, y0: 0, x1: 10, y1: 10))
    }

    func testWordsAreGroupedByTheirTurn() {
        let up = Word(text: "su", box: Rect(x0: 0, y0: 0, x1: 5, y1: 10), font: Make.word("x", 0, 0).font, order: 1, rotation: 90)
        var down = up, upright = up, upsideDown = up
        down.rotation = 270
        down.order = 2
        upright.rotation = 0
        upsideDown.rotation = 180
        let groups = TurnedFrame.wordsByTurn([upright, up, down, upsideDown, up])
        XCTAssertEqual(groups, [90: [up, up], 270: [down]], "upright and upside-down words are in no group")
    }

    // MARK: Turned words in an upright table

    /// Words turned by `rotation`, each a column header standing in its cell (set bottom to top: the box is tall).
    private func turned(_ text: String, _ x0: Double, _ y0: Double, rotation: Int = 90) -> Word {
        Word(text: text, box: Rect(x0: x0, y0: y0, x1: x0 + 10, y1: y0 + Double(text.count) * 5),
             font: FontInfo(name: "ArialMT", size: 10, isBold: false, isItalic: false), order: 0, isVertical: true, rotation: rotation)
    }

    /// An upright ruled table of four columns whose two header rows (labels, units) are set turned: in the turned
    /// frame the same grid holds the headers alone, as a table of two columns, but they are fewer than the upright
    /// cells, so the table stays upright with its headers.
    func testTurnedHeadersOfAnUprightTableStayInIt() {
        let columns: [Double] = [50, 150, 250, 350, 450], rows: [Double] = [100, 180, 220, 240, 260, 280]
        let rulings = rows.map { Make.horizontal($0, 50, 450) } + columns.map { Make.vertical($0, 100, 280) }
        let labels = ["Anno", "Stato", "Spesa", "Esito"], units = ["anno", "data", "euro", "note"]
        let headers = labels.enumerated().map { turned($1, columns[$0] + 45, 110) }
            + units.enumerated().map { turned($1, columns[$0] + 45, 190) }
        let cells = [["2023", "aperto", "100", "ok"], ["2024", "chiuso", "200", "ok"], ["2025", "nuovo", "300", "no"]]
        let body = cells.enumerated().flatMap { row, line in line.enumerated().map { Make.word($1, columns[$0] + 5, rows[row + 2] + 5) } }
        let tables = TableExtractor().tables(on: Make.page(words: headers + body, rulings: rulings))
        XCTAssertEqual(tables.count, 1)
        XCTAssertNil(tables.first?.rotation)
        XCTAssertEqual(tables.first?.rows, [labels, units] + cells)
    }

    /// A turned table and an upright one on the next page's top, with columns alike, are two tables.
    func testATurnedTableIsJoinedToNoneOverleaf() {
        let rows = [["a", "b"], ["1", "2"], ["3", "4"]]
        var turned = Table(page: 1, bbox: Rect(x0: 50, y0: 100, x1: 450, y1: 800), rows: rows, method: "lattice")
        turned.rotation = 90
        let overleaf = Table(page: 2, bbox: Rect(x0: 50, y0: 40, x1: 450, y1: 200), rows: [["5", "6"]], method: "lattice")
        var joiner = TableJoiner(settings: TableSettings())
        var tables = joiner.add([PageTable(table: turned, columnEdges: [50, 250, 450])], pageHeight: 842)
        tables += joiner.add([PageTable(table: overleaf, columnEdges: [50, 250, 450])], pageHeight: 842)
        tables += joiner.finish()
        XCTAssertEqual(tables.count, 2)
        XCTAssertEqual(tables.first?.rotation, 90)
    }
}
