import Core
import XCTest

final class GeometryTests: XCTestCase {
    func testRectNormalizesCornersAndUnions() {
        let a = Rect(x0: 10, y0: 20, x1: 0, y1: 5)
        XCTAssertEqual(a, Rect(x0: 0, y0: 5, x1: 10, y1: 20))
        let b = Rect(x0: 8, y0: 18, x1: 30, y1: 40)
        XCTAssertEqual(a.union(b), Rect(x0: 0, y0: 5, x1: 30, y1: 40))
        XCTAssertEqual(a.verticalOverlap(b), 2)
        XCTAssertEqual(a.horizontalOverlap(b), 2)
    }

    func testFontStyleFromName() {
        XCTAssertTrue(FontInfo(name: "Arial-BoldMT", size: 10).isBold)
        XCTAssertTrue(FontInfo(name: "Verdana,Bold", size: 10).isBold)
        XCTAssertTrue(FontInfo(name: "CMBX12", size: 10).isBold)
        XCTAssertTrue(FontInfo(name: "Times-BoldItalic", size: 10).isItalic)
        XCTAssertFalse(FontInfo(name: "Verdana", size: 10).isBold)
        XCTAssertFalse(FontInfo(name: "ArialMT", size: 10).isItalic)
    }
}
