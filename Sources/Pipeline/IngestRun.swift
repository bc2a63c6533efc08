import Core
import Foundation
import Write

/// One `piani ingest` run over an output folder:
///
/// 1. lock the folder (`.piani/lock`), open the catalog (`.piani/catalog.sqlite`);
/// 2. find the inputs, hash them, keep the shard's slice, drop duplicate contents;
/// 3. skip what the catalog has under the same stamp (unless `full`), hand the rest to the worker processes,
///    record each finished document in the catalog at once;
/// 4. rebuild the top-level files from the partitions of the current inputs (file name, then path order),
///    then write `rejects.jsonl` and `manifest.json` — every file atomically.
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

    /// Runs the batch. Throws `ConfigError` (exit 2), `RunLock.Busy` (exit 4) or another error when the run
    /// itself cannot proceed (exit 1); a bad input never throws, it is rejected.
    public func run(observer: IngestObserver? = nil) throws -> Manifest {
        let started = Date()
        let config = try self.config.validated()
        let settings = DocumentProcessor.Settings(config)
        _ = try DocumentProcessor.normalizer(settings)
        let stamp = Catalog.Stamp(toolVersion: ToolInfo.version, schemaVersion: Schema.version, settings: try fingerprint(settings))
        try createFolders()
        let lock = try RunLock.acquire(output: outputFolder)
        defer { withExtendedLifetime(lock) {} }
        let catalog = try Catalog(path: stateFolder.appendingPathComponent("catalog.sqlite").path)
        let runID = try catalog.beginRun()
        removeStaging()

        var manifest = Manifest(settings: manifestSettings(config, fingerprint: stamp.settings))
        manifest.startedAt = Timestamp.string(started)
        var plan = try survey(config, catalog: catalog, stamp: stamp, observer: observer)
        manifest.timings.hashingSeconds = Date().timeIntervalSince(started)

        let processing = Date()
        process(&plan, catalog: catalog, stamp: stamp, observer: observer)
        manifest.timings.processingSeconds = Date().timeIntervalSince(processing)
        manifest.timings.stages = plan.stageTimings

        let assembling = Date()
        let rowCounts = try OutputAssembler(folder: outputFolder, formats: config.formats).assemble(plan.partitionsInOrder(documentsFolder))
        manifest.timings.assemblingSeconds = Date().timeIntervalSince(assembling)

        fill(&manifest, plan: plan, rowCounts: rowCounts, config: config)
        try AtomicFile.write(outputFolder.appendingPathComponent("rejects.jsonl")) { file in
            for reject in manifest.rejects { try file.write(Manifest.rejectLine(reject)) }
        }
        manifest.finishedAt = Timestamp.now()
        manifest.timings.totalSeconds = Date().timeIntervalSince(started)
        manifest.timings.parentPeakRSSMB = Self.peakRSSMB(RUSAGE_SELF.rawValue)
        manifest.timings.workerPeakRSSMB = Self.peakRSSMB(RUSAGE_CHILDREN.rawValue)
        try AtomicFile.write(outputFolder.appendingPathComponent("manifest.json"), text: try manifest.encoded())
        try catalog.finishRun(runID, inputs: manifest.totals.inputs, ingested: manifest.totals.ingested, skipped: manifest.totals.skipped,
                              rejected: manifest.totals.rejected, exitCode: manifest.exitCode)
        observer?.completed(manifest)
        return manifest
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
            throw ConfigError("\(settings.labels ?? "labels"): cannot be read (\(error.localizedDescription))")
        }
    }

    private func createFolders() throws {
        do {
            try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: documentsFolder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: outputFolder.path, reason: "cannot create the output folder (\(error.localizedDescription))")
        }
    }

    /// Partitions half written by a run that was killed.
    private func removeStaging() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: documentsFolder.path)) ?? []
        for name in names where name.hasPrefix(".tmp-") || name.hasPrefix(".old-") {
            try? FileManager.default.removeItem(at: documentsFolder.appendingPathComponent(name))
        }
    }

    /// Every input with what is known before reading it: missing, hashed, in the shard, a duplicate, skipped.
    private func survey(_ config: PipelineConfig, catalog: Catalog, stamp: Catalog.Stamp, observer: IngestObserver?) throws -> RunPlan {
        let found = InputResolver.resolve(config.inputs)
        for pattern in found.emptyPatterns { observer?.notice("\(pattern): no file matches this pattern") }
        var plan = RunPlan()
        for missing in found.missing where config.shard?.contains(sha256: Hashing.sha256(missing.path)) ?? true {
            var report = InputReport(path: missing.path, status: .rejected)
            report.stage = .input
            report.reason = missing.reason
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
            guard let report else { continue }
            plan.reports.append(report)
            if report.status == .ingested { plan.jobs.append(DocumentJob(path: file.path, sha256: report.sha256!, fileName: file.fileName)) }
        }
        observer?.planned(inputs: plan.reports.count, toIngest: plan.jobs.count)
        for report in plan.reports where report.status != .ingested { observer?.settled(report) }
        return plan
    }

    /// The input's report before processing (status `ingested` = still to be read); nil when outside the shard.
    private func classify(_ file: InputFile, config: PipelineConfig, catalog: Catalog, stamp: Catalog.Stamp,
                          firstPathOfContent: inout [String: String]) throws -> InputReport? {
        let hash: (hex: String, size: Int)
        do {
            hash = try Hashing.sha256(ofFile: file.path)
        } catch {
            guard config.shard?.contains(sha256: Hashing.sha256(file.path)) ?? true else { return nil }
            var report = InputReport(path: file.path, status: .rejected)
            report.stage = .input
            report.reason = "cannot be read (\(error.localizedDescription))"
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
        if !config.full, let entry = try catalog.entry(sha256: hash.hex, stamp: stamp), partition.exists {
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
                    try catalog.record(Catalog.Entry(result, size: pending[job.path]?.size ?? 0), stamp: stamp)
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
        var arguments = ["ingest-worker", "--documents", documentsFolder.path]
        if let labels = config.labels { arguments += ["--labels", labels] }
        if let maxPages = config.maxPages { arguments += ["--max-pages", String(maxPages)] }
        if let window = config.classificationWindow { arguments += ["--classification-window", String(window)] }
        let environment = config.password.map { ["PIANI_PASSWORD": $0] } ?? [:]
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
                          full: config.full, shard: config.shard?.description, settingsFingerprint: fingerprint)
    }

    private func fill(_ manifest: inout Manifest, plan: RunPlan, rowCounts: [RecordType: Int], config: PipelineConfig) {
        manifest.inputs = plan.reports.sorted { $0.path < $1.path }
        for report in manifest.inputs {
            manifest.totals.inputs += 1
            switch report.status {
            case .ingested: manifest.totals.ingested += 1
            case .skipped: manifest.totals.skipped += 1
            case .duplicate: manifest.totals.duplicates += 1
            case .rejected: manifest.totals.rejected += 1
            }
            guard report.status == .ingested || report.status == .skipped else { continue }
            manifest.totals.pages += report.pages ?? 0
            manifest.warnings.total += report.warnings ?? 0
            manifest.warnings.checkFailed += report.checkFailures ?? 0
        }
        manifest.counts = Dictionary(uniqueKeysWithValues: RecordType.allCases.map { ($0.plural, rowCounts[$0] ?? 0) })
        manifest.outputs = RecordType.allCases.flatMap { type in config.formats.map { $0.fileName(of: type) } } + ["rejects.jsonl", "manifest.json"]
        manifest.exitCode = manifest.totals.rejected > 0 ? IngestExitCode.rejects.rawValue : IngestExitCode.success.rawValue
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

    /// The partitions of the documents in the outputs, ordered by file name, then path.
    func partitionsInOrder(_ documents: URL) -> [DocumentPartition] {
        reports.filter { $0.status == .ingested || $0.status == .skipped }
            .sorted { ($0.fileName, $0.path) < ($1.fileName, $1.path) }
            .compactMap { $0.sha256.map { DocumentPartition(folder: documents.appendingPathComponent($0)) } }
    }
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
        return report
    }

    mutating func apply(_ entry: Catalog.Entry) {
        pages = entry.pages
        records = entry.counts.values.reduce(0, +)
        warnings = entry.warnings
        checkFailures = entry.checkFailures
        seconds = entry.seconds
    }
}

extension Catalog.Entry {
    init(_ result: DocumentResult, size: Int) {
        self.init(sha256: result.sha256, path: result.path, size: size, pages: result.pages, counts: result.counts,
                  warnings: result.warnings, checkFailures: result.checkFailures, seconds: result.timings.total)
    }
}
