import Core
import Foundation
import GRDB
import Pipeline
import Write
import XCTest

/// The built `piani ingest` and its binary, for the dataset and fault tests.
class IngestHarness: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var folder: URL!
    var out: URL { folder.appendingPathComponent("out") }
    var inputs: URL { folder.appendingPathComponent("in") }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-dataset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func binary() throws -> URL {
        let bundle = Bundle(for: IngestHarness.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("piani") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("piani not built next to \(bundle.path)")
        }
        return found
    }

    func launch(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
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

    func piani(_ arguments: [String]) throws -> Run {
        let (process, stdout, stderr) = try launch(arguments)
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// `piani ingest ARGS --out OUT --max-pages 3 --workers 2 --quiet`.
    func ingest(_ arguments: [String]) throws -> Run {
        try piani(["ingest"] + arguments + ["--out", out.path, "--max-pages", "3", "--workers", "2", "--quiet"])
    }

    /// Three samples with records in their first three pages.
    static let samples = ["pisogne_piao_2025-2027.pdf", "pisogne_rischi-corruttivi_2025.pdf", "lumezzane_referto-obiettivi_2023-06-30.pdf"]

    /// Copies sample `index` to in/NAME; returns its path.
    @discardableResult
    func place(_ index: Int, as name: String) throws -> String {
        let target = inputs.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("samples").appendingPathComponent(Self.samples[index]), to: target)
        return target.path
    }

    func sha256(ofSample index: Int) throws -> String {
        try Hashing.sha256(ofFile: Self.root.appendingPathComponent("samples").appendingPathComponent(Self.samples[index]).path).hex
    }

    func manifest(in folder: URL? = nil) throws -> [String: Any] {
        let data = try Data(contentsOf: (folder ?? out).appendingPathComponent("manifest.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// (path, sha256) of the manifest's dataset.
    func dataset(in folder: URL? = nil) throws -> [String: String] {
        let documents = try XCTUnwrap(try manifest(in: folder)["documents"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: documents.map { ($0["path"] as! String, $0["sha256"] as! String) })
    }

    func jsonl(_ name: String, in folder: URL? = nil) throws -> [[String: Any]] {
        let text = try String(contentsOf: (folder ?? out).appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// The SHA-256 of the documents whose records are in the top-level JSONL files.
    func documentsInRecords(in folder: URL? = nil) throws -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for type in RecordType.allCases {
            for record in try jsonl("\(type.plural).jsonl", in: folder) {
                let document = try XCTUnwrap(record["document"] as? [String: Any])
                found[document["sha256"] as! String, default: []].insert(document["file_name"] as! String)
            }
        }
        return found
    }

    /// Every published file agrees with the others: JSONL lines = CSV records = manifest counts per type, and
    /// the manifest's documents account for every row. Returns the total of rows.
    @discardableResult
    func assertConsistent(_ folder: URL? = nil, formats: [String] = ["jsonl", "csv"], file: StaticString = #filePath,
                          line: UInt = #line) throws -> Int {
        let folder = folder ?? out
        let manifest = try manifest(in: folder)
        let counts = try XCTUnwrap(manifest["counts"] as? [String: Int])
        var total = 0
        for type in RecordType.allCases {
            if formats.contains("jsonl") {
                let lines = try jsonl("\(type.plural).jsonl", in: folder).count
                XCTAssertEqual(lines, counts[type.plural], "\(type.plural).jsonl", file: file, line: line)
            }
            if formats.contains("csv") {
                let text = try String(contentsOf: folder.appendingPathComponent("\(type.plural).csv"), encoding: .utf8)
                XCTAssertEqual(CSV.parse(text).count - 1, counts[type.plural], "\(type.plural).csv", file: file, line: line)
            }
            if formats.contains("sqlite") {
                let database = try DatabaseQueue(path: folder.appendingPathComponent(SQLiteDatabaseWriter.fileName).path)
                let rows = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(SQLSchema.tableName(type))") }
                try database.close()
                XCTAssertEqual(rows, counts[type.plural], "records.sqlite: \(type.plural)", file: file, line: line)
            }
            total += counts[type.plural] ?? 0
        }
        let documents = try XCTUnwrap(manifest["documents"] as? [[String: Any]])
        XCTAssertEqual(documents.map { $0["records"] as? Int ?? -1 }.reduce(0, +), total, "the documents account for every row", file: file, line: line)
        return total
    }

    /// Names, sizes and contents of everything below the output folder (links as their targets).
    func snapshot() throws -> [String: String] {
        var entries: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: out.path) else { return entries }
        for case let relative as String in walker {
            let path = out.appendingPathComponent(relative).path
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                entries[relative] = "-> " + target
            } else if let data = FileManager.default.contents(atPath: path) {
                entries[relative] = Hashing.sha256(String(decoding: data, as: UTF8.self))
            } else {
                entries[relative] = "folder"
            }
        }
        return entries
    }
}

/// The output folder is a dataset that accumulates: no run loses an ingested document's records unless asked to
/// (`--prune`).
final class DatasetTests: IngestHarness {
    func testAMissingInputIsAConfigurationErrorThatTouchesNothing() throws {
        let a = try place(0, as: "a.pdf"), b = try place(1, as: "b.pdf")
        XCTAssertEqual(try ingest([a, b]).status, 0)
        let before = try snapshot()
        let missing = inputs.appendingPathComponent("gone.pdf").path
        let run = try ingest([a, missing])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("piani: \(missing): no such file or folder\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("nothing was changed"), run.stderr)
        XCTAssertEqual(try snapshot(), before, "nothing in the output folder changed")

        // A missing input on a fresh output folder does not even create it.
        try FileManager.default.removeItem(at: out)
        XCTAssertEqual(try ingest([missing]).status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testAnEmptyInputSetIsRefusedUnlessAllowed() throws {
        let a = try place(0, as: "docs/a.pdf")
        XCTAssertEqual(try ingest([a]).status, 0)
        let rows = try assertConsistent()
        XCTAssertGreaterThan(rows, 0)
        let before = try snapshot()
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("appunti\n".utf8).write(to: empty.appendingPathComponent("notes.txt"))

        let refused = try ingest([empty.path])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("\(empty.path): no input file found"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--allow-empty"), refused.stderr)
        XCTAssertEqual(try snapshot(), before)
        let pattern = try ingest([inputs.path + "/*.docx"])
        XCTAssertEqual(pattern.status, 2, "a pattern matching nothing is an empty input set too")

        let allowed = try ingest([empty.path, "--allow-empty"])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertEqual(try dataset(), [a: try sha256(ofSample: 0)], "the earlier document is kept")
        XCTAssertEqual(try assertConsistent(), rows)
        let totals = try XCTUnwrap(try manifest()["totals"] as? [String: Int])
        XCTAssertEqual(totals["kept"], 1)
    }

    func testASubsetRunKeepsTheOtherDocuments() throws {
        let a = try place(0, as: "a.pdf"), b = try place(1, as: "b.pdf"), c = try place(2, as: "c.pdf")
        XCTAssertEqual(try ingest([a, b, c]).status, 0)
        let all = try assertConsistent()
        let records = try documentsInRecords()
        XCTAssertEqual(records.count, 3)

        let one = try ingest([a])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(try assertConsistent(), all, "no record lost")
        XCTAssertEqual(try documentsInRecords(), records)
        let documents = try XCTUnwrap(try manifest()["documents"] as? [[String: Any]])
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: documents.map { ($0["path"] as! String, $0["present"] as! Bool) }),
                       [a: true, b: false, c: false])
        let totals = try XCTUnwrap(try manifest()["totals"] as? [String: Int])
        XCTAssertEqual(totals["inputs"], 1)
        XCTAssertEqual(totals["documents"], 3)
        XCTAssertEqual(totals["kept"], 2)
    }

    func testAChangedFileReplacesItsDocument() throws {
        let a = try place(0, as: "a.pdf"), b = try place(1, as: "b.pdf")
        XCTAssertEqual(try ingest([a, b]).status, 0)
        try place(2, as: "a.pdf")  // a.pdf now holds other content
        let run = try ingest([a, b])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try dataset(), [a: try sha256(ofSample: 2), b: try sha256(ofSample: 1)])
        XCTAssertEqual(Set(try documentsInRecords().keys), [try sha256(ofSample: 2), try sha256(ofSample: 1)],
                       "the old content's records are replaced, not added to")
        try assertConsistent()

        // A path whose new content is rejected keeps its last good version, and says so.
        try Data("not a pdf at all\n".utf8).write(to: URL(fileURLWithPath: b))
        let bad = try ingest([a, b])
        XCTAssertEqual(bad.status, 3, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("piani: \(b): not a PDF file"), bad.stderr)
        XCTAssertEqual(try dataset()[b], try sha256(ofSample: 1))
        let kept = try XCTUnwrap((try manifest()["documents"] as? [[String: Any]])?.first { $0["path"] as? String == b })
        XCTAssertTrue((kept["note"] as? String ?? "").contains("the last good version is kept"), "\(kept)")
        try assertConsistent()
    }

    func testARenamedInputGetsItsNewName() throws {
        let a = try place(0, as: "a.pdf"), b = try place(1, as: "b.pdf")
        XCTAssertEqual(try ingest([inputs.path]).status, 0)
        let rows = try assertConsistent()
        let renamed = inputs.appendingPathComponent("sub/renamed.pdf").path
        try FileManager.default.createDirectory(atPath: (renamed as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: a, toPath: renamed)

        let run = try ingest([inputs.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try dataset(), [renamed: try sha256(ofSample: 0), b: try sha256(ofSample: 1)], "one document, at its new path")
        XCTAssertEqual(try documentsInRecords()[try sha256(ofSample: 0)], ["renamed.pdf"], "its records name it as it is now")
        XCTAssertEqual(try assertConsistent(), rows)
        let statuses = try XCTUnwrap(try manifest()["inputs"] as? [[String: Any]]).map { ($0["path"] as! String, $0["status"] as! String) }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: statuses), [renamed: "ingested", b: "skipped"])
    }

    /// input_path of every record of the sample, from the top-level JSONL files.
    private func inputPaths(ofSample index: Int) throws -> Set<String> {
        let sha256 = try sha256(ofSample: index)
        var found = Set<String>()
        for type in RecordType.allCases {
            for record in try jsonl("\(type.plural).jsonl") {
                let document = try XCTUnwrap(record["document"] as? [String: Any])
                if document["sha256"] as? String == sha256 { found.insert(document["input_path"] as? String ?? "(none)") }
            }
        }
        return found
    }

    func testRecordsNameTheirInputBelowTheFolderAndAMovedInputIsReadAgain() throws {
        let a = try place(0, as: "a.pdf")
        XCTAssertEqual(try ingest([inputs.path]).status, 0)
        XCTAssertEqual(try inputPaths(ofSample: 0), ["a.pdf"], "relative to the input folder, not the machine's path")
        let moved = inputs.appendingPathComponent("2025/a.pdf").path
        try FileManager.default.createDirectory(atPath: (moved as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: a, toPath: moved)

        let run = try ingest([inputs.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try inputPaths(ofSample: 0), ["2025/a.pdf"], "same file name, new place: its records name it")
        let statuses = try XCTUnwrap(try manifest()["inputs"] as? [[String: Any]]).map { ($0["path"] as! String, $0["status"] as! String) }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: statuses), [moved: "ingested"])
        XCTAssertEqual(try ingest([inputs.path]).status, 0)
        XCTAssertEqual((try manifest()["totals"] as? [String: Int])?["skipped"], 1, "read once at its new place, then skipped")
    }

    func testPruneRemovesWhatIsNotAmongTheInputsAndSaysSo() throws {
        let a = try place(0, as: "a.pdf"), b = try place(1, as: "b.pdf")
        XCTAssertEqual(try ingest([a, b]).status, 0)
        let run = try ingest([a, "--prune"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "piani: removed from the dataset: \(b) (not among the inputs; --prune)\n", "printed even with --quiet")
        XCTAssertEqual(try dataset(), [a: try sha256(ofSample: 0)])
        XCTAssertEqual(Set(try documentsInRecords().keys), [try sha256(ofSample: 0)])
        let removed = try XCTUnwrap(try manifest()["removed"] as? [[String: Any]])
        XCTAssertEqual(removed.map { $0["path"] as? String }, [b])
        try assertConsistent()
    }

    func testAFormatSwitchLeavesNoStaleFiles() throws {
        let a = try place(0, as: "a.pdf")
        XCTAssertEqual(try ingest([a, "--format", "jsonl"]).status, 0)
        let top = { (try? FileManager.default.contentsOfDirectory(atPath: self.out.path).filter { !$0.hasPrefix(".") }) ?? [] }
        XCTAssertFalse(top().contains { $0.hasSuffix(".csv") }, "\(top())")
        try assertConsistent(formats: ["jsonl"])
        XCTAssertEqual(try ingest([a, "--format", "csv"]).status, 0)
        XCTAssertFalse(top().contains { $0.hasSuffix(".jsonl") && $0 != "rejects.jsonl" }, "\(top())")
        XCTAssertTrue(top().contains("objectives.csv"))
        try assertConsistent(formats: ["csv"])
        XCTAssertEqual(try ingest([a, "--format", "sqlite"]).status, 0)
        XCTAssertTrue(top().contains(SQLiteDatabaseWriter.fileName) && !top().contains("objectives.csv"), "\(top())")
        try assertConsistent(formats: ["sqlite"])
        XCTAssertEqual(try ingest([a]).status, 0)
        XCTAssertTrue(top().contains("objectives.jsonl") && top().contains("objectives.csv"))
        XCTAssertFalse(top().contains(SQLiteDatabaseWriter.fileName), "a format no longer asked for is removed")
        try assertConsistent()
    }

    func testDryRunListsWhatWouldHappenAndWritesNothing() throws {
        let a = try place(0, as: "a.pdf"), b = try place(1, as: "b.pdf")
        let fresh = try piani(["ingest", a, "--out", out.path, "--dry-run"])
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        XCTAssertEqual(fresh.stdout, "ingest  \(a)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "a dry run creates nothing")

        XCTAssertEqual(try ingest([a, b]).status, 0)
        let before = try snapshot()
        let c = try place(2, as: "c.pdf")
        let bad = inputs.appendingPathComponent("bad.pdf")
        try Data("nope".utf8).write(to: bad)
        let dry = try piani(["ingest", a, c, bad.path, "--out", out.path, "--max-pages", "3", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, """
            skip    \(a) (already ingested)
            ingest  \(bad.path)
            ingest  \(c)
            keep    \(b) (not among the inputs; --prune would remove it)

            """)
        let pruning = try piani(["ingest", a, "--out", out.path, "--max-pages", "3", "--dry-run", "--prune"])
        XCTAssertEqual(pruning.stdout, "skip    \(a) (already ingested)\nremove  \(b) (not among the inputs; --prune)\n")
        XCTAssertEqual(try snapshot(), before, "the dry runs wrote nothing")
    }

    /// An output folder of the layout before generations (plain files, a manifest without `documents`) keeps its
    /// documents when a run over a subset of its inputs upgrades it.
    func testAnOutputFolderOfTheOlderLayoutKeepsItsDocuments() throws {
        let a = try place(0, as: "a.pdf"), b = try place(1, as: "b.pdf")
        XCTAssertEqual(try ingest([a, b]).status, 0)
        let rows = try assertConsistent()
        // Make it look as the older version left it.
        let current = out.appendingPathComponent("current")
        for name in try FileManager.default.contentsOfDirectory(atPath: current.path) {
            let link = out.appendingPathComponent(name)
            try FileManager.default.removeItem(at: link)
            try FileManager.default.copyItem(at: current.appendingPathComponent(name), to: link)
        }
        var old = try manifest()
        old["documents"] = nil
        try JSONSerialization.data(withJSONObject: old).write(to: out.appendingPathComponent("manifest.json"))
        let generation = try FileManager.default.destinationOfSymbolicLink(atPath: current.path)
        try FileManager.default.removeItem(at: current)
        try FileManager.default.removeItem(at: out.appendingPathComponent(generation))

        let run = try ingest([a])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(Set(try dataset().keys), [a, b])
        XCTAssertEqual(try assertConsistent(), rows)
        XCTAssertNotNil(try? FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("objectives.jsonl").path),
                        "the top-level files are links through current now")
    }
}
