import Core

/// Hand-made records covering every kind of column: objects, VALUEs, lists, JSON, booleans, absent fields.
enum SampleRecords {
    static func document(_ name: String = "piano.pdf", sha256: String = String(repeating: "a", count: 64)) -> DocumentInfo {
        DocumentInfo(sha256: sha256, fileName: name, format: "pdf", ente: "Comune di Prova, \"Città\"", docType: "peg",
                     periodStart: 2024, periodEnd: 2026)
    }

    static func indicator(page: Int = 3, row: Int = 1, document: DocumentInfo = document()) -> Record {
        var record = Record(type: .indicator, naturalKey: "\(page)-\(row)", document: document,
                            source: Provenance(page: page, tableIndex: 0, rowIndex: row, bbox: Rect(x0: 10, y0: 20, x1: 300, y1: 40),
                                               sectionPath: ["SEZIONE 2", "Obiettivi, area 1"]))
        record["name"] = .text("Pratiche evase\nentro 30 giorni")
        record["target"] = .value(Value(raw: "< di 5", kind: .number, number: 5, comparator: .lessThan))
        record["actual"] = .value(Value(raw: "", kind: .empty))
        record["target_year"] = .integer(2025)
        record["targets_by_year"] = .json(.object([("2025", .object([("raw", .string("95%"))]))]))
        record["achievement_ratio"] = .number("0.75")
        record.keepRaw("Indicatore", "Pratiche evase")
        record.warn("actual", "empty cell")
        return record
    }

    /// An XBRL fact with an exact decimal value, a unit, a period, an entity and dimensions.
    static func fact(_ ordinal: Int = 0, document: DocumentInfo = document("bilancio.xbrl")) -> Record {
        var record = Record(type: .fact, naturalKey: "\(ordinal)", document: document, source: Provenance(xpath: "/xbrli:xbrl/bdap:SpeseCorrenti[\(ordinal + 1)]"))
        record["concept"] = .text("{http://www.rgs.mef.gov.it/xbrl/bdap/sdb/prev/2019-09-23}SpeseCorrenti")
        record["concept_name"] = .text("SpeseCorrenti")
        record["value"] = .value(Value(raw: "1234567890123456.10", kind: .currency, number: ExactDecimal("1234567890123456.10"), unit: "EUR"))
        record["unit"] = .object([("id", .text("EUR")), ("measures", .textList(["iso4217:EUR"])), ("denominator", .textList([]))])
        record["period"] = .object([("type", .text("duration")), ("start", .date("2025-01-01")), ("end", .date("2025-12-31"))])
        record["entity"] = .object([("scheme", .text("http://www.rgs.mef.gov.it/xbrl/idente/codicebdap")), ("identifier", .text("800012345"))])
        record["dimensions"] = .json(.array([.object([("dimension_name", .string("MissioneAxis")), ("member_name", .string("Missione01"))])]))
        record["decimals"] = .text("2")
        record["context_id"] = .text("c1")
        record["is_nil"] = .boolean(false)
        record.keepRaw("bdap:SpeseCorrenti", "1234567890123456.10")
        return record
    }

    static func budgetLine(document: DocumentInfo = document()) -> Record {
        var record = Record(type: .budgetLine, naturalKey: "cap-100", document: document, source: Provenance(page: 9, tableIndex: 2, rowIndex: 4))
        record["direction"] = .text("expenditure")
        record["chapter"] = .text("100")
        record["description"] = .text("")
        record["amounts"] = .object([("initial_forecast", .number("1234567.89")), ("committed", .number("-5880.86"))])
        record["is_total"] = .boolean(false)
        return record
    }

    static func table(page: Int?, top: Double?, document: DocumentInfo = document(), key: String) -> Record {
        Record(type: .table, naturalKey: key, document: document,
               source: Provenance(page: page, bbox: top.map { Rect(x0: 0, y0: $0, x1: 100, y1: $0 + 10) }))
    }
}
