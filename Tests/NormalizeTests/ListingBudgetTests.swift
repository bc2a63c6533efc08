import Core
import XCTest
@testable import Normalize

/// Budget listings read from small hand-made tables and headings.
final class ListingBudgetTests: XCTestCase {
    private var labels: LabelMatcher!
    private let vocabulary = ListingVocabulary.italian

    override func setUpWithError() throws {
        labels = try LabelMatcher.bundled()
    }

    func testHeadings() {
        let cases: [(String, BudgetHeading?)] = [
            ("P A R T E E N T R A T E", BudgetHeading(direction: "revenue")),
            ("PARTESPESE", BudgetHeading(direction: "expenditure")),
            ("MISSIONE 01 - PROGRAMMA 02: SEGRETERIA GENERALE - RESPONSABILE: SALVINELLI NICOLA",
             BudgetHeading(missionCode: "01", programCodes: ["02"], owner: "SALVINELLI NICOLA")),
            ("MISSIONE 01 - PROGRAMMA 03: GESTIONE ECONOMICA, FINANZIARIA, PROGRAMMAZ., PROVVEDIT. - RESP.: SAVELLI ROBERTO",
             BudgetHeading(missionCode: "01", programCodes: ["03"], owner: "SAVELLI ROBERTO")),
            ("MISSIONE 50 - PROGRAMMA 2: QUOTA CAPITALE AMM. MUTUI E PRESTITI OBBLIGAZ. - RESPONSABILE PERINI ANGELO",
             BudgetHeading(missionCode: "50", programCodes: ["02"], owner: "PERINI ANGELO")),
            ("MISSIONE 20 - PROGRAMMI 1, 2 E 3: FONDO DI RISERVA - RESP.: SAVELLI ROBERTO",
             BudgetHeading(missionCode: "20", programCodes: ["01", "02", "03"], owner: "SAVELLI ROBERTO")),
            ("MISSIONE 99 - SERVIZI PER CONTO TERZI", BudgetHeading(missionCode: "99")),
            ("PARTE SPESA MISSIONE 01 - PROGRAMMA 01: ORGANI ISTITUZIONALI - RESPONSABILE: SALVINELLI NICOLA",
             BudgetHeading(direction: "expenditure", missionCode: "01", programCodes: ["01"], owner: "SALVINELLI NICOLA")),
            ("TITOLO 4 - ENTRATE IN CONTO CAPITALE", BudgetHeading(titleCode: "04")),
            ("Situazione al 30 giugno 2023", nil),
            ("La missione 5 del PNRR", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(BudgetHeading.parse(text, labels: labels, vocabulary: vocabulary), expected, text)
        }
    }

    func testTotals() {
        XCTAssertEqual(BudgetTotal.read("TOTALE TITOLO 3", vocabulary: vocabulary), BudgetTotal(level: "titolo", rank: 1, titleCode: "3"))
        XCTAssertEqual(BudgetTotal.read("TOTALE PROGRAMMA", vocabulary: vocabulary), BudgetTotal(level: "programma", rank: 1))
        XCTAssertEqual(BudgetTotal.read("TOTALE ENTRATE", vocabulary: vocabulary), BudgetTotal(level: "entrata", rank: 3))
        XCTAssertEqual(BudgetTotal.read("TOTALE SPESA", vocabulary: vocabulary), BudgetTotal(level: "spesa", rank: 3))
        XCTAssertEqual(BudgetTotal.read("Totale", vocabulary: vocabulary), BudgetTotal(level: nil, rank: 1))
        XCTAssertNil(BudgetTotal.read("RIMBORSO RETTE", vocabulary: vocabulary))
    }

    private func context(_ items: [DocumentItem], referenceDate: String? = "2023-06-30") -> DocumentContext {
        DocumentContext(document: DocumentInfo(sha256: "0", fileName: "x.pdf", format: "pdf", referenceDate: referenceDate),
                        items: items, labels: labels, values: ValueParser())
    }

    private func block(_ text: String, kind: Block.Kind = .heading, page: Int = 1, y: Double = 0) -> DocumentItem {
        .block(Block(kind: kind, page: page, bbox: Rect(x0: 0, y0: y, x1: 100, y1: y + 10), text: text, fontSize: 10, isBold: true))
    }

    private func table(_ rows: [[String]], index: Int = 0, page: Int = 1, y: Double = 20) -> DocumentItem {
        .table(index: index, Table(page: page, bbox: Rect(x0: 0, y0: y, x1: 500, y1: y + 100), rows: rows, method: "stream"))
    }

    private func field(_ record: Record, _ name: String) -> JSONValue? { record[name]?.json }

    private let header = ["Tit", "Piano Fin. 118/11", "Capitolo", "", "Descrizione", "Previsione iniziale", "Previsione attuale",
                          "Impegnato", "Disponibilità", "Pagato"]

    func testAProgrammeHeadingOnTheNextPageOfAJoinedListingAppliesFromTheRowUnderIt() {
        // Joined over the page break (its repeated header dropped), the listing holds the next programme's rows;
        // that programme's heading is a block on the second page, above them, read after the table.
        let rows = [header,
                    ["1", "U.1.03.02.11.999", "14813", "1", "INCARICHI PER PRESTAZIONI", "3.000,00", "3.000,00", "854,00", "2.146,00", "219,60"],
                    ["TOTALE PROGRAMMA", "", "", "", "", "3.000,00", "3.000,00", "854,00", "2.146,00", "219,60"],
                    ["1", "U.1.10.01.01.001", "10801", "11", "FONDO DI RISERVA", "190.912,33", "190.912,33", "0,00", "190.912,33", "0,00"],
                    ["TOTALE PROGRAMMA", "", "", "", "", "190.912,33", "190.912,33", "0,00", "190.912,33", "0,00"]]
        let places = [RowPlace(page: 1, bbox: Rect(x0: 0, y0: 700, x1: 500, y1: 715)), RowPlace(page: 1, bbox: Rect(x0: 0, y0: 715, x1: 500, y1: 730)),
                      RowPlace(page: 1, bbox: Rect(x0: 0, y0: 730, x1: 500, y1: 745)), RowPlace(page: 2, bbox: Rect(x0: 0, y0: 80, x1: 500, y1: 95)),
                      RowPlace(page: 2, bbox: Rect(x0: 0, y0: 95, x1: 500, y1: 110))]
        let joined = Table(page: 1, pageEnd: 2, bbox: Rect(x0: 0, y0: 700, x1: 500, y1: 745), rows: rows, method: "stream", rowPlaces: places)
        var context = context([
            block("PARTE SPESE"),
            block("MISSIONE 17 - PROGRAMMA 1: FONTI ENERGETICHE - RESPONSABILE: ZUCCOLI ANDREA", kind: .labelValue, y: 680),
            .table(index: 0, joined),
            block("MISSIONE 20 - PROGRAMMI 1, 2 E 3: FONDO DI RISERVA - RESP.: SAVELLI ROBERTO", kind: .labelValue, page: 2, y: 40),
        ])
        let records = BudgetLineBuilder().build(in: &context)
        let lines = records.filter { field($0, "is_total") == .bool(false) }
        XCTAssertEqual(lines.map { field($0, "mission_code") }, [.string("17"), .string("20")])
        XCTAssertEqual(lines.map { field($0, "owner") }, [.string("ZUCCOLI ANDREA"), .string("SAVELLI ROBERTO")])
    }

    func testExpenditureListingWithProgrammeHeadingAndTotal() throws {
        var context = context([
            block("PARTE SPESE"),
            block("MISSIONE 01 - PROGRAMMA 01: ORGANI ISTITUZIONALI - RESPONSABILE: SALVINELLI NICOLA", kind: .labelValue, y: 10),
            table([header,
                   ["1", "U.1.01.01.01.000", "10111", "1", "STIPENDI ED ALTRI ASSEGNI FISSI", "23.900,00", "24.324,00", "11.218,44", "13.105,56", "11.218,44"],
                   ["1", "U.1.03.02.01.001", "10113", "17", "INDENNITA' DI CARICA", "146.822,49", "146.822,99", "146.822,49", "0,50", "73.411,32"],
                   ["TOTALE PROGRAMMA", "", "", "", "", "170.722,49", "171.146,99", "158.040,93", "13.106,06", "84.629,76"]]),
        ])
        let records = BudgetLineBuilder().build(in: &context)
        XCTAssertEqual(records.count, 3)
        XCTAssertTrue(context.isClaimed(2))
        let first = records[0]
        XCTAssertEqual(field(first, "direction"), .string("expenditure"))
        XCTAssertEqual(field(first, "title_code"), .string("1"))
        XCTAssertEqual(field(first, "chart_code"), .string("U.1.01.01.01.000"))
        XCTAssertEqual(field(first, "chapter"), .string("10111"))
        XCTAssertEqual(field(first, "article"), .string("1"))
        XCTAssertEqual(field(first, "description"), .string("STIPENDI ED ALTRI ASSEGNI FISSI"))
        XCTAssertEqual(field(first, "mission_code"), .string("01"))
        XCTAssertEqual(field(first, "program_code"), .string("01"))
        XCTAssertEqual(field(first, "owner"), .string("SALVINELLI NICOLA"))
        XCTAssertEqual(field(first, "as_of"), .string("2023-06-30"))
        XCTAssertEqual(field(first, "is_total"), .bool(false))
        XCTAssertEqual(first["amounts"], .object([("initial_forecast", .number(23900)), ("current_forecast", .number(24324)),
                                                 ("committed", .number("11218.44")), ("available", .number("13105.56")),
                                                 ("cashed", .number("11218.44"))]))
        XCTAssertEqual(first.warnings, [])
        let total = records[2]
        XCTAssertEqual(field(total, "is_total"), .bool(true))
        XCTAssertEqual(field(total, "total_level"), .string("programma"))
        XCTAssertEqual(field(total, "program_code"), .string("01"))
        XCTAssertEqual(total.warnings, [])
    }

    /// The listing goes on overleaf without its header (left alone at the foot of the page before, no table of
    /// its own), its columns found anew: one column fewer, rows still ending in the five amounts. A table after it
    /// whose rows end in fewer amounts is no part of it.
    func testAHeaderlessTableWithOtherColumnsContinuesTheListingWhenItsRowsEndInEveryAmount() throws {
        var context = context([
            block("PARTE SPESE"),
            block("MISSIONE 01 - PROGRAMMA 03: GESTIONE ECONOMICA - RESP.: SAVELLI ROBERTO", kind: .labelValue, y: 10),
            table([header,
                   ["1", "U.1.01.01.01.000", "10311", "1", "STIPENDI ED ALTRI ASSEGNI FISSI", "282.400,00", "286.682,00", "134.926,79", "151.755,21", "134.926,79"]]),
            table([["1 U.1.01.01.01.000", "10311", "3", "QUOTA FONDO MIGLIORAMENTO SERVIZI", "49.900,00", "49.900,00", "24.450,00", "25.450,00", "17.198,66"],
                   ["TOTALE PROGRAMMA", "", "", "", "332.300,00", "336.582,00", "159.376,79", "177.205,21", "152.125,45"]]),
            table([["Indicatore", "Target", "Raggiunto"], ["Pratiche evase", "120", "118"]]),
        ])
        let records = BudgetLineBuilder().build(in: &context)
        guard records.count == 3 else { return XCTFail("\(records.count) records, expected 3") }
        XCTAssertEqual(field(records[1], "chapter"), .string("10311"))
        XCTAssertEqual(field(records[1], "article"), .string("3"))
        XCTAssertEqual(field(records[1], "chart_code"), .string("U.1.01.01.01.000"))
        XCTAssertEqual(field(records[1], "program_code"), .string("03"))
        XCTAssertEqual(records[2].warnings, [])
        XCTAssertFalse(context.isClaimed(4))
    }

    /// A stacked header read "Piano Fin. Tit 118/11 Capitolo" names the chart code before the Titolo, while the row
    /// holds the Titolo first: the chart code tells itself by its shape, the other codes follow in header order.
    func testAChartCodeIsReadByItsShapeWhereverItStandsAmongTheCodes() throws {
        var context = context([
            block("PARTE ENTRATE"),
            table([["Piano Fin. Tit 118/11 Capitolo", "", "Descrizione", "Previsione iniziale", "Previsione attuale", "Accertato",
                    "Disponibilità", "Riscosso"],
                   ["6 E. 730 0 6.03.01.04.000", "", "MUTUI PER FUNZIONI NEL CAMPO DELLA VIABILITA'", "700.000,00", "700.000,00",
                    "0,00", "700.000,00", "0,00"]]),
        ])
        let records = BudgetLineBuilder().build(in: &context)
        guard records.count == 1 else { return XCTFail("\(records.count) records") }
        XCTAssertEqual(field(records[0], "chart_code"), .string("E.6.03.01.04.000"))
        XCTAssertEqual(field(records[0], "title_code"), .string("6"))
        XCTAssertEqual(field(records[0], "chapter"), .string("730"))
        XCTAssertEqual(field(records[0], "article"), .string("0"))
        XCTAssertEqual(field(records[0], "description"), .string("MUTUI PER FUNZIONI NEL CAMPO DELLA VIABILITA'"))
    }

    /// Merged cells, rows before the header, a title row inside the table, totals that do not add up.
    func testRevenueRowsBeforeTheirHeaderAndAWrongTotal() throws {
        var context = context([
            block("P A R T E E N T R A T E"),
            table([["3", "E.3.05.02.03.004", "466", "0", "INTROITI DA COMPOSTER", "500,00", "500,00", "219,60", "280,00", "219,60"],
                   ["TOTALE TITOLO 3", "", "", "", "", "600,00", "500,00", "219,60", "280,40", "219,60"],
                   ["TITOLO 6 - ACCENSIONE PRESTITI", "", "", "", "", "", "", "", "", ""],
                   ["Tit Piano Fin. 118/11", "Capitolo", "Descrizione", "Previsione iniziale", "Previsione attuale", "Accertato",
                    "Disponibilità", "Riscosso"],
                   ["6 E.6.03.01.04.000", "730 0", "MUTUI PER FUNZIONI NEL CAMPO DELLA VIABILITA'", "700.000,00", "700.000,00",
                    "0,00", "700.000,00", "0,00"]]),
        ])
        let records = BudgetLineBuilder().build(in: &context)
        XCTAssertEqual(records.count, 3)
        XCTAssertEqual(records[0].warnings.map(\.description), ["amounts.available: check failed: 280,00 ≠ 500,00 − 219,60"])
        XCTAssertEqual(field(records[0], "direction"), .string("revenue"))
        XCTAssertEqual(field(records[0], "chapter"), .string("466"))
        XCTAssertEqual(field(records[0], "article"), .string("0"))
        XCTAssertEqual(records[1].warnings.map(\.description), ["amounts.initial_forecast: check failed: 600,00 ≠ 500,00, the sum of the 1 rows it closes",
                                                                "amounts.available: check failed: 280,40 ≠ 280,00, the sum of the 1 rows it closes"])
        XCTAssertEqual(field(records[1], "title_code"), .string("3"))
        XCTAssertEqual(field(records[1], "total_level"), .string("titolo"))
        XCTAssertEqual(field(records[2], "title_code"), .string("6"))
        XCTAssertEqual(field(records[2], "chart_code"), .string("E.6.03.01.04.000"))
        XCTAssertEqual(field(records[2], "chapter"), .string("730"))
        XCTAssertEqual(field(records[2], "article"), .string("0"))
        XCTAssertEqual(field(records[2], "direction"), .string("revenue"))
    }

    func testDirectionDisagreementWarns() throws {
        var context = context([
            block("PARTE ENTRATE"),
            table([header, ["1", "U.1.01.01.01.000", "10111", "1", "STIPENDI", "1,00", "1,00", "1,00", "0,00", "0,00"]]),
        ])
        let records = BudgetLineBuilder().build(in: &context)
        XCTAssertEqual(field(records[0], "direction"), .string("expenditure"))
        XCTAssertEqual(records[0].warnings.map(\.description), ["direction: chart code says expenditure, part heading says revenue",
                                                                "mission_code: no Missione/Programma heading above the line"])
    }

    /// A year per column is a multi-year summary, not a listing: left to the generic table records.
    func testMultiYearForecastTableIsNotAListing() {
        var context = context([
            table([["Titoli", "Denominazione", "Previsione", "Previsione", "Previsione"], ["", "", "2022", "2023", "2024"],
                   ["1", "Entrate correnti", "2.511.000,00", "2.511.000,00", "2.511.000,00"]]),
        ])
        XCTAssertEqual(BudgetLineBuilder().build(in: &context).count, 0)
        XCTAssertFalse(context.isClaimed(0))
    }
}
