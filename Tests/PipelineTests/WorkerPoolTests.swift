import Pipeline
import XCTest

/// The pool against stand-in workers (shell scripts speaking the worker protocol): crashes, hangs and recycling.
final class WorkerPoolTests: XCTestCase {
    /// Answers each job; a path containing "crash" kills the worker with SIGSEGV, "hang" makes it sleep.
    private static let fakeWorker = #"""
        while IFS= read -r line; do
          path=$(printf '%s' "$line" | sed 's/.*"path":"\([^"]*\)".*/\1/')
          case "$path" in
            *crash*) kill -SEGV $$ ;;
            *hang*) sleep 30 ;;
          esac
          printf 'noise on stdout that is not a result\n'
          printf '{"path":"%s","sha256":"s","ok":true,"pages":%d,"counts":{"table":1},"warnings":0,"check_failures":0,"timings":{"extract":0,"normalize":0,"write":0}}\n' "$path" $$
        done
        """#

    private func pool(workers: Int, timeLimit: Double = 5, recycleAfter: Int = 100) -> WorkerPool {
        WorkerPool(command: WorkerCommand(executable: "/bin/sh", arguments: ["-c", Self.fakeWorker]), workers: workers,
                   timeLimit: timeLimit, recycleAfter: recycleAfter)
    }

    private func jobs(_ names: [String]) -> [DocumentJob] {
        names.map { DocumentJob(path: $0, sha256: "s", fileName: $0) }
    }

    func testACrashOrAHangRejectsOnlyThatDocument() {
        var results: [String: DocumentResult] = [:]
        let started = Date()
        pool(workers: 2, timeLimit: 1.5).run(jobs(["a.pdf", "crash.pdf", "b.pdf", "hang.pdf", "c.pdf", "d.pdf"])) { job, result in
            results[job.path] = result
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the hanging worker was killed at the time limit")
        XCTAssertEqual(results.count, 6)
        for good in ["a.pdf", "b.pdf", "c.pdf", "d.pdf"] { XCTAssertEqual(results[good]?.ok, true, good) }
        XCTAssertEqual(results["crash.pdf"]?.ok, false)
        XCTAssertEqual(results["crash.pdf"]?.stage, .worker)
        XCTAssertTrue(results["crash.pdf"]?.reason?.contains("crashed") == true, results["crash.pdf"]?.reason ?? "")
        XCTAssertTrue(results["crash.pdf"]?.reason?.contains("SIGSEGV") == true, results["crash.pdf"]?.reason ?? "")
        XCTAssertEqual(results["hang.pdf"]?.stage, .timeout)
        XCTAssertEqual(results["hang.pdf"]?.reason, "took longer than the time limit of 1.5 s; its worker was killed")
    }

    func testWorkersAreRecycledAfterTheirQuota() {
        var pids = Set<Int>()
        pool(workers: 1, recycleAfter: 2).run(jobs((1...6).map { "doc\($0).pdf" })) { _, result in
            XCTAssertTrue(result.ok)
            pids.insert(result.pages)  // the stand-in reports its pid as the page count
        }
        XCTAssertEqual(pids.count, 3, "one worker per two documents")
    }

    func testAWorkerThatCannotStartRejectsWithTheReason() {
        let pool = WorkerPool(command: WorkerCommand(executable: "/nonexistent/piani", arguments: []), workers: 1, timeLimit: 1,
                              recycleAfter: 1)
        var reasons: [String] = []
        pool.run(jobs(["a.pdf"])) { _, result in reasons.append(result.reason ?? "") }
        XCTAssertEqual(reasons.count, 1)
        XCTAssertTrue(reasons[0].hasPrefix("cannot start a worker (/nonexistent/piani"), reasons[0])
    }
}
