import Foundation
import XCTest

/// Runs the built `piani` executable from the repository root: arguments (and optionally standard input and
/// environment) in, output and exit code out.
enum PianiRunner {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func binary() throws -> URL {
        // The executable is in the build products folder: the test bundle's folder (Linux) or the one holding it.
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("piani") }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            struct MissingBinary: Error, CustomStringConvertible { var description: String }
            throw MissingBinary(description: "piani not built next to \(bundle.path)")
        }
        return binary
    }

    static func run(_ arguments: [String], stdin: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) } else { process.standardInput = FileHandle.nullDevice }
        try process.run()
        // Both pipes drained at once, so a large output on one never blocks the other.
        let stderr = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { stderr.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr.data, as: UTF8.self))
    }

    /// A fresh temporary folder, removed by the test's teardown block.
    static func temporaryFolder(_ test: XCTestCase) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}

private final class BundleMarker {}

/// Written by one thread, read after it is done (the group's wait orders the two).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
