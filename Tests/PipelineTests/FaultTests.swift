import Core
import Foundation
@testable import Pipeline
import Write
import XCTest

/// A text-only PDF of `pages` pages (a few lines each), written without a renderer: slow to read on purpose.
enum GeneratedPDF {
    static func write(pages: Int, to url: URL) throws {
        // 1 catalog, 2 page tree, 3 font, then a page and its content per page.
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
        var kids: [String] = []
        for page in 1...pages {
            let pageObject = objects.count + 1
            kids.append("\(pageObject) 0 R")
            let lines = (1...30).map { "(Obiettivo \(page).\($0): riduzione dei tempi di risposta alle istanze dei cittadini) '" }
            let content = "BT /F1 10 Tf 50 800 Td 14 TL " + lines.joined(separator: " ") + " ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageObject + 1) 0 R >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        objects[1] = "<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(pages) >>"
        var data = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(data.utf8.count)
            data += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = data.utf8.count
        data += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { data += String(format: "%010d 00000 n \n", offset) }
        data += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        try Data(data.utf8).write(to: url)
    }
}

/// Processes whose command line holds `marker`, by pid.
func processes(containing marker: String) -> [Int32] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.compactMap(Int32.init).filter { pid in
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let arguments = String(decoding: data, as: UTF8.self).split(separator: "\0")
        return arguments.contains("ingest-worker") && arguments.contains { $0.contains(marker) }
    }
}

/// Kills, dying parents, files changing under the run, leftovers: the published dataset stays whole and honest.
final class FaultTests: IngestHarness {
    /// SIGKILL at many moments of runs that alternate between two input sets: afterwards the published files
    /// agree with each other and with their manifest, and hold either the set before the run or the new one.
    func testKillingARunAtAnyMomentLeavesTheOldSetOrTheNewOne() throws {
        let a = try place(0, as: "a.pdf"), b = try place(1, as: "b.pdf"), c = try place(2, as: "c.pdf")
        let small = [a, b, "--prune"], large = [a, b, c]
        XCTAssertEqual(try ingest(small).status, 0)
        var published = Set(try dataset().keys)
        XCTAssertEqual(published, [a, b])
        let delays = [0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 1.8, 2.5, 0.15, 0.4, 0.6, 1.0]
        var outcomes: [String: Int] = [:]
        for (index, delay) in delays.enumerated() {
            let target = index.isMultiple(of: 2) ? large : small
            let expected: Set<String> = index.isMultiple(of: 2) ? [a, b, c] : [a, b]
            let (process, _, _) = try launch(["ingest"] + target + ["--out", out.path, "--max-pages", "3", "--workers", "2", "--quiet"])
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Set(try dataset().keys)
            XCTAssertTrue(now == published || now == expected, "after a kill at \(delay) s: \(now.sorted())")
            outcomes[now == expected && now != published ? "new" : "old", default: 0] += 1
            try assertConsistent()
            XCTAssertEqual(Set(try documentsInRecords().keys).count, now.count, "records of exactly the published documents")
            published = now
        }
        XCTAssertGreaterThan(outcomes["old"] ?? 0, 0, "some kills landed before publishing: \(outcomes)")
        // The next complete run cleans what the killed ones left and publishes the new set.
        let finished = try ingest(large)
        XCTAssertEqual(finished.status, 0, finished.stderr)
        XCTAssertEqual(Set(try dataset().keys), [a, b, c])
        try assertConsistent()
        let hidden = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") && $0 != ".piani" }
        XCTAssertLessThanOrEqual(hidden.count, 2, "the published generation and at most the one before it: \(hidden)")
        XCTAssertFalse(hidden.contains { $0.contains(".tmp-") }, "\(hidden)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("documents").path).filter { $0.hasPrefix(".") }, [])
    }

    func testWorkersDieWithTheirParent() throws {
        let big = inputs.appendingPathComponent("big.pdf")
        try GeneratedPDF.write(pages: 3000, to: big)
        let (process, _, _) = try launch(["ingest", big.path, "--out", out.path, "--workers", "1", "--quiet"])
        let marker = out.appendingPathComponent("documents").path
        let deadline = Date(timeIntervalSinceNow: 60)
        var workers: [Int32] = []
        while workers.isEmpty, Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            workers = processes(containing: marker)
        }
        XCTAssertEqual(workers.count, 1, "a worker is reading the document")
        Thread.sleep(forTimeInterval: 0.5)  // well into the document, which takes far longer
        kill(process.processIdentifier, SIGKILL)
        // Timed from the kill (Foundation's waitUntilExit may wait for the children too, so it comes after).
        let gone = Date(timeIntervalSinceNow: 2)
        while !processes(containing: marker).isEmpty, Date() < gone { Thread.sleep(forTimeInterval: 0.05) }
        let survivors = processes(containing: marker)
        for pid in survivors { kill(pid, SIGKILL) }
        process.waitUntilExit()
        XCTAssertEqual(survivors, [], "no worker outlives its parent")
    }

    /// A worker whose parent does not enforce the time limit (stuck, or gone without the kernel's help) ends
    /// itself: SIGALRM at 1.1 × the limit + 2 s.
    func testAWorkerEnforcesItsOwnTimeLimit() throws {
        let big = inputs.appendingPathComponent("big.pdf")
        try GeneratedPDF.write(pages: 3000, to: big)
        let job = DocumentJob(path: big.path, sha256: try Hashing.sha256(ofFile: big.path).hex, fileName: "big.pdf")
        let process = Process()
        process.executableURL = try binary()
        process.arguments = ["ingest-worker", "--documents", out.appendingPathComponent("documents").path, "--time-limit", "0.5"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        var line = try JSONEncoder().encode(job)
        line.append(10)
        input.fileHandleForWriting.write(line)  // the input stays open: only the alarm can end the worker
        let deadline = Date(timeIntervalSinceNow: 30)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let elapsed = Date().timeIntervalSince(started)
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGALRM)
        XCTAssertGreaterThan(elapsed, 2.5)
        XCTAssertLessThan(elapsed, 10, "ended by its own limit (3 s), not by finishing the document")
        try? input.fileHandleForWriting.close()
    }

    private func processor() throws -> DocumentProcessor {
        try DocumentProcessor(settings: .init(maxPages: 2), documents: out.appendingPathComponent("documents"))
    }

    func testAFileChangedAfterHashingIsNotFiledUnderTheOldContent() throws {
        let path = try place(0, as: "a.pdf")
        let hashed = try sha256(ofSample: 0)
        try place(1, as: "a.pdf")  // replaced between the parent's hashing and the worker's reading
        let result = try processor().process(DocumentJob(path: path, sha256: hashed, fileName: "a.pdf"))
        XCTAssertFalse(result.ok)
        XCTAssertEqual(result.stage, .input)
        XCTAssertTrue(result.reason?.hasPrefix("the file changed since it was hashed") == true, result.reason ?? "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("documents/\(hashed)").path),
                       "nothing filed under the hash of the content it no longer has")
    }

    func testAFileChangedWhileBeingReadIsRejected() throws {
        let path = try place(0, as: "a.pdf")
        let hashed = try sha256(ofSample: 0)
        var processor = try processor()
        processor.afterReading = { _ in try? self.place(1, as: "a.pdf") }
        let result = processor.process(DocumentJob(path: path, sha256: hashed, fileName: "a.pdf"))
        XCTAssertFalse(result.ok)
        XCTAssertEqual(result.stage, .input)
        XCTAssertTrue(result.reason?.hasPrefix("the file changed while it was being read") == true, result.reason ?? "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("documents/\(hashed)").path))
        // Unchanged, the same job goes through.
        try place(0, as: "a.pdf")
        processor.afterReading = nil
        XCTAssertTrue(processor.process(DocumentJob(path: path, sha256: hashed, fileName: "a.pdf")).ok)
    }

    /// A page tree that lies (/Count 1000000 over one page object: poppler finds no page) is rejected, never
    /// cached as ingested with 0 pages.
    func testAPDFWithNoReadablePageIsRejectedAndNotCached() throws {
        let lies = Self.root.appendingPathComponent("Tests/Fixtures/count-lies.pdf").path
        let run = try ingest([lies])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("piani: \(lies): damaged PDF (no page can be read"), run.stderr)
        XCTAssertEqual(try Catalog.documentCount(at: out.appendingPathComponent(".piani/catalog.sqlite").path), 0)
        XCTAssertEqual(try dataset(), [:])
        let rejects = try jsonl("rejects.jsonl")
        XCTAssertEqual(rejects.map { $0["stage"] as? String }, ["extract"])
    }

    func testLeftoversOfAnInterruptedRunAreRemovedAtTheNextStart() throws {
        let a = try place(0, as: "a.pdf")
        XCTAssertEqual(try ingest([a]).status, 0)
        let published = try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("current").path)
        for name in [".generation-99", "documents/.tmp-abc-1-2"] {
            try FileManager.default.createDirectory(at: out.appendingPathComponent(name), withIntermediateDirectories: true)
            try Data("half".utf8).write(to: out.appendingPathComponent(name).appendingPathComponent("objectives.jsonl"))
        }
        try Data("half".utf8).write(to: out.appendingPathComponent(".objectives.jsonl.tmp-123-456"))
        XCTAssertEqual(symlink(".generation-99", out.appendingPathComponent(".current.tmp-1-2").path), 0)

        let run = try piani(["ingest", a, "--out", out.path, "--max-pages", "3"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("removed what an interrupted run left: .current.tmp-1-2, .generation-99, .objectives.jsonl.tmp-123-456"),
                      run.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        XCTAssertFalse(names.contains(".generation-99") || names.contains { $0.contains(".tmp-") }, "\(names)")
        XCTAssertTrue(names.contains(published), "the generation that was published is kept until the next run")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("documents").path).filter { $0.hasPrefix(".") }, [])
        try assertConsistent()
    }

    func testAFailedRunSaysWhatItLeft() throws {
        let a = try place(0, as: "a.pdf")
        XCTAssertEqual(try ingest([a]).status, 0)
        let state = { try self.snapshot().filter { !$0.key.hasPrefix(".piani/") } }  // the catalog notes the attempt
        let before = try state()
        // The published manifest is damaged: the run stops rather than guess the dataset and drop documents.
        let manifest = out.appendingPathComponent("current/manifest.json")
        let saved = try Data(contentsOf: manifest)
        try Data("{".utf8).write(to: manifest)
        let run = try ingest([a])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("the published manifest cannot be read"), run.stderr)
        XCTAssertTrue(run.stderr.contains("the published dataset (top-level files, manifest.json, rejects.jsonl) was left as the last completed run wrote it"),
                      run.stderr)
        try saved.write(to: manifest)
        XCTAssertEqual(try state(), before)
    }
}

/// Symbolic links, loops and unreadable inputs are followed or reported, never skipped in silence.
final class InputLinkTests: IngestHarness {
    func testLinksAreFollowedAndLoopsAndBrokenLinksReported() throws {
        try place(0, as: "real/a.pdf")
        let linked = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: inputs.appendingPathComponent("real/a.pdf"), to: linked.appendingPathComponent("b.pdf"))
        let base = inputs.path
        XCTAssertEqual(symlink(linked.path, base + "/linked-folder"), 0)
        XCTAssertEqual(symlink(base + "/real/a.pdf", base + "/link-to-a.pdf"), 0)
        XCTAssertEqual(symlink(base, base + "/real/loop"), 0)  // leads back to a folder it is in
        XCTAssertEqual(symlink("/nonexistent/target.pdf", base + "/broken.pdf"), 0)

        let found = InputResolver.resolve([base])
        XCTAssertEqual(found.files.map { String($0.path.dropFirst(base.count + 1)) }, ["link-to-a.pdf", "linked-folder/b.pdf", "real/a.pdf"])
        XCTAssertEqual(found.unreadable.map { String($0.path.dropFirst(base.count + 1)) }, ["broken.pdf", "real/loop"])
        XCTAssertEqual(found.unreadable.map(\.reason), ["a broken symbolic link (its target /nonexistent/target.pdf does not exist)",
                                                        "a symbolic link loop (it leads back to a folder it is in); not followed"])
        let literal = InputResolver.resolve([base + "/broken.pdf"])
        XCTAssertEqual(literal.missing.map(\.reason), ["a broken symbolic link (its target /nonexistent/target.pdf does not exist)"])

        let run = try ingest([base])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("piani: \(base)/real/loop: a symbolic link loop"), run.stderr)
        XCTAssertTrue(run.stderr.contains("piani: \(base)/broken.pdf: a broken symbolic link"), run.stderr)
        let statuses = try XCTUnwrap(try manifest()["inputs"] as? [[String: Any]]).map { ($0["path"] as! String, $0["status"] as! String) }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: statuses)["\(base)/linked-folder/b.pdf"], "duplicate", "followed: same content as a.pdf")
    }

    func testAPipeAmongTheInputsDoesNotStallTheRun() throws {
        let pipe = inputs.appendingPathComponent("fifo.pdf").path
        XCTAssertEqual(mkfifo(pipe, 0o644), 0)
        let found = InputResolver.resolve([pipe])
        XCTAssertEqual(found.unreadable.map(\.reason), ["not a regular file (a pipe, socket or device)"])
        XCTAssertThrowsError(try FileDigest.sha256(ofFile: pipe)) { error in
            XCTAssertEqual((error as? FileDigest.Failure)?.reason, "not a regular file (a pipe, socket or device)")
        }
    }

    /// Run as an unprivileged user (root reads everything): a file without read permission is reported as
    /// such, not as missing.
    func testAnUnreadableInputIsReportedAsAPermissionProblem() throws {
        let secret = try place(0, as: "secret.pdf")
        XCTAssertEqual(chmod(secret, 0o000), 0)
        XCTAssertEqual(chmod(folder.path, 0o755), 0)
        XCTAssertEqual(chmod(inputs.path, 0o755), 0)
        let run: Run
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("root without setpriv") }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", try binary().path,
                                 "ingest", secret, "--out", out.path, "--dry-run"]
            process.currentDirectoryURL = URL(fileURLWithPath: "/")
            let stdout = Pipe(), stderr = Pipe()
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
            let output = stdout.fileHandleForReading.readDataToEndOfFile(), errors = stderr.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            run = Run(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                      stderr: String(decoding: errors, as: UTF8.self))
        } else {
            run = try piani(["ingest", secret, "--out", out.path, "--dry-run"])
        }
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "reject  \(secret) (cannot be read (permission denied))\n")
    }
}

