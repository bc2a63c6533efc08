import Core
import Foundation
import Write

/// `report.html`: the run and the dataset for a person to look at — totals, one row per document (pages,
/// records by type, warnings, failed checks, time), the rejects with their reasons, the failed arithmetic checks
/// with the amounts involved, and each document's warnings with links to their pages. One self-contained file
/// (inline CSS, no network, no external script), written into the run's generation folder with the other
/// published files, so it switches with them.
public struct RunReport {
    /// One warning of a record (or of a page: "no text layer"), where it was found.
    public struct Warning: Sendable, Equatable {
        public var page: Int?
        /// The record's type (`budget_line`), nil for a page's warning.
        public var recordType: String?
        public var recordID: String?
        /// What names the record for a person: its code and title, description or name.
        public var label: String?
        public var field: String
        public var message: String
        /// The record's amounts (`amounts.committed` …) from the digits its JSON writes, as Italian listings write
        /// euros (`1.234.567,89`), for failed checks.
        public var amounts: [(name: String, value: String)] = []

        public var isCheckFailure: Bool { message.hasPrefix(FieldWarning.checkFailedPrefix) }

        public static func == (lhs: Warning, rhs: Warning) -> Bool {
            lhs.page == rhs.page && lhs.recordType == rhs.recordType && lhs.recordID == rhs.recordID && lhs.label == rhs.label
                && lhs.field == rhs.field && lhs.message == rhs.message && lhs.amounts.map { [$0.name, $0.value] } == rhs.amounts.map { [$0.name, $0.value] }
        }
    }

    /// One document of the dataset with what its partition holds.
    public struct DocumentDetail: Sendable {
        public var document: DatasetDocument
        /// Records per type, from the partition.
        public var counts: [RecordType: Int] = [:]
        /// The classification the records carry (`document.ente`, `document.doc_type`).
        public var ente: String?
        public var docType: String?
        /// Warnings in document order, at most `warningLimit`; `omittedWarnings` more were not listed.
        public var warnings: [Warning] = []
        public var omittedWarnings = 0
        /// Seconds its reading took (this run's, or the run that read it, for a document skipped); nil when unknown.
        public var seconds: Double?
        /// This run's status of its input (ingested, skipped), nil for a document kept without its input.
        public var status: InputStatus?
        /// The href of its input file from the output folder (relative), nil when the file is not where the path says.
        public var href: String?
        public var isPDF: Bool { (document.path as NSString).pathExtension.lowercased() == "pdf" }

        public init(document: DatasetDocument) { self.document = document }
    }

    public var manifest: Manifest
    public var documents: [DocumentDetail]
    /// The output folder's name, for the script that fixes the links when the report is opened through
    /// `current/` or `.generation-N/` (one folder deeper than `OUT/report.html`).
    public var outputName: String

    public static let fileName = "report.html"
    /// Warnings listed per document (the count is always whole).
    public static let warningLimit = 2000

    public init(manifest: Manifest, documents: [DocumentDetail], outputName: String) {
        self.manifest = manifest
        self.documents = documents
        self.outputName = outputName
    }

    /// The report of `manifest`'s dataset, reading each document's partition in `documentsFolder`. Input paths
    /// are resolved from `workingDirectory` and linked relative to `outputFolder`.
    public static func collect(manifest: Manifest, documentsFolder: URL, outputFolder: URL,
                               workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws -> RunReport {
        let inputs = Dictionary(manifest.inputs.map { ($0.path, $0) }) { first, _ in first }
        let output = outputFolder.standardizedFileURL
        var details: [DocumentDetail] = []
        for document in manifest.documents {
            var detail = DocumentDetail(document: document)
            let input = inputs[document.path].flatMap { $0.sha256 == document.sha256 ? $0 : nil }
            detail.status = input?.status
            detail.seconds = input?.seconds
            let file = (document.path.hasPrefix("/") ? URL(fileURLWithPath: document.path)
                : workingDirectory.appendingPathComponent(document.path)).standardizedFileURL
            if FileManager.default.fileExists(atPath: file.path) { detail.href = relativeHref(from: output, to: file) }
            try read(DocumentPartition(folder: documentsFolder.appendingPathComponent(document.sha256)), into: &detail)
            details.append(detail)
        }
        return RunReport(manifest: manifest, documents: details, outputName: output.lastPathComponent)
    }

    /// Counts, classification and warnings from a partition's JSONL files. A line whose warnings are `[]` (most)
    /// is counted without being parsed.
    static func read(_ partition: DocumentPartition, into detail: inout DocumentDetail) throws {
        var found: [Warning] = []
        for type in RecordType.allCases {
            let file = partition.file(type, .jsonl)
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw WriteError(path: file.path, reason: "cannot be read for the report (\(ErrorText.reason(error)))")
            }
            var count = 0
            for line in lines(of: text) {
                count += 1
                let needsClassification = detail.docType == nil
                guard needsClassification || !line.hasSuffix("\"warnings\":[]}") else { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
                if needsClassification, let info = object["document"] as? [String: Any] {
                    detail.ente = info["ente"] as? String
                    detail.docType = info["doc_type"] as? String
                }
                found += warnings(of: object, line: line, type: type)
            }
            detail.counts[type] = count
        }
        for page in detail.document.pagesWithoutText ?? [] {
            found.append(Warning(page: page, field: "page", message: "no text layer: OCR needed"))
        }
        found.sort { ($0.page ?? .max) < ($1.page ?? .max) }
        detail.warnings = Array(found.prefix(warningLimit))
        detail.omittedWarnings = max(0, found.count - warningLimit)
    }

    /// The non-empty lines of a JSONL file. Text without CR is split at its LF bytes: there each "\n" byte is a
    /// character of its own (only CR joins LF into one), so this is the split by characters, without reading
    /// every character.
    static func lines(of text: String) -> [Substring] {
        guard !text.utf8.contains(13) else { return text.split(separator: "\n", omittingEmptySubsequences: true) }
        return text.utf8.split(separator: 10, omittingEmptySubsequences: true).map { Substring($0) }
    }

    /// A record's warnings (`"field: message"` strings) with where the record is and what names it; `line` is the
    /// record's JSON text, read again for the amounts of a failed check.
    static func warnings(of record: [String: Any], line: Substring, type: RecordType) -> [Warning] {
        guard let texts = record["warnings"] as? [String], !texts.isEmpty else { return [] }
        let source = record["source"] as? [String: Any]
        let page = source?["page"] as? Int
        let label = Self.label(of: record)
        var warnings = texts.map { text in
            let (field, message) = split(text)
            return Warning(page: page, recordType: type.rawValue, recordID: record["record_id"] as? String, label: label,
                           field: field, message: message)
        }
        if warnings.contains(where: \.isCheckFailure) {
            let amounts = exactAmounts(line, type: type)
            for index in warnings.indices where warnings[index].isCheckFailure { warnings[index].amounts = amounts }
        }
        return warnings
    }

    /// The `amounts` of a record's JSON line in schema order, each written from its digits (`italianAmount`). The
    /// line is decoded again for them because JSONSerialization reads a number as a binary `Double`, which rounds
    /// from the 16th digit on (`999999999999999.99` would show as `1000000000000000.00`); JSONDecoder gives
    /// `Decimal`, and so `ExactDecimal`, the digits as written.
    static func exactAmounts(_ line: Substring, type: RecordType) -> [(name: String, value: String)] {
        guard let object = (try? JSONDecoder().decode(AmountsOfRecord.self, from: Data(line.utf8)))?.amounts else { return [] }
        return amountNames(type, Set(object.keys)).compactMap { key in
            object[key].flatMap { $0 }.map { (name: "amounts.\(key)", value: $0.text) }
        }
    }

    /// The one field of a record's JSON the amounts are read from.
    struct AmountsOfRecord: Decodable {
        var amounts: [String: Amount?]?
    }

    /// An amount of a record's JSON: an exact decimal (what the schema writes), or a text shown as it is.
    enum Amount: Decodable {
        case number(ExactDecimal)
        case text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .number(try container.decode(ExactDecimal.self))
            }
        }

        var text: String {
            switch self {
            case .number(let value): return value.italianAmount
            case .text(let text): return text
            }
        }
    }

    /// `field: message` → (field, message); a text without a field is all message.
    static func split(_ text: String) -> (String, String) {
        guard let range = text.range(of: ": ") else { return ("", text) }
        let field = String(text[..<range.lowerBound])
        guard !field.isEmpty, !field.contains(" ") else { return ("", text) }
        return (field, String(text[range.upperBound...]))
    }

    /// Code and title (or name, description…) of a record, cut to a readable length.
    static func label(of record: [String: Any]) -> String? {
        let code = ["code", "chart_code", "title_code"].lazy.compactMap { record[$0] as? String }.first { !$0.isEmpty }
        let text = ["title", "name", "description", "person_name", "risk_event", "process", "role", "area"].lazy
            .compactMap { record[$0] as? String }.first { !$0.isEmpty }
        let joined = [code, text.map { $0.count > 120 ? String($0.prefix(119)) + "…" : $0 }].compactMap { $0 }.joined(separator: " — ")
        return joined.isEmpty ? nil : joined
    }

    /// The keys of an `amounts` object in schema order (initial forecast, current forecast, committed, …), then
    /// any other.
    static func amountNames(_ type: RecordType, _ keys: Set<String>) -> [String] {
        var names: [String] = []
        if let column = Schema.fields(of: type).first(where: { $0.name == "amounts" }), case .object(let parts) = column.type {
            names = parts.map(\.name).filter(keys.contains)
        }
        return names + keys.filter { !names.contains($0) }.sorted()
    }

    /// `to` relative to the folder `from` (both absolute, standardized), each component percent-encoded.
    static func relativeHref(from folder: URL, to file: URL) -> String {
        let base = folder.pathComponents, target = file.pathComponents
        var common = 0
        while common < base.count, common < target.count - 1, base[common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + target[common...].map(encodePathComponent)).joined(separator: "/")
    }

    static func encodePathComponent(_ component: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~!$&'()*+,;=:@")
        return component.addingPercentEncoding(withAllowedCharacters: allowed) ?? component
    }
}

// MARK: - HTML

extension RunReport {
    /// The whole page. Every text from the documents, the inputs and the settings is HTML-escaped.
    public func html() -> String {
        var page = HTMLBuilder()
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        page.raw("<title>")
        page.text("Piani run report — \(manifest.settings.output) — generation \(manifest.generation)")
        page.raw("</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n")
        header(&page)
        totals(&page)
        documentTable(&page)
        rejects(&page)
        removals(&page)
        checkFailures(&page)
        warningLists(&page)
        page.raw("<script>\n\(linkScript)</script>\n</body>\n</html>\n")
        return page.output
    }

    private func header(_ page: inout HTMLBuilder) {
        page.raw("<header>\n<h1>Piani run report</h1>\n<p class=\"meta\">")
        page.text("Output folder \(manifest.settings.output), generation \(manifest.generation), \(manifest.tool.name) "
                  + "\(manifest.tool.version), schema \(manifest.schemaVersion). Started \(manifest.startedAt), finished "
                  + "\(manifest.finishedAt). Exit code \(manifest.exitCode): \(Self.exitMeaning(manifest.exitCode)).")
        page.raw("</p>\n</header>\n")
    }

    static func exitMeaning(_ code: Int32) -> String {
        switch code {
        case IngestExitCode.success.rawValue: return "every input ingested or already ingested"
        case IngestExitCode.rejects.rawValue: return "some inputs were rejected (see Rejects); the others are complete"
        default: return "see docs/ingest.md"
        }
    }

    private func totals(_ page: inout HTMLBuilder) {
        let records = manifest.counts.values.reduce(0, +)
        page.raw("<section id=\"totals\">\n<h2>Totals</h2>\n<div class=\"cards\">\n")
        let dataset: [(String, String, String)] = [
            ("documents", "Documents", "\(manifest.totals.documents)"), ("pages", "Pages", "\(manifest.totals.pages)"),
            ("records", "Records", "\(records)"), ("warnings", "Warnings", "\(manifest.warnings.total)"),
            ("check-failed", "Failed checks", "\(manifest.warnings.checkFailed)"),
            ("ocr-needed", "Pages needing OCR", "\(manifest.warnings.ocrNeeded)"),
        ]
        let run: [(String, String, String)] = [
            ("inputs", "Inputs this run", "\(manifest.totals.inputs)"), ("ingested", "Ingested", "\(manifest.totals.ingested)"),
            ("skipped", "Skipped (already ingested or not read)", "\(manifest.totals.skipped)"),
            ("duplicates", "Duplicates", "\(manifest.totals.duplicates)"), ("rejected", "Rejected", "\(manifest.totals.rejected)"),
            ("kept", "Kept without their input", "\(manifest.totals.kept)"), ("removed", "Removed", "\(manifest.totals.removed)"),
            ("seconds", "Seconds", String(format: "%.1f", manifest.timings.totalSeconds)),
        ]
        for (group, items) in [("The dataset", dataset), ("This run", run)] {
            page.raw("<div class=\"card\"><h3>")
            page.text(group)
            page.raw("</h3>\n<table class=\"totals\">\n")
            for (id, name, value) in items {
                page.raw("<tr><th scope=\"row\">")
                page.text(name)
                page.raw("</th><td class=\"n\" id=\"total-\(id)\">")
                page.text(value)
                page.raw("</td></tr>\n")
            }
            page.raw("</table></div>\n")
        }
        page.raw("<div class=\"card\"><h3>Records by type</h3>\n<table class=\"totals\">\n")
        for type in RecordType.allCases {
            page.raw("<tr><th scope=\"row\">")
            page.text(type.plural)
            page.raw("</th><td class=\"n\" id=\"count-\(type.plural)\">\(manifest.counts[type.plural] ?? 0)</td></tr>\n")
        }
        page.raw("</table></div>\n</div>\n</section>\n")
    }

    private func documentTable(_ page: inout HTMLBuilder) {
        page.raw("<section id=\"documents\">\n<h2>Documents</h2>\n")
        guard !documents.isEmpty else { return page.raw("<p>The dataset has no document.</p>\n</section>\n") }
        page.raw("<table class=\"grid\">\n<thead><tr><th>Document</th><th>Ente, type</th><th>Status</th><th>Pages</th>")
        for type in RecordType.allCases {
            page.raw("<th>")
            page.text(type.plural.replacingOccurrences(of: "_", with: " "))
            page.raw("</th>")
        }
        page.raw("<th>Records</th><th>Warnings</th><th>Failed checks</th><th>OCR pages</th><th>Seconds</th></tr></thead>\n<tbody>\n")
        for (index, detail) in documents.enumerated() {
            page.raw("<tr>\n<td>")
            link(&page, detail, page: nil, text: detail.document.fileName)
            page.raw("<div class=\"path\">")
            page.text(detail.document.path)
            page.raw("</div></td>\n<td>")
            page.text([detail.ente, detail.docType].compactMap { $0 }.joined(separator: ", "))
            page.raw("</td>\n<td>")
            page.text(statusText(detail))
            page.raw("</td>\n<td class=\"n\">\(detail.document.pages)</td>\n")
            for type in RecordType.allCases { page.raw("<td class=\"n\">\(detail.counts[type] ?? 0)</td>") }
            let warnings = detail.document.warnings, checks = detail.document.checkFailures
            page.raw("\n<td class=\"n\">\(detail.document.records)</td>\n<td class=\"n\">")
            if warnings > 0 || !(detail.document.pagesWithoutText ?? []).isEmpty {
                page.raw("<a href=\"#warnings-\(index)\">\(warnings)</a>")
            } else {
                page.raw("0")
            }
            page.raw("</td>\n<td class=\"n\(checks > 0 ? " bad" : "")\">\(checks)</td>\n")
            page.raw("<td class=\"n\">\(detail.document.pagesWithoutText?.count ?? 0)</td>\n<td class=\"n\">")
            page.text(detail.seconds.map { String(format: "%.2f", $0) } ?? "—")
            page.raw("</td>\n</tr>\n")
        }
        page.raw("</tbody>\n</table>\n</section>\n")
    }

    private func statusText(_ detail: DocumentDetail) -> String {
        var text: String
        switch detail.status {
        case .ingested: text = "read this run"
        case .skipped: text = "already ingested"
        case .duplicate, .rejected, nil: text = detail.document.present ? "kept" : "kept (not among this run's inputs)"
        }
        if let note = detail.document.note { text += "; " + note }
        return text
    }

    private func rejects(_ page: inout HTMLBuilder) {
        let rejects = manifest.rejects
        page.raw("<section id=\"rejects\">\n<h2>Rejects (\(rejects.count))</h2>\n")
        guard !rejects.isEmpty else { return page.raw("<p>No input was rejected.</p>\n</section>\n") }
        page.raw("<table class=\"grid\">\n<thead><tr><th>Input</th><th>Stage</th><th>Reason</th></tr></thead>\n<tbody>\n")
        for reject in rejects {
            page.raw("<tr><td>")
            page.text(reject.path)
            page.raw("</td><td>")
            page.text(reject.stage?.rawValue ?? FailureStage.input.rawValue)
            page.raw("</td><td>")
            page.text(reject.reason ?? "rejected")
            page.raw("</td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n</section>\n")
    }

    private func removals(_ page: inout HTMLBuilder) {
        guard !manifest.removed.isEmpty else { return }
        page.raw("<section id=\"removed\">\n<h2>Removed from the dataset (\(manifest.removed.count))</h2>\n")
        page.raw("<table class=\"grid\">\n<thead><tr><th>Document</th><th>Reason</th></tr></thead>\n<tbody>\n")
        for removal in manifest.removed {
            page.raw("<tr><td>")
            page.text(removal.path)
            page.raw("</td><td>")
            page.text(removal.reason)
            page.raw("</td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n</section>\n")
    }

    private func checkFailures(_ page: inout HTMLBuilder) {
        let failures = documents.flatMap { detail in detail.warnings.filter(\.isCheckFailure).map { (detail, $0) } }
        page.raw("<section id=\"checks\">\n<h2>Failed arithmetic checks (\(manifest.warnings.checkFailed))</h2>\n")
        guard !failures.isEmpty else { return page.raw("<p>Every total and balance the documents state adds up.</p>\n</section>\n") }
        page.raw("<table class=\"grid\">\n<thead><tr><th>Document</th><th>Page</th><th>Record</th><th>Field</th><th>Check</th>"
                 + "<th>Amounts of the record</th></tr></thead>\n<tbody>\n")
        for (detail, warning) in failures {
            page.raw("<tr><td>")
            page.text(detail.document.fileName)
            page.raw("</td><td>")
            pageLink(&page, detail, warning.page)
            page.raw("</td><td>")
            page.text([warning.recordType, warning.label].compactMap { $0 }.joined(separator: ": "))
            page.raw("</td><td><code>")
            page.text(warning.field)
            page.raw("</code></td><td class=\"bad\">")
            page.text(String(warning.message.dropFirst(FieldWarning.checkFailedPrefix.count)))
            page.raw("</td><td>")
            if !warning.amounts.isEmpty {
                page.raw("<dl class=\"amounts\">")
                for amount in warning.amounts {
                    page.raw("<dt>")
                    page.text(String(amount.name.dropFirst("amounts.".count)))
                    page.raw("</dt><dd>")
                    page.text(amount.value)
                    page.raw("</dd>")
                }
                page.raw("</dl>")
            }
            page.raw("</td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n</section>\n")
    }

    private func warningLists(_ page: inout HTMLBuilder) {
        page.raw("<section id=\"warnings\">\n<h2>Warnings by document</h2>\n")
        let withWarnings = documents.enumerated().filter { !$0.element.warnings.isEmpty }
        guard !withWarnings.isEmpty else { return page.raw("<p>No document has a warning.</p>\n</section>\n") }
        for (index, detail) in withWarnings {
            let count = detail.warnings.count + detail.omittedWarnings
            page.raw("<details id=\"warnings-\(index)\"\(count <= 50 ? " open" : "")>\n<summary>")
            page.text("\(detail.document.fileName) — \(count) warning\(count == 1 ? "" : "s")")
            page.raw("</summary>\n<table class=\"grid\">\n<thead><tr><th>Page</th><th>Record</th><th>Field</th><th>Warning</th></tr></thead>\n<tbody>\n")
            for warning in detail.warnings {
                page.raw("<tr><td>")
                pageLink(&page, detail, warning.page)
                page.raw("</td><td>")
                page.text([warning.recordType, warning.label].compactMap { $0 }.joined(separator: ": "))
                page.raw("</td><td><code>")
                page.text(warning.field)
                page.raw("</code></td><td\(warning.isCheckFailure ? " class=\"bad\"" : "")>")
                page.text(warning.message)
                page.raw("</td></tr>\n")
            }
            page.raw("</tbody>\n</table>\n")
            if detail.omittedWarnings > 0 {
                page.raw("<p>")
                page.text("… and \(detail.omittedWarnings) more, not listed here: see the warnings column of the JSONL files.")
                page.raw("</p>\n")
            }
            page.raw("</details>\n")
        }
        page.raw("</section>\n")
    }

    /// The page number, a link to that page of the input when it is a PDF whose file is known.
    private func pageLink(_ page: inout HTMLBuilder, _ detail: DocumentDetail, _ number: Int?) {
        guard let number else { return page.text("—") }
        link(&page, detail, page: number, text: "p. \(number)")
    }

    private func link(_ page: inout HTMLBuilder, _ detail: DocumentDetail, page number: Int?, text: String) {
        guard let href = detail.href else { return page.text(text) }
        let target = href + (number.map { detail.isPDF ? "#page=\($0)" : "" } ?? "")
        page.raw("<a class=\"input\" href=\"")
        page.text(target)
        page.raw("\">")
        page.text(text)
        page.raw("</a>")
    }

    /// The links are relative to the output folder (`OUT/report.html`); opened as `OUT/current/report.html` or
    /// `OUT/.generation-N/report.html` they need one `../` more. Without scripts, the first works as it is.
    private var linkScript: String {
        let name = JSONValue.string(outputName).serialized.replacingOccurrences(of: "<", with: "\\u003c")
        return """
        (function () {
          var parts = location.pathname.split("/");
          var folder = decodeURIComponent(parts[parts.length - 2] || "");
          var parent = decodeURIComponent(parts[parts.length - 3] || "");
          if ((folder === "current" || /^\\.generation-[0-9]+$/.test(folder)) && parent === \(name)) {
            var links = document.querySelectorAll("a.input");
            for (var i = 0; i < links.length; i++) links[i].setAttribute("href", "../" + links[i].getAttribute("href"));
          }
        })();

        """
    }

    static let css = """
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; margin: 1.5rem 2rem;
           color: #1d232a; background: #fff; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #d8dee4; padding-bottom: .2rem; }
    h3 { font-size: 1rem; margin: 0 0 .4rem; }
    .meta { color: #57606a; margin: 0; }
    .cards { display: flex; flex-wrap: wrap; gap: 1rem; }
    .card { border: 1px solid #d8dee4; border-radius: 6px; padding: .8rem 1rem; min-width: 16rem; }
    table { border-collapse: collapse; }
    table.totals th { text-align: left; font-weight: normal; padding: .1rem 1.5rem .1rem 0; }
    table.totals td { font-weight: 600; font-size: 1.05rem; }
    table.grid { width: 100%; font-size: 13px; }
    table.grid th, table.grid td { border: 1px solid #d8dee4; padding: .25rem .45rem; vertical-align: top; }
    table.grid thead th { background: #f3f5f7; text-align: left; position: sticky; top: 0; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
    .bad { color: #b3261e; }
    .path { color: #57606a; font-size: 12px; word-break: break-all; }
    details { margin: .6rem 0; }
    summary { cursor: pointer; font-weight: 600; }
    dl.amounts { display: grid; grid-template-columns: auto auto; gap: 0 .8rem; margin: 0; }
    dl.amounts dt { color: #57606a; }
    dl.amounts dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
    code { font-size: 12px; }

    """
}

/// Builds HTML text: `text` escapes, `raw` does not (markup written by the report itself).
struct HTMLBuilder {
    private(set) var output = ""

    mutating func raw(_ markup: String) { output += markup }
    mutating func text(_ text: String) { output += Self.escape(text) }

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in element content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
