import Core
import Pipeline
import XCTest

final class CatalogTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".piani"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private let stamp = Catalog.Stamp(toolVersion: "1.0", schemaVersion: "1", settings: "abc")

    private func entry(_ sha256: String) -> Catalog.Entry {
        Catalog.Entry(sha256: sha256, path: "samples/\(sha256).pdf", size: 10, pages: 3, counts: ["objective": 2, "table": 1],
                      warnings: 4, checkFailures: 1, seconds: 0.5)
    }

    func testAnEntryIsFoundOnlyUnderTheSameStamp() throws {
        let catalog = try Catalog(path: folder.appendingPathComponent(".piani/catalog.sqlite").path)
        try catalog.record(entry("aaa"), stamp: stamp)
        XCTAssertEqual(try catalog.entry(sha256: "aaa", stamp: stamp), entry("aaa"))
        XCTAssertNil(try catalog.entry(sha256: "bbb", stamp: stamp))
        var newerTool = stamp
        newerTool.toolVersion = "1.1"
        XCTAssertNil(try catalog.entry(sha256: "aaa", stamp: newerTool))
        var otherSettings = stamp
        otherSettings.settings = "def"
        XCTAssertNil(try catalog.entry(sha256: "aaa", stamp: otherSettings))
    }

    func testEntriesSurviveReopeningAndAReingestReplacesThem() throws {
        let path = folder.appendingPathComponent(".piani/catalog.sqlite").path
        try Catalog(path: path).record(entry("aaa"), stamp: stamp)
        let reopened = try Catalog(path: path)
        var again = entry("aaa")
        again.pages = 9
        try reopened.record(again, stamp: stamp)
        XCTAssertEqual(try reopened.entry(sha256: "aaa", stamp: stamp)?.pages, 9)
        XCTAssertEqual(try reopened.documentCount(), 1)
    }

    func testASecondLockIsRefusedUntilTheFirstIsReleased() throws {
        var first: RunLock? = try RunLock.acquire(output: folder)
        XCTAssertNotNil(first)
        XCTAssertThrowsError(try RunLock.acquire(output: folder)) { error in
            XCTAssertTrue(error is RunLock.Busy)
            XCTAssertTrue("\(error)".contains("another piani ingest is running on this output folder (pid \(getpid()))"), "\(error)")
        }
        first = nil
        XCTAssertNoThrow(try RunLock.acquire(output: folder))
    }

    func testARunRefusesToStartOnALockedFolder() throws {
        let lock = try RunLock.acquire(output: folder)
        var config = PipelineConfig()
        config.inputs = [#filePath]  // any existing file: the lock is checked before inputs are read
        config.output = folder.path
        XCTAssertThrowsError(try IngestRun(config: config, workerExecutable: "/bin/false").run()) { error in
            XCTAssertTrue(error is RunLock.Busy, "\(error)")
        }
        withExtendedLifetime(lock) {}
    }
}

final class InputResolverTests: XCTestCase {
    func testFoldersPatternsFilesAndMissingInputs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-inputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["b.pdf", "a.PDF", "notes.txt", "sub/c.pdf", ".hidden/d.pdf", "other/e.pdf"] {
            let file = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: file)
        }
        let base = folder.path
        let found = InputResolver.resolve([base + "/", base + "/other/*.pdf", base + "/notes.txt", base + "/b.pdf", base + "/missing.pdf",
                                           base + "/zzz*.pdf"])
        XCTAssertEqual(found.files.map { String($0.path.dropFirst(base.count)) }.sorted(),
                       ["/a.PDF", "/b.pdf", "/notes.txt", "/other/e.pdf", "/sub/c.pdf"])
        XCTAssertEqual(found.missing.map(\.path), [base + "/missing.pdf"])
        XCTAssertEqual(found.emptyPatterns, [base + "/zzz*.pdf"])
    }
}
