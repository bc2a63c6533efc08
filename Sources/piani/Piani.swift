import ArgumentParser

@main
struct Piani: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "piani",
        abstract: "Turns Italian municipal planning documents (PEG, Piano della Performance, PIAO, Referto) into data.",
        subcommands: [ExtractCommand.self, TablesCommand.self, BlocksCommand.self, PageModelCommand.self, IngestCommand.self, IngestWorkerCommand.self, SchemaCommand.self]
    )
}
