import Core
import Foundation
import XCTest
@testable import XML

/// "Label: value" lines in markup are told by the PDF stage's rule (`LabelLine`), so both routes of one plan give
/// the same blocks: plain capitalised labels, labels set as headings, values wrapped at a line break.
final class LabelLineTests: XCTestCase {
    private func blocks(_ body: String) throws -> [BlockSummary] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString).xhtml").path
        let html = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\(body)</body></html>"
        try html.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try MarkupDocument.content(path: path).summaries()
    }

    func testAPlainCapitalisedLabelAfterALineBreakIsALabelLine() throws {
        XCTAssertEqual(try blocks("<p>OBIETTIVO DI QUALITA'<br/>Obiettivo strategico: 4.2 Favorire interventi</p>"), [
            BlockSummary(.paragraph, "OBIETTIVO DI QUALITA'"),
            BlockSummary(.labelValue, "Obiettivo strategico: 4.2 Favorire interventi", label: "Obiettivo strategico", value: "4.2 Favorire interventi"),
        ])
    }

    func testPlainTextWithAColonIsNoLabelLine() throws {
        // Not capitalised, too many words before the colon, or no value after a plain label.
        XCTAssertEqual(try blocks("<p>si veda quanto segue: il piano</p><p>Gli obiettivi della performance in questo piano sono: due</p><p>Gli obiettivi sono due:</p>"), [
            BlockSummary(.paragraph, "si veda quanto segue: il piano"),
            BlockSummary(.paragraph, "Gli obiettivi della performance in questo piano sono: due"),
            BlockSummary(.paragraph, "Gli obiettivi sono due:"),
        ])
    }

    func testABoldLabelNeedsNoValueOnItsLineAndItsColonMayBePlain() throws {
        XCTAssertEqual(try blocks("<p><b>Attività previste in dettaglio e loro scadenza:</b></p><p><b>Responsabile</b>: Mario Rossi</p>"), [
            BlockSummary(.labelValue, "Attività previste in dettaglio e loro scadenza:", label: "Attività previste in dettaglio e loro scadenza", value: ""),
            BlockSummary(.labelValue, "Responsabile: Mario Rossi", label: "Responsabile", value: "Mario Rossi"),
        ])
    }

    func testAHeadingThatIsALabelLineIsALabelLine() throws {
        XCTAssertEqual(try blocks("<h3><b>OBIETTIVO DI PERFORMANCE: Centri estivi</b></h3><h3>MISSIONE 12 – DIRITTI SOCIALI</h3>"), [
            BlockSummary(.labelValue, "OBIETTIVO DI PERFORMANCE: Centri estivi", label: "OBIETTIVO DI PERFORMANCE", value: "Centri estivi"),
            BlockSummary(.heading, "MISSIONE 12 – DIRITTI SOCIALI", level: 3),
        ])
    }

    func testAShortBoldParagraphIsAHeadingBelowTheHeadingElements() throws {
        XCTAssertEqual(try blocks("<p><b>TRANSITABILITÀ STRADE NEL PERIODO INVERNALE</b></p><p><b>Testo</b> in parte grassetto</p>"), [
            BlockSummary(.heading, "TRANSITABILITÀ STRADE NEL PERIODO INVERNALE", level: 6),
            BlockSummary(.paragraph, "Testo in parte grassetto"),
        ])
    }

    func testLabelLinesAfterALineBreakInAListItemAreLabelLines() throws {
        XCTAssertEqual(try blocks("<ul><li><b>Misurazione:</b> turni serali<br/>in base al programma<br/><b>Base di partenza:</b> anno precedente<br/><b>Traguardo:</b> sicurezza</li><li>Secondo<br/>punto</li></ul>"), [
            BlockSummary(.listItem, "Misurazione: turni serali in base al programma"),
            BlockSummary(.labelValue, "Base di partenza: anno precedente", label: "Base di partenza", value: "anno precedente"),
            BlockSummary(.labelValue, "Traguardo: sicurezza", label: "Traguardo", value: "sicurezza"),
            BlockSummary(.listItem, "Secondo punto"),
        ])
    }

    func testLinesAfterALabelLineContinueItsValue() throws {
        XCTAssertEqual(try blocks("<p>Indirizzo: Via Roma n. 1, 27022 Casorate<br/>(PV)<br/>Sindaco: Anna Neri</p>"), [
            BlockSummary(.labelValue, "Indirizzo: Via Roma n. 1, 27022 Casorate (PV)", label: "Indirizzo", value: "Via Roma n. 1, 27022 Casorate (PV)"),
            BlockSummary(.labelValue, "Sindaco: Anna Neri", label: "Sindaco", value: "Anna Neri"),
        ])
    }
}
