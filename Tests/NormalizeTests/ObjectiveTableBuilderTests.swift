import Core
import XCTest
@testable import Normalize

/// Objectives one per table row, and weights from a centre's summary table, on small hand-made documents.
final class ObjectiveTableBuilderTests: XCTestCase {
    static let labels = try! LabelMatcher.bundled()
    var y = 0.0

    func block(_ kind: Block.Kind, _ text: String, label: String? = nil, value: String? = nil, level: Int? = nil) -> DocumentItem {
        y += 16
        return .block(Block(kind: kind, page: 1, bbox: Rect(x0: 57, y0: y, x1: 540, y1: y + 11), text: text, level: level,
                            label: label, value: value, fontSize: 10, isBold: false))
    }

    func labelValue(_ label: String, _ value: String) -> DocumentItem {
        block(.labelValue, "\(label): \(value)", label: label, value: value)
    }

    func table(_ index: Int, _ rows: [[String]]) -> DocumentItem {
        y += 20
        return .table(index: index, Table(page: 1, bbox: Rect(x0: 57, y0: y - 10, x1: 540, y1: y), rows: rows, method: "lattice"))
    }

    func records(_ builder: RecordBuilder, _ items: [DocumentItem]) -> (records: [Record], context: DocumentContext) {
        let document = DocumentInfo(sha256: "00", fileName: "test.pdf", format: "pdf", docType: "peg", periodStart: 2021)
        var context = DocumentContext(document: document, items: items, labels: Self.labels,
                                      values: ValueParser(options: .init(referenceYear: 2021)))
        let records = builder.build(in: &context)
        return (records, context)
    }

    func text(_ record: Record, _ field: String) -> String? {
        if case .text(let s)? = record[field] { return s }
        return nil
    }

    func testStrategicTableUnderItsMissione() {
        let items = [
            block(.heading, "MISSIONE 9 - Sviluppo sostenibile", level: 3),
            table(0, [["N.", "INDIRIZZO STRATEGICO", "PROGETTO STRATEGICO", "STAKEHOLDER FINALI"],
                           ["3", "Ambiente", "Sostegno ai progetti di riqualificazione", "Cittadini"],
                           ["4", "Ambiente", "", ""],
                           ["", "", "Monitoraggio della qualità dell'aria", "Cittadini, turisti"]]),
        ]
        let objectives = records(ObjectiveTableBuilder(), items).records.filter { $0.type == .objective }
        XCTAssertEqual(objectives.count, 2, "a row cut by a page break is one objective")
        XCTAssertEqual(text(objectives[1], "title"), "Monitoraggio della qualità dell'aria")
        XCTAssertEqual(text(objectives[1], "code"), "4")
        XCTAssertEqual(text(objectives[1], "stakeholders"), "Cittadini, turisti")
        XCTAssertEqual(text(objectives[1], "parent_title"), "Ambiente")
        XCTAssertEqual(text(objectives[1], "mission_code"), "09")
        XCTAssertEqual(text(objectives[1], "level"), "strategic")
    }

    func testNumbersRunIntoTheNextColumnGoBackToTheirs() {
        let items = [table(0, [["N.", "INDIRIZZO STRATEGICO", "PROGETTO STRATEGICO", "STAKEHOLDER FINALI"],
                               ["", "1 Istruzione", "Finanziamento del Piano dell'Offerta Formativa", "Studenti"],
                               ["", "", "autonomia e competenze", ""],
                               ["", "2 Istruzione", "Borse di studio", "Famiglie"]])]
        let objectives = records(ObjectiveTableBuilder(), items).records.filter { $0.type == .objective }
        XCTAssertEqual(objectives.map { text($0, "code") }, ["1", "2"])
        XCTAssertEqual(objectives.map { text($0, "parent_title") }, ["Istruzione", "Istruzione"])
        // A strategic address that only some rows start with a number keeps its words.
        let mixed = [table(0, [["N.", "INDIRIZZO STRATEGICO", "PROGETTO STRATEGICO", "STAKEHOLDER FINALI"],
                               ["", "3 Le nuove opere", "Riqualificazione", "Cittadini"],
                               ["", "Ambiente", "Parchi", "Cittadini"]])]
        XCTAssertEqual(records(ObjectiveTableBuilder(), mixed).records.filter { $0.type == .objective }.compactMap { text($0, "code") }, [])
    }

    func testTheRestOfARowCutByAPageBreakReadsOnInLowerCase() {
        let rows = [["Servizio", "Obiettivo", "Descrizione", "Indicatore"],
                    ["POLIZIA STRADALE", "Rilevamento dei sinistri nel nuovo", "Mappatura dei sinistri rilevati sul", "Sinistri inseriti"],
                    ["", "Portale della Regione", "territorio comunale", "nel portale"],
                    ["", "Nuovo sito internet", "Verifica delle informazioni", "Entro fine anno"]]
        func objectives(pages: [Int]) -> [String?] {
            let table = Table(page: 1, pageEnd: 2, bbox: Rect(x0: 57, y0: 10, x1: 540, y1: 90), rows: rows, method: "lattice",
                              rowPlaces: pages.map { RowPlace(page: $0) })
            return records(ObjectiveTableBuilder(), [.table(index: 0, table)]).records.filter { $0.type == .objective }.map { text($0, "title") }
        }
        XCTAssertEqual(objectives(pages: [1, 1, 2, 2]), ["Rilevamento dei sinistri nel nuovo Portale della Regione", "Nuovo sito internet"])
        XCTAssertEqual(objectives(pages: [1, 1, 1, 1]).count, 3, "on one page, a row under a grouped cell is an objective of its own")
    }

    /// The header of the next section's table left alone at a page foot, read as text: the headerless table overleaf
    /// with as many columns takes the header of the objective table above, and says so; a headerless table after
    /// text that holds no such header is no objective table.
    func testAHeaderlessTableTakesTheHeaderAboveWhenTheTextBetweenHoldsIt() {
        let header = ["Progetti Strategici", "Indirizzi strategici/Obiettivi strategici DUP", "Obiettivi di PEG",
                      "Indicatore di risultato", "Risultato Atteso"]
        let items = [
            block(.heading, "SERVIZIO TRIBUTI", level: 3),
            table(0, [header, ["Monitoraggio delle entrate", "Aggiornare il data base", "Passaggio al nuovo software", "Posizioni migrate", "Entro 31/12/2021"]]),
            block(.heading, "SERVIZIO DIGITALIZZAZIONE E SISTEMI INFORMATIVI", level: 3),
            block(.paragraph, "Indirizzi Progetti Obiettivi Indicatore Risultato strategici/Obiettivi Strategici di PEG di risultato Atteso strategici DUP"),
            table(1, [["Aggiornamento del sito", "Revisione del sito internet", "Acquisto di nuove attrezzature", "Sostituzione di 10 PC.", "Entro 31/12/2021"]]),
            block(.paragraph, "Il servizio ha svolto le attività previste nei tempi."),
            table(2, [["Sito", "Rete", "Server", "Posta", "Telefonia"], ["1", "2", "3", "4", "5"]]),
        ]
        let (records, context) = records(ObjectiveTableBuilder(), items)
        let objectives = records.filter { $0.type == .objective }
        XCTAssertEqual(objectives.map { text($0, "title") }, ["Passaggio al nuovo software", "Acquisto di nuove attrezzature"])
        guard objectives.count == 2 else { return }
        XCTAssertEqual(objectives.last?.source.cues.first { $0.field == "header" }?.cue, "text above")
        XCTAssertEqual(text(objectives[1], "org_unit"), "SERVIZIO DIGITALIZZAZIONE E SISTEMI INFORMATIVI")
        XCTAssertFalse(context.isClaimed(6))
    }

    func testPegRowsCarryGroupedCellsAndAddIndicators() {
        let items = [
            block(.heading, "SERVIZIO TRIBUTI", level: 3),
            table(0, [["Progetti Strategici", "Indirizzi strategici/Obiettivi strategici DUP", "Obiettivi di PEG",
                            "Indicatore di risultato", "Risultato Atteso"],
                           ["Monitoraggio delle entrate", "Aggiornare il data base", "Passaggio al nuovo software", "Posizioni migrate", "Entro 31/12/2021"],
                           ["", "Contrasto all'evasione", "", "Avvisi emessi", "300"],
                           ["", "", "", "Accertamenti inviati", "Entro 31/12/2021"],
                           ["", "", "Organizzazione di serate a tema", "", ""],
                           ["", "", "", "", "cont. del risultato"],
                           ["", "", "per i cittadini", "", ""]]),
        ]
        let (records, context) = records(ObjectiveTableBuilder(), items)
        let objectives = records.filter { $0.type == .objective }
        XCTAssertEqual(objectives.map { text($0, "title") }, ["Passaggio al nuovo software", "Passaggio al nuovo software",
                                                              "Organizzazione di serate a tema per i cittadini"])
        XCTAssertEqual(objectives.map { text($0, "level") }, ["operational", "operational", "operational"])
        XCTAssertEqual(objectives.map { text($0, "parent_title") }, Array(repeating: "Monitoraggio delle entrate", count: 3))
        XCTAssertEqual(text(objectives[0], "org_unit"), "SERVIZIO TRIBUTI")
        XCTAssertTrue(objectives[1].warnings.contains { $0.field == "title" }, "a carried cell is a guess")
        XCTAssertEqual(objectives[1].raw.first { $0.label.hasPrefix("Indirizzi") }?.text, "Contrasto all'evasione")
        let indicators = records.filter { $0.type == .indicator }
        XCTAssertEqual(indicators.map { text($0, "name") }, ["Posizioni migrate", "Avvisi emessi", "Accertamenti inviati"])
        XCTAssertEqual(indicators.map { text($0, "objective_id") }, [objectives[0].id, objectives[1].id, objectives[1].id])
        XCTAssertEqual(indicators[1]["target"], .value(Value(raw: "300", kind: .number, number: 300)))
        XCTAssertTrue(objectives[2].warnings.contains { $0.field == "indicator" }, "a value without an indicator is kept in raw")
        XCTAssertTrue(context.isClaimed(1))
    }

    func testUnitOwnerAndRowsOfAnIndicatorOnly() {
        let items = [
            block(.heading, "SETTORE POLIZIA LOCALE", level: 1),
            labelValue("Responsabile", "Mastropietro Marco"),
            table(0, [["AREE STRATEGICHE DI INTERVENTO", "AZIONI DA STRUMENTO DI INDIRIZZI DI GOVERNO", "OBIETTIVI SPECIFICI",
                            "INDICATORI", "PERSONALE"],
                           ["POLIZIA LOCALE", "Mappatura dei processi", "Censimento localizzato", "Numero di immobili", "Mastropietro, Pecis"],
                           ["", "", "", "Relazioni di servizio", "Pecis"],
                           ["", "", "Controllo documentale", "A campione", "Pecis"]]),
        ]
        let records = records(ObjectiveTableBuilder(), items).records
        let objectives = records.filter { $0.type == .objective }
        XCTAssertEqual(objectives.count, 2)
        XCTAssertEqual(objectives.map { text($0, "owner") }, ["Mastropietro Marco", "Mastropietro Marco"])
        XCTAssertEqual(objectives.map { text($0, "org_unit") }, ["SETTORE POLIZIA LOCALE", "SETTORE POLIZIA LOCALE"])
        XCTAssertEqual(objectives.map { text($0, "description") }, ["Censimento localizzato", "Controllo documentale"])
        XCTAssertEqual(text(objectives[1], "title"), "Mappatura dei processi")
        XCTAssertEqual(records.filter { $0.type == .indicator }.count, 3)
        XCTAssertTrue(objectives[0].warnings.contains { $0.field == "contributors" }, "the staff of an indicator row goes to raw")
    }

    func testTablesWithoutATitleColumnAreLeftAlone() {
        let items = [table(0, [["Missione", "Descrizione"], ["1", "Servizi istituzionali"]]),
                     table(1, [["CAT.", "PROFILO PROF.", "POSTI COPERTI"], ["D3", "ISTRUTT. DIR.", "1"]])]
        let (records, context) = records(ObjectiveTableBuilder(), items)
        XCTAssertTrue(records.isEmpty)
        XCTAssertFalse(context.isClaimed(0))
    }

    func testWeightFromTheCentresSummaryTable() {
        let items = [
            table(0, [["1", "Polizia Locale", "Controllo del territorio per la prevenzione delle violazioni", "25"],
                           ["2", "Polizia Locale", "Presenza sul territorio", "Intersettoriale"]]),
            block(.paragraph, "1.OBIETTIVO DI MIGLIORAMENTO 2024"),
            table(1, [["Obiettivo: Descrizione Sintetica", "CONTROLLO DEL TERRITORIO PER LA PREVENZIONE DELLE VIOLAZIONI"]]),
            block(.paragraph, "2.OBIETTIVO DI MIGLIORAMENTO 2024"),
            table(2, [["Obiettivo: Descrizione Sintetica", "PRESENZA SUL TERRITORIO"]]),
        ]
        let objectives = records(ObjectiveSheetBuilder(), items).records.filter { $0.type == .objective }
        XCTAssertEqual(objectives.count, 2)
        XCTAssertEqual(objectives[0]["weight"], .number(25))
        XCTAssertNil(objectives[1]["weight"], "a weight that is no number is not taken")
    }
}
