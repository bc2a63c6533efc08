import Core
import XCTest
@testable import Normalize

/// The objective sheet builder's passes one by one, on lines made for each rule: classification (what a line
/// is), segmentation (where a sheet starts and ends), assembly (a sheet's lines into fields), joining.
final class SheetPassesTests: XCTestCase {
    static let labels = try! LabelMatcher.bundled()
    let settings = ObjectiveSheetBuilder()
    var classifier: SheetLineClassifier { SheetLineClassifier(settings: settings, labels: Self.labels) }

    func row(_ cells: [String], item: Int = 1, row: Int = 0, page: Int = 1) -> SheetLine {
        SheetLine(item: item, row: row, page: page, cells: cells, block: nil)
    }

    func block(_ text: String, kind: Block.Kind = .paragraph, level: Int? = nil, item: Int = 0, page: Int = 1,
               label: String? = nil, value: String? = nil) -> SheetLine {
        let block = Block(kind: kind, page: page, bbox: Rect(x0: 50, y0: 50, x1: 500, y1: 60), text: text, level: level,
                          label: label, value: value, fontSize: 10, isBold: false)
        return SheetLine(item: item, row: nil, page: page, cells: [text], block: block)
    }

    // MARK: classification

    func testAnnouncementGivesItsNumber() {
        XCTAssertEqual(classifier.announcement(in: block("2. OBIETTIVO DI MIGLIORAMENTO 2024")),
                       ObjectiveAnnouncement(code: "2", text: "2. OBIETTIVO DI MIGLIORAMENTO 2024"))
        XCTAssertNil(classifier.announcement(in: block("Obiettivo: ridurre i tempi")), "a label with its value is no announcement")
        XCTAssertNil(classifier.announcement(in: row(["OBIETTIVO DI QUALITA'", "Peso"])), "a header row is no announcement")
    }

    func testProgrammeCodesFromHeadingsAndProgrammeRows() {
        XCTAssertEqual(classifier.programmeCodes(in: block("MISSIONE 4 - Istruzione e diritto allo studio", kind: .heading, level: 2)),
                       .mission("4"))
        // A D.Lgs. 118/2011 programme code in its three- or four-digit forms.
        XCTAssertEqual(classifier.programmeCodes(in: row(["101", "Programma", "Organi istituzionali"])),
                       .missionAndProgram(mission: "1", program: "01"))
        XCTAssertEqual(classifier.programmeCodes(in: row(["0402", "Programma", "Altri ordini di istruzione"])),
                       .missionAndProgram(mission: "4", program: "02"))
        XCTAssertEqual(classifier.programmeCodes(in: row(["1201", "Programma", "Interventi per l'infanzia"])),
                       .missionAndProgram(mission: "12", program: "01"))
        XCTAssertEqual(classifier.programmeCodes(in: row(["Programma", "03 Gestione economica"])), .program("03"))
        XCTAssertEqual(classifier.programmeCodes(in: block("102 Programma 2 Segreteria generale")),
                       .missionAndProgram(mission: "1", program: "02"), "a programme row read as one line of text")
        XCTAssertNil(classifier.programmeCodes(in: block("Il Programma 2 prevede")), "running text naming a programme")
        XCTAssertNil(classifier.programmeCodes(in: row(["2024", "Programma", "Lavori"])).flatMap { codes -> ProgrammeCodes? in
            if case .missionAndProgram = codes { return codes } else { return nil }
        }, "a year is no programme code")
    }

    func testSummaryRowsGiveNumberTitleAndWeight() {
        XCTAssertEqual(classifier.summaryWeightRow(row(["3", "Servizi sociali", "Riorganizzazione dello sportello", "20%"])),
                       SummaryWeightRow(code: "3", title: "Riorganizzazione dello sportello", weight: "20%"))
        XCTAssertEqual(classifier.summaryWeightRow(row(["2.1.", "Tributi", "Recupero evasione IMU", "15"]))?.code, "2.1")
        XCTAssertEqual(classifier.summaryWeightRow(row(["104", "Ufficio tecnico", "Manutenzione strade", "10"]))?.code, "104")
        XCTAssertNil(classifier.summaryWeightRow(row(["3", "Servizi sociali", "Sportello", "150"])), "a weight is at most 100")
        XCTAssertNil(classifier.summaryWeightRow(row(["Anno", "Servizi sociali", "Sportello", "20"])), "the first cell is a number")
        XCTAssertNil(classifier.summaryWeightRow(row(["2024", "Servizi sociali", "Sportello", "20"])), "a year is no objective number")
    }

    func testHeaderWrappedOverRowsIsOneHeader() {
        let lines = [row(["Risultato", "Peso"], row: 0), row(["atteso", ""], row: 1), row(["Sportello unico", "30"], row: 2)]
        let (role, span) = classifier.role(of: lines, at: 0)
        XCTAssertEqual(span, 2)
        guard case .columnHeader(let columns) = role else { return XCTFail("\(role)") }
        XCTAssertEqual(columns[0]?.field, "expected_result")
        XCTAssertEqual(columns[1]?.field, "weight")
    }

    func testAStackedHeaderMayHoldACellThatIsNoKnownLabel() {
        let lines = [row(["", "", "Sistema"], row: 0), row(["Settore", "Dirigente", "Premiante"], row: 1),
                     row(["Amministrativo", "Deborah Ariboni", ""], row: 2)]
        let (role, span) = classifier.role(of: lines, at: 0)
        XCTAssertEqual(span, 2, "the value row is not part of the header")
        guard case .columnHeader(let columns) = role else { return XCTFail("\(role)") }
        XCTAssertEqual(columns[0]?.field, "org_unit")
        XCTAssertEqual(columns[1]?.field, "owner")
        XCTAssertTrue(classifier.isShortLabelText("Sistema Premiante"))
        XCTAssertFalse(classifier.isShortLabelText("Peso 2024"), "a figure is a value")
    }

    func testRunningTextAndFiguresAreNoHeaderPieces() {
        XCTAssertTrue(classifier.mayBeHeaderCell("Piano Fin. 118/11"))
        XCTAssertTrue(classifier.mayBeHeaderCell("Base di partenza per il raggiungimento dell'obiettivo"))
        XCTAssertFalse(classifier.mayBeHeaderCell("1.234,56 5.880,86"), "amounts")
        XCTAssertFalse(classifier.mayBeHeaderCell("Riorganizzazione degli uffici comunali al fine di ridurre i tempi di attesa degli utenti allo sportello"))
        let rows = [row(["Riorganizzazione degli uffici comunali al fine di ridurre i tempi di attesa", "Peso"], row: 0),
                    row(["degli utenti allo sportello unico", ""], row: 1)]
        XCTAssertNil(classifier.wrappedHeader(rows, at: 0))
    }

    func testLabelWrappedOverRowsIsOneLabel() {
        let lines = [row(["Descrizione", "Ampliamento dei posti"], row: 0), row(["Sintetica", "al nido"], row: 1)]
        let (role, span) = classifier.role(of: lines, at: 0)
        XCTAssertEqual(span, 2)
        guard case .label(let labeled) = role else { return XCTFail("\(role)") }
        XCTAssertEqual(labeled, LabeledText(field: "title", label: "Descrizione Sintetica", value: "Ampliamento dei posti al nido"))
    }

    func testLabelValueBlockAndPlainText() {
        let labeled = block("Responsabile: Mario Rossi", kind: .labelValue, label: "Responsabile", value: "Mario Rossi")
        guard case .label(let label) = classifier.role(of: [labeled], at: 0).role else { return XCTFail() }
        XCTAssertEqual(label.field, "owner")
        XCTAssertEqual(label.value, "Mario Rossi")
        guard case .plain = classifier.role(of: [block("Il servizio sarà riorganizzato entro l'anno.")], at: 0).role else { return XCTFail() }
    }

    /// A cell holding a one-word label of a field of names or lists and its value in upper case is both; a
    /// description that a label word opens, in lower case, is not.
    func testAOneWordLabelAndItsValueInOneCell() {
        guard case .label(let label) = classifier.role(of: [row(["Stakeholder RUP dei progetti PNRR", ""])], at: 0).role else { return XCTFail() }
        XCTAssertEqual(label, LabeledText(field: "stakeholders", label: "Stakeholder", value: "RUP dei progetti PNRR"))
        if case .label(let wrong) = classifier.role(of: [row(["Descrizione delle attività svolte", ""])], at: 0).role {
            XCTFail("\(wrong)")
        }
    }

    // MARK: segmentation

    func segments(_ lines: [SheetLine], titled: @escaping (SheetSegment) -> Bool = { _ in true }) -> [SheetSegment] {
        SheetSegmenter(classifier: classifier) { SheetSummary(hasTitle: titled($0), code: $0.code) }.segments(of: lines)
    }

    func testAnnouncementsOpenAndRepeatedNumbersContinue() {
        let lines = [block("1. OBIETTIVO DI MIGLIORAMENTO 2024"), block("testo"),
                     block("1. OBIETTIVO DI MIGLIORAMENTO 2024", page: 2), block("altro testo", page: 2),
                     block("2. OBIETTIVO DI MIGLIORAMENTO 2024", page: 3)]
        let cut = segments(lines)
        XCTAssertEqual(cut.map(\.code), ["1", "2"])
        XCTAssertEqual(cut[0].entries.count, 3, "the repeated heading and both texts are the first sheet's")
        guard case .announcement = cut[0].entries[1].role else { return XCTFail() }
    }

    func testAnUntitledSheetTakesTheNumberOfTheNextAnnouncement() {
        let lines = [block("OBIETTIVO DI QUALITA'"), block("testo"), block("4. OBIETTIVO DI QUALITA'")]
        let cut = segments(lines, titled: { _ in false })
        XCTAssertEqual(cut.count, 1)
        XCTAssertEqual(cut[0].code, "4")
    }

    func testMainHeadingsCloseSheetsAndClearCodes() {
        let lines = [block("MISSIONE 4 - Istruzione", kind: .heading, level: 1), block("OBIETTIVO DI QUALITA'"),
                     block("testo"), block("PARTE SECONDA", kind: .heading, level: 1), block("fuori da ogni scheda"),
                     block("OBIETTIVO DI EFFICIENZA")]
        let cut = segments(lines)
        XCTAssertEqual(cut.count, 2)
        XCTAssertEqual(cut[0].mission, "4")
        XCTAssertEqual(cut[0].entries.count, 1, "the text after the main heading belongs to no sheet")
        XCTAssertNil(cut[1].mission, "a main heading that is not a mission's clears the mission")
    }

    func testAHeadingThatIsALabelOfTheSheetClosesNoSheet() {
        let lines = [block("OBIETTIVO DI QUALITA'"), block("Stato attuazione obiettivo:", kind: .heading, level: 2), block("testo")]
        XCTAssertFalse(classifier.frame(of: lines[1]).isMainHeading)
        XCTAssertEqual(segments(lines).first?.entries.count, 2)
    }

    func testSummaryRowsReadBeforeASheetCloses() {
        let lines = [row(["1", "Tributi", "Recupero evasione", "40"], item: 1), block("1. OBIETTIVO DI EFFICIENZA", item: 2),
                     row(["2", "Tributi", "Sportello", "60"], item: 3), block("2. OBIETTIVO DI EFFICIENZA", item: 4)]
        let cut = segments(lines)
        XCTAssertEqual(cut.map(\.summaryWeights.count), [2, 2])
    }

    // MARK: assembly and joining

    func draft(_ lines: [SheetLine]) -> ObjectiveDraft {
        let assembler = SheetAssembler(settings: settings)
        let cut = SheetSegmenter(classifier: classifier, summarize: assembler.summary(of:)).segments(of: lines)
        return settings.joinedSheets(cut.map { ($0, assembler.draft(of: $0)) })[0]
    }

    func testValueRowsUnderAHeaderJoinColumnByColumn() {
        let objective = draft([block("1. OBIETTIVO DI EFFICIENZA"), row(["Obiettivo operativo", "Peso"], item: 1, row: 0),
                               row(["Riordino dell'archivio", "30"], item: 1, row: 1), row(["comunale", ""], item: 1, row: 2)])
        XCTAssertEqual(objective.text(of: "title"), "Riordino dell'archivio comunale")
        XCTAssertEqual(objective.text(of: "weight"), "30")
    }

    func testTextUnderALabelAloneIsItsValue() {
        let objective = draft([block("OBIETTIVO DI QUALITA'"), block("Titolo obiettivo:", kind: .labelValue, label: "Titolo obiettivo", value: ""),
                               block("Sportello digitale per le pratiche edilizie")])
        XCTAssertEqual(objective.text(of: "title"), "Sportello digitale per le pratiche edilizie")
    }

    func testANameAloneUnderAPersonIsTheRestOfTheName() {
        let objective = draft([block("OBIETTIVO DI QUALITA'"), block("Titolo obiettivo: Sportello", kind: .labelValue, label: "Titolo obiettivo", value: "Sportello"),
                               row(["Nominativo", "Profilo"], item: 1, row: 0), row(["BIANCHI MARIA", "Istruttore"], item: 1, row: 1),
                               row(["ANTONIETTA", ""], item: 1, row: 2), row(["VERDI LUCA", "Operaio"], item: 1, row: 3)])
        XCTAssertEqual(objective.staff.map { $0.cells.first { $0.field == "person_name" }?.text }, ["BIANCHI MARIA ANTONIETTA", "VERDI LUCA"])
    }

    func testNamesAloneInAListOfNamesAreEachAPerson() {
        let objective = draft([block("OBIETTIVO DI QUALITA'"), block("Titolo obiettivo: Sportello", kind: .labelValue, label: "Titolo obiettivo", value: "Sportello"),
                               row(["Nominativo", "Profilo"], item: 1, row: 0), row(["BIANCHI MARIA", ""], item: 1, row: 1),
                               row(["VERDI LUCA", ""], item: 1, row: 2)])
        XCTAssertEqual(objective.staff.count, 2)
    }

    func testSummaryWeightNeedsTheSameNumberAndASimilarTitle() {
        let summary = [row(["1", "Tributi", "Recupero evasione IMU", "40%"], item: 1), row(["2", "Tributi", "Sportello unico", "60%"], item: 1, row: 1)]
        let sheet = [block("1. OBIETTIVO DI EFFICIENZA", item: 2),
                     block("Titolo obiettivo: Recupero dell'evasione IMU", kind: .labelValue, item: 3, label: "Titolo obiettivo", value: "Recupero dell'evasione IMU")]
        XCTAssertEqual(draft(summary + sheet).text(of: "weight"), "40%")
        let other = [block("1. OBIETTIVO DI EFFICIENZA", item: 2),
                     block("Titolo obiettivo: Piano del verde", kind: .labelValue, item: 3, label: "Titolo obiettivo", value: "Piano del verde")]
        XCTAssertNil(draft(summary + other).text(of: "weight"), "same number, another title")
    }

    func testAnUntitledSheetIsTheRestOfTheObjectiveBefore() {
        let lines = [block("1. OBIETTIVO DI EFFICIENZA"),
                     block("Titolo obiettivo: Archivio", kind: .labelValue, label: "Titolo obiettivo", value: "Archivio"),
                     block("OBIETTIVO DI EFFICIENZA", page: 2),
                     block("Responsabile: Mario Rossi", kind: .labelValue, page: 2, label: "Responsabile", value: "Mario Rossi")]
        let objective = draft(lines)
        XCTAssertEqual(objective.text(of: "owner"), "Mario Rossi")
        XCTAssertEqual(objective.endPage, 2)
    }

    // MARK: announcements of any kind, indicator tables the layout cut

    func testAnUpperCaseAnnouncementOfAKindNoStemKnowsOpensASheetAndNamesItsCategory() {
        let vocabulary = settings.vocabulary
        XCTAssertNotNil(classifier.announcement(in: block("OBIETTIVO DI EQUILIBRIO DI GENERE")))
        XCTAssertEqual(vocabulary.namedCategory(in: "OBIETTIVO DI EQUILIBRIO DI GENERE"), "equilibrio di genere")
        XCTAssertNil(classifier.announcement(in: block("Obiettivo di questo piano")), "mixed case is running text")
        XCTAssertNil(vocabulary.namedCategory(in: "OBIETTIVO STRATEGICO DELL'ENTE PER IL TRIENNIO 2024 2026"), "no preposition after the objective word, and figures")
        XCTAssertNil(vocabulary.namedCategory(in: "OBIETTIVO DI UNA CITTA PIU SICURA E PULITA"), "too long for a kind")
    }

    func testAHeadingAndTheLabelLineUnderItInOneCellAreTwoLines() {
        let cell = row(["OBIETTIVO DI FORMAZIONE Obiettivo strategico: 8.8 Funzionamento dell'Ente", "", ""], item: 3, row: 4)
        let split = classifier.splittingAnnouncementsFromLabels([cell])
        XCTAssertEqual(split.map(\.text), ["OBIETTIVO DI FORMAZIONE", "Obiettivo strategico: 8.8 Funzionamento dell'Ente"])
        XCTAssertNotNil(classifier.announcement(in: split[0]))
        XCTAssertEqual(classifier.labelRow(split[1])?.field, "parent_title")
        let plain = [row(["OBIETTIVO DI FORMAZIONE", ""]), row(["IMU: aliquote 2024"]), row(["ANNO 2024 Nota: dati provvisori"])]
        XCTAssertEqual(classifier.splittingAnnouncementsFromLabels(plain).count, 3, "no announcement and label in one cell")
    }

    func testAKindSpeltWithASingleOrDoubleLetterIsStillKnown() {
        let vocabulary = settings.vocabulary
        XCTAssertEqual(vocabulary.categories(in: "OBIETTIVO DI EFICIENZA"), ["efficienza"])
        XCTAssertTrue(vocabulary.announcesObjective("OBBIETTIVO DI MIGLIORAMENTO"))
        XCTAssertEqual(TextFolding.singlingDoubledLetters("obbiettivo"), TextFolding.singlingDoubledLetters("obiettivo"))
        XCTAssertEqual(TextFolding.singlingDoubledLetters("l'attività 2023"), "l'atività 2023", "letters only: digits and marks stay")
    }

    private func indicators(_ lines: [SheetLine]) -> [(name: String, target: String?, actual: String?)] {
        let objective = draft([block("1. OBIETTIVO DI EFFICIENZA"), block("Titolo obiettivo: Sportello", kind: .labelValue, label: "Titolo obiettivo", value: "Sportello")] + lines)
        return objective.indicators.map { indicator in
            (indicator.name, indicator.cells.first { $0.field == "target" }?.text, indicator.cells.first { $0.field == "actual" }?.text)
        }
    }

    func testAHeaderOfValueColumnsOverAnEmptyNameColumn() {
        let found = indicators([row(["Indicatori di risultato", ""], item: 2, row: 0), row(["", "target"], item: 2, row: 1),
                                row(["Pratiche evase", "40"], item: 2, row: 2), row(["Utenti serviti", "50"], item: 2, row: 3)])
        XCTAssertEqual(found.map(\.name), ["Pratiche evase", "Utenti serviti"])
        XCTAssertEqual(found.map(\.target), ["40", "50"])
    }

    func testAValueColumnSetUnderItsTableGivesItsValuesInOrder() {
        let found = indicators([row(["Indicatori di risultato", ""], item: 2, row: 0), row(["", "target"], item: 2, row: 1),
                                row(["Pratiche evase", "40"], item: 2, row: 2), row(["Utenti serviti", "50"], item: 2, row: 3),
                                row(["", "raggiunto"], item: 2, row: 4), row(["", "38"], item: 2, row: 5), row(["", "52"], item: 2, row: 6)])
        XCTAssertEqual(found.map(\.name), ["Pratiche evase", "Utenti serviti"])
        XCTAssertEqual(found.map(\.actual), ["38", "52"])
        // Indicators that already have the column's values: the header starts a table of its own.
        let twice = indicators([row(["Indicatore", "raggiunto"], item: 2, row: 0), row(["Pratiche evase", "40"], item: 2, row: 1),
                                row(["", "raggiunto"], item: 2, row: 2), row(["Utenti serviti", "50"], item: 2, row: 3)])
        XCTAssertEqual(twice.map(\.name), ["Pratiche evase", "Utenti serviti"])
    }

    func testTwoValueLabelsInOneHeaderCellSplitTheFiguresUnderThem() {
        let found = indicators([row(["Indicatori di risultato", "", "target raggiunto"], item: 2, row: 0),
                                row(["Articoli pubblicati", "", "10 6"], item: 2, row: 1),
                                row(["Tempi medi", "", "Entro il 2023"], item: 2, row: 2)])
        XCTAssertEqual(found.map(\.target), ["10", "Entro il 2023"], "words are no pair of figures: the first column's")
        XCTAssertEqual(found.map(\.actual), ["6", nil])
        XCTAssertNil(classifier.sharedValueLabels("Valore atteso"), "one label is no pair")
        let beside = indicators([row(["Indicatori di risultato", "target raggiunto", ""], item: 2, row: 0),
                                 row(["Articoli pubblicati", "10", "6"], item: 2, row: 1)])
        XCTAssertEqual(beside.map(\.actual), ["6"], "figures in their own columns under a header run into one cell")
    }

    func testAFigureBesideTheEmptyCellOfItsLabelIsItsValue() {
        let found = indicators([row(["Descrizione", "Valore atteso Rispetto scadenze:", "", "Valore raggiunto"], item: 2, row: 0),
                                row(["N. PC per lavoro agile", "", "11", ""], item: 2, row: 1),
                                row(["N. Applicativi", "15", "", "12"], item: 2, row: 2)])
        XCTAssertEqual(found.map(\.target), ["11", "15"])
        XCTAssertEqual(found.map(\.actual), ["", "12"])
    }

    func testTextInLowerCaseUnderTheLastIndicatorIsTheRestOfItsName() {
        let cutRow = indicators([row(["Indicatore", "", "target", "raggiunto"], item: 2, row: 0),
                                 row(["Punti luce riposizionati", "", "10%", "4%"], item: 2, row: 1),
                                 row(["o sostituiti sul totale", "", "", ""], item: 2, row: 2),
                                 row(["Percorsi pedonali", "", "2", "1"], item: 2, row: 3)])
        XCTAssertEqual(cutRow.map(\.name), ["Punti luce riposizionati o sostituiti sul totale", "Percorsi pedonali"])
        let overleaf = indicators([row(["Indicatore", "target"], item: 2, row: 0), row(["Progetti con le risorse", "1"], item: 2, row: 1),
                                   block("finanziarie dei bandi regionali", item: 3, page: 2)])
        XCTAssertEqual(overleaf.map(\.name), ["Progetti con le risorse finanziarie dei bandi regionali"])
        let capitalised = indicators([row(["Indicatore", "target"], item: 2, row: 0), row(["Progetti", "1"], item: 2, row: 1),
                                      row(["Utenti", ""], item: 2, row: 2)])
        XCTAssertEqual(capitalised.map(\.name), ["Progetti", "Utenti"], "a capitalised name is an indicator of its own")
    }

    func testATableContinuedWithFewerColumnsMapsItsValuesFromTheRight() {
        let found = indicators([row(["Indicatori di risultato", "", "", "target", "raggiunto"], item: 2, row: 0),
                                row(["Pratiche evase", "", "", "100%", "100%"], item: 2, row: 1),
                                row(["Aggiornamenti del canale", "52", "47"], item: 3, row: 0, page: 2)])
        XCTAssertEqual(found.map(\.target), ["100%", "52"])
        XCTAssertEqual(found.map(\.actual), ["100%", "47"])
    }
}
