import ArgumentParser
import Core
import Foundation
import Write

/// `-o/--output FILE` of the reading verbs.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Write to FILE (atomically: a temporary file renamed into place) instead of standard output; - is standard output.",
        valueName: "file"))
    var output: String?

    /// The destination, checked before any input is read.
    func target() throws -> OutputTarget {
        guard let output, output != "-" else { return OutputTarget(file: nil) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
            Output.error("\(output): is a folder (-o takes a file name)")
            throw ExitCode(2)
        }
        do {
            return OutputTarget(file: try AtomicFile(URL(fileURLWithPath: output)))
        } catch let error as WriteError {
            Output.error("\(output): cannot be written: \(error.reason)")
            throw ExitCode(1)
        }
    }
}

/// Where a verb writes: standard output as the text comes, or a file built under a temporary name and renamed
/// over the destination when the verb ends — only when at least one input was read: when every input failed the
/// destination is left as it was.
final class OutputTarget {
    private let file: AtomicFile?

    init(file: AtomicFile?) { self.file = file }

    func write(_ text: String) throws {
        guard let file else { return Output.write(text) }
        do {
            try file.write(text)
        } catch let error as WriteError {
            Output.error(error.description)
            throw ExitCode(1)
        }
    }

    func line(_ text: String) throws { try write(text + "\n") }

    /// Renames the file into place when `keep` (some input was read), else drops it.
    func finish(keep: Bool) throws {
        guard let file else { return }
        guard keep else { return file.discard() }
        do {
            try file.commit()
        } catch let error as WriteError {
            Output.error(error.description)
            throw ExitCode(1)
        }
    }
}

extension ParsableCommand {
    /// Exit 1 when some of the inputs failed (each said so on stderr); the others' output is complete.
    func exitForFailures(_ failed: Int) throws {
        if failed > 0 { throw ExitCode(1) }
    }
}
