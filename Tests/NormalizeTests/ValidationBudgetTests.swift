import Core
import XCTest
@testable import Normalize

/// `BudgetChecks` and `TotalScope` alone: the arithmetic of budget listings, checked and reported, never fixed.
final class ValidationBudgetTests: XCTestCase {
    private let checks = BudgetChecks(tolerance: "0.01")

    private func amounts(_ initial: ExactDecimal?, _ current: ExactDecimal?, _ committed: ExactDecimal?, _ available: ExactDecimal?, _ cashed: ExactDecimal?) -> BudgetAmounts {
        var result = BudgetAmounts()
        for (part, value) in zip(BudgetAmounts.parts, [initial, current, committed, available, cashed]) { result[part] = value }
        return result
    }

    func testAvailableIsCurrentForecastLessCommitted() {
        let cases: [(BudgetAmounts, String?)] = [
            (amounts(500, 500, "219.60", "280.40", "219.60"), nil),
            (amounts(0, 0, "5880.86", "-5880.86", "5504.01"), nil),
            (amounts(500, 500, "219.60", "280.41", "219.60"), nil),          // within a cent
            (amounts(500, 500, "219.60", "280.00", "219.60"), "amounts.available: check failed: 280,00 ≠ 500,00 − 219,60"),
            (amounts(0, "1234567.89", 1_000_000, 1, 0), "amounts.available: check failed: 1,00 ≠ 1.234.567,89 − 1.000.000,00"),
            (amounts(10, nil, 5, 5, nil), nil),                        // nothing to check without the forecast
        ]
        for (index, (line, expected)) in cases.enumerated() {
            XCTAssertEqual(checks.availableWarning(line)?.description, expected, "case \(index)")
        }
    }

    func testTotalEqualsTheSumOfItsRowsPerColumn() {
        let rows = [amounts(1, 2, 3, -1, 0), amounts(10, 20, 5, 15, 1)]
        XCTAssertEqual(checks.totalWarnings(amounts(11, 22, 8, 14, 1), parts: rows), [])
        let warnings = checks.totalWarnings(amounts(11, 22, 9, 14, 1), parts: rows).map(\.description)
        XCTAssertEqual(warnings, ["amounts.committed: check failed: 9,00 ≠ 8,00, the sum of the 2 rows it closes"])
        XCTAssertEqual(checks.totalWarnings(amounts(11, 22, 9, 14, 1), parts: []), [], "a total closing nothing is not checked")
        XCTAssertEqual(checks.totalWarnings(amounts(11, 22, 9, 14, 1), parts: [amounts(11, 22, nil, 14, 1)]), [],
                       "a column some row lacks is not checked")
    }

    /// Lines, programme totals and a part total: each total closes what is open below its rank.
    func testScopeOfTotals() {
        var scope = TotalScope()
        let line = { (value: ExactDecimal) in self.amounts(value, value, 0, value, 0) }
        scope.startSection(rank: 3)                   // PARTE SPESE
        scope.startSection(rank: 1)                   // MISSIONE 01 - PROGRAMMA 01
        scope.addLine(line(1))
        scope.addLine(line(2))
        XCTAssertEqual(scope.close(line(3), rank: 1), [line(1), line(2)])
        scope.startSection(rank: 1)                   // a programme with no total
        scope.addLine(line(4))
        scope.startSection(rank: 1)                   // the next programme
        scope.addLine(line(5))
        XCTAssertEqual(scope.close(line(5), rank: 1), [line(5)], "a total does not reach over a programme heading")
        scope.addLine(line(6))                        // lines with no heading after a total
        XCTAssertEqual(scope.close(line(6), rank: 1), [line(6)])
        XCTAssertEqual(scope.close(line(18), rank: 3), [line(3), line(4), line(5), line(6)],
                       "the part total adds the programme totals and the lines no total closed")
        scope.startSection(rank: 3)
        scope.addLine(line(7))
        XCTAssertEqual(scope.close(line(7), rank: 3), [line(7)], "nothing before the part heading")
    }
}
