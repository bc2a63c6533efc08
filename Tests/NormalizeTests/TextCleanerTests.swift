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

    /// The scalar-table fast paths fold exactly as the whole-string reading does (lower case, canonical
    /// decomposition, marks dropped, apostrophes made one), on mixed scripts, combining marks and joiners too.
    func testFastFoldingAgreesWithTheWholeStringReading() {
        var samples = ["È Già ATTIVITÀ – 1.234,56 €", "l’obiettivo “qualità” … ′x′ ʼy", "Ǆemal ŒUVRE Straße ﬁne",
                       "e\u{301}cole", "a\u{200D}b", "naïve café", "Ελληνικά ΣΟΦΟΣ", "Крым 2024", "מִשְׁפָּט", "👩‍👩‍👧 x",
                       "\u{00AD}soft\u{00A0}space\u{2009}thin", "ｆｕｌｌ ｗｉｄｔｈ", "Ⅻ ½ ²", "\r\n", ""]
        samples += (0x80...0x2FF).compactMap { Unicode.Scalar($0).map { "x\(Character($0))Y" } }
        samples += (0x2000...0x20CF).compactMap { Unicode.Scalar($0).map { "A\(Character($0))b" } }
        for text in samples {
            XCTAssertEqual(TextFolding.fold(text), referenceFold(text), "fold of \(text.debugDescription)")
            XCTAssertEqual(TextFolding.words(text), referenceWords(text), "words of \(text.debugDescription)")
        }
    }

    private func referenceFold(_ text: String) -> String {
        let apostrophes: Set<Character> = ["'", "’", "‘", "`", "´", "ʼ", "′"]
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        let kept = decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        return String(String(String.UnicodeScalarView(kept)).map { apostrophes.contains($0) ? "'" : $0 })
    }

    private func referenceWords(_ text: String) -> String {
        let pieces = referenceFold(text).split { !($0.isLetter || $0.isNumber || $0 == "%") }
        return pieces.joined(separator: " ")
    }
}
