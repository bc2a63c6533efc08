import XCTest
@testable import Normalize

final class YearRangeTests: XCTestCase {
    func testWholeTextYearExpressions() {
        let cases: [(String, YearRange?)] = [
            ("2023-2024", YearRange(start: 2023, end: 2024)),
            ("Triennio 2024-2026", YearRange(start: 2024, end: 2026)),
            ("TRIENNIO 2024-2026", YearRange(start: 2024, end: 2026)),
            ("2025 – 2027", YearRange(start: 2025, end: 2027)),
            ("2021/2022/2023", YearRange(start: 2021, end: 2023)),
            ("**2021/2022/2023**", YearRange(start: 2021, end: 2023)),
            ("2022-2025", YearRange(start: 2022, end: 2025)),
            ("2022", YearRange(start: 2022, end: 2022)),
            ("anno 2023", YearRange(start: 2023, end: 2023)),
            ("2024/26", YearRange(start: 2024, end: 2026)),
            ("anni 2024, 2025 e 2026", YearRange(start: 2024, end: 2026)),
            ("dal 2024 al 2026", YearRange(start: 2024, end: 2026)),
            ("### 2025 – 2027", YearRange(start: 2025, end: 2027)),
            ("2026-2024", nil),
            ("31/12/2024", nil),
            ("Piano 2022", nil),
            ("5333", nil),
            ("", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(YearRange.parse(text), expected, text)
        }
    }

    func testFindInsideATitle() {
        let cases: [(String, YearRange?)] = [
            ("Piano della Performance - Piano degli Obiettivi 2022", YearRange(start: 2022, end: 2022)),
            ("PIANO ESECUTIVO DI GESTIONE E DELLA PERFORMANCE 2021/2022/2023", YearRange(start: 2021, end: 2023)),
            ("Programmazione pluriennale Entrate 2022/2024 secondo gli schemi dal D.Lgs. 118/2011:", YearRange(start: 2022, end: 2024)),
            ("(art. 6, commi da 1 a 4, del decreto legge 9 giugno 2021, n. 80, convertito, con modificazioni, in legge 6 agosto 2021, n. 113)", nil),
            ("Approvato con delibera Giunta Comunale n. 32 del 11/03/2025", nil),
            ("alla data del 30 giugno 2023", nil),
            ("1° Referto del Controllo di Gestione anno 2023", YearRange(start: 2023, end: 2023)),
            ("D.Lgs. 118/2011", nil),
            ("deliberazione n. 2021", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(YearRange.find(in: text), expected, text)
        }
    }

    func testDescription() {
        XCTAssertEqual(YearRange(start: 2024, end: 2026).description, "2024-2026")
        XCTAssertEqual(YearRange(start: 2022, end: 2022).description, "2022")
    }
}
