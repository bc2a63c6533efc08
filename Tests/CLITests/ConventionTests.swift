import Foundation
import XCTest

/// The command-line conventions of the reading verbs: --version, --pages, -o, -, several files, errors.
final class ConventionTests: XCTestCase {
    private func piani(_ arguments: String..., stdin: URL? = nil, environment: [String: String] = [:]) throws -> PianiRunner.Result {
        try PianiRunner.run(arguments, stdin: stdin, environment: environment)
    }

    /// A three-page sample with a table on its first and last page.
    private static let small = "samples/pisogne_rischi-corruttivi_2025.pdf"
    private static let other = "samples/lumezzane_referto-obiettivi_2023-06-30.pdf"

    func testVersionComesFromToolInfo() throws {
        let source = try String(contentsOf: PianiRunner.root.appendingPathComponent("Sources/Pipeline/ToolInfo.swift"), encoding: .utf8)
        let match = try XCTUnwrap(source.range(of: #"static let version = "[^"]+""#, options: .regularExpression))
        let version = source[match].split(separator: "\"")[1]
        let result = try piani("--version")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("piani \(version) "), result.stdout)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1)
    }

    /// Every subcommand's help fits an 80-column terminal, and its text is written to fit: the overview and
    /// discussion are the same at 80 columns as at 300 (the parser did not re-wrap them).
    func testHelpFitsEightyColumns() throws {
        let root = try piani("--help", environment: ["COLUMNS": "80"])
        let listed = root.stdout.components(separatedBy: "SUBCOMMANDS:\n").last?.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), let name = line.split(separator: " ").first, !line.hasPrefix("   ") else { return nil }
            return String(name)
        } ?? []
        XCTAssertTrue(listed.contains("tables") && listed.contains("ingest"), root.stdout)
        for command in [[]] + (listed.filter { $0 != "help" } + ["ingest-worker"]).map({ [$0] }) {
            let narrow = try PianiRunner.run(command + ["--help"], environment: ["COLUMNS": "80"])
            XCTAssertEqual(narrow.status, 0, narrow.stderr)
            for line in narrow.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
                XCTAssertLessThanOrEqual(line.count, 80, "piani \(command.joined()) --help: \(line)")
            }
            let wide = try PianiRunner.run(command + ["--help"], environment: ["COLUMNS": "300"])
            let prose = { (text: String) in text.components(separatedBy: "\nUSAGE:").first ?? text }
            XCTAssertEqual(prose(narrow.stdout), prose(wide.stdout), "piani \(command.joined()) --help is re-wrapped at 80 columns")
        }
    }

    func testPagesAllAndOutOfRange() throws {
        let every = try piani("blocks", Self.small)
        XCTAssertEqual(every.status, 0, every.stderr)
        XCTAssertEqual(try piani("blocks", Self.small, "--pages", "all").stdout, every.stdout)
        XCTAssertEqual(try piani("blocks", Self.small, "--pages", "1-").stdout, every.stdout)
        let pageCount = try piani("page-model", Self.small).stdout.split(separator: "\n").count
        XCTAssertGreaterThan(pageCount, 1)
        let beyond = try piani("blocks", Self.small, "--pages", "2-\(pageCount + 5)")
        XCTAssertEqual(beyond.status, 1)
        XCTAssertEqual(beyond.stdout, "")
        XCTAssertTrue(beyond.stderr.hasPrefix("piani: \(Self.small): "), beyond.stderr)
        XCTAssertTrue(beyond.stderr.contains("page \(pageCount + 1) does not exist (the document has \(pageCount) pages)"), beyond.stderr)
    }

    func testStandardInputReadsLikeTheFile() throws {
        let file = try piani("tables", Self.small, "--format", "md")
        let piped = try piani("tables", "-", "--format", "md", stdin: PianiRunner.root.appendingPathComponent(Self.small))
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stdout, file.stdout)
        XCTAssertFalse(piped.stdout.isEmpty)
        let garbage = try piani("blocks", "-", stdin: PianiRunner.root.appendingPathComponent("Tests/Fixtures/not-a-pdf.pdf"))
        XCTAssertEqual(garbage.status, 1)
        XCTAssertTrue(garbage.stderr.hasPrefix("piani: standard input: unsupported input: "), garbage.stderr)
        XCTAssertEqual(garbage.stderr.split(separator: "\n").count, 1)
        let records = try piani("extract", "-", stdin: PianiRunner.root.appendingPathComponent(Self.small))
        XCTAssertEqual(records.status, 0, records.stderr)
        let first = try XCTUnwrap(records.stdout.split(separator: "\n").first)
        let document = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])?["document"] as? [String: Any])
        XCTAssertEqual(document["file_name"] as? String, "stdin")
        XCTAssertTrue(document["input_path"] is NSNull, "standard input has no path")
        XCTAssertEqual(document["format"] as? String, "pdf")
    }

    private func records(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// The same plan one byte apart (a line feed after %%EOF): every record keeps its record_key, none its record_id,
    /// and each names the path it was given.
    func testAnotherVersionKeepsRecordKeysNotRecordIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-version-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("rischi-v2.pdf")
        var bytes = try Data(contentsOf: PianiRunner.root.appendingPathComponent(Self.small))
        bytes.append(UInt8(ascii: "\n"))
        try bytes.write(to: copy)
        let original = try records(try piani("extract", Self.small).stdout)
        let revised = try records(try piani("extract", copy.path).stdout)
        XCTAssertFalse(original.isEmpty)
        XCTAssertEqual(original.map { $0["record_key"] as? String }, revised.map { $0["record_key"] as? String })
        XCTAssertTrue(zip(original, revised).allSatisfy { ($0["record_id"] as? String) != ($1["record_id"] as? String) })
        XCTAssertEqual(Set(original.map { ($0["document"] as? [String: Any])?["input_path"] as? String }), [Self.small])
        XCTAssertEqual(Set(revised.map { ($0["document"] as? [String: Any])?["input_path"] as? String }), [copy.path])
    }

    /// `piani tables --format json` then `piani normalize`: the records keep the page and box of their rows.
    func testRowPlacesSurviveTheJSONRoundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("tables.json")
        XCTAssertEqual(try piani("tables", Self.small, "--format", "json", "-o", dump.path).status, 0)
        let normalized = try records(try piani("normalize", dump.path, "--source", Self.small).stdout)
        let extracted = try records(try piani("extract", Self.small).stdout)
        func places(_ records: [[String: Any]]) -> [String] {
            records.filter { $0["record_type"] as? String == "risk" }.map { record in
                let source = record["source"] as? [String: Any] ?? [:]
                return "\(source["page"] ?? "-") \(source["row_index"] ?? "-") \(source["bbox"] ?? "-")"
            }
        }
        XCTAssertFalse(places(extracted).isEmpty)
        XCTAssertEqual(places(normalized), places(extracted))
        XCTAssertEqual(Set(places(extracted)).count, places(extracted).count, "each risk has its own row's place")
    }

    /// Several files: each one's output marked, a failure reported and the others still read, exit 1.
    func testSeveralFilesOneFailing() throws {
        let result = try piani("blocks", Self.small, "nowhere.pdf", Self.other, "--pages", "1")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "piani: nowhere.pdf: no such file\n")
        let files = try result.stdout.split(separator: "\n").map { line in
            try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["file"] as? String)
        }
        XCTAssertEqual(files.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }, [Self.small, Self.other])
        // Each file's part is what that file alone gives.
        let alone = try piani("blocks", Self.other, "--pages", "1").stdout.split(separator: "\n")
        XCTAssertEqual(files.filter { $0 == Self.other }.count, alone.count)

        let tables = try piani("tables", Self.small, "Tests/Fixtures/not-a-pdf.pdf", Self.other, "--pages", "1")
        XCTAssertEqual(tables.status, 1)
        XCTAssertEqual(tables.stderr, "piani: Tests/Fixtures/not-a-pdf.pdf: not a PDF file (no %PDF header)\n")
        // One JSON object per file read, each naming its file.
        let objects = try Self.jsonObjects(tables.stdout)
        XCTAssertEqual(objects.compactMap { $0["file"] as? String }, [Self.small, Self.other])
        XCTAssertTrue(objects.allSatisfy { $0["tables"] is [Any] })

        let records = try piani("extract", Self.small, "Tests/Fixtures/not-a-pdf.pdf", "--pages", "1")
        XCTAssertEqual(records.status, 1)
        XCTAssertFalse(records.stdout.isEmpty)
    }

    func testOutputFileIsWrittenAtomically() throws {
        let folder = try PianiRunner.temporaryFolder(self)
        let target = folder.appendingPathComponent("blocks.jsonl")
        let written = try piani("blocks", Self.small, "-o", target.path)
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stdout, "")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), try piani("blocks", Self.small).stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["blocks.jsonl"], "no temporary file left")

        // Every input failing: the file is left as it was.
        try "before\n".write(to: target, atomically: true, encoding: .utf8)
        let failed = try piani("extract", "nowhere.pdf", "--output", target.path)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "before\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["blocks.jsonl"])

        let intoMissingFolder = try piani("tables", Self.small, "-o", folder.appendingPathComponent("no/such/t.json").path)
        XCTAssertEqual(intoMissingFolder.status, 1)
        XCTAssertTrue(intoMissingFolder.stderr.contains("no/such/t.json: cannot be written"), intoMissingFolder.stderr)
        XCTAssertTrue(intoMissingFolder.stderr.contains("No such file or directory"), intoMissingFolder.stderr)
        let onFolder = try piani("tables", Self.small, "-o", folder.path)
        XCTAssertEqual(onFolder.status, 2)
        XCTAssertEqual(onFolder.stderr, "piani: \(folder.path): is a folder (-o takes a file name)\n")
    }

    /// One CSV per table in the folder of -o, each the same as the table marked on standard output.
    func testTablesAsCSVFiles() throws {
        let folder = try PianiRunner.temporaryFolder(self).appendingPathComponent("tables")
        let written = try piani("tables", Self.small, Self.other, "--pages", "1,3", "--format", "csv", "-o", folder.path)
        XCTAssertEqual(written.status, 0, written.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertFalse(names.isEmpty)
        XCTAssertTrue(names.allSatisfy { $0.range(of: #"^.+-p[0-9]+-t[0-9]+\.csv$"#, options: .regularExpression) != nil }, "\(names)")
        var marked: [String: String] = [:]
        for file in [Self.small, Self.other] {
            let stdout = try piani("tables", file, "--pages", "1,3", "--format", "csv").stdout
            for section in stdout.components(separatedBy: "\r\n\r\n") where !section.isEmpty {
                let lines = section.components(separatedBy: "\r\n")
                let mark = try XCTUnwrap(lines.first)
                XCTAssertTrue(mark.hasPrefix("# "), mark)
                marked[String(mark.dropFirst(2))] = lines.dropFirst().joined(separator: "\r\n") + "\r\n"
            }
        }
        XCTAssertEqual(Set(marked.keys), Set(names))
        for name in names {
            XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), marked[name], name)
        }
        let stem = ((Self.small as NSString).lastPathComponent as NSString).deletingPathExtension
        XCTAssertTrue(names.contains("\(stem)-p1-t1.csv"), "\(names)")

        let regularFile = folder.appendingPathComponent(names[0]).path
        let onFile = try piani("tables", Self.small, "--format", "csv", "-o", regularFile)
        XCTAssertEqual(onFile.status, 2)
        XCTAssertTrue(onFile.stderr.hasPrefix("piani: \(regularFile): is a file; with --format csv, -o names a folder"), onFile.stderr)
    }

    /// Errors name the path and the reason in words, never Foundation's error dump.
    func testErrorsNameThePathAndTheReason() throws {
        let labels = try piani("extract", Self.small, "--labels", "missing.yml")
        XCTAssertEqual(labels.status, 2)
        XCTAssertEqual(labels.stderr, "piani: missing.yml: cannot read the label dictionary (No such file or directory)\n")
        let ingestLabels = try piani("ingest", Self.small, "--labels", "missing.yml", "--out", "/nonexistent/piani-out")
        XCTAssertEqual(ingestLabels.status, 2)
        XCTAssertTrue(ingestLabels.stderr.contains("missing.yml: cannot read the label dictionary (No such file or directory)"),
                      ingestLabels.stderr)

        let folder = try PianiRunner.temporaryFolder(self)
        let file = folder.appendingPathComponent("out-is-a-file")
        try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
        let out = try piani("ingest", Self.small, "--out", file.path)
        XCTAssertEqual(out.status, 2)
        XCTAssertEqual(out.stderr, "piani: \(file.path): is a file, not a folder: the output (--out, output:) must be a folder; nothing was changed\n")
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "keep me\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["out-is-a-file"])

        for result in [labels, ingestLabels, out] {
            for dump in ["Error Domain", "NSCocoaErrorDomain", "Code=", "couldn’t", "could not be completed"] {
                XCTAssertFalse(result.stderr.contains(dump), result.stderr)
            }
        }
    }

    func testWrongPasswordIsSaidSo() throws {
        let wrong = try piani("blocks", "Tests/Fixtures/encrypted.pdf", "--password", "not-the-password")
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.hasPrefix("piani: Tests/Fixtures/encrypted.pdf: wrong password"), wrong.stderr)
        let none = try piani("blocks", "Tests/Fixtures/encrypted.pdf")
        XCTAssertTrue(none.stderr.contains("needs a password (use --password)"), none.stderr)
        XCTAssertEqual(try piani("blocks", "Tests/Fixtures/encrypted.pdf", "--password", "secret").status, 0)
        // ingest says it too, on stderr and in rejects.jsonl.
        let out = try PianiRunner.temporaryFolder(self).appendingPathComponent("out")
        let ingest = try piani("ingest", "Tests/Fixtures/encrypted.pdf", "--password", "not-the-password", "--out", out.path, "--quiet")
        XCTAssertEqual(ingest.status, 3)
        XCTAssertTrue(ingest.stderr.contains("piani: Tests/Fixtures/encrypted.pdf: wrong password"), ingest.stderr)
        let reject = try String(contentsOf: out.appendingPathComponent("rejects.jsonl"), encoding: .utf8)
        let line = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(reject.utf8)) as? [String: String])
        XCTAssertTrue(line["reason"]?.hasPrefix("wrong password") == true, reject)
    }

    /// Concatenated JSON objects (one per file), as `jq` reads them.
    static func jsonObjects(_ text: String) throws -> [[String: Any]] {
        var objects: [[String: Any]] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            if line == "]}" {
                objects.append(try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(current.utf8)) as? [String: Any]))
                current = ""
            }
        }
        return objects
    }
}
