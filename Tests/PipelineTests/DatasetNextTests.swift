@testable import Pipeline
import XCTest

/// The rules of `Dataset.next`, one case at a time (the end-to-end cases are in DatasetTests).
final class DatasetNextTests: XCTestCase {
    private func document(_ path: String, _ sha: String, records: Int = 1) -> DatasetDocument {
        DatasetDocument(path: path, sha256: sha, pages: 1, records: records, warnings: 0, checkFailures: 0, present: true)
    }

    private func report(_ path: String, _ sha: String?, _ status: InputStatus, reason: String? = nil) -> InputReport {
        var report = InputReport(path: path, sha256: sha, status: status)
        report.records = 1
        report.reason = reason
        return report
    }

    private func plan(_ reports: [InputReport], outsideShard: Set<String> = []) -> RunPlan {
        var plan = RunPlan()
        plan.reports = reports
        plan.outsideShard = outsideShard
        return plan
    }

    private func paths(_ documents: [DatasetDocument]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: documents.map { ($0.path, $0.sha256) })
    }

    func testAbsentDocumentsAreKeptUnlessPruned() {
        let previous = [document("a.pdf", "A"), document("b.pdf", "B")]
        let kept = Dataset.next(previous: previous, plan: plan([report("a.pdf", "A", .skipped)]), prune: false)
        XCTAssertEqual(paths(kept.documents), ["a.pdf": "A", "b.pdf": "B"])
        XCTAssertEqual(kept.documents.first { $0.path == "b.pdf" }?.present, false)
        XCTAssertEqual(kept.removed, [])
        let pruned = Dataset.next(previous: previous, plan: plan([report("a.pdf", "A", .skipped)]), prune: true)
        XCTAssertEqual(paths(pruned.documents), ["a.pdf": "A"])
        XCTAssertEqual(pruned.removed.map(\.path), ["b.pdf"])
    }

    func testChangedContentReplacesAndMovedContentRenames() {
        let previous = [document("a.pdf", "A"), document("b.pdf", "B")]
        let next = Dataset.next(previous: previous, plan: plan([report("a.pdf", "C", .ingested), report("new/b2.pdf", "B", .ingested)]),
                                prune: false)
        XCTAssertEqual(paths(next.documents), ["a.pdf": "C", "new/b2.pdf": "B"], "A replaced; B is at its new path, once")
        XCTAssertEqual(next.removed, [], "replacing and renaming are not removals")
    }

    func testARejectedOrUnreadableNewContentKeepsTheLastGoodVersion() {
        let previous = [document("a.pdf", "A"), document("piano", "P")]
        let next = Dataset.next(previous: previous, plan: plan([report("a.pdf", "X", .rejected, reason: "damaged PDF"),
                                                               report("piano", nil, .skipped, reason: "not a supported format")]),
                                prune: true)
        XCTAssertEqual(paths(next.documents), ["a.pdf": "A", "piano": "P"])
        XCTAssertTrue(next.documents.allSatisfy { $0.present && ($0.note ?? "").contains("the last good version is kept") })
    }

    func testAPathNowADuplicateOrInAnotherShardLeavesThisDocument() {
        let previous = [document("a.pdf", "A"), document("b.pdf", "B")]
        let next = Dataset.next(previous: previous, plan: plan([report("c.pdf", "C", .ingested), report("a.pdf", "C", .duplicate)],
                                                              outsideShard: ["b.pdf"]), prune: false)
        XCTAssertEqual(paths(next.documents), ["c.pdf": "C"], "a.pdf now holds c.pdf's content; b.pdf's is in another shard")
        XCTAssertEqual(next.removed.map(\.reason), ["its content now belongs to another shard"])
    }

    func testOrderIsByFileNameThenPath() {
        let next = Dataset.next(previous: [document("z/a.pdf", "A")], plan: plan([report("b/c.pdf", "C", .ingested), report("a/b.pdf", "B", .ingested)]),
                                prune: false)
        XCTAssertEqual(next.documents.map(\.path), ["z/a.pdf", "a/b.pdf", "b/c.pdf"])
    }
}
