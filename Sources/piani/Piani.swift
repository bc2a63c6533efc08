import ArgumentParser
import Foundation
import Pipeline

@main
struct Piani: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "piani",
        abstract: "Turns Italian municipal planning documents into data.",
        discussion: """
        PEG, Piano della Performance, PIAO, Referto del controllo di gestione:
        objectives, indicators, budget lines, staff, risks and every other table
        as JSONL and CSV records in one schema, for a batch (`piani ingest`) or
        one document at a time (`extract`, `tables`, `blocks`).

        Exit codes of every command: 0 done; 1 an input could not be read (with
        several files: some could not, and the others' output is complete), or
        the run could not proceed; 2 usage or configuration error; 3 (ingest)
        some inputs were rejected; 4 (ingest) the output folder is busy.
        """,
        version: ToolInfo.versionLine,
        subcommands: [IngestCommand.self, ExtractCommand.self, NormalizeCommand.self, TablesCommand.self, BlocksCommand.self,
                      SchemaCommand.self, PageModelCommand.self, XBRLCommand.self, IngestWorkerCommand.self]
    )

    /// As ParsableCommand's, but a command line that cannot be parsed exits 2 (usage or configuration error,
    /// the code cron scripts check) instead of the parser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
