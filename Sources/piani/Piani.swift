import ArgumentParser
import Foundation

@main
struct Piani: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "piani",
        abstract: "Turns Italian municipal planning documents (PEG, Piano della Performance, PIAO, Referto) into data.",
        discussion: """
        Exit codes of every command: 0 done, 1 an input could not be read (or the run could not proceed),
        2 usage or configuration error, 3 (ingest) some inputs were rejected, 4 (ingest) the output folder is busy.
        """,
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
