import Core
import XCTest
@testable import Normalize

/// Raw labels copied from the seeds and SCHEMA.md, with the field each must reach.
final class LabelMatcherTests: XCTestCase {
    static let matcher = try! LabelMatcher.bundled()
    var matcher: LabelMatcher { Self.matcher }

    func assertMatches(_ cases: [(String, String)], in type: RecordType, file: StaticString = #filePath, line: UInt = #line) {
        for (raw, field) in cases {
            let match = matcher.match(raw, in: type)
            XCTAssertEqual(match?.field, field, "\(type.rawValue): \(raw)", file: file, line: line)
            XCTAssertEqual(match?.recordType, type, raw, file: file, line: line)
        }
    }

    func testPisogneObjectiveLabels() {
        assertMatches([
            ("<b>Responsabile:</b>", "owner"),
            ("<b>A chi è rivolto l’obiettivo (stakeholder):</b>", "stakeholders"),
            ("A chi è rivolto l'obiettivo (stakeholder):", "stakeholders"),
            ("**A chi è rivolto l'obiettivo (stakeholder):**", "stakeholders"),
            ("A chi e' rivolto l`obiettivo (stakeholder)", "stakeholders"),
            ("<b>Chi contribuisce a raggiungere l’obiettivo:</b>", "contributors"),
            ("<b>Tempi di raggiungimento dell’obiettivo:</b>", "timeframe"),
            ("<p><b>Tempi di raggiungimento dell’obiettivo:</b>", "timeframe"),
            ("- <b>Misurazione di raggiungimento dell'obiettivo:</b>", "measurement"),
            ("Base di partenza per il raggiungimento dell'obiettivo:", "baseline"),
            ("<b>Traguardo atteso:</b>", "expected_result"),
            ("<b>Verificabilità dei dati (fonte):</b>", "verification_source"),
            ("OBIETTIVO DI PERFORMANCE:", "title"),
            ("OBIETTIVO DI PERFORMANCE TRASVERSALE", "title"),
        ], in: .objective)
    }

    func testCasorateAndLumezzaneObjectiveLabels() {
        assertMatches([
            ("Obiettivo: Descrizione Sintetica", "title"),
            ("Descrizione Sintetica", "title"),
            ("Descrizione", "description"),
            ("Descrizione, finalità da perseguire, modalità, linee guida di attuazione", "description"),
            ("Descrizione e Finalità", "description"),
            ("DEFINIZIONE OBIETTIVO", "title"),
            ("DESCRIZIONE/FASI", "phases"),
            ("Fasi di attuazione:", "phases"),
            ("Cronoprogramma", "phases"),
            ("Tempi di realizzazione", "timeframe"),
            ("Orizzonte temporale", "timeframe"),
            ("Obiettivo operativo", "title"),
            ("Obiettivo strategico:", "parent_title"),
            ("Responsabile politico", "political_owner"),
            ("Responsabil e politico", "political_owner"),
            ("Responsabile gestionale", "owner"),
            ("Responsabil e gestionale", "owner"),
            ("Stato attuazione obiettivo:", "status_text"),
            ("Stakeholder", "stakeholders"),
            ("Settore", "org_unit"),
            ("Settore responsabile del coordinamento", "org_unit"),
            ("Centro di Responsabilità", "org_unit"),
            ("Dirigente", "owner"),
            ("Funzionario responsabile", "owner"),
            ("Settori coinvolti", "contributors"),
            ("OBIETTIVO DI ACCESSIBILITA'", "category"),
            ("OBIETTIVO DI QUALITA’", "category"),
            ("Media valore raggiunto", "achievement_percent"),
            ("peso", "weight"),
            ("Peso %", "weight"),
        ], in: .objective)
    }

    func testCazzagoAndCalcinateObjectiveLabels() {
        assertMatches([
            ("N.", "code"),
            ("INDIRIZZO STRATEGICO", "parent_title"),
            ("indirizzo strategico", "parent_title"),
            ("PROGETTO STRATEGICO", "title"),
            ("STAKEHOLDER FINALI", "stakeholders"),
            ("Progetti Strategici", "parent_title"),
            ("Indirizzi strategici/Obiettivi strategici DUP", "parent_title"),
            ("Obiettivi di PEG", "title"),
            ("Indicatore di risultato", "measurement"),
            ("Risultato Atteso", "expected_result"),
            ("<b>AREE STRATEGICHE DI INTERVENTO</b>", "parent_title"),
            ("Aree strategiche di intervento", "parent_title"),
            ("<b>AZIONI DA STRUMENTO DI INDIRIZZI DI GOVERNO</b>", "title"),
            ("<b>OBIETTIVI SPECIFICI</b>", "description"),
            ("<b>PERSONALE</b>", "contributors"),
        ], in: .objective)
    }

    func testIndicatorLabels() {
        assertMatches([
            ("Indicatori Performanti", "name"),
            ("Indicatori performanti", "name"),
            ("Indicatori di risultato", "name"),
            ("Descrizione", "name"),
            ("target", "target"),
            ("Target", "target"),
            ("raggiunto", "actual"),
            ("Valore atteso", "target"),
            ("Valore atteso Rispetto scadenze:", "target"),
            ("Valore raggiunto", "actual"),
        ], in: .indicator)
    }

    func testBudgetLineLabels() {
        assertMatches([
            ("Tit", "title_code"),
            ("Piano Fin. 118/11", "chart_code"),
            ("Capitolo", "chapter"),
            ("Descrizione", "description"),
            ("Previsione iniziale", "amounts.initial_forecast"),
            ("Previsione attuale", "amounts.current_forecast"),
            ("Previsione assestata", "amounts.current_forecast"),
            ("Accertato", "amounts.committed"),
            ("Impegnato", "amounts.committed"),
            ("Disponibilità", "amounts.available"),
            ("Disponibilita'", "amounts.available"),
            ("Riscosso", "amounts.cashed"),
            ("Pagato", "amounts.cashed"),
            ("Titoli", "title_code"),
            ("Denominazione", "description"),
        ], in: .budgetLine)
    }

    func testStaffLabels() {
        assertMatches([
            ("Cat.", "category"),
            ("CAT.", "category"),
            ("Cognome e nome", "person_name"),
            ("% partecipazione", "participation_percent"),
            ("% partecipazion e", "participation_percent"),
            ("% partecipazioni", "participation_percent"),
            ("PROFILO PROF.", "role"),
            ("Qualifica Professionale", "role"),
            ("Unità in servizio", "count"),
            ("Nuovo sistema di classificazione dal 01/04/2023", "area_ccnl_2022"),
            ("Nuovo Profilo Personale", "role"),
            ("POSTI COPERTI", "count"),
            ("Posizioni economiche", "category"),
        ], in: .staff)
    }

    func testEntityLabels() {
        assertMatches([
            ("Indirizzo:", "address"),
            ("Codice fiscale:", "tax_code"),
            ("Partita IVA:", "vat"),
            ("Sindaco:", "mayor"),
            ("Numero dipendenti al 31 dicembre anno precedente:", "employees"),
            ("Numero abitanti al 31 dicembre anno precedente:", "inhabitants"),
            ("Telefono:", "phone"),
            ("Sito internet:", "website"),
            ("E-mail:", "email"),
            ("PEC:", "pec"),
        ], in: .entity)
    }

    func testRiskLabels() {
        assertMatches([
            ("Area di rischio", "area"),
            ("Processo", "process"),
            ("Evento rischioso", "risk_event"),
            ("Probabilità", "likelihood"),
            ("Impatto", "impact"),
            ("Giudizio sintetico", "level"),
            ("Misure di prevenzione", "measures"),
            ("Responsabile della misura", "owner"),
            ("Tempi di attuazione", "deadline"),
            ("Indicatori di monitoraggio", "indicator"),
        ], in: .risk)
    }

    func testHyphenationAndLineSplits() {
        XCTAssertEqual(matcher.match("respon- sabile politico", in: .objective)?.field, "political_owner")
        XCTAssertEqual(matcher.match("Tempi di raggiungimento\ndell'obiettivo", in: .objective)?.field, "timeframe")
        XCTAssertEqual(matcher.match("Base di partenza per il raggiun-\ngimento dell'obiettivo", in: .objective)?.field, "baseline")
        XCTAssertEqual(matcher.match("Previsione\niniziale", in: .budgetLine)?.field, "amounts.initial_forecast")
    }

    func testTyposWithinAFewEdits() {
        let timeframe = matcher.match("Tempi di ragiungimento dell'obiettivo", in: .objective)
        XCTAssertEqual(timeframe?.field, "timeframe")
        XCTAssertEqual(timeframe?.quality, .fuzzy(edits: 1))
        XCTAssertEqual(matcher.match("Verificabilita dei dati (fnte)", in: .objective)?.field, "verification_source")
        XCTAssertEqual(matcher.match("OBBIETTIVO", in: .objective)?.quality, .exact)
        XCTAssertEqual(matcher.match("Descrizione Sintetca", in: .objective)?.field, "title")
    }

    func testShortLabelsAreNotFuzzy() {
        XCTAssertNil(matcher.match("Cap", in: .staff))
        XCTAssertNil(matcher.match("Tot", in: .budgetLine))
        XCTAssertNil(matcher.match("Pesi", in: .objective))
    }

    func testLongestMostSpecificLabelWins() {
        XCTAssertEqual(matcher.match("Descrizione Sintetica", in: .objective)?.field, "title")
        XCTAssertEqual(matcher.match("Descrizione", in: .objective)?.field, "description")
        let prefix = matcher.match("Descrizione, finalità da perseguire, modalità e tempi", in: .objective)
        XCTAssertEqual(prefix?.field, "description")
        XCTAssertEqual(prefix?.quality, .prefix)
        XCTAssertEqual(matcher.match("Obiettivi strategici di mandato", in: .objective)?.field, "parent_title")
        XCTAssertEqual(matcher.match("Obiettivo strategico: 8.2 Comunicazione", in: .objective)?.field, "parent_title")
        XCTAssertEqual(matcher.match("Numero dipendenti al 31/12/2023", in: .entity)?.field, "employees")
    }

    func testPrefixMustEndAtAWordBoundary() {
        XCTAssertNil(matcher.match("Notevole", in: .objective))
        XCTAssertNil(matcher.match("Areale", in: .staff))
        XCTAssertNil(matcher.match("Numero dipendentissimi", in: .entity))
    }

    /// Cell values starting with a one-word label are not labels.
    func testOneWordLabelsAreNotPrefixes() {
        XCTAssertNil(matcher.match("Sindaco Facchini Josehf", in: .objective))
        XCTAssertNil(matcher.match("Area degli Istruttori", in: .objective))
        XCTAssertNil(matcher.match("Descrizione del progetto di dettaglio", in: .objective))
        XCTAssertNil(matcher.match("Ente, cittadini", in: .entity))
    }

    func testUnknownLabelsAreNil() {
        for raw in ["Costo orario", "n. ore dedicate", "Sistema Premiante", "", "**", "Cause", "Intrapresi"] {
            XCTAssertNil(matcher.match(raw, in: .objective), raw)
        }
        XCTAssertNil(matcher.match("Zzzz qwerty"))
    }

    func testUnscopedMatchFollowsRecordTypeOrder() {
        XCTAssertEqual(matcher.match("Descrizione")?.recordType, .objective)
        XCTAssertEqual(matcher.match("Accertato")?.recordType, .budgetLine)
        XCTAssertEqual(matcher.match("% partecipazion e")?.recordType, .staff)
        let all = matcher.candidates("Descrizione")
        XCTAssertEqual(all.map(\.recordType), [.objective, .indicator, .budgetLine])
        XCTAssertTrue(all.allSatisfy { $0.quality == .exact })
    }

    func testLabeledLine() {
        let line = "<b>Tempi di raggiungimento dell’obiettivo:</b> Entro il 31/10/2025"
        let split = matcher.labeledLine(line, in: .objective)
        XCTAssertEqual(split?.match.field, "timeframe")
        XCTAssertEqual(split?.value, "Entro il 31/10/2025")

        let inline = matcher.labeledLine("<b>OBIETTIVO DI PERFORMANCE TRASVERSALE: rispetto dei tempi medi di pagamento</b>", in: .objective)
        XCTAssertEqual(inline?.match.field, "title")
        XCTAssertEqual(inline?.value, "rispetto dei tempi medi di pagamento")

        let entity = matcher.labeledLine("Numero dipendenti al 31 dicembre anno precedente: 28", in: .entity)
        XCTAssertEqual(entity?.match.field, "employees")
        XCTAssertEqual(entity?.value, "28")

        XCTAssertNil(matcher.labeledLine("Il presente documento: una premessa", in: .objective))
        XCTAssertNil(matcher.labeledLine("Descrizione\tValore atteso Rispetto scadenze:\tValore raggiunto", in: .indicator))
        let bullet = matcher.labeledLine("- <b>Misurazione di raggiungimento dell'obiettivo:</b> esecuzione di turni", in: .objective)
        XCTAssertEqual(bullet?.match.field, "measurement")
        XCTAssertEqual(bullet?.value, "esecuzione di turni")
    }
}
