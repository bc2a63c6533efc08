@testable import Core
import XCTest

/// A hyphen at a line end before a lower-case continuation: a break ("ammini-" over "strazione") unless the page
/// writes the word with its hyphen elsewhere (`PageSpellings`).
final class WrappedTextTests: XCTestCase {
    private func spellings(_ texts: String...) -> PageSpellings { PageSpellings(texts: texts.flatMap { $0.split(separator: " ").map(String.init) }) }

    func testAHyphenIsKeptOnlyWhereThePageWritesItElsewhere() {
        let page = spellings("il progetto Ring-ding parte a maggio")
        XCTAssertEqual(WrappedText.join("Il progetto Ring-", "ding è finanziato", spellings: page), "Il progetto Ring-ding è finanziato")
        XCTAssertEqual(WrappedText.join(["Il progetto Ring-", "ding, che parte"], spellings: page), "Il progetto Ring-ding, che parte")
        let without = spellings("della pubblica amministrazione e del progetto")
        XCTAssertEqual(WrappedText.join("Il progetto Ring-", "ding è finanziato", spellings: without), "Il progetto Ringding è finanziato")
        XCTAssertEqual(WrappedText.join("Il progetto Ring-", "ding è finanziato"), "Il progetto Ringding è finanziato", "no page, no evidence")
    }

    /// The page writing the word unbroken without its hyphen says the hyphen was a break; written both ways, the
    /// more frequent spelling wins, a tie keeping the hyphen.
    func testTheJoinedSpellingElsewhereIsABreak() {
        XCTAssertEqual(WrappedText.join("del Ring-", "ding", spellings: spellings("il Ringding di maggio")), "del Ringding")
        XCTAssertEqual(WrappedText.join("del Ring-", "ding", spellings: spellings("Ringding Ringding Ring-ding")), "del Ringding")
        XCTAssertEqual(WrappedText.join("del Ring-", "ding", spellings: spellings("Ringding Ring-ding")), "del Ring-ding")
    }

    /// Words are compared in lower case, without the punctuation around them, and as whole compounds.
    func testSpellingsAreWholeWordsInLowerCase() {
        let page = spellings("(RING-DING),", "dell'avanzamento fisico-finanziario")
        XCTAssertEqual(page.count(of: "ring-ding"), 1)
        XCTAssertEqual(page.count(of: "Avanzamento"), 1)
        XCTAssertEqual(WrappedText.join("del Ring-", "ding.", spellings: page), "del Ring-ding.")
        XCTAssertEqual(WrappedText.join("l'avanzamento fisico-finan-", "ziario", spellings: page), "l'avanzamento fisico-finanziario")
        XCTAssertEqual(WrappedText.join("dell'avanzamento fisico-", "finanziario", spellings: page), "dell'avanzamento fisico-finanziario")
        XCTAssertEqual(WrappedText.join("il Ding-", "ring", spellings: page), "il Dingring", "another compound of the same parts")
    }

    /// What does not hang on the page stays as it was: upper-case and figure continuations, a soft hyphen (a guard:
    /// it passes with or without the rule).
    func testOtherLineEndsJoinAsBefore() {
        let page = spellings("Ring-Ding 2022-2025 ring-ding")
        XCTAssertEqual(WrappedText.join("del Ring-", "Ding", spellings: page), "del Ring- Ding")
        XCTAssertEqual(WrappedText.join("periodo 2022-", "2025", spellings: page), "periodo 2022-2025")
        XCTAssertEqual(WrappedText.join("del ring\u{00AD}", "ding", spellings: page), "del ringding")
        XCTAssertEqual(WrappedText.join("Area -", "ding", spellings: page), "Area - ding")
    }

    /// The page's words read byte by byte (ASCII) are those read character by character.
    func testPageWordsOfASCIIAreThoseOfCharacters() {
        var samples = ["", "-", "--a--", "(Ring-ding),", "dell'amministrazione", "ammini-", "2022-2025", "a\r\nb", "ABC-def 12x", "x-1-",
                       "città è già", "naïve-café", "Ελληνικά", "1\u{00A0}2", "ﬁne", "e\u{301}-x"]
        let alphabet = ["a", "B", "-", "1", " ", "'", "\r", "\n", "é"]
        var layer = [""]
        for _ in 1...4 {
            layer = layer.flatMap { text in alphabet.map { text + $0 } }
            samples += layer
        }
        for text in samples {
            XCTAssertEqual(PageSpellings.words(of: text), PageSpellings.wordsByCharacters(of: text), text.debugDescription)
        }
    }
}
