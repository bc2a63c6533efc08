import Core
import Foundation

/// What happened to one input in a run.
public enum InputStatus: String, Codable, Sendable {
    /// Read this run; its partition was (re)written.
    case ingested
    /// Already in the catalog under the same tool version, schema version and settings: its partition was reused.
    /// Also a file of an input folder that is not a format piani reads: then `reason` says what it is (and there
    /// is no sha256).
    case skipped
    /// Same content as an earlier input of the run (same SHA-256): its records are that input's.
    case duplicate
    /// Could not be ingested: see `stage` and `reason`, and rejects.jsonl.
    case rejected
}

/// One input's line in the manifest.
public struct InputReport: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String?
    public var size: Int?
    public var status: InputStatus
    public var pages: Int?
    public var records: Int?
    public var warnings: Int?
    public var checkFailures: Int?
    public var seconds: Double?
    public var stage: FailureStage?
    public var reason: String?
    public var duplicateOf: String?
    /// Pages with images and no text layer: each is a warning "page N: no text layer: OCR needed".
    public var pagesWithoutText: [Int]? {
        didSet { pageWarnings = pagesWithoutText.map { $0.map { "page \($0): no text layer: OCR needed" } } }
    }
    /// One warning per page without text: "page N: no text layer: OCR needed".
    public private(set) var pageWarnings: [String]?

    public init(path: String, sha256: String? = nil, size: Int? = nil, status: InputStatus) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.status = status
    }

    public var fileName: String { (path as NSString).lastPathComponent }

    enum CodingKeys: String, CodingKey {
        case path, sha256, size, status, pages, records, warnings, seconds, stage, reason
        case checkFailures = "check_failures"
        case duplicateOf = "duplicate_of"
        case pagesWithoutText = "pages_without_text"
        case pageWarnings = "page_warnings"
    }
}

/// `manifest.json`: the run's inputs, counts, warnings, versions and timings.
public struct Manifest: Codable, Sendable {
    public struct Tool: Codable, Sendable {
        public var name = ToolInfo.name
        public var version = ToolInfo.version
    }

    public struct Settings: Codable, Sendable {
        public var inputs: [String]
        public var output: String
        public var formats: [String]
        public var workers: Int
        public var timeLimit: Double
        public var labels: String?
        public var maxPages: Int?
        public var full: Bool
        public var prune: Bool
        public var allowEmpty: Bool
        public var shard: String?
        public var settingsFingerprint: String

        enum CodingKeys: String, CodingKey {
            case inputs, output, formats, workers, labels, full, shard, prune
            case allowEmpty = "allow_empty"
            case timeLimit = "time_limit_seconds"
            case maxPages = "max_pages"
            case settingsFingerprint = "settings_fingerprint"
        }
    }

    public struct Totals: Codable, Sendable {
        public var inputs = 0
        public var ingested = 0
        public var skipped = 0
        public var duplicates = 0
        public var rejected = 0
        /// Documents in the dataset (the top-level files): this run's and those kept from earlier runs.
        public var documents = 0
        /// Documents of the dataset whose inputs were not among this run's (kept; `--prune` removes them).
        public var kept = 0
        /// Documents removed from the dataset by this run (`removed`).
        public var removed = 0
        /// Pages of the documents in the dataset.
        public var pages = 0
    }

    public struct Warnings: Codable, Sendable {
        /// Every warning of every record in the outputs.
        public var total = 0
        /// Validation failures: warnings whose message starts with "check failed".
        public var checkFailed = 0
        /// Pages of the dataset's documents with images and no text layer ("page N: no text layer: OCR needed").
        public var ocrNeeded = 0

        enum CodingKeys: String, CodingKey {
            case total
            case checkFailed = "check_failed"
            case ocrNeeded = "ocr_needed"
        }
    }

    public struct Timings: Codable, Sendable {
        public var totalSeconds = 0.0
        /// Reading every input for its SHA-256.
        public var hashingSeconds = 0.0
        /// Wall time of the workers' phase.
        public var processingSeconds = 0.0
        /// Concatenating the partitions into the top-level files.
        public var assemblingSeconds = 0.0
        /// Per-stage seconds added up over the documents ingested this run (all workers).
        public var stages = StageTimings()
        /// Peak resident memory of the parent process, and of the largest worker, in MiB.
        public var parentPeakRSSMB = 0.0
        public var workerPeakRSSMB = 0.0

        enum CodingKeys: String, CodingKey {
            case stages
            case parentPeakRSSMB = "parent_peak_rss_mb"
            case workerPeakRSSMB = "worker_peak_rss_mb"
            case totalSeconds = "total_seconds"
            case hashingSeconds = "hashing_seconds"
            case processingSeconds = "processing_seconds"
            case assemblingSeconds = "assembling_seconds"
        }
    }

    public var tool = Tool()
    public var schemaVersion = Schema.version
    public var startedAt = ""
    public var finishedAt = ""
    public var exitCode: Int32 = 0
    public var settings: Settings
    public var totals = Totals()
    /// Rows per output file stem (objectives, indicators, …) over the run's outputs.
    public var counts: [String: Int] = [:]
    public var warnings = Warnings()
    public var timings = Timings()
    public var inputs: [InputReport] = []
    /// The dataset the top-level files hold, by file name then path.
    public var documents: [DatasetDocument] = []
    /// Documents this run took out of the dataset, with the reason.
    public var removed: [DatasetRemoval] = []
    /// The generation folder (`.generation-N`) these files were published in.
    public var generation = 0
    public var outputs: [String] = []

    enum CodingKeys: String, CodingKey {
        case tool, settings, totals, counts, warnings, timings, inputs, documents, removed, generation, outputs
        case schemaVersion = "schema_version"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case exitCode = "exit_code"
    }

    public var rejects: [InputReport] { inputs.filter { $0.status == .rejected } }

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// One rejects.jsonl line: file, stage, reason (and the SHA-256 when known).
    public static func rejectLine(_ input: InputReport) -> String {
        var pairs: [(String, JSONValue)] = [("file", .string(input.path))]
        if let sha256 = input.sha256 { pairs.append(("sha256", .string(sha256))) }
        pairs.append(("stage", .string(input.stage?.rawValue ?? FailureStage.input.rawValue)))
        pairs.append(("reason", .string(input.reason ?? "rejected")))
        return JSONValue.object(pairs).serialized + "\n"
    }
}
