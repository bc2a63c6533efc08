import Foundation
import Logging

/// What a run shows on standard error: a progress bar with ETA on a terminal, structured log lines (swift-log)
/// otherwise, nothing but rejected inputs with `quiet`. Each rejected input is one line `piani: FILE: reason`
/// in every mode (so log mode logs only the other inputs); a summary line ends the run unless quiet.
public final class ConsoleReporter: IngestObserver {
    public enum Mode: Sendable {
        case progressBar, log, quiet
    }

    public let mode: Mode
    private let logger: Logger
    private var total = 0
    private var toIngest = 0
    private var settledCount = 0
    private var ingestedCount = 0
    private var started = Date()
    private var lastDraw = Date.distantPast
    private var barShown = false

    public init(mode: Mode, logger: Logger = Logger(label: "piani.ingest")) {
        self.mode = mode
        self.logger = logger
    }

    /// Log lines to standard error (swift-log's stream handler); once per process.
    public static func bootstrapLogging() {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    }

    /// A bar on a terminal, logs otherwise; quiet wins.
    public static func automatic(quiet: Bool) -> ConsoleReporter {
        ConsoleReporter(mode: quiet ? .quiet : (isatty(STDERR_FILENO) == 1 ? .progressBar : .log))
    }

    public func planned(inputs: Int, toIngest: Int) {
        total = inputs
        self.toIngest = toIngest
        started = Date()
        if mode == .log { logger.info("planned", metadata: ["inputs": "\(inputs)", "to_ingest": "\(toIngest)"]) }
    }

    public func settled(_ input: InputReport) {
        settledCount += 1
        if input.status == .ingested || (input.status == .rejected && input.sha256 != nil) { ingestedCount += 1 }
        if input.status == .rejected {
            clearBar()
            Self.printError("\(input.path): \(input.reason ?? "rejected")")
        }
        if mode != .quiet, input.status == .ingested, let warnings = input.pageWarnings {
            clearBar()
            for warning in warnings { Self.printError("\(input.path): \(warning)") }
        }
        switch mode {
        case .progressBar: drawBar(force: settledCount == total)
        case .log: if input.status != .rejected { log(input) }
        case .quiet: break
        }
    }

    public func notice(_ text: String) {
        guard mode != .quiet else { return }
        clearBar()
        Self.printError(text)
    }

    /// Printed in every mode, quiet included: a document leaving the dataset is never silent.
    public func removed(_ removal: DatasetRemoval) {
        clearBar()
        Self.printError("removed from the dataset: \(removal.path) (\(removal.reason))")
    }

    public func completed(_ manifest: Manifest) {
        guard mode != .quiet else { return }
        clearBar()
        Self.printError(Self.summary(manifest))
    }

    /// One line: inputs by status, rows per type, warnings, time, output folder.
    public static func summary(_ manifest: Manifest) -> String {
        let totals = manifest.totals
        let rows = manifest.counts.values.reduce(0, +)
        let perType = manifest.counts.sorted { $0.key < $1.key }.filter { $0.value > 0 }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var line = "\(totals.inputs) inputs: \(totals.ingested) ingested, \(totals.skipped) skipped, \(totals.rejected) rejected"
        if totals.duplicates > 0 { line += ", \(totals.duplicates) duplicates" }
        line += "; dataset \(totals.documents) documents"
        if totals.kept > 0 { line += " (\(totals.kept) kept from earlier runs)" }
        if totals.removed > 0 { line += ", \(totals.removed) removed" }
        line += "; \(rows) records" + (perType.isEmpty ? "" : " (\(perType))")
        line += "; \(manifest.warnings.total) warnings, \(manifest.warnings.checkFailed) failed checks"
        if manifest.warnings.ocrNeeded > 0 { line += ", \(manifest.warnings.ocrNeeded) pages without text (OCR needed)" }
        line += String(format: "; %.1f s → %@", manifest.timings.totalSeconds, manifest.settings.output)
        return line
    }

    private func log(_ input: InputReport) {
        var metadata: Logger.Metadata = ["file": "\(input.path)", "status": "\(input.status.rawValue)"]
        if let sha256 = input.sha256 { metadata["sha256"] = "\(sha256.prefix(12))" }
        if let pages = input.pages { metadata["pages"] = "\(pages)" }
        if let records = input.records { metadata["records"] = "\(records)" }
        if let seconds = input.seconds { metadata["seconds"] = "\(String(format: "%.2f", seconds))" }
        logger.log(level: input.status == .skipped ? .debug : .info, "\(input.status.rawValue)", metadata: metadata)
    }

    private func drawBar(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let fraction = total > 0 ? Double(settledCount) / Double(total) : 1
        let width = 30
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(ingestedCount) / elapsed : 0
        let remaining = max(0, toIngest - ingestedCount)
        let eta = rate > 0 ? Self.duration(Double(remaining) / rate) : "--"
        let text = String(format: "[%@] %d/%d %3.0f%%  %.1f docs/s  ETA %@", bar, settledCount, total, fraction * 100, rate, eta)
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        barShown = true
    }

    private func clearBar() {
        guard barShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        barShown = false
        lastDraw = .distantPast
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? "\(total / 3600)h\(total % 3600 / 60)m" : total >= 60 ? "\(total / 60)m\(total % 60)s" : "\(total)s"
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(("piani: " + text + "\n").utf8))
    }
}
