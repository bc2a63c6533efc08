import XCTest
@testable import Normalize

final class DocumentClassifierTests: XCTestCase {
    static let classifier = try! DocumentClassifier.bundled()
    var classifier: DocumentClassifier { Self.classifier }

    // MARK: small cases

    func testEnteNames() {
        let cases: [(String, String?, String?)] = [
            ("**Comune di Calcinate**", "Comune di Calcinate", nil),
            ("COMUNE DI CAZZAGO SAN MARTINO (BS)", "Comune di Cazzago San Martino", "BS"),
            ("Comune di Casorate Primo (PV)", "Comune di Casorate Primo", "PV"),
            ("Città di Lumezzane\nProvincia di Brescia", "Città di Lumezzane", "BS"),
            ("CITTA' DI LUMEZZANE", "Città di Lumezzane", nil),
            ("# Comune di Pisogne", "Comune di Pisogne", nil),
            ("COMUNE DI CASTIGLIONE DELLE STIVIERE", "Comune di Castiglione delle Stiviere", nil),
            ("COMUNE DI SANT'ANGELO LODIGIANO (LO)", "Comune di Sant'Angelo Lodigiano", "LO"),
            ("Unione dei Comuni della Bassa Bresciana", "Unione dei Comuni della Bassa Bresciana", nil),
            ("Piano della performance", nil, nil),
        ]
        for (text, ente, province) in cases {
            let result = classifier.classify(text)
            XCTAssertEqual(result.ente, ente, text)
            XCTAssertEqual(result.province, province, text)
        }
    }

    func testDocTypesFromTitles() {
        let cases: [(String, DocType)] = [
            ("PIANO ESECUTIVO DI GESTIONE E\nDELLA PERFORMANCE\n2021/2022/2023", .peg),
            ("Piano della Performance - Piano degli Obiettivi\n2022", .performancePlan),
            ("PIANO INTEGRATO DI ATTIVITA'E ORGANIZZAZIONE (PIAO)", .piao),
            ("## PIANO INTEGRATO DI ATTIVITA' E ORGANIZZAZIONE", .piao),
            ("Referto\nstato attuazione obiettivi\nalla data del 30 giugno 2023", .managementReport),
            ("P.E.G. 2024-2026", .peg),
            ("Piano Dettagliato degli Obiettivi 2023", .performancePlan),
            ("Relazione sulla performance 2023", .managementReport),
            ("Bilancio di previsione 2024-2026", .other),
        ]
        for (text, type) in cases {
            XCTAssertEqual(classifier.classify(text).docType, type, text)
        }
    }

    func testDocTypeFallsBackToTheEarliestKeywordInTheText() {
        let body = String(repeating: "Premessa lunga di testo che non nomina il tipo di documento e continua. ", count: 4)
        let text = "Comune di X\n\(body)\nIl presente Piano esecutivo di gestione recepisce il Piano della performance."
        XCTAssertEqual(classifier.classify(text).docType, .peg)
    }

    func testPeriodsFromTitles() {
        let cases: [(String, Int?, Int?)] = [
            ("PIANO ESECUTIVO DI GESTIONE E\nDELLA PERFORMANCE\n2021/2022/2023**", 2021, 2023),
            ("TRIENNIO 2024-2026", 2024, 2026),
            ("### 2025 – 2027", 2025, 2027),
            ("Piano degli Obiettivi 2022", 2022, 2022),
            ("Referto\nalla data del 30 giugno 2023", 2023, 2023),
            ("Piano della performance", nil, nil),
        ]
        for (text, start, end) in cases {
            let result = classifier.classify(text)
            XCTAssertEqual(result.periodStart, start, text)
            XCTAssertEqual(result.periodEnd, end, text)
        }
    }

    func testReferenceDates() {
        XCTAssertEqual(classifier.classify("Referto stato attuazione obiettivi\nalla data del 30 giugno 2023").referenceDate, "2023-06-30")
        XCTAssertEqual(classifier.classify("Situazione al 31/12/2022").referenceDate, "2022-12-31")
        XCTAssertNil(classifier.classify("PIAO 2024-2026\nApprovato con delibera Giunta Comunale n. 32 del 11/03/2025").referenceDate)
    }

    func testApprovalAct() {
        let act = classifier.classify("*Approvato con delibera Giunta Comunale n. 32 del 11/03/2025*").approvalAct
        XCTAssertEqual(act, ApprovalAct(text: "Approvato con delibera Giunta Comunale n. 32 del 11/03/2025",
                                        body: "giunta_comunale", number: "32", date: "2025-03-11"))
        let council = classifier.classify("Approvato con deliberazione del Consiglio Comunale nr. 7 del 28 febbraio 2024").approvalAct
        XCTAssertEqual(council?.body, "consiglio_comunale")
        XCTAssertEqual(council?.number, "7")
        XCTAssertEqual(council?.date, "2024-02-28")
        XCTAssertNil(classifier.classify("Comune di X\nPIAO 2025-2027").approvalAct)
    }

    func testClassificationEncodesWithSchemaKeys() throws {
        let result = DocumentClassification(ente: "Comune di Pisogne", docType: .piao, periodStart: 2025, periodEnd: 2027)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        XCTAssertEqual(json, #"{"doc_type":"piao","ente":"Comune di Pisogne","period_end":2027,"period_start":2025}"#)
    }

    // MARK: the five seeds

    struct SeedExpectation {
        var file: String
        var ente: String
        var province: String?
        var docType: DocType
        var years: ClosedRange<Int>
        var referenceDate: String?
        var approvalAct: ApprovalAct?
    }

    static let seeds: [SeedExpectation] = [
        SeedExpectation(file: "calcinate_piano-performance_2022.txt", ente: "Comune di Calcinate", province: "BG",
                        docType: .performancePlan, years: 2022...2022),
        SeedExpectation(file: "casorate-primo_piao_2024-2026.txt", ente: "Comune di Casorate Primo", province: "PV",
                        docType: .piao, years: 2024...2026),
        SeedExpectation(file: "cazzago-san-martino_peg-performance_2021-2023.txt", ente: "Comune di Cazzago San Martino",
                        province: "BS", docType: .peg, years: 2021...2023),
        SeedExpectation(file: "lumezzane_referto-obiettivi_2023-06-30.txt", ente: "Città di Lumezzane", province: "BS",
                        docType: .managementReport, years: 2023...2023, referenceDate: "2023-06-30"),
        SeedExpectation(file: "pisogne_piao_2025-2027.txt", ente: "Comune di Pisogne", province: nil,
                        docType: .piao, years: 2025...2027,
                        approvalAct: ApprovalAct(text: "Approvato con delibera Giunta Comunale n. 32 del 11/03/2025",
                                                 body: "giunta_comunale", number: "32", date: "2025-03-11")),
    ]

    func testSeedsAreClassified() throws {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw XCTSkip("seeds not found at \(directory.path)")
        }
        for seed in Self.seeds {
            let text = try String(contentsOf: directory.appendingPathComponent(seed.file), encoding: .utf8)
            let result = classifier.classify(text)
            XCTAssertEqual(result.ente, seed.ente, seed.file)
            XCTAssertEqual(result.province, seed.province, seed.file)
            XCTAssertEqual(result.docType, seed.docType, seed.file)
            XCTAssertEqual(result.periodStart, seed.years.lowerBound, seed.file)
            XCTAssertEqual(result.periodEnd, seed.years.upperBound, seed.file)
            XCTAssertEqual(result.referenceDate, seed.referenceDate, seed.file)
            XCTAssertEqual(result.approvalAct, seed.approvalAct, seed.file)
        }
    }
}
