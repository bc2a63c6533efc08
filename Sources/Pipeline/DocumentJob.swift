import Core
import Foundation

/// One document handed to a worker: a JSON line on the worker's standard input.
public struct DocumentJob: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String
    public var fileName: String
    /// The records' `document.input_path` (see `InputFile.inputPath`).
    public var inputPath: String?

    public init(path: String, sha256: String, fileName: String, inputPath: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.fileName = fileName
        self.inputPath = inputPath
    }

    enum CodingKeys: String, CodingKey {
        case path, sha256
        case fileName = "file_name"
        case inputPath = "input_path"
    }
}

/// The stage a document failed in (written to rejects.jsonl).
public enum FailureStage: String, Codable, Sendable {
    /// The file could not be found or read.
    case input
    /// The PDF could not be opened or read (not a PDF, encrypted, damaged).
    case extract
    case normalize
    /// The document's partition could not be written.
    case write
    /// The worker process died while reading the document (a crash in the C libraries).
    case worker
    /// The document took longer than the time limit; its worker was killed.
    case timeout
    /// Every page is an image without a text layer: the document needs OCR, which piani does not do.
    case ocrNeeded = "ocr-needed"
}

/// What a worker answers for one document: a JSON line on its standard output. On success the document's
/// partition is in place; on failure `stage` and `reason` say why.
public struct DocumentResult: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String
    public var ok: Bool
    public var stage: FailureStage?
    public var reason: String?
    public var pages = 0
    /// Rows per record type (raw type name).
    public var counts: [String: Int] = [:]
    public var warnings = 0
    /// Warnings whose message starts with "check failed" (validation failures marked by the normalizer).
    public var checkFailures = 0
    /// Pages with images and no text layer.
    public var pagesWithoutText: [Int] = []
    public var timings = StageTimings()

    public init(path: String, sha256: String, ok: Bool, stage: FailureStage? = nil, reason: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.ok = ok
        self.stage = stage
        self.reason = reason
    }

    public static func failure(_ job: DocumentJob, _ stage: FailureStage, _ reason: String) -> DocumentResult {
        DocumentResult(path: job.path, sha256: job.sha256, ok: false, stage: stage, reason: reason)
    }

    enum CodingKeys: String, CodingKey {
        case path, sha256, ok, stage, reason, pages, counts, warnings, timings
        case checkFailures = "check_failures"
        case pagesWithoutText = "pages_without_text"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        sha256 = try container.decode(String.self, forKey: .sha256)
        ok = try container.decode(Bool.self, forKey: .ok)
        stage = try container.decodeIfPresent(FailureStage.self, forKey: .stage)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        pages = try container.decodeIfPresent(Int.self, forKey: .pages) ?? 0
        counts = try container.decodeIfPresent([String: Int].self, forKey: .counts) ?? [:]
        warnings = try container.decodeIfPresent(Int.self, forKey: .warnings) ?? 0
        checkFailures = try container.decodeIfPresent(Int.self, forKey: .checkFailures) ?? 0
        pagesWithoutText = try container.decodeIfPresent([Int].self, forKey: .pagesWithoutText) ?? []
        timings = try container.decodeIfPresent(StageTimings.self, forKey: .timings) ?? StageTimings()
    }
}

/// Seconds spent per stage.
public struct StageTimings: Codable, Hashable, Sendable {
    public var extract: Double = 0
    public var normalize: Double = 0
    public var write: Double = 0

    public init() {}

    public var total: Double { extract + normalize + write }

    public static func + (a: StageTimings, b: StageTimings) -> StageTimings {
        var sum = StageTimings()
        sum.extract = a.extract + b.extract
        sum.normalize = a.normalize + b.normalize
        sum.write = a.write + b.write
        return sum
    }
}
