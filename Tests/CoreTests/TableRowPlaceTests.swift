import Core
import XCTest

/// A table's rows keep their places (page, box, element) through the joining of continued tables.
final class TableRowPlaceTests: XCTestCase {
    private func band(_ top: Double, page: Int = 1) -> RowPlace {
        RowPlace(page: page, bbox: Rect(x0: 50, y0: top, x1: 500, y1: top + 20))
    }

    func testAContinuationAppendsItsRowsWithTheirPlacesLessTheRepeatedHeader() {
        var head = Table(page: 1, bbox: Rect(x0: 50, y0: 600, x1: 500, y1: 660), rows: [["Area"], ["a"], ["b"]], method: "lattice",
                         rowPlaces: [band(600), band(620), band(640)])
        let tail = Table(page: 2, bbox: Rect(x0: 50, y0: 80, x1: 500, y1: 140), rows: [["Area"], ["c"], ["d"]], method: "lattice",
                         rowPlaces: [band(80, page: 2), band(100, page: 2), band(120, page: 2)])
        head.append(continuation: tail, skipping: 1)
        XCTAssertEqual(head.rows, [["Area"], ["a"], ["b"], ["c"], ["d"]])
        XCTAssertEqual(head.rowPlaces, [band(600), band(620), band(640), band(100, page: 2), band(120, page: 2)])
        XCTAssertEqual(head.pageEnd, 2)
        XCTAssertEqual(head.place(ofRow: 3), band(100, page: 2))
    }

    func testAPartWithoutPlacesLeavesTheWholeTableWithout() {
        var head = Table(page: 1, bbox: Rect(x0: 0, y0: 0, x1: 1, y1: 1), rows: [["a"]], method: "lattice", rowPlaces: [band(0)])
        head.append(continuation: Table(page: 2, bbox: Rect(x0: 0, y0: 0, x1: 1, y1: 1), rows: [["b"]], method: "manual"), skipping: 0)
        XCTAssertFalse(head.hasRowPlaces)
        XCTAssertNil(head.place(ofRow: 0), "a place that may belong to another row is no place")
    }

    func testTheBoxOfSeveralRowsStaysOnThePageOfTheFirst() {
        let table = Table(page: 1, pageEnd: 2, bbox: Rect(x0: 50, y0: 600, x1: 500, y1: 660), rows: [["a"], ["b"], ["c"]],
                          method: "lattice", rowPlaces: [band(600), band(620), band(80, page: 2)])
        XCTAssertEqual(table.box(ofRows: [0, 1, 2]), Rect(x0: 50, y0: 600, x1: 500, y1: 640))
        XCTAssertEqual(table.box(ofRows: [2]), band(80, page: 2).bbox)
    }
}
