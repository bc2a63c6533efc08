import Core
import Foundation
import XCTest
@testable import PDF

final class TextTests: XCTestCase {
    private func glyphs(_ text: String, x: Double = 0, y: Double = 0, advance: Double = 5, size: Double = 10) -> [Glyph] {
        text.unicodeScalars.enumerated().map { i, scalar in
            Glyph(scalar: scalar, box: Rect(x0: x + Double(i) * advance, y0: y, x1: x + Double(i + 1) * advance, y1: y + size),
                  font: FontInfo(name: "ArialMT", size: size))
        }
    }

    func testLigaturesExpandAndAccentsCompose() {
        let (words, _) = WordBuilder().build(glyphs("e\u{FB03}cacia ca\u{300}"))
        XCTAssertEqual(words.map(\.text), ["efficacia", "cà"])
        XCTAssertEqual(words[1].text.unicodeScalars.count, 2) // NFC: one scalar for à
    }

    /// A word's text is its glyphs' scalars, ligatures expanded and soft hyphens dropped, composed (NFC) unless
    /// all ASCII: the UTF-8 the builder writes reads as the scalars would.
    func testWordTextIsItsScalarsComposed() {
        let samples = ["Totale", "e\u{FB03}cacia", "ca\u{300}", "Qualità", "perfor\u{00AD}mance", "\u{FB00}\u{FB05}x", "Ελληνικά",
                       "€1.234,56", "👩‍👩‍👧", "e\u{301}\u{302}", "\u{00AD}", "naïve"]
        for text in samples {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars where scalar != "\u{00AD}" {
                if let expansion = WordBuilder.ligatures[scalar] { scalars.append(contentsOf: expansion.unicodeScalars) } else { scalars.append(scalar) }
            }
            let expected = String(scalars).precomposedStringWithCanonicalMapping
            let words = WordBuilder().build(glyphs(text, advance: 1)).words
            XCTAssertEqual(words.map(\.text), expected.isEmpty ? [] : [expected], "word of \(text.debugDescription)")
        }
    }

    /// A space poppler put before a hyphen set a hair (0.1 em) from the word before it, and holding on to the
    /// word after, breaks no word; a dash with a space on each side keeps both.
    func testASpaceAtAHyphenSetCloseBreaksNoWord() {
        var close = glyphs("ECONOMICO")
        close.append(Glyph(scalar: " ", box: Rect(x0: 45, y0: 0, x1: 46, y1: 10), font: FontInfo(name: "ArialMT", size: 10)))
        close += glyphs("-FINANZIARIA", x: 46)
        XCTAssertEqual(WordBuilder().build(close).words.map(\.text), ["ECONOMICO-FINANZIARIA"])
        var spaced = glyphs("Entrate")
        spaced.append(Glyph(scalar: " ", box: Rect(x0: 35, y0: 0, x1: 36, y1: 10), font: FontInfo(name: "ArialMT", size: 10)))
        spaced += glyphs("- correnti", x: 36)
        XCTAssertEqual(WordBuilder().build(spaced).words.map(\.text), ["Entrate", "-", "correnti"])
    }

    func testSoftHyphensVanish() {
        XCTAssertEqual(WordBuilder().build(glyphs("perfor\u{00AD}mance")).words.map(\.text), ["performance"])
    }

    func testNewlinesEndLinesAndWideGapsSplitWords() {
        var input = glyphs("Peso")
        input += glyphs("20", x: 100) // no space, but 80 pt away
        input += glyphs("\n")
        input += glyphs("Totale", y: 20)
        let (words, lines) = WordBuilder().build(input)
        XCTAssertEqual(words.map(\.text), ["Peso", "20", "Totale"])
        XCTAssertEqual(lines.map(\.text), ["Peso 20", "Totale"])
    }

    func testRotatedTextIsOneVerticalWord() {
        let letters = Array("Totale".unicodeScalars).enumerated().map { i, scalar in
            Glyph(scalar: scalar, box: Rect(x0: 100, y0: 300 - Double(i + 1) * 6, x1: 110, y1: 300 - Double(i) * 6),
                  font: FontInfo(name: "ArialMT", size: 10))
        }
        let words = WordBuilder().build(letters).words
        XCTAssertEqual(words.map(\.text), ["Totale"])
        XCTAssertTrue(words[0].isVertical)
    }

    /// Upright figures of two cells one under the other in a narrow column, which poppler reads one after the
    /// other, are two words: a line gap stands between them, not the touch of letters set at 90°.
    func testUprightFiguresOfTwoLinesInOneColumnAreTwoWords() {
        let font = FontInfo(name: "ArialMT", size: 7)
        let one = Glyph(scalar: "1", box: Rect(x0: 37.5, y0: 270.3, x1: 40.7, y1: 277.4), font: font)
        let two = Glyph(scalar: "2", box: Rect(x0: 37.5, y0: 282.3, x1: 40.7, y1: 289.4), font: font)
        let words = WordBuilder().build([one, two]).words
        XCTAssertEqual(words.map(\.text), ["1", "2"])
        XCTAssertFalse(words.contains(where: \.isVertical))
    }
}
