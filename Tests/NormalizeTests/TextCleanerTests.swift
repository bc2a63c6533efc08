import XCTest
@testable import Normalize

final class TextCleanerTests: XCTestCase {
    func testMarkupIsRemoved() {
        let cases: [(String, String)] = [
            ("<b>Responsabile:</b> Responsabile dell’area finanziaria", "Responsabile: Responsabile dell’area finanziaria"),
            ("Euro **118.033,00**", "Euro 118.033,00"),
            ("**Comune di Calcinate**", "Comune di Calcinate"),
            ("# Comune di Pisogne", "Comune di Pisogne"),
            ("### 2025 – 2027", "2025 – 2027"),
            ("*Approvato con delibera Giunta Comunale n. 32 del 11/03/2025*", "Approvato con delibera Giunta Comunale n. 32 del 11/03/2025"),
            ("<p><b>Traguardo atteso:</b> Puntualità</p>", "Traguardo atteso: Puntualità"),
            ("<ul style=\"list-style-type: none\"><li>- uno</li></ul>", "- uno"),
            ("[sindaco@comune.calcinate.bg.it](mailto:sindaco@comune.calcinate.bg.it)", "sindaco@comune.calcinate.bg.it"),
            ("(\\*) post-censimento", "(*) post-censimento"),
            ("PIANO ESECUTIVO DI GESTIONE E\nDELLA PERFORMANCE", "PIANO ESECUTIVO DI GESTIONE E DELLA PERFORMANCE"),
            ("a\u{00A0}\u{00A0}b\t c", "a b c"),
            ("respon\u{00AD}sabile", "responsabile"),
            ("< di 5", "< di 5"),
            ("&lt; 5 &amp; più", "< 5 & più"),
            ("#hashtag", "#hashtag"),
        ]
        for (raw, expected) in cases {
            XCTAssertEqual(TextCleaner.clean(raw), expected, raw)
        }
    }

    func testCleanLinesDropsEmptyOnes() {
        XCTAssertEqual(TextCleaner.cleanLines("\n\n**A**\n<b></b>\n  B  \n"), ["A", "B"])
    }

    func testFoldingForComparison() {
        XCTAssertEqual(TextFolding.fold("È Già ATTIVITÀ"), "e gia attivita")
        XCTAssertEqual(TextFolding.fold("dell’obiettivo dell`x dell´y"), "dell'obiettivo dell'x dell'y")
        XCTAssertEqual(TextFolding.words("A chi è rivolto l’obiettivo (stakeholder):"), "a chi e rivolto l obiettivo stakeholder")
        XCTAssertEqual(TextFolding.words("% partecipazion e"), "% partecipazion e")
        XCTAssertEqual(TextFolding.words("ATTIVITA'E ORGANIZZAZIONE"), "attivita e organizzazione")
    }
}
