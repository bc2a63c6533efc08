import Foundation
import XCTest
import ZIPFoundation

/// A batch of good plans mixed with hostile XML and zip files (entity bombs, an external entity naming a local
/// file, malformed and badly encoded markup, a zip bomb, zip entries that climb out of the folder): every hostile
/// file is accounted for (rejected with its reason; a DOCX whose only fault is entries that climb out of the
/// folder is read, those entries never written), nothing is read from or written outside the folders given, and
/// the good plans' records are byte for byte those of a run without the hostile files.
final class HostileMarkupIngestTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let fixtures = root.appendingPathComponent("Tests/Fixtures")
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-hostile-\(UUID().uuidString)")
        for name in ["good", "mixed"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private var goodFiles: [URL] {
        [Self.fixtures.appendingPathComponent("xml-sources/pisogne_piao_2025-2027.docx"),
         Self.fixtures.appendingPathComponent("xml-sources/calcinate_piano-performance_2022.odt"),
         Self.fixtures.appendingPathComponent("xml/soup.html")]
    }

    private func writeHostileFiles(into target: URL) throws -> [String] {
        let copied = ["billion-laughs.xhtml", "external-entity.xhtml", "malformed.xhtml", "bad-utf8.xhtml", "billion-laughs.xbrl",
                      "truncated.xbrl", "bad-utf8.xbrl"]
        for name in copied {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("xml/\(name)"), to: target.appendingPathComponent(name))
        }
        let body = try Data(contentsOf: Self.fixtures.appendingPathComponent("xml/docx/document.xml"))
        var spaces = Data("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>".utf8)
        spaces.append(Data(repeating: 0x20, count: 40 << 20))
        spaces.append(Data("</w:t></w:r></w:p></w:body></w:document>".utf8))
        try zip([("word/document.xml", spaces)], to: target.appendingPathComponent("bomb.docx"))
        try zip([("word/document.xml", body), ("../../escaped.txt", Data("out".utf8)), ("/tmp/piani-absolute-\(UUID().uuidString).txt", Data("abs".utf8))],
                to: target.appendingPathComponent("slip.docx"))
        return copied + ["bomb.docx", "slip.docx"]
    }

    private func zip(_ entries: [(String, Data)], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    private func ingest(_ input: URL, into output: URL) throws -> Int32 {
        let bundle = Bundle(for: HostileMarkupIngestTests.self).bundleURL
        guard let binary = [bundle, bundle.deletingLastPathComponent()].map({ $0.appendingPathComponent("piani") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { throw XCTSkip("piani not built") }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["ingest", input.path, "--out", output.path, "--workers", "2"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func recordFiles(in output: URL) throws -> [String: Data] {
        let current = output.appendingPathComponent("current").resolvingSymlinksInPath()
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: current.path) where name.hasSuffix(".jsonl") || name.hasSuffix(".csv") {
            guard name != "rejects.jsonl" else { continue }
            files[name] = try Data(contentsOf: current.appendingPathComponent(name))
        }
        return files
    }

    private func lines(_ data: Data?) -> [Substring] {
        String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n")
    }

    func testHostileFilesAreAccountedForAndLeaveTheGoodRecordsAlone() throws {
        for file in goodFiles {
            for name in ["good", "mixed"] {
                try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(name).appendingPathComponent(file.lastPathComponent))
            }
        }
        let hostile = try writeHostileFiles(into: folder.appendingPathComponent("mixed"))
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        XCTAssertEqual(try ingest(folder.appendingPathComponent("good"), into: folder.appendingPathComponent("out-good")), 0)
        XCTAssertEqual(try ingest(folder.appendingPathComponent("mixed"), into: folder.appendingPathComponent("out-mixed")), 3,
                       "rejects make exit code 3, the good documents still ingested")

        // slip.docx is a readable DOCX whose climbing entries are never written (nothing is unpacked to disk): it is
        // ingested, and its records are its own; every other line is the good run's, byte for byte.
        let good = try recordFiles(in: folder.appendingPathComponent("out-good"))
        let mixed = try recordFiles(in: folder.appendingPathComponent("out-mixed"))
        XCTAssertFalse(good.isEmpty)
        for (name, data) in good where name.hasSuffix(".jsonl") {
            let others = lines(mixed[name]).filter { !$0.contains(#""file_name":"slip.docx""#) }
            XCTAssertEqual(others, lines(data), "\(name): the good documents' records differ from the run without the hostile files")
        }

        let manifestData = try Data(contentsOf: folder.appendingPathComponent("out-mixed/manifest.json"))
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let inputs = try XCTUnwrap(manifest["inputs"] as? [[String: Any]])
        let statusByName = Dictionary(uniqueKeysWithValues: inputs.map { (($0["path"] as! NSString).lastPathComponent, $0["status"] as? String ?? "") })
        let rejects = try String(contentsOf: folder.appendingPathComponent("out-mixed/rejects.jsonl"), encoding: .utf8)
        XCTAssertEqual(statusByName["slip.docx"], "ingested")
        for name in hostile where name != "slip.docx" {
            let status = statusByName[name]
            XCTAssertTrue(status == "rejected" || status == "skipped" || rejects.contains("\"\(name)\"") || rejects.contains("/\(name)\""),
                          "\(name) is not accounted for (status \(status ?? "none"))")
            XCTAssertNotEqual(status, "ingested", "\(name) was ingested")
        }

        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? "root:x:0:0"
        for (name, data) in mixed { XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(passwd), "\(name) holds a local file's content") }
        XCTAssertFalse(rejects.contains(passwd))
        let after = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(Set(after).subtracting(before), ["out-good", "out-mixed"], "nothing written beside the output folders")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("escaped.txt").path))
    }
}
