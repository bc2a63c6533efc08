import Core
import XCTest
@testable import PDF

final class RulingBuilderTests: XCTestCase {
    private let builder = RulingBuilder()

    private func stroke(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, gray: Double = 0) -> PathItem {
        PathItem(kind: .strokeSegment, x0: x0, y0: y0, x1: x1, y1: y1, lineWidth: 0.5, gray: gray)
    }

    private func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, gray: Double = 0) -> PathItem {
        PathItem(kind: .filledBox, x0: x0, y0: y0, x1: x1, y1: y1, lineWidth: 0, gray: gray)
    }

    func testCollinearPiecesJoinIntoOneRuling() {
        // A border drawn cell by cell: three pieces, the middle one 0.6 pt lower.
        let rulings = builder.rulings(from: [stroke(10, 100, 60, 100), stroke(60, 100.6, 120, 100.6), stroke(121, 100, 200, 100)],
                                      pageWidth: 595, pageHeight: 842)
        XCTAssertEqual(rulings.count, 1)
        XCTAssertEqual(rulings[0].orientation, .horizontal)
        XCTAssertEqual(rulings[0].start, 10)
        XCTAssertEqual(rulings[0].end, 200)
        XCTAssertEqual(rulings[0].position, 100.2, accuracy: 0.01)
    }

    func testGapsWiderThanTheJoinToleranceStaySeparate() {
        let rulings = builder.rulings(from: [stroke(10, 100, 60, 100), stroke(70, 100, 120, 100)], pageWidth: 595, pageHeight: 842)
        XCTAssertEqual(rulings.map(\.start), [10, 70])
    }

    func testThinFilledBoxIsALineAtItsMiddle() {
        let rulings = builder.rulings(from: [box(50, 200, 300, 200.5), box(80, 150, 80.48, 400)], pageWidth: 595, pageHeight: 842)
        XCTAssertEqual(Set(rulings.map(\.orientation)), [.horizontal, .vertical])
        let vertical = rulings.first { $0.orientation == .vertical }!
        XCTAssertEqual(vertical.position, 80.24, accuracy: 0.001)
        XCTAssertEqual(vertical.length, 250)
    }

    func testShadedCellsShowOnlyTheEdgesAgainstPaper() {
        // Two stacked boxes of one shade make one cell: no line between them.
        let rulings = builder.rulings(from: [box(100, 100, 200, 120, gray: 0.8), box(100, 120, 200, 140, gray: 0.8)],
                                      pageWidth: 595, pageHeight: 842)
        let horizontals = rulings.filter { $0.orientation == .horizontal }.map(\.position).sorted()
        XCTAssertEqual(horizontals, [100, 140])
    }

    func testWhitePaintAndSlantedStrokesAreNoRulings() {
        let rulings = builder.rulings(from: [stroke(10, 100, 200, 100, gray: 1), stroke(10, 10, 200, 200)], pageWidth: 595, pageHeight: 842)
        XCTAssertTrue(rulings.isEmpty)
    }

    func testPageBackgroundIsNoBorder() {
        XCTAssertTrue(builder.rulings(from: [box(0, 0, 595, 842, gray: 0.9)], pageWidth: 595, pageHeight: 842).isEmpty)
    }
}
