import Foundation
import Core
import Write

/// One document of the output folder's dataset: the input path it was last seen at, its content and what it
/// yielded. The dataset accumulates: a run adds the documents it ingests, replaces a document whose path now
/// holds other content, renames one whose content turns up at another path, and keeps the documents whose
/// inputs it was not given (`present` false) until `--prune` removes them.
public struct DatasetDocument: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String
    public var pages: Int
    public var records: Int
    public var warnings: Int
    public var checkFailures: Int
    /// Pages with images and no text layer (OCR needed).
    public var pagesWithoutText: [Int]?
    /// Among this run's inputs (false: kept from an earlier run).
    public var present: Bool
    /// Why an earlier version is kept although the path was among the inputs (its new content was rejected).
    public var note: String?

    public init(path: String, sha256: String, pages: Int, records: Int, warnings: Int, checkFailures: Int,
                pagesWithoutText: [Int]? = nil, present: Bool, note: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.pages = pages
        self.records = records
        self.warnings = warnings
        self.checkFailures = checkFailures
        self.pagesWithoutText = pagesWithoutText
        self.present = present
        self.note = note
    }

    public var fileName: String { (path as NSString).lastPathComponent }

    enum CodingKeys: String, CodingKey {
        case path, sha256, pages, records, warnings, present, note
        case checkFailures = "check_failures"
        case pagesWithoutText = "pages_without_text"
    }
}

/// A document that leaves the dataset this run, and why.
public struct DatasetRemoval: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String
    public var reason: String
}

/// The dataset as the last completed run published it, and the dataset a run leaves.
public enum Dataset {
    /// The published dataset: the `documents` of `current/manifest.json`; for an output folder written before
    /// generations (a plain `manifest.json`), its inputs that were ingested or skipped. Empty when nothing was
    /// published. A manifest that exists but cannot be read stops the run (exit 1) rather than dropping documents.
    public static func published(in output: URL) throws -> [DatasetDocument] {
        let generations = Generations(folder: output)
        let manifest: URL
        if let current = generations.currentFolder {
            manifest = current.appendingPathComponent("manifest.json")
        } else {
            manifest = output.appendingPathComponent("manifest.json")
            guard FileManager.default.fileExists(atPath: manifest.path) else { return [] }
        }
        let object: [String: Any]
        do {
            let data = try Data(contentsOf: manifest)
            object = try (JSONSerialization.jsonObject(with: data) as? [String: Any]).orThrow()
        } catch {
            throw WriteError(path: manifest.path, reason: "the published manifest cannot be read (\(ErrorText.reason(error))); "
                             + "nothing was changed, so no ingested document is lost: repair or remove it")
        }
        if let documents = object["documents"] {
            let data = try JSONSerialization.data(withJSONObject: documents)
            return try JSONDecoder().decode([DatasetDocument].self, from: data)
        }
        // The layout before generations: the inputs of the last run that were in its outputs.
        let inputs = object["inputs"] as? [[String: Any]] ?? []
        return inputs.compactMap { input in
            guard let status = input["status"] as? String, status == "ingested" || status == "skipped",
                  let path = input["path"] as? String, let sha256 = input["sha256"] as? String else { return nil }
            return DatasetDocument(path: path, sha256: sha256, pages: input["pages"] as? Int ?? 0, records: input["records"] as? Int ?? 0,
                                   warnings: input["warnings"] as? Int ?? 0, checkFailures: input["check_failures"] as? Int ?? 0,
                                   present: false)
        }
    }

    /// The dataset after a run: this run's documents (ingested or skipped inputs), then each earlier document
    /// that is not replaced (same path, now other content, or same content now at another path): kept with
    /// `present` false, or removed when `prune`. A path among the inputs whose new content was rejected keeps its
    /// earlier version (with a note). A path whose content now falls in another shard leaves this shard.
    static func next(previous: [DatasetDocument], plan: RunPlan, prune: Bool) -> (documents: [DatasetDocument], removed: [DatasetRemoval]) {
        var documents: [DatasetDocument] = []
        for report in plan.reports where (report.status == .ingested || report.status == .skipped) && report.sha256 != nil {
            documents.append(DatasetDocument(path: report.path, sha256: report.sha256!, pages: report.pages ?? 0, records: report.records ?? 0,
                                             warnings: report.warnings ?? 0, checkFailures: report.checkFailures ?? 0,
                                             pagesWithoutText: report.pagesWithoutText, present: true))
        }
        let statusByPath = Dictionary(plan.reports.map { ($0.path, $0) }) { first, _ in first }
        var shas = Set(documents.map(\.sha256))
        var paths = Set(documents.map(\.path))
        var removed: [DatasetRemoval] = []
        for old in previous {
            if shas.contains(old.sha256) || paths.contains(old.path) { continue }  // the same document, present now
            if let report = statusByPath[old.path] {
                // Rejected, or now a file piani does not read: the last good version stays until fixed or pruned.
                if report.status == .rejected || (report.status == .skipped && report.sha256 == nil) {
                    var kept = old
                    kept.present = true
                    let what = report.status == .rejected ? "rejected" : "not read"
                    kept.note = "this run's content was \(what) (\(report.reason ?? what)); the last good version is kept"
                    documents.append(kept)
                    shas.insert(old.sha256)
                    paths.insert(old.path)
                    continue
                }
                // A duplicate of another input: its content is that input's document.
                if report.status == .duplicate { continue }
            }
            if plan.outsideShard.contains(old.path) {
                removed.append(DatasetRemoval(path: old.path, sha256: old.sha256, reason: "its content now belongs to another shard"))
                continue
            }
            if prune {
                removed.append(DatasetRemoval(path: old.path, sha256: old.sha256, reason: "not among the inputs; --prune"))
                continue
            }
            var kept = old
            kept.present = false
            kept.note = nil
            documents.append(kept)
            shas.insert(old.sha256)
            paths.insert(old.path)
        }
        return (documents.sorted { ($0.fileName, $0.path) < ($1.fileName, $1.path) }, removed)
    }
}

extension Optional {
    func orThrow() throws -> Wrapped {
        guard let self else { throw CocoaError(.fileReadCorruptFile) }
        return self
    }
}
