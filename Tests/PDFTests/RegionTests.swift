import Core
import XCTest
@testable import PDF

final class RegionTests: XCTestCase {
    func testRulingsThatMeetFormOneFrame() {
        let frame = [Make.horizontal(100, 50, 300), Make.horizontal(200, 50, 300), Make.vertical(50, 100, 200), Make.vertical(300, 100, 200)]
        let stray = [Make.horizontal(500, 50, 300)]
        let components = RulingGraph.components(frame + stray, tolerance: 3)
        XCTAssertEqual(components.count, 2)
        XCTAssertEqual(Set(components.map(\.count)), [4, 1])
    }

    func testLinkUnderlinesAreDropped() {
        let link = Make.word("Article", 100, 100, width: 30) // box bottom at 110; an underline sits just above it
        let underline = Make.horizontal(109.5, 100, 130)
        let tableRule = Make.horizontal(113, 90, 400)
        let kept = RulingGraph.removingUnderlines([underline, tableRule], words: [link], pageWidth: 595)
        XCTAssertEqual(kept, [tableRule])
    }

    func testHorizontalRulesOfOneWidthStack() {
        let stacks = RulingGraph.horizontalStacks([Make.horizontal(100, 50, 400), Make.horizontal(120, 52, 398),
                                                   Make.horizontal(300, 50, 400), Make.horizontal(320, 300, 500)], maxGap: 400)
        XCTAssertEqual(stacks.first?.count, 3)
    }

    func testRunningTextInColumnsIsNoTable() {
        // Two columns of prose: every line has two chunks, but the cells hold whole sentences.
        var words: [Word] = []
        for r in 0..<6 {
            let y = 100 + Double(r) * 12
            for (i, w) in "la programmazione degli obiettivi e degli indicatori".split(separator: " ").enumerated() {
                words.append(Make.word(String(w), 50 + Double(i) * 40, y, width: 35))
                words.append(Make.word(String(w), 330 + Double(i) * 40, y, width: 35))
            }
        }
        XCTAssertTrue(TableExtractor().tables(on: Make.page(words: words)).isEmpty)
    }

    func testAlignedFiguresAreAStreamTable() {
        var words: [Word] = []
        for r in 0..<5 {
            let y = 100 + Double(r) * 12
            words += [Make.word("Capitolo \(r)", 50, y, width: 60), Make.word("\(r + 1).000,00", 250, y, width: 40),
                      Make.word("\(r + 2)00,00", 350, y, width: 35)]
        }
        let tables = TableExtractor().tables(on: Make.page(words: words))
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.method, "stream")
        XCTAssertEqual(tables.first?.rows.first, ["Capitolo 0", "1.000,00", "200,00"])
    }
}
