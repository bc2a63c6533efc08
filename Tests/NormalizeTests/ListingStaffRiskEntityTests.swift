import Core
import XCTest
@testable import Normalize

/// Staff lists and cross tables, risk maps and the scheda anagrafica, from small hand-made items.
final class ListingStaffRiskEntityTests: XCTestCase {
    private var labels: LabelMatcher!

    override func setUpWithError() throws {
        labels = try LabelMatcher.bundled()
    }

    private func context(_ items: [DocumentItem], ente: String? = nil) -> DocumentContext {
        DocumentContext(document: DocumentInfo(sha256: "0", fileName: "x.pdf", format: "pdf", ente: ente),
                        items: items, labels: labels, values: ValueParser(options: .init(referenceYear: 2025)))
    }

    private func heading(_ text: String, level: Int = 2, y: Double = 0, kind: Block.Kind = .heading) -> DocumentItem {
        .block(Block(kind: kind, page: 1, bbox: Rect(x0: 0, y0: y, x1: 100, y1: y + 10), text: text, level: kind == .heading ? level : nil,
                     fontSize: 11, isBold: kind == .heading))
    }

    private func table(_ rows: [[String]], y: Double = 100) -> DocumentItem {
        .table(index: 0, Table(page: 1, bbox: Rect(x0: 0, y0: y, x1: 500, y1: y + 100), rows: rows, method: "lattice"))
    }

    private func text(_ record: Record, _ field: String) -> String? {
        if case .text(let value)? = record[field] { return value }
        return nil
    }

    private func number(_ record: Record, _ field: String) -> ExactDecimal? {
        if case .number(let value)? = record[field] { return value }
        return nil
    }

    func testHeaderlessStaffListUnderItsHeading() {
        var context = context([
            heading("SETTORE AFFARI GENERALI", level: 1),
            heading("RISORSE UMANE DEL SERVIZIO", level: 3, y: 20),
            table([["1", "Cairo Micaela", "Istruttore Direttivo", "Segreteria", "D6"],
                   ["3.", "Stefanelli Maria Fabiola", "Istruttore Amm.vo", "Biblioteca", "C4 – pt – 24 ORE"]]),
        ])
        let records = StaffBuilder().build(in: &context)
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(text(records[0], "person_name"), "Cairo Micaela")
        XCTAssertEqual(text(records[0], "role"), "Istruttore Direttivo")
        XCTAssertEqual(text(records[0], "category"), "D6")
        XCTAssertEqual(text(records[0], "org_unit"), "SETTORE AFFARI GENERALI")
        XCTAssertEqual(text(records[0], "area_ccnl_2022"), "Area dei funzionari e dell'elevata qualificazione")
        XCTAssertEqual(number(records[0], "count"), 1)
        XCTAssertEqual(text(records[1], "category"), "C4")
        XCTAssertEqual(text(records[1], "employment"), "tempo parziale")
        XCTAssertTrue(context.isClaimed(2))
    }

    /// Row numbers and category codes left in the cells beside them (narrow columns): they become columns of their own.
    func testHeaderlessStaffListWhoseNumbersAndCategoriesShareCells() {
        var context = context([
            heading("SETTORE ECONOMICO FINANZIARIO", level: 1),
            heading("RISORSE UMANE DEL SERVIZIO", level: 3, y: 20),
            table([["1 Ferri Raffaella", "Istruttore Direttivo", "Ragioneria D2"],
                   ["2 Donadoni Nives", "Istruttore Amm.vo", "Ragioneria C5"]]),
        ])
        let records = StaffBuilder().build(in: &context)
        XCTAssertEqual(records.map { text($0, "person_name") }, ["Ferri Raffaella", "Donadoni Nives"])
        XCTAssertEqual(records.map { text($0, "category") }, ["D2", "C5"])
        XCTAssertEqual(records.map { text($0, "role") }, ["Istruttore Direttivo", "Istruttore Amm.vo"])
    }

    func testStaffListWithHeaderNamesColumnAndTotalRow() {
        var context = context([
            heading("RISORSE UMANE ASSEGNATE"),
            heading("AREA TECNICA", level: 3, y: 20),
            table([["CAT.", "PROFILO PROF.", "POSTI PREVISTI", "POSTI COPERTI", "VACANTI", ""],
                   ["C3", "ISTRUTT. AMM.", "4", "4", "0", "DI RIENZO MASPERI SCALVINI MORASCHETTI"],
                   ["", "TOTALE", "4", "4", "0", ""]]),
        ])
        let records = StaffBuilder().build(in: &context)
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(text(records[0], "person_name"), "DI RIENZO MASPERI SCALVINI MORASCHETTI")
        XCTAssertEqual(text(records[0], "role"), "ISTRUTT. AMM.")
        XCTAssertEqual(text(records[0], "org_unit"), "AREA TECNICA")
        XCTAssertEqual(number(records[0], "count"), 4)
    }

    /// "A" over "U" "D": men and women added up, the total row left out, empty groups give no record.
    func testCrossTableOfCategoriesOverMenAndWomen() {
        var context = context([
            heading("DOTAZIONE ORGANICA DEL PERSONALE"),
            table([["CATEGORIA DESCRIZIONE", "A", "", "B", ""], ["", "U", "D", "U", "D"],
                   ["Posti a tempo pieno", "1", "", "3", "3"], ["Totali a tempo parziale", "", "1", "", ""],
                   ["TOTALE", "1", "1", "3", "3"]]),
        ])
        let records = StaffBuilder().build(in: &context)
        XCTAssertEqual(records.map { text($0, "category") }, ["A", "B", "A"])
        XCTAssertEqual(records.map { number($0, "count") }, [1, 6, 1])
        XCTAssertEqual(records.map { text($0, "employment") }, ["tempo pieno", "tempo pieno", "tempo parziale"])
    }

    func testObjectiveStaffIsLeftToTheObjectiveBuilders() {
        var context = context([
            heading("PERSONALE COINVOLTO NELL'OBIETTIVO"),
            table([["Cat.", "Cognome e nome", "% partecipazione"], ["C", "Rossi Mario", "50"]]),
        ])
        XCTAssertEqual(StaffBuilder().build(in: &context).count, 0)
        XCTAssertFalse(context.isClaimed(1))
    }

    func testRiskMapWithTwoLevelHeader() {
        var context = context([
            table([["Processo", "Indicatori di probabilità", "", "Giudizio sintetico", "Tempi (Scadenza)"],
                   ["", "Interesse esterno", "Discrezionalità", "", ""],
                   ["Affidamento diretto sotto soglia", "Alto", "Medio", "ALTO", "Entro il 31/12/2025"],
                   ["Transazioni", "Medio", "Basso", "MEDIO", "In continuo"]]),
        ])
        let records = RiskBuilder().build(in: &context)
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(text(records[0], "process"), "Affidamento diretto sotto soglia")
        XCTAssertEqual(text(records[0], "likelihood"), "Interesse esterno: Alto; Discrezionalità: Medio")
        XCTAssertEqual(text(records[0], "level"), "ALTO")
        guard case .value(let deadline)? = records[0]["deadline"] else { return XCTFail("no deadline") }
        XCTAssertEqual(deadline.date, "2025-12-31")
        XCTAssertEqual(records[1].warnings.map(\.description), ["deadline: no deadline stated"])
    }

    func testObjectiveTableIsNoRiskMap() {
        var context = context([table([["Obiettivo", "Responsabile", "Indicatore", "Tempi"], ["Nuovo sito", "Rossi", "SI", "2025"]])])
        XCTAssertEqual(RiskBuilder().build(in: &context).count, 0)
    }

    func testSchedaAnagraficaFromLabelLinesRunTogether() {
        var context = context([
            heading("SEZIONE 1 - SCHEDA ANAGRAFICA DELL'AMMINISTRAZIONE", level: 1),
            heading("Indirizzo: Via Roma 1, 27022 Casorate Primo (PV)", y: 20, kind: .labelValue),
            heading("Sindaco: Enrico VAI Numero dipendenti al 31 dicembre anno precedente: 28 Numero abitanti al 31 dicembre anno precedente: 9128",
                    y: 40, kind: .labelValue),
            heading("PEC: comune@pec.it INFORMAZIONI PRESENTI SUL SITO AGID", y: 60, kind: .labelValue),
            heading("SEZIONE 2 - VALORE PUBBLICO", level: 1, y: 80),
            heading("Sindaco: Altro Nome", y: 100, kind: .labelValue),
        ], ente: "Comune di Casorate Primo")
        let records = EntityBuilder().build(in: &context)
        XCTAssertEqual(records.count, 1)
        let entity = records[0]
        XCTAssertEqual(text(entity, "name"), "Comune di Casorate Primo")
        XCTAssertEqual(text(entity, "address"), "Via Roma 1, 27022 Casorate Primo (PV)")
        XCTAssertEqual(text(entity, "mayor"), "Enrico VAI")
        XCTAssertEqual(entity["employees"], .integer(28))
        XCTAssertEqual(entity["inhabitants"], .integer(9128))
        XCTAssertEqual(text(entity, "pec"), "comune@pec.it")
        XCTAssertEqual(entity.warnings.map(\.description), ["pec: text after the address left out: INFORMAZIONI PRESENTI SUL SITO AGID"])
    }
}

/// A staff list without a header whose first row is words (no row number): it is not a cross table.
final class StaffListWithoutNumbersTests: XCTestCase {
    func testAListWhoseFirstRowIsWordsIsReadAsPeople() throws {
        let rows = [["1 Cairo Micaela", "Istruttore Direttivo", "Segreteria", "D6"],
                    ["Zoccali maria", "Collaboratore Amm.vo", "Segreteria", "B8"],
                    ["3. Stefanelli Maria Fabiola", "Istruttore Amm.vo", "Biblioteca", "C4 – pt – 24 ORE"]]
        let items: [DocumentItem] = [
            .block(Block(kind: .heading, page: 1, bbox: Rect(x0: 0, y0: 0, x1: 100, y1: 10), text: "RISORSE UMANE DEL SERVIZIO", level: 2,
                         fontSize: 11, isBold: true)),
            .table(index: 0, Table(page: 1, bbox: Rect(x0: 0, y0: 20, x1: 500, y1: 80), rows: rows, method: "rules")),
        ]
        var context = DocumentContext(document: DocumentInfo(sha256: "0", fileName: "x.pdf", format: "pdf"), items: items,
                                      labels: try LabelMatcher.bundled(), values: ValueParser())
        let records = StaffBuilder().build(in: &context)
        XCTAssertEqual(records.map { $0["person_name"] }, [.text("Cairo Micaela"), .text("Zoccali maria"), .text("Stefanelli Maria Fabiola")])
        XCTAssertEqual(records.map { $0["role"] }, [.text("Istruttore Direttivo"), .text("Collaboratore Amm.vo"), .text("Istruttore Amm.vo")])
    }
}
