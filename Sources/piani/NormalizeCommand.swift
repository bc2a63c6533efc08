import ArgumentParser
import Core
import Foundation
import Normalize

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print the canonical records of extracted content (tables, blocks).",
        discussion: """
        Reads what the extraction stage writes: `piani tables` output
        ({"tables":[…]}), `piani blocks` output (JSON lines), or one object
        {"blocks":[…],"tables":[…]}; several files are read as one document, -
        is standard input. A table fixed by hand can so be normalized again
        without the PDF. The records name the document given by --source (its
        SHA-256, file name and path), else the content files.
        """
    )

    @Argument(help: "Content files (JSON or JSON lines); - for standard input.")
    var files: [String]

    @Option(help: "The document the content was extracted from, named in the records (hash, file name, path).")
    var source: String?

    @Option(help: "A YAML label dictionary merged over the built-in one (same layout as Resources/labels.yml).")
    var labels: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one content file, or - for standard input") }
    }

    func run() throws {
        var content = ContentJSON.Content()
        var bytes = Data()
        for file in files {
            let data = try read(file)
            bytes.append(data)
            do {
                let part = try ContentJSON.read(data)
                content.blocks += part.blocks
                content.tables += part.tables
            } catch let error as ContentJSON.ReadError {
                Output.error("\(file): \(error.description)")
                throw ExitCode(1)
            }
        }
        let normalizer = try Normalizers.make(labelOverrides: labels)
        let facts = try documentFacts(content: bytes)
        let normalized = normalizer.normalize(file: facts, blocks: content.blocks, tables: content.tables)
        for record in normalized.records { Output.line(record.json.serialized) }
    }

    private func read(_ file: String) throws -> Data {
        if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: file) else {
            Output.error("\(file): cannot be read (missing or not readable)")
            throw ExitCode(1)
        }
        return data
    }

    private func documentFacts(content: Data) throws -> FileFacts {
        if let source {
            guard FileManager.default.isReadableFile(atPath: source) else {
                Output.error("\(source): cannot be read (missing or not readable)")
                throw ExitCode(1)
            }
            return try FileFacts(path: source)
        }
        let single = files.count == 1 && files[0] != "-" ? files[0] : nil
        return FileFacts(sha256: Hashing.sha256(String(decoding: content, as: UTF8.self)),
                         fileName: single.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "content.json", inputPath: single,
                         format: "json")
    }
}
