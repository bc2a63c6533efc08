import ArgumentParser
struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tables")
    func run() throws {}
}
