import Foundation
import XCTest

/// report.html as a browser shows it: `piani ingest` writes it, headless Chromium (Debian's `chromium`, installed
/// by scripts/setup) renders it, and the DOM it builds holds the manifest's totals and working page links.
final class ReportBrowserTests: XCTestCase {
    private struct Chromium {
        let executable: URL
        let profile: URL

        static func find(profile: URL) throws -> Chromium {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            for folder in path.split(separator: ":") {
                for name in ["chromium", "chromium-browser"] {
                    let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                    if FileManager.default.isExecutableFile(atPath: candidate.path) { return Chromium(executable: candidate, profile: profile) }
                }
            }
            struct Missing: Error, CustomStringConvertible {
                var description: String { "chromium is not installed: run scripts/setup (it installs Debian's chromium)" }
            }
            throw Missing()
        }

        /// Runs headless Chromium on `url` with `action` (--dump-dom, --screenshot=FILE); returns its stdout.
        func run(_ action: String, _ url: URL) throws -> String {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                 "--disable-extensions", "--user-data-dir=\(profile.path)", "--window-size=1280,1000", action, url.absoluteString]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "chromium \(action)")
            return String(decoding: data, as: UTF8.self)
        }
    }

    func testTheReportRendersWithTheTotals() throws {
        let folder = try PianiRunner.temporaryFolder(self)
        let out = folder.appendingPathComponent("out")
        let chromium = try Chromium.find(profile: folder.appendingPathComponent("profile"))
        // Budget listings with failed checks in their first pages, a risk register, and an input that is rejected.
        let inputs = ["samples/lumezzane_referto-obiettivi_2023-06-30.pdf", "samples/pisogne_rischi-corruttivi_2025.pdf",
                      "Tests/Fixtures/not-a-pdf.pdf"]
        let ingest = try PianiRunner.run(["ingest"] + inputs + ["--out", out.path, "--max-pages", "4", "--workers", "2", "--quiet"])
        XCTAssertEqual(ingest.status, 3, ingest.stderr)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any])
        XCTAssertTrue((manifest["outputs"] as? [String] ?? []).contains("report.html"))
        // Published with the other files: OUT/report.html is a link through current.
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("report.html").path), "current/report.html")

        // Opened through current/, as one would after `readlink out/current`: the inline script fixes the links.
        let page = out.appendingPathComponent("current/report.html")
        let dom = try chromium.run("--dump-dom", page)
        XCTAssertTrue(dom.contains("<h1>Piani run report</h1>"), String(dom.prefix(500)))
        let totals = try XCTUnwrap(manifest["totals"] as? [String: Int])
        let warnings = try XCTUnwrap(manifest["warnings"] as? [String: Int])
        let counts = try XCTUnwrap(manifest["counts"] as? [String: Int])
        XCTAssertGreaterThan(warnings["check_failed"] ?? 0, 0, "the sample has failed checks to show")
        let expected: [(String, Int?)] = [
            ("documents", totals["documents"]), ("pages", totals["pages"]), ("records", counts.values.reduce(0, +)),
            ("warnings", warnings["total"]), ("check-failed", warnings["check_failed"]), ("rejected", totals["rejected"]),
            ("ingested", totals["ingested"]), ("inputs", totals["inputs"]),
        ]
        for (id, value) in expected {
            let value = try XCTUnwrap(value, id)
            XCTAssertTrue(dom.contains("id=\"total-\(id)\">\(value)</td>"), "total \(id) = \(value) is not in the rendered page")
        }
        for (stem, count) in counts { XCTAssertTrue(dom.contains("id=\"count-\(stem)\">\(count)</td>"), stem) }
        XCTAssertTrue(dom.contains("Tests/Fixtures/not-a-pdf.pdf"), "the reject is listed")

        // Every page link, as the browser resolves it, is a page of an input file.
        let hrefs = Self.matches(#"<a class="input" href="([^"]+)""#, in: dom)
        XCTAssertTrue(hrefs.contains { $0.hasSuffix("#page=3") }, "a link to a failed check's page")
        for href in hrefs {
            let resolved = try XCTUnwrap(URL(string: href.replacingOccurrences(of: "&amp;", with: "&"), relativeTo: page)).standardizedFileURL
            XCTAssertTrue(FileManager.default.fileExists(atPath: resolved.path), "\(href) → \(resolved.path)")
            XCTAssertTrue(inputs.map { PianiRunner.root.appendingPathComponent($0).standardizedFileURL.path }.contains(resolved.path), resolved.path)
        }

        // The screenshot is not blank: much more drawn than on an empty page of the same size.
        let shot = folder.appendingPathComponent("report.png"), blank = folder.appendingPathComponent("blank.png")
        let empty = folder.appendingPathComponent("empty.html")
        try "<!DOCTYPE html><html><body></body></html>".write(to: empty, atomically: true, encoding: .utf8)
        _ = try chromium.run("--screenshot=\(shot.path)", out.appendingPathComponent("report.html"))
        _ = try chromium.run("--screenshot=\(blank.path)", empty)
        let shotSize = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int)
        let blankSize = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: blank.path)[.size] as? Int)
        XCTAssertEqual(try Data(contentsOf: shot).prefix(8), Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG")
        XCTAssertGreaterThan(shotSize, blankSize * 5, "report \(shotSize) bytes, blank page \(blankSize) bytes")
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in Range(match.range(at: 1), in: text).map { String(text[$0]) } }
    }
}
