import Core
import XCTest
@testable import PDF

/// Tables of the public ICDAR 2013 set, cells checked by hand against the rendered pages.
final class ICDARTests: XCTestCase {
    private func tables(_ name: String, pages: [Int]) throws -> [Table] {
        let path = Paths.icdarDocument(name)
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("ICDAR set not found at \(path)") }
        return try PDFFile(path: path).tables(pages: pages)
    }

    /// eu-021 p. 7: a fully ruled table whose label cells span two rows and whose header spans two columns.
    func testRuledTableWithRowSpans() throws {
        let table = try XCTUnwrap(try tables("eu-021.pdf", pages: [7]).first)
        XCTAssertEqual(table.method, "lattice")
        XCTAssertEqual(Array(table.rows.prefix(5)), [
            ["Difficulty", "", "Quite a lot", "Not much", "Not at all"],
            ["Alcohol use", "Count", "20", "56", "391"],
            ["", "Percentage", "4.3%", "12.0%", "83.7%"],
            ["Allergies", "Count", "40", "28", "398"],
            ["", "Percentage", "8.6%", "6.0%", "85.4%"],
        ])
    }

    /// eu-001 p. 1: shaded cells, a header spanning three columns, a label wrapping onto a second line.
    func testShadedTableWithWrappedLabel() throws {
        let page = try tables("eu-001.pdf", pages: [1])
        XCTAssertEqual(page.count, 3)
        let gases = page[1]
        XCTAssertEqual(gases.rows[0], ["", "THRESHOLD FOR RELEASES", "", ""])
        XCTAssertEqual(gases.rows[1], ["", "to air kg/year", "to water kg/year", "to land kg/year"])
        XCTAssertTrue(gases.rows.contains(["Chlorine and inorganic compounds (as HCl)", "10 000", "-", "-"]))
        XCTAssertEqual(gases.rows.count, 13) // two header rows and eleven gases
    }

    /// eu-018 p. 1: shaded header boxes over a body ruled by rows only; columns come from the text.
    func testColumnsFromTextUnderAShadedHeader() throws {
        let table = try XCTUnwrap(try tables("eu-018.pdf", pages: [1]).first)
        XCTAssertEqual(table.rows[1], ["", "", "", "N", "% Pos", "N", "% Pos", "N", "% Pos", "N", "% Pos", "N", "% Pos"])
        XCTAssertEqual(table.rows[2], ["Austria", "Single", "25g", "109", "0.9", "93", "1.1", "89", "1.1", "-", "-", "-", "-"])
    }

    /// eu-016: the charts on pages 1-2 hold aligned labels but are no tables.
    func testChartsAreNotTables() throws {
        XCTAssertTrue(try tables("eu-016.pdf", pages: [1, 2]).isEmpty)
    }
}
