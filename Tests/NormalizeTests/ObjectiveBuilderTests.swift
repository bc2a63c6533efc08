import Core
import XCTest
@testable import Normalize

/// The objective builders on small hand-made documents: blocks and tables shaped like the samples' layouts.
final class ObjectiveBuilderTests: XCTestCase {
    static let labels = try! LabelMatcher.bundled()
    var y = 0.0

    func context(_ items: [DocumentItem], year: Int = 2025) -> DocumentContext {
        let document = DocumentInfo(sha256: "00", fileName: "test.pdf", format: "pdf", docType: "piao", periodStart: year)
        return DocumentContext(document: document, items: items, labels: Self.labels,
                               values: ValueParser(options: .init(referenceYear: year)))
    }

    func block(_ kind: Block.Kind, _ text: String, label: String? = nil, value: String? = nil, level: Int? = nil,
               page: Int = 1, x0: Double = 57, x1: Double = 540, y0: Double? = nil, height: Double = 11) -> DocumentItem {
        let top = y0 ?? y
        y = top + height + 5
        return .block(Block(kind: kind, page: page, bbox: Rect(x0: x0, y0: top, x1: x1, y1: top + height), text: text,
                            level: level, label: label, value: value, fontSize: 10, isBold: false))
    }

    func labelValue(_ label: String, _ value: String) -> DocumentItem {
        block(.labelValue, "\(label): \(value)", label: label, value: value)
    }

    func table(_ index: Int, _ rows: [[String]], page: Int = 1) -> DocumentItem {
        y += 20
        return .table(index: index, Table(page: page, bbox: Rect(x0: 57, y0: y - 10, x1: 540, y1: y), rows: rows, method: "lattice"))
    }

    func records(_ builder: RecordBuilder, _ items: [DocumentItem], year: Int = 2025) -> (records: [Record], context: DocumentContext) {
        var ctx = context(items, year: year)
        let records = builder.build(in: &ctx)
        return (records, ctx)
    }

    func text(_ record: Record, _ field: String) -> String? {
        if case .text(let s)? = record[field] { return s }
        if case .date(let s)? = record[field] { return s }
        return nil
    }

    // MARK: "Label: value" objectives

    func pisogneObjective(title: String, timeframe: String) -> [DocumentItem] {
        [labelValue("OBIETTIVO DI PERFORMANCE TRASVERSALE", title),
         labelValue("Responsabile", "Responsabile area amministrativa"),
         labelValue("A chi è rivolto l'obiettivo (stakeholder)", "Cittadinanza"),
         labelValue("Chi contribuisce a raggiungere l'obiettivo", "Ufficio segreteria"),
         labelValue("Tempi di raggiungimento dell'obiettivo", timeframe),
         labelValue("Misurazione di raggiungimento dell'obiettivo", "Asseverazione"),
         labelValue("Base di partenza per il raggiungimento dell'obiettivo", "Linee Guida AGID"),
         labelValue("Traguardo atteso", "Aggiornamento del sito"),
         labelValue("Verificabilità dei dati (fonte)", "Atti d'ufficio")]
    }

    func testLabelValueObjectiveReadsEveryField() {
        let items = [block(.heading, "OBIETTIVI AREA AMMINISTRATIVA", level: 2)]
            + pisogneObjective(title: "Sito web", timeframe: "Entro il 31/10/2025")
            + pisogneObjective(title: "Referendum", timeframe: "Collegati alle consultazioni")
        let (records, ctx) = records(LabeledObjectiveBuilder(), items)
        XCTAssertEqual(records.count, 2)
        let first = records[0]
        let expected: [(String, String)] = [
            ("title", "Sito web"), ("level", "performance"), ("category", "trasversale"), ("org_unit", "AREA AMMINISTRATIVA"),
            ("owner", "Responsabile area amministrativa"), ("stakeholders", "Cittadinanza"), ("contributors", "Ufficio segreteria"),
            ("timeframe", "Entro il 31/10/2025"), ("deadline", "2025-10-31"), ("measurement", "Asseverazione"),
            ("baseline", "Linee Guida AGID"), ("expected_result", "Aggiornamento del sito"), ("verification_source", "Atti d'ufficio"),
        ]
        for (field, value) in expected { XCTAssertEqual(text(first, field), value, field) }
        XCTAssertNil(records[1]["deadline"])
        XCTAssertTrue(records[1].warnings.contains { $0.field == "deadline" }, "\(records[1].warnings)")
        XCTAssertEqual(ctx.claimed.count, items.count - 1, "every block of both objectives is claimed")
    }

    func testContinuationLinesJoinTheFieldAbove() {
        var items = pisogneObjective(title: "Completamento bandi PNRR per le seguenti", timeframe: "Tutto l'anno")
        // A wrapped title line the extraction split at a colon of the value, and a list under a label given alone.
        items.insert(block(.labelValue, "misure: - adozione AppIO", label: "misure", value: "- adozione AppIO"), at: 1)
        items.append(block(.labelValue, "Base di partenza per il raggiungimento dell'obiettivo:",
                           label: "Base di partenza per il raggiungimento dell'obiettivo", value: ""))
        items.append(block(.listItem, "- Riunione periodica: entro dicembre di ogni anno."))
        let (records, _) = records(LabeledObjectiveBuilder(), items)
        XCTAssertEqual(text(records[0], "title"), "Completamento bandi PNRR per le seguenti misure: - adozione AppIO")
        XCTAssertEqual(text(records[0], "baseline"), "Linee Guida AGID", "the first non-empty baseline")
        XCTAssertEqual(text(records[0], "deadline"), "2025-12-31")
    }

    func testATitleAloneTakesTheNextLabelLineAsTitleAndItsRunOnTextAsDescription() {
        var items = pisogneObjective(title: "", timeframe: "Tutto l'anno")
        items.insert(block(.labelValue, "Rinnovo delle convenzioni con il Tribunale: Convenzione per i lavori di pubblica utilità",
                           label: "Rinnovo delle convenzioni con il Tribunale", value: "Convenzione per i lavori di pubblica utilità"), at: 1)
        let (records, _) = records(LabeledObjectiveBuilder(), items)
        XCTAssertEqual(text(records[0], "title"), "Rinnovo delle convenzioni con il Tribunale")
        XCTAssertEqual(text(records[0], "description"), "Convenzione per i lavori di pubblica utilità")
    }

    func testTextWithTooFewFieldsIsNoObjective() {
        let items = [block(.paragraph, "Obiettivo: migliorare i servizi"), labelValue("Responsabile", "Sindaco")]
        XCTAssertTrue(records(LabeledObjectiveBuilder(), items).records.isEmpty)
    }

    // MARK: objective sheets

    func testSheetWithHeaderIndicatorsAndRatio() {
        let items = [
            block(.heading, "MISSIONE 1 – SERVIZI ISTITUZIONALI", level: 2),
            table(0, [["103", "Programma", "3", "Gestione economica"]]),
            block(.heading, "OBIETTIVO DI EFFICIENZA", level: 3),
            labelValue("Obiettivo strategico", "8.6 Politiche fiscali: puntare a strategie"),
            table(1, [["Obiettivo operativo", "Descrizione", "Responsabile politico", "Responsabile gestionale", "Orizzonte temporale"],
                      ["Rispetto tempistica", "Predisposizione documenti", "Moretti Serena", "Savelli Roberto", "2022-2025"],
                      ["Stato attuazione obiettivo: approvato il 29/12/2022", "", "", "", ""],
                      ["Stakeholder", "Amministratori", "", "", ""],
                      ["Indicatori Performanti", "", "", "target", "raggiunto"],
                      ["N. documenti predisposti", "", "", "5", "4"],
                      ["% fatture non pagate", "", "", "<3%", "0,00%"],
                      ["Tempi medi pagamento", "", "", "<25 gg", "16,74"],
                      ["Creazione capitoli", "", "", "SI", "SI"]]),
        ]
        let (records, _) = records(ObjectiveSheetBuilder(), items, year: 2023)
        let objectives = records.filter { $0.type == .objective }
        XCTAssertEqual(objectives.count, 1)
        let objective = objectives[0]
        let expected: [(String, String)] = [
            ("title", "Rispetto tempistica"), ("level", "operational"), ("category", "efficienza"), ("parent_code", "8.6"),
            ("parent_title", "Politiche fiscali: puntare a strategie"), ("mission_code", "01"), ("program_code", "03"),
            ("political_owner", "Moretti Serena"), ("owner", "Savelli Roberto"), ("deadline", "2025-12-31"),
            ("status_text", "approvato il 29/12/2022"), ("stakeholders", "Amministratori"),
        ]
        for (field, value) in expected { XCTAssertEqual(text(objective, field), value, field) }
        XCTAssertEqual(objective["horizon_start"], .integer(2022))
        let indicators = records.filter { $0.type == .indicator }
        XCTAssertEqual(indicators.map { text($0, "name") }, ["N. documenti predisposti", "% fatture non pagate", "Tempi medi pagamento", "Creazione capitoli"])
        XCTAssertTrue(indicators.allSatisfy { text($0, "objective_id") == objective.id })
        XCTAssertEqual(indicators[0]["achievement_ratio"], .number("0.8"))
        XCTAssertEqual(indicators[1]["achievement_ratio"], .number(0))
        XCTAssertTrue(indicators[1].warnings.contains { $0.field == "achievement_ratio" }, "a bound is flagged")
        XCTAssertNil(indicators[3]["achievement_ratio"], "booleans have no ratio")
    }

    func testRepeatedSheetHeadingContinuesTheObjective() {
        let items = [
            block(.paragraph, "1. OBIETTIVO DI MIGLIORAMENTO 2024"),
            table(0, [["Settore", "Dirigente", "Sistema Premiante"], ["Amministrativo", "Deborah Ariboni", ""]]),
            table(1, [["Obiettivo: Descrizione Sintetica", "Innovazione servizi demografici."]]),
            block(.paragraph, "1. OBIETTIVO DI MIGLIORAMENTO 2024", page: 2),
            table(2, [["Indicatori di risultato", "", ""], ["SALUTE DIGITALE", "", ""],
                      ["Descrizione", "Valore atteso Rispetto scadenze:", "Valore raggiunto"],
                      ["n. carte identità", "1100", ""], ["n. richieste accesso civico", "< di 5", ""]], page: 2),
            table(3, [["Cronoprogramma"] + Array(repeating: "", count: 12),
                      ["Fasi e tempi", "Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto",
                       "Settembre", "Ottobre", "Novembre", "Dicembre"],
                      ["1", "X", "X", "", "", "", "", "", "", "", "", "", ""],
                      ["2", "", "", "", "", "", "X", "X", "", "X", "", "", ""]], page: 2),
            block(.paragraph, "PERSONALE COINVOLTO NELL' OBIETTIVO", page: 2),
            table(4, [["Collaboratori interni", "", ""], ["Cat.", "Cognome e nome", "% partecipazione"],
                      ["D1", "PIZZOCARO SIMONA", "50"], ["", "Spazzini Mauro", "33"], ["COSTO DELLE RISORSE INTERNE", "", ""]], page: 2),
            block(.paragraph, "2. OBIETTIVO INNOVATIVO 2024", page: 3),
            table(5, [["Obiettivo: Descrizione", ""], ["", "Trasparenza"], ["Sintetica", ""]], page: 3),
        ]
        let (records, _) = records(ObjectiveSheetBuilder(), items, year: 2024)
        let objectives = records.filter { $0.type == .objective }
        XCTAssertEqual(objectives.compactMap { text($0, "title") }, ["Innovazione servizi demografici.", "Trasparenza"])
        let first = objectives[0]
        XCTAssertEqual(text(first, "code"), "1")
        XCTAssertEqual(text(first, "category"), "miglioramento")
        XCTAssertEqual(text(first, "org_unit"), "Amministrativo")
        XCTAssertEqual(text(first, "owner"), "Deborah Ariboni")
        XCTAssertEqual(first["phases"]?.json.serialized, #"[{"phase":"1","months":[1,2]},{"phase":"2","months":[6,7,9]}]"#)
        let indicators = records.filter { $0.type == .indicator }
        XCTAssertEqual(indicators.count, 2)
        XCTAssertEqual(text(indicators[0], "group"), "SALUTE DIGITALE")
        guard case .value(let bound)? = indicators[1]["target"] else { return XCTFail("no target") }
        XCTAssertEqual(bound.comparator, .lessThan)
        XCTAssertEqual(bound.number, 5)
        let staff = records.filter { $0.type == .staff }
        XCTAssertEqual(staff.compactMap { text($0, "person_name") }, ["PIZZOCARO SIMONA", "Spazzini Mauro"])
        XCTAssertEqual(staff[0]["participation_percent"], .number(50))
        XCTAssertEqual(text(staff[0], "category"), "D1")
        XCTAssertEqual(text(staff[0], "objective_id"), first.id)
    }

    func testSheetTitlesGivenWithTheirLabelInOneBlock() {
        let items = [
            block(.paragraph, "1. OBIETTIVO DI MIGLIORAMENTO 2024"),
            table(0, [["Settore", "Dirigente", "Sistema Premiante"], ["SOCIALE", "VOLPE", ""]]),
            table(1, [["Obiettivo: Descrizione Sintetica", "Bandi buoni spesa"]]),
            table(2, [["Indicatori di risultato", "", ""], ["Descrizione", "Valore atteso", "Valore raggiunto"], ["Domande", "172", ""]]),
            // A sheet whose title row is one paragraph, label and value together.
            block(.paragraph, "2.OBIETTIVO DI MIGLIORAMENTO 2024", page: 2),
            table(3, [["Settore", "Dirigente", "Sistema Premiante", ""], ["SOCIALE", "DANIELA VOLPE", "Costo fuori orario", "Premio"]], page: 2),
            block(.paragraph, "Descrizione Sintetica Ampliamento posti nido.", page: 2),
            table(4, [["Indicatori di risultato", "", ""], ["Descrizione", "Valore atteso", "Valore raggiunto"], ["Posti nido", "+ 19", ""]], page: 2),
            // A header over a value row split in two: not a label "Settore" over the rest.
            block(.paragraph, "3.OBIETTIVO DI MIGLIORAMENTO 2024", page: 3),
            table(5, [["Settore", "Dirigente", "Sistema Premiante", ""], ["", "", "Costo fuori orario", "Premio"],
                      ["SOCIALE", "VOLPE DANIELA", "0,00", ",00"]], page: 3),
            // "Obiettivo: Descrizione Sintetica" split at its colon is still the label; the title follows.
            block(.paragraph, "4. OBIETTIVO DI MIGLIORAMENTO 2024", page: 4),
            labelValue("Obiettivo", "Descrizione Sintetica"),
            block(.paragraph, "RELAZIONE DI FINE MANDATO", page: 4),
        ]
        let (records, _) = records(ObjectiveSheetBuilder(), items, year: 2024)
        let objectives = records.filter { $0.type == .objective }
        XCTAssertEqual(objectives.compactMap { text($0, "title") },
                       ["Bandi buoni spesa", "Ampliamento posti nido.", nil, "RELAZIONE DI FINE MANDATO"].compactMap { $0 })
        XCTAssertEqual(objectives.compactMap { text($0, "code") }, ["1", "2", "4"])
        let indicators = records.filter { $0.type == .indicator }
        XCTAssertEqual(indicators.map { text($0, "objective_id") }, [objectives[0].id, objectives[1].id])
        let (third, _) = self.records(ObjectiveSheetBuilder(), Array(items[8...9]) + [table(6, [["Obiettivo: Descrizione Sintetica", "Alloggi SAP"]], page: 3)])
        XCTAssertEqual(text(third[0], "org_unit"), "SOCIALE")
        XCTAssertEqual(text(third[0], "owner"), "VOLPE DANIELA")
    }

    func testPhasesFromDescriptionAndTimeColumns() {
        let items = [
            block(.paragraph, "3.OBIETTIVO DI MIGLIORAMENTO 2024"),
            table(0, [["DEFINIZIONE OBIETTIVO", "DESCRIZIONE/FASI", "CRONOPROGRAMMA"],
                      ["Nuova gestione alloggi SAP", "Invio documentazione", "Gennaio - marzo"],
                      ["", "Supporto alla ditta", "Gennaio – giugno"],
                      ["", "Adempimenti Agenzia delle entrate", "dicembre"],
                      ["", "", "(rinvio a) ottobre"]]),
        ]
        let objective = records(ObjectiveSheetBuilder(), items).records[0]
        XCTAssertEqual(text(objective, "title"), "Nuova gestione alloggi SAP")
        XCTAssertEqual(objective["phases"]?.json.serialized,
                       #"[{"phase":"Invio documentazione","months":[1,2,3]},{"phase":"Supporto alla ditta","months":[1,2,3,4,5,6]},"#
                       + #"{"phase":"Adempimenti Agenzia delle entrate","months":[10,12]}]"#)
    }

    /// "Indicatori di risultato" centred over the indicator header in a layout without rules lands in a middle
    /// column: still the title, not the upper part of a header wrapped over two rows.
    func testAnIndicatorTitleInAMiddleColumnIsNoWrappedHeader() {
        let items = [
            block(.paragraph, "1. OBIETTIVO DI MIGLIORAMENTO 2024"),
            table(0, [["Obiettivo: Descrizione Sintetica", "Revisione del regolamento", ""],
                      ["", "Indicatori di risultato", ""],
                      ["Descrizione", "Valore atteso Rispetto scadenze:", "Valore raggiunto"],
                      ["n. certificati storici", "150", ""], ["n. pratiche evase", "40", ""]]),
        ]
        let indicators = records(ObjectiveSheetBuilder(), items).records.filter { $0.type == .indicator }
        XCTAssertEqual(indicators.compactMap { text($0, "name") }, ["n. certificati storici", "n. pratiche evase"])
    }

    /// A month grid as a narrow layout cuts it: two months' headers in one cell, marked once each under it, and
    /// the phase numbers pushed into the first month's cell beside an empty phase cell.
    func testPhasesOfAMonthGridWithSharedHeadersAndPushedPhaseNumbers() {
        let items = [
            block(.paragraph, "5. OBIETTIVO DI MIGLIORAMENTO 2024"),
            table(0, [["Obiettivo: Descrizione Sintetica", "Revisione del regolamento"]]),
            table(1, [["Fasi e tempi", "Gennaio", "Febbraio Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto Settembre",
                       "Ottobre", "Novembre", "Dicembre"],
                      ["", "1 X", "X X", "", "", "", "", "", "", "", ""],
                      ["", "2", "", "X", "X", "", "", "X X", "", "", ""],
                      ["3", "", "", "", "", "", "", "", "X", "X", "X"]]),
        ]
        let objective = records(ObjectiveSheetBuilder(), items).records[0]
        XCTAssertEqual(objective["phases"]?.json.serialized,
                       #"[{"phase":"1","months":[1,2,3]},{"phase":"2","months":[4,5,8,9]},{"phase":"3","months":[10,11,12]}]"#)
    }

    /// The phase column and January's read as one column: the header ends in "Gennaio", and the marks ending a
    /// phase's cell are January's.
    func testPhasesOfAMonthGridWhosePhaseColumnHoldsTheFirstMonth() {
        let months = ["Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto", "Settembre", "Ottobre", "Novembre", "Dicembre"]
        let items = [
            block(.paragraph, "5. OBIETTIVO DI MIGLIORAMENTO 2024"),
            table(0, [["Obiettivo: Descrizione Sintetica", "Revisione del regolamento"]]),
            table(1, [["Fasi e tempi Gennaio"] + months,
                      ["1 X", "X"] + Array(repeating: "", count: 10),
                      ["2", "", "", "", "", "X", "X", "", "", "", "", ""]]),
        ]
        let objective = records(ObjectiveSheetBuilder(), items).records[0]
        XCTAssertEqual(objective["phases"]?.json.serialized, #"[{"phase":"1","months":[1,2]},{"phase":"2","months":[6,7]}]"#)
    }

    func testMonthsOfAPhrase() {
        let vocabulary = ObjectiveVocabulary.standard
        XCTAssertEqual(vocabulary.months(inPhrase: "Gennaio (buoni spesa) – febbraio (per affitto) – marzo (contributo)"), [1, 2, 3])
        XCTAssertEqual(vocabulary.months(inPhrase: "Giugno/settembre"), [6, 7, 8, 9])
        XCTAssertEqual(vocabulary.months(inPhrase: "da aprile a giugno 2024"), [4, 5, 6])
        XCTAssertEqual(vocabulary.months(inPhrase: "Sino a novembre 2024"), Array(1...11))
        XCTAssertEqual(vocabulary.months(inPhrase: "aprile 2024"), [4])
        XCTAssertEqual(vocabulary.months(inPhrase: "Entro il 31/12/2024"), [])
        XCTAssertEqual(vocabulary.months(inPhrase: "marzo e settembre"), [3, 9])
    }

    func testIndicatorRowsSplitIntoBlocksGroupsAndNamelessRows() {
        let header = ["Descrizione", "Valore atteso", "Valore raggiunto"]
        let items = [
            block(.paragraph, "1. OBIETTIVO DI MIGLIORAMENTO 2024"),
            table(0, [["Obiettivo: Descrizione Sintetica", "Relazioni di mandato"]]),
            table(1, [["Indicatori di risultato", "", ""], header, ["1 Relazione di Fine Mandato", "Entro 60 giorni", ""]]),
            // The second row left as two text blocks side by side.
            block(.paragraph, "2 Relazione di Inizio Mandato", x0: 60, x1: 207, y0: 700),
            block(.paragraph, "Entro 90 giorni dall'elezione", x0: 294, y0: 700),
            // A heading without a number: the later pages of objective 1.
            block(.heading, "OBIETTIVO DI MIGLIORAMENTO 2023", level: 3, page: 2),
            block(.paragraph, "Indicatori di risultato INDICI DI EFFICIENZA", page: 2),
            table(2, [header, ["N. giornate di assenza", "0", ""]], page: 2),
            block(.paragraph, "2. OBIETTIVO DI MIGLIORAMENTO 2024", page: 3),
            table(3, [["Obiettivo: Descrizione Sintetica", "Esclusione VAS"]], page: 3),
            // A first row without a name: named by its value.
            table(4, [["Indicatori di risultato", "", ""], header, ["", "Esclusione VAS", "%"]], page: 3),
            block(.paragraph, "3. OBIETTIVO DI MIGLIORAMENTO 2024", page: 4),
            table(5, [["Obiettivo: Descrizione Sintetica", "Comunicazione"]], page: 4),
            // A row cut by the page break: its name heads the next table.
            table(6, [["Indicatori di risultato", "", ""], header, ["", "100%", "100%"]], page: 4),
            table(7, [["Evasione richieste", "", ""], ["Numero newsletter", "45", "26"]], page: 5),
        ]
        let (records, _) = records(ObjectiveSheetBuilder(), items, year: 2024)
        let objectives = records.filter { $0.type == .objective }
        XCTAssertEqual(objectives.compactMap { text($0, "title") }, ["Relazioni di mandato", "Esclusione VAS", "Comunicazione"])
        let indicators = records.filter { $0.type == .indicator }
        XCTAssertEqual(indicators.map { text($0, "name") },
                       ["1 Relazione di Fine Mandato", "2 Relazione di Inizio Mandato", "N. giornate di assenza",
                        "Esclusione VAS", "Evasione richieste", "Numero newsletter"])
        XCTAssertEqual(indicators.map { text($0, "objective_id") },
                       [objectives[0].id, objectives[0].id, objectives[0].id, objectives[1].id, objectives[2].id, objectives[2].id])
        guard case .value(let late)? = indicators[1]["target"] else { return XCTFail("no target beside the name") }
        XCTAssertEqual(late.raw, "Entro 90 giorni dall'elezione")
        XCTAssertEqual(text(indicators[2], "group"), "INDICI DI EFFICIENZA")
        guard case .value(let cut)? = indicators[4]["actual"] else { return XCTFail("no value of the cut row") }
        XCTAssertEqual(cut.number, 100)
    }

    func testWeightInPointsFromTheTitle() {
        let items = [
            block(.paragraph, "3.OBIETTIVO INNOVATIVO 2024"),
            table(0, [["Obiettivo: Descrizione Sintetica", "Esclusione VAS del distributore (MAX 20 PUNTI)"]]),
        ]
        let objective = records(ObjectiveSheetBuilder(), items).records[0]
        XCTAssertEqual(objective["weight"], .number(20))
        XCTAssertEqual(text(objective, "weight_unit"), "points")
        XCTAssertEqual(text(objective, "code"), "3")
    }

    func testVocabularyReadsKindsAndMonths() {
        let vocabulary = ObjectiveVocabulary.standard
        XCTAssertEqual(vocabulary.level(in: "OBIETTIVO DI PERFORMANCE TRASVERSALE"), "performance")
        XCTAssertEqual(vocabulary.categories(in: "6. OBIETTIVO DI GESTIONE 2024 INTERSETTORIALE"), ["gestione", "intersettoriale"])
        XCTAssertEqual(vocabulary.categories(in: "OBIETTIVO DI ACCESSIBILITA'"), ["accessibilità"])
        XCTAssertEqual(vocabulary.orgUnit(fromHeading: "OBIETTIVI AREA FINANZIARIA - TRIBUTARIA"), "AREA FINANZIARIA - TRIBUTARIA")
        XCTAssertNil(vocabulary.orgUnit(fromHeading: "OBIETTIVI DI PERFORMANCE TRASVERSALI"))
        XCTAssertEqual(vocabulary.month(of: "Settembre"), 9)
        XCTAssertEqual(vocabulary.month(of: "Set"), 9)
        XCTAssertNil(vocabulary.month(of: "Fasi e tempi"))
        XCTAssertTrue(vocabulary.announcesObjective("1.OBIETTIVO DI MIGLIORAMENTO 2024"))
        XCTAssertFalse(vocabulary.announcesObjective("OBIETTIVI DI PERFORMANCE TRASVERSALI"))
    }
}
