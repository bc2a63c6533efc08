import ArgumentParser
struct BlocksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "blocks")
    func run() throws {}
}
