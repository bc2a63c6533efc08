import Foundation

/// Decisions of the extractors, printed to stderr when PIANI_DEBUG is set: why a region became a table or not.
enum Diagnostics {
    static let isEnabled = ProcessInfo.processInfo.environment["PIANI_DEBUG"] != nil

    static func log(_ message: @autoclosure () -> String) {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data(("piani-debug: " + message() + "\n").utf8))
    }
}
