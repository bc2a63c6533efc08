@testable import Core
import Foundation
import XCTest

/// Foundation's errors become a reason in words, never their dump.
final class ErrorTextTests: XCTestCase {
    func testFileErrorsAreTheirPOSIXReason() {
        let missing = "/nonexistent-\(UUID().uuidString)/labels.yml"
        XCTAssertThrowsError(try String(contentsOf: URL(fileURLWithPath: missing), encoding: .utf8)) { error in
            XCTAssertEqual(ErrorText.reason(error), String(cString: strerror(ENOENT)))
        }
        XCTAssertThrowsError(try FileManager.default.createDirectory(atPath: "/dev/null/x", withIntermediateDirectories: true)) { error in
            let reason = ErrorText.reason(error)
            XCTAssertFalse(reason.contains("Domain") || reason.contains("Code="), reason)
            XCTAssertFalse(reason.isEmpty)
        }
        XCTAssertEqual(ErrorText.reason(CocoaError(.fileReadNoPermission)), String(cString: strerror(EACCES)))
        XCTAssertEqual(ErrorText.reason(POSIXError(.ENOSPC)), String(cString: strerror(ENOSPC)))
    }

    func testOwnErrorsKeepTheirDescription() {
        struct Described: Error, CustomStringConvertible { var description: String { "line 3: a list is expected" } }
        XCTAssertEqual(ErrorText.reason(Described()), "line 3: a list is expected")
    }
}
