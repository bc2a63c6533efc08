import Core
import Foundation
import XCTest
@testable import PDF

/// Tables of the sample plans against CSVs written by hand from the seed texts (Tests/Fixtures/expected,
/// named SAMPLE__pPAGE__tK: the K-th table visible on PAGE, a table continued from the page before first).
final class SampleTableTests: XCTestCase {
    private func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let parts = name.components(separatedBy: "__")
        let page = try XCTUnwrap(Int(parts[1].dropFirst())), index = try XCTUnwrap(Int(parts[2].dropFirst()))
        let expected = try CSV.parse(String(contentsOfFile: Paths.fixture("expected/\(name).csv"), encoding: .utf8))
        let tables = try PDFFile(path: Paths.sample(parts[0] + ".pdf")).tables()
        let visible = tables.filter { $0.page <= page && page <= $0.pageEnd }
            .sorted { ($0.page == page ? 1 : 0, $0.bbox.y0) < ($1.page == page ? 1 : 0, $1.bbox.y0) }
        guard visible.count >= index else { return XCTFail("only \(visible.count) tables on page \(page)", file: file, line: line) }
        let rows = visible[index - 1].rows
        XCTAssertEqual(rows.count, expected.count, "row count", file: file, line: line)
        for (number, (got, want)) in zip(rows, expected).enumerated() where got != want {
            XCTFail("row \(number): \(got) != \(want)", file: file, line: line)
        }
    }

    func testRiskMapBrokenAcrossPagesWithRepeatedHeader() throws { try check("pisogne_rischi-corruttivi_2025__p1__t1") }

    /// The risk map's rows (header and rows 1-4 on page 1, rows 5-11 on page 2 under a repeated header that is
    /// dropped; Tests/Fixtures/expected/README.md) each keep their page and their own box.
    func testRowsOfTheRiskMapKeepTheirPagesAndBoxes() throws {
        let table = try XCTUnwrap(try PDFFile(path: Paths.sample("pisogne_rischi-corruttivi_2025.pdf")).tables().first)
        XCTAssertEqual(table.rowPlaces.count, table.rows.count)
        XCTAssertEqual(table.rowPlaces.map(\.page), Array(repeating: 1, count: 5) + Array(repeating: 2, count: 7))
        let boxes = table.rowPlaces.compactMap(\.bbox)
        XCTAssertEqual(Set(boxes).count, boxes.count, "every row has a box of its own")
        for (place, box) in zip(table.rowPlaces, boxes) where place.page == table.page {
            XCTAssertTrue(table.bbox.expanded(by: 0.01).contains(x: box.x0, y: box.y0) && table.bbox.expanded(by: 0.01).contains(x: box.x1, y: box.y1),
                          "\(box) lies in the table's box \(table.bbox)")
        }
    }
    func testRotatedPageWithTwoLevelHeader() throws { try check("pisogne_rischi-corruttivi_2025__p3__t1") }
    func testCronoprogrammaMonthGrid() throws { try check("casorate-primo_piao_2024-2026__p19__t1") }
    func testDotazioneOrganicaTwoLevelHeader() throws { try check("casorate-primo_piao_2024-2026__p50__t3") }
    func testUnruledBudgetListing() throws { try check("lumezzane_referto-obiettivi_2023-06-30__p5__t2") }
    func testStaffTable() throws { try check("cazzago-san-martino_peg-performance_2021-2023__p43__t1") }
}

/// RFC 4180 reading, enough for the expected files.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, iterator = Array(text).makeIterator(), pending: Character?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n": row.append(field); rows.append(row); row = []; field = ""
            case "\r": continue
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
