import Core
import XCTest
@testable import PDF

final class RegionTests: XCTestCase {
    func testRulingsThatMeetFormOneFrame() {
        let frame = [Make.horizontal(100, 50, 300), Make.horizontal(200, 50, 300), Make.vertical(50, 100, 200), Make.vertical(300, 100, 200)]
        let stray = [Make.horizontal(500, 50, 300)]
        let components = RulingGraph.components(frame + stray, tolerance: 3)
        XCTAssertEqual(components.count, 2)
        XCTAssertEqual(Set(components.map(\.count)), [4, 1])
    }

    func testLinkUnderlinesAreDropped() {
        let link = Make.word("Article", 100, 100, width: 30) // box bottom at 110; an underline sits just above it
        let underline = Make.horizontal(109.5, 100, 130)
        let tableRule = Make.horizontal(113, 90, 400)
        let kept = RulingGraph.removingUnderlines([underline, tableRule], words: [link], pageWidth: 595)
        XCTAssertEqual(kept, [tableRule])
    }

    func testHorizontalRulesOfOneWidthStack() {
        let stacks = RulingGraph.horizontalStacks([Make.horizontal(100, 50, 400), Make.horizontal(120, 52, 398),
                                                   Make.horizontal(300, 50, 400), Make.horizontal(320, 300, 500)], maxGap: 400)
        XCTAssertEqual(stacks.first?.count, 3)
    }

    func testJustifiedLinesSpreadWordByWordAreNoTable() {
        // Lines broken by hand in justified text: each spread over the width with gaps of its own width.
        func spread(_ texts: [String], y: Double, right: Double = 540) -> [Word] {
            let width = 30.0
            let gap = (right - 50 - width * Double(texts.count)) / Double(texts.count - 1)
            return texts.enumerated().map { Make.word($1, 50 + Double($0) * (width + gap), y, width: width) }
        }
        let prose = spread(["Entro", "aprile", "2025", "avvio", "della", "procedura", "urbanistica"], y: 100)
            + spread(["Entro", "dicembre", "2025", "chiusura", "valutazione"], y: 112)
            + spread(["Entro", "aprile", "2026", "adozione"], y: 124)
        XCTAssertTrue(TableExtractor().tables(on: Make.page(words: prose)).isEmpty)
        // Rows of a table share their gaps: evenly spaced columns stay a table.
        let rows = (0..<3).flatMap { spread(["Voce\($0)", "2021", "2022", "2023", "2024"], y: 100 + Double($0) * 12) }
        XCTAssertEqual(TableExtractor().tables(on: Make.page(words: rows)).first?.rows.count, 3)
    }

    func testRunningTextInColumnsIsNoTable() {
        // Two columns of prose: every line has two chunks, but the cells hold whole sentences.
        var words: [Word] = []
        for r in 0..<6 {
            let y = 100 + Double(r) * 12
            for (i, w) in "la programmazione degli obiettivi e degli indicatori".split(separator: " ").enumerated() {
                words.append(Make.word(String(w), 50 + Double(i) * 40, y, width: 35))
                words.append(Make.word(String(w), 330 + Double(i) * 40, y, width: 35))
            }
        }
        XCTAssertTrue(TableExtractor().tables(on: Make.page(words: words)).isEmpty)
    }

    func testAlignedFiguresAreAStreamTable() {
        var words: [Word] = []
        for r in 0..<5 {
            let y = 100 + Double(r) * 12
            words += [Make.word("Capitolo \(r)", 50, y, width: 60), Make.word("\(r + 1).000,00", 250, y, width: 40),
                      Make.word("\(r + 2)00,00", 350, y, width: 35)]
        }
        let tables = TableExtractor().tables(on: Make.page(words: words))
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.method, "stream")
        XCTAssertEqual(tables.first?.rows.first, ["Capitolo 0", "1.000,00", "200,00"])
    }

    /// Small multiples: a frame of panels, each holding a country's name and its plotted line (drawn in slanted
    /// pieces). The frame's cells hold words, but fewer than the drawings: a chart, not a table. The same frame
    /// with one mark in each row beside its words (a status dot) stays a table.
    func testAFrameHoldingMoreDrawingsThanWordsIsAChart() {
        let columns: [Double] = [50, 150, 250, 350], rows: [Double] = [100, 160, 220]
        let rulings = rows.map { Make.horizontal($0, 50, 350) } + columns.map { Make.vertical($0, 100, 220) }
        var words: [Word] = [], lines: [Rect] = []
        for (index, name) in ["Austria", "Belgio", "Cipro", "Danimarca", "Estonia", "Francia"].enumerated() {
            let x = columns[index % 3] + 5, y = rows[index / 3] + 3
            words.append(Make.word(name, x, y, width: 40, size: 6))
            lines += (0..<3).map { Rect(x0: x + Double($0) * 30, y0: y + 20, x1: x + Double($0 + 1) * 30, y1: y + 30 + Double($0) * 5) }
        }
        let chart = Page(number: 1, width: 595, height: 842, words: words, lines: [], rulings: rulings, graphics: lines)
        XCTAssertTrue(TableExtractor().tables(on: chart).isEmpty)
        var counting = TableSettings()
        counting.framedChartDrawingsPerWord = .infinity
        XCTAssertFalse(TableExtractor(settings: counting).tables(on: chart).isEmpty, "without the rule the panels read as cells")

        let dots = (0..<2).map { Rect(x0: 300, y0: rows[$0] + 5, x1: 306, y1: rows[$0] + 11) }
        let status = Page(number: 1, width: 595, height: 842, words: words, lines: [], rulings: rulings, graphics: dots + [dots[0]])
        XCTAssertEqual(TableExtractor().tables(on: status).first?.rows.count, 2)
    }

    /// Notes under a table, each a mark and a sentence, line up in two columns but are no table; labels with their
    /// values (no sentences) set the same way stay one.
    func testNotesPairingMarksWithSentencesAreNoTable() {
        func page(_ rows: [(String, [String])]) -> Page {
            var words: [Word] = []
            for (index, row) in rows.enumerated() {
                let y = 100 + Double(index) * 12
                words.append(Make.word(row.0, 50, y, width: 30))
                var x = 120.0
                for word in row.1 { words.append(Make.word(word, x, y, width: 40)); x += 43 }
            }
            return Make.page(words: words)
        }
        let notes = page([("GDP:", ["Gross", "domestic", "product."]), ("(*)", ["Forecast."]), ("Source:", ["Eurostat,", "2005."])])
        XCTAssertTrue(TableExtractor().tables(on: notes).isEmpty)
        var keeping = TableSettings()
        keeping.notesRowShare = 2
        XCTAssertEqual(TableExtractor(settings: keeping).tables(on: notes).count, 1, "without the rule the notes read as a table")
        let labels = page([("Comune:", ["Brescia"]), ("Provincia:", ["BS"]), ("Abitanti:", ["196.745"])])
        XCTAssertEqual(TableExtractor().tables(on: labels).count, 1)
    }

    /// A bar chart in a frame: each bar a shaded box whose sides are rulings, its value inside, and under the bars
    /// the scale "0% 20% … 100%". A table whose header lists evenly spaced years, not from zero, stays a table.
    func testAFrameHoldingAnAxisScaleIsAChart() {
        func frame(header: [String], rowLabels: [String]) -> Page {
            var rulings = [Make.horizontal(100, 50, 400), Make.horizontal(190, 50, 400), Make.vertical(50, 100, 190), Make.vertical(400, 100, 190)]
            var words: [Word] = []
            for (index, label) in rowLabels.enumerated() {
                let top = 105 + Double(index) * 20, end = 200 + Double(index) * 30
                rulings += [Make.horizontal(top, 100, 390), Make.horizontal(top + 12, 100, 390), Make.vertical(end, top, top + 12)]
                words += [Make.word(label, 60, top + 1, width: 20), Make.word("\(40 + index)", 140, top + 1, width: 10),
                          Make.word("\(60 - index)", end + 40, top + 1, width: 10)]
            }
            for (index, text) in header.enumerated() { words.append(Make.word(text, 95 + Double(index) * 58, 172, width: 20)) }
            return Make.page(words: words, rulings: rulings)
        }
        let chart = frame(header: ["0%", "20%", "40%", "60%", "80%", "100%"], rowLabels: ["2001", "2005", "2010"])
        XCTAssertTrue(TableExtractor().tables(on: chart).isEmpty)
        var reading = TableSettings()
        reading.minAxisTicks = .max
        XCTAssertFalse(TableExtractor(settings: reading).tables(on: chart).isEmpty, "without the rule the bars read as cells")
        let years = frame(header: ["2019", "2020", "2021", "2022", "2023", "2024"], rowLabels: ["Nord", "Sud", "Est"])
        XCTAssertFalse(TableExtractor().tables(on: years).isEmpty)
    }
}
