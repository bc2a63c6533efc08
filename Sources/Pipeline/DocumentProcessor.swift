import Core
import Foundation
import Normalize
import PDF
import Write
import XML

/// Extract → normalize → write of one document, as a worker runs it: reads the PDF, maps it to records and
/// writes its partition (`documents/<sha256>/`). Never throws: a failure is a result naming the stage.
public struct DocumentProcessor {
    public struct Settings: Hashable, Sendable {
        public var labels: String?
        public var password: String?
        public var maxPages: Int?
        public var classificationWindow: Int?

        public init(labels: String? = nil, password: String? = nil, maxPages: Int? = nil, classificationWindow: Int? = nil) {
            self.labels = labels
            self.password = password
            self.maxPages = maxPages
            self.classificationWindow = classificationWindow
        }

        public init(_ config: PipelineConfig) {
            self.init(labels: config.labels, password: config.password, maxPages: config.maxPages,
                      classificationWindow: config.classificationWindow)
        }

        /// A fingerprint of every setting that changes what a document yields (not the password): part of the
        /// catalog stamp. The label override counts by its content.
        public func fingerprint() throws -> String {
            var parts = ["max_pages=\(maxPages.map(String.init) ?? "all")",
                         "classification_window=\(classificationWindow.map(String.init) ?? "default")"]
            if let labels { parts.append("labels=\(try Hashing.sha256(ofFile: labels).hex)") }
            return String(Hashing.sha256(parts.joined(separator: "\n")).prefix(16))
        }
    }

    public let settings: Settings
    public let documents: URL
    private let normalizer: DocumentNormalizer
    /// Called between reading the document and checking it did not change meanwhile (tests change it there).
    var afterReading: ((DocumentJob) -> Void)?

    /// Loads the label dictionary (the built-in one with the override merged over it); a bad override throws
    /// a `ConfigError`.
    public init(settings: Settings, documents: URL) throws {
        self.settings = settings
        self.documents = documents
        normalizer = try Self.normalizer(settings)
    }

    public static func normalizer(_ settings: Settings) throws -> DocumentNormalizer {
        var normalizer: DocumentNormalizer
        do {
            normalizer = try DocumentNormalizer.bundled(labelOverrides: settings.labels)
        } catch let error as LabelOverrideError {
            throw ConfigError(error.description)
        }
        if let window = settings.classificationWindow { normalizer.classificationWindow = window }
        return normalizer
    }

    public func partition(of sha256: String) -> DocumentPartition {
        DocumentPartition(folder: documents.appendingPathComponent(sha256))
    }

    public func process(_ job: DocumentJob) -> DocumentResult {
        var result = DocumentResult(path: job.path, sha256: job.sha256, ok: true)
        var clock = Date()
        func lap() -> Double { let now = Date(); defer { clock = now }; return now.timeIntervalSince(clock) }
        let items: [DocumentItem]
        let format: String
        // The document is filed under the hash the parent computed: the bytes read must be those bytes. The file
        // is hashed again before and after reading it; any change rejects it (the next run reads it anew).
        if let changed = changedContent(job, when: "since it was hashed") { return changed }
        if case .xbrl = DocumentInput.route(job.path) { return processXBRL(job, result: result) }
        do {
            (items, format) = try extract(job, result: &result)
        } catch let error as PDFError {
            return .failure(job, .extract, error.explanation)
        } catch let error as XMLInputError {
            return .failure(job, .extract, error.part.map { "\($0): " + error.explanation } ?? error.explanation)
        } catch let error as RefusedInput {
            return .failure(job, .extract, error.reason)
        } catch let error as NoText {
            return .failure(job, .ocrNeeded, error.reason)
        } catch {
            return .failure(job, .extract, String(describing: error))
        }
        afterReading?(job)
        if let changed = changedContent(job, when: "while it was being read") { return changed }
        result.timings.extract = lap()
        let facts = FileFacts(sha256: job.sha256, fileName: job.fileName, inputPath: job.inputPath, format: format)
        let records = normalizer.normalize(file: facts, items: items).records
        result.timings.normalize = lap()
        do {
            try partition(of: job.sha256).write(records)
        } catch {
            return .failure(job, .write, String(describing: error))
        }
        result.timings.write = lap()
        Self.count(records, into: &result)
        return result
    }

    /// An XBRL instance, streamed: a first pass reads its contexts and units, the second maps each fact as it is
    /// read and writes its records straight into the partition, so memory does not grow with the facts. The
    /// reading, mapping and writing of the second pass are one loop: its time is counted as `normalize`.
    private func processXBRL(_ job: DocumentJob, result: DocumentResult) -> DocumentResult {
        var result = result
        var clock = Date()
        func lap() -> Double { let now = Date(); defer { clock = now }; return now.timeIntervalSince(clock) }
        let reader = XBRLReader()
        let header: XBRLInstance
        do {
            header = try reader.header(path: job.path)
        } catch let error as XMLInputError {
            return .failure(job, .extract, error.explanation)
        } catch {
            return .failure(job, .extract, String(describing: error))
        }
        result.timings.extract = lap()
        let facts = FileFacts(sha256: job.sha256, fileName: job.fileName, inputPath: job.inputPath, format: "xbrl")
        let mapper = normalizer.xbrl.mapper(file: facts, header: header)
        let partition = partition(of: job.sha256)
        var counted = DocumentResult(path: job.path, sha256: job.sha256, ok: true)
        do {
            try partition.write(streaming: { emit in
                _ = try reader.read(path: job.path) { fact in
                    let records = mapper.records(for: fact)
                    Self.count(records, into: &counted)
                    for record in records { try emit(record) }
                }
            })
        } catch let error as XMLInputError {
            return .failure(job, .extract, error.explanation)
        } catch {
            return .failure(job, .write, String(describing: error))
        }
        result.timings.normalize = lap()
        afterReading?(job)
        if let changed = changedContent(job, when: "while it was being read") {
            try? FileManager.default.removeItem(at: partition.folder)
            return changed
        }
        result.counts = counted.counts
        result.warnings = counted.warnings
        result.checkFailures = counted.checkFailures
        return result
    }

    /// A failure result when the file's content is no longer the job's (nil when it is).
    private func changedContent(_ job: DocumentJob, when: String) -> DocumentResult? {
        do {
            let now = try FileDigest.sha256(ofFile: job.path)
            guard now.hex != job.sha256 else { return nil }
            return .failure(job, .input, "the file changed \(when) (sha256 \(job.sha256.prefix(12))… is now \(now.hex.prefix(12))…); "
                            + "not ingested: the next run reads it as it is then")
        } catch let error as FileDigest.Failure {
            return .failure(job, .input, "\(error.reason) (\(when))")
        } catch {
            return .failure(job, .input, "cannot be read (\(error))")
        }
    }

    /// The document's items in reading order and its format name (pdf, docx, odt, html); sets the page count and
    /// the pages without a text layer. A PDF with no page that can be read, or whose every page is an image with
    /// no text, throws.
    private func extract(_ job: DocumentJob, result: inout DocumentResult) throws -> ([DocumentItem], String) {
        switch DocumentInput.route(job.path) {
        case .pdf:
            let pdf = try PDFFile(path: job.path, password: settings.password)
            guard pdf.pageCount > 0 else { throw PDFError(path: job.path, reason: .damaged("no page can be read: its page tree is empty or lists pages that are not there")) }
            let selected = settings.maxPages.map { Array(1...min($0, pdf.pageCount)) }
            let content = try pdf.content(pages: selected)
            guard content.pagesRead > 0 else { throw PDFError(path: job.path, reason: .damaged("no page could be read")) }
            result.pages = content.pagesRead
            result.pagesWithoutText = content.pagesWithoutText
            if content.pagesWithoutText.count == content.pagesRead {
                throw NoText(reason: "every page is an image without a text layer (\(Self.pageList(content.pagesWithoutText))): OCR needed")
            }
            let format = (job.fileName as NSString).pathExtension.lowercased()
            return (DocumentItem.readingOrder(blocks: content.blocks, tables: content.tables), format.isEmpty ? "pdf" : format)
        case .markup(let format):
            let content = try MarkupDocument.content(path: job.path, format: format)
            let selected = settings.maxPages.map { Set(1...max(1, $0)) }
            result.pages = selected.map { min($0.count, content.pageCount) } ?? content.pageCount
            return (content.documentItems(pages: selected), format.name)
        case .xbrl:
            preconditionFailure("XBRL instances are read by processXBRL, not into items")
        case .refused(let reason):
            throw RefusedInput(reason: reason)
        }
    }

    /// "page 3" or "pages 1-4, 7".
    static func pageList(_ pages: [Int]) -> String {
        var ranges: [String] = []
        var index = 0
        while index < pages.count {
            var end = index
            while end + 1 < pages.count && pages[end + 1] == pages[end] + 1 { end += 1 }
            ranges.append(end == index ? "\(pages[index])" : "\(pages[index])-\(pages[end])")
            index = end + 1
        }
        return (pages.count == 1 ? "page " : "pages ") + ranges.joined(separator: ", ")
    }

    static func count(_ records: [Record], into result: inout DocumentResult) {
        for record in records {
            result.counts[record.type.rawValue, default: 0] += 1
            result.warnings += record.warnings.count
            result.checkFailures += record.warnings.filter(\.isCheckFailure).count
        }
    }
}

/// A document whose pages are all images without text.
struct NoText: Error {
    var reason: String
}

/// An input the sniffer refused (not a format piani reads).
struct RefusedInput: Error {
    var reason: String
}

/// The worker's loop (`piani ingest-worker`): one job per line in, one result per line out, until end of input.
public enum WorkerLoop {
    public static func run(_ processor: DocumentProcessor, guard workerGuard: WorkerGuard? = nil) {
        workerGuard?.install()
        let decoder = JSONDecoder()
        let encoder = JSONEncoder.sorted
        while let line = readLine(strippingNewline: true) {
            guard !line.isEmpty else { continue }
            let result: DocumentResult
            if let job = try? decoder.decode(DocumentJob.self, from: Data(line.utf8)) {
                workerGuard?.documentStarted()
                result = processor.process(job)
                workerGuard?.documentFinished()
            } else {
                result = DocumentResult(path: line, sha256: "", ok: false, stage: .input, reason: "the worker received a malformed job")
            }
            var data = (try? encoder.encode(result)) ?? Data()
            data.append(10)
            FileHandle.standardOutput.write(data)
        }
    }
}
