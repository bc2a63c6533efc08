import Core
import XCTest
@testable import PDF

final class GridTests: XCTestCase {
    private let settings = TableSettings()

    /// A 3×3 table without rulings: columns must come from the gaps in the text.
    func testColumnsFromTextGaps() {
        let rows: [[(String, Double)]] = [
            [("Comune", 50), ("2022", 200), ("2023", 300)],
            [("Calcinate", 50), ("1.200,00", 190), ("1.350,50", 290)],
            [("Pisogne", 50), ("980,00", 200), ("1.010,00", 290)],
        ]
        let words = rows.enumerated().flatMap { r, cells in cells.map { Make.word($0.0, $0.1, 100 + Double(r) * 14) } }
        let region = TableRegion(kind: .stream, box: Rect.enclosing(words.map(\.box))!, rulings: [])
        let grid = GridExtractor(settings: settings).extract(region: region, words: words)
        XCTAssertEqual(grid?.rows, [["Comune", "2022", "2023"], ["Calcinate", "1.200,00", "1.350,50"], ["Pisogne", "980,00", "1.010,00"]])
    }

    func testTextCrossingAColumnGapIsASpanningCellInItsFirstColumn() {
        var words = [Make.word("Previsione 2023", 200, 100, width: 150)] // a header over two columns
        for r in 1...4 {
            let y = 100 + Double(r) * 14
            words += [Make.word("Voce\(r)", 50, y), Make.word("\(r),00", 200, y), Make.word("\(r)0,00", 300, y)]
        }
        let region = TableRegion(kind: .stream, box: Rect.enclosing(words.map(\.box))!, rulings: [])
        let grid = GridExtractor(settings: settings).extract(region: region, words: words)
        XCTAssertEqual(grid?.rows.first, ["", "Previsione 2023", ""])
        XCTAssertEqual(grid?.rows.count, 5)
    }

    /// A ruled 2×3 grid whose header cell spans two columns (no vertical rule through it).
    func testSpanningCellFromAMissingRuling() {
        let rulings = [
            Make.horizontal(100, 50, 350), Make.horizontal(120, 50, 350), Make.horizontal(140, 50, 350),
            Make.vertical(50, 100, 140), Make.vertical(150, 100, 140), Make.vertical(250, 120, 140), Make.vertical(350, 100, 140),
        ]
        let words = [Make.word("Voce", 60, 105), Make.word("Importi", 170, 105), Make.word("Uffici", 60, 125),
                     Make.word("10", 160, 125), Make.word("20", 260, 125)]
        let region = TableRegion(kind: .lattice, box: Rect(x0: 50, y0: 100, x1: 350, y1: 140), rulings: rulings)
        let grid = GridExtractor(settings: settings).extract(region: region, words: words)
        XCTAssertEqual(grid?.rows, [["Voce", "Importi", ""], ["Uffici", "10", "20"]])
    }

    /// In a ruled table a cell may hold several lines: they are one cell, joined, hyphenation undone.
    func testRuledCellWithWrappedText() {
        let rulings = [
            Make.horizontal(100, 50, 350), Make.horizontal(130, 50, 350), Make.horizontal(145, 50, 350),
            Make.vertical(50, 100, 145), Make.vertical(200, 100, 145), Make.vertical(350, 100, 145),
        ]
        let words = [Make.word("Digitalizzazione", 55, 102), Make.word("dei", 55, 115), Make.word("servizi", 80, 115),
                     Make.word("entro", 205, 102), Make.word("il", 240, 102), Make.word("2025", 255, 102),
                     Make.word("Trasparenza", 55, 132), Make.word("ammini-", 205, 132)]
        let region = TableRegion(kind: .lattice, box: Rect(x0: 50, y0: 100, x1: 350, y1: 145), rulings: rulings)
        let grid = GridExtractor(settings: settings).extract(region: region, words: words)
        XCTAssertEqual(grid?.rows, [["Digitalizzazione dei servizi", "entro il 2025"], ["Trasparenza", "ammini-"]])
    }

    /// A ruled cell's hyphen at a line end is kept where the page writes the word with it outside the table, and
    /// dropped as a break where the page does not.
    func testACellsHyphenAtALineEndIsKeptWhereThePageWritesItElsewhere() throws {
        let rulings = [
            Make.horizontal(100, 50, 350), Make.horizontal(130, 50, 350), Make.horizontal(145, 50, 350),
            Make.vertical(50, 100, 145), Make.vertical(200, 100, 145), Make.vertical(350, 100, 145),
        ]
        let table = [Make.word("Progetto", 55, 102), Make.word("Ring-", 100, 102), Make.word("ding", 55, 115), Make.word("2025", 205, 102),
                     Make.word("Trasparenza", 55, 132), Make.word("entro", 205, 132), Make.word("giugno", 240, 132)]
        let elsewhere = [Make.word("Il", 50, 300), Make.word("Ring-ding", 62, 300), Make.word("parte", 112, 300)]
        let kept = try XCTUnwrap(TableExtractor().tables(on: Make.page(words: table + elsewhere, rulings: rulings)).first)
        XCTAssertEqual(kept.rows, [["Progetto Ring-ding", "2025"], ["Trasparenza", "entro giugno"]])
        let dropped = try XCTUnwrap(TableExtractor().tables(on: Make.page(words: table, rulings: rulings)).first)
        XCTAssertEqual(dropped.rows.first, ["Progetto Ringding", "2025"])
    }

    func testWrappedDescriptionInAStreamTableFoldsIntoItsRow() {
        var words: [Word] = []
        let lines: [[(String, Double)]] = [
            [("440", 50), ("RIMBORSO", 100), ("5.880,86", 300)],
            [("450", 50), ("RIMBORSO", 100), ("3.824,97", 300)],
            [("PER", 100)],  // the description of 450 wraps
            [("455", 50), ("RIMBORSO", 100), ("1.724,01", 300)],
        ]
        for (r, cells) in lines.enumerated() { words += cells.map { Make.word($0.0, $0.1, 100 + Double(r) * 12) } }
        let region = TableRegion(kind: .stream, box: Rect.enclosing(words.map(\.box))!, rulings: [])
        let grid = GridExtractor(settings: settings).extract(region: region, words: words)
        XCTAssertEqual(grid?.rows, [["440", "RIMBORSO", "5.880,86"], ["450", "RIMBORSO PER", "3.824,97"], ["455", "RIMBORSO", "1.724,01"]])
    }

    /// Each row has its band across the region: a wrapped line widens its row's band, and the bands follow one
    /// another down the region without overlapping.
    func testEveryRowHasItsOwnBandInsideTheRegion() throws {
        var words: [Word] = []
        let lines: [[(String, Double)]] = [
            [("440", 50), ("RIMBORSO", 100), ("5.880,86", 300)],
            [("450", 50), ("RIMBORSO", 100), ("3.824,97", 300)],
            [("PER", 100)],
            [("455", 50), ("RIMBORSO", 100), ("1.724,01", 300)],
        ]
        for (r, cells) in lines.enumerated() { words += cells.map { Make.word($0.0, $0.1, 100 + Double(r) * 12) } }
        let region = TableRegion(kind: .stream, box: Rect.enclosing(words.map(\.box))!, rulings: [])
        let grid = try XCTUnwrap(GridExtractor(settings: settings).extract(region: region, words: words))
        XCTAssertEqual(grid.rowBoxes.count, grid.rows.count)
        for box in grid.rowBoxes {
            XCTAssertTrue(region.box.contains(x: box.x0, y: box.y0) && region.box.contains(x: box.x1, y: box.y1), "\(box) in \(region.box)")
        }
        for (upper, lower) in zip(grid.rowBoxes, grid.rowBoxes.dropFirst()) { XCTAssertLessThanOrEqual(upper.y1, lower.y0) }
        let wrapped = words.first { $0.text == "PER" }!.box
        XCTAssertTrue(grid.rowBoxes[1].contains(x: wrapped.midX, y: wrapped.midY), "the wrapped line is in the band of its row")
    }

    /// The continuation of a table on the next page brings its rows' places, its repeated header's dropped with it.
    func testJoinedTableKeepsEachRowsPlace() throws {
        func part(page: Int, top: Double, rows: [[String]]) -> PageTable {
            let places = rows.indices.map { RowPlace(page: page, bbox: Rect(x0: 50, y0: top + Double($0) * 20, x1: 350, y1: top + Double($0 + 1) * 20)) }
            let table = Table(page: page, bbox: Rect(x0: 50, y0: top, x1: 350, y1: top + Double(rows.count) * 20), rows: rows,
                              method: "lattice", rowPlaces: places)
            return PageTable(table: table, columnEdges: [50, 150, 350])
        }
        let head = part(page: 1, top: 700, rows: [["Area", "Rischio"], ["A", "1"], ["B", "2"]])
        let tail = part(page: 2, top: 60, rows: [["Area", "Rischio"], ["C", "3"]])
        var joiner = TableJoiner(settings: settings)
        XCTAssertEqual(joiner.add([head], pageHeight: 842), [])
        XCTAssertEqual(joiner.add([tail], pageHeight: 842), [])
        let joined = try XCTUnwrap(joiner.finish().first)
        XCTAssertEqual(joined.rows, [["Area", "Rischio"], ["A", "1"], ["B", "2"], ["C", "3"]])
        XCTAssertEqual(joined.rowPlaces, head.table.rowPlaces + [tail.table.rowPlaces[1]])
    }

    func testHyphenatedLineEndsAreJoined() {
        XCTAssertEqual(TextJoin.joinLines(["della pubblica ammini-", "strazione"]), "della pubblica amministrazione")
        XCTAssertEqual(TextJoin.joinLines(["periodo 2021-", "2023"]), "periodo 2021-2023")
        XCTAssertEqual(TextJoin.joinLines(["Area -", "Servizi"]), "Area - Servizi")
        XCTAssertEqual(TextJoin.joinLines(["CULTURA/", "TEMPO LIBERO"]), "CULTURA/TEMPO LIBERO")
    }

    func testAmountsSideBySideAreSeparateChunks() {
        let line = VisualLine(words: [Make.word("0,00", 100, 100, width: 15), Make.word("1.234,56", 118, 100, width: 30)],
                              box: Rect(x0: 100, y0: 100, x1: 148, y1: 110))
        XCTAssertEqual(VisualLines.chunks(of: line, gapRatio: 0.75).map(\.text), ["0,00", "1.234,56"])
        XCTAssertTrue(VisualLines.isAmount("-5.880,86"))
        XCTAssertTrue(VisualLines.isAmount("26,90%"))
        XCTAssertFalse(VisualLines.isAmount("2021"))
        XCTAssertFalse(VisualLines.isAmount("E.3.05.02.03.004"))
    }

    /// The byte readings of ASCII words answer as the character readings do, on every short mix of digits,
    /// separators, signs, letters and line breaks (a "\r\n" is one character but two bytes) and on non-ASCII text.
    func testByteReadingsOfFiguresAgreeWithTheCharacterReadings() {
        let alphabet = ["0", "7", ",", ".", "%", "-", "+", "a", "\r", "\n", " "]
        var samples = [""], layer = [""]
        for _ in 1...4 {
            layer = layer.flatMap { text in alphabet.map { text + $0 } }
            samples += layer
        }
        samples += ["1.234,56", "-5.880,86", "26,90%", "+0,00", "12.5%", "2021", "E.3.05.02.03.004", "1,2,34", ",56", "1.000",
                    "30%", "0,5", "--1,00", "1,00%%", "1\r\n,00", "1,0\r\n", "١٢,٣٤", "1,²³", "½,00", "1,00€", "é1,00"]
        for text in samples {
            XCTAssertEqual(VisualLines.isAmount(text), VisualLines.isAmount(characters: Substring(text)), "isAmount \(text.debugDescription)")
            XCTAssertEqual(GridExtractor.isFigure(text), GridExtractor.isFigure(characters: text), "isFigure \(text.debugDescription)")
        }
    }

    func testBulletSticksToItsText() {
        let line = VisualLine(words: [Make.word("•", 60, 100, width: 4), Make.word("effectiveness", 80, 100)],
                              box: Rect(x0: 60, y0: 100, x1: 150, y1: 110))
        XCTAssertEqual(VisualLines.chunks(of: line, gapRatio: 0.75).count, 1)
    }

    /// A listing ruled as a grid, and under it its total ruled as a frame of one row whose label spans the key
    /// columns: the total is the listing's last row, in the listing's columns; a frame elsewhere is no row.
    func testATotalRuledApartEndsTheGridAboveIt() {
        let columns: [Double] = [50, 100, 150, 300], rows: [Double] = [100, 115, 130, 145]
        var rulings = rows.map { Make.horizontal($0, 50, 300) } + columns.map { Make.vertical($0, 100, 145) }
        var words = [Make.word("Cap.", 55, 103, width: 20), Make.word("Art.", 105, 103, width: 20), Make.word("Importo", 155, 103, width: 40)]
        for (index, chapter) in ["101", "102"].enumerated() {
            let y = 118 + Double(index) * 15
            words += [Make.word(chapter, 55, y, width: 15), Make.word("1", 105, y, width: 5), Make.word("1.000,00", 250, y, width: 40)]
        }
        let frame = { (top: Double) in [Make.horizontal(top, 50, 300), Make.horizontal(top + 14, 50, 300), Make.vertical(50, top, top + 14),
                                        Make.vertical(150, top, top + 14), Make.vertical(300, top, top + 14)] }
        let total = { (top: Double) in [Make.word("TOTALE", 55, top + 3, width: 35), Make.word("2.000,00", 250, top + 3, width: 40)] }
        let near = TableExtractor().tables(on: Make.page(words: words + total(152), rulings: rulings + frame(152)))
        XCTAssertEqual(near.count, 1)
        XCTAssertEqual(near.first?.rows.last, ["TOTALE", "", "2.000,00"])
        rulings += frame(400)
        let far = TableExtractor().tables(on: Make.page(words: words + total(400), rulings: rulings))
        XCTAssertEqual(far.first?.rows.count, 3, "a frame far below is not the grid's row")
    }

    /// A grid whose header cells are shaded boxes standing inset from the grid lines: each box's sides are edges of
    /// the header row alone, and the body's centred figures start left of them, in the narrow slot between a grid
    /// line and a box's side. That slot holds no cell of its own, only the body cells spanning into the next
    /// column: the two are one column.
    func testTheSidesOfInsetHeaderBoxesAddNoColumns() {
        let grid = [50.0, 150, 250, 350].map { Make.vertical($0, 100, 145) }
        let boxSides = [157.0, 243, 257, 343].map { Make.vertical($0, 100, 115) }
        let rulings = [100.0, 115, 130, 145].map { Make.horizontal($0, 50, 350) } + grid + boxSides
        let words = [Make.word("Voce", 55, 103, width: 25), Make.word("Importo", 180, 103, width: 35), Make.word("Quota", 280, 103, width: 30),
                     Make.word("Spese", 55, 118, width: 30), Make.word("1.000,00", 153, 118, width: 40), Make.word("12", 253, 118, width: 10),
                     Make.word("Entrate", 55, 133, width: 35), Make.word("2.000,00", 153, 133, width: 40), Make.word("15", 253, 133, width: 10)]
        let run = { (settings: TableSettings) in TableExtractor(settings: settings).tables(on: Make.page(words: words, rulings: rulings)) }
        XCTAssertEqual(run(TableSettings()).first?.rows, [["Voce", "Importo", "Quota"], ["Spese", "1.000,00", "12"], ["Entrate", "2.000,00", "15"]])
        var apart = TableSettings()
        apart.minSpannedRowsToJoinColumns = .max
        XCTAssertEqual(run(apart).first?.rows.first?.count, 5, "without the rule each slot beside a box is a column")
    }

    /// A header spanning two sub-columns in a low row, the rule between the sub-columns starting right under it:
    /// the rule lies within a cell's size of the header's middle, but does not reach it, so the header is one cell.
    func testARuleStartingUnderALowSpanningHeaderDoesNotCutIt() {
        let rulings = [Make.horizontal(100, 50, 350), Make.horizontal(110, 150, 350), Make.horizontal(120, 50, 350),
                       Make.horizontal(135, 50, 350), Make.horizontal(150, 50, 350),
                       Make.vertical(50, 100, 150), Make.vertical(150, 100, 150), Make.vertical(250, 110, 150), Make.vertical(350, 100, 150)]
        let words = [Make.word("Voce", 55, 101, width: 25, size: 8), Make.word("Previsione", 200, 101, width: 45, size: 8),
                     Make.word("2024", 250, 101, width: 20, size: 8),
                     Make.word("iniziale", 160, 111, width: 35, size: 8), Make.word("finale", 260, 111, width: 30, size: 8),
                     Make.word("Spese", 55, 123, width: 30), Make.word("100", 160, 123, width: 15), Make.word("120", 260, 123, width: 15),
                     Make.word("Entrate", 55, 138, width: 35), Make.word("200", 160, 138, width: 15), Make.word("220", 260, 138, width: 15)]
        let run = { (settings: TableSettings) in TableExtractor(settings: settings).tables(on: Make.page(words: words, rulings: rulings)) }
        XCTAssertEqual(run(TableSettings()).first?.rows.prefix(2), [["Voce", "Previsione 2024", ""], ["", "iniziale", "finale"]])
        var loose = TableSettings()
        loose.spanRuleReach = loose.minCellSize
        XCTAssertEqual(run(loose).first?.rows.first, ["Voce", "Previsione", "2024"], "a rule that only comes near the middle cuts the header")
    }
}
