import Core
import XCTest
@testable import Normalize

/// Headers set on several rows and listings whose cells a narrow layout wrapped or merged: one small table
/// per layout, the same budget line expected from each.
final class HeaderCompositionTests: XCTestCase {
    private var labels: LabelMatcher!

    override func setUpWithError() throws {
        labels = try LabelMatcher.bundled()
    }

    private func context(_ rows: [[String]]) -> DocumentContext {
        let table = Table(page: 1, bbox: Rect(x0: 0, y0: 0, x1: 500, y1: 100), rows: rows, method: "stream")
        return DocumentContext(document: DocumentInfo(sha256: "0", fileName: "x.pdf", format: "pdf", referenceDate: "2023-06-30"),
                               items: [.table(index: 0, table)], labels: labels, values: ValueParser())
    }

    private func header(_ rows: [[String]]) -> HeaderLayout? {
        HeaderLayout.read(rows, at: 0, type: .budgetLine, context: context(rows), minimumFields: 4)
    }

    private let amountFields = ["amounts.initial_forecast", "amounts.current_forecast", "amounts.committed",
                                "amounts.available", "amounts.cashed"]

    func testLabelsStackedOnTwoRowsAreComposedPerColumn() throws {
        let layout = try XCTUnwrap(header([
            ["", "Piano Fin.", "", "", "Previsione", "Previsione", "", "", ""],
            ["Tit", "118/11", "Capitolo", "Descrizione", "iniziale", "attuale", "Accertato", "Disponibilità", "Riscosso"],
            ["3", "E.3.05.02.03.004", "440", "RIMBORSO RETTE", "0,00", "0,00", "5.880,86", "-5.880,86", "5.504,01"],
        ]))
        XCTAssertEqual(layout.rowCount, 2)
        XCTAssertEqual(layout.columns.map(\.label), ["Tit", "Piano Fin. 118/11", "Capitolo", "Descrizione", "Previsione iniziale",
                                                    "Previsione attuale", "Accertato", "Disponibilità", "Riscosso"])
        XCTAssertEqual(layout.fields, ["title_code", "chart_code", "chapter", "description"] + amountFields)
    }

    func testAGroupLabelSpansTheLabelsUnderIt() throws {
        let layout = try XCTUnwrap(header([
            ["Tit", "Capitolo", "Descrizione", "Previsione", "", "Accertato", "Disponibilità", "Riscosso"],
            ["", "", "", "iniziale", "attuale", "", "", ""],
            ["3", "440", "RIMBORSO RETTE", "0,00", "0,00", "5.880,86", "-5.880,86", "5.504,01"],
        ]))
        XCTAssertEqual(layout.rowCount, 2)
        XCTAssertEqual(layout.columns[4].label, "Previsione attuale")
        XCTAssertEqual(layout.columns[4].ownLabel, "attuale")
        XCTAssertEqual(layout.fields, ["title_code", "chapter", "description"] + amountFields)
    }

    /// "Piano Fin." over an empty cell does not span "Capitolo", which names a field alone.
    func testALabelIsNotCarriedOntoALabelThatNamesAFieldAlone() throws {
        let layout = try XCTUnwrap(header([
            ["Tit", "Piano Fin.", "", "Descrizione", "Previsione", "Previsione", "Accertato", "Disponibilità", "Riscosso"],
            ["", "118/11", "Capitolo", "", "iniziale", "attuale", "", "", ""],
        ]))
        XCTAssertEqual(layout.columns[2].label, "Capitolo")
        XCTAssertEqual(layout.columns[1].fields, ["chart_code"])
    }

    func testThreeStackedRowsAndAHyphenatedLabel() throws {
        let layout = try XCTUnwrap(header([
            ["", "Piano", "", "", "Previ-", "Previ-", "", "Disponi-", ""],
            ["Tit", "Fin.", "Capitolo", "Descrizione", "sione", "sione", "Accertato", "bilità", "Riscosso"],
            ["", "118/11", "", "", "iniziale", "attuale", "", "", ""],
            ["3", "E.3.05.02.03.004", "440", "RIMBORSO", "0,00", "0,00", "5.880,86", "-5.880,86", "5.504,01"],
        ]))
        XCTAssertEqual(layout.rowCount, 3)
        XCTAssertEqual(layout.columns.map(\.label)[4...7], ["Previsione iniziale", "Previsione attuale", "Accertato", "Disponibilità"])
        XCTAssertEqual(layout.fields, ["title_code", "chart_code", "chapter", "description"] + amountFields)
    }

    /// A first row of data under a one-row header is not taken into the header: it makes no column name more.
    func testTextRowsUnderAHeaderStayData() throws {
        let rows = [["Area di rischio", "Processo", "Evento rischioso", "Probabilità", "Impatto"],
                    ["Contratti pubblici", "Affidamento diretto", "Frazionamento artificioso", "Alto", "Medio"]]
        let layout = try XCTUnwrap(HeaderLayout.read(rows, at: 0, type: .risk, context: context(rows), minimumFields: 3))
        XCTAssertEqual(layout.rowCount, 1)
    }

    func testRowsWrappedByANarrowColumnJoinTheirLine() throws {
        var context = context([
            ["Tit", "Piano Fin. 118/11", "Capitolo", "Descrizione", "Previsione iniziale", "Previsione attuale", "Accertato",
             "Disponibilità", "Riscosso"],
            ["3", "E.", "440", "RIMBORSO", "0,00", "0,00", "5.880,86", "-5.880,86", "5.504,01"],
            ["", "3.05.02.03.004", "", "RETTE CASA DI RIPOSO", "", "", "", "", ""],
            ["3", "E.3.01.02.01.999", "450", "PROVENTI", "1.000,00", "1.200,00", "800,00", "400,00", "700,00"],
        ])
        let records = BudgetLineBuilder().build(in: &context)
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records[0]["chart_code"], .text("E.3.05.02.03.004"))
        XCTAssertEqual(records[0]["description"], .text("RIMBORSO RETTE CASA DI RIPOSO"))
        XCTAssertEqual(records[0].source.rowIndex, 1)
        XCTAssertEqual(records[1]["chapter"], .text("450"))
    }

    /// Cells the extraction merged ("0,00 0,00") or a merged header cell naming two amounts: the numbers that end
    /// the row are the header's amounts in order, and the record says so.
    func testAmountsReadByPositionWhenCellsDoNotLineUp() throws {
        var context = context([
            ["Tit", "Capitolo", "Descrizione", "Previsione iniziale Previsione attuale", "Accertato", "Disponibilità", "Riscosso"],
            ["3", "440", "RIMBORSO", "1.000,00 1.200,00", "800,00", "400,00", "700,00"],
        ])
        let records = BudgetLineBuilder().build(in: &context)
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(records[0]["amounts"], .object([("initial_forecast", .number(1000)), ("current_forecast", .number(1200)),
                                                      ("committed", .number(800)), ("available", .number(400)),
                                                      ("cashed", .number(700))]))
        XCTAssertEqual(records[0].source.cues.map(\.cue), ["position"])
        XCTAssertEqual(records[0]["description"], .text("RIMBORSO"))
    }

    func testAmountsLinedUpWithTheHeaderNeedNoCue() throws {
        var context = context([
            ["Tit", "Capitolo", "Descrizione", "Previsione iniziale", "Previsione attuale", "Accertato", "Disponibilità", "Riscosso"],
            ["3", "440", "RIMBORSO", "1.000,00", "", "800,00", "400,00", "700,00"],
        ])
        let records = BudgetLineBuilder().build(in: &context)
        XCTAssertEqual(records.first?.source.cues.count, 0)
        XCTAssertEqual(records.first?["amounts"], .object([("initial_forecast", .number(1000)), ("committed", .number(800)),
                                                          ("available", .number(400)), ("cashed", .number(700))]))
    }

    func testWrappedTextJoins() {
        XCTAssertEqual(WrappedText.join("Disponi-", "bilità"), "Disponibilità")
        XCTAssertEqual(WrappedText.join("2021-", "2023"), "2021-2023")
        XCTAssertEqual(WrappedText.join("Ufficio -", "2023"), "Ufficio - 2023")
        XCTAssertEqual(WrappedText.join("CULTURA/", "TEMPO LIBERO"), "CULTURA/TEMPO LIBERO")
        XCTAssertEqual(WrappedText.join("AREA ECONOMICO", "-FINANZIARIA"), "AREA ECONOMICO-FINANZIARIA")
        XCTAssertEqual(WrappedText.join("Attività previste", "- sopralluoghi"), "Attività previste - sopralluoghi")
        XCTAssertEqual(WrappedText.join("Previsione", "iniziale"), "Previsione iniziale")
        XCTAssertEqual(WrappedText.join(["", "a", "", "b"]), "a b")
    }
}

/// Rows a page or grid break set apart from the header that follows them.
final class BorrowedHeaderTests: XCTestCase {
    func testRowsBeforeTheirHeaderInAnotherTableReadThroughIt() throws {
        let labels = try LabelMatcher.bundled()
        let header = ["Tit", "Piano Fin. 118/11", "Capitolo", "Descrizione", "Previsione iniziale", "Previsione attuale",
                      "Accertato", "Disponibilità", "Riscosso"]
        let line = ["3", "E.3.05.02.03.004", "440", "RIMBORSO", "1,00", "1,00", "1,00", "0,00", "1,00"]
        let bbox = Rect(x0: 0, y0: 0, x1: 500, y1: 100)
        let items: [DocumentItem] = [
            .table(index: 0, Table(page: 1, bbox: bbox, rows: [line], method: "lattice")),
            .table(index: 1, Table(page: 1, bbox: bbox, rows: [header, line.map { $0 == "440" ? "450" : $0 }], method: "lattice")),
            .table(index: 2, Table(page: 2, bbox: bbox, rows: [["a", "b", "c"], ["1", "2", "3"]], method: "lattice")),
        ]
        var context = DocumentContext(document: DocumentInfo(sha256: "0", fileName: "x.pdf", format: "pdf"), items: items,
                                      labels: labels, values: ValueParser())
        let records = BudgetLineBuilder().build(in: &context)
        XCTAssertEqual(records.map { $0["chapter"] }, [.text("440"), .text("450")])
        XCTAssertEqual(records[0].source.cues.map(\.cue), ["next table"])
        XCTAssertEqual(records[1].source.cues.count, 0)
        XCTAssertFalse(context.isClaimed(2))
    }
}

final class ChartCodeRejoinTests: XCTestCase {
    func testAPartLetterRejoinsItsCode() throws {
        let layout = HeaderLayout(columns: [.init(label: "Tit", fields: ["title_code"])], rowCount: 1)
        let reader = BudgetRowReader(layout: layout, values: ValueParser(), vocabulary: ListingVocabulary.italian)
        XCTAssertEqual(reader.rejoinedChartCode(["4", "E.", "563", "4.02.01.01.000", "0", "TRASFERIMENTI"]),
                       ["4", "E.4.02.01.01.000", "563", "0", "TRASFERIMENTI"])
        XCTAssertEqual(reader.rejoinedChartCode(["3", "E.", "3.05.02.03.004", "440"]), ["3", "E.3.05.02.03.004", "440"])
        XCTAssertEqual(reader.rejoinedChartCode(["Dott.", "A.", "Rossi", "12"]), ["Dott.", "A.", "Rossi", "12"])
    }
}

extension ChartCodeRejoinTests {
    func testAChapterAndArticleBetweenLetterAndCode() {
        let layout = HeaderLayout(columns: [.init(label: "Tit", fields: ["title_code"])], rowCount: 1)
        let reader = BudgetRowReader(layout: layout, values: ValueParser(), vocabulary: ListingVocabulary.italian)
        XCTAssertEqual(reader.rejoinedChartCode(["1", "U.", "10221", "1", "1.01.01.01.000", "STIPENDI"]),
                       ["1", "U.1.01.01.01.000", "10221", "1", "STIPENDI"])
    }
}

final class UnreadListingRowTests: XCTestCase {
    func testARowThatIsNoLineIsNamedOnTheLineBefore() throws {
        let rows = [["Tit", "Capitolo", "Descrizione", "Previsione iniziale", "Previsione attuale", "Accertato", "Disponibilità", "Riscosso"],
                    ["3", "440", "RIMBORSO", "1,00", "1,00", "1,00", "0,00", "1,00"],
                    ["Nota: importi in euro", "", "", "vedi nota", "", "", "", ""]]
        let table = Table(page: 1, bbox: Rect(x0: 0, y0: 0, x1: 500, y1: 100), rows: rows, method: "stream")
        var context = DocumentContext(document: DocumentInfo(sha256: "0", fileName: "x.pdf", format: "pdf"),
                                      items: [.table(index: 0, table)], labels: try LabelMatcher.bundled(), values: ValueParser())
        let records = BudgetLineBuilder().build(in: &context)
        XCTAssertEqual(records.count, 1)
        XCTAssertTrue(records[0].warnings.map(\.description).contains("row: table row 3 not read as a budget line: Nota: importi in euro | vedi nota"),
                      "\(records[0].warnings)")
    }
}
