import Core
import Foundation
import XCTest
@testable import PDF

/// Hebrew and Arabic as LibreOffice sets them (Tests/Fixtures/rtl-tables.html): a ruled right-to-left table, a
/// Hebrew and an Arabic paragraph with numbers and a Latin word, Latin lines above and below. What a reader of
/// `pdftotext` sees: every word, each in logical order, the words of a right-to-left line right to left.
final class RightToLeftTests: XCTestCase {
    private static let path = Paths.fixture("rtl-tables.pdf")

    /// poppler's selection over a page it reads right to left leaves out the lines of left-to-right text.
    func testEveryWordOfAPageReadRightToLeftIsThere() throws {
        let words = try PDFFile(path: Self.path).page(1).words.map(\.text)
        XCTAssertEqual(words.count, 54, "as many words as pdftotext reads")
        XCTAssertTrue(words.contains("Allegato") && words.contains("Latin"), "\(words)")
    }

    /// The glyphs' characters are the words' own, one for every box: no bidi embedding mark stands among them.
    func testGlyphsCarryNoBidiMarks() throws {
        let document = try PopplerDocument(path: Self.path, password: nil)
        let glyphs = try XCTUnwrap(document.page(1)).glyphs()
        XCTAssertFalse(glyphs.contains { (0x202A...0x202E).contains($0.scalar.value) })
        let words = try PDFFile(path: Self.path).page(1).words.map(\.text)
        XCTAssertTrue(words.contains("אביב") && words.contains("القاهرة"), "\(words)")
    }

    func testRightToLeftTableReadsInLogicalOrder() throws {
        let expected = try CSV.parse(String(contentsOfFile: Paths.fixture("expected/rtl-tables.csv"), encoding: .utf8))
        let tables = try PDFFile(path: Self.path).tables()
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.rows, expected)
    }

    func testRightToLeftParagraphsReadInLogicalOrder() throws {
        let blocks = try PDFFile(path: Self.path).content().blocks.map(\.text)
        XCTAssertEqual(blocks, [
            "Allegato 7",
            "הדוח השנתי לשנת 2024 כולל 12 פרקים ונכתב בעברית עם מילה PDF אחת. "
                + "يتضمن التقرير السنوي لعام 2024 عدد 15 فصل عن مدينة Roma والمنطقة. "
                + "A Latin line closes the page, with 3 numbers 4 5.",
        ])
    }

    /// Glyphs painted left to right ("ביבא לת" as it looks) make the words as they are read, the line right to left.
    func testWordBuilderPutsRightToLeftLettersInLogicalOrder() {
        let painted = Array("תל אביב".unicodeScalars.reversed())  // "ביבא לת", left to right as painted
        let glyphs = painted.enumerated().map { i, scalar in
            Glyph(scalar: scalar, box: Rect(x0: Double(i) * 5, y0: 0, x1: Double(i + 1) * 5, y1: 10), font: FontInfo(name: "DejaVuSans", size: 10))
        }
        let (words, lines) = WordBuilder().build(glyphs)
        XCTAssertEqual(words.map(\.text), ["אביב", "תל"])
        XCTAssertEqual(lines.map(\.text), ["תל אביב"])
    }
}
