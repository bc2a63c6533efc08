import Core
import XCTest
@testable import Normalize

/// The headings above each item: a heading closes the deeper sections and those of its level, unless one of
/// its level above it is set visibly larger.
final class SectionPathTests: XCTestCase {
    private func heading(_ text: String, level: Int, size: Double) -> DocumentItem {
        .block(Block(kind: .heading, page: 1, bbox: Rect(x0: 0, y0: 0, x1: 100, y1: size), text: text, level: level, fontSize: size, isBold: true))
    }

    private let paragraph = DocumentItem.block(Block(kind: .paragraph, page: 1, bbox: Rect(x0: 0, y0: 0, x1: 100, y1: 10), text: "…",
                                                      fontSize: 10, isBold: false))

    func testASmallerHeadingOfTheSameLevelOpensASectionInside() {
        let items = [heading("SETTORE TECNICO", level: 2, size: 14), heading("Responsabile Mario Rossi", level: 2, size: 12),
                     heading("RISORSE UMANE", level: 3, size: 11), paragraph,
                     heading("SETTORE CULTURA", level: 2, size: 14), paragraph]
        let paths = DocumentContext.sectionPaths(of: items)
        XCTAssertEqual(paths[3], ["SETTORE TECNICO", "Responsabile Mario Rossi", "RISORSE UMANE"])
        XCTAssertEqual(paths[5], ["SETTORE CULTURA"], "a heading as large closes its level's sections, and the smaller ones in them")
    }

    func testHeadingsOfOneLevelAndSizeFollowEachOther() {
        let items = [heading("Premessa", level: 2, size: 12), heading("Contesto", level: 2, size: 12.4), paragraph]
        XCTAssertEqual(DocumentContext.sectionPaths(of: items)[2], ["Contesto"])
    }
}
