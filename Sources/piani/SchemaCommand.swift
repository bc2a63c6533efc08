import ArgumentParser
import Core
import Write

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of every record type, or SQL DDL.",
        discussion: """
        The JSON Schema is draft 2020-12; --sql gives the DDL of matching
        warehouse tables. Both are generated from the schema the writers use, so
        they match the outputs of `piani ingest`: the JSON Schema validates each
        line of X.jsonl (one definition per record type under $defs); the DDL
        creates one table per record type named like its files (objectives,
        budget_lines, …), columns = the CSV header (nested fields flattened with
        underscores: amounts_committed; unquoted names, none a reserved word),
        record_id the primary key. PostgreSQL: amounts NUMERIC(18,2), other
        numbers NUMERIC; load with
          \\copy objectives FROM 'out/objectives.csv' CSV HEADER
        (upsert recipe: docs/ingest.md, --load). SQLite: the tables of
        `piani ingest --format sqlite` (out/records.sqlite), amounts as INTEGER
        cents (…_cents columns). --columns prints the mapping: JSON path →
        CSV/SQL column → types.
        """
    )

    enum Dialect: String, ExpressibleByArgument, CaseIterable {
        case postgres, sqlite
    }

    @Option(help: "Print SQL DDL instead: postgres or sqlite.")
    var sql: Dialect?

    @Flag(help: "Print the column mapping instead (a Markdown table): JSON path, CSV/SQL column, types.")
    var columns = false

    @Option(help: ArgumentHelp("With --sql postgres: print the psql script that loads (or reloads, upserting) the CSV files of this output folder.", valueName: "OUT"))
    var load: String?

    func validate() throws {
        if load != nil && sql != .postgres { throw ValidationError("--load needs --sql postgres") }
    }

    func run() throws {
        if columns {
            Output.write(ColumnMapping.markdown())
        } else if let load {
            Output.write(PostgresLoadScript.script(folder: load))
        } else if let sql {
            Output.write(SQLSchema.ddl(sql == .postgres ? .postgres : .sqlite))
        } else {
            Output.line(JSONSchemaDocument.make().pretty)
        }
    }
}
