import ArgumentParser
import Foundation
import Pipeline

/// The worker process of `piani ingest` (not for direct use): reads one JSON job per line on stdin, extracts,
/// normalizes and writes the document's partition, answers one JSON result per line on stdout. A crash or hang
/// in the C libraries ends only this process; the parent records the document as rejected and starts another.
struct IngestWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-worker",
        abstract: "Worker process of piani ingest (reads jobs on stdin).",
        usage: "piani ingest-worker --documents <folder> [<options>]",
        shouldDisplay: false
    )

    @Option(help: "Folder of the per-document partitions (OUT/documents).")
    var documents: String

    @Option(help: "A YAML label dictionary merged over the built-in one, with an optional vocabulary: section.")
    var labels: String?

    @Option(help: "Read only the first N pages.")
    var maxPages: Int?

    @Option(help: "Characters the document classifier reads.")
    var classificationWindow: Int?

    @Option(help: "Seconds one document may take: the worker ends itself a little after it (the parent kills it at it).")
    var timeLimit: Double?

    func run() throws {
        let settings = DocumentProcessor.Settings(labels: labels, password: ProcessInfo.processInfo.environment["PIANI_PASSWORD"],
                                                  maxPages: maxPages, classificationWindow: classificationWindow)
        do {
            let parent = ProcessInfo.processInfo.environment["PIANI_PARENT_PID"].flatMap { Int32($0) }
            WorkerLoop.run(try DocumentProcessor(settings: settings, documents: URL(fileURLWithPath: documents)),
                           guard: WorkerGuard(parent: parent, timeLimit: timeLimit))
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }
}
