import Core
import XCTest
@testable import PDF

/// Tables continued over a page break, on tables made for each rule: a header set on other lines overleaf, the
/// rest of a row the break cut, a group heading at the top of the new page, and a new table under a heading.
final class TableJoinerTests: XCTestCase {
    let header = ["AREA", "AZIONE", "OBIETTIVO", "REFERENTE"]
    let body = [["Cultura", "Eventi", "Organizzare la stagione", "Rossi"], ["", "Biblioteca", "Prestiti digitali", "Verdi"],
                ["Sociale", "Riciclo", "Coinvolgere le associazioni sul", "Bianchi"]]
    /// The page above: many rows, so its column edges sit close to where each column's text starts.
    var above: PageTable {
        PageTable(table: Table(page: 1, bbox: Rect(x0: 50, y0: 400, x1: 450, y1: 800), rows: [header] + body, method: "rules"),
                  columnEdges: [50, 148, 251, 349, 450], columnGaps: [50...50, 140...150, 245...253, 340...351, 450...450])
    }

    /// Overleaf: the header on two lines, so the first column splits ("AREA" over "STRATEGICA" centred), and its
    /// few rows put the edges elsewhere in the gaps.
    func overleaf(_ rows: [[String]]) -> PageTable {
        PageTable(table: Table(page: 2, bbox: Rect(x0: 50, y0: 60, x1: 450, y1: 200), rows: rows, method: "rules"),
                  columnEdges: [50, 70, 148, 244, 347, 450], columnGaps: [50...50, 66...72, 136...152, 235...253, 336...351, 450...450])
    }

    /// One line of text above the table overleaf (a heading, a "(segue)" line).
    let heading = Rect(x0: 50, y0: 40, x1: 300, y1: 50)

    func joined(_ next: PageTable, textAbove: Bool = false) -> [Table] {
        var joiner = TableJoiner(settings: TableSettings())
        var tables = joiner.add([above], pageHeight: 842)
        tables += joiner.add([next], pageHeight: 842, linesAboveFirst: textAbove ? [heading] : [])
        return tables + joiner.finish()
    }

    func testAHeaderRepeatedOnOtherLinesContinuesTheTableAndTheCutRowIsMended() {
        let rows = [["AR", "EA", "AZIONE", "OBIETTIVO", "REFERENTE"], ["", "", "", "tema del riciclo", ""],
                    ["", "", "Sostegno", "Amministrazione di sostegno", "Neri"]]
        let tables = joined(overleaf(rows))
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.pageEnd, 2)
        XCTAssertEqual(tables.first?.rows.count, 5, "the repeated header dropped, the cut row's rest joined to it")
        XCTAssertEqual(tables.first?.rows[3], ["Sociale", "Riciclo", "Coinvolgere le associazioni sul tema del riciclo", "Bianchi"])
        XCTAssertEqual(tables.first?.rows.last, ["", "Sostegno", "Amministrazione di sostegno", "Neri"])
    }

    func testAGroupHeadingAtTheTopOfThePageIsARowOfItsOwn() {
        let rows = [["AR", "EA", "AZIONE", "OBIETTIVO", "REFERENTE"], ["", "", "", "Servizi demografici", ""],
                    ["", "Anagrafe", "Carte d'identità", "", "Neri"]]
        let tables = joined(overleaf(rows))
        XCTAssertEqual(tables.first?.rows.count, 6, "a capitalised cell under a complete row starts anew")
        XCTAssertEqual(tables.first?.rows[3].last, "Bianchi")
    }

    func testATableUnderAHeadingOverleafIsANewTableThoughItRepeatsTheHeader() {
        let rows = [["AR", "EA", "AZIONE", "OBIETTIVO", "REFERENTE"], ["Tecnico", "", "Strade", "Asfaltature", "Neri"]]
        XCTAssertEqual(joined(overleaf(rows), textAbove: true).count, 2)
    }

    /// A table overleaf in the very columns of the table above (a listing of fixed layout, its header repeated)
    /// under a part's title and a programme heading is a new table; the two lines of a cell the break cut, set
    /// where a column of the table above starts its text, are no such text.
    func testLinesOfTextAboveATableInTheSameColumnsOpenANewOne() {
        let same = PageTable(table: Table(page: 2, bbox: Rect(x0: 50, y0: 120, x1: 450, y1: 300),
                                          rows: [header, ["Tecnico", "Strade", "Asfaltature", "Neri"]], method: "rules"),
                             columnEdges: above.columnEdges, columnGaps: above.columnGaps)
        func tables(linesAbove: [Rect]) -> [Table] {
            var joiner = TableJoiner(settings: TableSettings())
            var tables = joiner.add([above], pageHeight: 842)
            tables += joiner.add([same], pageHeight: 842, linesAboveFirst: linesAbove)
            return tables + joiner.finish()
        }
        let headings = [Rect(x0: 50, y0: 60, x1: 200, y1: 70), Rect(x0: 50, y0: 80, x1: 400, y1: 90)]
        XCTAssertEqual(tables(linesAbove: headings).count, 2)
        let restOfCell = [Rect(x0: 253, y0: 60, x1: 320, y1: 70), Rect(x0: 253, y0: 72, x1: 330, y1: 82)]
        XCTAssertEqual(tables(linesAbove: restOfCell).count, 1)
    }

    func testOtherColumnsWithoutTheHeaderAreAnotherTable() {
        // A staff list at the top of the next page: two rows, wide gaps, no repeated header.
        let rows = [["1", "", "Gialli Paolo", "Istruttore", "D2"], ["2", "", "Neri Anna", "Istruttore", "C5"]]
        XCTAssertEqual(joined(overleaf(rows)).count, 2)
    }

    /// A table that stops half way down its page, text after it, has ended there: a table at the top of the next
    /// page in the same columns, with the same header, is another. Followed by a blank (a row too tall for the
    /// rest of the page), or ending at the page's foot over a footnote, it continues.
    func testATableEndingMidPageWithTextUnderItContinuesOnNoOtherPage() {
        let rows = [header, ["Tecnico", "Strade", "Asfaltature", "Neri"]]
        let next = PageTable(table: Table(page: 2, bbox: Rect(x0: 50, y0: 60, x1: 450, y1: 200), rows: rows, method: "rules"),
                             columnEdges: above.columnEdges, columnGaps: above.columnGaps)
        func joined(endingAt bottom: Double, textBelow: Bool, settings: TableSettings = TableSettings()) -> [Table] {
            var table = above
            table.table.bbox.y1 = bottom
            var joiner = TableJoiner(settings: settings)
            let tables = joiner.add([table], pageHeight: 842, textBelowLast: textBelow)
            return tables + joiner.add([next], pageHeight: 842) + joiner.finish()
        }
        XCTAssertEqual(joined(endingAt: 500, textBelow: true).count, 2)
        XCTAssertEqual(joined(endingAt: 500, textBelow: false).count, 1)
        XCTAssertEqual(joined(endingAt: 790, textBelow: true).count, 1)
        var anywhere = TableSettings()
        anywhere.continuedTableBottomZone = 1
        XCTAssertEqual(joined(endingAt: 500, textBelow: true, settings: anywhere).count, 1, "without the rule the same columns join")
    }

    /// Text under a table at its page's foot and a caption over a table in the same columns at the top of the next
    /// page: two tables, unless the second repeats the first's header.
    func testTextOnBothSidesOfThePageBreakSeparatesTwoTables() {
        func next(_ first: [String]) -> PageTable {
            PageTable(table: Table(page: 2, bbox: Rect(x0: 50, y0: 60, x1: 450, y1: 200), rows: [first, ["Tecnico", "Strade", "Asfaltature", "Neri"]],
                                   method: "rules"),
                      columnEdges: above.columnEdges, columnGaps: above.columnGaps)
        }
        func joined(_ page: PageTable, textAbove: Bool, settings: TableSettings = TableSettings()) -> [Table] {
            var joiner = TableJoiner(settings: settings)
            let tables = joiner.add([above], pageHeight: 842, textBelowLast: true)
            return tables + joiner.add([page], pageHeight: 842, linesAboveFirst: textAbove ? [heading] : []) + joiner.finish()
        }
        let otherHeader = ["SETTORE", "SERVIZIO", "ATTIVITÀ", "RESPONSABILE"]
        XCTAssertEqual(joined(next(otherHeader), textAbove: true).count, 2)
        XCTAssertEqual(joined(next(otherHeader), textAbove: false).count, 1, "text on one side only: a continuation")
        XCTAssertEqual(joined(next(header), textAbove: true).count, 1, "the header repeated: a continuation")
        var joining = TableSettings()
        joining.textAroundPageBreakSeparatesTables = false
        XCTAssertEqual(joined(next(otherHeader), textAbove: true, settings: joining).count, 1, "without the rule the same columns join")
    }
}
