import Core
import Foundation
import Normalize
import PDF
import Pipeline
import Testing
import XML

/// Render invariance: every rendering of a seed (samples/ and each folder of Tests/Fixtures/renderings) must
/// yield the golden records written by hand from the seed text (Tests/Fixtures/golden). One test case per seed
/// and rendering. A difference listed in Tests/Fixtures/golden/known-gaps.json is an expected failure (a
/// known issue, reported as one); any other difference fails, and so does a known gap that no longer occurs.
/// Each case prints one `MATRIX` line (records found, fields matched, field F1) for scripts/golden-report.
struct GoldenMatrixTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let cases: [GoldenCase] = GoldenCase.all(root: root)
    static let normalizer = try? DocumentNormalizer.bundled()

    @Test("golden records from every rendering", arguments: cases)
    func renderingYieldsTheGoldenRecords(_ golden: GoldenCase) throws {
        let normalizer = try #require(Self.normalizer)
        let path = golden.path(root: Self.root)
        let facts = FileFacts(sha256: try Hashing.sha256(ofFile: path).hex, fileName: golden.sample, format: "pdf")
        let normalized: NormalizedDocument
        if golden.isMarkup {
            normalized = normalizer.normalize(file: facts, items: try MarkupDocument.content(path: path).documentItems())
        } else {
            let content = try PDFFile(path: path).content()
            normalized = normalizer.normalize(file: facts, blocks: content.blocks, tables: content.tables)
        }
        var tally = GoldenTally()
        for expectation in golden.expectations { tally.compare(expectation, with: normalized) }
        let known = KnownGaps.load(root: Self.root).gaps(rendering: golden.rendering, sample: golden.sample)
        var expected = 0
        for finding in tally.findings {
            if let why = known.keys[finding.key] {
                expected += 1
                withKnownIssue("\(finding.key): \(why)") { Issue.record("\(golden): \(finding.detail)") }
            } else {
                Issue.record("\(golden): \(finding.detail)")
            }
        }
        let found = Set(tally.findings.map(\.key))
        for key in known.keys.keys.sorted() where !found.contains(key) {
            Issue.record("\(golden): \(key) now matches; remove it from known-gaps.json")
        }
        if let folder = ProcessInfo.processInfo.environment["PIANI_FINDINGS_DIR"] {
            // scripts/known-gaps reads these to list today's differences (each still needs its why).
            let object = Dictionary(tally.findings.map { ($0.key, $0.detail) }, uniquingKeysWith: { first, _ in first })
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(golden.rendering)__\(golden.sample).json"))
        }
        print("MATRIX \(golden.rendering) \(golden.sample) " + tally.summary + " known_gaps \(expected)")
    }
}

/// One seed's golden files and one rendering of it.
struct GoldenCase: CustomStringConvertible, Sendable {
    /// `weasyprint` for samples/, else the folder name under Tests/Fixtures/renderings.
    var rendering: String
    /// The sample's file name (`<stem>.pdf`), as the golden files name it.
    var sample: String
    var expectations: [GoldenExpectation]

    var description: String { "\(rendering)/\(sample)" }

    static let defaultRendering = "weasyprint"

    /// The XML route: `markup-odt`, `markup-docx`, `markup-xhtml` read Tests/Fixtures/xml-sources/<stem>.<ext>.
    static let markupFormats = ["odt", "docx", "xhtml"]
    var isMarkup: Bool { rendering.hasPrefix("markup-") }

    func path(root: URL) -> String {
        if rendering == Self.defaultRendering { return root.appendingPathComponent("samples/\(sample)").path }
        if isMarkup {
            let stem = String(sample.dropLast(".pdf".count))
            return root.appendingPathComponent("Tests/Fixtures/xml-sources/\(stem).\(rendering.dropFirst("markup-".count))").path
        }
        return root.appendingPathComponent("Tests/Fixtures/renderings/\(rendering)/\(sample)").path
    }

    static func all(root: URL) -> [GoldenCase] {
        let goldenFolder = root.appendingPathComponent("Tests/Fixtures/golden")
        var bySample: [String: [GoldenExpectation]] = [:]
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: goldenFolder.path)) ?? [])
            .filter { $0.hasSuffix(".json") && $0 != KnownGaps.fileName }.sorted()
        for file in files {
            guard let data = FileManager.default.contents(atPath: goldenFolder.appendingPathComponent(file).path),
                  let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                  let sample = object["sample"] as? String else { continue }
            bySample[sample, default: []].append(GoldenExpectation(file: file, object: object))
        }
        let renderingsFolder = root.appendingPathComponent("Tests/Fixtures/renderings")
        let renderings = ((try? FileManager.default.contentsOfDirectory(atPath: renderingsFolder.path)) ?? []).sorted()
            .filter { var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: renderingsFolder.appendingPathComponent($0).path, isDirectory: &isFolder) && isFolder.boolValue }
        var cases: [GoldenCase] = []
        for sample in bySample.keys.sorted() {
            let expectations = bySample[sample]!
            cases.append(GoldenCase(rendering: defaultRendering, sample: sample, expectations: expectations))
            for rendering in renderings where FileManager.default.fileExists(atPath: renderingsFolder.appendingPathComponent("\(rendering)/\(sample)").path) {
                cases.append(GoldenCase(rendering: rendering, sample: sample, expectations: expectations))
            }
            for format in markupFormats {
                let markup = GoldenCase(rendering: "markup-\(format)", sample: sample, expectations: expectations)
                if FileManager.default.fileExists(atPath: markup.path(root: root)) { cases.append(markup) }
            }
        }
        return cases
    }
}

/// One golden file's content (see Tests/Fixtures/golden/README.md).
struct GoldenExpectation: @unchecked Sendable {
    var file: String
    var object: [String: Any]
}

/// A difference between a rendering's records and the golden ones: `key` names what differs (stable across
/// values, for known-gaps.json), `detail` says how.
struct Finding {
    var key: String
    var detail: String
}

struct GoldenTally {
    var recordsFound = 0, recordsExpected = 0
    var fieldsMatched = 0, fieldsExpected = 0, fieldsCompared = 0
    var countsMatched = 0, countsExpected = 0
    var findings: [Finding] = []

    /// Field recall over every expected field, precision over the fields of the records found; F1 of both.
    var fieldF1: Double {
        let recall = fieldsExpected == 0 ? 1 : Double(fieldsMatched) / Double(fieldsExpected)
        let precision = fieldsCompared == 0 ? (fieldsExpected == 0 ? 1 : 0) : Double(fieldsMatched) / Double(fieldsCompared)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    var summary: String {
        "records \(recordsFound)/\(recordsExpected) fields \(fieldsMatched)/\(fieldsExpected) f1 "
            + String(format: "%.4f", fieldF1) + " counts \(countsMatched)/\(countsExpected)"
    }

    mutating func compare(_ expectation: GoldenExpectation, with normalized: NormalizedDocument) {
        let golden = expectation.object
        let records = normalized.records.map { record -> (Record, [String: Any]) in
            (record, (try? JSONSerialization.jsonObject(with: Data(record.json.serialized.utf8))) as? [String: Any] ?? [:])
        }
        if let document = golden["document"] as? [String: Any] {
            let actual = (try? JSONSerialization.jsonObject(with: Data(JSONValue.object(normalized.document.fields.map {
                ($0.0, $0.1?.json ?? .null) }).serialized.utf8))) as? [String: Any] ?? [:]
            for (field, expected) in document.sorted(by: { $0.key < $1.key }) {
                fieldsExpected += 1
                fieldsCompared += 1
                if GoldenMatch.matches(expected, actual[field]) { fieldsMatched += 1 } else {
                    findings.append(Finding(key: "document.\(field)", detail: "document.\(field) is \(actual[field] ?? "absent"), expected \(expected)"))
                }
            }
        }
        for (name, expected) in (golden["counts"] as? [String: Int] ?? [:]).sorted(by: { $0.key < $1.key }) {
            countsExpected += 1
            let count: Int
            switch name {
            case "staff_objective": count = records.filter { $0.0.type == .staff && !($0.1["objective_id"] is NSNull) }.count
            case "staff_listing": count = records.filter { $0.0.type == .staff && $0.1["objective_id"] is NSNull }.count
            default: count = records.filter { $0.0.type.rawValue == name }.count
            }
            if count == expected { countsMatched += 1 } else {
                findings.append(Finding(key: "count \(name)", detail: "\(count) \(name) records, expected \(expected)"))
            }
        }
        for record in golden["records"] as? [[String: Any]] ?? [] {
            let type = record["record_type"] as? String ?? ""
            let match = record["match"] as? [String: Any] ?? [:]
            let fields = record["fields"] as? [String: Any] ?? [:]
            let name = "\(type) " + match.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            recordsExpected += 1
            fieldsExpected += fields.count
            guard let found = records.first(where: { candidate in
                candidate.0.type.rawValue == type && match.allSatisfy { GoldenMatch.matches($0.value, candidate.1[$0.key]) } })?.1 else {
                findings.append(Finding(key: "\(name): missing", detail: "no \(type) record with \(match)"))
                continue
            }
            recordsFound += 1
            fieldsCompared += fields.count
            for (field, expected) in fields.sorted(by: { $0.key < $1.key }) {
                if GoldenMatch.matches(expected, found[field]) { fieldsMatched += 1 } else {
                    findings.append(Finding(key: "\(name): \(field)", detail: "\(name): \(field) is \(found[field] ?? "absent"), expected \(expected)"))
                }
            }
        }
    }
}

enum GoldenMatch {
    /// Strings and booleans equal, numbers equal to a millionth, objects equal in every part the golden file lists.
    static func matches(_ expected: Any, _ actual: Any?) -> Bool {
        guard let actual else { return expected is NSNull }
        // Foundation bridges JSON numbers and booleans both ways: tell them apart by the dynamic type.
        if type(of: expected) == Bool.self || type(of: actual) == Bool.self {
            return type(of: expected) == type(of: actual) && (expected as? Bool) == (actual as? Bool)
        }
        switch expected {
        case let expected as [String: Any]:
            guard let actual = actual as? [String: Any] else { return false }
            return expected.allSatisfy { matches($0.value, actual[$0.key]) }
        case let expected as [Any]:
            guard let actual = actual as? [Any], actual.count == expected.count else { return false }
            return zip(expected, actual).allSatisfy { matches($0, $1) }
        case let expected as String:
            return (actual as? String) == expected
        case let expected as NSNumber:
            guard let actual = actual as? NSNumber else { return false }
            return abs(actual.doubleValue - expected.doubleValue) <= 1e-6
        case is NSNull:
            return actual is NSNull
        default:
            return false
        }
    }
}

/// Tests/Fixtures/golden/known-gaps.json: per rendering and sample, the differences known today, each with why.
/// `{"<rendering>": {"<sample>": {"<finding key>": "why"}}}`.
struct KnownGaps {
    static let fileName = "known-gaps.json"
    var renderings: [String: [String: [String: String]]] = [:]

    struct Gaps { var keys: [String: String] }

    func gaps(rendering: String, sample: String) -> Gaps { Gaps(keys: renderings[rendering]?[sample] ?? [:]) }

    static func load(root: URL) -> KnownGaps {
        let path = root.appendingPathComponent("Tests/Fixtures/golden/\(fileName)").path
        guard let data = FileManager.default.contents(atPath: path),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: [String: [String: String]]] else { return KnownGaps() }
        return KnownGaps(renderings: object)
    }
}
