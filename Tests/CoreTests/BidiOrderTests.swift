import Core
import XCTest

/// Painted (visual) order → logical order, on plain strings: the letters of one word, the words of one line.
final class BidiOrderTests: XCTestCase {
    private func logical(_ painted: String) -> String {
        String(String.UnicodeScalarView(BidiOrder.logical(Array(painted.unicodeScalars))))
    }

    func testRightToLeftLettersAreReversed() {
        XCTAssertEqual(logical("ביבא"), "אביב")
        XCTAssertEqual(logical("ةرهاقلا"), "القاهرة")
    }

    /// Digits and Latin inside a right-to-left word keep their order; a trailing stop follows the word.
    func testNumbersInsideARightToLeftWordKeepTheirOrder() {
        XCTAssertEqual(logical("2024-ב"), "ב-2024")
        XCTAssertEqual(logical("1,250ב"), "ב1,250")
        XCTAssertEqual(logical(".תחא"), "אחת.")
    }

    func testTextWithoutRightToLeftLettersIsUnchanged() {
        for text in ["Totale", "1.234,56", "€ 15%", "Ελληνικά", "naïve", "(a) b/c", ""] {
            XCTAssertEqual(logical(text), text)
        }
        XCTAssertEqual(BidiOrder.readingOrder(["A", "Latin", "line,", "3", "4"]), ["A", "Latin", "line,", "3", "4"])
    }

    /// A line mostly in a right-to-left script reads right to left; numbers and Latin words in it stand as they are,
    /// a run of Latin words left to right.
    func testWordsOfARightToLeftLineReadRightToLeft() {
        XCTAssertEqual(BidiOrder.readingOrder(["אביב", "תל"]), ["תל", "אביב"])
        XCTAssertEqual(BidiOrder.readingOrder(["אחת.", "PDF", "מילה", "2024", "לשנת"]), ["לשנת", "2024", "מילה", "PDF", "אחת."])
        XCTAssertEqual(BidiOrder.readingOrder(["والمنطقة.", "Roma", "Nord", "مدينة"]), ["مدينة", "Roma", "Nord", "والمنطقة."])
        XCTAssertEqual(BidiOrder.joinLine(["القاهرة", "2024"]), "2024 القاهرة")
    }

    /// A right-to-left run inside a line mostly left to right reads right to left in its place.
    func testARightToLeftRunInsideALeftToRightLine() {
        XCTAssertEqual(BidiOrder.readingOrder(["The", "city", "אביב", "תל", "is", "large"]), ["The", "city", "תל", "אביב", "is", "large"])
    }
}
