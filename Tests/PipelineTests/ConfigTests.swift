import Core
import Pipeline
import Write
import XCTest

final class ConfigTests: XCTestCase {
    func testDefaultsWithoutAFile() throws {
        let config = try PipelineConfig.parse(yaml: "")
        XCTAssertEqual(config.output, "out")
        XCTAssertEqual(config.formats, [.jsonl, .csv])
        XCTAssertEqual(config.workers, 0)
        XCTAssertEqual(config.effectiveWorkers, ProcessInfo.processInfo.activeProcessorCount)
        XCTAssertEqual(config.timeLimit, 300)
        XCTAssertNil(config.labels)
        XCTAssertFalse(config.full)
    }

    func testEverySetting() throws {
        let config = try PipelineConfig.parse(yaml: """
            inputs: [archive/, "incoming/*.pdf"]
            output: warehouse/out
            formats: [csv]
            workers: 3
            time_limit: 42.5
            recycle_after: 50
            labels: labels-override.yml
            full: true
            shard: 2/4
            stages:
              extract:
                password: segreto
                max_pages: 20
              normalize:
                classification_window: 3000
            """, file: "conf/pipeline.yml")
        XCTAssertEqual(config.inputs, ["conf/archive/", "conf/incoming/*.pdf"], "relative to the file's folder")
        XCTAssertEqual(config.output, "conf/warehouse/out")
        XCTAssertEqual(config.formats, [.csv])
        XCTAssertEqual(config.workers, 3)
        XCTAssertEqual(config.timeLimit, 42.5)
        XCTAssertEqual(config.recycleAfter, 50)
        XCTAssertEqual(config.labels, "conf/labels-override.yml")
        XCTAssertTrue(config.full)
        XCTAssertEqual(config.shard, Shard(index: 2, count: 4))
        XCTAssertEqual(config.password, "segreto")
        XCTAssertEqual(config.maxPages, 20)
        XCTAssertEqual(config.classificationWindow, 3000)
    }

    func testFlagsOverrideTheFile() throws {
        let file = try PipelineConfig.parse(yaml: "inputs: [archive]\noutput: out-file\nworkers: 4\nformats: [jsonl]\ntime_limit: 10\n")
        var flags = PipelineConfig.Flags()
        flags.inputs = ["samples/"]
        flags.workers = 1
        flags.full = true
        flags.shard = Shard("1/2")
        let config = file.applying(flags)
        XCTAssertEqual(config.inputs, ["samples/"])
        XCTAssertEqual(config.workers, 1)
        XCTAssertTrue(config.full)
        XCTAssertEqual(config.shard?.description, "1/2")
        XCTAssertEqual(config.output, "out-file", "not given on the command line: the file's")
        XCTAssertEqual(config.formats, [.jsonl])
        XCTAssertEqual(config.timeLimit, 10)
    }

    func testErrorsNameTheFileAndTheSetting() {
        func message(_ yaml: String) -> String {
            do {
                _ = try PipelineConfig.parse(yaml: yaml, file: "p.yml")
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(message("wokers: 2").hasPrefix("p.yml: unknown setting \"wokers\""), message("wokers: 2"))
        XCTAssertEqual(message("workers: many"), "p.yml: workers: expected a whole number ≥ 0")
        XCTAssertEqual(message("formats: [xml]"), "p.yml: formats: unknown format \"xml\" (jsonl, csv, sqlite)")
        XCTAssertEqual(message("time_limit: 0"), "p.yml: time_limit: expected a number of seconds > 0")
        XCTAssertEqual(message("shard: 5/4"), "p.yml: shard: expected K/N with 1 ≤ K ≤ N, e.g. \"2/8\"")
        XCTAssertTrue(message("stages:\n  extract:\n    pasword: x").contains("unknown setting \"stages.extract.pasword\""))
        XCTAssertTrue(message("stages:\n  render: {}").contains("unknown setting \"stages.render\""))
        XCTAssertTrue(message("inputs: [a\n").hasPrefix("p.yml: not valid YAML"))
        XCTAssertEqual(message("- a\n- b"), "p.yml: expected a mapping of settings at the top")
    }

    func testARunNeedsInputs() {
        XCTAssertThrowsError(try PipelineConfig().validated()) { error in
            XCTAssertTrue("\(error)".hasPrefix("no inputs"))
        }
        var config = PipelineConfig()
        config.inputs = ["samples"]
        XCTAssertNoThrow(try config.validated())
    }

    func testTheRepositoryPipelineFileIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = try PipelineConfig.load(file: root.appendingPathComponent("pipeline.yml").path)
        XCTAssertEqual(config.formats, [.jsonl, .csv])
        XCTAssertFalse(config.inputs.isEmpty)
    }
}

final class ShardTests: XCTestCase {
    private let hashes = (0..<2000).map { Hashing.sha256("document \($0)") }

    func testParsing() {
        XCTAssertEqual(Shard("3/8"), Shard(index: 3, count: 8))
        XCTAssertEqual(Shard(" 1 / 1 ")?.description, "1/1")
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3"] { XCTAssertNil(Shard(bad), bad) }
    }

    func testSlicesAreDisjointCoverEverythingAndAreBalanced() {
        let shards = (1...4).map { Shard(index: $0, count: 4)! }
        var seen = Set<String>()
        for shard in shards {
            let slice = hashes.filter(shard.contains)
            XCTAssertTrue(seen.isDisjoint(with: slice))
            seen.formUnion(slice)
            XCTAssertGreaterThan(slice.count, 400, "balanced: \(slice.count) of 2000")
        }
        XCTAssertEqual(seen.count, hashes.count)
    }

    func testSelectionDependsOnlyOnTheContentHash() {
        let shard = Shard("2/3")!
        let forward = hashes.filter(shard.contains)
        let backward = hashes.reversed().filter(shard.contains)
        XCTAssertEqual(forward, backward.reversed())
        XCTAssertEqual(hashes.filter(Shard("2/3")!.contains), forward)
        XCTAssertTrue(hashes.allSatisfy(Shard("1/1")!.contains))
        // A known value, so a change of the rule cannot go unnoticed: 0x0000…0005 mod 3 = 2 → shard 3.
        XCTAssertTrue(Shard("3/3")!.contains(sha256: "00000000000000" + "5" + String(repeating: "f", count: 49)))
    }
}
