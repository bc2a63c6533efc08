import Core
import Foundation
import Pipeline
import Write
import XCTest

/// Drives the built `piani ingest` as cron or a user would: real worker processes, real PDFs.
final class IngestEndToEndTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var out: URL!

    override func setUpWithError() throws {
        out = FileManager.default.temporaryDirectory.appendingPathComponent("piani-ingest-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: out)
    }

    private struct Result { var status: Int32; var stdout: String; var stderr: String }

    private func binary() throws -> URL {
        let bundle = Bundle(for: IngestEndToEndTests.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("piani") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("piani not built next to \(bundle.path)")
        }
        return found
    }

    private func launch(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return (process, stdout, stderr)
    }

    private func piani(_ arguments: String...) throws -> Result { try piani(arguments) }

    private func piani(_ arguments: [String]) throws -> Result {
        let (process, stdout, stderr) = try launch(arguments)
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    private func manifest() throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func lines(_ name: String) throws -> [String] {
        try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Two samples with records in their first pages; runs read 3 pages of each to stay fast.
    private static let good = ["samples/lumezzane_referto-obiettivi_2023-06-30.pdf", "samples/pisogne_piao_2025-2027.pdf"]
    private static let fast = ["--max-pages", "3"]
    private static let broken = ["Tests/Fixtures/truncated.pdf", "Tests/Fixtures/not-a-pdf.pdf", "Tests/Fixtures/encrypted.pdf"]

    func testBrokenInputsAreRejectedAndTheGoodOnesComplete() throws {
        let run = try piani(["ingest"] + Self.good + Self.broken + ["--out", out.path, "--workers", "2"] + Self.fast)
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("piani: Tests/Fixtures/truncated.pdf: damaged PDF"), run.stderr)
        XCTAssertTrue(run.stderr.contains("piani: Tests/Fixtures/not-a-pdf.pdf: not a PDF file (no %PDF header)\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("piani: Tests/Fixtures/encrypted.pdf: the PDF is encrypted"), run.stderr)

        let rejects = try lines("rejects.jsonl").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]) }
        XCTAssertEqual(Set(rejects.compactMap { $0["file"] }), Set(Self.broken))
        XCTAssertTrue(rejects.allSatisfy { $0["stage"] != nil && !($0["reason"] ?? "").isEmpty })

        let manifest = try manifest()
        let totals = try XCTUnwrap(manifest["totals"] as? [String: Int])
        XCTAssertEqual(totals["ingested"], 2)
        XCTAssertEqual(totals["rejected"], 3)
        XCTAssertEqual(manifest["exit_code"] as? Int, 3)
        XCTAssertEqual((manifest["tool"] as? [String: String])?["version"], ToolInfo.version)
        XCTAssertEqual(manifest["schema_version"] as? String, Schema.version)
        let inputs = try XCTUnwrap(manifest["inputs"] as? [[String: Any]])
        XCTAssertEqual(inputs.count, 5)
        for input in inputs where input["status"] as? String == "ingested" {
            XCTAssertEqual((input["sha256"] as? String)?.count, 64)
            XCTAssertNotNil(input["size"] as? Int)
        }
        let warnings = try XCTUnwrap(manifest["warnings"] as? [String: Int])
        XCTAssertNotNil(warnings["check_failed"])

        // The good documents' outputs are whole: every record of both, in both formats, in file-name order.
        let counts = try XCTUnwrap(manifest["counts"] as? [String: Int])
        XCTAssertGreaterThan(counts.values.reduce(0, +), 0)
        for type in RecordType.allCases {
            let jsonl = try lines("\(type.plural).jsonl")
            XCTAssertEqual(jsonl.count, counts[type.plural], type.plural)
            let names = try jsonl.map { line -> String in
                let record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return try XCTUnwrap((record["document"] as? [String: Any])?["file_name"] as? String)
            }
            XCTAssertEqual(names, names.sorted(), "rows ordered by document file name")
            let csv = try String(contentsOf: out.appendingPathComponent("\(type.plural).csv"), encoding: .utf8)
            XCTAssertTrue(csv.hasPrefix("schema_version,record_type,record_id,record_key,document_sha256,"))
        }

        // Second run: the good documents are skipped, their outputs still complete; --full reads them again.
        let again = try piani(["ingest"] + Self.good + ["--out", out.path] + Self.fast)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual((try self.manifest()["totals"] as? [String: Int])?["skipped"], 2)
        XCTAssertEqual((try self.manifest()["counts"] as? [String: Int]), counts)
        XCTAssertEqual(try lines("rejects.jsonl"), [])
        let full = try piani(["ingest"] + Self.good + ["--out", out.path, "--full", "--quiet"] + Self.fast)
        XCTAssertEqual(full.status, 0)
        XCTAssertEqual(full.stderr, "", "quiet prints nothing when all is well")
        XCTAssertEqual((try self.manifest()["totals"] as? [String: Int])?["ingested"], 2)
        XCTAssertEqual((try self.manifest()["counts"] as? [String: Int]), counts)
    }

    func testAKilledRunResumesWhereItStopped() throws {
        // One worker, in path order: the first document is quick, the second takes seconds: the kill lands in it.
        let inputs = ["samples/calcinate_piano-performance_2022.pdf", "samples/casorate-primo_piao_2024-2026.pdf",
                      "samples/cazzago-san-martino_peg-performance_2021-2023.pdf"]
        let settings = ["--out", out.path, "--max-pages", "20"]
        let (process, _, _) = try launch(["ingest"] + inputs + settings + ["--workers", "1", "--quiet"])
        let catalog = out.appendingPathComponent(".piani/catalog.sqlite").path
        let deadline = Date(timeIntervalSinceNow: 120)
        var finished = 0
        while finished == 0, process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            if FileManager.default.fileExists(atPath: catalog) { finished = (try? Catalog.documentCount(at: catalog)) ?? 0 }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(finished, 1, "killed while the second document was being read")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path), "killed before the end")

        let resumed = try piani(["ingest"] + inputs + settings + ["--workers", "2"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let totals = try XCTUnwrap(try manifest()["totals"] as? [String: Int])
        XCTAssertEqual(totals["skipped"], 1, "the document finished before the kill is not read again")
        XCTAssertEqual(totals["ingested"], 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("documents").path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "half-written partitions are cleaned up")
    }

    func testUsageErrorsExitWith2AndALockedFolderWith4() throws {
        let badShard = try piani("ingest", "samples/", "--out", out.path, "--shard", "3/2")
        XCTAssertEqual(badShard.status, 2)
        XCTAssertEqual(badShard.stderr, "piani: --shard: expected K/N with 1 ≤ K ≤ N, e.g. 2/8, got \"3/2\"\n")
        let config = out.appendingPathComponent("bad.yml")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "inputs: [samples]\nworkers: -1\n".write(to: config, atomically: true, encoding: .utf8)
        let badConfig = try piani("ingest", "--config", config.path)
        XCTAssertEqual(badConfig.status, 2)
        XCTAssertEqual(badConfig.stderr, "piani: \(config.path): workers: expected a whole number ≥ 0\n")
        let badLabels = try piani("ingest", "samples/", "--out", out.path, "--labels", "Tests/Fixtures/not-a-pdf.pdf")
        XCTAssertEqual(badLabels.status, 2, badLabels.stderr)
        XCTAssertTrue(badLabels.stderr.hasPrefix("piani: Tests/Fixtures/not-a-pdf.pdf: cannot read the label dictionary"), badLabels.stderr)

        try FileManager.default.createDirectory(at: out.appendingPathComponent(".piani"), withIntermediateDirectories: true)
        let lock = try RunLock.acquire(output: out)
        let locked = try piani("ingest", "samples/", "--out", out.path)
        XCTAssertEqual(locked.status, 4)
        XCTAssertEqual(locked.stderr, "piani: \(out.path): another piani ingest is running on this output folder (pid \(getpid())); wait for it to finish or use another --out\n")
        withExtendedLifetime(lock) {}
    }

    func testSchemaCommandPrintsJSONSchemaAndDDL() throws {
        let schema = try piani("schema")
        XCTAssertEqual(schema.status, 0)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(schema.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        let sql = try piani("schema", "--sql", "postgres")
        XCTAssertTrue(sql.stdout.contains("CREATE TABLE IF NOT EXISTS budget_lines ("))
        XCTAssertEqual(try piani("schema", "--sql", "oracle").status, 2, "a usage error")
    }
}

/// A folder mixing markup documents with files piani does not read: the markup is ingested, the rest is listed
/// as skipped with its reason.
final class MarkupIngestTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-markup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
        let fixtures = Self.root.appendingPathComponent("Tests/Fixtures/xml")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("soup.html"), to: folder.appendingPathComponent("in/piano"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("bdap-instance.xbrl"), to: folder.appendingPathComponent("in/bilancio.xml"))
        try Data("appunti\n".utf8).write(to: folder.appendingPathComponent("in/notes.txt"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testResolverTakesMarkupByContentAndSkipsTheRestWithReasons() {
        let found = InputResolver.resolve([folder.appendingPathComponent("in").path])
        XCTAssertEqual(found.files.map(\.fileName).sorted(), ["bilancio.xml", "piano"])
        XCTAssertEqual(found.skipped.map { ($0.path as NSString).lastPathComponent }, ["notes.txt"])
        XCTAssertEqual(found.skipped.map(\.reason), ["not a supported format: a text file that is neither HTML nor XML"])
    }

    func testInputPathIsBelowTheFolderThePatternOrTheFile() throws {
        let inner = folder.appendingPathComponent("in/2025")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("in/piano"), to: inner.appendingPathComponent("piano.html"))
        let inputs = folder.appendingPathComponent("in").path
        func inputPaths(_ given: String) -> [String] { InputResolver.resolve([given]).files.map(\.inputPath) }
        XCTAssertEqual(inputPaths(inputs), ["2025/piano.html", "bilancio.xml"])
        XCTAssertEqual(inputPaths(inputs + "/"), ["2025/piano.html", "bilancio.xml"])
        XCTAssertEqual(inputPaths(inputs + "/*/*.html"), ["2025/piano.html"])
        XCTAssertEqual(inputPaths(inputs + "/2025/piano.html"), ["piano.html"])
    }

    func testIngestReadsHTMLAndReportsSkippedFiles() throws {
        let bundle = Bundle(for: MarkupIngestTests.self).bundleURL
        guard let binary = [bundle, bundle.deletingLastPathComponent()].map({ $0.appendingPathComponent("piani") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { throw XCTSkip("piani not built") }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["ingest", folder.appendingPathComponent("in").path, "--out", folder.appendingPathComponent("out").path, "--workers", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let data = try Data(contentsOf: folder.appendingPathComponent("out/manifest.json"))
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let inputs = try XCTUnwrap(manifest["inputs"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: inputs.map { (($0["path"] as! NSString).lastPathComponent, $0) })
        XCTAssertEqual(byName["piano"]?["status"] as? String, "ingested")
        XCTAssertEqual(byName["notes.txt"]?["status"] as? String, "skipped")
        XCTAssertEqual(byName["notes.txt"]?["reason"] as? String, "not a supported format: a text file that is neither HTML nor XML")
        XCTAssertEqual(byName["bilancio.xml"]?["status"] as? String, "ingested")
        let facts = try String(contentsOf: folder.appendingPathComponent("out/facts.jsonl"), encoding: .utf8)
        XCTAssertEqual(facts.split(separator: "\n").count, 6, facts)
        XCTAssertTrue(facts.contains("\"number\":125000.5"), facts)
        let lines = try String(contentsOf: folder.appendingPathComponent("out/budget_lines.csv"), encoding: .utf8)
        XCTAssertEqual(CSV.parse(lines).count, 2, lines)
        let tables = try String(contentsOf: folder.appendingPathComponent("out/tables.jsonl"), encoding: .utf8)
        XCTAssertTrue(tables.contains("\"xpath\":\"/html/body/table\""), tables)
        XCTAssertTrue(tables.contains("Pratiche evase"), tables)
    }
}
