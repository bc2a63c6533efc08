import Core
import XCTest
@testable import Normalize

/// Dates, deadlines and ranges, with literals from SCHEMA.md and the seeds.
final class ValueParserDateTests: XCTestCase {
    let parser = ValueParser()
    let parser2025 = ValueParser(options: .init(referenceYear: 2025))

    func assertValue(_ raw: String, _ kind: Value.Kind, date: String?, end: String? = nil,
                     using parser: ValueParser? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let parsed = (parser ?? self.parser).parse(raw, field: "timeframe")
        XCTAssertEqual(parsed.value.kind, kind, "kind of \(raw)", file: file, line: line)
        XCTAssertEqual(parsed.value.date, date, "date of \(raw)", file: file, line: line)
        XCTAssertEqual(parsed.value.dateEnd, end, "date_end of \(raw)", file: file, line: line)
        XCTAssertEqual(parsed.value.raw, raw, file: file, line: line)
        XCTAssertNil(parsed.value.number, "number of \(raw)", file: file, line: line)
        XCTAssertEqual(parsed.warnings, [], "warnings of \(raw)", file: file, line: line)
    }

    func testFullDates() {
        assertValue("31/12/2024", .date, date: "2024-12-31")
        assertValue("1/1/2023", .date, date: "2023-01-01")
        assertValue("31.12.2023", .date, date: "2023-12-31")
        assertValue("31-12-2017", .date, date: "2017-12-31")
        assertValue("1° luglio 2023", .date, date: "2023-07-01")
        assertValue("30 giugno 2023", .date, date: "2023-06-30")
        assertValue("1 gennaio 2017", .date, date: "2017-01-01")
        assertValue("29/02/2024", .date, date: "2024-02-29")
        assertValue("31/12/24", .date, date: "2024-12-31")
        assertValue("al 31/12/2020", .date, date: "2020-12-31")
        assertValue("Dall'1/01/2024", .date, date: "2024-01-01")
    }

    func testImpossibleDatesAreNotDates() {
        for raw in ["31/04/2024", "29/02/2023", "32/1/2024", "0/1/2024"] {
            XCTAssertNotEqual(parser.parse(raw).value.kind, .date, raw)
            XCTAssertNil(parser.parse(raw).value.date, raw)
        }
    }

    func testImpossibleDaysInDatePhrasesWarn() {
        for (raw, chunk) in [("entro il 31.06.2023", "31.06.2023"), ("Entro il 31/06/2024", "31/06/2024"), ("31.09.2023", "31.09.2023")] {
            let parsed = parser.parse(raw, field: "timeframe")
            XCTAssertEqual(parsed.value.kind, .text, raw)
            XCTAssertNil(parsed.value.date, raw)
            XCTAssertEqual(parsed.warnings, [FieldWarning(field: "timeframe", message: "impossible date \(chunk)")], raw)
        }
        XCTAssertEqual(parser.parse("Rif. punto 4.13.20 del regolamento").warnings, [])
    }

    func testBareYearWordIsNotADeadline() {
        for raw in ["Anno", "<i>Anno</i>", "ANNO"] {
            XCTAssertEqual(parser2025.parse(raw).value.kind, .text, raw)
        }
        XCTAssertEqual(parser2025.parse("Entro l'anno").value.date, "2025-12-31")
    }

    func testExplicitDateRanges() {
        assertValue("01/01/2021 – 31/12/2021", .date, date: "2021-01-01", end: "2021-12-31")
        assertValue("dal 1/1/2024 al 31/12/2024", .date, date: "2024-01-01", end: "2024-12-31")
    }

    func testDeadlinePhrases() {
        assertValue("Entro dicembre 2025", .deadline, date: "2025-12-31")
        assertValue("Entro il 31/10/2025", .deadline, date: "2025-10-31")
        assertValue("Entro il 31/12/2025", .deadline, date: "2025-12-31")
        assertValue("Entro 31/12/2025", .deadline, date: "2025-12-31")
        assertValue("entro 31/12/2022", .deadline, date: "2022-12-31")
        assertValue("Entro il 2023", .deadline, date: "2023-12-31")
        assertValue("Entro il 2025", .deadline, date: "2025-12-31")
        assertValue("primo semestre 2024", .deadline, date: "2024-06-30")
        assertValue("secondo semestre 2023", .deadline, date: "2023-12-31")
        assertValue("1° trimestre 2025", .deadline, date: "2025-03-31")
        assertValue("Settembre 2025.", .deadline, date: "2025-09-30")
        assertValue("anno 2025", .deadline, date: "2025-12-31")
        assertValue("Tutto l'anno 2025", .deadline, date: "2025-12-31")
        assertValue("Tutto l’anno 2025", .deadline, date: "2025-12-31")
        assertValue("Tutto il 2025", .deadline, date: "2025-12-31")
        assertValue("Sino a novembre 2024", .deadline, date: "2024-11-30")
        assertValue("Entro febbraio 2024", .deadline, date: "2024-02-29")
        assertValue("<b>Entro il 31/10/2025</b>", .deadline, date: "2025-10-31")
    }

    func testMonthRangesAreDeadlinesWithBothEnds() {
        assertValue("giugno-settembre 2025", .deadline, date: "2025-06-01", end: "2025-09-30")
        assertValue("Giugno - settembre 2022", .deadline, date: "2022-06-01", end: "2022-09-30")
        assertValue("da giugno a settembre 2025", .deadline, date: "2025-06-01", end: "2025-09-30")
        assertValue("novembre 2024 - febbraio 2025", .deadline, date: "2024-11-01", end: "2025-02-28")
    }

    func testYearRangesAsValues() {
        assertValue("2023-2024", .deadline, date: "2023-01-01", end: "2024-12-31")
        assertValue("2022-2025", .deadline, date: "2022-01-01", end: "2025-12-31")
    }

    func testPhrasesWithoutYearUseTheReferenceYear() {
        assertValue("31 dicembre", .deadline, date: "2025-12-31", using: parser2025)
        assertValue("entro 31/12", .deadline, date: "2025-12-31", using: parser2025)
        assertValue("Entro fine anno", .deadline, date: "2025-12-31", using: parser2025)
        assertValue("Entro l'anno", .deadline, date: "2025-12-31", using: parser2025)
        assertValue("Entro giugno", .deadline, date: "2025-06-30", using: parser2025)
        assertValue("Entro fine aprile", .deadline, date: "2025-04-30", using: parser2025)
        assertValue("Giugno - settembre", .deadline, date: "2025-06-01", end: "2025-09-30", using: parser2025)
        assertValue("Gennaio- marzo", .deadline, date: "2025-01-01", end: "2025-03-31", using: parser2025)
    }

    func testPhrasesWithoutYearAndNoReferenceYearWarn() {
        for raw in ["31 dicembre", "Entro fine anno", "entro 31/12", "Giugno - settembre"] {
            let parsed = parser.parse(raw, field: "timeframe")
            XCTAssertEqual(parsed.value.kind, .text, raw)
            XCTAssertNil(parsed.value.date, raw)
            XCTAssertEqual(parsed.warnings, [FieldWarning(field: "timeframe", message: "a date without its year and no reference year")], raw)
        }
    }

    func testRunningTextIsNotADate() {
        for raw in ["Entro dicembre di ogni anno", "Entro 30 giorni dalla notifica", "E' attività da svolgere in continuo",
                    "Costante entro il 31/12", "In continuo", "Collegati allo svolgimento delle consultazioni referendarie"] {
            let value = parser2025.parse(raw).value
            XCTAssertEqual(value.kind, .text, raw)
            XCTAssertNil(value.date, raw)
        }
    }

    func testTriennioIsAYearRange() {
        assertValue("Triennio 2024-2026", .deadline, date: "2024-01-01", end: "2026-12-31")
        let timeframe = parser.parseTimeframe("Triennio 2024-2026")
        XCTAssertEqual(timeframe.value.date, "2024-01-01")
        XCTAssertEqual(timeframe.value.dateEnd, "2026-12-31")
        XCTAssertEqual(timeframe.value.latestDate, "2026-12-31")
    }

    func testBareYearIsANumberButATimeframeDeadline() {
        XCTAssertEqual(parser.parse("2023").value.kind, .number)
        XCTAssertEqual(parser.parse("2023").value.number, 2023)
        let timeframe = parser.parseTimeframe("2023")
        XCTAssertEqual(timeframe.value.kind, .deadline)
        XCTAssertEqual(timeframe.value.date, "2023-12-31")
    }

    func testDotDayMonthNeedsADeadlineWord() {
        XCTAssertEqual(parser.parse("10.05").value.kind, .number)
        XCTAssertEqual(parser.parse("10.05").value.number, "10.05")
        XCTAssertEqual(parser2025.parse("entro il 10.05").value.date, "2025-05-10")
    }

    func testLatestDateOfARange() {
        XCTAssertEqual(parser.parse("giugno-settembre 2025").value.latestDate, "2025-09-30")
        XCTAssertEqual(parser.parse("Entro il 2023").value.latestDate, "2023-12-31")
    }

    // MARK: timeframes in running text

    func testTimeframeTakesTheWholePhraseFirst() {
        let parsed = parser.parseTimeframe("Entro il 31/10/2025")
        XCTAssertEqual(parsed.value.kind, .deadline)
        XCTAssertEqual(parsed.value.date, "2025-10-31")
        XCTAssertEqual(parsed.warnings, [])
    }

    func testTimeframeFindsOneDeadlineInRunningText() {
        let raw = "I tempi di raggiungimento dell'obiettivo sono correlati alla tempistica di attivazione dei vari servizi, quantificabile in circa 50 servizi entro il 30/06/2026."
        let parsed = parser.parseTimeframe(raw)
        XCTAssertEqual(parsed.value.kind, .deadline)
        XCTAssertEqual(parsed.value.date, "2026-06-30")
        XCTAssertEqual(parsed.value.raw, raw)
        XCTAssertEqual(parsed.warnings, [])
    }

    func testTimeframeNamingADateWithoutEntroStatesIt() {
        let parsed = parser.parseTimeframe("Scadenza al momento stabilita al 31.03.2025")
        XCTAssertEqual(parsed.value.kind, .deadline)
        XCTAssertEqual(parsed.value.date, "2025-03-31")
        XCTAssertEqual(parser.parseTimeframe("Tutto l'anno, come da delibera n. 12").value.date, nil)
    }

    func testTimeframeWithSeveralDeadlinesTakesTheLatestAndWarns() {
        let parsed = parser.parseTimeframe("Entro 30.06.2025 per tributi e sanzioni CDS; entro il 31.12.2025 per gli altri atti")
        XCTAssertEqual(parsed.value.date, "2025-12-31")
        XCTAssertEqual(parsed.warnings, [FieldWarning(field: "timeframe", message: "several deadlines (2025-06-30, 2025-12-31); the latest taken")])

        let pgt = parser.parseTimeframe("""
        Entro aprile 2025 avvio della procedura
        Entro dicembre 2025 chiusura valutazione ambientale strategica
        Entro aprile 2026 adozione P.G.T.
        Entro dicembre 2026 approvazione definitiva P.G.T.
        """)
        XCTAssertEqual(pgt.value.date, "2026-12-31")
        XCTAssertEqual(pgt.warnings.count, 1)
    }

    func testTimeframeWithoutDeadlineWarns() {
        for raw in ["Tutto l'anno", "E' attività da svolgere in continuo e con tempestività", "I tempi di realizzazione indicati nei bandi PNRR relativi"] {
            let parsed = parser.parseTimeframe(raw, field: "timeframe")
            XCTAssertNil(parsed.value.date, raw)
            XCTAssertEqual(parsed.warnings.count, 1, raw)
            XCTAssertEqual(parsed.warnings.first?.field, "timeframe", raw)
        }
        XCTAssertEqual(parser.parseTimeframe("In continuo").warnings, [FieldWarning(field: "timeframe", message: "no deadline stated")])
    }
}
