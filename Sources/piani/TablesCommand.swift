import ArgumentParser
struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tables")
    func run() throws {}
}
struct BlocksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "blocks")
    func run() throws {}
}
