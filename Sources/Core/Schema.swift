/// The canonical schema v1 as data: every record type's columns in their published order. Writers, the JSON
/// Schema, the SQL DDL and the record builders all read this one table, so they cannot drift apart.
public enum RecordType: String, CaseIterable, Codable, Sendable {
    case objective, indicator
    case budgetLine = "budget_line"
    case staff, risk, entity, table
    /// One XBRL fact, as reported (schema extension: docs/schema-extensions.md).
    case fact

    /// File stem of the type's outputs: `objectives.jsonl`, `budget_lines.csv`.
    public var plural: String {
        switch self {
        case .entity: return "entities"
        case .staff: return "staff"
        default: return rawValue + "s"
        }
    }
}

/// How a column is typed in every output form.
public indirect enum FieldType: Hashable, Sendable {
    case text, integer, boolean
    /// An exact decimal (a weight, a percentage, a count of people).
    case number
    /// An amount in euro: an exact decimal with at most two digits after the point (`NUMERIC(18,2)`).
    case amount
    /// ISO `YYYY-MM-DD`.
    case date
    /// A VALUE object (raw text plus what was parsed from it).
    case value
    case textList
    /// A fixed set of named parts, flattened with underscores in CSV and SQL (`amounts_committed`).
    case object([Column])
    /// Free-form JSON (a month grid, one VALUE per year, the rows of a table): kept whole, as JSON text in CSV.
    case json
}

public struct Column: Hashable, Sendable {
    /// The JSON key.
    public var name: String
    public var type: FieldType
    public var summary: String
    /// The name in CSV headers and SQL tables when the JSON key would need quoting there (a reserved word such as
    /// `group`); nil when it is the JSON key.
    public var flatName: String?

    public init(_ name: String, _ type: FieldType, _ summary: String, flatName: String? = nil) {
        self.name = name
        self.type = type
        self.summary = summary
        self.flatName = flatName
    }

    /// The name used in CSV and SQL for this column (or for the prefix of its parts).
    public var tableName: String { flatName ?? name }
}

public enum Schema {
    public static let version = "1"

    public static let document: [Column] = [
        Column("sha256", .text, "SHA-256 of the input file"),
        Column("file_name", .text, "file name of the input"),
        Column("input_path", .text, "path of the input below the input folder it was found in (ingest), or as given"),
        Column("format", .text, "pdf, docx, odt, xhtml, xbrl, xml"),
        Column("ente", .text, "the administration (Comune di …, Città di …)"),
        Column("ente_tax_code", .text, "codice fiscale of the administration"),
        Column("doc_type", .text, "peg, performance_plan, piao, management_report, other"),
        Column("period_start", .integer, "first year the plan covers"),
        Column("period_end", .integer, "last year the plan covers"),
        Column("reference_date", .date, "the date a report describes (alla data del …)"),
        Column("approval_act", .text, "the act approving the plan, as written"),
    ]

    public static let source: [Column] = [
        Column("page", .integer, "1-based page where the record starts"),
        Column("page_end", .integer, "page where it ends"),
        Column("table_index", .integer, "0-based table of the document the record comes from"),
        Column("row_index", .integer, "0-based row of that table"),
        Column("bbox", .json, "[x0, y0, x1, y1] in PDF points from the top-left corner of the page"),
        Column("xpath", .text, "XPath of the element, for XML inputs"),
        Column("section_path", .textList, "headings above the record, outermost first"),
        Column("cues", .json, "field → what mapped it when not its column's label: position (header order), content (the values' shape)"),
    ]

    /// Columns every record has, before its own.
    public static let envelope: [Column] = [
        Column("schema_version", .text, "\"1\""),
        Column("record_type", .text, "objective, indicator, budget_line, staff, risk, entity, table, fact"),
        Column("record_id", .text, "stable id: hash of (document sha256, record type, natural key or ordinal)"),
        Column("record_key", .text, "the same record across versions of the plan: hash of (ente, doc type, period, record type, natural key or ordinal), no file hash"),
        Column("document", .object(document), "the document the record comes from"),
        Column("source", .object(source), "where in the document"),
    ]

    /// Columns every record has, after its own.
    public static let trailer: [Column] = [
        Column("raw", .json, "original labels → original texts, verbatim"),
        Column("warnings", .textList, "what could not be parsed or was guessed, as `field: message`"),
    ]

    /// Amounts are exact decimals of at most 18 digits, 2 after the point (`NUMERIC(18,2)`).
    public static let amountPrecision = (digits: 18, places: 2)

    public static let amounts: [Column] = [
        Column("initial_forecast", .amount, "Previsione iniziale, euro"),
        Column("current_forecast", .amount, "Previsione attuale / assestata, euro"),
        Column("committed", .amount, "Accertato (revenue) / Impegnato (expenditure), euro"),
        Column("available", .amount, "Disponibilità, euro"),
        Column("cashed", .amount, "Riscosso / Pagato, euro"),
        Column("cash_forecast", .amount, "Previsione di cassa, euro (schema extension)"),
    ]

    public static func fields(of type: RecordType) -> [Column] {
        switch type {
        case .objective: return objective
        case .indicator: return indicator
        case .budgetLine: return budgetLine
        case .staff: return staff
        case .risk: return risk
        case .entity: return entity
        case .table: return table
        case .fact: return fact
        }
    }

    /// Envelope, the type's own fields, then raw and warnings: the order of every output.
    public static func columns(of type: RecordType) -> [Column] { envelope + fields(of: type) + trailer }

    static let objective: [Column] = [
        Column("code", .text, "N., numero obiettivo, 1., 8.2"),
        Column("level", .text, "strategic, operational, performance"),
        Column("category", .text, "accessibilità, qualità, efficienza, miglioramento, trasversale, …"),
        Column("title", .text, "the objective as titled"),
        Column("description", .text, "Descrizione, finalità"),
        Column("phases", .json, "Fasi di attuazione / cronoprogramma: [{phase, months[]}]"),
        Column("parent_code", .text, "code of the strategic objective or DUP line served"),
        Column("parent_title", .text, "its title"),
        Column("mission_code", .text, "Missione, two digits"),
        Column("program_code", .text, "Programma, two digits"),
        Column("org_unit", .text, "Area, Settore, Servizio, centro di responsabilità"),
        Column("owner", .text, "Responsabile (gestionale), Dirigente, as written"),
        Column("political_owner", .text, "Responsabile politico, Assessore, Sindaco"),
        Column("stakeholders", .text, "A chi è rivolto l'obiettivo"),
        Column("contributors", .text, "Chi contribuisce, settori / personale coinvolto"),
        Column("timeframe", .text, "Tempi di raggiungimento, scadenza, as written"),
        Column("deadline", .date, "the date the timeframe states"),
        Column("horizon_start", .integer, "first year of the horizon"),
        Column("horizon_end", .integer, "last year of the horizon"),
        Column("weight", .number, "Peso"),
        Column("weight_unit", .text, "percent or points"),
        Column("baseline", .text, "Base di partenza"),
        Column("expected_result", .text, "Traguardo / risultato atteso"),
        Column("measurement", .text, "Misurazione di raggiungimento"),
        Column("verification_source", .text, "Verificabilità dei dati (fonte)"),
        Column("status_text", .text, "Stato di attuazione, note"),
        Column("achievement_percent", .number, "percentuale di raggiungimento"),
    ]

    static let indicator: [Column] = [
        Column("objective_id", .text, "record_id of the objective"),
        Column("name", .text, "the indicator"),
        Column("group", .text, "category row above it", flatName: "indicator_group"),
        Column("formula", .text, "the N. … / N. … part"),
        Column("unit", .text, "unit of measure"),
        Column("baseline", .value, "starting value"),
        Column("target", .value, "target value"),
        Column("actual", .value, "value reached"),
        Column("target_year", .integer, "year of the target"),
        Column("targets_by_year", .json, "{\"2025\": VALUE, …} when the plan has a column per year"),
        Column("achievement_ratio", .number, "actual / target when both are comparable numbers, rounded to 6 decimal places"),
    ]

    static let budgetLine: [Column] = [
        Column("direction", .text, "revenue (Entrate) or expenditure (Spese)"),
        Column("title_code", .text, "Titolo"),
        Column("mission_code", .text, "Missione, two digits"),
        Column("program_code", .text, "Programma, two digits"),
        Column("macroaggregate", .text, "Macroaggregato"),
        Column("chart_code", .text, "Piano dei conti finanziario (E.3.05.02.03.004)"),
        Column("chapter", .text, "Capitolo"),
        Column("article", .text, "Articolo"),
        Column("description", .text, "Descrizione"),
        Column("owner", .text, "Responsabile of the Missione/Programma"),
        Column("amounts", .object(amounts), "amounts in euro"),
        Column("as_of", .date, "date the amounts refer to"),
        Column("is_total", .boolean, "a TOTALE row"),
        Column("total_level", .text, "titolo, programma, missione, spesa, entrata, …"),
        Column("fiscal_year", .integer, "esercizio the amounts belong to (schema extension; XBRL: the year of the fact's period)"),
    ]

    static let staff: [Column] = [
        Column("org_unit", .text, "Area, Settore, Servizio"),
        Column("person_name", .text, "Cognome e nome"),
        Column("role", .text, "Profilo, qualifica professionale"),
        Column("category", .text, "Cat. A/B/C/D, D1, ex C1"),
        Column("area_ccnl_2022", .text, "operatori, operatori esperti, istruttori, funzionari ed EQ"),
        Column("employment", .text, "tempo pieno/parziale, indeterminato/determinato"),
        Column("count", .number, "number of people", flatName: "headcount"),
        Column("fte", .number, "full-time equivalents"),
        Column("participation_percent", .number, "% partecipazione"),
        Column("objective_id", .text, "record_id of the objective the staff works on"),
        Column("as_of", .date, "date of the count"),
    ]

    static let risk: [Column] = [
        Column("area", .text, "area di rischio"),
        Column("process", .text, "processo"),
        Column("risk_event", .text, "evento rischioso"),
        Column("likelihood", .text, "probabilità"),
        Column("impact", .text, "impatto"),
        Column("level", .text, "livello / giudizio sintetico"),
        Column("measures", .text, "misure"),
        Column("owner", .text, "responsabile"),
        Column("deadline", .value, "tempi / scadenza"),
        Column("indicator", .text, "indicatore di attuazione"),
    ]

    static let entity: [Column] = [
        Column("name", .text, "denominazione"),
        Column("tax_code", .text, "codice fiscale"),
        Column("vat", .text, "partita IVA"),
        Column("address", .text, "indirizzo"),
        Column("mayor", .text, "Sindaco"),
        Column("employees", .integer, "numero dipendenti"),
        Column("inhabitants", .integer, "abitanti"),
        Column("phone", .text, "telefono"),
        Column("website", .text, "sito istituzionale"),
        Column("email", .text, "e-mail"),
        Column("pec", .text, "PEC"),
    ]

    static let table: [Column] = [
        Column("title", .text, "caption or the heading above"),
        Column("header", .textList, "column labels as written"),
        Column("header_normalized", .textList, "column labels folded (case, accents, markup)"),
        Column("rows", .json, "rows of cells: {raw, value?} each", flatName: "table_rows"),
        Column("continued_pages", .integer, "pages the table runs over"),
    ]

    static let unit: [Column] = [
        Column("id", .text, "the unit's id in the instance"),
        Column("measures", .textList, "measures (numerator of a ratio): iso4217:EUR, xbrli:pure, else {namespace}name"),
        Column("denominator", .textList, "denominator measures of a ratio unit (EUR per abitante), empty otherwise"),
    ]

    static let period: [Column] = [
        Column("type", .text, "instant, duration or forever"),
        Column("instant", .date, "the instant (XBRL: the end of that day)"),
        Column("start", .date, "first day of a duration"),
        Column("end", .date, "last day of a duration (inclusive)"),
    ]

    static let factEntity: [Column] = [
        Column("scheme", .text, "identifier scheme (http://www.rgs.mef.gov.it/xbrl/idente/codicebdap, …)"),
        Column("identifier", .text, "the entity's code in that scheme"),
    ]

    static let fact: [Column] = [
        Column("concept", .text, "{namespace}name: the concept, unambiguous"),
        Column("concept_name", .text, "the concept's local name (SpeseCorrenti)"),
        Column("concept_namespace", .text, "the concept's namespace URI"),
        Column("concept_prefix", .text, "the prefix the instance wrote (not stable across instances)"),
        Column("value", .value, "the value: raw is the lexical text; number its exact decimal for numeric facts"),
        Column("unit", .object(unit), "unit of a numeric fact"),
        Column("period", .object(period), "the context's period"),
        Column("entity", .object(factEntity), "the context's entity"),
        Column("dimensions", .json, "[{dimension, dimension_name, member, member_name | typed_element, typed_value, container}]"),
        Column("decimals", .text, "decimals attribute as written (2, 0, -3, INF)"),
        Column("precision", .text, "precision attribute as written"),
        Column("context_id", .text, "contextRef"),
        Column("fact_id", .text, "the fact's id attribute"),
        Column("is_nil", .boolean, "xsi:nil=\"true\""),
        Column("schema_ref", .text, "the instance's first schemaRef (the taxonomy entry point)"),
    ]
}
