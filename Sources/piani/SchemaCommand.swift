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
        dots), record_id the primary key. Load with
          \\copy objectives FROM 'out/objectives.csv' CSV HEADER   (PostgreSQL)
          .import --csv --skip 1                                  (SQLite)
        """
    )

    enum Dialect: String, ExpressibleByArgument, CaseIterable {
        case postgres, sqlite
    }

    @Option(help: "Print SQL DDL instead: postgres or sqlite.")
    var sql: Dialect?

    func run() throws {
        if let sql {
            Output.write(SQLSchema.ddl(sql == .postgres ? .postgres : .sqlite))
        } else {
            Output.line(JSONSchemaDocument.make().pretty)
        }
    }
}
