import Core
import Foundation
import Write

/// One `piani ingest` run over an output folder, which holds a dataset that accumulates:
///
/// 1. find the inputs: a named input that does not exist, or an input set with no file (without
///    `allowEmpty`), is a configuration error before anything is touched;
/// 2. lock the folder (`.piani/lock`), open the catalog (`.piani/catalog.sqlite`), remove what an interrupted run
///    left (half-written partitions, unpublished generations, temporary files), read the published dataset;
/// 3. hash the inputs, keep the shard's slice, drop duplicate contents, skip what the catalog has under the same
///    stamp and file name (unless `full`), hand the rest to the worker processes, record each finished document
///    in the catalog at once;
/// 4. the next dataset: this run's documents plus the earlier ones not replaced (kept, or removed with `prune`);
///    build its top-level files, `rejects.jsonl`, `report.html` and `manifest.json` in a fresh generation folder and publish it
///    with one rename (`Generations`).
public struct IngestRun {
    public var config: PipelineConfig
    /// The `piani` executable the workers run (`piani ingest-worker`).
    public var workerExecutable: String

    public init(config: PipelineConfig, workerExecutable: String) {
        self.config = config
        self.workerExecutable = workerExecutable
    }

    public var outputFolder: URL { URL(fileURLWithPath: config.output) }
    public var stateFolder: URL { outputFolder.appendingPathComponent(".piani") }
    public var documentsFolder: URL { outputFolder.appendingPathComponent("documents") }
    var generations: Generations { Generations(folder: outputFolder) }

    /// A failure after the new generation was published: the message says so.
    public struct AfterPublishing: Error, CustomStringConvertible {
        public var generation: Int
        public var underlying: Error
        public var description: String {
            "the run's outputs were published (generation \(generation)), but then: \(underlying)"
        }
    }

    /// Runs the batch. Throws `ConfigError` (exit 2), `RunLock.Busy` (exit 4) or another error when the run
    /// itself cannot proceed (exit 1: the published dataset is left as it was, unless the error is
    /// `AfterPublishing`); a bad input never throws, it is rejected.
    public func run(observer: IngestObserver? = nil) throws -> Manifest {
        let started = Date()
        let (config, stamp, found) = try prepare(observer: observer)
        try createFolders()
        let lock = try RunLock.acquire(output: outputFolder)
        defer { withExtendedLifetime(lock) {} }
        let catalog = try Catalog(path: stateFolder.appendingPathComponent("catalog.sqlite").path)
        let runID = try catalog.beginRun()
        removeStaging()
        let leftovers = generations.removeLeftovers()
        if !leftovers.isEmpty { observer?.notice("\(config.output): removed what an interrupted run left: \(leftovers.joined(separator: ", "))") }
        let previous = try Dataset.published(in: outputFolder)

        var manifest = Manifest(settings: manifestSettings(config, fingerprint: stamp.settings))
        manifest.startedAt = Timestamp.string(started)
        var plan = try survey(found, config: config, catalog: catalog, stamp: stamp, observer: observer)
        manifest.timings.hashingSeconds = Date().timeIntervalSince(started)

        let processing = Date()
        process(&plan, catalog: catalog, stamp: stamp, observer: observer)
        manifest.timings.processingSeconds = Date().timeIntervalSince(processing)
        manifest.timings.stages = plan.stageTimings

        var (documents, removed) = Dataset.next(previous: previous, plan: plan, prune: config.prune)
        // A kept document whose partition was deleted by hand has no records left to publish: say so.
        for document in documents where !DocumentPartition(folder: documentsFolder.appendingPathComponent(document.sha256)).exists {
            removed.append(DatasetRemoval(path: document.path, sha256: document.sha256,
                                          reason: "its records (documents/\(document.sha256)) are missing from the output folder"))
        }
        documents.removeAll { document in removed.contains { $0.sha256 == document.sha256 && $0.path == document.path } }
        let assembling = Date()
        let generation = try generations.makeNext()
        let rowCounts: [RecordType: Int]
        do {
            rowCounts = try OutputAssembler(folder: generation.folder, formats: config.formats)
                .assemble(documents.map { DocumentPartition(folder: documentsFolder.appendingPathComponent($0.sha256)) })
        } catch {
            try? FileManager.default.removeItem(at: generation.folder)
            throw error
        }
        manifest.timings.assemblingSeconds = Date().timeIntervalSince(assembling)

        fill(&manifest, plan: plan, documents: documents, removed: removed, rowCounts: rowCounts, config: config)
        manifest.generation = generation.number
        do {
            try AtomicFile.write(generation.folder.appendingPathComponent("rejects.jsonl")) { file in
                for reject in manifest.rejects { try file.write(Manifest.rejectLine(reject)) }
            }
            manifest.finishedAt = Timestamp.now()
            manifest.timings.totalSeconds = Date().timeIntervalSince(started)
            manifest.timings.parentPeakRSSMB = Self.peakRSSMB(RUSAGE_SELF.rawValue)
            manifest.timings.workerPeakRSSMB = Self.peakRSSMB(RUSAGE_CHILDREN.rawValue)
            let report = try RunReport.collect(manifest: manifest, documentsFolder: documentsFolder, outputFolder: outputFolder)
            try AtomicFile.write(generation.folder.appendingPathComponent(RunReport.fileName), text: report.html())
            try AtomicFile.write(generation.folder.appendingPathComponent("manifest.json"), text: try manifest.encoded())
        } catch {
            try? FileManager.default.removeItem(at: generation.folder)
            throw error
        }
        let retired = OutputFormat.allCases.filter { !config.formats.contains($0) }.flatMap(\.fileNames)
        try generations.switchCurrent(to: generation.number)
        for removal in removed { observer?.removed(removal) }
        do {
            try generations.linkNames(manifest.outputs, retired: retired)
            try catalog.finishRun(runID, inputs: manifest.totals.inputs, ingested: manifest.totals.ingested, skipped: manifest.totals.skipped,
                                  rejected: manifest.totals.rejected, exitCode: manifest.exitCode)
        } catch {
            throw AfterPublishing(generation: generation.number, underlying: error)
        }
        observer?.completed(manifest)
        return manifest
    }

    /// What a run and a dry run both check first: the settings (and that the normalizer they name loads), the
    /// stamp documents are ingested under, the inputs, and an output folder that can be one.
    private func prepare(observer: IngestObserver?) throws
        -> (config: PipelineConfig, stamp: Catalog.Stamp, found: InputResolver.Found) {
        let config = try self.config.validated()
        let settings = DocumentProcessor.Settings(config)
        _ = try DocumentProcessor.normalizer(settings)
        let stamp = Catalog.Stamp(toolVersion: ToolInfo.version, schemaVersion: Schema.version, settings: try fingerprint(settings))
        let found = try Self.resolveInputs(config, observer: observer)
        try Self.checkOutputFolder(config)
        return (config, stamp, found)
    }

    /// What a run would do, without writing anything (`piani ingest --dry-run`): the inputs it would ingest,
    /// skip or reject, and the documents it would keep or remove. Reads the catalog when there is one.
    public func dryRun(observer: IngestObserver? = nil) throws -> DryRun {
        let (config, stamp, found) = try prepare(observer: observer)
        let catalogPath = stateFolder.appendingPathComponent("catalog.sqlite").path
        let catalog = FileManager.default.fileExists(atPath: catalogPath) ? try Catalog(readOnly: catalogPath) : nil
        let previous = try Dataset.published(in: outputFolder)
        let plan = try survey(found, config: config, catalog: catalog, stamp: stamp, observer: nil)
        let (documents, removed) = Dataset.next(previous: previous, plan: plan, prune: config.prune)
        return DryRun(inputs: plan.reports.sorted { $0.path < $1.path }, kept: documents.filter { !$0.present }, removed: removed)
    }

    /// The inputs on disk; refuses (as a configuration error, before anything is written) inputs that do not
    /// exist and an input set without a file unless `allowEmpty`.
    static func resolveInputs(_ config: PipelineConfig, observer: IngestObserver?) throws -> InputResolver.Found {
        let found = InputResolver.resolve(config.inputs)
        if !found.missing.isEmpty {
            let lines = found.missing.map { "\($0.path): \($0.reason)" }
            throw ConfigError(lines.joined(separator: "\npiani: ") + "\npiani: an input that does not exist is a configuration error; "
                              + "nothing was changed in \(config.output)")
        }
        for pattern in found.emptyPatterns { observer?.notice("\(pattern): no file matches this pattern") }
        if found.files.isEmpty && found.unreadable.isEmpty && !config.allowEmpty {
            throw ConfigError("\(config.inputs.joined(separator: " ")): no input file found (\(found.skipped.count) files skipped as not "
                              + "readable formats); nothing was changed in \(config.output). Pass --allow-empty (allow_empty: true) "
                              + "to run on an empty input set")
        }
        return found
    }

    /// An output path that exists and is no folder (a file, a link to one) is a configuration error, found before
    /// anything is written.
    static func checkOutputFolder(_ config: PipelineConfig) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: config.output, isDirectory: &isFolder), !isFolder.boolValue else { return }
        throw ConfigError("\(config.output): is a file, not a folder: the output (--out, output:) must be a folder; nothing was changed")
    }

    /// ru_maxrss (KiB on Linux) in MiB, one decimal.
    static func peakRSSMB(_ who: Int32) -> Double {
        var usage = rusage()
        getrusage(who, &usage)
        return (Double(usage.ru_maxrss) / 1024 * 10).rounded() / 10
    }

    private func fingerprint(_ settings: DocumentProcessor.Settings) throws -> String {
        do {
            return try settings.fingerprint()
        } catch {
            throw ConfigError("\(settings.labels ?? "labels"): cannot be read (\(ErrorText.reason(error)))")
        }
    }

    private func createFolders() throws {
        do {
            try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: documentsFolder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: outputFolder.path, reason: "cannot create the output folder (\(ErrorText.reason(error)))")
        }
    }

    /// Partitions half written by a run that was killed.
    private func removeStaging() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: documentsFolder.path)) ?? []
        for name in names where name.hasPrefix(".tmp-") || name.hasPrefix(".old-") {
            try? FileManager.default.removeItem(at: documentsFolder.appendingPathComponent(name))
        }
    }

    /// Every input with what is known before reading it: unreadable, hashed, in the shard, a duplicate, skipped.
    private func survey(_ found: InputResolver.Found, config: PipelineConfig, catalog: Catalog?, stamp: Catalog.Stamp,
                        observer: IngestObserver?) throws -> RunPlan {
        var plan = RunPlan()
        for unreadable in found.unreadable where config.shard?.contains(sha256: Hashing.sha256(unreadable.path)) ?? true {
            var report = InputReport(path: unreadable.path, status: .rejected)
            report.stage = .input
            report.reason = unreadable.reason
            plan.reports.append(report)
        }
        for skipped in found.skipped where config.shard?.contains(sha256: Hashing.sha256(skipped.path)) ?? true {
            var report = InputReport(path: skipped.path, status: .skipped)
            report.reason = skipped.reason
            plan.reports.append(report)
        }
        var firstPathOfContent: [String: String] = [:]
        for file in found.files {
            let report = try classify(file, config: config, catalog: catalog, stamp: stamp, firstPathOfContent: &firstPathOfContent)
            guard let report else {
                plan.outsideShard.insert(file.path)
                continue
            }
            plan.reports.append(report)
            if report.status == .ingested {
                plan.jobs.append(DocumentJob(path: file.path, sha256: report.sha256!, fileName: file.fileName, inputPath: file.inputPath))
            }
        }
        observer?.planned(inputs: plan.reports.count, toIngest: plan.jobs.count)
        for report in plan.reports where report.status != .ingested { observer?.settled(report) }
        return plan
    }

    /// The input's report before processing (status `ingested` = still to be read); nil when outside the shard.
    /// A document the catalog has is skipped only when its records carry this input's path below its input root (a
    /// renamed or moved input is read again, so its records name it as it is now).
    private func classify(_ file: InputFile, config: PipelineConfig, catalog: Catalog?, stamp: Catalog.Stamp,
                          firstPathOfContent: inout [String: String]) throws -> InputReport? {
        let hash: (hex: String, size: Int)
        do {
            hash = try FileDigest.sha256(ofFile: file.path)
        } catch {
            guard config.shard?.contains(sha256: Hashing.sha256(file.path)) ?? true else { return nil }
            var report = InputReport(path: file.path, status: .rejected)
            report.stage = .input
            report.reason = (error as? FileDigest.Failure)?.reason ?? "cannot be read (\(error))"
            return report
        }
        guard config.shard?.contains(sha256: hash.hex) ?? true else { return nil }
        var report = InputReport(path: file.path, sha256: hash.hex, size: hash.size, status: .ingested)
        if let first = firstPathOfContent[hash.hex] {
            report.status = .duplicate
            report.duplicateOf = first
            return report
        }
        firstPathOfContent[hash.hex] = file.path
        let partition = DocumentPartition(folder: documentsFolder.appendingPathComponent(hash.hex))
        if !config.full, let entry = try catalog?.entry(sha256: hash.hex, stamp: stamp), partition.exists,
           entry.inputPath == file.inputPath {
            report.status = .skipped
            report.apply(entry)
        }
        return report
    }

    private func process(_ plan: inout RunPlan, catalog: Catalog, stamp: Catalog.Stamp, observer: IngestObserver?) {
        guard !plan.jobs.isEmpty else { return }
        let pool = WorkerPool(command: workerCommand(), workers: config.effectiveWorkers, timeLimit: config.timeLimit,
                              recycleAfter: config.recycleAfter, log: workerLog())
        let pending = Dictionary(plan.reports.filter { $0.status == .ingested }.map { ($0.path, $0) }) { first, _ in first }
        let collected = ResultCollector()
        pool.run(plan.jobs) { job, result in
            var result = result
            if result.ok {
                do {
                    try catalog.record(Catalog.Entry(result, size: pending[job.path]?.size ?? 0, inputPath: job.inputPath), stamp: stamp)
                } catch {
                    result = .failure(job, .write, "cannot record the document in the catalog (\(error))")
                }
            }
            collected.add(job, result)
            if let report = pending[job.path] { observer?.settled(report.settled(by: result)) }
        }
        plan.stageTimings = collected.timings
        for index in plan.reports.indices where plan.reports[index].status == .ingested {
            let path = plan.reports[index].path
            let result = collected.results[path] ?? .failure(DocumentJob(path: path, sha256: "", fileName: ""), .worker, "no result from the workers")
            plan.reports[index] = plan.reports[index].settled(by: result)
        }
    }

    /// `piani ingest-worker` with the stage settings.
    func workerCommand() -> WorkerCommand {
        var arguments = ["ingest-worker", "--documents", documentsFolder.path, "--time-limit", String(config.timeLimit)]
        if let labels = config.labels { arguments += ["--labels", labels] }
        if let maxPages = config.maxPages { arguments += ["--max-pages", String(maxPages)] }
        if let window = config.classificationWindow { arguments += ["--classification-window", String(window)] }
        var environment = ["PIANI_PARENT_PID": String(getpid())]
        if let password = config.password { environment["PIANI_PASSWORD"] = password }
        return WorkerCommand(executable: workerExecutable, arguments: arguments, environment: environment)
    }

    /// The workers' standard error (poppler's messages, crash reports), appended to `.piani/workers.log`.
    private func workerLog() -> FileHandle? {
        let descriptor = open(stateFolder.appendingPathComponent("workers.log").path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        return descriptor >= 0 ? FileHandle(fileDescriptor: descriptor, closeOnDealloc: true) : nil
    }

    private func manifestSettings(_ config: PipelineConfig, fingerprint: String) -> Manifest.Settings {
        Manifest.Settings(inputs: config.inputs, output: config.output, formats: config.formats.map(\.rawValue),
                          workers: config.effectiveWorkers, timeLimit: config.timeLimit, labels: config.labels, maxPages: config.maxPages,
                          full: config.full, prune: config.prune, allowEmpty: config.allowEmpty, shard: config.shard?.description,
                          settingsFingerprint: fingerprint)
    }

    private func fill(_ manifest: inout Manifest, plan: RunPlan, documents: [DatasetDocument], removed: [DatasetRemoval],
                      rowCounts: [RecordType: Int], config: PipelineConfig) {
        manifest.inputs = plan.reports.sorted { $0.path < $1.path }
        for report in manifest.inputs {
            manifest.totals.inputs += 1
            switch report.status {
            case .ingested: manifest.totals.ingested += 1
            case .skipped: manifest.totals.skipped += 1
            case .duplicate: manifest.totals.duplicates += 1
            case .rejected: manifest.totals.rejected += 1
            }
        }
        manifest.documents = documents
        manifest.removed = removed
        manifest.totals.documents = documents.count
        manifest.totals.kept = documents.filter { !$0.present }.count
        manifest.totals.removed = removed.count
        for document in documents {
            manifest.totals.pages += document.pages
            manifest.warnings.total += document.warnings
            manifest.warnings.checkFailed += document.checkFailures
            manifest.warnings.ocrNeeded += document.pagesWithoutText?.count ?? 0
        }
        manifest.counts = Dictionary(uniqueKeysWithValues: RecordType.allCases.map { ($0.plural, rowCounts[$0] ?? 0) })
        manifest.outputs = config.formats.flatMap(\.fileNames) + ["rejects.jsonl", RunReport.fileName, "manifest.json"]
        manifest.exitCode = manifest.totals.rejected > 0 ? IngestExitCode.rejects.rawValue : IngestExitCode.success.rawValue
    }
}

/// What `piani ingest --dry-run` found: every input with what would happen to it (`ingested` = would be read),
/// and the documents of the dataset that would be kept without their input, or removed.
public struct DryRun: Sendable {
    public var inputs: [InputReport]
    public var kept: [DatasetDocument]
    public var removed: [DatasetRemoval]

    /// One line per input and per document kept or removed: `ingest PATH`, `skip PATH (already ingested)`, …
    public var lines: [String] {
        var lines: [String] = []
        for input in inputs {
            switch input.status {
            case .ingested: lines.append("ingest  \(input.path)")
            case .skipped: lines.append("skip    \(input.path) (\(input.sha256 == nil ? input.reason ?? "not read" : "already ingested"))")
            case .duplicate: lines.append("skip    \(input.path) (same content as \(input.duplicateOf ?? "another input"))")
            case .rejected: lines.append("reject  \(input.path) (\(input.reason ?? "rejected"))")
            }
        }
        for document in kept { lines.append("keep    \(document.path) (not among the inputs; --prune would remove it)") }
        for removal in removed { lines.append("remove  \(removal.path) (\(removal.reason))") }
        return lines
    }
}

/// The workers' results as they arrive (the pool calls `add` one call at a time).
final class ResultCollector {
    private(set) var results: [String: DocumentResult] = [:]
    private(set) var timings = StageTimings()

    func add(_ job: DocumentJob, _ result: DocumentResult) {
        results[job.path] = result
        timings = timings + result.timings
    }
}

/// The inputs of a run and the documents still to read.
struct RunPlan {
    var reports: [InputReport] = []
    var jobs: [DocumentJob] = []
    var stageTimings = StageTimings()
    /// Inputs whose content falls outside this run's shard.
    var outsideShard: Set<String> = []
}

extension InputReport {
    /// The report once a worker has answered.
    func settled(by result: DocumentResult) -> InputReport {
        var report = self
        report.seconds = result.timings.total
        guard result.ok else {
            report.status = .rejected
            report.stage = result.stage
            report.reason = result.reason
            return report
        }
        report.status = .ingested
        report.pages = result.pages
        report.records = result.counts.values.reduce(0, +)
        report.warnings = result.warnings
        report.checkFailures = result.checkFailures
        report.pagesWithoutText = result.pagesWithoutText.isEmpty ? nil : result.pagesWithoutText
        return report
    }

    mutating func apply(_ entry: Catalog.Entry) {
        pages = entry.pages
        records = entry.counts.values.reduce(0, +)
        warnings = entry.warnings
        checkFailures = entry.checkFailures
        seconds = entry.seconds
        pagesWithoutText = entry.pagesWithoutText.isEmpty ? nil : entry.pagesWithoutText
    }
}

extension Catalog.Entry {
    init(_ result: DocumentResult, size: Int, inputPath: String?) {
        self.init(sha256: result.sha256, path: result.path, size: size, pages: result.pages, counts: result.counts,
                  warnings: result.warnings, checkFailures: result.checkFailures, seconds: result.timings.total,
                  pagesWithoutText: result.pagesWithoutText)
        self.inputPath = inputPath
    }
}
