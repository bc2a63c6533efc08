import Core
import XCTest
@testable import PDF

/// Letter-spaced runs joined into words; everything else on the line left alone.
final class LetterSpacingTests: XCTestCase {
    /// Letters `width` wide, `letterGap` apart, words `wordGap` apart, from x = 10.
    private func spaced(_ words: [String], letterGap: Double, wordGap: Double, width: Double = 6) -> [Word] {
        var x = 10.0
        var out: [Word] = []
        for (w, word) in words.enumerated() {
            if w > 0 { x += wordGap - letterGap }
            for letter in word {
                out.append(Make.word(String(letter), x, 0, width: width))
                x += width + letterGap
            }
        }
        return out
    }

    func testTrackedHeadingBecomesItsWords() {
        let words = LetterSpacing().join(spaced(["PARTE", "ENTRATE"], letterGap: 3, wordGap: 9))
        XCTAssertEqual(words.map(\.text), ["PARTE", "ENTRATE"])
    }

    func testOneTrackedWordWithUniformGaps() {
        XCTAssertEqual(LetterSpacing().join(spaced(["Sommario"], letterGap: 2.5, wordGap: 2.5)).map(\.text), ["Sommario"])
    }

    func testAKernedPairInsideTheRunJoinsToo() {
        var words = spaced(["AMMINISTR"], letterGap: 3, wordGap: 3)
        let last = words.last!.box.x1
        words.append(Make.word("AT", last + 3, 0, width: 11))
        words.append(Make.word("I", last + 17, 0, width: 6))
        XCTAssertEqual(LetterSpacing().join(words).map(\.text), ["AMMINISTRATI"])
    }

    /// Single letters and digits of a table row sit a column apart; short words of prose are not a run.
    func testColumnsOfLettersAndShortWordsStayApart() {
        XCTAssertEqual(LetterSpacing().join(spaced(["A", "B", "C", "D", "E"], letterGap: 30, wordGap: 30)).map(\.text), ["A", "B", "C", "D", "E"])
        let prose = ["e", "di", "a", "il", "la"].enumerated().map { Make.word($1, 10 + Double($0) * 20, 0, width: 12) }
        XCTAssertEqual(LetterSpacing().join(prose).map(\.text), ["e", "di", "a", "il", "la"])
        let digits = ["1", "1", "1", "1", "1"].enumerated().map { Make.word($1, 10 + Double($0) * 8, 0, width: 5) }
        XCTAssertEqual(LetterSpacing().join(digits).map(\.text), ["1", "1", "1", "1", "1"])
    }

    private func shifted(_ box: Rect, dx: Double, dy: Double) -> Rect {
        Rect(x0: box.x0 + dx, y0: box.y0 + dy, x1: box.x1 + dx, y1: box.y1 + dy)
    }

    /// The reading order may cut a heading into pieces; a short piece in its font on its line goes on with it,
    /// elsewhere a short run of letters is prose.
    func testAShortPieceOfAHeadingAlreadyReadOnItsLineIsJoined() {
        let first = LetterSpacing().join(spaced(["GESTIONE"], letterGap: 3, wordGap: 9), after: nil)
        XCTAssertEqual(first.words.map(\.text), ["GESTIONE"])
        var piece = spaced(["DEL"], letterGap: 3, wordGap: 9)
        for index in piece.indices { piece[index].box = shifted(piece[index].box, dx: 120, dy: 0) }
        XCTAssertEqual(LetterSpacing().join(piece, after: first.spaced).words.map(\.text), ["DEL"])
        XCTAssertEqual(LetterSpacing().join(piece, after: nil).words.map(\.text), ["D", "E", "L"])
        var below = piece
        for index in below.indices { below[index].box = shifted(below[index].box, dx: 0, dy: 40) }
        XCTAssertEqual(LetterSpacing().join(below, after: first.spaced).words.map(\.text), ["D", "E", "L"], "another line")
    }
}
